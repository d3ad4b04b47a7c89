"""Demand building blocks (report Annex B.1 "Vraagprognoses"; issue 4 part 2).

* Replacement demand (vervangingsvraag) from the age structure, as net cohort outflow
  (Steunpunt Werk): outflow of the 55+ in year X = E50+(X−5) − E55+(X), generalised to every
  age threshold of a 5-year (or other) band grid.
* Replacement demand from separation rates (BLS method): labour-force exits plus occupational
  transfers, each a rate applied to employment.
* Openings (totale vraag) = expansion demand (uitbreidingsvraag) + replacement demand.
* Sector → occupation through an occupation-by-sector distribution key (EAK verdeelsleutel)
  with constant shares.

All functions take and return long pandas frames and never mutate their inputs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from koers.forecast.errors import DistributionKeyError, ForecastInputError


def cohort_outflow(
    employment: pd.DataFrame,
    keys: Sequence[str] = (),
    band_width: int = 5,
    min_threshold: int | None = None,
) -> pd.DataFrame:
    """Net cohort outflow per age threshold (Steunpunt Werk definition, generalised).

    For a threshold ``a`` and year ``X``: outflow = E_{≥a−w}(X−w) − E_{≥a}(X), with ``w`` the
    band width: the people who were at least ``a − w`` years old ``w`` years earlier, minus
    those of that cohort still at work. For ``a = 55`` and ``w = 5`` this is the report's
    "uitstroom 55+" E50+(X−5) − E55+(X). A negative value is net inflow (re-entry, migration).

    Args:
        employment: Long frame with ``keys``, ``year`` (int), ``age_from`` (int, lower bound
            of the age band) and ``employment`` (≥ 0).
        keys: Grouping columns, e.g. ``("nace",)``.
        band_width: Years per age band and between the two years compared (w).
        min_threshold: Smallest threshold reported (default: the second band's lower bound).

    Returns:
        Frame with ``keys``, ``year``, ``threshold`` (a) and ``outflow``, one row per
        threshold and year where year − w is in the data.

    Raises:
        ForecastInputError: On a missing column, a negative or missing employment value or a
            duplicate key × year × band.
    """
    source = "employment by age"
    needed = [*keys, "year", "age_from", "employment"]
    for column in needed:
        if column not in employment.columns:
            raise ForecastInputError(source, "missing column", column=column)
    frame = employment[needed].copy()
    values = pd.to_numeric(frame["employment"], errors="coerce")
    bad = values.isna() | (values < 0)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0]) + 2
        raise ForecastInputError(source, "missing, non-numeric or negative", row, "employment")
    frame["employment"] = values.astype(float)
    dup = frame.duplicated([*keys, "year", "age_from"])
    if dup.any():
        row = int(np.flatnonzero(dup.to_numpy())[0]) + 2
        raise ForecastInputError(source, "duplicate key × year × age band", row, "age_from")
    bands = sorted(int(a) for a in frame["age_from"].unique())
    lowest = bands[1] if min_threshold is None and len(bands) > 1 else (min_threshold or 0)
    thresholds = [a for a in bands if a >= lowest and (a - band_width) in bands]
    group_cols = [*keys, "year"]
    records: list[pd.DataFrame] = []
    for a in thresholds:
        older = (
            frame[frame["age_from"] >= a].groupby(group_cols, as_index=False)[["employment"]].sum()
        )
        younger = (
            frame[frame["age_from"] >= a - band_width]
            .groupby(group_cols, as_index=False)[["employment"]]
            .sum()
            .assign(year=lambda d: d["year"] + band_width)
        )
        merged = younger.merge(older, on=group_cols, suffixes=("_before", "_now"))
        merged["threshold"] = a
        merged["outflow"] = merged["employment_before"] - merged["employment_now"]
        records.append(merged[[*group_cols, "threshold", "outflow"]])
    if not records:
        return pd.DataFrame(columns=[*group_cols, "threshold", "outflow"])
    return pd.concat(records, ignore_index=True).sort_values(
        [*group_cols, "threshold"], ignore_index=True
    )


def separation_replacement(
    base_employment: float,
    projected_employment: float,
    labour_force_exit_rate: float,
    occupational_transfer_rate: float,
) -> dict[str, float]:
    """Annual average replacement demand from separation rates (BLS method).

    BLS applies the annual exit and transfer rates to employment in every projection year;
    with linear growth the annual average equals the rate times mean(base, projected).

    Args:
        base_employment: Employment in the base year.
        projected_employment: Employment in the target year.
        labour_force_exit_rate: Annual labour-force exits per 100 employed (uitstroom uit de
            arbeidsmarkt).
        occupational_transfer_rate: Annual occupational transfers per 100 employed
            (beroepsmobiliteit).

    Returns:
        ``{"labour_force_exits", "occupational_transfers", "total_separations"}``, per year.

    Raises:
        ValueError: On negative employment or rates.
    """
    if min(base_employment, projected_employment) < 0:
        raise ValueError("employment must not be negative")
    if min(labour_force_exit_rate, occupational_transfer_rate) < 0:
        raise ValueError("rates must not be negative")
    mean_employment = (base_employment + projected_employment) / 2
    exits = mean_employment * labour_force_exit_rate / 100
    transfers = mean_employment * occupational_transfer_rate / 100
    return {
        "labour_force_exits": exits,
        "occupational_transfers": transfers,
        "total_separations": exits + transfers,
    }


def openings(expansion: float, replacement: float) -> float:
    """Openings (totale vraag) = expansion demand + replacement demand.

    Args:
        expansion: Employment change per year (negative when the occupation shrinks).
        replacement: Replacement demand per year (≥ 0).

    Returns:
        The sum, as BLS defines occupational openings (it can be below replacement demand).
    """
    return expansion + replacement


def distribute_to_occupations(
    sector_values: pd.DataFrame,
    key: pd.DataFrame,
    value_col: str = "y",
    tolerance: float = 1e-6,
) -> pd.DataFrame:
    """Sector → occupation with constant shares (EAK verdeelsleutel, report Annex B.1).

    Args:
        sector_values: Long frame ``sector``, ``ds``, ``value_col`` (forecasts or history).
        key: Frame ``sector``, ``occupation``, ``share``: for each sector the share of its
            employment in each occupation; shares per sector must sum to 1.
        value_col: The column to distribute (e.g. ``y`` or a method column).
        tolerance: Allowed deviation of a sector's share sum from 1.

    Returns:
        Frame ``occupation``, ``ds``, ``value_col``: the sum over sectors of share × value.

    Raises:
        DistributionKeyError: On missing columns, negative or missing shares, duplicate
            sector × occupation, shares not summing to 1, or a sector without a key.
    """
    for column in ("sector", "occupation", "share"):
        if column not in key.columns:
            raise DistributionKeyError(f"distribution key: missing column '{column}'")
    for column in ("sector", "ds", value_col):
        if column not in sector_values.columns:
            raise DistributionKeyError(f"sector values: missing column '{column}'")
    shares = pd.to_numeric(key["share"], errors="coerce")
    if shares.isna().any() or (shares < 0).any():
        row = int(np.flatnonzero((shares.isna() | (shares < 0)).to_numpy())[0]) + 2
        raise DistributionKeyError(f"distribution key, row {row}: share missing or negative")
    k = key[["sector", "occupation"]].assign(share=shares.astype(float))
    if k.duplicated(["sector", "occupation"]).any():
        raise DistributionKeyError("distribution key: duplicate sector × occupation")
    sums = k.groupby("sector")["share"].sum()
    off = sums[(sums - 1).abs() > tolerance]
    if not off.empty:
        raise DistributionKeyError(
            f"distribution key: shares of sector '{off.index[0]}' sum to {off.iloc[0]:.6f}, not 1"
        )
    missing = set(sector_values["sector"]) - set(sums.index)
    if missing:
        raise DistributionKeyError(
            f"no distribution key for sector(s) {sorted(map(str, missing))[:5]}"
        )
    merged = sector_values[["sector", "ds", value_col]].merge(k, on="sector")
    merged[value_col] = merged[value_col] * merged["share"]
    out: pd.DataFrame = merged.groupby(["occupation", "ds"], as_index=False)[[value_col]].sum()
    return out.sort_values(["occupation", "ds"], ignore_index=True)


__all__ = [
    "cohort_outflow",
    "distribute_to_occupations",
    "openings",
    "separation_replacement",
]
