"""Spanningsratio per ESCO occupation, from a tension table with VDAB titles (report 2.2).

The report's Tables 1–2 count jobseekers and vacancies per VDAB occupation title. The checks
speak ESCO, so the titles are first mapped to ESCO occupations (by the conservative title
mapping of ``koers.forecast.shortage``, in the service); this module only joins the counts of
the latest period to that mapping. Pure: plain rows in, plain figures out.

An occupation no title maps to gets no figure: its tension is unknown (never 0). When several
titles map to one occupation, their jobseekers and vacancies are added before dividing (the
pooled ratio), and the titles are listed with the figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from koers.check.model import TensionFigure
from koers.messages import Message, message


@dataclass(frozen=True, slots=True)
class TensionCount:
    """One row of a tension table (counts may be unknown: then it gives no ratio)."""

    title: str
    period: str
    jobseekers: int | None
    vacancies: int | None


def period_message(period: str) -> Message | str:
    """``2021-04`` → the month and year as a catalogue message (``check.month.4``: "april 2021"
    in Dutch, "April 2021" in English); other labels are kept as given."""
    year, _, month = period.partition("-")
    if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return message(f"check.month.{int(month)}", year=year)
    return period


def latest_period(counts: Iterable[TensionCount]) -> str | None:
    """The latest period with at least one known ratio (``YYYY-MM`` labels sort by time)."""
    periods = {c.period for c in counts if c.jobseekers is not None and c.vacancies}
    return max(periods) if periods else None


def tension_by_occupation(
    counts: Sequence[TensionCount],
    matches: Mapping[str, Sequence[str]],
    source: Message,
    period: str | None = None,
) -> dict[str, TensionFigure]:
    """ESCO occupation URI → its tension figure in ``period`` (default: the latest).

    Args:
        counts: the tension table's rows.
        matches: VDAB title → the ESCO occupation URIs it maps to (empty = unmapped).
        source: the source with the period (shown to citizens), as a catalogue message.
        period: the period to use; None = :func:`latest_period`.

    Returns:
        One figure per mapped occupation that has known counts in the period; occupations
        without a mapped title or without counts are absent (unknown).
    """
    chosen = period or latest_period(counts)
    if chosen is None:
        return {}
    pooled: dict[str, tuple[int, int, list[str]]] = {}
    for c in counts:
        if c.period != chosen or c.jobseekers is None or not c.vacancies:
            continue
        for uri in dict.fromkeys(matches.get(c.title, ())):
            jobseekers, vacancies, titles = pooled.get(uri, (0, 0, []))
            pooled[uri] = (jobseekers + c.jobseekers, vacancies + c.vacancies, [*titles, c.title])
    return {
        uri: TensionFigure(
            ratio=jobseekers / vacancies,
            jobseekers=jobseekers,
            vacancies=vacancies,
            period=chosen,
            titles=tuple(titles),
            source=source,
        )
        for uri, (jobseekers, vacancies, titles) in pooled.items()
    }


__all__ = [
    "TensionCount",
    "latest_period",
    "period_message",
    "tension_by_occupation",
]
