from __future__ import annotations

import json
from datetime import date

import pytest

from koers.portfolio import (
    PortfolioInvalid,
    add_found_skills,
    add_occupations,
    dumps,
    from_json,
    from_jsonld,
    loads,
    read_occupation_rows,
    to_json,
    to_jsonld,
)
from koers.portfolio.ports import FoundSkill
from koers.portfolio.tests.fixtures import CARE, NURSE, demo, occupation, skill


def test_platform_json_round_trip() -> None:
    portfolio = demo()
    text = dumps(portfolio)
    assert json.loads(text)["format"] == "koers.portfolio"
    assert "SAMPLE" in json.loads(text)["note"]
    assert loads(text) == portfolio


def test_every_problem_is_listed_with_its_path() -> None:
    raw = to_json(demo())
    raw["claims"][0]["skill"] = "http://example.org/not-esco"
    raw["claims"][1]["acquired"] = "gisteren"
    raw["claims"][2]["source"]["actor_type"] = "neighbour"
    raw["history"][0]["end"] = "2001-01-01"
    raw["targets"] = ["nurse"]
    with pytest.raises(PortfolioInvalid) as info:
        from_json(raw)
    problems = info.value.problems
    assert any(p.startswith("claims[0].skill") for p in problems)
    assert any(p.startswith("claims[1].acquired") for p in problems)
    assert any(p.startswith("claims[2].source.actor_type") for p in problems)
    assert any(p.startswith("history[0].end") for p in problems)
    assert any(p.startswith("targets[0]") for p in problems)
    assert len(problems) == 5


def test_duplicate_ids_and_bad_json_are_refused() -> None:
    raw = to_json(demo())
    raw["claims"][1]["id"] = raw["claims"][0]["id"]
    with pytest.raises(PortfolioInvalid, match="also used by claims"):
        from_json(raw)
    with pytest.raises(PortfolioInvalid, match="not valid JSON"):
        loads("{oops")
    with pytest.raises(PortfolioInvalid, match="must be a JSON object"):
        from_json([1, 2])


def test_partial_dates_read_as_first_day() -> None:
    raw = to_json(demo())
    raw["claims"][0]["acquired"] = "2010-03"
    raw["claims"][0]["last_used"] = "2020"
    claim = from_json(raw).claims[0]
    assert claim.acquired == date(2010, 3, 1)
    assert claim.last_used == date(2020, 1, 1)


def _resolver(key: str) -> str | None:
    return {"2221.1": NURSE, NURSE: NURSE, CARE: CARE}.get(key)


def test_occupation_csv_import_lists_all_row_errors() -> None:
    text = (
        "occupation,start,end,title\n"
        f"{NURSE},2010-01-01,,verpleegkundige\n"
        "9999.9,2001-01-01,2002-01-01,onbekend\n"
        f"{CARE},2005-01-01,2004-01-01,zorg\n"
        ",2001,,leeg\n"
    )
    with pytest.raises(PortfolioInvalid) as info:
        read_occupation_rows(text, "jobs.csv", _resolver)
    problems = info.value.problems
    assert [p.split(",")[0] for p in problems] == ["row 3", "row 4", "row 5"]


def test_occupation_json_import_adds_job_entries() -> None:
    text = json.dumps(
        [
            {"occupation": "2221.1", "start": "2010-01-01", "title": "verpleegkundige"},
            {"occupation": CARE, "start": "2001-01", "end": "2009-12-31"},
        ]
    )
    rows = read_occupation_rows(text, "jobs.json", _resolver)
    portfolio = add_occupations(demo(), rows)
    new = portfolio.history[-2:]
    assert [h.occupation_uri for h in new] == [NURSE, CARE]
    assert len({h.id for h in portfolio.history}) == len(portfolio.history)


def test_found_skills_become_inferred_claims_without_duplicates() -> None:
    found = [
        FoundSkill(skill(1), "already claimed", 0.9, "verpleging"),
        FoundSkill(skill(42), "nieuw", 0.7, "plannen van diensten"),
    ]
    portfolio = add_found_skills(demo(), found, "cv.txt")
    added = portfolio.claims[len(demo().claims) :]
    assert len(added) == 1
    assert added[0].skill_uri == skill(42)
    assert added[0].evidence.excerpt == "plannen van diensten"
    assert added[0].verification.value == "inferred"


def test_jsonld_round_trip_and_elm_terms() -> None:
    portfolio = demo()
    doc = to_jsonld(portfolio, {skill(1): "patiënten verzorgen"})
    assert doc["type"] == "Person"
    achievement = doc["hasClaim"][0]
    assert achievement["type"] == "LearningAchievement"
    related = achievement["learningOutcome"][0]["relatedESCOSkill"][0]
    assert related["id"] == skill(1)
    assert related["prefLabel"]["en"] == "patiënten verzorgen"
    assert achievement["awardedBy"]["awardingDate"].startswith("2010-01-01")
    assert from_jsonld(json.loads(json.dumps(doc))) == portfolio


def test_jsonld_import_of_a_foreign_elm_credential() -> None:
    doc = {
        "type": "Person",
        "fullName": {"en": "Someone"},
        "hasClaim": [
            {
                "type": "LearningAchievement",
                "title": {"en": "Forklift course"},
                "learningOutcome": [
                    {
                        "type": "LearningOutcome",
                        "relatedESCOSkill": [{"id": skill(3)}, {"id": skill(4)}],
                    }
                ],
                "awardedBy": {
                    "awardingBody": [{"legalName": {"en": "Training Ltd"}}],
                    "awardingDate": "2022-05-01T00:00:00Z",
                },
            }
        ],
    }
    portfolio = from_jsonld(doc)
    assert [c.skill_uri for c in portfolio.claims] == [skill(3), skill(4)]
    first = portfolio.claims[0]
    assert first.source.name == "Training Ltd"
    assert first.acquired == date(2022, 5, 1)
    assert first.verification.value == "attested"
    assert len({c.id for c in portfolio.claims}) == 2
    with pytest.raises(PortfolioInvalid):
        from_jsonld({"type": "Organisation"})


def test_occupation_uri_shape() -> None:
    assert occupation(5).startswith("http://data.europa.eu/esco/occupation/")
