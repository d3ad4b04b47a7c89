"""Sector → occupation through the distribution key (EAK verdeelsleutel, report Annex B.1).

Two ways to carry the key into the forecast years:

* ``constant``: the shares of the key's last year hold for every later year (the
  constant-shares baseline of the back-tests).
* ``trend``: per sector × occupation, a straight line is fitted to the shares of the last
  ``window`` key years (ordinary least squares) and extended; negative shares are set to 0
  and each sector × year is rescaled to sum to 1. ``damping`` (0..1) shrinks the slope each
  further year (1 = no damping), as trended shares would otherwise run away over 10 years.

Years before the key's first year use its first year; years inside the key use the key.

Occupation employment E_o(t) = Σ_s share_{s,o}(t) · E_s(t). Interval bounds are distributed
the same way, which treats the sectors' errors as perfectly correlated: the occupation band is
conservative (wide), never too narrow.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from koers.forecast.errors import DistributionKeyError

SHARE_METHODS = ("constant", "trend")


def project_shares(
    key: pd.DataFrame,
    years: Sequence[int],
    method: str = "constant",
    window: int = 5,
    damping: float = 0.9,
) -> pd.DataFrame:
    """Shares for every year asked, per sector × occupation.

    Args:
        key: Validated key (``nace, isco08, year, share``).
        years: Years to return.
        method: ``constant`` or ``trend``.
        window: Key years used to fit a trend (the most recent ones).
        damping: Per-year damping of the trend slope beyond the key's last year.

    Returns:
        ``nace, isco08, year, share``; per sector × year the shares sum to 1.

    Raises:
        DistributionKeyError: Unknown method, or a trend asked from fewer than 2 key years.
    """
    if method not in SHARE_METHODS:
        raise DistributionKeyError(f"unknown share method '{method}'; one of {SHARE_METHODS}")
    wide = key.pivot_table(
        index=["nace", "isco08"], columns="year", values="share", fill_value=0.0
    ).sort_index(axis=1)
    key_years = [int(y) for y in wide.columns]
    first, last = key_years[0], key_years[-1]
    values = wide.to_numpy(dtype=np.float64)
    out_columns: dict[int, np.ndarray] = {}
    slope = intercept = None
    if method == "trend":
        used = key_years[-window:]
        if len(used) < 2:
            raise DistributionKeyError("trended shares need at least 2 key years")
        x = np.asarray(used, dtype=np.float64) - last
        y = values[:, -len(used) :]
        x_mean = x.mean()
        slope = ((x - x_mean) * (y - y.mean(axis=1, keepdims=True))).sum(axis=1) / (
            ((x - x_mean) ** 2).sum()
        )
        intercept = y[:, -1]  # anchor the line at the last observed share
    for year in years:
        if year in key_years:
            column = values[:, key_years.index(year)]
        elif year < first:
            column = values[:, 0]
        elif method == "constant" or slope is None or intercept is None:
            column = values[:, -1]
        else:
            steps = year - last
            reach = sum(damping**k for k in range(1, steps + 1))
            column = np.clip(intercept + slope * reach, 0.0, None)
        out_columns[int(year)] = column
    frame = pd.DataFrame(out_columns, index=wide.index)
    frame.columns.name = "year"
    long = pd.DataFrame({"share": frame.stack()}).reset_index()
    long = long[long["share"] > 0]
    totals = long.groupby(["nace", "year"])["share"].transform("sum")
    long = long.assign(share=long["share"] / totals)
    return long.sort_values(["nace", "year", "isco08"], ignore_index=True)[
        ["nace", "isco08", "year", "share"]
    ]


def distribute(
    sector_values: pd.DataFrame, shares: pd.DataFrame, columns: Sequence[str]
) -> pd.DataFrame:
    """Occupation values = Σ over sectors of share × sector value, per year.

    Args:
        sector_values: ``nace, year`` plus ``columns`` (no TOTAL rows).
        shares: From :func:`project_shares`.
        columns: Value columns to distribute.

    Returns:
        ``isco08, year`` plus ``columns``.

    Raises:
        DistributionKeyError: If a sector × year has no shares.
    """
    merged = sector_values.merge(shares, on=["nace", "year"], how="left", indicator=True)
    missing = merged[merged["_merge"] == "left_only"]
    if not missing.empty:
        row = missing.iloc[0]
        raise DistributionKeyError(
            f"no distribution key for sector '{row['nace']}' in year {int(row['year'])}"
        )
    for column in columns:
        merged[column] = merged[column] * merged["share"]
    out = merged.groupby(["isco08", "year"], as_index=False)[list(columns)].sum()
    return out.sort_values(["isco08", "year"], ignore_index=True)


def check_key_covers(sectors: Sequence[str], key: pd.DataFrame) -> None:
    """Every sector of the employment panel must have a key.

    Raises:
        DistributionKeyError: Naming the first sector without one.
    """
    missing = sorted(set(sectors) - set(key["nace"]))
    if missing:
        raise DistributionKeyError(
            f"no distribution key for sector(s) {', '.join(missing[:5])}"
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        )


__all__ = ["SHARE_METHODS", "check_key_covers", "distribute", "project_shares"]
