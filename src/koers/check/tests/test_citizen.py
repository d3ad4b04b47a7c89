from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from koers.check import (
    ActionPlanRegistry,
    FitRole,
    Light,
    NoForecast,
    StepKind,
    SuggestionKind,
    citizen_check,
    to_jsonable,
)
from koers.check.tests.fakes import CLERK, FakeForecast, FakeSuggester, catalogue
from koers.i18n import translate_all, translate_message
from koers.portfolio import HistoryEntry, HistoryKind, PortfolioInvalid
from koers.portfolio.tests.fixtures import CARE, NURSE, TODAY, demo, skill


def test_fit_splits_covered_missing_and_stale() -> None:
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY)
    current, target = result.fits
    assert current.role is FitRole.CURRENT and current.occupation.uri == NURSE
    # nurse essentials 1,2,3: all implied by the ongoing job → covered; 2 and 3 only inferred
    assert {r.uri for r in current.covered} == {skill(1), skill(2), skill(3)}
    assert {r.uri for r in current.inferred_only} == {skill(2), skill(3)}
    assert current.coverage == 1.0
    # care essentials 2 (covered) and 4 (missing)
    assert target.role is FitRole.TARGET
    assert [r.uri for r in target.missing] == [skill(4)]
    assert target.coverage == 0.5


def test_stale_skill_of_a_target_is_reported_as_stale_not_covered() -> None:
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY, targets=[CLERK])
    clerk = next(f for f in result.fits if f.occupation.uri == CLERK)
    assert [r.uri for r in clerk.stale] == [skill(9)]  # self-declared, unused since 2012
    assert {r.uri for r in clerk.missing} == {skill(10), skill(11), skill(12)}


def test_without_forecast_nothing_is_made_up() -> None:
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY)
    assert result.forecast.loaded is False
    assert all(f.forecast.outlook is None and f.forecast.tension_ratio is None for f in result.fits)
    assert all(f.forecast.shortage is None for f in result.fits)
    market = next(a for a in result.answers if a.key == "labour_market")
    assert "geen prognoses" in translate_all(market.answer, "nl")
    assert not any(w.code.startswith("declining") for w in result.warnings)
    assert result.notes and "No forecast" in result.notes[0]


def test_declining_occupation_lights_red_and_answers_mention_it() -> None:
    result = citizen_check(demo(), catalogue(), FakeForecast({NURSE}), TODAY)
    red = [w for w in result.warnings if w.level is Light.RED]
    assert [w.code for w in red] == ["declining_occupation"]
    assert "daalt" in translate_message(red[0].reason, "nl")
    codes = {w.code for w in result.warnings}
    assert "declining_skills" in codes  # skill 1 declines in the fake forecast
    assert any(s.kind is StepKind.CAREER_STEP for s in result.plan)
    market = next(a for a in result.answers if a.key == "labour_market")
    assert "knelpuntberoep" in translate_all(
        market.answer, "nl"
    )  # the fake marks the care target as shortage


def test_long_tenure_no_learning_and_single_field() -> None:
    old = replace(
        demo(),
        claims=demo().claims[:2],
        history=(
            HistoryEntry("h1", HistoryKind.JOB, "verpleegkundige", date(2000, 1, 1), None, NURSE),
            HistoryEntry(
                "h0", HistoryKind.JOB, "verpleger", date(1995, 1, 1), date(1999, 12, 31), NURSE
            ),
        ),
    )
    result = citizen_check(old, catalogue(), NoForecast(), TODAY)
    codes = {w.code for w in result.warnings}
    assert {"long_tenure", "no_recent_learning", "single_field_career"} <= codes
    tenure = next(w for w in result.warnings if w.code == "long_tenure")
    assert "31 jaar" in translate_message(tenure.reason, "nl")
    # plan: career step first among hooks, a guidance step since ≥ 2 lights
    kinds = [s.kind for s in result.plan]
    assert StepKind.GUIDANCE in kinds
    assert [s.order for s in result.plan] == list(range(1, len(result.plan) + 1))


def test_recent_learning_keeps_the_learning_light_off() -> None:
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY)
    assert "no_recent_learning" not in {w.code for w in result.warnings}


def test_registered_suggesters_fill_the_plan_and_missing_ones_say_so() -> None:
    trainings = FakeSuggester()
    suggesters = ActionPlanRegistry()
    suggesters.register(SuggestionKind.TRAININGS, trainings)
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY, suggesters=suggesters)
    training = next(s for s in result.plan if s.hook == "trainings")
    assert training.hook_available and training.suggestions
    assert [s.uri for s in training.suggestions] == [s.uri for s in training.skills]
    assert trainings.seen[0].kind is StepKind.TRAINING
    assert trainings.seen[0].preferences.region == "Gent"
    assert trainings.seen[0].occupation_uri == NURSE
    incentive = next(s for s in result.plan if s.hook == "incentives")
    assert not incentive.hook_available and not incentive.suggestions
    assert to_jsonable(incentive)["hook"] == "incentives"


def test_without_suggesters_every_hook_is_an_empty_extension_point() -> None:
    result = citizen_check(demo(), catalogue(), NoForecast(), TODAY)
    hooked = [s for s in result.plan if s.hook]
    assert hooked and all(not s.hook_available and not s.suggestions for s in hooked)


def test_unknown_uris_are_listed() -> None:
    bad = replace(demo(), targets=("http://data.europa.eu/esco/occupation/ffffffff-0000",))
    with pytest.raises(PortfolioInvalid, match="targets\\[0\\]: unknown ESCO occupation"):
        citizen_check(bad, catalogue(), NoForecast(), TODAY)


def test_current_occupation_falls_back_to_latest_job_and_json_is_plain() -> None:
    p = replace(demo(), current_occupation="", targets=())
    result = citizen_check(p, catalogue(), NoForecast(), TODAY)
    assert result.fits[0].occupation.uri == NURSE
    payload = to_jsonable(result)
    assert payload["fits"][0]["role"] == "current"
    assert payload["as_of"] == TODAY.isoformat()
    assert len(payload["answers"]) == 6
    assert CARE not in [f["occupation"]["uri"] for f in payload["fits"]]
