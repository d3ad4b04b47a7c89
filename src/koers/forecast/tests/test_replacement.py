"""Replacement demand: yearly cohort outflow (hand case) and separation rates."""

from __future__ import annotations

import pandas as pd
import pytest

from koers.forecast.replacement import (
    cohort_outflow_rates,
    last_age_shares,
    project_cohort_replacement,
    project_separation_replacement,
)


def employment() -> pd.DataFrame:
    # band 15-24 (width 10) and 25+ (open, top): year 0 (100, 200), year 1 (100, 195)
    return pd.DataFrame(
        {
            "nace": ["F"] * 4,
            "age_group": ["15-24", "25+", "15-24", "25+"],
            "age_from": [15, 25, 15, 25],
            "age_to": pd.array([24, None, 24, None], dtype="Int64"),
            "year": [2020, 2020, 2021, 2021],
            "employment": [100.0, 200.0, 100.0, 195.0],
        }
    )


def test_cohort_rate_hand_computed() -> None:
    rates = cohort_outflow_rates(employment())
    # top band: 200 stay + 100/10 age in − 195 observed = 15 out of 200 → 7.5 %
    assert rates["age_group"].tolist() == ["25+"]
    assert rates["rate"].iloc[0] == pytest.approx(0.075)
    assert rates["outflow_last"].iloc[0] == pytest.approx(15.0)


def test_projected_cohort_replacement() -> None:
    rates = cohort_outflow_rates(employment())
    shares = last_age_shares(employment())
    path = pd.DataFrame({"nace": ["F", "F"], "year": [2021, 2022], "employment": [295.0, 300.0]})
    out = project_cohort_replacement(rates, shares, path)
    f = out[(out["nace"] == "F") & (out["year"] == 2022)]["replacement_cohort"].iloc[0]
    assert f == pytest.approx(0.075 * 195 / 295 * 295.0)
    assert out[out["nace"] == "TOTAL"]["replacement_cohort"].iloc[0] == pytest.approx(f)


def test_separation_replacement() -> None:
    rates = pd.DataFrame(
        {
            "age_group": ["15-24", "25+"],
            "labour_force_exit_rate": [1.0, 4.0],
            "occupational_transfer_rate": [9.0, 6.0],
        }
    )
    shares = last_age_shares(employment())
    path = pd.DataFrame({"nace": ["F", "F"], "year": [2021, 2022], "employment": [295.0, 300.0]})
    out = project_separation_replacement(rates, shares, path)
    value = out[(out["nace"] == "F") & (out["year"] == 2022)]["replacement_separation"].iloc[0]
    assert value == pytest.approx(295.0 * (100 / 295 * 0.10 + 195 / 295 * 0.10))
