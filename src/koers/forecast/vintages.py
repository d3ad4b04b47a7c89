"""Vintage evaluation on BLS occupational employment (issue 4 part 6).

The BLS Employment Projections publish employment by occupation for base years 2016, 2019 and
2024 (files ``ep_separations_openings_2016-26_2019-29_2024-34``). We stand in 2019, forecast
2024 employment per occupation and compare with the 2024 base-year values, beside BLS's own
2019–29 projection read at 2024 by linear interpolation.

What each method may use (information set):

* ``naive``: 2019 employment (no change).
* ``drift``: 2016 and 2019 employment; the 2016→2019 change per year continued to 2024.
* ``bls_2016_26``: the 2016–26 projection (published October 2017), its compound annual
  growth rate applied to 2019 employment for 5 years.
* ``koers``: the equal-weight mean of ``naive``, ``drift`` and ``bls_2016_26``, i.e. only what
  was published by 2019. Equal weights are fixed in advance (no weights are fitted to 2024).
* ``bls_2019_29``: BLS's 2019–29 projection (published September 2020) interpolated at 2024,
  the benchmark; it uses information from after 2019.

2019 employment itself is read from the 2019–29 table's base year (it is the 2019 National
Employment Matrix value). Occupations are matched on SOC code among the "Line item" rows
present in all three vintages; 2016–26 uses SOC 2010 codes and later vintages SOC 2018, so
codes that changed are left out and the number matched is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from koers.forecast.errors import ForecastInputError
from koers.forecast.model import VintageMetrics

VINTAGE_COLUMNS = (
    "projection_period",
    "base_year",
    "target_year",
    "occupation_code",
    "occupation_type",
    "employment_base",
    "employment_projected",
)
METHOD_DESCRIPTIONS = {
    "koers": "equal-weight mean of naive, drift and bls_2016_26 (information of 2019 only)",
    "bls_2019_29": "BLS 2019-29 projection interpolated at 2024 (published 2020)",
    "drift": "2016->2019 change per year continued to 2024",
    "naive": "no change from 2019",
    "bls_2016_26": "BLS 2016-26 annual growth rate applied to 2019 employment",
}


@dataclass(frozen=True, slots=True)
class VintageEvaluation:
    """Result of :func:`evaluate_vintages`.

    Attributes:
        matched: Occupations present (same SOC code, line item) in all three vintages.
        per_vintage: Line-item occupations in each vintage.
        metrics: Metrics per method.
        forecasts: One row per matched occupation: ``occupation_code``, ``e2016``, ``e2019``,
            ``actual_2024`` and one column per method.
    """

    matched: int
    per_vintage: dict[str, int]
    metrics: dict[str, VintageMetrics]
    forecasts: pd.DataFrame


def evaluate_vintages(
    table: pd.DataFrame,
    early: str = "2016-26",
    origin: str = "2019-29",
    actual: str = "2024-34",
) -> VintageEvaluation:
    """Forecast the ``actual`` base year from the ``early`` and ``origin`` base years.

    Args:
        table: The BLS separations/openings table (columns :data:`VINTAGE_COLUMNS`).
        early: Projection period whose base year is the earlier history point (2016).
        origin: Projection period whose base year is the forecast origin (2019).
        actual: Projection period whose base year is the target (2024).

    Returns:
        Metrics per method (see the module docstring) and the per-occupation forecasts.

    Raises:
        ForecastInputError: If a column or vintage is missing, a code repeats within a vintage,
            or an employment value is missing or not positive.
    """
    source = "BLS vintage table"
    for column in VINTAGE_COLUMNS:
        if column not in table.columns:
            raise ForecastInputError(source, "missing column", column=column)
    items = table[table["occupation_type"] == "Line item"]
    frames: dict[str, pd.DataFrame] = {}
    for period in (early, origin, actual):
        part = items[items["projection_period"] == period]
        if part.empty:
            raise ForecastInputError(source, f"no line items for projection period '{period}'")
        dup = part["occupation_code"].duplicated()
        if dup.any():
            code = part.loc[dup, "occupation_code"].iloc[0]
            raise ForecastInputError(
                source, f"occupation code {code} repeats in {period}", column="occupation_code"
            )
        frames[period] = part.set_index("occupation_code")
    codes = frames[early].index.intersection(frames[origin].index)
    codes = codes.intersection(frames[actual].index).sort_values()
    base_years = {p: int(frames[p]["base_year"].iloc[0]) for p in frames}
    target_years = {p: int(frames[p]["target_year"].iloc[0]) for p in frames}

    def col(period: str, column: str) -> np.ndarray:
        values = pd.to_numeric(frames[period].loc[codes, column], errors="coerce")
        arr: np.ndarray = np.asarray(values, dtype=np.float64)
        if not np.isfinite(arr).all() or (arr <= 0).any():
            raise ForecastInputError(
                source, f"missing or non-positive value in {period}", column=column
            )
        return arr

    e_early = col(early, "employment_base")
    e_early_proj = col(early, "employment_projected")
    e_origin = col(origin, "employment_base")
    e_origin_proj = col(origin, "employment_projected")
    e_actual = col(actual, "employment_base")
    y0, y1, y2 = base_years[early], base_years[origin], base_years[actual]
    gap = y2 - y1
    early_span = target_years[early] - y0
    origin_span = target_years[origin] - y1
    forecasts = {
        "naive": e_origin.copy(),
        "drift": e_origin + (e_origin - e_early) / (y1 - y0) * gap,
        "bls_2016_26": e_origin * (e_early_proj / e_early) ** (gap / early_span),
    }
    forecasts["koers"] = (forecasts["naive"] + forecasts["drift"] + forecasts["bls_2016_26"]) / 3
    forecasts["bls_2019_29"] = e_origin + (e_origin_proj - e_origin) * gap / origin_span
    order = ["koers", "bls_2019_29", "drift", "naive", "bls_2016_26"]
    metrics = {name: _vintage_metrics(e_origin, e_actual, forecasts[name]) for name in order}
    out = pd.DataFrame(
        {
            "occupation_code": codes.to_numpy(),
            f"e{y0}": e_early,
            f"e{y1}": e_origin,
            f"actual_{y2}": e_actual,
            **{name: forecasts[name] for name in order},
        }
    )
    return VintageEvaluation(
        matched=len(codes),
        per_vintage={p: len(f) for p, f in frames.items()},
        metrics=metrics,
        forecasts=out,
    )


def _vintage_metrics(
    origin: np.ndarray, actual: np.ndarray, forecast: np.ndarray
) -> VintageMetrics:
    ape = np.abs(forecast - actual) / np.abs(actual) * 100.0
    hits = np.sign(forecast - origin) == np.sign(actual - origin)
    return VintageMetrics(
        median_ape=float(np.median(ape)),
        mean_ape=float(np.mean(ape)),
        direction_hit_rate=float(np.mean(hits)),
        n=int(actual.size),
    )


__all__ = ["METHOD_DESCRIPTIONS", "VINTAGE_COLUMNS", "VintageEvaluation", "evaluate_vintages"]
