"""The one registry of forecasting methods (report Annex B.1: model plus naive baselines).

Every statsforecast model that Koers uses is named here once. Back-tests
(:func:`koers.forecast.backtest.rolling_origin`), the sector outlook
(:func:`koers.forecast.expansion.forecast_series`) and the run
(:func:`koers.forecast.run.run_forecast`) look methods up here; nothing else builds a model.

Names: a method's ``name`` is its name in back-tests and its column there (``koers`` is the
product's model, statsforecast's AutoETS). Methods that can drive a run's outlook also have an
``outlook_name``, the value of ``model`` in a run configuration (``ets`` for ``koers``); the two
names are kept apart because both are published contracts (CLI ``--method``, config files).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from koers.forecast.errors import BacktestError


@dataclass(frozen=True, slots=True)
class ForecastMethod:
    """A forecasting method: a configured statsforecast model prototype.

    Contract: :meth:`build` returns a new, unfitted statsforecast model whose output column is
    ``alias`` (default: ``name``); it is refitted on every series (and every back-test origin).

    Attributes:
        name: Registry key; the method's name and column in back-tests.
        description: One line for back-test reports.
        factory: ``(season length, alias) → statsforecast model``.
        outlook_name: Name as a run's ``model`` (``ets`` …); empty if a run cannot use it.
        outlook_description: What a run's record says about its outlook model.
    """

    name: str
    description: str
    factory: Callable[[int, str], object]
    outlook_name: str = ""
    outlook_description: str = ""

    def build(self, season: int = 1, alias: str | None = None) -> object:
        """A new statsforecast model for ``season`` (periods per season; 1 = yearly)."""
        return self.factory(season, alias or self.name)


def _autoets(season: int, alias: str) -> object:
    from statsforecast.models import AutoETS

    return AutoETS(season_length=season, alias=alias)


def _theta(season: int, alias: str) -> object:
    from statsforecast.models import AutoTheta

    return AutoTheta(season_length=season, alias=alias)


def _naive(season: int, alias: str) -> object:
    from statsforecast.models import Naive

    return Naive(alias=alias)


def _drift(season: int, alias: str) -> object:
    from statsforecast.models import RandomWalkWithDrift

    return RandomWalkWithDrift(alias=alias)


def _seasonal_naive(season: int, alias: str) -> object:
    from statsforecast.models import SeasonalNaive

    return SeasonalNaive(season_length=season, alias=alias)


METHODS: dict[str, ForecastMethod] = {
    m.name: m
    for m in (
        ForecastMethod(
            "koers",
            "AutoETS (statsforecast; error/trend/season chosen by AICc)",
            _autoets,
            "ets",
            "AutoETS (statsforecast; error, trend and damping chosen by AICc per sector)",
        ),
        ForecastMethod(
            "theta", "AutoTheta (statsforecast)", _theta, "theta", "AutoTheta (statsforecast)"
        ),
        ForecastMethod(
            "naive",
            "no change: last observed value",
            _naive,
            "naive",
            "no change (last observed value)",
        ),
        ForecastMethod(
            "drift",
            "random walk with drift: first-to-last slope",
            _drift,
            "drift",
            "random walk with drift",
        ),
        ForecastMethod("seasonal_naive", "same period of the last season", _seasonal_naive),
    )
}
"""Every method by name (back-tests and the CLI's ``--method``)."""

DEFAULT_METHODS = ("koers", "naive", "drift")
"""The product's model and the two baselines every back-test reports."""

BASELINES = ("naive", "drift")
"""Baselines published beside every outlook and back-test."""

OUTLOOK_MODELS: tuple[str, ...] = tuple(m.outlook_name for m in METHODS.values() if m.outlook_name)
"""Values of a run's ``model`` (``ets`` is the product's model ``koers``)."""


def lookup(names: Sequence[str]) -> list[ForecastMethod]:
    """Look methods up by name.

    Raises:
        BacktestError: Naming every unknown name and the known ones.
    """
    unknown = [n for n in names if n not in METHODS]
    if unknown:
        raise _unknown(unknown, sorted(METHODS))
    return [METHODS[n] for n in names]


def outlook_method(model: str) -> ForecastMethod:
    """The method behind a run's ``model`` (``ets`` → ``koers``).

    Raises:
        BacktestError: An unknown model, naming the known ones.
    """
    for method in METHODS.values():
        if method.outlook_name and method.outlook_name == model:
            return method
    raise _unknown([model], list(OUTLOOK_MODELS))


def _unknown(names: list[str], known: list[str]) -> BacktestError:
    return BacktestError(f"unknown method(s) {names}; known: {known}")


__all__ = [
    "BASELINES",
    "DEFAULT_METHODS",
    "METHODS",
    "OUTLOOK_MODELS",
    "ForecastMethod",
    "lookup",
    "outlook_method",
]
