"""Replacement demand (vervangingsvraag) for forecast years, both ways the anchors do it.

**Cohort method (Steunpunt Werk), yearly form.** With yearly data and age bands of width w,
people in band b at year t−1 stay in b with probability 1 − 1/w_b (uniform ages within the
band) and move up to b+1 otherwise. The net outflow of band b in year t is

    outflow_b(t) = E_b(t−1)·(1 − 1/w_b) + E_{b−1}(t−1)/w_{b−1} − E_b(t)

and for the top band (everyone ageing out of it leaves the tracked population)

    outflow_top(t) = E_top(t−1) + E_{top−1}(t−1)/w_{top−1} − E_top(t).

The youngest band is the entry band (school leavers enter there) and is left out. The yearly
outflow rate of a band is Σ outflow / Σ E(t−1) over the last ``window`` years; replacement
demand in a forecast year is Σ_b max(rate_b, 0) · E_b(t−1), with the sector's projected
employment split over the bands by the last observed age shares. Only net outflow counts (a
band with net inflow replaces nobody). With 5-year bands and a 5-year step this is the
report's "uitstroom 55+" E50+(X−5) − E55+(X) spread over single years
(:func:`koers.forecast.demand.cohort_outflow` computes that definition itself).

**Separation method (BLS).** Replacement = (labour-force exit rate + occupational transfer
rate) / 100 × employment of the previous year, per age group or per occupation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from koers.forecast.codes import TOTAL


def _band_widths(bands: pd.DataFrame) -> np.ndarray:
    widths = []
    for lo, hi in zip(bands["age_from"], bands["age_to"], strict=True):
        widths.append(np.nan if pd.isna(hi) else float(int(hi) - int(lo) + 1))
    return np.asarray(widths, dtype=np.float64)


def cohort_outflow_rates(employment: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """Yearly net cohort outflow rate per sector and age band (entry band excluded).

    Args:
        employment: Validated employment (``nace, age_group, age_from, age_to, year,
            employment``); regions, if any, are summed first.
        window: Number of most recent year-to-year transitions averaged.

    Returns:
        Frame ``nace, age_group, age_from, rate, outflow_last`` where ``rate`` may be
        negative (net inflow) and ``outflow_last`` is the net outflow of the last year.
    """
    frame = employment.groupby(
        ["nace", "age_group", "age_from", "year"], as_index=False, dropna=False
    )["employment"].sum()
    bands = (
        employment[["age_group", "age_from", "age_to"]]
        .drop_duplicates("age_group")
        .sort_values("age_from", ignore_index=True)
    )
    widths = _band_widths(bands)
    order = list(bands["age_group"])
    records: list[dict[str, object]] = []
    for nace, group in frame.groupby("nace", sort=True):
        cube = group.pivot(index="age_group", columns="year", values="employment").loc[order]
        e = cube.to_numpy(dtype=np.float64)
        n_bands, n_years = e.shape
        if n_years < 2:
            continue
        prev, now = e[:, :-1], e[:, 1:]
        outflow = np.zeros_like(now)
        for b in range(1, n_bands):
            ageing_in = prev[b - 1] / widths[b - 1]
            top = b == n_bands - 1
            stay = prev[b] if top or np.isnan(widths[b]) else prev[b] * (1 - 1 / widths[b])
            outflow[b] = stay + ageing_in - now[b]
        k = min(window, now.shape[1])
        for b in range(1, n_bands):
            exposure = prev[b, -k:].sum()
            rate = float(outflow[b, -k:].sum() / exposure) if exposure > 0 else 0.0
            records.append(
                {
                    "nace": nace,
                    "age_group": order[b],
                    "age_from": int(bands["age_from"].iloc[b]),
                    "rate": rate,
                    "outflow_last": float(outflow[b, -1]),
                }
            )
    return pd.DataFrame.from_records(
        records, columns=["nace", "age_group", "age_from", "rate", "outflow_last"]
    )


def last_age_shares(employment: pd.DataFrame) -> pd.DataFrame:
    """Each sector's age-band shares in the last observed year: ``nace, age_group, share``."""
    last = int(employment["year"].max())
    frame = (
        employment[employment["year"] == last]
        .groupby(["nace", "age_group"], as_index=False)[["employment"]]
        .sum()
    )
    totals = frame.groupby("nace")["employment"].transform("sum")
    return frame.assign(share=frame["employment"] / totals.where(totals > 0, 1.0))[
        ["nace", "age_group", "share"]
    ]


def project_cohort_replacement(
    rates: pd.DataFrame, shares: pd.DataFrame, sector_path: pd.DataFrame
) -> pd.DataFrame:
    """Replacement demand per sector and year from cohort outflow rates.

    Args:
        rates: From :func:`cohort_outflow_rates`.
        shares: From :func:`last_age_shares`.
        sector_path: ``nace, year, employment`` for the last observed year and every
            forecast year (replacement in year t uses employment of t−1).

    Returns:
        ``nace, year, replacement_cohort`` for every year after the first of
        ``sector_path``, plus ``TOTAL`` rows (the sum).
    """
    weights = rates.merge(shares, on=["nace", "age_group"], how="left").fillna({"share": 0.0})
    weights["w"] = weights["rate"].clip(lower=0) * weights["share"]
    per_sector = weights.groupby("nace")["w"].sum()
    path = sector_path[sector_path["nace"] != TOTAL].sort_values(["nace", "year"])
    prev = path.groupby("nace")["employment"].shift(1)
    out = path.assign(
        replacement_cohort=prev * path["nace"].map(per_sector).fillna(0.0).to_numpy()
    ).dropna(subset=["replacement_cohort"])[["nace", "year", "replacement_cohort"]]
    total = out.groupby("year", as_index=False)[["replacement_cohort"]].sum().assign(nace=TOTAL)
    return pd.concat([out, total], ignore_index=True)


def project_separation_replacement(
    rates: pd.DataFrame, shares: pd.DataFrame, sector_path: pd.DataFrame
) -> pd.DataFrame:
    """Replacement demand per sector and year from separation rates by age group (BLS).

    Args:
        rates: Validated separation rates keyed by ``age_group``.
        shares: From :func:`last_age_shares`.
        sector_path: ``nace, year, employment`` (last observed year and forecast years).

    Returns:
        ``nace, year, replacement_separation`` plus ``TOTAL`` rows; age bands without a rate
        count as 0 and are listed by :func:`missing_rate_bands`.
    """
    r = rates.assign(rate=rates["labour_force_exit_rate"] + rates["occupational_transfer_rate"])
    weights = shares.merge(r[["age_group", "rate"]], on="age_group", how="left").fillna(
        {"rate": 0.0}
    )
    weights["w"] = weights["share"] * weights["rate"] / 100.0
    per_sector = weights.groupby("nace")["w"].sum()
    path = sector_path[sector_path["nace"] != TOTAL].sort_values(["nace", "year"])
    prev = path.groupby("nace")["employment"].shift(1)
    out = path.assign(
        replacement_separation=prev * path["nace"].map(per_sector).fillna(0.0).to_numpy()
    ).dropna(subset=["replacement_separation"])[["nace", "year", "replacement_separation"]]
    total = out.groupby("year", as_index=False)[["replacement_separation"]].sum().assign(nace=TOTAL)
    return pd.concat([out, total], ignore_index=True)


def separation_by_age(rates: pd.DataFrame, employment_by_age: pd.DataFrame) -> float:
    """Total separations of one year: Σ_b rate_b / 100 × E_b (BLS method).

    Args:
        rates: Separation rates keyed by ``age_group``.
        employment_by_age: ``age_group, employment`` of the year before.

    Returns:
        Replacement demand in persons.
    """
    r = rates.assign(rate=rates["labour_force_exit_rate"] + rates["occupational_transfer_rate"])
    merged = employment_by_age.merge(r[["age_group", "rate"]], on="age_group", how="left")
    return float((merged["employment"] * merged["rate"].fillna(0.0) / 100.0).sum())


def missing_rate_bands(rates: pd.DataFrame, employment: pd.DataFrame) -> list[str]:
    """Age bands of the employment panel that have no separation rate."""
    return sorted(set(employment["age_group"]) - set(rates.get("age_group", pd.Series([]))))


__all__ = [
    "cohort_outflow_rates",
    "last_age_shares",
    "missing_rate_bands",
    "project_cohort_replacement",
    "project_separation_replacement",
    "separation_by_age",
]
