"""Validation of the input panels: bad input gives a clear error naming file, row, column."""

from __future__ import annotations

import pandas as pd
import pytest

from koers.forecast.errors import ForecastInputError
from koers.forecast.inputs import (
    is_sample,
    nace_level,
    validate_employment,
    validate_field_key,
    validate_inflows,
    validate_occupation_key,
    validate_school_leavers,
    validate_separation_rates,
)

BANDS = ["15-29", "30-54", "55+"]


def employment(
    years: range = range(2015, 2019), sectors: tuple[str, ...] = ("F", "QA")
) -> pd.DataFrame:
    rows = [
        {"nace": s, "age_group": b, "year": str(y), "employment": str(100 + i)}
        for s in sectors
        for y in years
        for i, b in enumerate(BANDS)
    ]
    return pd.DataFrame(rows)


def test_valid_employment_is_typed_and_sorted() -> None:
    out = validate_employment(employment())
    assert list(out.columns) == ["nace", "age_group", "age_from", "age_to", "year", "employment"]
    assert out["employment"].dtype == "float64"
    assert out.loc[out["age_group"] == "55+", "age_to"].isna().all()
    assert out["age_from"].tolist()[:3] == [15, 30, 55]


def test_missing_year_names_the_sector_and_year() -> None:
    frame = employment()
    frame = frame[~((frame["nace"] == "QA") & (frame["year"] == "2016"))]
    with pytest.raises(ForecastInputError, match=r"sector 'QA' has no row for year 2016"):
        validate_employment(frame, source="emp.csv")


def test_negative_count_names_row_and_column() -> None:
    frame = employment()
    frame.loc[4, "employment"] = "-3"
    with pytest.raises(ForecastInputError) as info:
        validate_employment(frame, source="emp.csv")
    assert info.value.row == 6 and info.value.column == "employment"
    assert "emp.csv, row 6, column 'employment': negative count" in info.value.message


def test_many_problems_are_counted() -> None:
    frame = employment()
    frame["employment"] = "x"
    with pytest.raises(ForecastInputError, match=r"more problem"):
        validate_employment(frame)


def test_unknown_and_mixed_nace_codes() -> None:
    frame = employment(sectors=("F", "ZZ"))
    with pytest.raises(ForecastInputError, match="unknown NACE"):
        validate_employment(frame)
    with pytest.raises(ForecastInputError, match="mix NACE levels"):
        validate_employment(employment(sectors=("QA", "41")))
    assert nace_level({"CA", "F"}) == "a38"
    assert nace_level({"41", "86"}) == "division"


def test_age_band_gap_and_bad_label() -> None:
    frame = employment()
    frame["age_group"] = frame["age_group"].replace("30-54", "31-54")
    with pytest.raises(ForecastInputError, match="gap between age bands at age 30"):
        validate_employment(frame)
    frame = employment()
    frame.loc[0, "age_group"] = "young"
    with pytest.raises(ForecastInputError, match="not an age band"):
        validate_employment(frame)


def test_duplicate_row() -> None:
    frame = pd.concat([employment(), employment().iloc[[0]]], ignore_index=True)
    with pytest.raises(ForecastInputError, match="duplicate"):
        validate_employment(frame)


def key_frame(share_a: str = "0.6", share_b: str = "0.4") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nace": ["F", "F"],
            "isco08": ["711", "712"],
            "year": ["2018", "2018"],
            "share": [share_a, share_b],
        }
    )


def test_shares_must_sum_to_one() -> None:
    with pytest.raises(ForecastInputError, match=r"sector × year F × 2018 sum to 0\.9000"):
        validate_occupation_key(key_frame("0.5"))


def test_shares_within_tolerance_are_rescaled() -> None:
    out = validate_occupation_key(key_frame("0.6004", "0.4"))
    assert out["share"].sum() == pytest.approx(1.0)


def test_unknown_isco_code_when_codes_are_known() -> None:
    with pytest.raises(ForecastInputError, match="unknown ISCO-08 code"):
        validate_occupation_key(key_frame(), known_isco={"711"})
    with pytest.raises(ForecastInputError, match="not an ISCO-08 code"):
        validate_occupation_key(key_frame().assign(isco08=["71a", "712"]))


def test_school_leavers_fields_levels_and_years() -> None:
    frame = pd.DataFrame(
        {
            "field": ["06", "06"],
            "level": ["6", "6"],
            "year": ["2020", "2021"],
            "leavers": ["5", "6"],
        }
    )
    assert len(validate_school_leavers(frame)) == 2
    with pytest.raises(ForecastInputError, match="unknown ISCED-F"):
        validate_school_leavers(frame.assign(field=["99", "99"]))
    with pytest.raises(ForecastInputError, match="ISCED 2011 level"):
        validate_school_leavers(frame.assign(level=["9", "9"]))
    gap = pd.concat([frame, frame.assign(field="07", year=["2019", "2021"])], ignore_index=True)
    with pytest.raises(ForecastInputError, match=r"06 × 6. has no row for year 2019"):
        validate_school_leavers(gap)


def test_separation_rates_need_one_key_and_rates_in_range() -> None:
    frame = pd.DataFrame(
        {
            "age_group": ["15-29"],
            "labour_force_exit_rate": ["2"],
            "occupational_transfer_rate": ["9"],
        }
    )
    assert validate_separation_rates(frame).iloc[0]["labour_force_exit_rate"] == 2.0
    with pytest.raises(ForecastInputError, match="exactly one key column"):
        validate_separation_rates(frame.assign(isco08="711"))
    with pytest.raises(ForecastInputError, match="above 100"):
        validate_separation_rates(frame.assign(labour_force_exit_rate="120"))


def test_inflows_kind_and_field_key() -> None:
    flows = pd.DataFrame(
        {"isco08": ["711"], "year": ["2020"], "kind": ["tourists"], "count": ["3"]}
    )
    with pytest.raises(ForecastInputError, match="kind must be one of"):
        validate_inflows(flows)
    key = pd.DataFrame({"field": ["7", "7"], "isco08": ["711", "712"], "share": ["0.5", "0.5"]})
    out = validate_field_key(key)
    assert out["field"].tolist() == ["07", "07"] and out["level"].tolist() == ["*", "*"]


def test_sample_flag() -> None:
    assert is_sample(pd.DataFrame({"source": ["SAMPLE — not real data"]}))
    assert is_sample(pd.DataFrame({"is_sample": ["true"]}))
    assert not is_sample(pd.DataFrame({"source": ["Statbel"]}))
