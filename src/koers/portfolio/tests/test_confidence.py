from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from koers.messages import message
from koers.portfolio import (
    HALF_LIFE_YEARS,
    ActorType,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
    decay,
    skill_confidences,
    source_weight,
)
from koers.portfolio.tests.fixtures import ESSENTIALS, NURSE, TODAY, demo, skill


def test_source_weight_orders_verified_attested_self_inferred() -> None:
    verified = source_weight(VerificationLevel.VERIFIED, ActorType.SCHOOL)
    employer = source_weight(VerificationLevel.ATTESTED, ActorType.EMPLOYER)
    assessor = source_weight(VerificationLevel.ATTESTED, ActorType.EVC_ASSESSOR)
    coach = source_weight(VerificationLevel.ATTESTED, ActorType.COACH)
    self_ = source_weight(VerificationLevel.SELF_DECLARED, ActorType.SELF)
    inferred = source_weight(VerificationLevel.INFERRED, ActorType.EXTRACTION)
    assert verified > employer == assessor > coach > self_ > inferred
    # an "attested" claim by the citizen themself is still self-declared
    assert source_weight(VerificationLevel.ATTESTED, ActorType.SELF) == self_


def test_decay_halves_every_half_life() -> None:
    start = date(2016, 6, 1)
    later = date(2016 + int(HALF_LIFE_YEARS), 6, 1)
    assert decay(start, later) == pytest.approx(0.5, abs=0.002)
    assert decay(later, later) == 1.0
    assert decay(date(2030, 1, 1), later) == 1.0  # future dates count as today
    assert 0 < decay(None, later) < 1


def test_confidences_combine_claims_and_job_implied_skills() -> None:
    result = skill_confidences(demo(), ESSENTIALS, TODAY)
    # skill 1: employer-attested, used 5 months ago + implied by the current nurse job
    one = result[skill(1)]
    assert len(one.contributions) == 2
    attested = 0.85 * decay(date(2026, 1, 1), TODAY)
    assert one.confidence == pytest.approx(1 - (1 - attested) * (1 - 0.4), abs=1e-3)
    assert not one.inferred_only
    # skill 2 is only implied by the ongoing job: inferred weight, no decay
    two = result[skill(2)]
    assert two.confidence == pytest.approx(0.4)
    assert two.inferred_only
    assert two.last_used == TODAY
    # skill 9: self-declared, last used 2012 → stale
    nine = result[skill(9)]
    assert nine.stale and nine.years_unused is not None and nine.years_unused > 14
    assert nine.confidence < 0.1
    # learning entry implies its skill
    assert skill(6) in result
    # strongest first
    values = [c.confidence for c in result.values()]
    assert values == sorted(values, reverse=True)


def test_why_names_the_source_and_the_level_as_message_codes() -> None:
    # the words are the edge's (tests/portfolio/test_summary_texts.py)
    one = skill_confidences(demo(), ESSENTIALS, TODAY)[skill(1)]
    claim = next(m for m in one.why() if m.code == "portfolio.reason.claim")
    assert claim.values["who"] == "Ziekenhuis Voorbeeld"
    assert claim.values["level"] == message("portfolio.level.attested_strong")
    assert any(m.code == "portfolio.reason.job" for m in one.why())


def test_ended_job_decays_from_its_end_date() -> None:
    portfolio = demo()
    ended = replace(portfolio.history[0], end=date(2016, 6, 1))
    p = replace(portfolio, history=(ended,), claims=())
    two = skill_confidences(p, ESSENTIALS, TODAY)[skill(2)]
    assert two.confidence == pytest.approx(0.4 * 0.25, abs=0.002)
    assert two.stale


def test_future_job_is_ignored() -> None:
    p = replace(demo(), claims=())
    future = replace(p.history[0], start=date(2030, 1, 1), occupation_uri=NURSE)
    result = skill_confidences(replace(p, history=(future,)), ESSENTIALS, TODAY)
    assert skill(2) not in result


def test_unknown_dates_get_the_documented_factor() -> None:
    claim = SkillClaim(
        "x", skill(7), Source(ActorType.SELF), verification=VerificationLevel.SELF_DECLARED
    )
    result = skill_confidences(Portfolio(claims=(claim,)), ESSENTIALS, TODAY)[skill(7)]
    assert result.confidence == pytest.approx(0.6 * 0.7)
    assert result.last_used is None and not result.stale
