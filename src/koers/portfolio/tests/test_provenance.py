"""The one rule for owner edits of claims (issue 13 fault 6: provenance forged through the API)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
    is_own_claim,
    owner_edit_problems,
)
from koers.portfolio.tests.fixtures import demo, skill

OLD = demo()
EMPLOYER_CLAIM = OLD.claims[0]  # attested by an employer
OWN_CLAIM = OLD.claims[1]  # self-declared
VERIFIED_CLAIM = OLD.claims[2]  # verified certificate of a training provider


def _with(claim: SkillClaim) -> Portfolio:
    return replace(OLD, claims=tuple(claim if c.id == claim.id else c for c in OLD.claims))


def test_what_is_own() -> None:
    assert is_own_claim(OWN_CLAIM)
    assert not is_own_claim(EMPLOYER_CLAIM) and not is_own_claim(VERIFIED_CLAIM)


@pytest.mark.parametrize(
    "forged",
    [
        {"source": Source(ActorType.VDAB, "VDAB")},
        {"source": Source(ActorType.SELF)},
        {"evidence": Evidence(EvidenceType.DIPLOMA, "Vals diploma")},
        {"acquired": date(2001, 1, 1)},
        {"verification": VerificationLevel.VERIFIED},
        {"skill_uri": skill(77)},
    ],
)
def test_a_claim_of_someone_else_keeps_its_provenance(forged: dict[str, object]) -> None:
    problems = owner_edit_problems(OLD, _with(replace(EMPLOYER_CLAIM, **forged)))  # type: ignore[arg-type]
    assert problems and "someone else" in problems[0]


def test_a_claim_of_someone_else_takes_last_use_and_note_and_can_be_withdrawn() -> None:
    used = replace(EMPLOYER_CLAIM, last_used=date(2026, 2, 1), note="elke week")
    assert owner_edit_problems(OLD, _with(used)) == []
    withdrawn = replace(OLD, claims=OLD.claims[1:])
    assert owner_edit_problems(OLD, withdrawn) == []


def test_an_own_claim_changes_freely_but_never_to_verified() -> None:
    school = replace(
        OWN_CLAIM,
        source=Source(ActorType.SCHOOL, "CVO"),
        evidence=Evidence(EvidenceType.CERTIFICATE, "Attest"),
        acquired=date(2019, 9, 1),
    )
    assert owner_edit_problems(OLD, _with(school)) == []
    for level in (VerificationLevel.VERIFIED, VerificationLevel.ATTESTED):
        assert owner_edit_problems(OLD, _with(replace(OWN_CLAIM, verification=level)))
    extraction = replace(OWN_CLAIM, source=Source(ActorType.EXTRACTION))
    assert owner_edit_problems(OLD, _with(extraction))


@pytest.mark.parametrize(
    ("actor", "level", "allowed"),
    [
        (ActorType.SELF, VerificationLevel.SELF_DECLARED, True),
        (ActorType.EMPLOYER, VerificationLevel.SELF_DECLARED, True),  # "my employer says so"
        (ActorType.EXTRACTION, VerificationLevel.INFERRED, True),  # a reviewed CV import
        (ActorType.VDAB, VerificationLevel.VERIFIED, False),
        (ActorType.EMPLOYER, VerificationLevel.ATTESTED, False),
        (ActorType.EXTRACTION, VerificationLevel.SELF_DECLARED, False),
    ],
)
def test_new_claims_are_on_the_owners_word(
    actor: ActorType, level: VerificationLevel, allowed: bool
) -> None:
    claim = SkillClaim("c9", skill(42), Source(actor, "x"), verification=level)
    new = replace(OLD, claims=(*OLD.claims, claim))
    assert (owner_edit_problems(OLD, new) == []) is allowed


def test_unchanged_claims_pass_whatever_their_level() -> None:
    assert owner_edit_problems(OLD, OLD) == []
    assert owner_edit_problems(OLD, replace(OLD, person=replace(OLD.person, birth_year=1976))) == []
