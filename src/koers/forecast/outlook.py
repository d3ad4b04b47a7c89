"""Arithmetic on stored outlooks: yearly growth and the sum of several outlooks.

Used by the forecast service when it reads an outlook back (a minor ISCO group asked for as
the sum of its unit groups); pure, over :class:`koers.forecast.model.OutlookPoint`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from koers.forecast.model import OutlookPoint

_SUMMED = (
    "lo80",
    "hi80",
    "lo95",
    "hi95",
    "expansion",
    "replacement",
    "openings",
    "demand_newcomers",
    "supply",
)
"""Optional amounts that add up; a year's sum is None when any part lacks the amount."""


def growth_pct(points: Sequence[OutlookPoint]) -> float | None:
    """Average yearly growth in percent from the last observed to the last forecast year.

    Returns:
        ((E_end / E_base) ^ (1 / years) − 1) · 100; None without history, forecast or a
        positive base.
    """
    history = [p for p in points if not p.is_forecast]
    forecast = [p for p in points if p.is_forecast]
    if not history or not forecast or history[-1].employment <= 0:
        return None
    years = forecast[-1].year - history[-1].year
    ratio = forecast[-1].employment / history[-1].employment
    return float((max(ratio, 1e-9) ** (1 / max(years, 1)) - 1) * 100)


def sum_points(groups: Sequence[Sequence[OutlookPoint]]) -> list[OutlookPoint]:
    """Year by year sum of several outlooks (e.g. the unit groups of a minor ISCO group).

    Args:
        groups: One outlook's points per member.

    Returns:
        One point per year, oldest first; baselines and cohort/separation detail are left
        out (they are sector-only).
    """
    by_year: dict[int, list[OutlookPoint]] = {}
    for points in groups:
        for p in points:
            by_year.setdefault(p.year, []).append(p)
    out = []
    for year in sorted(by_year):
        items = by_year[year]
        sums = {name: _total([getattr(p, name) for p in items]) for name in _SUMMED}
        out.append(
            OutlookPoint(
                year=year,
                is_forecast=items[0].is_forecast,
                employment=float(sum(p.employment for p in items)),
                lo80=sums["lo80"],
                hi80=sums["hi80"],
                lo95=sums["lo95"],
                hi95=sums["hi95"],
                expansion=sums["expansion"],
                replacement=sums["replacement"],
                openings=sums["openings"],
                demand_newcomers=sums["demand_newcomers"],
                supply=sums["supply"],
            )
        )
    return out


def _total(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    if len(present) < len(values):
        return None
    return float(np.sum(present))


__all__ = ["growth_pct", "sum_points"]
