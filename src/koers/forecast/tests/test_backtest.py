"""Back-test metrics on hand-computed cases, and rolling origin on series with known answers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from koers.forecast import (
    BacktestError,
    ForecastInputError,
    direction_hit_rate,
    mape,
    mase,
    result_to_dict,
    rolling_origin,
    validate_panel,
    wide_to_long,
)
from koers.forecast.backtest import mase_scale, score_cross_validation


def test_mase_by_hand() -> None:
    # in-sample |changes| of 10, 12, 11, 15 are 2, 1, 4 → scale 7/3
    # errors |14-15|, |18-15| → mean 2 → MASE 2 / (7/3) = 6/7
    assert mase([14, 18], [15, 15], [10, 12, 11, 15]) == pytest.approx(6 / 7)
    assert mase_scale([1, 1, 1]) == 0
    assert math.isnan(mase([1], [2], [5, 5]))


def test_mape_by_hand_skips_zero_actuals() -> None:
    # |100-90|/100 = 10 %, |50-60|/50 = 20 %, actual 0 left out → 15 %
    assert mape([100, 50, 0], [90, 60, 3]) == pytest.approx(15.0)
    assert math.isnan(mape([0, 0], [1, 1]))


def test_direction_hit_rate_by_hand() -> None:
    # origin 10: actual up, down, flat, up; forecast up, up, flat, down → hits 1, 0, 1, 0
    assert direction_hit_rate(10, [12, 8, 10, 11], [11, 11, 10, 9]) == 0.5
    # no-change forecast only scores on unchanged actuals
    assert direction_hit_rate(10, [12, 10], [10, 10]) == 0.5


def test_score_cross_validation_by_hand() -> None:
    panel = pd.DataFrame({"unique_id": "a", "ds": [1, 2, 3, 4, 5], "y": [10, 12, 11, 14, 18]})
    cv = pd.DataFrame(
        {
            "unique_id": "a",
            "ds": [4, 5],
            "cutoff": [3, 3],
            "y": [14, 18],
            "naive": [11.0, 11.0],
        }
    )
    result = score_cross_validation(panel, cv, ["naive"], horizon=2, windows=1, step_size=2)
    m = result.overall["naive"]
    # scale over 10, 12, 11 = 1.5; errors 3 and 7 → mean 5 → MASE 10/3
    assert m.mase == pytest.approx(10 / 3)
    assert m.mape == pytest.approx((3 / 14 + 7 / 18) / 2 * 100)
    assert m.direction_hit_rate == 0.0
    assert m.n_points == 2


def test_rolling_origin_on_a_straight_line() -> None:
    # y = 2t + 5: drift is exact; no change misses by 2h, in-sample scale 2 → MASE mean(h)=2
    panel = pd.DataFrame(
        {"unique_id": "line", "ds": np.arange(1, 41), "y": 2.0 * np.arange(1, 41) + 5}
    )
    result = rolling_origin(panel, horizon=3, windows=2, freq=1, methods=["naive", "drift"])
    assert result.overall["drift"].mase == pytest.approx(0.0, abs=1e-9)
    assert result.overall["naive"].mase == pytest.approx(2.0)
    assert result.overall["drift"].direction_hit_rate == 1.0
    assert result.overall["naive"].direction_hit_rate == 0.0
    assert result.cutoffs == ("34", "37")
    overall = result_to_dict(result)["overall"]
    assert isinstance(overall, dict)
    assert set(overall) == {"naive", "drift"}


def test_rolling_origin_refuses_short_series_and_unknown_methods() -> None:
    panel = pd.DataFrame({"unique_id": "s", "ds": np.arange(1, 8), "y": np.arange(7.0)})
    with pytest.raises(BacktestError, match="at least"):
        rolling_origin(panel, horizon=3, windows=2, freq=1, methods=["naive"])
    with pytest.raises(BacktestError, match="unknown method"):
        rolling_origin(panel, horizon=1, windows=1, freq=1, methods=["oracle"])


def test_validate_panel_errors_name_row_and_column() -> None:
    frame = pd.DataFrame({"id": ["a", "a"], "t": ["2020-01-01", "2020-02-01"], "v": ["1", "x"]})
    with pytest.raises(ForecastInputError) as info:
        validate_panel(frame, "id", "t", "v", source="p.csv")
    assert (info.value.row, info.value.column) == (3, "v")
    dup = pd.DataFrame({"id": ["a", "a"], "t": [2020, 2020], "v": [1, 2]})
    with pytest.raises(ForecastInputError, match="duplicate"):
        validate_panel(dup, "id", "t", "v")
    with pytest.raises(ForecastInputError, match="missing column"):
        validate_panel(dup, "id", "time", "v")


def test_wide_to_long() -> None:
    wide = pd.DataFrame(
        {"month": ["2020-01-01", "2020-02-01"], "a": [1, 2], "b": [3, 4], "x": [0, 0]}
    )
    long = wide_to_long(wide, "month", exclude=["x"])
    assert list(long.columns) == ["unique_id", "ds", "y"]
    assert sorted(long["unique_id"].unique()) == ["a", "b"]
    assert len(long) == 4
