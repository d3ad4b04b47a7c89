"""Read and validate a workforce table for the organisation check (personeelsbestand).

Small employers without HR must manage it, so: one simple table, a template and an example
(``koers/examples/workforce_template.csv``, ``workforce_example.csv``), and every row checked
with every problem listed by row and column before anything is processed.

Columns (``docs/data-formats.md``): ``employee`` (an internal id, never a name) or ``group``
(an anonymous group such as "magazijn ploeg A"), ``headcount`` (for a group), ``occupation``
(ESCO URI, ESCO code or a Dutch/English title), ``skills`` (ESCO skill URIs separated by ``;``),
``age_band`` (``<25``, ``25-34``, ``35-44``, ``45-54``, ``55-64``, ``65+``), ``tenure_years``,
``contract_hours`` (per week).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from koers.check.errors import WorkforceInvalid
from koers.check.model import OccupationMatch, WorkforceRow

COLUMNS = (
    "employee",
    "group",
    "headcount",
    "occupation",
    "skills",
    "age_band",
    "tenure_years",
    "contract_hours",
)
MAX_ROWS = 100_000
MAX_HEADCOUNT = 100_000
_BAND = re.compile(r"^\s*(?:(<|-)\s*(\d{2})|(\d{2})\s*-\s*(\d{2})|(\d{2})\s*\+)\s*$")
_SKILL_SPLIT = re.compile(r"[;|\n]+")

Resolver = Callable[[str], OccupationMatch | None]


def parse_age_band(text: str) -> tuple[int | None, int | None] | None:
    """``45-54`` → (45, 54); ``65+`` → (65, None); ``<25`` → (None, 24); bad → ``None``."""
    match = _BAND.match(text)
    if not match:
        return None
    _below, below_n, low, high, plus = match.groups()
    if below_n:
        return None, int(below_n) - 1
    if plus:
        return int(plus), None
    lo, hi = int(low), int(high)
    return (lo, hi) if 14 <= lo <= hi <= 99 else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_workforce(
    frame: pd.DataFrame,
    source: str,
    resolve: Resolver,
    known_skill: Callable[[str], bool],
    title_match_min: float = 0.6,
) -> list[WorkforceRow]:
    """Validate every row of ``frame`` and return them, or raise with every problem.

    Args:
        frame: the table as read (any dtypes; cells are read as text).
        source: file name for messages.
        resolve: occupation text (URI, code or title) → match, ``None`` when nothing fits.
        known_skill: True for an ESCO skill URI of the loaded taxonomy.
        title_match_min: title matches scoring lower are kept but flagged ``uncertain``.

    Raises:
        WorkforceInvalid: all problems, by row (row 1 = header) and column.
    """
    problems: list[tuple[int | None, str | None, str]] = []
    columns = [str(c).strip().lower() for c in frame.columns]
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        problems.append(
            (
                1,
                None,
                f"unknown column(s) {', '.join(unknown)}; allowed: {', '.join(COLUMNS)} "
                "(never put names or other personal details in the file)",
            )
        )
    if "occupation" not in columns:
        problems.append((1, None, "missing column 'occupation'"))
    if "employee" not in columns and "group" not in columns:
        problems.append((1, None, "a column 'employee' (an id) or 'group' is needed"))
    if len(frame) == 0:
        problems.append((None, None, "the file has no rows"))
    if len(frame) > MAX_ROWS:
        problems.append((None, None, f"more than {MAX_ROWS} rows"))
    if problems:
        raise WorkforceInvalid(source, problems)
    frame = frame.set_axis(columns, axis=1)
    records = frame.to_dict(orient="records")
    rows: list[WorkforceRow] = []
    seen: dict[str, int] = {}
    cache: dict[str, OccupationMatch | None] = {}
    for index, record in enumerate(records):
        number = index + 2
        before = len(problems)

        def bad(column: str, message: str, number: int = number) -> None:
            problems.append((number, column, message))

        employee = _cell(record.get("employee"))
        group = _cell(record.get("group"))
        if employee and group:
            bad("group", "give either 'employee' or 'group', not both")
        key = employee or group
        if not key:
            bad("employee", "empty: give an employee id or a group name")
        elif len(key) > 100:
            bad("employee" if employee else "group", "longer than 100 characters")
        elif key in seen:
            bad("employee" if employee else "group", f"'{key}' also on row {seen[key]}")
        else:
            seen[key] = number
        headcount = 1
        raw_count = _cell(record.get("headcount"))
        if raw_count:
            count = _number(raw_count)
            if count is None or count != int(count) or not 1 <= count <= MAX_HEADCOUNT:
                bad("headcount", f"'{raw_count}' is not a whole number from 1 to {MAX_HEADCOUNT}")
            elif employee and count != 1:
                bad("headcount", "an employee row counts 1; use 'group' for several people")
            else:
                headcount = int(count)
        occupation_text = _cell(record.get("occupation"))
        match: OccupationMatch | None = None
        if not occupation_text:
            bad("occupation", "empty: give an ESCO URI, code or job title")
        elif len(occupation_text) > 200:
            bad("occupation", "longer than 200 characters")
        else:
            if occupation_text not in cache:
                cache[occupation_text] = resolve(occupation_text)
            match = cache[occupation_text]
            if match is None:
                bad("occupation", f"no ESCO occupation found for '{occupation_text}'")
            elif match.method == "title" and match.score < title_match_min:
                match = OccupationMatch(
                    match.input,
                    match.uri,
                    match.label,
                    match.method,
                    match.score,
                    match.matched,
                    uncertain=True,
                )
        skills: list[str] = []
        for part in _SKILL_SPLIT.split(_cell(record.get("skills"))):
            part = part.strip()
            if not part:
                continue
            if not known_skill(part):
                bad("skills", f"'{part[:80]}' is not a known ESCO skill URI")
            else:
                skills.append(part)
        band_text = _cell(record.get("age_band"))
        age_min: int | None = None
        if band_text:
            band = parse_age_band(band_text)
            if band is None:
                bad("age_band", f"'{band_text}' is not an age band like 25-34, 45-54 or 65+")
            else:
                age_min = band[0] if band[0] is not None else 15
        tenure: float | None = None
        raw_tenure = _cell(record.get("tenure_years"))
        if raw_tenure:
            tenure = _number(raw_tenure)
            if tenure is None or not 0 <= tenure <= 60:
                bad("tenure_years", f"'{raw_tenure}' is not a number of years from 0 to 60")
                tenure = None
        hours: float | None = None
        raw_hours = _cell(record.get("contract_hours"))
        if raw_hours:
            hours = _number(raw_hours)
            if hours is None or not 0 < hours <= 60:
                bad("contract_hours", f"'{raw_hours}' is not a number of hours from 1 to 60")
                hours = None
        if len(problems) == before and match is not None:
            rows.append(
                WorkforceRow(
                    row=number,
                    key=key,
                    headcount=headcount,
                    occupation=match,
                    skills=tuple(dict.fromkeys(skills)),
                    age_band=band_text,
                    age_min=age_min,
                    tenure_years=tenure,
                    contract_hours=hours,
                )
            )
    if problems:
        raise WorkforceInvalid(source, problems)
    return rows
