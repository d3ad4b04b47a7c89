"""The reviewed VDAB title → ESCO crosswalk: every row checked against the bundled ESCO v1.1.1
Dutch labels, and its use by the shortage and tension mappings (reviewed first, then automatic)."""

from __future__ import annotations

import csv
import gzip

import pytest

from koers.data import bundled_path
from koers.services.forecast import (
    REPORT_TENSION_FILE,
    SHORTAGE_LIST,
    TITLE_CROSSWALK,
    ForecastService,
    read_table,
    reviewed_title_crosswalk,
)
from koers.taxonomy import normalise

COLUMNS = ["vdab_title", "esco_uri", "esco_label_nl", "isco_code", "basis", "note"]
BASES = {"alt_label", "same_occupation", "narrower"}


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
        esco = occupations.get(r["esco_uri"])
        assert esco is not None, f"{r['vdab_title']}: {r['esco_uri']} is not in ESCO v1.1.1"
        assert r["esco_label_nl"] == esco["preferredLabel"], r
        assert r["isco_code"] == esco["iscoGroup"], r
        assert r["basis"] in BASES, r
        assert r["note"].strip(), f"{r['vdab_title']}: every row says why"


def test_alt_label_rows_name_a_label_of_that_occupation() -> None:
    occupations = esco_occupations()
    for r in crosswalk_rows():
        if r["basis"] != "alt_label":
            continue
        quoted = r["note"].split("'")[1]  # note: ESCO label '<label>' …
        assert normalise(quoted) in labels_of(occupations[r["esco_uri"]]), r


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
            assert (how, uris) == ("reviewed", reviewed[key]), title
        else:
            assert how in {"exact", "exact_part", "search", "none"}, title
    # a title with no reviewed row still goes through the automatic mapping
    assert "landmeter" not in reviewed and mapping["Landmeter"][0] == "exact"
    assert mapping["Verpleegkundige"][0] == "reviewed"
    assert sum(1 for how, uris in mapping.values() if uris) >= 160  # docs: 164 of 228


def test_report_titles_use_the_crosswalk_too(forecast_service: ForecastService) -> None:
    nurse, head, customs = forecast_service.map_report_titles(
        ["Verpleegkundige", "Hoofdverpleegkundige", "Douanedecarant"]
    )
    general = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"
    assert (nurse.how, nurse.uris) == ("reviewed", (general,))
    assert head.how == "exact" and general not in head.uris  # automatic, unchanged
    assert customs.how == "reviewed"  # the report's spelling of "Douanedeclarant"
