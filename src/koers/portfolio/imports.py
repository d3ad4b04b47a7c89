"""Build or extend a portfolio from a CV text (via skill extraction), a list of occupations
or a portfolio file, and merge a reviewed import into an existing portfolio.

Imports never overwrite: they add claims and history entries with fresh ids, so that the
event log records them as ``claim_added`` / ``history_added``.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from koers.portfolio.errors import PortfolioInvalid
from koers.portfolio.europass import from_jsonld
from koers.portfolio.formats import OccupationRow, from_json, next_id
from koers.portfolio.model import (
    ActorType,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
)
from koers.portfolio.ports import FoundSkill

MIN_EXTRACTION_SCORE = 0.0
"""Found skills below this score are left out (the extractor's ranking is kept as is). The CV
import's finder already applies the per-method threshold of the extraction domain
(``koers.extraction.threshold.IMPORT_MIN_SCORE``; the score scale depends on the method, which
a :class:`FoundSkill` does not carry), so nothing more is cut here."""


def add_occupations(portfolio: Portfolio, rows: Sequence[OccupationRow]) -> Portfolio:
    """Add one job entry per row (its occupation's essential skills are then implied)."""
    make = next_id([h.id for h in portfolio.history], "h")
    entries = tuple(
        HistoryEntry(
            id=make(),
            kind=HistoryKind.JOB,
            title=row.title,
            start=row.start,
            end=row.end,
            occupation_uri=row.occupation_uri,
            organisation=row.organisation,
        )
        for row in rows
    )
    return replace(portfolio, history=portfolio.history + entries)


def add_found_skills(
    portfolio: Portfolio,
    found: Sequence[FoundSkill],
    document: str = "CV",
    min_score: float = MIN_EXTRACTION_SCORE,
) -> Portfolio:
    """Add the skills found in a document as inferred claims (actor ``extraction``).

    A skill already claimed is not added again: the existing claim stays as it is.

    Args:
        portfolio: the portfolio to extend.
        found: ranked skills with the text span that triggered each.
        document: the document's title, recorded as the evidence title.
        min_score: leave out skills scored below this.
    """
    have = {c.skill_uri for c in portfolio.claims}
    make = next_id([c.id for c in portfolio.claims], "c")
    claims: list[SkillClaim] = []
    for skill in found:
        if skill.uri in have or skill.score < min_score:
            continue
        have.add(skill.uri)
        claims.append(
            SkillClaim(
                id=make(),
                skill_uri=skill.uri,
                source=Source(ActorType.EXTRACTION, "Koers"),
                evidence=Evidence(EvidenceType.DOCUMENT_EXCERPT, document, skill.excerpt[:300]),
                verification=VerificationLevel.INFERRED,
            )
        )
    return replace(portfolio, claims=portfolio.claims + tuple(claims))


def already_imported(base: Portfolio, found: Portfolio) -> set[str]:
    """Ids of the claims and jobs of an import (``found``) that ``base`` already has: the same
    skill, or a job with the same occupation, organisation and dates. They are shown, not
    added again."""

    def job(h: HistoryEntry) -> tuple[object, ...]:
        return (h.kind, h.occupation_uri, h.organisation.strip().lower(), h.start, h.end)

    skills = {c.skill_uri for c in base.claims}
    jobs = {job(h) for h in base.history}
    return {c.id for c in found.claims if c.skill_uri in skills} | {
        h.id for h in found.history if job(h) in jobs
    }


def merge_import(base: Portfolio, found: Portfolio, keep: Collection[str]) -> Portfolio:
    """``base`` plus the claims and jobs of an import whose ids are in ``keep`` (the ones the
    citizen left ticked), as new entries with new ids; what ``base`` has already is skipped.

    Claims are made again from their skill URI and text span only (as inferred extraction
    claims), so a reviewed import can never carry another source or verification level.
    """
    chosen = [c for c in found.claims if c.id in keep]
    merged = base
    for document in dict.fromkeys(c.evidence.title or "CV" for c in chosen):
        skills = [
            FoundSkill(c.skill_uri, "", 1.0, c.evidence.excerpt)
            for c in chosen
            if (c.evidence.title or "CV") == document
        ]
        merged = add_found_skills(merged, skills, document, min_score=0.0)
    skip = already_imported(base, found)
    rows = [
        OccupationRow(i, h.occupation_uri, h.title, h.organisation, h.start, h.end)
        for i, h in enumerate(found.history, start=1)
        if h.id in keep and h.id not in skip and h.occupation_uri
    ]
    return add_occupations(merged, rows)


def parse_portfolio(text: str, source: str = "portfolio") -> Portfolio:
    """The platform's JSON (``format: koers.portfolio``) or an ELM JSON-LD ``Person``."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PortfolioInvalid(source, [f"not valid JSON (line {exc.lineno}: {exc.msg})"]) from exc
    except RecursionError as exc:  # JSON nested thousands deep: a 500 before (issue 13)
        raise PortfolioInvalid(
            source, ["not a portfolio: the JSON is nested far too deeply"]
        ) from exc
    if isinstance(raw, Mapping) and ("@context" in raw or raw.get("type") == "Person"):
        return from_jsonld(raw, source)
    return from_json(raw, source)
