"""Occupation → competence: a growth indicator per ESCO skill, in degrees (report 5.2, B.1).

Like the Austrian AMS Skills Barometer, every skill gets a demand trend in five degrees, from
*sterke daling* (strong decline) to *sterke groei* (strong growth). It is computed from the
occupation forecasts and the ESCO occupation–skill relations:

    growth(skill) = Σ_o w(o, skill) · E_o · g_o / Σ_o w(o, skill) · E_o

with g_o the average yearly growth (%) of occupation o over the horizon, E_o its employment in
the base year and w the relation weight (essential 1, optional 0.5 by default). ESCO
occupations take the forecast of their ISCO group (the level the forecast is made at, e.g.
3-digit minor groups), and a group's employment is split equally over its ESCO occupations,
because ESCO gives no employment per occupation. The degree comes from fixed thresholds on
``growth`` (:data:`DEFAULT_THRESHOLDS`).

Employer-survey and expert-panel adjustments (:class:`SkillAdjustment`) move the degree
up or down (ex ante) or add a validation note (ex post); the model value is always kept and
shown beside the adjusted one.

Everything here works on plain arrays: the adapter reads the relations from the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

DEGREES: tuple[tuple[int, str], ...] = (
    (-2, "strong_decline"),
    (-1, "decline"),
    (0, "stable"),
    (1, "growth"),
    (2, "strong_growth"),
)
"""Degree value → key (Dutch labels: sterke daling, daling, stabiel, groei, sterke groei)."""

DEFAULT_THRESHOLDS = (-1.0, -0.25, 0.25, 1.0)
"""Average yearly growth in % separating the five degrees: −1.0 or less strong decline,
−0.25 or less decline, between −0.25 and +0.25 stable, +0.25 or more growth, +1.0 or more
strong growth."""

RELATION_WEIGHTS = {"essential": 1.0, "optional": 0.5}
ADJUSTMENT_SOURCES = ("employer_survey", "expert_panel")
ADJUSTMENT_KINDS = ("ex_ante", "ex_post")


@dataclass(frozen=True, slots=True)
class SkillRelations:
    """ESCO occupation–skill relations as arrays (from the store, via the adapter).

    Attributes:
        occupation_uris: ESCO occupation URIs.
        occupation_isco: ISCO-08 unit group (4 digits) of each occupation.
        skill_uris: ESCO skill URIs.
        rel_occupation: Index into ``occupation_uris`` per relation.
        rel_skill: Index into ``skill_uris`` per relation.
        rel_essential: True for an essential relation, False for optional.
    """

    occupation_uris: tuple[str, ...]
    occupation_isco: tuple[str, ...]
    skill_uris: tuple[str, ...]
    rel_occupation: npt.NDArray[np.int64]
    rel_skill: npt.NDArray[np.int64]
    rel_essential: npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class SkillAdjustment:
    """An employer-survey or expert-panel adjustment of a skill's indicator.

    Attributes:
        skill_uri: The ESCO skill.
        source: ``employer_survey`` (werkgeversbevraging) or ``expert_panel``.
        kind: ``ex_ante`` (moves the degree by ``degree_delta``) or ``ex_post`` (a
            validation note only).
        degree_delta: Degrees to add (−4..+4) for ``ex_ante``; 0 for ``ex_post``.
        author: Who made it (name or organisation, as the analyst enters it).
        made_on: Date of the survey or panel.
        reason: Why (free text, shown beside the model value).
        id: Store id, if stored.
    """

    skill_uri: str
    source: str
    kind: str
    degree_delta: int
    author: str
    made_on: date
    reason: str
    id: int | None = None

    def __post_init__(self) -> None:
        if self.source not in ADJUSTMENT_SOURCES:
            raise ValueError(f"source must be one of {ADJUSTMENT_SOURCES}")
        if self.kind not in ADJUSTMENT_KINDS:
            raise ValueError(f"kind must be one of {ADJUSTMENT_KINDS}")
        if self.kind == "ex_post" and self.degree_delta != 0:
            raise ValueError("an ex_post note does not move the degree (degree_delta 0)")
        if not -4 <= self.degree_delta <= 4:
            raise ValueError("degree_delta must be between -4 and 4")
        if not self.author.strip() or not self.reason.strip():
            raise ValueError("author and reason are required")


def degrees_of(
    growth_pct: npt.ArrayLike, thresholds: Sequence[float] = DEFAULT_THRESHOLDS
) -> npt.NDArray[np.int64]:
    """Degrees (−2..+2) of average yearly growth in %; limits count outwards (symmetric).

    With the default limits: ≤ −1 strong decline, ≤ −0.25 decline, below 0.25 in absolute
    value stable, ≥ 0.25 growth, ≥ 1 strong growth.
    """
    g = np.asarray(growth_pct, dtype=np.float64)
    cut = np.asarray(thresholds, dtype=np.float64)
    index = np.where(
        g < 0, np.searchsorted(cut, g, side="left"), np.searchsorted(cut, g, side="right")
    )
    return np.asarray(index - 2, dtype=np.int64)


def degree_of(growth_pct: float, thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> int:
    """The degree (−2..+2) of an average yearly growth in percent (see :func:`degrees_of`)."""
    return int(degrees_of([growth_pct], thresholds)[0])


def degree_key(degree: int) -> str:
    """``strong_decline`` … ``strong_growth`` for a degree (clamped to −2..+2)."""
    return dict(DEGREES)[max(-2, min(2, degree))]


def adjusted_degree(model_degree: int, adjustments: Sequence[SkillAdjustment]) -> int:
    """The degree after ex-ante adjustments (summed), clamped to −2..+2."""
    delta = sum(a.degree_delta for a in adjustments if a.kind == "ex_ante")
    return max(-2, min(2, model_degree + delta))


def occupation_growth(occupations: pd.DataFrame, base_year: int, horizon_year: int) -> pd.DataFrame:
    """Average yearly growth per occupation group between two years.

    Args:
        occupations: ``isco08, year, employment`` (history and forecast).
        base_year: Last observed year.
        horizon_year: Last forecast year.

    Returns:
        ``isco08, employment_base, employment_end, growth_pct`` (compound, % per year).
    """
    base = occupations[occupations["year"] == base_year].set_index("isco08")["employment"]
    end = occupations[occupations["year"] == horizon_year].set_index("isco08")["employment"]
    frame = pd.DataFrame({"employment_base": base, "employment_end": end}).dropna()
    years = max(horizon_year - base_year, 1)
    ratio = frame["employment_end"] / frame["employment_base"].where(frame["employment_base"] > 0)
    frame["growth_pct"] = (ratio.clip(lower=1e-9) ** (1 / years) - 1) * 100
    return frame.reset_index().rename(columns={"index": "isco08"}).dropna(subset=["growth_pct"])


def skill_indicators(
    relations: SkillRelations,
    growth: pd.DataFrame,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    weights: Mapping[str, float] = RELATION_WEIGHTS,
    top: int = 3,
) -> pd.DataFrame:
    """Growth indicator per ESCO skill (groei-indicator per competentie).

    Args:
        relations: ESCO relations as arrays.
        growth: From :func:`occupation_growth` (``isco08`` at any ISCO level).
        thresholds: Four cut points (% per year) between the five degrees.
        weights: Relation weights for ``essential`` and ``optional``.
        top: How many contributing ISCO groups to name per skill (for the explanation).

    Returns:
        ``skill_uri, growth_pct, degree, weight, n_occupations, top_isco`` for every skill
        with at least one related occupation in a forecast group; ``weight`` is
        Σ w·E (employment-weighted relation mass) and ``top_isco`` the largest contributors,
        comma-separated.
    """
    digits = int(growth["isco08"].str.len().max()) if len(growth) else 3
    isco_of_occ = np.asarray([code[:digits] for code in relations.occupation_isco])
    g = growth.set_index("isco08")
    groups, occ_group = np.unique(isco_of_occ, return_inverse=True)
    known = np.isin(groups, g.index.to_numpy())
    group_growth = np.where(known, g["growth_pct"].reindex(groups).to_numpy(), np.nan)
    group_emp = np.where(known, g["employment_base"].reindex(groups).to_numpy(), np.nan)
    per_group = np.bincount(occ_group, minlength=len(groups)).astype(np.float64)
    occ_emp = group_emp[occ_group] / per_group[occ_group]
    occ_growth = group_growth[occ_group]
    rel_w = np.where(relations.rel_essential, weights["essential"], weights["optional"])
    e = occ_emp[relations.rel_occupation]
    keep = np.isfinite(e) & np.isfinite(occ_growth[relations.rel_occupation])
    w = np.where(keep, rel_w * np.nan_to_num(e), 0.0)
    gr = np.nan_to_num(occ_growth[relations.rel_occupation])
    n_skills = len(relations.skill_uris)
    mass = np.bincount(relations.rel_skill, weights=w, minlength=n_skills)
    numer = np.bincount(relations.rel_skill, weights=w * gr, minlength=n_skills)
    count = np.bincount(relations.rel_skill, weights=keep.astype(np.float64), minlength=n_skills)
    has = mass > 0
    growth_pct = np.divide(numer, mass, out=np.zeros_like(numer), where=has)
    degrees = degrees_of(growth_pct, thresholds)
    contrib = pd.DataFrame(
        {
            "skill": relations.rel_skill[keep],
            "isco": groups[occ_group[relations.rel_occupation[keep]]],
            "w": w[keep],
        }
    )
    summed = (
        contrib.groupby(["skill", "isco"], as_index=False)[["w"]]
        .sum()
        .sort_values(["skill", "w"], ascending=[True, False], kind="stable")
    )
    summed["rank"] = summed.groupby("skill").cumcount()
    best = summed[summed["rank"] < top].pivot(index="skill", columns="rank", values="isco")
    joined = best[0].astype(str)
    for column in list(best.columns)[1:]:
        joined = joined.str.cat(best[column].astype("string"), sep=",", na_rep="").str.rstrip(",")
    tops = joined
    idx = np.flatnonzero(has)
    return pd.DataFrame(
        {
            "skill_uri": np.asarray(relations.skill_uris, dtype=object)[idx],
            "growth_pct": growth_pct[idx],
            "degree": degrees[idx].astype(np.int64),
            "weight": mass[idx],
            "n_occupations": count[idx].astype(np.int64),
            "top_isco": tops.reindex(idx).fillna("").to_numpy(),
        }
    )


__all__ = [
    "ADJUSTMENT_KINDS",
    "ADJUSTMENT_SOURCES",
    "DEFAULT_THRESHOLDS",
    "DEGREES",
    "RELATION_WEIGHTS",
    "SkillAdjustment",
    "SkillRelations",
    "adjusted_degree",
    "degree_key",
    "degree_of",
    "degrees_of",
    "occupation_growth",
    "skill_indicators",
]
