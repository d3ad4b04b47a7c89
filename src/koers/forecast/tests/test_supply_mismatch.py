"""Supply projections, aggregates, field key, and the prospects indicator."""

from __future__ import annotations

import pandas as pd
import pytest

from koers.forecast.mismatch import band_of, prospects, supply_to_sectors
from koers.forecast.supply import (
    SupplyScenario,
    bundles,
    leavers_to_occupations,
    level_groups,
    project_leavers,
)

LEAVERS = pd.DataFrame(
    {
        "field": ["06"] * 3 + ["09"] * 3 + ["02"] * 3,
        "level": ["6"] * 3 + ["3"] * 3 + ["2"] * 3,
        "year": [2019, 2020, 2021] * 3,
        "leavers": [100.0, 110.0, 120.0, 50.0, 50.0, 50.0, 10.0, 10.0, 10.0],
    }
)


def test_baseline_holds_the_recent_average() -> None:
    out = project_leavers(LEAVERS, [2022, 2030])
    ict = out[out["field"] == "06"]["leavers"].tolist()
    assert ict == pytest.approx([110.0, 110.0])


def test_field_trend_continues_for_n_years() -> None:
    scenario = SupplyScenario(kind="field_trend", fields=("06",), trend_years=2)
    out = project_leavers(LEAVERS, [2022, 2023, 2024], scenario)
    ict = out[out["field"] == "06"]["leavers"].tolist()
    assert ict == pytest.approx([130.0, 140.0, 140.0])  # +10 a year for 2 years, then flat
    assert out[out["field"] == "09"]["leavers"].tolist() == pytest.approx([50.0] * 3)


def test_entry_age_rise_removes_one_cohort_over_the_transition() -> None:
    scenario = SupplyScenario(kind="entry_age", shift_years=1, over_years=4)
    out = project_leavers(LEAVERS, list(range(2022, 2028)), scenario)
    care = out[out["field"] == "09"]["leavers"].to_numpy()
    assert care.tolist() == pytest.approx([37.5] * 4 + [50.0, 50.0])
    assert 50.0 * 6 - care.sum() == pytest.approx(50.0)  # exactly one cohort later


def test_aggregates() -> None:
    groups = level_groups(LEAVERS).set_index(["year", "group"])["leavers"]
    assert groups[(2021, "high")] == 120.0 and groups[(2021, "low")] == 10.0
    b = bundles(LEAVERS).set_index(["year", "bundle"])["leavers"]
    assert b[(2021, "stem")] == 120.0 and b[(2021, "care")] == 50.0 and b[(2021, "total")] == 180.0


def test_field_key_maps_and_reports_unmapped() -> None:
    key = pd.DataFrame(
        {
            "field": ["06", "06", "09"],
            "level": ["*", "*", "3"],
            "isco08": ["251", "252", "532"],
            "share": [0.75, 0.25, 1.0],
        }
    )
    occ, unmapped = leavers_to_occupations(LEAVERS[LEAVERS["year"] == 2021], key)
    assert occ.set_index("isco08")["leavers"].to_dict() == {"251": 90.0, "252": 30.0, "532": 50.0}
    assert unmapped["field"].tolist() == ["02"]


def test_prospects_bands() -> None:
    assert [band_of(r) for r in (0.5, 0.9, 1.0, 1.1, 2.0, float("nan"))] == [
        "very_good",
        "good",
        "fair",
        "moderate",
        "poor",
        "unknown",
    ]
    out = prospects(
        pd.DataFrame({"isco08": ["a", "b"], "demand": [100.0, 0.0]}),
        pd.DataFrame({"isco08": ["a", "b"], "supply": [120.0, 5.0]}),
        "isco08",
    ).set_index("isco08")
    assert out.loc["a", "ratio"] == pytest.approx(1.2) and out.loc["a", "band"] == "poor"
    assert out["ratio"].isna()["b"] and out.loc["b", "band"] == "unknown"


def test_supply_to_sectors_by_employment_share() -> None:
    base = pd.DataFrame({"nace": ["F", "C"], "isco08": ["711", "711"], "employment": [30.0, 10.0]})
    out = supply_to_sectors(pd.DataFrame({"isco08": ["711"], "supply": [8.0]}), base)
    assert out.set_index("nace")["supply"].to_dict() == {"C": 2.0, "F": 6.0}
