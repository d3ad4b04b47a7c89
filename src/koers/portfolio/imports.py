"""Build or extend a portfolio from a CV text (via skill extraction) or a list of occupations.

Imports never overwrite: they add claims and history entries with fresh ids, so that the
event log records them as ``claim_added`` / ``history_added``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from koers.portfolio.formats import OccupationRow, next_id
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
