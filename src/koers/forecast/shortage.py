"""VDAB knelpuntberoepen (shortage occupations) mapped to ESCO via the Dutch labels.

VDAB titles and the report's tension-table titles are Dutch occupation names, not codes. To
flag shortages beyond exact title equality, both are mapped to ESCO occupations:

0. **reviewed**: a row of the reviewed crosswalk (``koers/data/crosswalks/vdab_title_esco.csv``,
   made by hand from the Dutch ESCO labels; read by the service and passed in as ``reviewed``)
   decides the title's occupations; a reviewed title with no occupations (``reviewed_none``)
   stays unmapped on purpose, because ESCO has no fitting occupation and the automatic steps
   would pick a wrong one; the automatic steps below handle every other title;
1. **exact**: the normalised title (lower case, accents folded, punctuation as spaces)
   equals a Dutch preferred, alternative or hidden ESCO label;
2. **exact_part**: a title of the form ``A / B``, ``A of B`` or ``A: B`` has a part that
   matches exactly;
3. **search**: the typo-tolerant label search (Dutch, occupations only) returns a best hit
   scoring at least ``threshold`` (0.9 by default), clearly ahead of the runner-up, whose
   label words all occur in the title (so "Arts" never maps to "artsenbezoeker": a fuzzy or
   compound match on its own is not enough).

Anything else stays unmapped: a missing flag is better than a wrong one. The mapping and its
counts are published in ``docs/forecast-evaluation.md``.

A ranked occupation is flagged when its title is on the list (``title``) or when the ESCO
occupations of its title and of a listed title overlap (``esco``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from koers.forecast.model import TensionRanking
from koers.forecast.tension import normalise_title
from koers.taxonomy import normalise

SearchFn = Callable[[str], Sequence[tuple[str, str, float]]]
"""title → [(occupation uri, matched label, score)], best first."""

DEFAULT_THRESHOLD = 0.9
MIN_LEAD = 0.02
_PARTS = re.compile(r"\s+/\s+|\s+of\s+|/|:\s*")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """How one Dutch occupation title maps to ESCO.

    Attributes:
        title: The title as given.
        uris: ESCO occupation URIs (empty when unmapped).
        how: ``reviewed``, ``reviewed_none`` (unmapped on purpose), ``exact``,
            ``exact_part``, ``search`` or ``none``.
        matched: The ESCO label that matched (for review).
        score: Search score (1.0 for exact matches, 0 when unmapped).
    """

    title: str
    uris: tuple[str, ...]
    how: str
    matched: str = ""
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class ShortageMapping:
    """The VDAB 2026 knelpuntberoepen list mapped to ESCO.

    Attributes:
        matches: One per listed title, in list order.
        sectors: Title → (vdab_sector, on ministerial decree list).
    """

    matches: tuple[TitleMatch, ...]
    sectors: dict[str, tuple[str, bool]]

    @property
    def mapped(self) -> int:
        return sum(1 for m in self.matches if m.uris)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for m in self.matches:
            out[m.how] = out.get(m.how, 0) + 1
        return out

    def by_uri(self) -> dict[str, tuple[str, bool]]:
        out: dict[str, tuple[str, bool]] = {}
        for m in self.matches:
            for uri in m.uris:
                out.setdefault(uri, self.sectors[m.title])
        return out


def map_titles(
    titles: Sequence[str],
    exact: Mapping[str, Sequence[str]],
    search: SearchFn | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    reviewed: Mapping[str, Sequence[str]] | None = None,
) -> list[TitleMatch]:
    """Map Dutch occupation titles to ESCO occupations (conservatively).

    Args:
        titles: Titles to map.
        exact: Normalised Dutch label (:func:`koers.taxonomy.normalise`) → occupation URIs;
            search hits whose matched label equals the title count as exact too.
        search: The label search, or None for exact matching only.
        threshold: Minimum search score to accept.
        reviewed: Normalised title → occupation URIs from the reviewed crosswalk; a title
            found here takes exactly these URIs and skips the automatic steps; an empty
            sequence means "reviewed: no ESCO occupation fits" and leaves the title unmapped.

    Returns:
        One :class:`TitleMatch` per title, in order.
    """
    out: list[TitleMatch] = []
    for title in titles:
        key = normalise(title)
        if reviewed is not None and key in reviewed:
            chosen = tuple(dict.fromkeys(reviewed[key]))
            if chosen:
                out.append(TitleMatch(title, chosen, "reviewed", title, 1.0))
            else:
                out.append(TitleMatch(title, (), "reviewed_none"))
            continue
        hits = list(search(title)) if search is not None else []
        same = sorted(
            set(exact.get(key, ())) | {uri for uri, label, _ in hits if normalise(label) == key}
        )
        if same:
            out.append(TitleMatch(title, tuple(same), "exact", title, 1.0))
            continue
        parts = [p for p in (normalise(p) for p in _PARTS.split(title)) if p]
        part_uris: set[str] = set()
        if len(parts) > 1:
            for part in parts:
                part_uris |= set(exact.get(part, ()))
                if search is not None:
                    part_uris |= {u for u, label, _ in search(part) if normalise(label) == part}
        if part_uris:
            out.append(TitleMatch(title, tuple(sorted(part_uris)), "exact_part", title, 1.0))
            continue
        if hits and hits[0][2] >= threshold:
            lead = hits[0][2] - (hits[1][2] if len(hits) > 1 else 0.0)
            contained = set(normalise(hits[0][1]).split()) <= set(key.split())
            if lead >= MIN_LEAD and contained:
                out.append(TitleMatch(title, (hits[0][0],), "search", hits[0][1], hits[0][2]))
                continue
        out.append(TitleMatch(title, (), "none"))
    return out


def flag_shortages_esco(
    ranking: TensionRanking,
    title_index: Mapping[str, tuple[str, bool]],
    ranking_matches: Mapping[str, Sequence[str]],
    shortage_by_uri: Mapping[str, tuple[str, bool]],
) -> TensionRanking:
    """Flag ranked occupations on the shortage list, by title or via ESCO.

    Args:
        ranking: A tension ranking.
        title_index: From :func:`koers.forecast.tension.shortage_index`.
        ranking_matches: Ranked title → its ESCO occupation URIs.
        shortage_by_uri: ESCO URI → (vdab_sector, on decree list) of the listed titles.

    Returns:
        A new ranking; every row has ``shortage_list``, ``shortage_decree``,
        ``vdab_sector`` and ``shortage_match`` (``title``, ``esco`` or None).
    """
    rows = []
    for r in ranking.rows:
        hit = title_index.get(normalise_title(r.occupation))
        how: str | None = "title" if hit else None
        if hit is None:
            for uri in ranking_matches.get(r.occupation, ()):
                if uri in shortage_by_uri:
                    hit, how = shortage_by_uri[uri], "esco"
                    break
        rows.append(
            replace(
                r,
                shortage_list=hit is not None,
                shortage_decree=hit[1] if hit else False,
                vdab_sector=hit[0] if hit else None,
                shortage_match=how,
            )
        )
    return replace(ranking, rows=tuple(rows))


__all__ = [
    "DEFAULT_THRESHOLD",
    "SearchFn",
    "ShortageMapping",
    "TitleMatch",
    "flag_shortages_esco",
    "map_titles",
]
