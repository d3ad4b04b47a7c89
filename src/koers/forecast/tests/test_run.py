"""A whole run on a small synthetic panel: coherence, scenarios, demand identities, config."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from koers.errors import InvalidInput
from koers.forecast.errors import DistributionKeyError
from koers.forecast.inputs import validate_employment, validate_occupation_key
from koers.forecast.run import ForecastInputs, inputs_hash, parse_config, run_forecast

SECTORS = ("F", "G", "QA")
BANDS = ("15-29", "30-54", "55+")


def panel(seed: int = 0) -> ForecastInputs:
    rng = np.random.default_rng(seed)
    rows = []
    for s, base in zip(SECTORS, (1000.0, 2000.0, 1500.0), strict=True):
        trend = {"F": 10.0, "G": -15.0, "QA": 30.0}[s]
        for y in range(2006, 2022):
            total = base + trend * (y - 2006) + rng.normal(0, 5)
            for b, w in zip(BANDS, (0.25, 0.55, 0.20), strict=True):
                rows.append({"nace": s, "age_group": b, "year": y, "employment": total * w})
    key = pd.DataFrame(
        [
            {"nace": s, "isco08": occ, "year": y, "share": share}
            for s in SECTORS
            for y in range(2015, 2022)
            for occ, share in (("711", 0.3), ("522", 0.3), ("222", 0.4))
        ]
    )
    return ForecastInputs(
        employment=validate_employment(pd.DataFrame(rows).astype(str)),
        occupation_key=validate_occupation_key(key.astype(str)),
    )


CONFIG = {
    "horizon": 5,
    "scenarios": [
        {"name": "trend"},
        {"name": "groei", "kind": "growth", "annual_pct": 1.0},
        {"name": "krimp", "kind": "shrink", "annual_pct": 1.0},
    ],
}


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return run_forecast(panel(), parse_config(CONFIG))


def test_sectors_add_up_to_the_total_in_every_scenario(result) -> None:  # type: ignore[no-untyped-def]
    fc = result.sectors[result.sectors["kind"] == "forecast"]
    for (_scenario, _year), group in fc.groupby(["scenario", "year"]):
        total = group[group["nace"] == "TOTAL"]["employment"].iloc[0]
        assert total == pytest.approx(group[group["nace"] != "TOTAL"]["employment"].sum())


def test_scenarios_are_ordered(result) -> None:  # type: ignore[no-untyped-def]
    last = result.sectors[(result.sectors["nace"] == "TOTAL") & (result.sectors["year"] == 2026)]
    by = last.set_index("scenario")["employment"]
    assert by["krimp"] < by["trend"] < by["groei"]
    trend = by["trend"]
    # growth of +1 point a year for 5 years on every sector
    assert by["groei"] == pytest.approx(trend * 1.01**5, rel=1e-9)


def test_openings_are_expansion_plus_replacement(result) -> None:  # type: ignore[no-untyped-def]
    fc = result.sectors[result.sectors["kind"] == "forecast"]
    assert (fc["openings"] - fc["expansion"] - fc["replacement"]).abs().max() < 1e-6
    assert (fc["lo80"] <= fc["employment"]).all() and (fc["employment"] <= fc["hi80"]).all()
    assert (fc["lo95"] <= fc["lo80"]).all()


def test_occupations_sum_to_the_sectors(result) -> None:  # type: ignore[no-untyped-def]
    occ = result.occupations[result.occupations["scenario"] == "trend"]
    sec = result.sectors[
        (result.sectors["scenario"] == "trend") & (result.sectors["nace"] != "TOTAL")
    ]
    assert occ.groupby("year")["employment"].sum().to_numpy() == pytest.approx(
        sec.groupby("year")["employment"].sum().to_numpy()
    )


def test_backtest_and_notes(result) -> None:  # type: ignore[no-untyped-def]
    overall = result.backtest["sectors"]["overall"]
    assert set(overall) == {"koers", "naive", "drift"}
    assert "constant_shares" in result.backtest["shares"]
    assert any("supply" in n for n in result.notes)
    assert result.is_sample is False


def test_short_history_gives_a_note_not_a_wrong_backtest() -> None:
    inputs = panel()
    inputs.employment = inputs.employment[inputs.employment["year"] >= 2012]
    result = run_forecast(inputs, parse_config({"horizon": 2}))
    assert "error" in result.backtest["sectors"]
    assert any(n.startswith("no sector back-test") for n in result.notes)


def test_inputs_hash_changes_with_the_data() -> None:
    assert inputs_hash(panel(0)) == inputs_hash(panel(0))
    assert inputs_hash(panel(0)) != inputs_hash(panel(1))


def test_sector_without_key_is_refused() -> None:
    inputs = panel()
    inputs.occupation_key = inputs.occupation_key[inputs.occupation_key["nace"] != "G"]
    with pytest.raises(DistributionKeyError, match="sector\\(s\\) G"):
        run_forecast(inputs, parse_config({"horizon": 2}))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"horizont": 5}, "unknown key"),
        ({"horizon": 0}, "horizon must be"),
        ({"model": "prophet"}, "model must be one of"),
        ({"scenarios": [{"name": "a"}, {"name": "a"}]}, "unique"),
        ({"scenarios": [{"name": "x", "supply": {"kind": "field_trend"}}]}, "needs fields"),
    ],
)
def test_bad_config(raw: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_config(raw)
