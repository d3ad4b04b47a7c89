from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd
import pytest

from koers.check import (
    ActionPlanRegistry,
    Catalogue,
    NoForecast,
    OccupationMatch,
    StepKind,
    SuggestionKind,
    WorkforceInvalid,
    organisation_check,
    parse_age_band,
    read_workforce,
    to_jsonable,
)
from koers.check.tests.fakes import CLERK, WAREHOUSE, FakeForecast, FakeSuggester, catalogue
from koers.i18n import translate_message
from koers.portfolio.tests.fixtures import CARE, NURSE, skill

TODAY = date(2026, 6, 1)


def resolver(cat: Catalogue):  # type: ignore[no-untyped-def]
    titles = {
        "verpleegkundige": NURSE,
        "zorgkundige": CARE,
        "bediende": CLERK,
        "magazijnier": WAREHOUSE,
    }

    def resolve(text: str) -> OccupationMatch | None:
        uri = cat.resolve(text)
        if uri:
            return OccupationMatch(
                text, uri, cat.label(uri), "code" if "." in text else "uri", 1.0, cat.label(uri)
            )
        key = text.lower()
        if key in titles:
            return OccupationMatch(text, titles[key], key, "title", 0.95, key)
        if key.startswith("verpleeg"):
            return OccupationMatch(text, NURSE, "verpleegkundige", "title", 0.4, "verpleeg")
        return None

    return resolve


def frame(rows: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def read(rows: Sequence[Mapping[str, object]]):  # type: ignore[no-untyped-def]
    cat = catalogue()
    return read_workforce(frame(rows), "team.csv", resolver(cat), cat.knows), cat


def test_age_bands() -> None:
    assert parse_age_band("45-54") == (45, 54)
    assert parse_age_band("65+") == (65, None)
    assert parse_age_band("<25") == (None, 24)
    assert parse_age_band("oud") is None


def test_every_row_error_is_listed_and_nothing_processed() -> None:
    rows = [
        {"employee": "E1", "occupation": "verpleegkundige", "age_band": "45-54"},
        {"employee": "E1", "occupation": "astronaut", "age_band": "veel"},
        {"employee": "", "occupation": "", "tenure_years": "-3"},
        {
            "group": "ploeg",
            "headcount": "2.5",
            "occupation": "bediende",
            "contract_hours": "90",
            "skills": "http://example.org/x",
        },
    ]
    with pytest.raises(WorkforceInvalid) as info:
        read(rows)
    found = {(r, c) for r, c, _ in info.value.problems}
    assert (3, "employee") in found  # duplicate id
    assert (3, "occupation") in found and (3, "age_band") in found
    assert (4, "employee") in found and (4, "occupation") in found
    assert (4, "tenure_years") in found
    assert (5, "headcount") in found and (5, "contract_hours") in found and (5, "skills") in found
    assert "nothing was processed" in info.value.message


def test_unknown_columns_are_refused_to_keep_names_out() -> None:
    with pytest.raises(WorkforceInvalid, match="unknown column"):
        read([{"employee": "E1", "name": "Jan", "occupation": "bediende"}])


def test_uncertain_title_matches_are_flagged() -> None:
    rows, _ = read([{"employee": "E1", "occupation": "verpleeg"}])
    assert rows[0].occupation.uncertain


def test_organisation_check_without_forecast() -> None:
    rows, cat = read(
        [
            {
                "employee": "E1",
                "occupation": "zorgkundige",
                "age_band": "55-64",
                "tenure_years": 20,
                "contract_hours": 38,
                "skills": f"{skill(2)};{skill(4)};{skill(1)}",
            },
            {
                "employee": "E2",
                "occupation": "2221.1",
                "age_band": "25-34",
                "skills": f"{skill(1)}",
            },
            {"group": "magazijn", "headcount": 3, "occupation": "magazijnier"},
        ]
    )
    result = organisation_check(rows, cat, NoForecast(), TODAY)
    assert result.headcount == 5
    e1, e2, group = result.rows
    assert e1.coverage == 1.0 and e2.coverage == pytest.approx(1 / 3, abs=1e-3)
    assert [s.uri for s in e2.skills_to_build] == [skill(2), skill(3)]
    assert group.fit_measured is False and group.coverage is None
    assert e1.declining is None  # no forecast: unknown, not "fine"
    # E1 (zorgkundige with skills 1,2,4) covers 2 of the 3 nurse essentials → move
    assert e1.moves and e1.moves[0].to.uri == NURSE
    assert e1.moves[0].overlap == pytest.approx(2 / 3, abs=1e-3)
    assert e1.second_half and [o.key for o in e1.career_options] == [
        "same_work",
        "fewer_hours",
        "lighter_work",
        "work_elsewhere",
    ]
    assert "38 uur" in translate_message(e1.career_options[1].detail, "nl")
    assert not e2.second_half and not e2.career_options
    score = result.score
    assert score.partial
    fit = (1.0 * 1 + (1 / 3) * 1) / 2
    mobility = sum(r.headcount for r in result.rows if r.moves) / 5
    expected = 100 * (0.4 * fit + 0.2 * mobility) / 0.6
    assert score.value == pytest.approx(expected, abs=0.1)
    kinds = [translate_message(p.title, "en") for p in result.plan]
    assert "Training for the missing skills" in kinds
    assert any("KMO-portefeuille" in translate_message(p.detail, "nl") for p in result.plan)
    assert any("second half" in title for title in kinds)
    payload = to_jsonable(result)
    assert payload["score"]["components"][1]["value"] is None


def test_organisation_check_with_forecast_counts_declining_exposure() -> None:
    rows, cat = read(
        [
            {"employee": "E1", "occupation": "bediende", "skills": skill(9)},
            {"employee": "E2", "occupation": "verpleegkundige", "skills": skill(1)},
        ]
    )
    result = organisation_check(rows, cat, FakeForecast({CLERK}, frozenset({skill(8)})), TODAY)
    clerk, nurse = result.rows
    assert clerk.declining is True and nurse.declining is False
    demand = next(c for c in result.score.components if c.key == "demand")
    assert demand.value == 0.5
    # a growing optional skill is suggested to build
    assert skill(8) in [s.uri for s in nurse.skills_to_build]
    assert not result.score.partial


def test_registered_suggesters_fill_the_plan_and_missing_ones_say_so() -> None:
    rows, cat = read(
        [
            {"employee": "E1", "occupation": "verpleegkundige", "skills": skill(1)},
            {"employee": "E2", "occupation": "bediende", "tenure_years": 5},
        ]
    )
    incentives = FakeSuggester("rights")
    suggesters = ActionPlanRegistry()
    suggesters.register(SuggestionKind.INCENTIVES, incentives)
    result = organisation_check(rows, cat, NoForecast(), TODAY, suggesters=suggesters)
    support = next(p for p in result.plan if p.kind is StepKind.INCENTIVE)
    assert support.hook == "incentives" and support.hook_available
    assert [s.source for s in support.suggestions] == ["rights"]
    assert StepKind.INCENTIVE in {c.kind for c in incentives.seen}
    training = next(p for p in result.plan if p.hook == "trainings")
    assert not training.hook_available and not training.suggestions
    assert to_jsonable(training)["hook"] == "trainings"
    bare = organisation_check(rows, cat, NoForecast(), TODAY)
    assert all(not p.hook_available and not p.suggestions for p in bare.plan)
