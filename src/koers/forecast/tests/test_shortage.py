"""Mapping Dutch titles to ESCO, conservatively, and flagging shortages via ESCO."""

from __future__ import annotations

from fractions import Fraction

from koers.forecast.model import TensionRanking, TensionRow
from koers.forecast.shortage import flag_shortages_esco, map_titles
from koers.taxonomy import normalise

EXACT = {"verpleegkundige": ["u-nurse"], "koeltechnicus": ["u-cool"], "lasser": ["u-weld"]}


def search(title: str) -> list[tuple[str, str, float]]:
    table = {
        "Technicus koeltechniek": [
            ("u-cool", "koeltechniek", 0.95),
            ("u-x", "x", 0.5),
        ],
        "Bakker brood": [("u-bake", "bakker", 0.8)],
    }
    return table.get(title, [])


def test_map_titles_methods() -> None:
    out = map_titles(
        ["Verpleegkundige", "Lasser / Monteur", "Technicus koeltechniek", "Bakker brood", "Iets"],
        EXACT,
        search,
    )
    assert [m.how for m in out] == ["exact", "exact_part", "search", "none", "none"]
    assert out[0].uris == ("u-nurse",) and out[1].uris == ("u-weld",)
    assert out[2].uris == ("u-cool",) and out[3].uris == ()


def test_flags_via_title_or_esco() -> None:
    rows = tuple(
        TensionRow(title, 10, 20, Fraction(1, 2), i)
        for i, title in enumerate(["Verpleegkundige", "Technicus koeltechniek", "Bakker"], 1)
    )
    ranking = TensionRanking("p", "p", 50, rows, 3)
    flagged = flag_shortages_esco(
        ranking,
        {"verpleegkundige": ("Zorg", False)},
        {"Technicus koeltechniek": ("u-cool",)},
        {"u-cool": ("Techniek", True)},
    )
    got = [
        (r.shortage_list, r.shortage_match, r.vdab_sector, r.shortage_decree) for r in flagged.rows
    ]
    assert got == [
        (True, "title", "Zorg", False),
        (True, "esco", "Techniek", True),
        (False, None, None, False),
    ]


def test_reviewed_rows_come_first_and_the_rest_stays_automatic() -> None:
    reviewed = {"verpleegkundige": ["u-general", "u-general"], "arts": ["u-gp", "u-spec"]}
    out = map_titles(
        ["Verpleegkundige", "Arts", "Lasser / Monteur", "Iets"], EXACT, search, 0.9, reviewed
    )
    # a reviewed row replaces the exact label ("u-nurse"), de-duplicated, in file order
    assert (out[0].how, out[0].uris) == ("reviewed", ("u-general",))
    assert (out[1].how, out[1].uris) == ("reviewed", ("u-gp", "u-spec"))
    # titles without a reviewed row go through the automatic steps as before
    assert (out[2].how, out[2].uris) == ("exact_part", ("u-weld",))
    assert (out[3].how, out[3].uris) == ("none", ())
    # the key is the normalised title: case and accents do not matter
    (again,) = map_titles(["VERPLEEGKUNDIGE"], {}, None, reviewed=reviewed)
    assert again.how == "reviewed"
    # a reviewed title with no occupations is unmapped on purpose: no automatic step runs
    (unmapped,) = map_titles(["Verpleegkundige"], EXACT, search, reviewed={"verpleegkundige": []})
    assert (unmapped.how, unmapped.uris) == ("reviewed_none", ())


def test_a_reviewed_no_match_is_never_searched_nor_flagged() -> None:
    asked: list[str] = []

    def spy(title: str) -> list[tuple[str, str, float]]:
        asked.append(title)
        return [("u-caretaker", "syndicus", 1.0)]

    reviewed: dict[str, list[str]] = {normalise("Syndicus: medewerker syndicus"): []}
    out = map_titles(["Syndicus: medewerker syndicus", "Syndicus"], {}, spy, reviewed=reviewed)
    assert [(m.how, m.uris) for m in out] == [("reviewed_none", ()), ("exact", ("u-caretaker",))]
    assert asked == ["Syndicus"]  # the reviewed title never reached the search
