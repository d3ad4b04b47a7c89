"""Which changes the owner may make to which skill claims: one rule for the API and the web.

A claim says who vouches for a skill. What the citizen declared themselves (source ``self``)
they may change freely; a statement by someone else (an employer, a school, VDAB, an assessor,
the platform's extraction) keeps its skill, source, evidence, verification level and date
acquired, or the portfolio would show a forged provenance: the owner changes only when they
last used it and their note, or withdraws it. The owner never raises a claim's verification
level: only ``self_declared`` (or the weaker ``inferred``) is theirs to state.
"""

from __future__ import annotations

from dataclasses import replace

from koers.portfolio.model import ActorType, Portfolio, SkillClaim, VerificationLevel

OWNER_LEVELS = frozenset({VerificationLevel.SELF_DECLARED, VerificationLevel.INFERRED})
"""Verification levels the owner may give a claim (added or changed) on their own word."""


def is_own_claim(claim: SkillClaim) -> bool:
    """Whether the citizen declared the claim themselves (and so may change all of it)."""
    return claim.source.actor_type is ActorType.SELF


def _new_claim_problem(claim: SkillClaim) -> str:
    if claim.verification not in OWNER_LEVELS:
        return f"claim '{claim.id}': a new claim cannot be {claim.verification.value}"
    if (
        claim.source.actor_type is ActorType.EXTRACTION
        and claim.verification is not VerificationLevel.INFERRED
    ):
        return f"claim '{claim.id}': only the platform's extraction makes extraction claims"
    return ""


def _changed_claim_problem(before: SkillClaim, after: SkillClaim) -> str:
    if not is_own_claim(before):
        kept = replace(after, last_used=before.last_used, note=before.note)
        if kept != before:
            return (
                f"claim '{before.id}' comes from someone else: only its last use and note "
                "can change"
            )
        return ""
    if after.verification != before.verification and after.verification not in OWNER_LEVELS:
        return f"claim '{before.id}': the owner cannot make a claim {after.verification.value}"
    if after.source.actor_type is ActorType.EXTRACTION:
        return f"claim '{before.id}': only the platform's extraction makes extraction claims"
    return ""


def owner_edit_problems(old: Portfolio, new: Portfolio) -> list[str]:
    """The changes from ``old`` to ``new`` that the owner may not make; empty when all may.

    Withdrawing a claim is always allowed; the rest of the portfolio (person, history,
    preferences, goals) is the owner's own statement and not checked here.
    """
    before = {c.id: c for c in old.claims}
    problems = []
    for claim in new.claims:
        previous = before.get(claim.id)
        if previous is None:
            problem = _new_claim_problem(claim)
        elif previous == claim:
            continue
        else:
            problem = _changed_claim_problem(previous, claim)
        if problem:
            problems.append(problem)
    return problems
