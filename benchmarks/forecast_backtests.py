"""Back-test evaluations published in ``docs/forecast-evaluation.md`` (issue 4, part 6).

Run: ``.venv/bin/python benchmarks/forecast_backtests.py`` (about 30 s). It prints Markdown
tables measured on the bundled BLS files; nothing is hard-coded. The CLI commands
``koers forecast backtest`` and ``koers forecast eval-bls-vintages`` give the same numbers.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from statsforecast import StatsForecast

from koers.data import bundled_path
from koers.forecast import (
    METHODS,
    ForecastMetrics,
    evaluate_vintages,
    score_cross_validation,
    validate_panel,
    wide_to_long,
)

CES = bundled_path("bls", "ces_us_employment_by_supersector_monthly_2006-2015.csv.gz")
VINTAGES = bundled_path("bls", "ep_separations_openings_2016-26_2019-29_2024-34.csv.gz")
SUPERSECTORS = [
    "mining_and_logging",
    "construction",
    "manufacturing",
    "trade_transportation_utilties",
    "information",
    "financial_activities",
    "professional_and_business_services",
    "education_and_health_services",
    "leisure_and_hospitality",
    "other_services",
    "government",
]


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def ces_tables() -> None:
    wide = pd.read_csv(CES)
    panel = validate_panel(
        wide_to_long(wide, "month", exclude=["nonfarm_change"]), "unique_id", "ds", "y"
    )
    methods = ["koers", "naive", "drift", "seasonal_naive", "theta"]
    started = time.perf_counter()
    sf = StatsForecast(models=[METHODS[m].build(12) for m in methods], freq="MS", n_jobs=1)
    cv = sf.cross_validation(df=panel, h=12, n_windows=4, step_size=12)
    seconds = time.perf_counter() - started
    cv["ets_theta_drift_mean"] = cv[["koers", "theta", "drift"]].mean(axis=1)
    scored = [*methods, "ets_theta_drift_mean"]
    for label, ids in (
        ("all 22 level series (aggregates and supersectors)", None),
        ("the 11 supersectors only", SUPERSECTORS),
    ):
        p = panel if ids is None else panel[panel["unique_id"].isin(ids)]
        c = cv if ids is None else cv[cv["unique_id"].isin(ids)]
        result = score_cross_validation(p, c, scored, horizon=12, windows=4, step_size=12)
        print(f"\nCES, {label}: {p['unique_id'].nunique()} series, cutoffs {result.cutoffs}")
        print("\n| method | MASE | MAPE % | direction hit rate |\n|---|---:|---:|---:|")
        for m in scored:
            o: ForecastMetrics = result.overall[m]
            print(f"| {m} | {_fmt(o.mase)} | {_fmt(o.mape)} | {_fmt(o.direction_hit_rate, 3)} |")
        if ids is not None:
            print("\n| series | koers MASE | naive MASE | drift MASE |\n|---|---:|---:|---:|")
            for uid in ids:
                s = result.series[uid]
                print(
                    f"| {uid} | {_fmt(s['koers'].mase)} | {_fmt(s['naive'].mase)} | "
                    f"{_fmt(s['drift'].mase)} |"
                )
    print(f"\n(cross-validation of {len(methods)} methods took {seconds:.1f} s)")


def vintage_tables() -> None:
    table = pd.read_csv(VINTAGES)
    ev = evaluate_vintages(table)
    print(f"\nBLS vintages: {ev.matched} occupations matched; line items {ev.per_vintage}")
    print("\n| method | median APE % | mean APE % | direction hit rate |\n|---|---:|---:|---:|")
    for name, m in ev.metrics.items():
        print(
            f"| {name} | {m.median_ape:.2f} | {m.mean_ape:.2f} | "
            f"{100 * m.direction_hit_rate:.1f} % |"
        )
    # Variants tried while designing `koers` (all use 2019 information only), for transparency.
    f = ev.forecasts
    e16, e19, actual = f["e2016"], f["e2019"], f["actual_2024"]
    variants = {
        "damped drift phi=0.25": e19 + 0.25 * (f["drift"] - e19),
        "damped drift phi=0.5": e19 + 0.5 * (f["drift"] - e19),
        "log-linear drift": e19 * (e19 / e16) ** (5 / 3),
        "mean(drift, bls_2016_26)": (f["drift"] + f["bls_2016_26"]) / 2,
    }
    print("\nVariants tried (not the product's model):\n")
    print("| variant | median APE % | mean APE % | direction hit rate |\n|---|---:|---:|---:|")
    for name, fc in variants.items():
        ape = (fc - actual).abs() / actual * 100
        hits = np.sign(fc - e19) == np.sign(actual - e19)
        print(f"| {name} | {ape.median():.2f} | {ape.mean():.2f} | {100 * hits.mean():.1f} % |")
    wins = ((f["koers"] - actual).abs() < (f["bls_2019_29"] - actual).abs()).mean()
    print(f"\nkoers closer than bls_2019_29 for {100 * wins:.1f} % of occupations")


if __name__ == "__main__":
    ces_tables()
    vintage_tables()
