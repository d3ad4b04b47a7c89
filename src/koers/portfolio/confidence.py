"""Derived confidence per skill (betrouwbaarheid van een competentie), with its reasons.

How a skill's confidence is computed (documented in ``docs/portfolio-and-checks.md``):

1. **Source weight** ``w`` per claim, from its verification level and actor type
   (:func:`source_weight`): verified 1.0 > attested by an employer, EVC assessor, school,
   training provider or VDAB 0.85 > attested by a coach, volunteering organisation or peer
   feedback 0.75 > self-declared 0.6 > inferred 0.4 (extraction from a document, or implied
   by a job: each job entry implies the essential skills of its ESCO occupation; a learning
   entry implies the skills it lists).
2. **Decay** ``d = 0.5 ** (t / H)`` with ``t`` the years since the claim's last use (or its
   acquisition date when no use is given) and half-life ``H = 5`` years
   (:data:`HALF_LIFE_YEARS`). A current job counts as used today. A claim without any date
   gets ``d = 0.7`` (:data:`UNKNOWN_DATE_DECAY`, about 2.6 years of decay).
3. **Combination**: ``c = 1 − Π(1 − w·d)`` over all claims of the skill: independent sources
   corroborate each other, and one strong source dominates a weak one.
4. **Stale** (verouderd): last known use more than :data:`STALE_AFTER_YEARS` (5) years ago.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from koers.messages import message
from koers.portfolio.model import (
    ActorType,
    Contribution,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    SkillClaim,
    SkillConfidence,
    VerificationLevel,
)
from koers.portfolio.ports import OccupationSkills

HALF_LIFE_YEARS = 5.0
"""Half-life of an unused skill, in years (skills lose half their weight in 5 years unused)."""
UNKNOWN_DATE_DECAY = 0.7
STALE_AFTER_YEARS = 5.0
DAYS_PER_YEAR = 365.25

STRONG_ATTESTERS = frozenset(
    {
        ActorType.EMPLOYER,
        ActorType.EVC_ASSESSOR,
        ActorType.SCHOOL,
        ActorType.TRAINING_PROVIDER,
        ActorType.VDAB,
    }
)

WEIGHTS = {
    "verified": 1.0,
    "attested_strong": 0.85,
    "attested_other": 0.75,
    "self_declared": 0.6,
    "inferred": 0.4,
}


def weight_class(verification: VerificationLevel, actor: ActorType) -> str:
    """The row of :data:`WEIGHTS` that applies to a claim."""
    if verification is VerificationLevel.VERIFIED:
        return "verified"
    if verification is VerificationLevel.INFERRED or actor is ActorType.EXTRACTION:
        return "inferred"
    if verification is VerificationLevel.SELF_DECLARED or actor is ActorType.SELF:
        return "self_declared"
    return "attested_strong" if actor in STRONG_ATTESTERS else "attested_other"


def source_weight(verification: VerificationLevel, actor: ActorType) -> float:
    """Weight in [0, 1] of a claim's source: verified > employer/assessor > self > inferred."""
    return WEIGHTS[weight_class(verification, actor)]


def years_between(earlier: date, later: date) -> float:
    return max(0.0, (later - earlier).days / DAYS_PER_YEAR)


def decay(last_used: date | None, as_of: date) -> float:
    """Time factor ``0.5 ** (years unused / HALF_LIFE_YEARS)``; :data:`UNKNOWN_DATE_DECAY`
    when the date is unknown. A date after ``as_of`` counts as today."""
    if last_used is None:
        return UNKNOWN_DATE_DECAY
    return float(0.5 ** (years_between(last_used, as_of) / HALF_LIFE_YEARS))


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start.year}–{end.year}"
    if start:
        return f"{start.year}–"
    if end:
        return f"–{end.year}"
    return "?"


def _claim_contribution(claim: SkillClaim, as_of: date) -> Contribution:
    klass = weight_class(claim.verification, claim.source.actor_type)
    weight = WEIGHTS[klass]
    used = claim.last_used or claim.acquired
    factor = decay(used, as_of)
    who = claim.source.name or claim.source.actor_type.value
    evidence = claim.evidence.type.value
    when = (
        message("portfolio.reason.last_used", date=used.isoformat())
        if used
        else message("portfolio.reason.date_unknown")
    )
    return Contribution(
        claim_id=claim.id,
        source_weight=weight,
        decay=round(factor, 4),
        value=round(weight * factor, 4),
        last_used=used,
        reason=message(
            "portfolio.reason.claim",
            level=message(f"portfolio.level.{klass}"),
            who=who,
            evidence=evidence,
            when=when,
        ),
    )


def _implied(entry: HistoryEntry, as_of: date) -> tuple[float, date | None]:
    used = as_of if entry.kind is HistoryKind.JOB and entry.end is None else entry.end
    used = used or entry.start
    if used is not None and used > as_of:
        used = as_of
    return decay(used, as_of), used


def implied_contributions(
    history: Iterable[HistoryEntry], occupations: OccupationSkills, as_of: date
) -> dict[str, list[Contribution]]:
    """Skills implied by jobs (the occupation's essential skills) and learning entries."""
    out: dict[str, list[Contribution]] = defaultdict(list)
    weight = WEIGHTS["inferred"]
    for entry in history:
        if entry.start is not None and entry.start > as_of:
            continue
        if entry.kind is HistoryKind.JOB and entry.occupation_uri:
            skills: Iterable[str] = occupations.essential_skills(entry.occupation_uri)
            what, title = "portfolio.reason.job", entry.title or entry.occupation_uri
            tag = f"job:{entry.id}"
        elif entry.kind is HistoryKind.LEARNING and entry.skills:
            skills = entry.skills
            what, title = "portfolio.reason.learning", entry.title
            tag = f"learning:{entry.id}"
        else:
            continue
        factor, used = _implied(entry, as_of)
        period = _period(entry.start, entry.end)
        for skill in sorted(set(skills)):
            out[skill].append(
                Contribution(
                    claim_id=tag,
                    source_weight=weight,
                    decay=round(factor, 4),
                    value=round(weight * factor, 4),
                    last_used=used,
                    reason=message(what, title=title, period=period),
                )
            )
    return out


def combine(contributions: Iterable[Contribution], as_of: date, skill_uri: str) -> SkillConfidence:
    """Noisy-OR of the contributions: ``1 − Π(1 − value)``."""
    parts = sorted(contributions, key=lambda c: (-c.value, c.claim_id))
    remaining = 1.0
    for part in parts:
        remaining *= 1.0 - part.value
    dates = [c.last_used for c in parts if c.last_used is not None]
    last = max(dates) if dates else None
    unused = years_between(last, as_of) if last else None
    inferred_only = all(
        c.claim_id.startswith(("job:", "learning:")) or c.source_weight <= WEIGHTS["inferred"]
        for c in parts
    )
    return SkillConfidence(
        skill_uri=skill_uri,
        confidence=round(1.0 - remaining, 4),
        last_used=last,
        years_unused=round(unused, 2) if unused is not None else None,
        stale=unused is not None and unused > STALE_AFTER_YEARS,
        inferred_only=inferred_only,
        contributions=tuple(parts),
    )


def skill_confidences(
    portfolio: Portfolio, occupations: OccupationSkills, as_of: date
) -> dict[str, SkillConfidence]:
    """Confidence of every skill the portfolio claims or implies, on date ``as_of``.

    Args:
        portfolio: the citizen's portfolio.
        occupations: essential skills per ESCO occupation (for job-implied skills).
        as_of: the reference date ("today"); claims dated later count as today.

    Returns:
        ``skill URI → SkillConfidence``, strongest first.
    """
    by_skill: dict[str, list[Contribution]] = defaultdict(list)
    for claim in portfolio.claims:
        by_skill[claim.skill_uri].append(_claim_contribution(claim, as_of))
    for skill, parts in implied_contributions(portfolio.history, occupations, as_of).items():
        by_skill[skill].extend(parts)
    result = {uri: combine(parts, as_of, uri) for uri, parts in by_skill.items()}
    return dict(sorted(result.items(), key=lambda kv: (-kv[1].confidence, kv[0])))


class MappingSkills:
    """An :class:`OccupationSkills` over a plain mapping (tests, small tools)."""

    def __init__(self, essentials: Mapping[str, Iterable[str]]) -> None:
        self._map = {k: frozenset(v) for k, v in essentials.items()}

    def essential_skills(self, occupation_uri: str) -> frozenset[str]:
        return self._map.get(occupation_uri, frozenset())
