"""Sector → occupation shares and occupation → competence indicators (hand cases)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from koers.forecast.occupations import distribute, project_shares
from koers.forecast.skills import (
    SkillAdjustment,
    SkillRelations,
    adjusted_degree,
    degree_key,
    degree_of,
    occupation_growth,
    skill_indicators,
)

KEY = pd.DataFrame(
    {
        "nace": ["F"] * 6,
        "isco08": ["711", "712"] * 3,
        "year": [2020, 2020, 2021, 2021, 2022, 2022],
        "share": [0.50, 0.50, 0.55, 0.45, 0.60, 0.40],
    }
)


def test_constant_shares_carry_the_last_year() -> None:
    out = project_shares(KEY, [2019, 2021, 2025], "constant")
    by = out.set_index(["year", "isco08"])["share"]
    assert by[(2019, "711")] == 0.50  # before the key: its first year
    assert by[(2021, "711")] == 0.55  # inside the key: the key
    assert by[(2025, "711")] == pytest.approx(0.60)


def test_trend_shares_extend_the_line_and_sum_to_one() -> None:
    out = project_shares(KEY, [2023, 2024], "trend", window=3, damping=1.0)
    by = out.set_index(["year", "isco08"])["share"]
    assert by[(2023, "711")] == pytest.approx(0.65)
    assert by[(2024, "711")] == pytest.approx(0.70)
    assert out.groupby("year")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_distribute_keeps_totals() -> None:
    sectors = pd.DataFrame({"nace": ["F"], "year": [2022], "employment": [1000.0]})
    shares = project_shares(KEY, [2022], "constant")
    out = distribute(sectors, shares, ["employment"])
    assert out["employment"].tolist() == pytest.approx([600.0, 400.0])


RELATIONS = SkillRelations(
    occupation_uris=("o1", "o2", "o3"),
    occupation_isco=("2221", "2221", "7111"),
    skill_uris=("s1", "s2", "s3"),
    rel_occupation=np.array([0, 1, 2, 2, 0]),
    rel_skill=np.array([0, 0, 0, 1, 1]),
    rel_essential=np.array([True, False, True, True, True]),
)
GROWTH = pd.DataFrame(
    {
        "isco08": ["222", "711"],
        "employment_base": [100.0, 50.0],
        "employment_end": [0.0, 0.0],
        "growth_pct": [2.0, -1.5],
    }
)


def test_skill_indicator_hand_computed() -> None:
    out = skill_indicators(RELATIONS, GROWTH).set_index("skill_uri")
    # s1: 222 (100 split over 2 ESCO occupations = 50 each): essential 1·50·2 + optional
    # 0.5·50·2; 711 (50, one occupation): essential 1·50·(−1.5) → 75 / 125 = 0.6
    assert out.loc["s1", "growth_pct"] == pytest.approx(0.6)
    assert out.loc["s1", "weight"] == pytest.approx(125.0)
    assert out.loc["s1", "n_occupations"] == 3
    assert out.loc["s2", "growth_pct"] == pytest.approx(0.25)
    assert "s3" not in out.index  # no relation: no indicator, not a silent zero
    assert out.loc["s1", "degree"] == 1


def test_degrees_and_adjustments() -> None:
    assert [degree_of(v) for v in (-2, -0.5, 0, 0.5, 3)] == [-2, -1, 0, 1, 2]
    assert degree_key(degree_of(-0.25)) == "decline"
    panel = SkillAdjustment("s1", "expert_panel", "ex_ante", 1, "Panel zorg", date(2026, 3, 1), "x")
    note = SkillAdjustment("s1", "employer_survey", "ex_post", 0, "VDAB", date(2026, 4, 1), "ok")
    assert adjusted_degree(1, [panel, note]) == 2
    assert adjusted_degree(2, [panel]) == 2  # clamped
    with pytest.raises(ValueError, match="ex_post"):
        SkillAdjustment("s1", "expert_panel", "ex_post", 1, "a", date(2026, 1, 1), "b")
    with pytest.raises(ValueError, match="author and reason"):
        SkillAdjustment("s1", "expert_panel", "ex_ante", 1, " ", date(2026, 1, 1), "b")


def test_occupation_growth() -> None:
    occ = pd.DataFrame(
        {"isco08": ["711", "711"], "year": [2020, 2030], "employment": [100.0, 121.899442]}
    )
    out = occupation_growth(occ, 2020, 2030)
    assert out["growth_pct"].iloc[0] == pytest.approx(2.0, abs=1e-6)
