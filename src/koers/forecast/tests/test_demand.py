"""Replacement demand, openings and the sector → occupation key on hand-computed cases."""

from __future__ import annotations

import pandas as pd
import pytest

from koers.forecast import (
    DistributionKeyError,
    ForecastInputError,
    cohort_outflow,
    distribute_to_occupations,
    openings,
    separation_replacement,
)


def _employment() -> pd.DataFrame:
    rows = []
    for year, by_band in {
        2015: {45: 100, 50: 80, 55: 60, 60: 30},
        2020: {45: 90, 50: 85, 55: 70, 60: 25},
    }.items():
        for age, e in by_band.items():
            rows.append({"nace": "C", "year": year, "age_from": age, "employment": e})
    return pd.DataFrame(rows)


def test_cohort_outflow_steunpunt_werk_definition() -> None:
    out = cohort_outflow(_employment(), keys=["nace"])
    by_threshold = out.set_index("threshold")["outflow"]
    # 55+ outflow in 2020 = E50+(2015) − E55+(2020) = (80+60+30) − (70+25) = 75
    assert by_threshold[55] == 75
    # 60+: E55+(2015) − E60+(2020) = 90 − 25 = 65; 50+: E45+(2015) − E50+(2020) = 270 − 180 = 90
    assert by_threshold[60] == 65
    assert by_threshold[50] == 90
    assert set(out["year"]) == {2020}


def test_cohort_outflow_rejects_negative_employment() -> None:
    bad = _employment()
    bad.loc[3, "employment"] = -1
    with pytest.raises(ForecastInputError) as info:
        cohort_outflow(bad, keys=["nace"])
    assert (info.value.row, info.value.column) == (5, "employment")


def test_separations_reproduce_bls_total_2016_26() -> None:
    # BLS 2016-26, total all occupations: 156,063.8 → 167,582.3 thousand, exit rate 4.7,
    # transfer rate 6.2 (rounded); published 7,548.6 exits, 10,041.5 transfers, 18,742 openings
    s = separation_replacement(156063.8, 167582.3, 4.7, 6.2)
    assert s["labour_force_exits"] == pytest.approx(7548.6, rel=0.01)
    assert s["occupational_transfers"] == pytest.approx(10041.5, rel=0.01)
    total = openings((167582.3 - 156063.8) / 10, s["total_separations"])
    assert total == pytest.approx(18742, rel=0.01)
    with pytest.raises(ValueError):
        separation_replacement(-1, 1, 1, 1)


def test_distribution_key_constant_shares() -> None:
    sectors = pd.DataFrame(
        {"sector": ["A", "B", "A", "B"], "ds": [1, 1, 2, 2], "y": [100, 50, 110, 40]}
    )
    key = pd.DataFrame(
        {"sector": ["A", "A", "B"], "occupation": ["x", "y", "x"], "share": [0.25, 0.75, 1.0]}
    )
    out = distribute_to_occupations(sectors, key).set_index(["occupation", "ds"])["y"]
    assert out[("x", 1)] == pytest.approx(75)
    assert out[("y", 2)] == pytest.approx(82.5)
    assert out.groupby(level="ds").sum().tolist() == pytest.approx([150, 150])


def test_distribution_key_errors() -> None:
    sectors = pd.DataFrame({"sector": ["A"], "ds": [1], "y": [1.0]})
    with pytest.raises(DistributionKeyError, match=r"sum to 0\.9"):
        distribute_to_occupations(
            sectors, pd.DataFrame({"sector": ["A"], "occupation": ["x"], "share": [0.9]})
        )
    with pytest.raises(DistributionKeyError, match="no distribution key"):
        distribute_to_occupations(
            sectors, pd.DataFrame({"sector": ["B"], "occupation": ["x"], "share": [1.0]})
        )
    with pytest.raises(DistributionKeyError, match="negative"):
        distribute_to_occupations(
            sectors,
            pd.DataFrame({"sector": ["A", "A"], "occupation": ["x", "y"], "share": [1.5, -0.5]}),
        )
