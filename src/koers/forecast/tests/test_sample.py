"""The SAMPLE panels reproduce every published figure they claim to (docs/data-formats.md)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from koers.forecast.demand import cohort_outflow
from koers.forecast.inputs import (
    is_sample,
    validate_employment,
    validate_occupation_key,
    validate_school_leavers,
)
from koers.forecast.replacement import separation_by_age
from koers.forecast.sample import PUBLISHED, SAMPLE_FILES, build_sample

DATA = Path(__file__).resolve().parents[1] / "sample" / "data"
ISCO = pd.read_csv(
    Path(__file__).resolve().parents[2] / "data" / "esco" / "ISCOGroups_en.csv.gz", dtype=str
)["code"].tolist()


@pytest.fixture(scope="module")
def panels() -> dict[str, pd.DataFrame]:
    return build_sample(ISCO)


def test_committed_files_are_the_seeded_build(panels: dict[str, pd.DataFrame]) -> None:
    for name, file in SAMPLE_FILES.items():
        committed = pd.read_csv(DATA / file, dtype=str, keep_default_na=False)
        assert file.startswith("sample_")
        assert is_sample(committed), file
        rebuilt = panels[name].astype(str)
        assert len(committed) == len(rebuilt), file
        assert list(committed.columns) == list(rebuilt.columns), file


def test_panel_sizes(panels: dict[str, pd.DataFrame]) -> None:
    e = validate_employment(panels["employment"].astype(str))
    assert e["nace"].nunique() == 38 and e["age_group"].nunique() == 6
    assert e["year"].nunique() >= 10
    key = validate_occupation_key(panels["occupation_key"].astype(str), known_isco=set(ISCO))
    assert key["isco08"].nunique() >= 120
    validate_school_leavers(panels["school_leavers"].astype(str))


def test_reproduces_published_employment(panels: dict[str, pd.DataFrame]) -> None:
    e = panels["employment"]
    totals = e.groupby("year")["employment"].sum()
    for year, value in PUBLISHED["total_employment"].items():
        assert abs(totals[year] - value) <= 2, year
    y2016 = e[e["year"] == 2016].groupby("age_group")["employment"].sum()
    assert y2016["30-39"] == 702_400
    assert y2016["50-54"] + y2016["55-59"] == 699_700
    assert y2016["50-54"] + y2016["55-59"] + y2016["60+"] == 798_000
    shares = e[e["year"] == 2019].groupby("nace")["employment"].sum() / totals[2019]
    for nace, share in PUBLISHED["shares_2019"].items():
        assert shares[nace] == pytest.approx(share, abs=0.0005), nace


def test_reproduces_the_steunpunt_55_plus_outflow(panels: dict[str, pd.DataFrame]) -> None:
    e = validate_employment(panels["employment"].astype(str))
    out = cohort_outflow(e, keys=("nace",), band_width=5)
    value = out[(out["year"] == 2021) & (out["threshold"] == 55)]["outflow"].sum()
    assert value == pytest.approx(350_000, abs=5)  # half of "700,000 over ten years"


def test_reproduces_the_hiring_need_2021(panels: dict[str, pd.DataFrame]) -> None:
    e = panels["employment"]
    rates = panels["separation_rates"]
    by_age = e[e["year"] == 2020].groupby("age_group", as_index=False)[["employment"]].sum()
    totals = e.groupby("year")["employment"].sum()
    need = separation_by_age(rates, by_age) + (totals[2021] - totals[2020])
    assert need == pytest.approx(435_000, rel=0.001)


def test_reproduces_school_leavers_and_tension(panels: dict[str, pd.DataFrame]) -> None:
    s = panels["school_leavers"]
    totals = s.groupby("year")["leavers"].sum()
    for year, value in PUBLISHED["school_leavers"].items():
        assert totals[year] == value
    assert s[(s["year"] == 2018) & (s["level"] == "2")]["leavers"].sum() == 6_320
    flows = panels["labour_flows"]
    by = flows.groupby("period")[["jobseekers", "vacancies"]].sum()
    assert by.loc["2018", "jobseekers"] == 195_989 and by.loc["2021", "jobseekers"] == 193_150
    for year, ratio in PUBLISHED["tension_ratio"].items():
        row = by.loc[str(year)]
        assert round(row["jobseekers"] / row["vacancies"], 1) == ratio
