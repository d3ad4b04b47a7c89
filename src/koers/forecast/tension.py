"""Spanningsratio (tension ratio, report 2.2): jobseekers per vacancy, ranked.

The report (2.2, Tables 1 and 2) ranks VDAB occupations by the number of registered jobseekers
interested in the occupation divided by the number of open vacancies, lowest ratio (most
tension, "meeste krapte") first, among occupations with at least 50 vacancies. Table 2 ranks
February 2020 among the occupations that had at least 50 vacancies in April 2021 ("dezelfde
beroepen"), so the period that is filtered may differ from the period that is ranked.

Input format (long, one row per occupation × period), see ``docs/data-formats.md``:

=====================  =========================================================
``occupation``         occupation title (non-empty)
``period``             period label, e.g. ``2021-04`` (non-empty)
``jobseekers``         integer ≥ 0, or empty when unknown (see below)
``vacancies``          integer > 0, or empty when unknown (see below)
``vacancies_at_least`` optional; integer ≥ 0: a known lower bound on the vacancies
=====================  =========================================================

A row whose counts are not published may leave ``jobseekers`` and ``vacancies`` empty if it
gives ``vacancies_at_least``; such a row can decide a minimum-vacancies filter but is never
ranked and is never given a ratio.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

import pandas as pd

from koers.forecast.errors import ForecastInputError, UndeterminedFilter, UnknownPeriod
from koers.forecast.model import TensionRanking, TensionRow, TopComparison

REQUIRED_COLUMNS = ("occupation", "period", "jobseekers", "vacancies")
OPTIONAL_COLUMNS = ("vacancies_at_least",)
_INT = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True, slots=True)
class _Counts:
    jobseekers: int | None
    vacancies: int | None
    vacancies_at_least: int | None


def tension_ratio(jobseekers: int, vacancies: int) -> Fraction:
    """Return the exact spanningsratio (report 2.2).

    Args:
        jobseekers: Registered jobseekers interested in the occupation (≥ 0).
        vacancies: Open vacancies for the occupation (> 0).

    Returns:
        jobseekers / vacancies as an exact fraction; below 1 means more vacancies than
        interested jobseekers.

    Raises:
        ValueError: If ``vacancies`` is not positive or ``jobseekers`` is negative.
    """
    if vacancies <= 0:
        raise ValueError("vacancies must be positive for a tension ratio")
    if jobseekers < 0:
        raise ValueError("jobseekers must not be negative")
    return Fraction(jobseekers, vacancies)


def validate_tension_counts(
    frame: pd.DataFrame, source: str = "input", first_row: int = 2
) -> pd.DataFrame:
    """Validate a jobseekers × vacancies table and return it with typed columns.

    All problems are checked before anything is returned, so nothing is half-loaded.

    Args:
        frame: The table as read, ideally with every column as text (``dtype=str``).
        source: Name of the file, used in error messages.
        first_row: Row number the user sees for the first data row (2 for a CSV file whose
            first line is the header).

    Returns:
        A new frame with columns ``occupation``, ``period`` (str), ``jobseekers``,
        ``vacancies``, ``vacancies_at_least`` (nullable ``Int64``), in input order.

    Raises:
        ForecastInputError: Naming the file, row and column of the first problem: a missing
            column, an empty occupation or period, a non-integer or negative count, zero
            vacancies, a duplicate occupation × period, unknown counts without a lower bound,
            or a lower bound above the known vacancies.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ForecastInputError(
            source,
            f"missing column(s) {', '.join(missing)}; expected {', '.join(REQUIRED_COLUMNS)}",
            column=missing[0],
        )
    has_bound = "vacancies_at_least" in frame.columns
    occupations: list[str] = []
    periods: list[str] = []
    counts: list[_Counts] = []
    seen: dict[tuple[str, str], int] = {}
    columns = [*REQUIRED_COLUMNS, *(OPTIONAL_COLUMNS if has_bound else ())]
    for pos, values in enumerate(frame[columns].itertuples(index=False, name=None)):
        row = first_row + pos
        occupation = _text(values[0])
        period = _text(values[1])
        if not occupation:
            raise ForecastInputError(source, "occupation is empty", row, "occupation")
        if not period:
            raise ForecastInputError(source, "period is empty", row, "period")
        key = (occupation, period)
        if key in seen:
            raise ForecastInputError(
                source,
                f"duplicate occupation × period ('{occupation}', '{period}'), "
                f"first given in row {seen[key]}",
                row,
                "occupation",
            )
        seen[key] = row
        jobseekers = _count(values[2], source, row, "jobseekers")
        vacancies = _count(values[3], source, row, "vacancies")
        bound = _count(values[4], source, row, "vacancies_at_least") if has_bound else None
        if vacancies == 0:
            raise ForecastInputError(
                source,
                "vacancies is 0, so the tension ratio is undefined; leave occupations without "
                "vacancies out of the file",
                row,
                "vacancies",
            )
        if (jobseekers is None) != (vacancies is None):
            column = "jobseekers" if jobseekers is None else "vacancies"
            raise ForecastInputError(
                source, "give both jobseekers and vacancies, or neither", row, column
            )
        if vacancies is None and bound is None:
            raise ForecastInputError(
                source,
                "counts are empty and no vacancies_at_least lower bound is given",
                row,
                "vacancies",
            )
        if vacancies is not None and bound is not None and bound > vacancies:
            raise ForecastInputError(
                source,
                f"vacancies_at_least {bound} exceeds vacancies {vacancies}",
                row,
                "vacancies_at_least",
            )
        occupations.append(occupation)
        periods.append(period)
        counts.append(_Counts(jobseekers, vacancies, bound))
    return pd.DataFrame(
        {
            "occupation": pd.Series(occupations, dtype="object"),
            "period": pd.Series(periods, dtype="object"),
            "jobseekers": pd.array([c.jobseekers for c in counts], dtype="Int64"),
            "vacancies": pd.array([c.vacancies for c in counts], dtype="Int64"),
            "vacancies_at_least": pd.array([c.vacancies_at_least for c in counts], dtype="Int64"),
        }
    )


def rank_tension(
    counts: pd.DataFrame,
    period: str,
    filter_period: str | None = None,
    min_vacancies: int = 50,
    top: int | None = 20,
) -> TensionRanking:
    """Rank occupations by spanningsratio, most tense (lowest ratio) first (report 2.2).

    An occupation is eligible if, in ``filter_period``, its vacancies are at least
    ``min_vacancies`` (a known lower bound ``vacancies_at_least`` ≥ ``min_vacancies`` also
    counts). Eligible occupations are ranked on their counts in ``period``. Ties in the exact
    ratio are broken by occupation title so that the order is stable.

    Args:
        counts: A frame from :func:`validate_tension_counts`.
        period: The period to rank (P).
        filter_period: The period whose vacancies decide eligibility (Q); defaults to P.
        min_vacancies: Minimum vacancies in Q (report: 50).
        top: Keep the first ``top`` rows; None keeps all.

    Returns:
        The ranking; eligible occupations without known counts in P are listed in
        ``unranked`` rather than silently dropped.

    Raises:
        UnknownPeriod: If P or Q does not occur in ``counts``.
        UndeterminedFilter: If an occupation's vacancies in Q are unknown and its lower bound
            is below ``min_vacancies``, so eligibility cannot be decided.
        ValueError: If ``min_vacancies`` or ``top`` is negative.
    """
    if min_vacancies < 0:
        raise ValueError("min_vacancies must not be negative")
    if top is not None and top < 0:
        raise ValueError("top must not be negative")
    q = period if filter_period is None else filter_period
    by_period = _by_period(counts)
    for p in (period, q):
        if p not in by_period:
            raise UnknownPeriod(p, sorted(by_period))
    undetermined: list[str] = []
    eligible_names: list[str] = []
    for occupation, c in by_period[q].items():
        if c.vacancies is not None:
            if c.vacancies >= min_vacancies:
                eligible_names.append(occupation)
        elif c.vacancies_at_least is not None and c.vacancies_at_least >= min_vacancies:
            eligible_names.append(occupation)
        else:
            undetermined.append(occupation)
    if undetermined:
        raise UndeterminedFilter(
            f"cannot apply --min-vacancies {min_vacancies} in period '{q}': vacancies unknown "
            f"and lower bound too low for {len(undetermined)} occupation(s), e.g. "
            f"'{undetermined[0]}'"
        )
    ranked: list[tuple[Fraction, str, int, int]] = []
    unranked: list[str] = []
    in_p = by_period[period]
    for occupation in eligible_names:
        found = in_p.get(occupation)
        if found is None or found.jobseekers is None or found.vacancies is None:
            unranked.append(occupation)
            continue
        ratio = tension_ratio(found.jobseekers, found.vacancies)
        ranked.append((ratio, occupation, found.jobseekers, found.vacancies))
    ranked.sort(key=lambda t: (t[0], t[1]))
    kept = ranked if top is None else ranked[:top]
    rows = tuple(
        TensionRow(occupation=o, jobseekers=j, vacancies=v, ratio=r, rank=i)
        for i, (r, o, j, v) in enumerate(kept, start=1)
    )
    return TensionRanking(
        period=period,
        filter_period=q,
        min_vacancies=min_vacancies,
        rows=rows,
        eligible=len(ranked),
        unranked=tuple(sorted(unranked)),
    )


def compare_top(current: TensionRanking, baseline: TensionRanking) -> TopComparison:
    """Compare two top-N rankings: which occupations stay, enter and leave (report 2.2).

    The report compares its Table 1 (April 2021) with Table 2 (February 2020) this way.

    Args:
        current: Ranking of the later period (its rows are the top N).
        baseline: Ranking of the earlier period.

    Returns:
        The comparison; N is the larger of the two row counts.
    """
    base_rank = {r.occupation: r.rank for r in baseline.rows}
    cur_rank = {r.occupation: r.rank for r in current.rows}
    stayed = tuple(
        (r.occupation, r.rank, base_rank[r.occupation])
        for r in current.rows
        if r.occupation in base_rank
    )
    entered = tuple((r.occupation, r.rank) for r in current.rows if r.occupation not in base_rank)
    left = tuple((r.occupation, r.rank) for r in baseline.rows if r.occupation not in cur_rank)
    return TopComparison(
        period=current.period,
        baseline_period=baseline.period,
        top=max(len(current.rows), len(baseline.rows)),
        stayed=stayed,
        entered=entered,
        left=left,
    )


def below_one(ranking: TensionRanking) -> tuple[int, int]:
    """Count ranked occupations with a spanningsratio below 1 and their vacancies.

    Args:
        ranking: A ranking (use ``top=None`` to count over all eligible occupations).

    Returns:
        ``(occupations, total vacancies)``; the report gives 19 and 5,652 for April 2021.
    """
    tight = [r for r in ranking.rows if r.ratio < 1]
    return len(tight), sum(r.vacancies for r in tight)


def normalise_title(title: str) -> str:
    """Normalise an occupation title for exact matching (NFKC, case-folded, single spaces).

    Args:
        title: A Dutch or English occupation title.

    Returns:
        The normalised key, e.g. ``"Calculator  Bouw "`` → ``"calculator bouw"``.
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(text.replace("\u00a0", " ").split())


def shortage_index(shortage_list: pd.DataFrame) -> dict[str, tuple[str, bool]]:
    """Index the VDAB knelpuntberoepen list by normalised title.

    Args:
        shortage_list: Columns ``vdab_sector``, ``beroep``,
            ``on_ministerial_decree_2025_12_01_list`` (``yes``/``no``).

    Returns:
        ``{normalised beroep: (vdab_sector, on_decree_list)}``.

    Raises:
        ForecastInputError: If a column is missing or the decree flag is not yes/no.
    """
    source = "VDAB knelpuntberoepen list"
    decree = "on_ministerial_decree_2025_12_01_list"
    for column in ("vdab_sector", "beroep", decree):
        if column not in shortage_list.columns:
            raise ForecastInputError(source, "missing column", column=column)
    index: dict[str, tuple[str, bool]] = {}
    for pos, (sector, title, flag) in enumerate(
        shortage_list[["vdab_sector", "beroep", decree]].itertuples(index=False, name=None)
    ):
        value = _text(flag).lower()
        if value not in ("yes", "no"):
            raise ForecastInputError(source, f"expected yes or no, got '{flag}'", pos + 2, decree)
        index.setdefault(normalise_title(_text(title)), (_text(sector), value == "yes"))
    return index


def flag_shortages(
    ranking: TensionRanking, index: Mapping[str, tuple[str, bool]]
) -> TensionRanking:
    """Mark ranked occupations that are on the VDAB knelpuntberoepen list.

    Matching is on the normalised title (:func:`normalise_title`); the ESCO-based mapping of
    the list is a later step.

    Args:
        ranking: A tension ranking.
        index: From :func:`shortage_index`.

    Returns:
        A new ranking whose rows carry ``shortage_list``, ``shortage_decree`` and
        ``vdab_sector``.
    """
    rows = []
    for r in ranking.rows:
        hit = index.get(normalise_title(r.occupation))
        rows.append(
            replace(
                r,
                shortage_list=hit is not None,
                shortage_decree=hit[1] if hit else False,
                vdab_sector=hit[0] if hit else None,
                shortage_match="title" if hit else None,
            )
        )
    return replace(ranking, rows=tuple(rows))


def ranking_records(ranking: TensionRanking) -> list[dict[str, object]]:
    """Turn a ranking into output records ``{occupation, jobseekers, vacancies, tension_ratio}``.

    Shortage fields are added only when the rows were flagged.

    Args:
        ranking: A tension ranking.

    Returns:
        One dict per row, most tense first; ``tension_ratio`` rounded to 2 decimals.
    """
    records: list[dict[str, object]] = []
    for r in ranking.rows:
        record: dict[str, object] = {
            "occupation": r.occupation,
            "jobseekers": r.jobseekers,
            "vacancies": r.vacancies,
            "tension_ratio": r.tension_ratio,
        }
        if r.shortage_list is not None:
            record["shortage_list"] = r.shortage_list
            record["shortage_decree"] = r.shortage_decree
            record["vdab_sector"] = r.vdab_sector
            record["shortage_match"] = r.shortage_match
        records.append(record)
    return records


def _by_period(counts: pd.DataFrame) -> dict[str, dict[str, _Counts]]:
    out: dict[str, dict[str, _Counts]] = {}
    for occupation, period, jobseekers, vacancies, bound in counts[
        ["occupation", "period", "jobseekers", "vacancies", "vacancies_at_least"]
    ].itertuples(index=False, name=None):
        out.setdefault(str(period), {})[str(occupation)] = _Counts(
            _opt_int(jobseekers), _opt_int(vacancies), _opt_int(bound)
        )
    return out


def _opt_int(value: object) -> int | None:
    if value is None or value is pd.NA:
        return None
    return int(str(value))


def _text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value).strip()


def _count(value: object, source: str, row: int, column: str) -> int | None:
    text = _text(value)
    if not text:
        return None
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not _INT.match(text):
        raise ForecastInputError(source, f"'{text}' is not a whole number", row, column)
    number = int(text)
    if number < 0:
        raise ForecastInputError(source, f"{number} is negative", row, column)
    return number


__all__ = [
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "below_one",
    "compare_top",
    "flag_shortages",
    "normalise_title",
    "rank_tension",
    "ranking_records",
    "shortage_index",
    "tension_ratio",
    "validate_tension_counts",
]
