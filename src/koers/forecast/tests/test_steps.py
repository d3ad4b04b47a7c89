"""The named steps of a run: each one's contract, plain data in and out, inputs untouched."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from koers.errors import InvalidInput
from koers.forecast import steps
from koers.forecast.config import parse_config
from koers.forecast.expansion import Scenario, sector_series
from koers.forecast.inputs import (
    validate_employment,
    validate_field_key,
    validate_occupation_key,
    validate_school_leavers,
    validate_separation_rates,
)
from koers.forecast.occupations import project_shares

SECTORS = ("F", "G")
BANDS = ("15-29", "30-54", "55+")
YEARS = range(2010, 2022)


def employment(region: str | None = None, scale: float = 1.0) -> pd.DataFrame:
    rows = [
        {"nace": s, "age_group": b, "year": y, "employment": (1000 + 20 * (y - 2010)) * w * scale}
        for s in SECTORS
        for y in YEARS
        for b, w in zip(BANDS, (0.25, 0.55, 0.20), strict=True)
    ]
    frame = pd.DataFrame(rows)
    if region is not None:
        frame["region"] = region
    return frame


KEY = validate_occupation_key(
    pd.DataFrame(
        [
            {"nace": s, "isco08": occ, "year": y, "share": share}
            for s in SECTORS
            for y in range(2016, 2022)
            for occ, share in (("711", 0.4), ("522", 0.6))
        ]
    ).astype(str)
)
AGE_RATES = validate_separation_rates(
    pd.DataFrame(
        {
            "age_group": list(BANDS),
            "labour_force_exit_rate": ["1", "1", "8"],
            "occupational_transfer_rate": ["6", "3", "1"],
        }
    )
)
CONFIG = parse_config({"horizon": 3, "model": "drift"})


@pytest.fixture(scope="module")
def prepared() -> dict[str, object]:
    panel = validate_employment(employment().astype(str))
    series = sector_series(panel)
    years = [2022, 2023, 2024]
    shares = project_shares(KEY, [*YEARS, *years], "constant", 5, 0.9)
    basis, _ = steps.replacement_basis(panel, AGE_RATES, CONFIG)
    return {
        "panel": panel,
        "series": series,
        "shares": shares,
        "forecast": steps.expansion(series, CONFIG),
        "observed": steps.observed(series, shares, 2021),
        "basis": basis,
    }


def test_select_region_sums_keeps_or_refuses() -> None:
    both = pd.concat([employment("VL"), employment("BR", 0.5)], ignore_index=True)
    panel = validate_employment(both.astype(str))
    summed, notes = steps.select_region(panel, "")
    assert notes == ["regions in the employment panel were summed"]
    assert summed["employment"].sum() == pytest.approx(panel["employment"].sum())
    assert "region" not in summed.columns
    kept, notes = steps.select_region(panel, "BR")
    assert notes == [] and kept["employment"].sum() == pytest.approx(
        panel.loc[panel["region"] == "BR", "employment"].sum()
    )
    with pytest.raises(InvalidInput, match="region 'XX'"):
        steps.select_region(panel, "XX")
    plain = validate_employment(employment().astype(str))
    assert steps.select_region(plain, "") == (plain, [])


def test_replacement_basis_picks_the_method(prepared: dict[str, object]) -> None:
    panel = prepared["panel"]
    assert isinstance(panel, pd.DataFrame)
    auto, notes = steps.replacement_basis(panel, AGE_RATES, CONFIG)
    assert (auto.method, notes) == ("separation", [])
    assert auto.rates_by_age is AGE_RATES and auto.rates_by_isco is None
    cohort, _ = steps.replacement_basis(panel, None, CONFIG)
    assert cohort.method == "cohort"
    with pytest.raises(InvalidInput, match="needs separation rates"):
        steps.replacement_basis(panel, None, parse_config({"replacement": "separation"}))


def test_supply_basis_needs_leavers_and_a_field_key() -> None:
    leavers = validate_school_leavers(
        pd.DataFrame(
            {"field": "06", "level": "6", "year": ["2020", "2021"], "leavers": ["10", "20"]}
        )
    )
    key = validate_field_key(pd.DataFrame({"field": ["06"], "isco08": ["251"], "share": ["1"]}))
    assert steps.supply_basis(None, key, None, [2022], 3) == (None, [])
    basis, notes = steps.supply_basis(leavers, None, None, [2022], 3)
    assert basis is None and "without a field key" in notes[0]
    basis, notes = steps.supply_basis(leavers, key, None, [2022], 3)
    assert basis is not None and notes == []
    supply = steps.scenario_supply(basis, Scenario("trend"), [2022, 2023], 2)
    assert supply.unmapped_per_year is None
    assert supply.supply["supply"].tolist() == pytest.approx([15.0, 15.0])
    assert set(supply.groups.columns) == {"year", "group", "leavers"}


def test_demand_steps_keep_their_identities_and_inputs(prepared: dict[str, object]) -> None:
    forecast, observed, basis, shares = (
        prepared["forecast"],
        prepared["observed"],
        prepared["basis"],
        prepared["shares"],
    )
    assert isinstance(forecast, pd.DataFrame) and isinstance(shares, pd.DataFrame)
    assert isinstance(observed, steps.Observed) and isinstance(basis, steps.ReplacementBasis)
    before = (forecast.copy(), observed.sectors.copy(), shares.copy())
    fc, table = steps.sector_demand(forecast, Scenario("up", "growth", 1.0), observed, basis)
    occupations = steps.occupation_demand(fc, shares, observed, None)
    pd.testing.assert_frame_equal(forecast, before[0])
    pd.testing.assert_frame_equal(observed.sectors, before[1])
    pd.testing.assert_frame_equal(shares, before[2])
    assert "scenario" not in table.columns and "scenario" not in occupations.columns
    assert np.allclose(fc["openings"], fc["expansion"] + fc["replacement"])
    assert fc["replacement"].equals(fc["replacement_separation"])  # rates by age were given
    assert set(table["kind"]) == {"history", "forecast"}
    future = occupations[occupations["kind"] == "forecast"]
    assert future.groupby("year")["employment"].sum().to_numpy() == pytest.approx(
        fc[fc["nace"] == "TOTAL"].sort_values("year")["employment"].to_numpy()
    )
    history = occupations[occupations["kind"] == "history"]
    assert history["replacement"].isna().all()


def test_mismatch_and_indicators_without_supply(prepared: dict[str, object]) -> None:
    forecast, observed, basis, shares = (
        prepared["forecast"],
        prepared["observed"],
        prepared["basis"],
        prepared["shares"],
    )
    assert isinstance(forecast, pd.DataFrame) and isinstance(shares, pd.DataFrame)
    assert isinstance(observed, steps.Observed) and isinstance(basis, steps.ReplacementBasis)
    fc, _ = steps.sector_demand(forecast, Scenario("trend"), observed, basis)
    occupations = steps.occupation_demand(fc, shares, observed, None)
    supply = pd.DataFrame({"isco08": ["711", "522"], "year": 2022, "supply": [10.0, 20.0]})
    table, by_occupation = steps.mismatch(occupations, fc, supply, observed.base_key)
    assert set(table["level"]) == {"occupation", "sector"}
    assert set(by_occupation["isco08"]) == {"711", "522"}


def test_backtest_step_reports_instead_of_raising(prepared: dict[str, object]) -> None:
    series = prepared["series"]
    assert isinstance(series, pd.DataFrame)
    short = series[series["ds"] >= 2018]
    out, notes = steps.backtest(short, KEY, CONFIG)
    assert "error" in out["sectors"] and notes[0].startswith("no sector back-test")
    assert "shares" in out


def test_tension_records_are_empty_without_labour_flows() -> None:
    assert steps.tension_records(None, 50) == []
