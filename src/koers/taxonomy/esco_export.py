"""Read an official ESCO CSV export (any language, v1.1.x or v1.2) into an :class:`EscoBundle`.

This is the taxonomy's file adapter: it only reads files and validates them; nothing is
stored here, so a bad file can never leave the store half-loaded. Every problem is reported
as an :class:`EscoFileError` naming the file, the row (1 = header line) and the column.

File names follow the ESCO portal's export: ``occupations_<lang>.csv``, ``skills_<lang>.csv``,
``ISCOGroups_<lang>.csv``, ``skillGroups_<lang>.csv``, ``occupationSkillRelations[_<lang>].csv``,
``broaderRelationsOccPillar[_<lang>].csv``, ``broaderRelationsSkillPillar[_<lang>].csv``,
``<name>SkillsCollection_<lang>.csv``; each may also be gzip-compressed (``.csv.gz``).
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from koers.taxonomy.errors import EscoFileError
from koers.taxonomy.model import (
    BroaderRelation,
    CollectionMember,
    ConceptKind,
    CrosswalkEntry,
    Description,
    DroppedRows,
    EscoBundle,
    IscoGroup,
    Label,
    LabelType,
    Occupation,
    OccupationSkillRelation,
    RelationType,
    Skill,
    SkillGroup,
)

log = logging.getLogger(__name__)

# Concepts that appear in the v1.1.1 relations export but were never released as occupations
# (documented in shared/data/MANIFEST.md). Their relation rows are dropped with a log line;
# any other unknown URI is an error.
KNOWN_UNRELEASED_CONCEPTS: dict[str, str] = {
    "http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e": (
        "occupation referenced by occupationSkillRelations but absent from the released "
        "occupations file of ESCO v1.1.1"
    ),
}

_FILE_RE = re.compile(r"^(?P<stem>[A-Za-z]+?)(?:_(?P<lang>[a-z]{2,3}))?\.csv(?:\.gz)?$")
_COLLECTION_RE = re.compile(r"^(?P<name>[a-zA-Z]+?)(?:Skills|Occupations)Collection$")
_COLLECTION_NAMES = {
    "transversal": "transversal",
    "digital": "digital",
    "green": "green",
    "language": "language",
    "research": "research",
    "digComp": "digcomp",
}

csv.field_size_limit(10_000_000)


def _open_text(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")


def read_rows(
    path: Path, required: list[str], allow_short_rows: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(row_number, row)`` for each data row, validating header, width and encoding.

    Args:
        path: the CSV or ``.csv.gz`` file.
        required: columns that must be in the header.
        allow_short_rows: pad rows with fewer fields than the header (ragged official files).

    Row numbers count physical CSV records with the header as row 1, as a spreadsheet shows them.

    Raises:
        EscoFileError: missing column, wrong number of fields, unterminated quote, bad bytes.
    """
    name = path.name
    row_number = 1
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle, strict=True)
            try:
                header = next(reader)
            except StopIteration:
                raise EscoFileError(name, "file is empty (no header line)", row=1) from None
            header = [h.strip().lstrip("\ufeff") for h in header]
            for column in required:
                if column not in header:
                    raise EscoFileError(
                        name,
                        f"missing required column (header has: {', '.join(header)})",
                        row=1,
                        column=column,
                    )
            width = len(header)
            for record in reader:
                row_number += 1
                if not record:
                    continue
                if allow_short_rows and len(record) < width:
                    record = record + [""] * (width - len(record))
                if len(record) != width:
                    raise EscoFileError(
                        name,
                        f"expected {width} fields, found {len(record)} "
                        "(file truncated or a quote not closed?)",
                        row=row_number,
                    )
                yield row_number, dict(zip(header, record, strict=True))
    except UnicodeDecodeError as exc:
        raise EscoFileError(
            name, f"not valid UTF-8 (byte offset {exc.start} in the chunk read)", row=row_number + 1
        ) from None
    except csv.Error as exc:
        raise EscoFileError(name, f"malformed CSV: {exc}", row=row_number + 1) from None
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise EscoFileError(name, f"cannot read file: {exc}") from None


def _need(row: dict[str, str], column: str, file: str, row_number: int) -> str:
    value = row.get(column, "").strip()
    if not value:
        raise EscoFileError(file, "required value is empty", row=row_number, column=column)
    return value


def _split_labels(value: str) -> list[str]:
    return [part.strip() for part in value.splitlines() if part.strip()]


def discover(directory: Path) -> dict[tuple[str, str | None], Path]:
    """Map ``(stem, lang)`` to the file path for every ESCO-like CSV in ``directory``."""
    if not directory.is_dir():
        raise EscoFileError(str(directory), "is not a directory")
    found: dict[tuple[str, str | None], Path] = {}
    for path in sorted(directory.iterdir()):
        match = _FILE_RE.match(path.name)
        if match:
            found[(match["stem"], match["lang"])] = path
    return found


def _by_stem(files: dict[tuple[str, str | None], Path], stem: str) -> dict[str | None, Path]:
    return {lang: path for (s, lang), path in files.items() if s == stem}


def _primary_language(langs: dict[str | None, Path]) -> str | None:
    if "en" in langs:
        return "en"
    return sorted(lang for lang in langs if lang)[0] if langs else None


def _add_labels(
    bundle: EscoBundle,
    row: dict[str, str],
    uri: str,
    kind: ConceptKind,
    lang: str,
) -> None:
    preferred = row.get("preferredLabel", "").strip()
    if preferred:
        bundle.labels.append(Label(uri, kind, lang, preferred, LabelType.PREFERRED))
    for text in _split_labels(row.get("altLabels", "")):
        bundle.labels.append(Label(uri, kind, lang, text, LabelType.ALTERNATIVE))
    for text in _split_labels(row.get("hiddenLabels", "")):
        bundle.labels.append(Label(uri, kind, lang, text, LabelType.HIDDEN))
    description = (row.get("description") or row.get("definition") or "").strip()
    if description:
        bundle.descriptions.append(Description(uri, lang, description))


def _read_concepts(
    bundle: EscoBundle,
    files: dict[tuple[str, str | None], Path],
    stem: str,
    kind: ConceptKind,
    required: list[str],
    known: set[str],
) -> None:
    """Read every language file of one concept type; the primary language defines the set."""
    langs = _by_stem(files, stem)
    primary = _primary_language(langs)
    if primary is None:
        return
    order = [primary, *sorted(lang for lang in langs if lang and lang != primary)]
    for lang in order:
        path = langs[lang]
        for row_number, row in read_rows(path, required):
            uri = _need(row, "conceptUri", path.name, row_number)
            if lang == primary:
                if uri in known:
                    raise EscoFileError(
                        path.name, f"duplicate concept {uri}", row_number, "conceptUri"
                    )
                known.add(uri)
                _add_concept(bundle, kind, row, uri, path.name, row_number)
            elif uri not in known:
                raise EscoFileError(
                    path.name,
                    f"concept {uri} is not in the {primary} file of the same export",
                    row_number,
                    "conceptUri",
                )
            _add_labels(bundle, row, uri, kind, lang)


def _add_concept(
    bundle: EscoBundle, kind: ConceptKind, row: dict[str, str], uri: str, file: str, row_number: int
) -> None:
    if kind is ConceptKind.OCCUPATION:
        bundle.occupations.append(
            Occupation(
                uri=uri,
                code=row.get("code", "").strip(),
                isco_group=_need(row, "iscoGroup", file, row_number),
            )
        )
    elif kind is ConceptKind.SKILL:
        bundle.skills.append(
            Skill(
                uri=uri,
                skill_type=row.get("skillType", "").strip(),
                reuse_level=row.get("reuseLevel", "").strip(),
            )
        )
    elif kind is ConceptKind.ISCO_GROUP:
        bundle.isco_groups.append(IscoGroup(uri=uri, code=_need(row, "code", file, row_number)))
    else:
        bundle.skill_groups.append(SkillGroup(uri=uri, code=row.get("code", "").strip()))


def read_export(directory: Path, version: str) -> EscoBundle:
    """Read and validate one ESCO CSV export directory.

    Args:
        directory: folder holding the export's CSV (or ``.csv.gz``) files.
        version: the ESCO version to record, e.g. ``v1.1.1``.

    Raises:
        EscoFileError: the first problem found, naming file, row and column.
    """
    files = discover(directory)
    if not _by_stem(files, "occupations") or not _by_stem(files, "skills"):
        raise EscoFileError(
            str(directory),
            "no occupations_<lang>.csv or skills_<lang>.csv found: not an ESCO export",
        )
    bundle = EscoBundle(version=version)
    occupations: set[str] = set()
    skills: set[str] = set()
    isco: set[str] = set()
    groups: set[str] = set()
    _read_concepts(
        bundle,
        files,
        "occupations",
        ConceptKind.OCCUPATION,
        ["conceptUri", "iscoGroup", "preferredLabel"],
        occupations,
    )
    _read_concepts(
        bundle,
        files,
        "skills",
        ConceptKind.SKILL,
        ["conceptUri", "skillType", "preferredLabel"],
        skills,
    )
    _read_concepts(
        bundle,
        files,
        "ISCOGroups",
        ConceptKind.ISCO_GROUP,
        ["conceptUri", "code", "preferredLabel"],
        isco,
    )
    _read_concepts(
        bundle,
        files,
        "skillGroups",
        ConceptKind.SKILL_GROUP,
        ["conceptUri", "preferredLabel"],
        groups,
    )

    _read_skill_hierarchy(bundle, files, groups)
    _read_relations(bundle, files, occupations, skills)
    everything = occupations | skills | isco | groups
    _read_broader(bundle, files, "broaderRelationsOccPillar", "occupation", everything)
    _read_broader(bundle, files, "broaderRelationsSkillPillar", "skill", everything)
    _read_collections(bundle, files, skills | occupations)
    return bundle


def _read_skill_hierarchy(
    bundle: EscoBundle, files: dict[tuple[str, str | None], Path], groups: set[str]
) -> None:
    """Add the skill-hierarchy nodes (levels 0-3) that the skillGroups file does not list.

    In v1.1.1 a few level-3 nodes exist only in ``skillsHierarchy``; skills point to them.
    """
    langs = _by_stem(files, "skillsHierarchy")
    for lang, path in sorted(langs.items(), key=lambda item: item[0] or ""):
        columns = [f"Level {level} URI" for level in range(4)]
        # The official skillsHierarchy export omits trailing empty fields on some rows.
        for row_number, row in read_rows(path, columns, allow_short_rows=True):
            for level in range(4):
                uri = row.get(f"Level {level} URI", "").strip()
                if not uri or uri in groups:
                    continue
                groups.add(uri)
                code = row.get(f"Level {level} code", "").strip()
                bundle.skill_groups.append(SkillGroup(uri=uri, code=code))
                term = row.get(f"Level {level} preferred term", "").strip()
                if not term:
                    raise EscoFileError(
                        path.name,
                        "preferred term is empty",
                        row_number,
                        f"Level {level} preferred term",
                    )
                bundle.labels.append(
                    Label(uri, ConceptKind.SKILL_GROUP, lang or "en", term, LabelType.PREFERRED)
                )


def _single(files: dict[tuple[str, str | None], Path], stem: str) -> Path | None:
    langs = _by_stem(files, stem)
    if not langs:
        return None
    return langs.get(None) or langs.get("en") or next(iter(langs.values()))


def _read_relations(
    bundle: EscoBundle,
    files: dict[tuple[str, str | None], Path],
    occupations: set[str],
    skills: set[str],
) -> None:
    path = _single(files, "occupationSkillRelations")
    if path is None:
        raise EscoFileError(str(path), "occupationSkillRelations file is missing")
    dropped: dict[str, int] = {}
    for row_number, row in read_rows(path, ["occupationUri", "relationType", "skillUri"]):
        occupation = _need(row, "occupationUri", path.name, row_number)
        skill = _need(row, "skillUri", path.name, row_number)
        relation = _need(row, "relationType", path.name, row_number)
        if occupation not in occupations:
            if occupation in KNOWN_UNRELEASED_CONCEPTS:
                dropped[occupation] = dropped.get(occupation, 0) + 1
                continue
            raise EscoFileError(
                path.name, f"unknown occupation {occupation}", row_number, "occupationUri"
            )
        if skill not in skills:
            raise EscoFileError(path.name, f"unknown skill {skill}", row_number, "skillUri")
        try:
            relation_type = RelationType(relation)
        except ValueError:
            raise EscoFileError(
                path.name,
                f"relationType must be essential or optional, not '{relation}'",
                row_number,
                "relationType",
            ) from None
        bundle.relations.append(
            OccupationSkillRelation(occupation, skill, relation_type, row.get("skillType", ""))
        )
    _record_dropped(bundle, path.name, dropped)


def _record_dropped(bundle: EscoBundle, file: str, dropped: dict[str, int]) -> None:
    for uri, count in dropped.items():
        reason = f"{uri}: {KNOWN_UNRELEASED_CONCEPTS[uri]}"
        bundle.dropped.append(DroppedRows(file, count, reason))
        log.warning(
            "taxonomy.rows_dropped",
            extra={"fields": {"file": file, "rows": count, "reason": reason}},
        )


def _read_broader(
    bundle: EscoBundle,
    files: dict[tuple[str, str | None], Path],
    stem: str,
    pillar: str,
    known: set[str],
) -> None:
    path = _single(files, stem)
    if path is None:
        return
    dropped: dict[str, int] = {}
    for row_number, row in read_rows(path, ["conceptUri", "broaderUri"]):
        child = _need(row, "conceptUri", path.name, row_number)
        parent = _need(row, "broaderUri", path.name, row_number)
        unreleased = [uri for uri in (child, parent) if uri in KNOWN_UNRELEASED_CONCEPTS]
        if unreleased:
            dropped[unreleased[0]] = dropped.get(unreleased[0], 0) + 1
            continue
        for column, uri in (("conceptUri", child), ("broaderUri", parent)):
            if uri not in known:
                raise EscoFileError(path.name, f"unknown concept {uri}", row_number, column)
        bundle.broader.append(BroaderRelation(child, parent, pillar))
    _record_dropped(bundle, path.name, dropped)


def _read_collections(
    bundle: EscoBundle, files: dict[tuple[str, str | None], Path], known: set[str]
) -> None:
    for (stem, _lang), path in sorted(files.items(), key=lambda item: item[1].name):
        match = _COLLECTION_RE.match(stem)
        if not match or match["name"] not in _COLLECTION_NAMES:
            continue
        collection = _COLLECTION_NAMES[match["name"]]
        if "Occupations" in stem:
            collection = f"{collection}_occupations"
        seen: set[str] = set()
        for row_number, row in read_rows(path, ["conceptUri"]):
            uri = _need(row, "conceptUri", path.name, row_number)
            if uri not in known:
                raise EscoFileError(path.name, f"unknown concept {uri}", row_number, "conceptUri")
            if uri not in seen:
                seen.add(uri)
                bundle.collections.append(CollectionMember(collection, uri))


def read_onet_crosswalk(path: Path, occupations: set[str]) -> list[CrosswalkEntry]:
    """ESCO occupation URI → O*NET-SOC 2019 codes (``esco_occupation_uri,onet_codes``)."""
    entries: list[CrosswalkEntry] = []
    for row_number, row in read_rows(path, ["esco_occupation_uri", "onet_codes"]):
        uri = _need(row, "esco_occupation_uri", path.name, row_number)
        if uri not in occupations:
            raise EscoFileError(
                path.name, f"unknown occupation {uri}", row_number, "esco_occupation_uri"
            )
        for code in row["onet_codes"].split(";"):
            if code.strip():
                entries.append(CrosswalkEntry(uri, "onet_soc_2019", code.strip()))
    return entries


def read_isco_soc_crosswalk(path: Path) -> list[CrosswalkEntry]:
    """ISCO-08 unit group → SOC 2010 codes (the BLS crosswalk)."""
    entries: list[CrosswalkEntry] = []
    seen: set[tuple[str, str]] = set()
    for row_number, row in read_rows(path, ["ISCO-08 Code", "2010 SOC Code"]):
        isco = _need(row, "ISCO-08 Code", path.name, row_number)
        soc = _need(row, "2010 SOC Code", path.name, row_number)
        if (isco, soc) not in seen:
            seen.add((isco, soc))
            entries.append(CrosswalkEntry(isco, "soc_2010", soc))
    return entries
