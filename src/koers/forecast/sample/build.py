"""Build the SAMPLE panels (not real data), seeded and calibrated to published aggregates.

Every panel gets a ``source`` column reading ``SAMPLE — not real data …`` and every file name
starts with ``sample_``. What is published (and reproduced, checked by
``src/koers/forecast/tests/test_sample.py``) and what is invented:

Reproduced (sources in ``shared/data/flanders/labour_market_aggregates.md``):

* total employment (INR, persons) 2016 2,719,600; 2018 2,827,400; 2019 2,876,600;
  2020 = 2019 × 1.003; 2022 3,016,334; 2021 = 2022 / 1.024; 2003 = 2016 − 329,000 (used to
  interpolate 2010–2015);
* sector shares in 2019: trade (G) 13 %, administrative and support (N) 10 %, head offices
  and consultancy (MA) 10 %, education (P) 8 %, social services (QB) 7 % (top five: 48 %);
* age in 2016: working 30–39-year-olds 702,400, 50–59-year-olds 699,700, 50+ 798,000;
* Steunpunt Werk's 55+ outflow E50+(2016) − E55+(2021) = 350,000, half of the published
  "700,000 over ten years" (≈ 70,000 a year; the report says ≈ 75,000 a year leave, §1);
* hiring need (aanwervingsbehoefte) 2021 ≈ 435,000 = expansion 2021 + separation-rate
  replacement (the rates are scaled to give it);
* school leavers 2015 71,810; 2016 77,365; 2017 72,776; 2018 70,606 (of whom 6,320
  unqualified); 2021 70,195; about half high-qualified;
* jobseekers (yearly average) 2018 195,989; 2021 193,150; tension ratio (jobseekers per open
  vacancy) 2016 7.1, 2017 5.6, 2019 3.8.

Invented (documented as such): 2017, 2023 totals (interpolated / +1 %), every other sector
share and all sector trends, the age split beyond the anchors, sector age profiles, the
whole occupation key, school leavers by field and 2019–2020 totals, the field → occupation
key, jobseeker and migrant inflows, occupation-level jobseekers and vacancies, and the other
years' tension ratios.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from koers.forecast.codes import NACE_A38

SEED = 20260101
SAMPLE_SOURCE = "SAMPLE — not real data (koers sample panels v1, seed {seed})"
SAMPLE_FILES = {
    "employment": "sample_employment_by_sector_age.csv.gz",
    "occupation_key": "sample_occupation_by_sector_key.csv.gz",
    "school_leavers": "sample_school_leavers.csv.gz",
    "separation_rates": "sample_separation_rates_by_age.csv.gz",
    "inflows": "sample_supply_inflows.csv.gz",
    "field_key": "sample_field_to_occupation_key.csv.gz",
    "labour_flows": "sample_jobseekers_vacancies.csv.gz",
}
YEARS = list(range(2010, 2024))
KEY_YEARS = list(range(2014, 2024))
LEAVER_YEARS = list(range(2015, 2022))
FLOW_YEARS = list(range(2016, 2024))
AGE_BANDS = ("15-29", "30-39", "40-49", "50-54", "55-59", "60+")

PUBLISHED: dict[str, Any] = {
    "total_employment": {2016: 2_719_600, 2018: 2_827_400, 2019: 2_876_600, 2022: 3_016_334},
    "total_growth": {2020: 0.003, 2022: 0.024},
    "total_2003": 2_719_600 - 329_000,
    "shares_2019": {"G": 0.13, "N": 0.10, "MA": 0.10, "P": 0.08, "QB": 0.07},
    "age_2016": {"30-39": 702_400, "50-59": 699_700, "50+": 798_000},
    "outflow_55_2021": 350_000,
    "hiring_need_2021": 435_000,
    "school_leavers": {2015: 71_810, 2016: 77_365, 2017: 72_776, 2018: 70_606, 2021: 70_195},
    "unqualified_2018": 6_320,
    "jobseekers": {2018: 195_989, 2021: 193_150},
    "tension_ratio": {2016: 7.1, 2017: 5.6, 2019: 3.8},
}

# sector shares in % at 2010, 2019 (anchor year) and 2023
_SHARES = {
    "A": (1.6, 1.3, 1.2), "B": (0.1, 0.1, 0.1), "CA": (2.9, 2.7, 2.6), "CB": (0.9, 0.6, 0.5),
    "CC": (1.2, 0.9, 0.8), "CD": (0.2, 0.2, 0.2), "CE": (1.5, 1.4, 1.4), "CF": (0.5, 0.6, 0.7),
    "CG": (1.4, 1.2, 1.1), "CH": (2.2, 1.8, 1.7), "CI": (0.5, 0.4, 0.4), "CJ": (0.5, 0.4, 0.4),
    "CK": (1.2, 1.1, 1.1), "CL": (1.5, 1.0, 0.9), "CM": (1.2, 1.1, 1.1), "D": (0.7, 0.6, 0.6),
    "E": (0.9, 0.9, 0.9), "F": (6.6, 6.4, 6.3), "G": (14.0, 13.0, 12.6), "H": (6.0, 5.8, 5.7),
    "I": (3.6, 3.9, 3.9), "JA": (0.8, 0.7, 0.7), "JB": (0.5, 0.4, 0.4), "JC": (1.6, 2.2, 2.5),
    "K": (3.0, 2.6, 2.5), "L": (0.6, 0.6, 0.6), "MA": (8.6, 10.0, 10.4), "MB": (0.5, 0.6, 0.6),
    "MC": (1.0, 1.1, 1.1), "N": (8.6, 10.0, 10.4), "O": (6.5, 6.0, 5.9), "P": (8.0, 8.0, 8.0),
    "QA": (6.0, 6.4, 6.6), "QB": (6.3, 7.0, 7.4), "R": (1.1, 1.1, 1.1), "S": (1.4, 1.4, 1.4),
    "T": (0.2, 0.2, 0.2), "U": (0.1, 0.1, 0.1),
}  # fmt: skip

# national age shares (2010, 2023) and counts (2016, 2021): anchors, linear in between
_AGE_2010 = (0.205, 0.262, 0.282, 0.120, 0.088, 0.043)
_AGE_2016 = (540_000, 702_400, 679_200, 375_000, 324_700, 98_300)
_AGE_2021 = (610_000, 770_000, 725_639, 392_000, 338_000, 110_000)
_AGE_2023 = (0.206, 0.261, 0.245, 0.133, 0.116, 0.039)

_AGE_TILT = {
    "A": (0.7, 0.8, 1.0, 1.2, 1.4, 2.5), "I": (1.7, 1.0, 0.8, 0.7, 0.6, 0.6),
    "G": (1.3, 1.0, 0.9, 0.9, 0.9, 0.8), "P": (0.8, 1.0, 1.05, 1.15, 1.25, 1.0),
    "O": (0.6, 0.95, 1.1, 1.3, 1.4, 1.0), "JC": (1.3, 1.3, 1.0, 0.7, 0.6, 0.5),
    "QA": (1.0, 1.0, 1.0, 1.05, 1.05, 0.9), "QB": (1.1, 1.0, 1.0, 1.0, 1.0, 0.8),
    "L": (0.8, 0.9, 1.0, 1.1, 1.2, 1.8), "N": (1.5, 1.0, 0.9, 0.8, 0.7, 0.6),
}  # fmt: skip

_MAJOR_MIX = {
    "manufacturing": {"1": .05, "2": .10, "3": .15, "4": .10, "5": .03, "7": .22, "8": .25,
                      "9": .10},
    "A": {"6": .6, "9": .2, "8": .05, "1": .05, "3": .03, "4": .03, "5": .02, "7": .02},
    "utilities": {"7": .2, "8": .25, "3": .2, "2": .1, "9": .12, "4": .08, "1": .05},
    "F": {"7": .45, "9": .15, "3": .12, "8": .10, "2": .06, "4": .06, "1": .06},
    "G": {"5": .45, "4": .15, "3": .12, "9": .10, "1": .07, "8": .05, "7": .03, "2": .03},
    "H": {"8": .40, "9": .18, "4": .20, "3": .08, "1": .05, "7": .05, "2": .04},
    "I": {"5": .55, "9": .30, "1": .05, "4": .05, "3": .03, "7": .02},
    "ict": {"2": .55, "3": .25, "4": .08, "1": .08, "5": .02, "7": .02},
    "K": {"2": .25, "3": .35, "4": .30, "1": .08, "5": .02},
    "L": {"3": .35, "4": .30, "1": .10, "2": .10, "5": .05, "7": .05, "9": .05},
    "prof": {"2": .45, "3": .25, "4": .15, "1": .10, "5": .03, "7": .02},
    "N": {"9": .35, "4": .20, "5": .15, "3": .10, "8": .08, "1": .05, "2": .04, "7": .03},
    "O": {"2": .25, "3": .25, "4": .30, "5": .10, "1": .05, "0": .05},
    "P": {"2": .70, "3": .08, "4": .08, "5": .06, "9": .05, "1": .03},
    "QA": {"2": .40, "3": .25, "5": .20, "4": .08, "9": .05, "1": .02},
    "QB": {"5": .45, "2": .20, "3": .15, "9": .10, "4": .06, "1": .04},
    "R": {"2": .30, "3": .25, "5": .20, "4": .10, "9": .10, "1": .05},
    "S": {"5": .45, "3": .15, "7": .10, "4": .10, "2": .10, "9": .05, "1": .05},
    "T": {"9": .7, "5": .3},
    "U": {"2": .4, "3": .2, "4": .3, "1": .1},
}  # fmt: skip

_SIGNATURE = {
    "A": "611 612 613 921 622", "CA": "751 816 932 833 311", "D": "311 741 215",
    "E": "313 961 833", "F": "711 712 713 741 931 311 216 312", "G": "522 523 332 432 933 524",
    "H": "832 833 933 432 431 315", "I": "512 513 941 141", "JC": "251 252 351 352 133",
    "JA": "264 265 352 243", "JB": "252 351 742 352", "K": "241 331 421 121 411",
    "L": "333 334 122", "MA": "261 241 242 214 216 331 334 121", "MB": "211 213 214 311 314",
    "MC": "243 216 225 343", "N": "911 515 962 541 422 412", "O": "111 242 335 411 541 011",
    "P": "231 232 233 234 235 531", "QA": "221 222 226 321 322 532 325",
    "QB": "532 263 341 531 222 911", "R": "265 342 343 264", "S": "514 516 341 263",
    "T": "911 531", "U": "242 111", "manufacturing": "721 722 723 741 742 811 812 813 814 815 "
    "817 818 821 311 214 215 932 432",
}  # fmt: skip

_KEY_TRENDS = {
    "251": 0.03, "252": 0.03, "351": 0.02, "133": 0.02, "532": 0.015, "222": 0.015,
    "221": 0.01, "411": -0.02, "412": -0.02, "431": -0.015, "432": -0.01, "441": -0.02,
    "811": -0.015, "812": -0.015, "813": -0.015, "814": -0.015, "815": -0.02, "818": -0.015,
    "821": -0.015, "522": -0.005,
}  # fmt: skip

_LEVEL_SPLIT = {"2": 0.0895, "3": 0.4105, "5": 0.04, "6": 0.30, "7": 0.16}
_FIELDS_BY_LEVEL = {
    "2": {"00": .50, "07": .20, "10": .15, "04": .10, "09": .05},
    "3": {"00": .25, "07": .22, "04": .15, "09": .12, "10": .12, "02": .05, "08": .04, "06": .05},
    "5": {"04": .30, "07": .20, "09": .20, "06": .15, "10": .15},
    "6": {"01": .15, "04": .25, "09": .20, "07": .12, "06": .06, "03": .08, "02": .06, "10": .05,
          "08": .03},
    "7": {"04": .22, "03": .15, "02": .10, "05": .10, "07": .15, "09": .15, "06": .05, "01": .05,
          "08": .03},
}  # fmt: skip
_FIELD_TRENDS = {"05": 0.015, "06": 0.02, "07": 0.015, "01": -0.01}

_FIELD_KEY_HIGH = {
    "00": "522 432 911 932 411", "01": "234 233 235 232 531", "02": "264 265 262 243 235 422",
    "03": "263 242 264 243 241 334", "04": "241 242 261 243 121 331 333 411",
    "05": "211 212 213 314 231 251 226", "06": "251 252 133 351", "07": "214 215 216 311 312 132",
    "08": "213 225 314 611", "09": "221 222 226 225 263 341 321", "10": "141 335 315 541",
}  # fmt: skip
_FIELD_KEY_MIDDLE = {
    "00": "522 432 911 932 941 411 524 962 513", "01": "531 342", "02": "343 265 422",
    "03": "334 422 341", "04": "411 412 431 421 422 522 332 334",
    "05": "314 311 325", "06": "351 352 742",
    "07": "311 721 722 723 741 742 711 712 713 731 811 818 832",
    "08": "611 612 921 613", "09": "532 321 325 322 341 531", "10": "512 514 515 541 832 513 516",
}  # fmt: skip
_FIELD_KEY_LOW = {
    "00": "911 932 941 522 962 833", "04": "411 522 432", "07": "711 712 931 932 821 833 721",
    "09": "532 911", "10": "512 513 941 911 962",
}  # fmt: skip

# national jobseekers (yearly average; 2018 and 2021 published) and tension ratios
_JOBSEEKERS = {2016: 215_000, 2017: 207_000, 2018: 195_989, 2019: 190_000, 2020: 214_000,
               2021: 193_150, 2022: 180_000, 2023: 200_000}  # fmt: skip
_TENSION = {2016: 7.1, 2017: 5.6, 2018: 4.4, 2019: 3.8, 2020: 5.0, 2021: 2.6, 2022: 1.8,
            2023: 2.4}  # fmt: skip
_SEPARATION_PROFILE = {
    "15-29": (3.0, 16.0), "30-39": (1.2, 11.0), "40-49": (1.0, 8.0), "50-54": (1.5, 6.0),
    "55-59": (6.0, 4.5), "60+": (22.0, 3.0),
}  # fmt: skip


def _sector_group(nace: str) -> str:
    if nace.startswith("C"):
        return "manufacturing"
    if nace in ("B", "D", "E"):
        return "utilities"
    if nace in ("JA", "JB", "JC", "MB"):
        return "ict"
    if nace in ("MA", "MC"):
        return "prof"
    return nace


def _totals() -> dict[int, float]:
    published = PUBLISHED["total_employment"]
    assert isinstance(published, dict)
    t: dict[int, float] = {int(k): float(v) for k, v in published.items()}
    t[2020] = t[2019] * 1.003
    t[2021] = t[2022] / 1.024
    t[2017] = float(np.sqrt(t[2016] * t[2018]))
    t[2023] = t[2022] * 1.01
    start = float(PUBLISHED["total_2003"])
    for year in range(2010, 2016):
        t[year] = start * (t[2016] / start) ** ((year - 2003) / 13)
    return dict(sorted(t.items()))


def _interp(anchors: dict[int, np.ndarray], year: int) -> np.ndarray:
    years = sorted(anchors)
    if year <= years[0]:
        return anchors[years[0]]
    if year >= years[-1]:
        return anchors[years[-1]]
    for lo, hi in pairwise(years):
        if lo <= year <= hi:
            w = (year - lo) / (hi - lo)
            return (1 - w) * anchors[lo] + w * anchors[hi]
    raise AssertionError("unreachable")


def _round_to(values: np.ndarray, total: int) -> np.ndarray:
    """Integers summing exactly to ``total`` (largest remainder)."""
    scaled = values / values.sum() * total if values.sum() > 0 else values
    floor = np.floor(scaled)
    rest = int(total - floor.sum())
    order = np.argsort(-(scaled - floor), kind="stable")
    floor[order[:rest]] += 1
    return np.asarray(floor, dtype=np.int64)


def _rake(matrix: np.ndarray, rows: np.ndarray, cols: np.ndarray, rounds: int = 200) -> np.ndarray:
    m = matrix.copy()
    for _ in range(rounds):
        m *= (rows / m.sum(axis=1))[:, None]
        m *= (cols / m.sum(axis=0))[None, :]
    return m


def _employment(rng: np.random.Generator) -> pd.DataFrame:
    totals = _totals()
    sectors = list(NACE_A38)
    anchors = {
        2010: np.array([_SHARES[s][0] for s in sectors]),
        2019: np.array([_SHARES[s][1] for s in sectors]),
        2023: np.array([_SHARES[s][2] for s in sectors]),
    }
    fixed = PUBLISHED["shares_2019"]
    assert isinstance(fixed, dict)
    fixed_mask = np.array([s in fixed for s in sectors])
    age_anchor = {
        2010: np.array(_AGE_2010),
        2016: np.array(_AGE_2016) / sum(_AGE_2016),
        2021: np.array(_AGE_2021) / sum(_AGE_2021),
        2023: np.array(_AGE_2023),
    }
    tilt = np.ones((len(sectors), len(AGE_BANDS)))
    for i, s in enumerate(sectors):
        tilt[i] = _AGE_TILT.get(s, tuple(rng.uniform(0.9, 1.1, len(AGE_BANDS))))
    records = []
    for year in YEARS:
        shares = _interp(anchors, year)
        if year != 2019:
            shares = shares * rng.lognormal(0.0, 0.01, len(sectors))
            shares = shares / shares.sum()
        else:
            fixed_values = np.array([fixed.get(s, 0.0) for s in sectors])
            rest = shares * ~fixed_mask
            shares = np.where(
                fixed_mask, fixed_values, rest / rest.sum() * (1 - fixed_values.sum())
            )
        total = totals[year]
        if year == 2016:
            age_totals = np.array(_AGE_2016, dtype=np.float64)
        elif year == 2021:
            age_totals = np.array(_AGE_2021, dtype=np.float64)
        else:
            age_totals = _interp(age_anchor, year) * total
        age_totals = age_totals / age_totals.sum() * total
        seed_matrix = np.outer(shares * total, age_totals / total) * tilt
        m = _rake(seed_matrix, shares * total, age_totals)
        col_int = _round_to(age_totals, round(total))
        ints = np.column_stack([_round_to(m[:, b], int(col_int[b])) for b in range(len(AGE_BANDS))])
        for i, s in enumerate(sectors):
            for b, band in enumerate(AGE_BANDS):
                records.append((s, band, year, int(ints[i, b])))
    return pd.DataFrame.from_records(records, columns=["nace", "age_group", "year", "employment"])


def _split(codes: str, valid: set[str]) -> list[str]:
    return [c for c in codes.split() if c in valid]


def _occupation_key(rng: np.random.Generator, isco3: Sequence[str]) -> pd.DataFrame:
    valid = set(isco3)
    by_major: dict[str, list[str]] = {}
    for code in isco3:
        by_major.setdefault(code[0], []).append(code)
    records = []
    for nace in NACE_A38:
        group = _sector_group(nace)
        mix = _MAJOR_MIX.get(group, _MAJOR_MIX["S"])
        signature = set(_split(_SIGNATURE.get(nace, "") + " " + _SIGNATURE.get(group, ""), valid))
        base: dict[str, float] = {}
        for major, weight in mix.items():
            members = by_major.get(major, [])
            if not members:
                continue
            raw = rng.dirichlet(np.full(len(members), 0.6))
            boosted = np.array(
                [r + (0.5 if m in signature else 0.0) for m, r in zip(members, raw, strict=True)]
            )
            keep = np.argsort(-boosted)[:6]
            part = boosted[keep] / boosted[keep].sum() * weight
            for j, value in zip(keep, part, strict=True):
                base[members[j]] = base.get(members[j], 0.0) + float(value)
        codes = sorted(base)
        b = np.array([base[c] for c in codes])
        trend = np.array([_KEY_TRENDS.get(c, 0.0) for c in codes])
        for year in KEY_YEARS:
            s = b * (1 + trend) ** (year - KEY_YEARS[0]) * rng.lognormal(0.0, 0.02, len(codes))
            s = s / s.sum()
            s = np.where(s < 0.001, 0.0, s)
            s = np.round(s / s.sum(), 6)
            for c, v in zip(codes, s, strict=True):
                if v > 0:
                    records.append((nace, c, year, float(v)))
    return pd.DataFrame.from_records(records, columns=["nace", "isco08", "year", "share"])


def _school_leavers(rng: np.random.Generator) -> pd.DataFrame:
    published = PUBLISHED["school_leavers"]
    assert isinstance(published, dict)
    totals = {int(k): int(v) for k, v in published.items()}
    totals[2019] = 70_450
    totals[2020] = 70_300
    records = []
    levels = list(_LEVEL_SPLIT)
    for year in LEAVER_YEARS:
        total = totals[year]
        level_counts = _round_to(np.array([_LEVEL_SPLIT[lv] for lv in levels]), total)
        if year == 2018:
            unq = int(PUBLISHED["unqualified_2018"])
            rest = _round_to(np.array([_LEVEL_SPLIT[lv] for lv in levels[1:]]), total - unq)
            level_counts = np.concatenate([[unq], rest])
        for lv, n in zip(levels, level_counts, strict=True):
            fields = list(_FIELDS_BY_LEVEL[lv])
            w = np.array(
                [
                    _FIELDS_BY_LEVEL[lv][f] * (1 + _FIELD_TRENDS.get(f, 0.0)) ** (year - 2015)
                    for f in fields
                ]
            ) * rng.lognormal(0.0, 0.03, len(fields))
            for f, c in zip(fields, _round_to(w, int(n)), strict=True):
                records.append((f, lv, year, int(c)))
    return pd.DataFrame.from_records(records, columns=["field", "level", "year", "leavers"])


def _field_key(isco3: Sequence[str]) -> pd.DataFrame:
    valid = set(isco3)
    records = []
    for level, table in (
        ("2", _FIELD_KEY_LOW),
        ("3", _FIELD_KEY_MIDDLE),
        ("5", _FIELD_KEY_HIGH),
        ("6", _FIELD_KEY_HIGH),
        ("7", _FIELD_KEY_HIGH),
    ):
        for field in _FIELDS_BY_LEVEL[level]:
            codes = _split(table.get(field, _FIELD_KEY_MIDDLE.get(field, "")), valid)
            weights = np.array([0.85**k for k in range(len(codes))])
            shares = np.round(weights / weights.sum(), 6)
            shares[-1] = round(1.0 - shares[:-1].sum(), 6)
            for c, s in zip(codes, shares, strict=True):
                records.append((field, level, c, float(s)))
    return pd.DataFrame.from_records(records, columns=["field", "level", "isco08", "share"])


def _separation_rates(employment: pd.DataFrame) -> pd.DataFrame:
    e2020 = employment[employment["year"] == 2020].groupby("age_group")["employment"].sum()
    totals = employment.groupby("year")["employment"].sum()
    expansion = float(totals[2021] - totals[2020])
    target = float(PUBLISHED["hiring_need_2021"]) - expansion
    raw = sum(e2020[b] * (x + t) / 100 for b, (x, t) in _SEPARATION_PROFILE.items())
    k = target / raw
    return pd.DataFrame(
        [(band, round(x * k, 3), round(t * k, 3)) for band, (x, t) in _SEPARATION_PROFILE.items()],
        columns=["age_group", "labour_force_exit_rate", "occupational_transfer_rate"],
    )


def _occupation_weights(employment: pd.DataFrame, key: pd.DataFrame, year: int) -> pd.Series:
    sectors = employment[employment["year"] == year].groupby("nace")["employment"].sum()
    k = key[key["year"] == min(max(year, KEY_YEARS[0]), KEY_YEARS[-1])]
    weights = k.assign(e=k["share"] * k["nace"].map(sectors)).groupby("isco08")["e"].sum()
    return weights / weights.sum()


def _inflows(rng: np.random.Generator, employment: pd.DataFrame, key: pd.DataFrame) -> pd.DataFrame:
    records = []
    for year in FLOW_YEARS:
        w = _occupation_weights(employment, key, year)
        for kind, total in (("jobseekers", 35_000), ("migrants", 15_000)):
            noisy = w.to_numpy() * rng.lognormal(0.0, 0.15, len(w))
            for code, c in zip(w.index, _round_to(noisy, total), strict=True):
                records.append((code, year, kind, int(c)))
    return pd.DataFrame.from_records(records, columns=["isco08", "year", "kind", "count"])


def _labour_flows(
    rng: np.random.Generator, employment: pd.DataFrame, key: pd.DataFrame
) -> pd.DataFrame:
    w = _occupation_weights(employment, key, KEY_YEARS[-1])
    codes = list(w.index)
    slack = rng.lognormal(0.0, 0.6, len(codes))  # occupations with many or few jobseekers
    records = []
    for year in FLOW_YEARS:
        seekers = _JOBSEEKERS[year]
        vacancies = round(seekers / _TENSION[year])
        js = _round_to(w.to_numpy() * slack * rng.lognormal(0.0, 0.05, len(codes)), seekers)
        vac = _round_to(w.to_numpy() / slack * rng.lognormal(0.0, 0.05, len(codes)), vacancies)
        for code, j, v in zip(codes, js, vac, strict=True):
            if v > 0:
                records.append((code, str(year), int(j), int(v)))
    return pd.DataFrame.from_records(
        records, columns=["occupation", "period", "jobseekers", "vacancies"]
    )


def build_sample(isco3: Sequence[str], seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Build every SAMPLE panel (not real data).

    Args:
        isco3: The ISCO-08 minor groups (3-digit codes; 130 in ISCO-08) from the taxonomy.
        seed: Random seed; the committed files use :data:`SEED`.

    Returns:
        Panel name (keys of :data:`SAMPLE_FILES`) → frame, each with a ``source`` column
        saying ``SAMPLE — not real data``.
    """
    rng = np.random.default_rng(seed)
    codes = sorted(c for c in isco3 if len(c) == 3)
    employment = _employment(rng)
    key = _occupation_key(rng, codes)
    panels = {
        "employment": employment,
        "occupation_key": key,
        "school_leavers": _school_leavers(rng),
        "separation_rates": _separation_rates(employment),
        "inflows": _inflows(rng, employment, key),
        "field_key": _field_key(codes),
        "labour_flows": _labour_flows(rng, employment, key),
    }
    label = SAMPLE_SOURCE.format(seed=seed)
    return {name: frame.assign(source=label) for name, frame in panels.items()}


__all__ = ["PUBLISHED", "SAMPLE_FILES", "SAMPLE_SOURCE", "SEED", "build_sample"]
