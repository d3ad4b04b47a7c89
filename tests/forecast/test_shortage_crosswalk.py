"""The reviewed VDAB title → ESCO crosswalk: every row checked against the bundled ESCO v1.1.1
Dutch labels, and its use by the shortage and tension mappings (reviewed first, then automatic)."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pandas as pd
import pytest

from koers.data import bundled_path
from koers.errors import DataFileError
from koers.services.forecast import (
    REPORT_TENSION_FILE,
    SHORTAGE_LIST,
    TITLE_CROSSWALK,
    ForecastService,
    reviewed_title_crosswalk,
)
from koers.services.tables import read_table
from koers.taxonomy import normalise

COLUMNS = ["vdab_title", "esco_uri", "esco_label_nl", "isco_code", "basis", "note"]
BASES = {"alt_label", "same_occupation", "narrower", "no_match"}
OCCUPATION = "http://data.europa.eu/esco/occupation/"
CONCIERGE = OCCUPATION + "1822bfc2-e735-449f-ba00-ca71eb5c062b"
SYNDIC = "Syndicus: medewerker syndicus"

# automatic mappings found wrong in review (ESCO gives the same Dutch label to another job):
# the reviewed rows must keep every one of them out of the title's occupations
WRONG_AUTOMATIC = {
    "Dierenarts": ["15cc27b1-7358-48ed-9fb8-69ffe9f1fc98", "32ef07df-1b0a-439a-916e-8289eb9f4895"],
    SYNDIC: ["1822bfc2-e735-449f-ba00-ca71eb5c062b"],
    "Audioloog-audicien": ["03b55cb5-9735-4582-8e20-2b1cb76635cb"],
    "Productiemanager": ["03632d98-0ae3-4dd2-941c-3b48de9a0219"],
    "Apotheker: ziekenhuisapotheker": [
        "1b3e150f-8ec1-47e2-a2ef-d02632efe0d5",
        "aa9c6416-6a17-4e2f-a7c4-6d47c205d480",
    ],
    "Machinebouwer": ["fcbb66f5-843b-4152-9ce4-e7b19c2a88d9"],
    "Technoloog medische beeldvorming": ["30641348-f9f2-4fe5-ab8c-fe6ff9931a54"],
    "Brandertechnicus": ["2cad9c6f-0289-4b26-b247-e65c0089f8f4"],
    "Industrieel schilder": ["15620506-fb5d-49cd-87a2-1c9047fb406a"],
    "Winkelmedewerker": ["5d9e63a2-8013-434e-9f92-3b3d54a0c320"],
    "Matrijzenmaker": [
        "5318abf2-2e7b-4d09-ae57-6bd500689ebc",
        "dc14bed4-87ca-4e6c-9f69-458e2689d2d6",
    ],
    "Accountant": ["04f39bfa-bc03-4480-98bc-b18ce4fe4b4b", "44e0c015-309d-4f67-98a3-1e036966ed7f"],
    "Elektrotechnicus": ["631e504f-0db4-4e03-bf90-3f00d550170f"],
    "Veiligheidscoördinator": ["789517fb-95ee-43d1-9530-c2860be1a439"],
    "Verzorgende": ["4edbde9f-218e-49c7-812f-c45262fb4128"],
    "Magazijnmedewerker": ["f84dbfe2-fa6b-43ef-97f5-54c3ad9c631f"],
    "Uitvaartondernemer: uitvaartassistent": ["dc34c345-caf9-4ab7-b496-e18a572194ba"],
}


def crosswalk_rows() -> list[dict[str, str]]:
    with bundled_path(*TITLE_CROSSWALK).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def esco_occupations() -> dict[str, dict[str, str]]:
    with gzip.open(bundled_path("esco", "occupations_nl.csv.gz"), "rt", encoding="utf-8") as f:
        return {row["conceptUri"]: row for row in csv.DictReader(f)}


def labels_of(row: dict[str, str]) -> set[str]:
    found = [row["preferredLabel"], *row["altLabels"].split("\n"), *row["hiddenLabels"].split("\n")]
    return {normalise(label) for label in found if label.strip()}


def test_every_row_names_a_real_esco_occupation_by_its_dutch_label() -> None:
    rows = crosswalk_rows()
    occupations = esco_occupations()
    assert len(rows) >= 50
    pairs = [(r["vdab_title"], r["esco_uri"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "one row per (title, occupation)"
    for r in rows:
        assert r["basis"] in BASES, r
        assert r["note"].strip(), f"{r['vdab_title']}: every row says why"
        if r["basis"] == "no_match":
            assert (r["esco_uri"], r["esco_label_nl"], r["isco_code"]) == ("", "", ""), r
            continue
        esco = occupations.get(r["esco_uri"])
        assert esco is not None, f"{r['vdab_title']}: {r['esco_uri']} is not in ESCO v1.1.1"
        assert r["esco_label_nl"] == esco["preferredLabel"], r
        assert r["isco_code"] == esco["iscoGroup"], r


def test_alt_label_rows_name_a_label_of_that_occupation() -> None:
    occupations = esco_occupations()
    for r in crosswalk_rows():
        if r["basis"] != "alt_label":
            continue
        quoted = r["note"].split("'")[1]  # note: ESCO label '<label>' …
        assert normalise(quoted) in labels_of(occupations[r["esco_uri"]]), r


def test_a_no_match_title_has_no_occupation_rows() -> None:
    rows = crosswalk_rows()
    unmapped = {normalise(r["vdab_title"]) for r in rows if r["basis"] == "no_match"}
    assert normalise(SYNDIC) in unmapped
    mixed = {
        r["vdab_title"] for r in rows if r["esco_uri"] and normalise(r["vdab_title"]) in unmapped
    }
    assert not mixed
    reviewed = reviewed_title_crosswalk()
    assert all(reviewed[key] == () for key in unmapped)  # present, so it wins, but empty


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ("Syndicus,,,,same_occupation,blank by mistake\n", "needs basis no_match"),
        (f"Syndicus,{CONCIERGE},conciërge,5153,no_match,x\n", "needs basis no_match"),
        (
            f"Syndicus,,,,no_match,none fits\nSyndicus,{CONCIERGE},conciërge,5153,alt_label,x\n",
            "with",
        ),
    ],
)
def test_reader_refuses_an_empty_uri_that_is_not_a_no_match(
    rows: str, problem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crosswalk.csv"
    path.write_text(",".join(COLUMNS) + "\n" + rows, encoding="utf-8")
    monkeypatch.setattr("koers.services.forecast.bundled_path", lambda *_: path)
    with pytest.raises(DataFileError, match=problem):
        reviewed_title_crosswalk()


def test_titles_come_from_the_shortage_list_or_the_tension_tables() -> None:
    listing, _ = read_table(bundled_path(*SHORTAGE_LIST))
    report, _ = read_table(REPORT_TENSION_FILE)
    known = {normalise(t) for t in [*listing["beroep"], *report["occupation"]]}
    unknown = {r["vdab_title"] for r in crosswalk_rows() if normalise(r["vdab_title"]) not in known}
    assert not unknown


def test_reader_groups_rows_by_normalised_title() -> None:
    reviewed = reviewed_title_crosswalk()
    assert len(reviewed["arts"]) == 2  # narrower: huisarts and medisch specialist
    assert len(reviewed["verpleegkundige"]) == 1


@pytest.fixture(scope="module")
def mapping(forecast_service: ForecastService) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {m.title: (m.how, m.uris) for m in forecast_service.shortage_mapping().matches}


def test_shortage_mapping_uses_reviewed_rows_first(
    forecast_service: ForecastService, mapping: dict[str, tuple[str, tuple[str, ...]]]
) -> None:
    reviewed = reviewed_title_crosswalk()
    for title, (how, uris) in mapping.items():
        key = normalise(title)
        if key in reviewed:
            assert (how, uris) == ("reviewed" if reviewed[key] else "reviewed_none", reviewed[key])
        else:
            assert how in {"exact", "exact_part", "search", "none"}, title
    # a title with no reviewed row still goes through the automatic mapping
    assert "landmeter" not in reviewed and mapping["Landmeter"][0] == "exact"
    assert mapping["Verpleegkundige"][0] == "reviewed"
    assert sum(1 for how, uris in mapping.values() if uris) >= 160  # docs: 163 of 228


def test_reviewed_rows_keep_the_wrong_automatic_matches_out(
    mapping: dict[str, tuple[str, tuple[str, ...]]],
) -> None:
    for title, wrong in WRONG_AUTOMATIC.items():
        how, uris = mapping[title]
        assert how in {"reviewed", "reviewed_none"}, title
        assert not {OCCUPATION + w for w in wrong} & set(uris), title


def test_a_no_match_title_stays_unmapped_and_flags_nothing(
    forecast_service: ForecastService, mapping: dict[str, tuple[str, tuple[str, ...]]]
) -> None:
    # ESCO labels the caretaker "syndicus"; the automatic mapping flagged every conciërge as a
    # shortage occupation via "Syndicus: medewerker syndicus"
    assert mapping[SYNDIC] == ("reviewed_none", ())
    assert forecast_service.map_report_titles([SYNDIC])[0].uris == ()
    by_uri = forecast_service.shortage_mapping().by_uri()
    assert CONCIERGE not in by_uri
    counts = pd.DataFrame(
        {
            "occupation": ["Conciërge", "Paardentandarts", "Algemeen dierenarts"],
            "period": ["2021-04"] * 3,
            "jobseekers": ["10", "10", "10"],
            "vacancies": ["100", "100", "100"],
            "vacancies_at_least": ["", "", ""],
        }
    )
    ranking, _ = forecast_service.tension(counts, "2021-04", None, 50, None, "review")
    flags = {r.occupation: (r.shortage_list, r.shortage_match) for r in ranking.rows}
    # before the review the first two were flagged via ESCO ("Syndicus", "Dierenarts");
    # the general vet is now flagged through the reviewed "Dierenarts" row
    assert flags == {
        "Conciërge": (False, None),
        "Paardentandarts": (False, None),
        "Algemeen dierenarts": (True, "esco"),
    }


def test_report_titles_use_the_crosswalk_too(forecast_service: ForecastService) -> None:
    nurse, head, customs = forecast_service.map_report_titles(
        ["Verpleegkundige", "Hoofdverpleegkundige", "Douanedecarant"]
    )
    general = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"
    assert (nurse.how, nurse.uris) == ("reviewed", (general,))
    assert head.how == "exact" and general not in head.uris  # automatic, unchanged
    assert customs.how == "reviewed"  # the report's spelling of "Douanedeclarant"
