"""Tension ratio (spanningsratio, report 2.2): golden Tables 1 and 2 and input validation."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from koers.forecast import (
    ForecastInputError,
    UndeterminedFilter,
    UnknownPeriod,
    below_one,
    compare_top,
    flag_shortages,
    rank_tension,
    ranking_records,
    shortage_index,
    tension_ratio,
    validate_tension_counts,
)
from koers.forecast.model import round_half_up
from koers.forecast.tension import normalise_title

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
COUNTS = FIXTURES / "report_2_2_tension_tables.csv"


def _counts() -> pd.DataFrame:
    return validate_tension_counts(
        pd.read_csv(COUNTS, dtype=str, keep_default_na=False), source=COUNTS.name
    )


def _published(name: str) -> list[dict[str, object]]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return [
            {
                "occupation": r["occupation"],
                "jobseekers": int(r["jobseekers"]),
                "vacancies": int(r["vacancies"]),
                "tension_ratio": float(r["tension_ratio"]),
            }
            for r in csv.DictReader(f)
        ]


def _frame(
    rows: list[list[str]], header: str = "occupation,period,jobseekers,vacancies"
) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=header.split(","), dtype=str)


def test_table_1_april_2021_reproduced_exactly() -> None:
    ranking = rank_tension(_counts(), "2021-04", min_vacancies=50, top=20)
    assert ranking_records(ranking) == _published("report_table_1_2021-04.csv")


def test_table_2_february_2020_among_april_2021_occupations() -> None:
    ranking = rank_tension(_counts(), "2020-02", filter_period="2021-04", min_vacancies=50, top=20)
    assert ranking_records(ranking) == _published("report_table_2_2020-02.csv")
    # the six Table 1 occupations without published February 2020 counts are listed, not dropped
    assert len(ranking.unranked) == 6
    assert "Slager" in ranking.unranked


def test_report_text_19_occupations_below_one_with_5652_vacancies() -> None:
    assert below_one(rank_tension(_counts(), "2021-04", top=None)) == (19, 5652)


def test_tables_share_14_occupations_not_13_as_the_text_says() -> None:
    counts = _counts()
    current = rank_tension(counts, "2021-04", top=20)
    baseline = rank_tension(counts, "2020-02", filter_period="2021-04", top=20)
    comparison = compare_top(current, baseline)
    assert len(comparison.stayed) == 14
    assert len(comparison.entered) == len(comparison.left) == 6
    assert comparison.stayed[0] == ("Hoofdverpleegkundige", 1, 1)
    assert ("Bestuurder trekker-oplegger", 19, 6) in comparison.stayed


def test_ratio_is_exact_and_rounds_half_up() -> None:
    assert tension_ratio(209, 206) == Fraction(209, 206)
    assert round_half_up(Fraction(1, 8), 2) == 0.13  # float round(0.125, 2) gives 0.12
    assert round_half_up(Fraction(1, 200), 2) == 0.01
    assert round_half_up(Fraction(24, 110), 2) == 0.22
    with pytest.raises(ValueError):
        tension_ratio(3, 0)


def test_ties_are_broken_by_title_and_top_cuts() -> None:
    counts = validate_tension_counts(
        _frame([["B", "p", "10", "100"], ["A", "p", "1", "10"], ["C", "p", "5", "100"]])
    )
    ranking = rank_tension(counts, "p", min_vacancies=0, top=2)
    assert [r.occupation for r in ranking.rows] == ["C", "A"]
    assert ranking.eligible == 3


def test_min_vacancies_filter_uses_filter_period() -> None:
    counts = validate_tension_counts(
        _frame(
            [
                ["A", "q", "1", "49"],
                ["B", "q", "1", "50"],
                ["A", "p", "1", "100"],
                ["B", "p", "9", "100"],
            ]
        )
    )
    assert [r.occupation for r in rank_tension(counts, "p", "q").rows] == ["B"]
    assert [r.occupation for r in rank_tension(counts, "p").rows] == ["A", "B"]


def test_lower_bound_below_filter_is_an_error_not_a_guess() -> None:
    frame = _frame(
        [["A", "q", "", "", "10"], ["A", "p", "1", "100", ""]],
        header="occupation,period,jobseekers,vacancies,vacancies_at_least",
    )
    counts = validate_tension_counts(frame)
    with pytest.raises(UndeterminedFilter, match="min-vacancies 50"):
        rank_tension(counts, "p", "q", min_vacancies=50)
    assert len(rank_tension(counts, "p", "q", min_vacancies=10).rows) == 1


def test_unknown_period() -> None:
    with pytest.raises(UnknownPeriod, match="2019-01"):
        rank_tension(_counts(), "2019-01")


@pytest.mark.parametrize(
    ("rows", "row", "column", "problem"),
    [
        ([["A", "p", "-1", "5"]], 2, "jobseekers", "negative"),
        ([["A", "p", "1", "5"], ["B", "p", "x1", "5"]], 3, "jobseekers", "not a whole number"),
        ([["A", "p", "1", "2.5"]], 2, "vacancies", "not a whole number"),
        ([["A", "p", "1", "0"]], 2, "vacancies", "undefined"),
        ([["A", "p", "1", "5"], ["A", "p", "2", "6"]], 3, "occupation", "duplicate"),
        ([["", "p", "1", "5"]], 2, "occupation", "empty"),
        ([["A", "p", "1", ""]], 2, "vacancies", "both"),
        ([["A", "p", "", ""]], 2, "vacancies", "lower bound"),
    ],
)
def test_bad_rows_name_row_and_column(
    rows: list[list[str]], row: int, column: str, problem: str
) -> None:
    with pytest.raises(ForecastInputError, match=problem) as info:
        validate_tension_counts(_frame(rows), source="t.csv")
    assert info.value.row == row
    assert info.value.column == column
    assert f"t.csv, row {row}, column '{column}'" in info.value.message


def test_missing_column() -> None:
    frame = pd.DataFrame({"occupation": ["A"], "period": ["p"], "jobseekers": ["1"]})
    with pytest.raises(ForecastInputError, match="vacancies") as info:
        validate_tension_counts(frame)
    assert info.value.column == "vacancies"


def test_shortage_flags_match_normalised_titles() -> None:
    shortage = pd.DataFrame(
        {
            "vdab_sector": ["Bouwberoepen", "Zorg"],
            "beroep": ["Calculator bouw", "Verpleegkundige"],
            "on_ministerial_decree_2025_12_01_list": ["yes", "no"],
        }
    )
    counts = validate_tension_counts(
        _frame([["calculator  BOUW ", "p", "1", "60"], ["Slager", "p", "2", "60"]])
    )
    ranking = flag_shortages(rank_tension(counts, "p"), shortage_index(shortage))
    records = ranking_records(ranking)
    assert records[0]["shortage_list"] is True
    assert records[0]["shortage_decree"] is True
    assert records[0]["vdab_sector"] == "Bouwberoepen"
    assert records[1]["shortage_list"] is False
    assert normalise_title("Technicus\u00a0koeltechniek") == "technicus koeltechniek"
