"""BLS vintage evaluation on a hand-computed three-occupation table."""

from __future__ import annotations

import pandas as pd
import pytest

from koers.forecast import ForecastInputError, evaluate_vintages


def _table() -> pd.DataFrame:
    rows = [
        # period, base, target, code, type, base employment, projected
        ("2016-26", 2016, 2026, "00-0000", "Summary", 999, 999),
        ("2016-26", 2016, 2026, "11-1011", "Line item", 100, 121),
        ("2016-26", 2016, 2026, "11-1021", "Line item", 100, 100),
        ("2016-26", 2016, 2026, "99-9999", "Line item", 50, 50),  # not in later vintages
        ("2019-29", 2019, 2029, "11-1011", "Line item", 106, 126),
        ("2019-29", 2019, 2029, "11-1021", "Line item", 94, 84),
        ("2024-34", 2024, 2034, "11-1011", "Line item", 116, 120),
        ("2024-34", 2024, 2034, "11-1021", "Line item", 100, 90),
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "projection_period",
            "base_year",
            "target_year",
            "occupation_code",
            "occupation_type",
            "employment_base",
            "employment_projected",
        ],
    )


def test_vintage_forecasts_by_hand() -> None:
    evaluation = evaluate_vintages(_table())
    assert evaluation.matched == 2
    f = evaluation.forecasts.set_index("occupation_code")
    # drift: 106 + (106-100)/3*5 = 116; 94 - 6/3*5 = 84
    assert f.loc["11-1011", "drift"] == pytest.approx(116)
    assert f.loc["11-1021", "drift"] == pytest.approx(84)
    # BLS 2019-29 at 2024: halfway
    assert f.loc["11-1011", "bls_2019_29"] == pytest.approx(116)
    assert f.loc["11-1021", "bls_2019_29"] == pytest.approx(89)
    # BLS 2016-26 rate from 2019: 106 * 1.21 ** 0.5 = 116.6
    assert f.loc["11-1011", "bls_2016_26"] == pytest.approx(116.6)
    assert f.loc["11-1011", "koers"] == pytest.approx((106 + 116 + 116.6) / 3)
    m = evaluation.metrics
    assert m["drift"].median_ape == pytest.approx((0 + 16) / 2)
    assert m["drift"].direction_hit_rate == 0.5  # 11-1021 actually rose
    assert m["naive"].direction_hit_rate == 0.0
    assert m["bls_2019_29"].median_ape == pytest.approx((0 + 11) / 2)


def test_vintage_errors() -> None:
    table = _table()
    with pytest.raises(ForecastInputError, match="no line items"):
        evaluate_vintages(table[table["projection_period"] != "2024-34"])
    bad = table.copy()
    bad.loc[bad.index[-1], "employment_base"] = 0
    with pytest.raises(ForecastInputError, match="non-positive"):
        evaluate_vintages(bad)
