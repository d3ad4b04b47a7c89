"""The one registry of forecasting methods: back-tests, the outlook and the run all use it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from koers.errors import InvalidInput
from koers.forecast.backtest import result_to_dict, rolling_origin
from koers.forecast.config import parse_config
from koers.forecast.errors import BacktestError
from koers.forecast.expansion import forecast_series
from koers.forecast.methods import (
    DEFAULT_METHODS,
    METHODS,
    OUTLOOK_MODELS,
    lookup,
    outlook_method,
)


def test_every_method_builds_a_model_named_after_it() -> None:
    for name, method in METHODS.items():
        assert method.name == name
        assert getattr(method.build(12), "alias", None) == name
        assert getattr(method.build(1, alias="model"), "alias", None) == "model"


def test_names_stay_the_published_ones() -> None:
    assert OUTLOOK_MODELS == ("ets", "theta", "naive", "drift")
    assert outlook_method("ets").name == "koers"
    assert DEFAULT_METHODS == ("koers", "naive", "drift")
    assert set(DEFAULT_METHODS) <= set(METHODS)


def test_unknown_names_give_one_error_listing_the_known_ones() -> None:
    with pytest.raises(BacktestError, match=r"unknown method\(s\) \['oracle'\]; known: .*koers"):
        lookup(["koers", "oracle"])
    with pytest.raises(BacktestError, match=r"unknown method\(s\) \['koers'\]; known: .*ets"):
        outlook_method("koers")  # back-test name, not a run's model name
    series = pd.DataFrame({"unique_id": "TOTAL", "ds": np.arange(2000, 2010), "y": 1.0})
    with pytest.raises(BacktestError, match="unknown method"):
        forecast_series(series, 2, "prophet")
    panel = series.assign(unique_id="s")
    with pytest.raises(BacktestError, match=r"known: .*seasonal_naive"):
        rolling_origin(panel, horizon=1, windows=1, freq=1, methods=["oracle"])


def test_backtest_reports_describe_methods_from_the_registry() -> None:
    panel = pd.DataFrame({"unique_id": "s", "ds": np.arange(1, 21), "y": np.arange(20.0)})
    result = rolling_origin(panel, horizon=2, windows=2, freq=1, methods=["naive", "drift"])
    described = result_to_dict(result)["methods"]
    assert described == {n: METHODS[n].description for n in ("naive", "drift")}


def test_run_config_accepts_every_outlook_model_and_names_them_on_error() -> None:
    for model in OUTLOOK_MODELS:
        assert parse_config({"model": model}).model == model
    with pytest.raises(InvalidInput, match="ets, theta, naive, drift"):
        parse_config({"model": "koers"})
