"""Mismatch: expected openings against expected supply (report Annex B.1 "Integratie").

The future-prospects indicator follows the idea of ROA's ITA (Indicator Toekomstige
Arbeidsmarktperspectieven): the ratio of expected new supply to expected openings over the
forecast period, read in labelled bands. Below 1 there are more openings than newcomers
(good prospects for job seekers, recruitment problems for employers); above 1 more newcomers
than openings. The band limits are ours (:data:`DEFAULT_BANDS`, configurable), not ROA's
published cut-offs.

Sector supply: an occupation's supply is spread over sectors in proportion to the sector's
share of that occupation's employment in the base year (the distribution key read the other
way).

Competence level: a skill's ratio is the weighted mean of its occupations' ratios, weighted by
relation weight × the occupation's openings (split equally over the ESCO occupations of a
group), so a skill used mostly in occupations with scarce supply reads as scarce.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from koers.forecast.skills import RELATION_WEIGHTS, SkillRelations

DEFAULT_BANDS: tuple[tuple[float, str], ...] = (
    (0.85, "very_good"),
    (0.95, "good"),
    (1.05, "fair"),
    (1.15, "moderate"),
    (float("inf"), "poor"),
)
"""Upper limit of supply/openings → band key (zeer goed, goed, redelijk, matig, slecht:
prospects for a newcomer to the labour market)."""


def band_of(ratio: float, bands: Sequence[tuple[float, str]] = DEFAULT_BANDS) -> str:
    """The prospects band of a supply/openings ratio (``unknown`` when not finite)."""
    if not np.isfinite(ratio):
        return "unknown"
    for limit, key in bands:
        if ratio < limit:
            return key
    return bands[-1][1]


def prospects(
    demand: pd.DataFrame,
    supply: pd.DataFrame,
    key: str,
    bands: Sequence[tuple[float, str]] = DEFAULT_BANDS,
) -> pd.DataFrame:
    """Ratio and band per unit (occupation or sector).

    Args:
        demand: ``key, demand`` (average yearly openings over the horizon).
        supply: ``key, supply`` (average yearly new supply).
        key: The unit column (``isco08`` or ``nace``).
        bands: Band limits.

    Returns:
        ``key, demand, supply, ratio, band``; units with openings ≤ 0 get ratio NaN and
        band ``unknown`` (no openings to compare with), units without supply ratio 0.
    """
    merged = demand.merge(supply, on=key, how="outer").fillna({"demand": 0.0, "supply": 0.0})
    positive = merged["demand"] > 0
    merged["ratio"] = np.where(
        positive, merged["supply"] / merged["demand"].where(positive, 1.0), np.nan
    )
    merged["band"] = [band_of(float(r), bands) for r in merged["ratio"]]
    return merged.sort_values(key, ignore_index=True)[[key, "demand", "supply", "ratio", "band"]]


def supply_to_sectors(
    occupation_supply: pd.DataFrame, base_employment: pd.DataFrame
) -> pd.DataFrame:
    """Spread occupation supply over sectors by each sector's share of the occupation.

    Args:
        occupation_supply: ``isco08, supply``.
        base_employment: ``nace, isco08, employment`` in the base year (key × sector total).

    Returns:
        ``nace, supply``.
    """
    totals = base_employment.groupby("isco08")["employment"].transform("sum")
    weights = base_employment.assign(w=base_employment["employment"] / totals.where(totals > 0))
    merged = weights.merge(occupation_supply, on="isco08")
    merged["supply"] = merged["supply"] * merged["w"].fillna(0.0)
    return merged.groupby("nace", as_index=False)[["supply"]].sum()


def skill_prospects(
    relations: SkillRelations,
    occupation: pd.DataFrame,
    bands: Sequence[tuple[float, str]] = DEFAULT_BANDS,
    weights: Mapping[str, float] = RELATION_WEIGHTS,
) -> pd.DataFrame:
    """Competence-level prospects: weighted mean of occupation ratios per skill.

    Args:
        relations: ESCO relations as arrays.
        occupation: From :func:`prospects` with ``key="isco08"``.
        bands: Band limits.
        weights: Relation weights.

    Returns:
        ``skill_uri, ratio, band`` for skills with at least one occupation with openings.
    """
    valid = occupation[np.isfinite(occupation["ratio"])]
    digits = int(valid["isco08"].str.len().max()) if len(valid) else 3
    isco = np.asarray([c[:digits] for c in relations.occupation_isco])
    groups, occ_group = np.unique(isco, return_inverse=True)
    table = valid.set_index("isco08")
    ratio = table["ratio"].reindex(groups).to_numpy(dtype=np.float64)
    demand = table["demand"].reindex(groups).to_numpy(dtype=np.float64)
    per_group = np.bincount(occ_group, minlength=len(groups)).astype(np.float64)
    occ_demand = demand[occ_group] / per_group[occ_group]
    occ_ratio = ratio[occ_group]
    rel_w = np.where(relations.rel_essential, weights["essential"], weights["optional"])
    d = occ_demand[relations.rel_occupation]
    r = occ_ratio[relations.rel_occupation]
    keep = np.isfinite(d) & np.isfinite(r)
    w = np.where(keep, rel_w * np.nan_to_num(d), 0.0)
    n = len(relations.skill_uris)
    mass = np.bincount(relations.rel_skill, weights=w, minlength=n)
    numer = np.bincount(relations.rel_skill, weights=w * np.nan_to_num(r), minlength=n)
    has = mass > 0
    value = np.divide(numer, mass, out=np.zeros_like(numer), where=has)
    idx = np.flatnonzero(has)
    return pd.DataFrame(
        {
            "skill_uri": np.asarray(relations.skill_uris, dtype=object)[idx],
            "ratio": value[idx],
            "band": [band_of(float(v), bands) for v in value[idx]],
        }
    )


__all__ = ["DEFAULT_BANDS", "band_of", "prospects", "skill_prospects", "supply_to_sectors"]
