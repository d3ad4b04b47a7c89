"""Back-tests (issue 4 part 6; report Annex B.1 asks that forecasts be validated ex post).

Metrics are pure numpy functions; :func:`rolling_origin` runs statsforecast's
``cross_validation`` for the product's model and the naive baselines on a long panel
(``unique_id``, ``ds``, ``y``) and scores every window; :func:`shares_backtest` tests the
occupation key (trended against constant shares).

Definitions (also in ``docs/forecast-evaluation.md``):

* **MASE** of one window = mean |y − ŷ| over the horizon / mean |y_t − y_{t−1}| over the
  training part of that window (in-sample one-step naive error, Hyndman & Koehler 2006).
  Overall and per-series MASE are the mean over windows (and series).
* **MAPE** = mean of 100·|y − ŷ| / |y| over all forecast points with y ≠ 0.
* **Direction hit rate** = share of forecast points where sign(ŷ_{T+h} − y_T) equals
  sign(y_{T+h} − y_T), with T the forecast origin; "unchanged" counts as a direction, so the
  no-change forecast only scores when the series really did not move.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from koers.forecast.errors import BacktestError, ForecastInputError
from koers.forecast.methods import DEFAULT_METHODS, METHODS, lookup
from koers.forecast.model import BacktestResult, ForecastMetrics
from koers.forecast.occupations import distribute, project_shares

FloatArray = npt.NDArray[np.float64]


def mase_scale(history: npt.ArrayLike, season: int = 1) -> float:
    """Return the in-sample mean absolute ``season``-step change (the MASE denominator).

    Args:
        history: Training values, oldest first.
        season: Lag of the naive in-sample forecast (1 = no change).

    Returns:
        mean |y_t − y_{t−season}|; nan if the history is shorter than ``season + 1``.
    """
    y = np.asarray(history, dtype=np.float64)
    if y.size <= season:
        return float("nan")
    return float(np.mean(np.abs(y[season:] - y[:-season])))


def mase(
    actual: npt.ArrayLike, forecast: npt.ArrayLike, history: npt.ArrayLike, season: int = 1
) -> float:
    """Mean absolute scaled error of one forecast window.

    Args:
        actual: Observed values over the horizon.
        forecast: Forecast values over the horizon (same length).
        history: Training values before the forecast origin.
        season: Lag of the scaling naive forecast.

    Returns:
        MASE; nan if the scale is 0 or undefined.
    """
    a, f = _pair(actual, forecast)
    scale = mase_scale(history, season)
    if not np.isfinite(scale) or scale == 0:
        return float("nan")
    return float(np.mean(np.abs(a - f)) / scale)


def mape(actual: npt.ArrayLike, forecast: npt.ArrayLike) -> float:
    """Mean absolute percentage error in percent, over points with a non-zero actual.

    Args:
        actual: Observed values.
        forecast: Forecast values (same length).

    Returns:
        MAPE in percent; nan if every actual is 0.
    """
    a, f = _pair(actual, forecast)
    keep = a != 0
    if not keep.any():
        return float("nan")
    return float(np.mean(np.abs(a[keep] - f[keep]) / np.abs(a[keep])) * 100.0)


def direction_hits(
    origin: npt.ArrayLike, actual: npt.ArrayLike, forecast: npt.ArrayLike
) -> npt.NDArray[np.bool_]:
    """Per point: was the direction of change from the origin forecast right?

    Args:
        origin: Last observed value(s) at the forecast origin (scalar or per point).
        actual: Observed values.
        forecast: Forecast values.

    Returns:
        Boolean array: sign(forecast − origin) == sign(actual − origin).
    """
    a, f = _pair(actual, forecast)
    o = np.broadcast_to(np.asarray(origin, dtype=np.float64), a.shape)
    return np.asarray(np.sign(f - o) == np.sign(a - o), dtype=np.bool_)


def direction_hit_rate(
    origin: npt.ArrayLike, actual: npt.ArrayLike, forecast: npt.ArrayLike
) -> float:
    """Share (0..1) of points whose direction of change was forecast right; nan if empty."""
    hits = direction_hits(origin, actual, forecast)
    return float(hits.mean()) if hits.size else float("nan")


_SEASON_BY_FREQ = {"MS": 12, "ME": 12, "M": 12, "QS": 4, "QE": 4, "Q": 4, "W": 52, "D": 7}


def season_length(freq: str) -> int:
    """Season length for a pandas frequency alias (monthly 12, quarterly 4, yearly 1)."""
    base = freq.upper().split("-")[0]
    return _SEASON_BY_FREQ.get(base, 1)


def validate_panel(
    frame: pd.DataFrame,
    id_col: str,
    time_col: str,
    value_col: str,
    source: str = "panel",
    first_row: int = 2,
) -> pd.DataFrame:
    """Validate a long panel and return it in statsforecast's names (``unique_id``, ``ds``, ``y``).

    Args:
        frame: Long table with one row per series × time.
        id_col: Column naming the series.
        time_col: Column with dates (ISO) or integer periods (e.g. years).
        value_col: Column with the numeric values.
        source: File name for error messages.
        first_row: Row number the user sees for the first data row.

    Returns:
        A new frame sorted by ``unique_id`` and ``ds``.

    Raises:
        ForecastInputError: On a missing column, empty id, unparsable time, non-numeric or
            missing value, or a duplicate series × time.
    """
    for column in (id_col, time_col, value_col):
        if column not in frame.columns:
            raise ForecastInputError(source, "missing column", column=column)
    ids = frame[id_col].astype("string").str.strip()
    bad = ids.isna() | (ids == "")
    if bad.any():
        raise ForecastInputError(source, "empty series id", _row(bad, first_row), id_col)
    raw_time = frame[time_col]
    as_int = pd.to_numeric(raw_time, errors="coerce")
    if as_int.notna().all() and (as_int % 1 == 0).all():
        ds: pd.Series = as_int.astype("int64")
    else:
        ds = pd.to_datetime(raw_time, errors="coerce")
        bad = ds.isna()
        if bad.any():
            raise ForecastInputError(
                source, "not a date or integer period", _row(bad, first_row), time_col
            )
    y = pd.to_numeric(frame[value_col], errors="coerce")
    bad = y.isna()
    if bad.any():
        raise ForecastInputError(
            source, "missing or non-numeric value", _row(bad, first_row), value_col
        )
    out = pd.DataFrame({"unique_id": ids.to_numpy(), "ds": ds.to_numpy(), "y": y.to_numpy(float)})
    dup = out.duplicated(["unique_id", "ds"])
    if dup.any():
        raise ForecastInputError(source, "duplicate series × time", _row(dup, first_row), time_col)
    return out.sort_values(["unique_id", "ds"], kind="stable").reset_index(drop=True)


def wide_to_long(frame: pd.DataFrame, time_col: str, exclude: Sequence[str] = ()) -> pd.DataFrame:
    """Reshape a wide table (one column per series) into the long ``id``/``time``/``value``.

    Args:
        frame: Wide table with ``time_col`` and one column per series.
        time_col: The time column.
        exclude: Columns that are not series to evaluate.

    Returns:
        Long frame with columns ``unique_id``, ``ds`` (as given), ``y`` (as given).

    Raises:
        ForecastInputError: If ``time_col`` or an excluded column is missing.
    """
    for column in (time_col, *exclude):
        if column not in frame.columns:
            raise ForecastInputError("panel", "missing column", column=column)
    series = [c for c in frame.columns if c != time_col and c not in exclude]
    return frame.melt(
        id_vars=[time_col], value_vars=series, var_name="unique_id", value_name="y"
    ).rename(columns={time_col: "ds"})[["unique_id", "ds", "y"]]


def rolling_origin(
    panel: pd.DataFrame,
    horizon: int,
    windows: int = 4,
    freq: str | int = "MS",
    methods: Sequence[str] = DEFAULT_METHODS,
    step_size: int | None = None,
    season: int | None = None,
) -> BacktestResult:
    """Rolling-origin evaluation of the product's model and naive baselines.

    The last ``windows`` origins are ``step_size`` apart (default: ``horizon``, so windows do
    not overlap); each method is refitted at each origin on the history up to it.

    Args:
        panel: Long frame from :func:`validate_panel` (``unique_id``, ``ds``, ``y``).
        horizon: Steps ahead (H).
        windows: Number of forecast origins (W).
        freq: pandas frequency of ``ds`` (``MS`` for month starts) or 1 for integer periods.
        methods: Names from :data:`koers.forecast.methods.METHODS`; ``koers`` is the
            product's model.
        step_size: Steps between origins.
        season: Season length for seasonal models and MASE; default from ``freq``.

    Returns:
        Metrics per method overall and per series.

    Raises:
        BacktestError: On a bad horizon, unknown method, or a series too short for the
            windows asked.
    """
    from statsforecast import StatsForecast

    if horizon < 1 or windows < 1:
        raise BacktestError("horizon and windows must be at least 1")
    chosen = lookup(methods)
    step = horizon if step_size is None else step_size
    m = season if season is not None else (season_length(freq) if isinstance(freq, str) else 1)
    need = horizon + step * (windows - 1) + max(2 * m, 3)
    lengths = panel.groupby("unique_id", sort=True).size()
    short = lengths[lengths < need]
    if not short.empty:
        raise BacktestError(
            f"series '{short.index[0]}' has {int(short.iloc[0])} points; at least {need} are "
            f"needed for horizon {horizon}, {windows} windows, step {step}"
        )
    models = [method.build(m) for method in chosen]
    sf = StatsForecast(models=models, freq=freq, n_jobs=1)
    cv = sf.cross_validation(df=panel, h=horizon, n_windows=windows, step_size=step)
    return score_cross_validation(panel, cv, methods, horizon, windows, step)


def score_cross_validation(
    panel: pd.DataFrame,
    cv: pd.DataFrame,
    methods: Sequence[str],
    horizon: int,
    windows: int,
    step_size: int,
) -> BacktestResult:
    """Score a cross-validation frame (``unique_id``, ``ds``, ``cutoff``, ``y``, methods).

    Args:
        panel: The history (``unique_id``, ``ds``, ``y``).
        cv: Forecasts per origin (``cutoff``), as statsforecast returns them.
        methods: Method columns to score.
        horizon: H, for the report.
        windows: W, for the report.
        step_size: Steps between origins, for the report.

    Returns:
        The back-test result.
    """
    history = {str(uid): g for uid, g in panel.groupby("unique_id", sort=True)}
    per_series: dict[str, dict[str, list[tuple[float, FloatArray, FloatArray, FloatArray]]]] = {}
    for (uid, cutoff), g in cv.groupby(["unique_id", "cutoff"], sort=True):
        h = history[str(uid)]
        train = h.loc[h["ds"] <= cutoff, "y"].to_numpy(np.float64)
        scale = mase_scale(train)
        actual = g["y"].to_numpy(np.float64)
        for method in methods:
            fc = g[method].to_numpy(np.float64)
            per_series.setdefault(str(uid), {}).setdefault(method, []).append(
                (scale, actual, fc, np.full(actual.shape, train[-1]))
            )
    series = {
        uid: {method: _metrics(parts) for method, parts in by_method.items()}
        for uid, by_method in per_series.items()
    }
    overall = {
        method: _metrics([p for by_method in per_series.values() for p in by_method[method]])
        for method in methods
    }
    cutoffs = tuple(
        str(pd.Timestamp(c).date()) if not isinstance(c, (int, np.integer)) else str(c)
        for c in sorted(cv["cutoff"].unique())
    )
    return BacktestResult(
        methods=tuple(methods),
        horizon=horizon,
        windows=windows,
        step_size=step_size,
        cutoffs=cutoffs,
        overall=overall,
        series=series,
    )


def result_to_dict(result: BacktestResult) -> dict[str, object]:
    """JSON-ready form: ``{"overall": {METHOD: {...}}, "series": [{"unique_id", METHOD}]}``."""

    def one(m: ForecastMetrics) -> dict[str, float | int | None]:
        return {
            "mase": m.mase,
            "mape": m.mape,
            "direction_hit_rate": m.direction_hit_rate,
            "n_points": m.n_points,
        }

    return {
        "methods": {name: METHODS[name].description for name in result.methods},
        "horizon": result.horizon,
        "windows": result.windows,
        "step_size": result.step_size,
        "cutoffs": list(result.cutoffs),
        "overall": {name: one(m) for name, m in result.overall.items()},
        "series": [
            {"unique_id": uid, **{name: one(m) for name, m in by_method.items()}}
            for uid, by_method in result.series.items()
        ],
    }


def shares_backtest(
    key: pd.DataFrame, sector_employment: pd.DataFrame, horizon: int, window: int, damping: float
) -> dict[str, Any]:
    """Back-test of the occupation key: trended vs constant shares.

    Occupation employment at key year Y is computed from shares known at Y − h and the actual
    sector employment of Y, so only the key's error is measured.

    Args:
        key: Validated occupation-by-sector key (``nace, isco08, year, share``).
        sector_employment: ``nace, year, employment`` (no total).
        horizon: h, years between the origin and the target key year.
        window: Key years used for trended shares.
        damping: Yearly damping of share trends.

    Returns:
        JSON-ready ``{horizon, origins, constant_shares, trend_shares}`` (MAPE, direction hit
        rate, points), or a ``note`` when the key has too few years.
    """
    key_years = sorted(int(y) for y in key["year"].unique())
    if len(key_years) < horizon + 2:
        return {"note": "too few key years for a shares back-test"}
    actual_by_year: dict[int, pd.DataFrame] = {}
    results: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {
        "constant_shares": [],
        "trend_shares": [],
    }
    origins = key_years[-horizon - 2 : -horizon]
    for origin in origins:
        target = origin + horizon
        if target not in key_years:
            continue
        known = key[key["year"] <= origin]
        sectors = sector_employment[sector_employment["year"].isin([origin, target])]
        if target not in actual_by_year:
            actual_by_year[target] = distribute(
                sectors[sectors["year"] == target], key[key["year"] == target], ["employment"]
            )
        actual = actual_by_year[target].set_index("isco08")["employment"]
        at_origin = distribute(
            sectors[sectors["year"] == origin], known[known["year"] == origin], ["employment"]
        ).set_index("isco08")["employment"]
        for method, name in (("constant", "constant_shares"), ("trend", "trend_shares")):
            shares = project_shares(known, [target], method, window, damping)
            fc = distribute(sectors[sectors["year"] == target], shares, ["employment"])
            fc_s = fc.set_index("isco08")["employment"].reindex(actual.index).fillna(0.0)
            origin_s = at_origin.reindex(actual.index).fillna(0.0)
            results[name].append((actual.to_numpy(), fc_s.to_numpy(), origin_s.to_numpy()))
    out: dict[str, Any] = {"horizon": horizon, "origins": origins}
    for name, parts in results.items():
        if not parts:
            continue
        a = np.concatenate([p[0] for p in parts])
        f = np.concatenate([p[1] for p in parts])
        o = np.concatenate([p[2] for p in parts])
        out[name] = {
            "mape": mape(a, f),
            "direction_hit_rate": direction_hit_rate(o, a, f),
            "n_points": int(a.size),
        }
    return out


def _metrics(parts: Sequence[tuple[float, FloatArray, FloatArray, FloatArray]]) -> ForecastMetrics:
    window_mase = [
        float(np.mean(np.abs(a - f)) / s) for s, a, f, _ in parts if np.isfinite(s) and s > 0
    ]
    actual = np.concatenate([a for _, a, _, _ in parts]) if parts else np.array([])
    fc = np.concatenate([f for _, _, f, _ in parts]) if parts else np.array([])
    origin = np.concatenate([o for _, _, _, o in parts]) if parts else np.array([])
    return ForecastMetrics(
        mase=_none(float(np.mean(window_mase))) if window_mase else None,
        mape=_none(mape(actual, fc)) if actual.size else None,
        direction_hit_rate=_none(direction_hit_rate(origin, actual, fc)) if actual.size else None,
        n_points=int(actual.size),
    )


def _none(value: float) -> float | None:
    return None if not np.isfinite(value) else value


def _pair(actual: npt.ArrayLike, forecast: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    a = np.asarray(actual, dtype=np.float64)
    f = np.asarray(forecast, dtype=np.float64)
    if a.shape != f.shape:
        raise ValueError(f"actual and forecast differ in shape: {a.shape} vs {f.shape}")
    return a, f


def _row(mask: pd.Series, first_row: int) -> int:
    return int(np.flatnonzero(mask.to_numpy())[0]) + first_row


__all__ = [
    "DEFAULT_METHODS",
    "METHODS",
    "direction_hit_rate",
    "direction_hits",
    "mape",
    "mase",
    "mase_scale",
    "result_to_dict",
    "rolling_origin",
    "score_cross_validation",
    "season_length",
    "shares_backtest",
    "validate_panel",
    "wide_to_long",
]
