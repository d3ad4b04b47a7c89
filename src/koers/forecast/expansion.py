"""Expansion demand (uitbreidingsvraag) per sector: statsforecast models, reconciled, scenarios.

Flow (report Annex B.1 "Vraagprognoses"):

1. Sector totals (sum over age groups and regions) become yearly series ``unique_id`` =
   NACE code, plus the all-sector ``TOTAL``.
2. statsforecast fits the chosen model (``ets`` = AutoETS, the product's model ``koers``;
   ``theta`` = AutoTheta; see :mod:`koers.forecast.methods`) and the naive baselines (no
   change, drift) to every series, with prediction intervals.
3. The model's forecasts are reconciled (:mod:`koers.forecast.reconcile`) so that sectors
   sum to the total; intervals keep their base width and move with the reconciled mean.
4. Scenarios (:class:`Scenario`) shift sector paths by a yearly growth difference; the total
   is re-summed so it stays coherent.

Expansion demand in year t is E(t) − E(t−1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from koers.forecast.codes import TOTAL
from koers.forecast.errors import BacktestError
from koers.forecast.methods import BASELINES, METHODS, outlook_method
from koers.forecast.reconcile import RECONCILIATION_METHODS, reconcile

SCENARIO_KINDS = ("trend", "growth", "shrink")


@dataclass(frozen=True, slots=True)
class Scenario:
    """A demand scenario (scenario): the model path, or the model path shifted.

    Attributes:
        name: Short id (``trend``, ``groei``, ``krimp`` …), unique within a run.
        kind: ``trend`` (the model path as it is: the recent trend continues), ``growth``
            (``annual_pct`` percentage points more growth per year) or ``shrink``
            (``annual_pct`` less).
        annual_pct: Yearly growth difference in percentage points (≥ 0).
        sectors: NACE codes the shift applies to; empty = every sector.
        label_nl: Dutch label for screens.
        label_en: English label.
        supply: Supply scenario name applied with it (see :mod:`koers.forecast.supply`).
    """

    name: str
    kind: str = "trend"
    annual_pct: float = 0.0
    sectors: tuple[str, ...] = ()
    label_nl: str = ""
    label_en: str = ""
    supply: dict[str, object] | None = None

    def factor(self, nace: str, steps_ahead: int) -> float:
        """Multiplier of the model path for ``nace`` at ``steps_ahead`` years."""
        if self.kind == "trend" or (self.sectors and nace not in self.sectors):
            return 1.0
        sign = 1.0 if self.kind == "growth" else -1.0
        return float((1.0 + sign * self.annual_pct / 100.0) ** steps_ahead)


def sector_series(employment: pd.DataFrame) -> pd.DataFrame:
    """Sector totals as statsforecast series: ``unique_id`` (NACE or TOTAL), ``ds``, ``y``.

    Args:
        employment: A frame from :func:`koers.forecast.inputs.validate_employment`.

    Returns:
        Long frame, one row per sector × year plus the ``TOTAL`` series.
    """
    by_sector = employment.groupby(["nace", "year"], as_index=False)[["employment"]].sum()
    total = by_sector.groupby("year", as_index=False)[["employment"]].sum().assign(nace=TOTAL)
    frame = pd.concat([total, by_sector], ignore_index=True)
    return (
        frame.rename(columns={"nace": "unique_id", "year": "ds", "employment": "y"})[
            ["unique_id", "ds", "y"]
        ]
        .sort_values(["unique_id", "ds"], ignore_index=True)
        .astype({"ds": "int64", "y": "float64"})
    )


def forecast_series(
    series: pd.DataFrame,
    horizon: int,
    model: str = "ets",
    levels: Sequence[int] = (80, 95),
    reconciliation: str = "mint_shrink",
) -> pd.DataFrame:
    """Forecast every sector and the total, reconcile, and add naive baselines.

    Args:
        series: From :func:`sector_series` (``TOTAL`` plus sectors, yearly ``ds``).
        horizon: Years ahead (H ≥ 1).
        model: One of :data:`koers.forecast.methods.OUTLOOK_MODELS`; its columns are named
            ``model``.
        levels: Prediction interval levels in percent.
        reconciliation: One of :data:`RECONCILIATION_METHODS`.

    Returns:
        Long frame ``unique_id, ds, model, model-lo-L, model-hi-L …, naive, drift`` for the
        forecast years; ``model`` is reconciled (sectors sum to ``TOTAL``).

    Raises:
        BacktestError: On a bad horizon, model or reconciliation, or a series with fewer
            than 4 years.
    """
    from statsforecast import StatsForecast

    if horizon < 1:
        raise BacktestError("horizon must be at least 1")
    if reconciliation not in RECONCILIATION_METHODS:
        raise BacktestError(
            f"unknown reconciliation '{reconciliation}'; one of {RECONCILIATION_METHODS}"
        )
    lengths = series.groupby("unique_id").size()
    if int(lengths.min()) < 4:
        raise BacktestError(f"series '{lengths.idxmin()}' has fewer than 4 years of history")
    method = outlook_method(model)
    models = [method.build(alias="model")]
    models += [METHODS[b].build() for b in BASELINES if b != method.name]
    sf = StatsForecast(models=models, freq=1, n_jobs=1)
    try:
        fc = sf.forecast(df=series, h=horizon, level=list(levels), fitted=True)
    except NotImplementedError as exc:  # statsforecast's ETS refuses tiny series
        raise BacktestError(
            f"history too short for model '{model}' ({exc}); give more years or use drift"
        ) from exc
    fitted = sf.forecast_fitted_values()  # type: ignore[no-untyped-call]
    if method.name in BASELINES:  # the model is a baseline: its own column is the model's
        fc[method.name] = fc["model"]
    fc = fc.sort_values(["unique_id", "ds"], ignore_index=True)
    ids = [TOTAL, *sorted(i for i in fc["unique_id"].unique() if i != TOTAL)]
    base = fc.pivot(index="unique_id", columns="ds", values="model").loc[ids].to_numpy()
    residuals = None
    if reconciliation == "mint_shrink":
        fitted = fitted.assign(res=fitted["y"] - fitted["model"])
        residuals = fitted.pivot(index="unique_id", columns="ds", values="res").loc[ids].to_numpy()
    reconciled = reconcile(base, reconciliation, residuals)
    years = sorted(int(d) for d in fc["ds"].unique())
    delta = pd.DataFrame(
        {
            "unique_id": np.repeat(ids, len(years)),
            "ds": np.tile(np.asarray(years, dtype=np.int64), len(ids)),
            "delta": (reconciled - base).ravel(),
        }
    )
    fc = fc.merge(delta, on=["unique_id", "ds"], how="left")
    interval_columns = [c for c in fc.columns if c.startswith("model-")]
    for column in ["model", *interval_columns]:
        fc[column] = fc[column] + fc["delta"]
    return fc.drop(columns="delta")


def apply_scenario(
    forecast: pd.DataFrame, scenario: Scenario, last_year: int, columns: Sequence[str]
) -> pd.DataFrame:
    """Shift sector paths by the scenario and re-sum the total.

    Args:
        forecast: From :func:`forecast_series` (``unique_id``, ``ds`` and value columns).
        scenario: The scenario.
        last_year: Last observed year (steps ahead = ds − last_year).
        columns: Value columns to shift (the model path and its interval bounds).

    Returns:
        A new frame; the ``TOTAL`` rows of ``columns`` are the sum of the shifted sectors
        (bounds: the sum of the sector bounds minus the base-sum gap, so the band keeps its
        width around the new total).
    """
    out = forecast.copy()
    steps = (out["ds"] - last_year).to_numpy()
    factors = np.array(
        [scenario.factor(str(u), int(s)) for u, s in zip(out["unique_id"], steps, strict=True)]
    )
    is_total = (out["unique_id"] == TOTAL).to_numpy()
    mean_before = out.loc[is_total, ["ds", "model"]].set_index("ds")["model"]
    for column in columns:
        out.loc[~is_total, column] = out.loc[~is_total, column].to_numpy() * factors[~is_total]
    sector_sum = out.loc[~is_total].groupby("ds")["model"].sum()
    total_ds = out.loc[is_total, "ds"]
    new_mean = total_ds.map(sector_sum).to_numpy()
    old_mean = total_ds.map(mean_before).to_numpy()
    for column in columns:
        out.loc[is_total, column] = out.loc[is_total, column].to_numpy() - old_mean + new_mean
    return out


__all__ = [
    "SCENARIO_KINDS",
    "Scenario",
    "apply_scenario",
    "forecast_series",
    "sector_series",
]
