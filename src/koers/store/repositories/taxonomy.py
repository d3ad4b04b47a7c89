"""Reads and writes of the common skills language; returns taxonomy domain dataclasses."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from koers.store.orm.taxonomy import (
    TAXONOMY_TABLES,
    BroaderRow,
    CollectionMemberRow,
    ConceptDescriptionRow,
    ConceptLabelRow,
    CrosswalkRow,
    IscoGroupRow,
    OccupationRow,
    OccupationSkillRow,
    SkillGroupRow,
    SkillRow,
    TaxonomyVersionRow,
)
from koers.taxonomy import (
    ConceptDetail,
    ConceptKind,
    ConceptNotFound,
    ConceptRef,
    EscoBundle,
    Label,
    LabelType,
    TaxonomyStats,
)

_CHUNK = 5000


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start : start + _CHUNK]


class TaxonomyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writes ---------------------------------------------------------------------------------

    def replace_all(self, bundle: EscoBundle, source: str) -> TaxonomyStats:
        """Replace the whole taxonomy with ``bundle`` inside the caller's transaction.

        Idempotent: loading the same bundle twice gives the same store.
        """
        for table in TAXONOMY_TABLES:
            self.session.execute(delete(table))
        self._insert(OccupationRow, [asdict(o) for o in bundle.occupations])
        self._insert(SkillRow, [asdict(s) for s in bundle.skills])
        self._insert(IscoGroupRow, [asdict(g) for g in bundle.isco_groups])
        self._insert(SkillGroupRow, [asdict(g) for g in bundle.skill_groups])
        self._insert(
            ConceptLabelRow,
            [
                {
                    "uri": lb.uri,
                    "kind": lb.kind.value,
                    "lang": lb.lang,
                    "label_type": lb.label_type.value,
                    "text": lb.text,
                }
                for lb in bundle.labels
            ],
        )
        self._insert(ConceptDescriptionRow, [asdict(d) for d in _unique_descriptions(bundle)])
        self._insert(
            OccupationSkillRow,
            [
                {
                    "occupation_uri": r.occupation_uri,
                    "skill_uri": r.skill_uri,
                    "relation_type": r.relation_type.value,
                    "skill_type": r.skill_type,
                }
                for r in bundle.relations
            ],
        )
        self._insert(
            BroaderRow,
            [asdict(b) for b in {(b.child_uri, b.parent_uri): b for b in bundle.broader}.values()],
        )
        self._insert(CollectionMemberRow, [asdict(c) for c in bundle.collections])
        self._insert(CrosswalkRow, [asdict(c) for c in set(bundle.crosswalks)])
        report = {
            "occupations": len(bundle.occupations),
            "skills": len(bundle.skills),
            "relations": len(bundle.relations),
            "labels": len(bundle.labels),
            "dropped": [asdict(d) for d in bundle.dropped],
        }
        self.session.add(
            TaxonomyVersionRow(
                esco_version=bundle.version,
                languages=",".join(bundle.languages),
                source=source,
                loaded_at=datetime.now(UTC),
                report=json.dumps(report),
            )
        )
        self.session.flush()
        return self.stats()

    def _insert(self, table: type, rows: Sequence[dict[str, Any]]) -> None:
        for chunk in _chunks(rows):
            self.session.execute(insert(table), list(chunk))

    # -- reads ----------------------------------------------------------------------------------

    def current_version_id(self) -> int | None:
        """Id of the latest load; changes whenever the taxonomy is replaced."""
        return self.session.scalar(select(func.max(TaxonomyVersionRow.id)))

    def is_loaded(self) -> bool:
        return self.session.scalar(select(func.count()).select_from(TaxonomyVersionRow)) != 0

    def stats(self) -> TaxonomyStats:
        version = self.session.scalars(
            select(TaxonomyVersionRow).order_by(TaxonomyVersionRow.id.desc()).limit(1)
        ).first()
        if version is None:
            raise ConceptNotFound("taxonomy", "(nothing loaded: run 'koers data load')")

        def count(table: type) -> int:
            return int(self.session.scalar(select(func.count()).select_from(table)) or 0)

        by_lang = self.session.execute(
            select(ConceptLabelRow.lang, func.count()).group_by(ConceptLabelRow.lang)
        ).all()
        report = json.loads(version.report or "{}")
        return TaxonomyStats(
            esco_version=version.esco_version,
            occupations=count(OccupationRow),
            skills=count(SkillRow),
            occupation_skill_relations=count(OccupationSkillRow),
            isco_groups=count(IscoGroupRow),
            skill_groups=count(SkillGroupRow),
            languages=[lang for lang in version.languages.split(",") if lang],
            labels_by_language={str(k): int(v) for k, v in by_lang},
            loaded_at=version.loaded_at.isoformat(),
            source=version.source,
            dropped=report.get("dropped", []),
        )

    def all_labels(self) -> list[Label]:
        rows = self.session.execute(
            select(
                ConceptLabelRow.uri,
                ConceptLabelRow.kind,
                ConceptLabelRow.lang,
                ConceptLabelRow.text,
                ConceptLabelRow.label_type,
            )
        ).all()
        return [Label(u, ConceptKind(k), lang, t, LabelType(lt)) for u, k, lang, t, lt in rows]

    def kind_of(self, uri_or_code: str) -> tuple[ConceptKind, str]:
        """Resolve a URI or code (ESCO occupation code, ISCO code, skill group code)."""
        for kind, table, code_column in (
            (ConceptKind.OCCUPATION, OccupationRow, OccupationRow.code),
            (ConceptKind.SKILL, SkillRow, None),
            (ConceptKind.ISCO_GROUP, IscoGroupRow, IscoGroupRow.code),
            (ConceptKind.SKILL_GROUP, SkillGroupRow, SkillGroupRow.code),
        ):
            condition = table.uri == uri_or_code  # type: ignore[attr-defined]
            if code_column is not None:
                condition = or_(condition, code_column == uri_or_code)
            uri = self.session.scalar(select(table.uri).where(condition).limit(1))  # type: ignore[attr-defined]
            if uri is not None:
                return kind, str(uri)
        raise ConceptNotFound("concept", uri_or_code)

    def refs(self, uris: Iterable[str], lang: str) -> dict[str, ConceptRef]:
        """Preferred labels in ``lang``, falling back to English per concept."""
        wanted = list(dict.fromkeys(uris))
        if not wanted:
            return {}
        labels: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
        for start in range(0, len(wanted), 900):
            part = wanted[start : start + 900]
            for uri, kind, label_lang, text in self.session.execute(
                select(
                    ConceptLabelRow.uri,
                    ConceptLabelRow.kind,
                    ConceptLabelRow.lang,
                    ConceptLabelRow.text,
                )
                .where(ConceptLabelRow.uri.in_(part))
                .where(ConceptLabelRow.label_type == LabelType.PREFERRED.value)
                .where(ConceptLabelRow.lang.in_({lang, "en"}))
            ):
                labels[uri][label_lang] = (kind, text)
        codes = self._codes(wanted)
        result: dict[str, ConceptRef] = {}
        for uri in wanted:
            by_lang = labels.get(uri)
            if not by_lang:
                continue
            used = lang if lang in by_lang else next(iter(by_lang))
            kind, text = by_lang[used]
            result[uri] = ConceptRef(uri, ConceptKind(kind), text, codes.get(uri, ""), used)
        return result

    def _codes(self, uris: list[str]) -> dict[str, str]:
        codes: dict[str, str] = {}
        for table in (OccupationRow, IscoGroupRow, SkillGroupRow):
            for start in range(0, len(uris), 900):
                part = uris[start : start + 900]
                rows = self.session.execute(
                    select(table.uri, table.code).where(table.uri.in_(part))
                ).all()
                codes.update((str(uri), str(code)) for uri, code in rows)
        return codes

    def _ordered_refs(self, uris: Iterable[str], lang: str) -> list[ConceptRef]:
        refs = self.refs(uris, lang)
        return sorted(refs.values(), key=lambda r: (r.code or "~", r.label.lower()))

    def detail(self, uri_or_code: str, lang: str = "en") -> ConceptDetail:
        kind, uri = self.kind_of(uri_or_code)
        ref = self.refs([uri], lang)[uri]
        alternatives = list(
            self.session.scalars(
                select(ConceptLabelRow.text)
                .where(
                    ConceptLabelRow.uri == uri,
                    ConceptLabelRow.lang == ref.lang,
                    ConceptLabelRow.label_type == LabelType.ALTERNATIVE.value,
                )
                .order_by(ConceptLabelRow.text)
            )
        )
        descriptions = dict(
            self.session.execute(
                select(ConceptDescriptionRow.lang, ConceptDescriptionRow.text).where(
                    ConceptDescriptionRow.uri == uri
                )
            ).all()
        )
        broader = self.session.scalars(
            select(BroaderRow.parent_uri).where(BroaderRow.child_uri == uri)
        )
        narrower = self.session.scalars(
            select(BroaderRow.child_uri).where(BroaderRow.parent_uri == uri)
        )
        extra: dict[str, Any] = {}
        if kind is ConceptKind.OCCUPATION:
            occupation = self.session.get(OccupationRow, uri)
            assert occupation is not None
            isco_uri = self.session.scalar(
                select(IscoGroupRow.uri).where(IscoGroupRow.code == occupation.isco_group)
            )
            extra["isco_group"] = self.refs([isco_uri], lang).get(isco_uri) if isco_uri else None
            relations = self.session.execute(
                select(OccupationSkillRow.skill_uri, OccupationSkillRow.relation_type).where(
                    OccupationSkillRow.occupation_uri == uri
                )
            ).all()
            skill_refs = self.refs([s for s, _ in relations], lang)
            for relation in ("essential", "optional"):
                extra[f"{relation}_skills"] = sorted(
                    (skill_refs[s] for s, r in relations if r == relation and s in skill_refs),
                    key=lambda r: r.label.lower(),
                )
            crosswalks: dict[str, list[str]] = defaultdict(list)
            for scheme, target in self.session.execute(
                select(CrosswalkRow.scheme, CrosswalkRow.target).where(
                    or_(CrosswalkRow.source == uri, CrosswalkRow.source == occupation.isco_group)
                )
            ):
                crosswalks[scheme].append(target)
            extra["crosswalks"] = {k: sorted(v) for k, v in crosswalks.items()}
        elif kind is ConceptKind.SKILL:
            skill = self.session.get(SkillRow, uri)
            assert skill is not None
            extra["skill_type"] = skill.skill_type
            extra["reuse_level"] = skill.reuse_level
            occupations = self.session.scalars(
                select(OccupationSkillRow.occupation_uri).where(
                    OccupationSkillRow.skill_uri == uri,
                    OccupationSkillRow.relation_type == "essential",
                )
            )
            extra["occupations"] = sorted(
                self.refs(occupations, lang).values(), key=lambda r: r.label.lower()
            )
            extra["collections"] = sorted(
                self.session.scalars(
                    select(CollectionMemberRow.collection).where(CollectionMemberRow.uri == uri)
                )
            )
        if kind is ConceptKind.ISCO_GROUP:
            code = ref.code
            members = self.session.scalars(
                select(OccupationRow.uri).where(OccupationRow.isco_group == code)
            )
            narrower_uris = set(narrower) | set(members)
        else:
            narrower_uris = set(narrower)
        return ConceptDetail(
            ref=ref,
            description=descriptions.get(ref.lang) or descriptions.get("en", ""),
            alternative_labels=alternatives,
            broader=self._ordered_refs(broader, lang),
            narrower=self._ordered_refs(narrower_uris, lang),
            **extra,
        )

    def top_level(self, kind: ConceptKind, lang: str) -> list[ConceptRef]:
        """Roots of a hierarchy: ISCO major groups or skill-hierarchy level 0."""
        table = IscoGroupRow if kind is ConceptKind.ISCO_GROUP else SkillGroupRow
        has_parent = select(BroaderRow.child_uri)
        roots = self.session.scalars(select(table.uri).where(table.uri.not_in(has_parent)))
        return self._ordered_refs(roots, lang)


def _unique_descriptions(bundle: EscoBundle) -> list[Any]:
    return list({(d.uri, d.lang): d for d in bundle.descriptions}.values())
