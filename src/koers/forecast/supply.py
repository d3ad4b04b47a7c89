"""Supply (aanbodprognoses, report Annex B.1): school leavers, inflows, field → occupation.

* **Baseline:** per field of study × level, the average of the last ``base_years`` observed
  years is held constant over the horizon ("historische gemiddelden constant").
* **Scenarios** (:class:`SupplyScenario`):

  - ``field_trend``: for the listed fields (ISCED-F broad or narrow prefixes), the linear
    trend of the last ``base_years`` years continues for ``trend_years`` years (e.g. "the
    STEM trend continues"), then stays at the level reached; never below 0.
  - ``entry_age``: the average age at which leavers enter the labour market rises by
    ``shift_years`` over ``over_years`` years from ``start_year``. A rise of d years
    postpones d cohorts' entry; spread over T years, each of those years loses d/T of a
    cohort (inflow × (1 − d/T)); afterwards inflow is back at the baseline. A negative
    shift (earlier entry) adds inflow the same way.

* **Aggregates:** ISCED levels to low/middle/high (laag-, midden-, hooggeschoold); fields to
  the STEM (ISCED-F 05, 06, 07) and care (09) bundles.
* **Other inflows:** jobseekers and migrants by occupation (inputs), held at their recent
  average.
* **To occupations:** a field-of-study → occupation key (shares per field × level, or per
  field for every level) spreads leavers over ISCO groups. Leavers of a field without a key
  are counted as ``unmapped`` and reported, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from koers.forecast.codes import CARE_FIELDS, LEVEL_GROUPS, STEM_FIELDS

SUPPLY_SCENARIO_KINDS = ("constant", "field_trend", "entry_age")


@dataclass(frozen=True, slots=True)
class SupplyScenario:
    """How school-leaver supply develops beyond the baseline.

    Attributes:
        kind: ``constant``, ``field_trend`` or ``entry_age``.
        fields: For ``field_trend``: ISCED-F codes (prefix match), e.g. ``("05", "06",
            "07")`` for STEM.
        trend_years: For ``field_trend``: years the trend continues (N).
        shift_years: For ``entry_age``: rise of the entry age in years (may be negative).
        start_year: For ``entry_age``: first year of the shift (default: first forecast
            year).
        over_years: For ``entry_age``: years over which the shift is spread (T ≥ 1).
    """

    kind: str = "constant"
    fields: tuple[str, ...] = ()
    trend_years: int = 5
    shift_years: float = 0.0
    start_year: int | None = None
    over_years: int = 5

    def __post_init__(self) -> None:
        if self.kind not in SUPPLY_SCENARIO_KINDS:
            raise ValueError(f"supply scenario kind must be one of {SUPPLY_SCENARIO_KINDS}")
        if self.over_years < 1 or self.trend_years < 0:
            raise ValueError("over_years must be ≥ 1 and trend_years ≥ 0")
        if self.kind == "field_trend" and not self.fields:
            raise ValueError("a field_trend scenario needs fields")


def project_leavers(
    leavers: pd.DataFrame,
    years: Sequence[int],
    scenario: SupplyScenario | None = None,
    base_years: int = 3,
) -> pd.DataFrame:
    """School leavers per field × level for the forecast years.

    Args:
        leavers: Validated school leavers (``field, level, year, leavers``; regions summed).
        years: Forecast years.
        scenario: The supply scenario; None = constant baseline.
        base_years: Recent years averaged for the baseline (and used for trends).

    Returns:
        ``field, level, year, leavers`` for every forecast year.
    """
    scenario = scenario or SupplyScenario()
    frame = leavers.groupby(["field", "level", "year"], as_index=False)[["leavers"]].sum()
    last = int(frame["year"].max())
    recent = frame[frame["year"] > last - base_years]
    base = recent.groupby(["field", "level"])["leavers"].mean()
    out_years = np.asarray(list(years), dtype=np.int64)
    values = np.repeat(base.to_numpy()[:, None], len(out_years), axis=1)
    if scenario.kind == "field_trend":
        wide = recent.pivot_table(
            index=["field", "level"], columns="year", values="leavers", fill_value=0.0
        ).reindex(base.index, fill_value=0.0)
        x = wide.columns.to_numpy(dtype=np.float64)
        if x.size >= 2:
            y = wide.to_numpy(dtype=np.float64)
            slope = ((x - x.mean()) * (y - y.mean(axis=1, keepdims=True))).sum(axis=1) / (
                ((x - x.mean()) ** 2).sum()
            )
            steps = np.minimum(out_years - last, scenario.trend_years).astype(np.float64)
            # the trend line through the recent mean, at its centre year
            level_at = base.to_numpy()[:, None] + slope[:, None] * (
                steps[None, :] + last - x.mean()
            )
            chosen = np.asarray(
                [any(f.startswith(p) for p in scenario.fields) for f, _ in base.index]
            )
            values = np.where(chosen[:, None], np.clip(level_at, 0.0, None), values)
    elif scenario.kind == "entry_age" and scenario.shift_years:
        start = scenario.start_year if scenario.start_year is not None else last + 1
        inside = (out_years >= start) & (out_years < start + scenario.over_years)
        factor = np.where(inside, 1.0 - scenario.shift_years / scenario.over_years, 1.0)
        values = values * np.clip(factor, 0.0, None)[None, :]
    idx = base.index.to_frame(index=False)
    return pd.DataFrame(
        {
            "field": np.repeat(idx["field"].to_numpy(), len(out_years)),
            "level": np.repeat(idx["level"].to_numpy(), len(out_years)),
            "year": np.tile(out_years, len(idx)),
            "leavers": values.ravel(),
        }
    )


def level_groups(leavers: pd.DataFrame) -> pd.DataFrame:
    """Aggregate to ``low``/``middle``/``high``: ``year, group, leavers``."""
    grouped = leavers.assign(group=leavers["level"].map(LEVEL_GROUPS))
    return grouped.groupby(["year", "group"], as_index=False)[["leavers"]].sum()


def bundles(leavers: pd.DataFrame) -> pd.DataFrame:
    """Aggregate to the STEM and care bundles and the total: ``year, bundle, leavers``."""
    broad = leavers["field"].str[:2]
    parts = [
        leavers[broad.isin(STEM_FIELDS)].assign(bundle="stem"),
        leavers[broad.isin(CARE_FIELDS)].assign(bundle="care"),
        leavers.assign(bundle="total"),
    ]
    return pd.concat(parts).groupby(["year", "bundle"], as_index=False)[["leavers"]].sum()


def project_inflows(
    inflows: pd.DataFrame, years: Sequence[int], base_years: int = 3
) -> pd.DataFrame:
    """Jobseeker and migrant inflows held at their recent average: ``isco08, year, kind, count``."""
    last = int(inflows["year"].max())
    base = (
        inflows[inflows["year"] > last - base_years]
        .groupby(["isco08", "kind"], as_index=False)[["count"]]
        .mean()
    )
    parts = [base.assign(year=int(y)) for y in years]
    return pd.concat(parts, ignore_index=True)[["isco08", "year", "kind", "count"]]


def leavers_to_occupations(
    leavers: pd.DataFrame, field_key: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Spread school leavers over occupations with the field → occupation key.

    A leaver row matches the key on (field, level), then (field, ``*``), then (broad field,
    level), then (broad field, ``*``).

    Args:
        leavers: ``field, level, year, leavers``.
        field_key: Validated key (``field, level, isco08, share``).

    Returns:
        ``(isco08, year, leavers)`` and the unmapped leavers ``field, level, year, leavers``.
    """
    keyed = set(zip(field_key["field"], field_key["level"], strict=True))
    chosen: list[tuple[str, str] | None] = []
    for f, lv in zip(leavers["field"], leavers["level"], strict=True):
        pick = None
        for candidate in ((f, lv), (f, "*"), (f[:2], lv), (f[:2], "*")):
            if candidate in keyed:
                pick = candidate
                break
        chosen.append(pick)
    matched = leavers.assign(
        key_field=pd.Series([c[0] if c else None for c in chosen], index=leavers.index),
        key_level=pd.Series([c[1] if c else None for c in chosen], index=leavers.index),
    )
    unmapped = matched[matched["key_field"].isna()][["field", "level", "year", "leavers"]]
    merged = matched.dropna(subset=["key_field"]).merge(
        field_key.rename(columns={"field": "key_field", "level": "key_level"}),
        on=["key_field", "key_level"],
    )
    merged["leavers"] = merged["leavers"] * merged["share"]
    by_occ = merged.groupby(["isco08", "year"], as_index=False)[["leavers"]].sum()
    return by_occ, unmapped.reset_index(drop=True)


__all__ = [
    "SUPPLY_SCENARIO_KINDS",
    "SupplyScenario",
    "bundles",
    "leavers_to_occupations",
    "level_groups",
    "project_inflows",
    "project_leavers",
]
