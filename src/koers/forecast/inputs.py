"""The input model of a forecast run: long panels, validated once (issue 4 part 1).

Every validator takes a frame as read (ideally all columns as text), checks **every** row and
column, and either returns a new typed frame or raises :class:`ForecastInputError` naming the
file, row and column of the first problem plus how many more there are. Nothing is returned
half-checked, so a run never starts on half-loaded data. Formats: ``docs/data-formats.md``.

=========================  ===================================================================
panel                      columns (``[x]`` optional)
=========================  ===================================================================
employment                 ``nace, age_group, year, employment [, region]``
occupation key             ``nace, isco08, year, share`` (EAK verdeelsleutel)
school leavers             ``field, level, year, leavers [, region]`` (schoolverlaters)
separation rates           ``isco08`` or ``age_group``, ``labour_force_exit_rate``,
                           ``occupational_transfer_rate`` (per 100 employed, per year)
supply inflows             ``isco08, year, kind, count`` (kind: jobseekers or migrants)
field key                  ``field, [level,] isco08, share`` (studierichting → beroep)
=========================  ===================================================================

Every panel may carry ``source`` and ``is_sample`` columns; :func:`is_sample` reads them so
that sample data stay labelled as such all the way to the screen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import pandas as pd

from koers.forecast.codes import (
    ISCED_LEVELS,
    NACE_A38,
    NACE_DIVISIONS,
    NACE_SECTIONS,
    isced_field_ok,
    parse_age_band,
)
from koers.forecast.errors import ForecastInputError

SHARE_TOLERANCE = 1e-3
"""Allowed deviation of a share sum from 1; within it, shares are rescaled to sum to 1
exactly (rounding in published keys); beyond it, the key is refused."""

SUPPLY_KINDS = ("jobseekers", "migrants")
YEAR_RANGE = (1950, 2100)


@dataclass
class _Problems:
    """Collects problems; raises the first one (with a count of the others) at the end."""

    source: str
    first_row: int
    items: list[tuple[int | None, str | None, str]] = field(default_factory=list)

    def add(self, mask: pd.Series | np.ndarray, column: str, problem: str) -> None:
        if isinstance(mask, pd.Series):
            mask = mask.astype("boolean").fillna(False).to_numpy(dtype=bool)
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        for pos in positions[:3]:
            self.items.append((int(pos) + self.first_row, column, problem))
        if positions.size > 3:
            self.items.append((None, column, f"{problem} ({positions.size} rows in all)"))

    def add_one(self, row: int | None, column: str | None, problem: str) -> None:
        self.items.append((row, column, problem))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        ordered = sorted(
            self.items, key=lambda item: (item[0] is None, item[0] if item[0] is not None else 0)
        )
        row, column, problem = ordered[0]
        more = len(ordered) - 1
        if more:
            problem += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise ForecastInputError(self.source, problem, row, column)


def _require(frame: pd.DataFrame, columns: Iterable[str], source: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ForecastInputError(
            source,
            f"missing column(s) {', '.join(missing)}; found {', '.join(map(str, frame.columns))}",
            column=missing[0],
        )


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column]
    out = values.astype("string").str.strip()
    return out.fillna("")


def _code(frame: pd.DataFrame, column: str) -> pd.Series:
    """Text code; numbers read from Parquet as floats (``711.0``) lose their ``.0``."""
    text = _text(frame, column)
    return text.str.replace(r"\.0$", "", regex=True)


def _years(frame: pd.DataFrame, column: str, problems: _Problems) -> pd.Series:
    raw = _text(frame, column)
    numbers = pd.to_numeric(raw.astype(object), errors="coerce").astype("float64")
    bad = numbers.isna() | (numbers % 1 != 0)
    problems.add(bad, column, "not a whole year")
    lo, hi = YEAR_RANGE
    problems.add(~bad & ((numbers < lo) | (numbers > hi)), column, f"year outside {lo}–{hi}")
    return numbers.fillna(0).astype("int64")


def _numbers(
    frame: pd.DataFrame,
    column: str,
    problems: _Problems,
    low: float = 0.0,
    high: float | None = None,
    what: str = "number",
) -> pd.Series:
    raw = _text(frame, column)
    numbers = pd.to_numeric(raw.astype(object), errors="coerce").astype("float64")
    missing = raw == ""
    problems.add(missing, column, f"empty; a {what} is needed")
    problems.add(~missing & numbers.isna(), column, f"not a {what}")
    problems.add(numbers.notna() & ~np.isfinite(numbers), column, "not a finite number")
    problems.add(numbers < low, column, f"negative {what}" if low == 0 else f"below {low}")
    if high is not None:
        problems.add(numbers > high, column, f"above {high}")
    return numbers.fillna(0.0).astype("float64")


def _duplicates(frame: pd.DataFrame, keys: list[str], problems: _Problems, what: str) -> None:
    dup = frame.duplicated(keys, keep="first")
    problems.add(dup, keys[-1], f"duplicate {what}")


def nace_level(codes: Collection[str]) -> str:
    """Which NACE level a set of codes uses: ``a38``, ``section`` or ``division``.

    Args:
        codes: The distinct sector codes of a panel (all known codes).

    Returns:
        ``a38`` when every code is an A*38 code and at least one has two letters (or every
        code is a single letter shared by both lists), ``section`` or ``division``.

    Raises:
        ValueError: If the codes mix levels.
    """
    wanted = set(codes)
    if wanted <= set(NACE_A38) and (any(len(c) == 2 for c in wanted) or wanted <= NACE_SECTIONS):
        return "a38" if any(len(c) == 2 for c in wanted) else "section"
    if wanted <= NACE_SECTIONS:
        return "section"
    if wanted <= NACE_DIVISIONS:
        return "division"
    raise ValueError("codes mix NACE levels (A*38 codes, sections, divisions)")


def _check_nace(codes: pd.Series, column: str, problems: _Problems) -> None:
    known = set(NACE_A38) | NACE_SECTIONS | NACE_DIVISIONS
    unknown = ~codes.isin(known)
    problems.add(codes == "", column, "empty sector code")
    problems.add((codes != "") & unknown, column, "unknown NACE Rev. 2 code")
    good = set(codes[~unknown])
    if good and not unknown.any():
        try:
            nace_level(good)
        except ValueError:
            problems.add_one(None, column, "sector codes mix NACE levels; use one level")


def _check_isco(
    codes: pd.Series, column: str, problems: _Problems, known: Collection[str] | None
) -> None:
    bad_form = ~codes.str.fullmatch(r"\d{1,4}")
    problems.add(bad_form, column, "not an ISCO-08 code (1 to 4 digits)")
    if known is not None:
        known_set = set(known)
        problems.add(~bad_form & ~codes.isin(known_set), column, "unknown ISCO-08 code")
    lengths = set(codes[~bad_form].str.len())
    if len(lengths) > 1:
        problems.add_one(None, column, f"ISCO codes mix levels (lengths {sorted(lengths)})")


def _check_complete_years(
    frame: pd.DataFrame, keys: list[str], problems: _Problems, what: str
) -> None:
    """Every series (``keys``) must have every year between the panel's first and last."""
    years = sorted(set(frame["year"]))
    if not years:
        return
    full = set(range(years[0], years[-1] + 1))
    for key, group in frame.groupby(keys, sort=True):
        have = set(group["year"])
        missing = sorted(full - have)
        if missing:
            name = key if isinstance(key, str) else " × ".join(map(str, key))
            problems.add_one(
                None,
                "year",
                f"{what} '{name}' has no row for year {missing[0]}"
                + (f" (and {len(missing) - 1} more years)" if len(missing) > 1 else "")
                + f"; every series needs every year {years[0]}–{years[-1]}",
            )
            if len(problems.items) > 20:
                return


def validate_employment(
    frame: pd.DataFrame, source: str = "employment", first_row: int = 2
) -> pd.DataFrame:
    """Validate employment by sector × age group × year (werkgelegenheid naar sector en leeftijd).

    Args:
        frame: Columns ``nace``, ``age_group`` (``"30-39"``, ``"60+"``), ``year``,
            ``employment`` (persons, ≥ 0) and optionally ``region``.
        source: File name for messages.
        first_row: Row number of the first data row as the user sees it (2 under a header).

    Returns:
        New frame ``[region,] nace, age_group, age_from, age_to, year, employment`` sorted
        by sector, year and age (``age_to`` is None for an open band).

    Raises:
        ForecastInputError: Missing column; unknown or mixed NACE codes; a bad age band;
            overlapping or gapped age bands; a non-numeric or negative count; a duplicate
            row; a sector × year without every age band; a sector without every year.
    """
    _require(frame, ["nace", "age_group", "year", "employment"], source)
    problems = _Problems(source, first_row)
    has_region = "region" in frame.columns
    nace = _code(frame, "nace").str.upper()
    _check_nace(nace, "nace", problems)
    labels = _text(frame, "age_group")
    parsed = labels.map(parse_age_band)
    problems.add(parsed.isna(), "age_group", "not an age band like '30-39' or '60+'")
    years = _years(frame, "year", problems)
    employment = _numbers(frame, "employment", problems, what="count")
    out = pd.DataFrame(
        {
            **({"region": _text(frame, "region").to_numpy()} if has_region else {}),
            "nace": nace.to_numpy(),
            "age_group": labels.to_numpy(),
            "year": years.to_numpy(),
            "employment": employment.to_numpy(),
        }
    )
    keys = (["region"] if has_region else []) + ["nace", "age_group", "year"]
    _duplicates(out, keys, problems, "sector × age group × year")
    problems.raise_if_any()
    bands = sorted({parse_age_band(str(b)) or (0, 0) for b in out["age_group"].unique()})
    for (lo1, hi1), (lo2, _) in pairwise(bands):
        if hi1 is None or hi1 >= lo2:
            problems.add_one(None, "age_group", f"age bands overlap ({lo1}-{hi1} and {lo2}-)")
        elif hi1 + 1 != lo2:
            problems.add_one(None, "age_group", f"gap between age bands at age {hi1 + 1}")
    problems.raise_if_any()
    series = (["region"] if has_region else []) + ["nace"]
    counts = out.groupby([*series, "year"]).size()
    short = counts[counts != len(bands)]
    if not short.empty:
        key = short.index[0]
        problems.add_one(
            None,
            "age_group",
            f"sector × year {key} has {int(short.iloc[0])} of the {len(bands)} age bands",
        )
    _check_complete_years(out, series, problems, "sector")
    problems.raise_if_any()
    out["age_from"] = out["age_group"].map(lambda b: (parse_age_band(b) or (0, None))[0])
    out["age_to"] = pd.array(
        [(parse_age_band(b) or (0, None))[1] for b in out["age_group"]], dtype="Int64"
    )
    order = [*series, "year", "age_from"]
    columns = [*series, "age_group", "age_from", "age_to", "year", "employment"]
    return out.sort_values(order, ignore_index=True)[columns]


def _validate_shares(
    out: pd.DataFrame, group: list[str], problems: _Problems, what: str
) -> pd.DataFrame:
    sums = out.groupby(group, sort=True)["share"].sum()
    off = sums[(sums - 1).abs() > SHARE_TOLERANCE]
    for key, total in list(off.items())[:5]:
        name = " × ".join(str(k) for k in key) if isinstance(key, tuple) else str(key)
        problems.add_one(
            None, "share", f"shares of {what} {name} sum to {total:.4f}, not 1 (±{SHARE_TOLERANCE})"
        )
    problems.raise_if_any()
    totals = out.groupby(group)["share"].transform("sum")
    out = out.assign(share=out["share"] / totals.where(totals > 0, 1.0))
    return out


def validate_occupation_key(
    frame: pd.DataFrame,
    source: str = "occupation key",
    first_row: int = 2,
    known_isco: Collection[str] | None = None,
) -> pd.DataFrame:
    """Validate an occupation-by-sector distribution key (EAK verdeelsleutel, Annex B.1).

    Args:
        frame: Columns ``nace``, ``isco08``, ``year``, ``share`` (0..1; per sector × year the
            shares sum to 1 within :data:`SHARE_TOLERANCE`).
        source: File name for messages.
        first_row: Row number of the first data row.
        known_isco: ISCO-08 codes that exist (from the taxonomy); None skips the check.

    Returns:
        New frame ``nace, isco08, year, share`` with shares rescaled to sum to 1 exactly.

    Raises:
        ForecastInputError: Missing column, unknown code, bad year, share outside 0..1,
            duplicate, shares not summing to 1.
    """
    _require(frame, ["nace", "isco08", "year", "share"], source)
    problems = _Problems(source, first_row)
    nace = _code(frame, "nace").str.upper()
    _check_nace(nace, "nace", problems)
    isco = _code(frame, "isco08")
    _check_isco(isco, "isco08", problems, known_isco)
    years = _years(frame, "year", problems)
    shares = _numbers(frame, "share", problems, high=1.0, what="share")
    out = pd.DataFrame(
        {
            "nace": nace.to_numpy(),
            "isco08": isco.to_numpy(),
            "year": years.to_numpy(),
            "share": shares.to_numpy(),
        }
    )
    _duplicates(out, ["nace", "isco08", "year"], problems, "sector × occupation × year")
    problems.raise_if_any()
    out = _validate_shares(out, ["nace", "year"], problems, "sector × year")
    return out.sort_values(["nace", "year", "isco08"], ignore_index=True)


def validate_school_leavers(
    frame: pd.DataFrame, source: str = "school leavers", first_row: int = 2
) -> pd.DataFrame:
    """Validate school leavers by field of study × level × year (schoolverlaters).

    Args:
        frame: Columns ``field`` (ISCED-F 2013), ``level`` (ISCED 2011, 0–8), ``year``,
            ``leavers`` (≥ 0) and optionally ``region``.
        source: File name for messages.
        first_row: Row number of the first data row.

    Returns:
        New frame ``[region,] field, level, year, leavers``.

    Raises:
        ForecastInputError: Missing column, unknown field or level, bad count, duplicate,
            a field × level without every year of the panel.
    """
    _require(frame, ["field", "level", "year", "leavers"], source)
    problems = _Problems(source, first_row)
    has_region = "region" in frame.columns
    fields = _code(frame, "field")
    fields = fields.where(fields.str.len() != 1, "0" + fields)
    problems.add(~fields.map(isced_field_ok).astype(bool), "field", "unknown ISCED-F 2013 field")
    levels = _code(frame, "level")
    problems.add(~levels.isin(ISCED_LEVELS), "level", "not an ISCED 2011 level 0–8")
    years = _years(frame, "year", problems)
    leavers = _numbers(frame, "leavers", problems, what="count")
    out = pd.DataFrame(
        {
            **({"region": _text(frame, "region").to_numpy()} if has_region else {}),
            "field": fields.to_numpy(),
            "level": levels.to_numpy(),
            "year": years.to_numpy(),
            "leavers": leavers.to_numpy(),
        }
    )
    series = (["region"] if has_region else []) + ["field", "level"]
    _duplicates(out, [*series, "year"], problems, "field × level × year")
    problems.raise_if_any()
    _check_complete_years(out, series, problems, "field × level")
    problems.raise_if_any()
    return out.sort_values([*series, "year"], ignore_index=True)


def validate_separation_rates(
    frame: pd.DataFrame,
    source: str = "separation rates",
    first_row: int = 2,
    known_isco: Collection[str] | None = None,
) -> pd.DataFrame:
    """Validate separation rates (BLS method) by occupation or by age group.

    Args:
        frame: Key column ``isco08`` or ``age_group`` (exactly one), and
            ``labour_force_exit_rate`` and ``occupational_transfer_rate``, each per 100
            employed per year (0–100).
        source: File name for messages.
        first_row: Row number of the first data row.
        known_isco: Known ISCO-08 codes, or None.

    Returns:
        New frame ``<key>, labour_force_exit_rate, occupational_transfer_rate``.

    Raises:
        ForecastInputError: No or two key columns, unknown key, bad rate, duplicate.
    """
    keys = [c for c in ("isco08", "age_group") if c in frame.columns]
    if len(keys) != 1:
        raise ForecastInputError(
            source, "give exactly one key column: isco08 or age_group", column="isco08"
        )
    key = keys[0]
    _require(frame, [key, "labour_force_exit_rate", "occupational_transfer_rate"], source)
    problems = _Problems(source, first_row)
    if key == "isco08":
        values = _code(frame, key)
        _check_isco(values, key, problems, known_isco)
    else:
        values = _text(frame, key)
        problems.add(values.map(parse_age_band).isna(), key, "not an age band like '30-39'")
    exits = _numbers(frame, "labour_force_exit_rate", problems, high=100.0, what="rate")
    transfers = _numbers(frame, "occupational_transfer_rate", problems, high=100.0, what="rate")
    out = pd.DataFrame(
        {
            key: values.to_numpy(),
            "labour_force_exit_rate": exits.to_numpy(),
            "occupational_transfer_rate": transfers.to_numpy(),
        }
    )
    _duplicates(out, [key], problems, key)
    problems.raise_if_any()
    return out


def validate_inflows(
    frame: pd.DataFrame,
    source: str = "supply inflows",
    first_row: int = 2,
    known_isco: Collection[str] | None = None,
) -> pd.DataFrame:
    """Validate jobseeker and migrant inflows by occupation × year (aanbod buiten onderwijs).

    Args:
        frame: Columns ``isco08``, ``year``, ``kind`` (``jobseekers`` or ``migrants``),
            ``count`` (persons per year entering the occupation's supply, ≥ 0).
        source: File name for messages.
        first_row: Row number of the first data row.
        known_isco: Known ISCO-08 codes, or None.

    Returns:
        New frame ``isco08, year, kind, count``.

    Raises:
        ForecastInputError: Missing column, unknown code or kind, bad count, duplicate.
    """
    _require(frame, ["isco08", "year", "kind", "count"], source)
    problems = _Problems(source, first_row)
    isco = _code(frame, "isco08")
    _check_isco(isco, "isco08", problems, known_isco)
    years = _years(frame, "year", problems)
    kind = _text(frame, "kind").str.lower()
    problems.add(~kind.isin(SUPPLY_KINDS), "kind", f"kind must be one of {SUPPLY_KINDS}")
    count = _numbers(frame, "count", problems, what="count")
    out = pd.DataFrame(
        {
            "isco08": isco.to_numpy(),
            "year": years.to_numpy(),
            "kind": kind.to_numpy(),
            "count": count.to_numpy(),
        }
    )
    _duplicates(out, ["isco08", "year", "kind"], problems, "occupation × year × kind")
    problems.raise_if_any()
    return out.sort_values(["kind", "isco08", "year"], ignore_index=True)


def validate_field_key(
    frame: pd.DataFrame,
    source: str = "field key",
    first_row: int = 2,
    known_isco: Collection[str] | None = None,
) -> pd.DataFrame:
    """Validate a field-of-study → occupation key (studierichting → beroep).

    Args:
        frame: Columns ``field``, ``isco08``, ``share`` and optionally ``level`` (empty or
            ``*`` = every level). Per field (× level) the shares sum to 1.
        source: File name for messages.
        first_row: Row number of the first data row.
        known_isco: Known ISCO-08 codes, or None.

    Returns:
        New frame ``field, level, isco08, share`` (``level`` is ``*`` when not given).

    Raises:
        ForecastInputError: Missing column, unknown code, bad share, duplicate, shares not
            summing to 1.
    """
    _require(frame, ["field", "isco08", "share"], source)
    problems = _Problems(source, first_row)
    fields = _code(frame, "field")
    fields = fields.where(fields.str.len() != 1, "0" + fields)
    problems.add(~fields.map(isced_field_ok).astype(bool), "field", "unknown ISCED-F 2013 field")
    if "level" in frame.columns:
        levels = _code(frame, "level").replace("", "*")
        problems.add(
            ~levels.isin(ISCED_LEVELS | {"*"}), "level", "not an ISCED 2011 level 0–8 or '*'"
        )
    else:
        levels = pd.Series(["*"] * len(frame), dtype="string")
    isco = _code(frame, "isco08")
    _check_isco(isco, "isco08", problems, known_isco)
    shares = _numbers(frame, "share", problems, high=1.0, what="share")
    out = pd.DataFrame(
        {
            "field": fields.to_numpy(),
            "level": levels.to_numpy(),
            "isco08": isco.to_numpy(),
            "share": shares.to_numpy(),
        }
    )
    _duplicates(out, ["field", "level", "isco08"], problems, "field × level × occupation")
    problems.raise_if_any()
    out = _validate_shares(out, ["field", "level"], problems, "field × level")
    return out.sort_values(["field", "level", "isco08"], ignore_index=True)


def is_sample(frame: pd.DataFrame) -> bool:
    """True if a panel says it is sample data (``is_sample`` true or ``source`` has SAMPLE).

    Args:
        frame: A panel as read.

    Returns:
        Whether any row is marked as sample.
    """
    if "is_sample" in frame.columns:
        flags = frame["is_sample"].astype("string").str.strip().str.lower()
        if flags.isin(["1", "true", "yes", "ja"]).any():
            return True
    if "source" in frame.columns:
        return bool(frame["source"].astype("string").str.contains("SAMPLE", na=False).any())
    return False


__all__ = [
    "SHARE_TOLERANCE",
    "SUPPLY_KINDS",
    "is_sample",
    "nace_level",
    "validate_employment",
    "validate_field_key",
    "validate_inflows",
    "validate_occupation_key",
    "validate_school_leavers",
    "validate_separation_rates",
]
