"""Portfolio use cases on the loaded ESCO store: files, imports, exports, bad input."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from koers.check import NoForecast
from koers.portfolio import ActorType, PortfolioInvalid, from_jsonld, loads, parse_portfolio
from koers.services.check import CheckService
from koers.services.extraction import ExtractionService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

AS_OF = date(2026, 11, 1)
WAREHOUSE_WORKER = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"


def example(name: str) -> bytes:
    return resources.files("koers.examples").joinpath(name).read_bytes()


@pytest.fixture(scope="module")
def service(sqlite_loaded: Database) -> PortfolioService:
    checks = CheckService(TaxonomyService(sqlite_loaded), forecast=NoForecast())
    return PortfolioService(sqlite_loaded, checks, extraction=ExtractionService())


def test_demo_example_is_valid_and_labelled_sample(service: PortfolioService) -> None:
    portfolio = service.read(example("demo_citizen_portfolio.json"), "demo.json")
    assert portfolio.sample
    assert "SAMPLE" in json.loads(example("demo_citizen_portfolio.json"))["note"]
    confidences = service.confidences(portfolio, AS_OF)
    forklift = confidences["http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"]
    assert forklift.confidence > 0.9  # verified certificate, used this year, and implied by jobs
    excel = confidences["http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"]
    assert excel.stale
    labels = service.labels(portfolio, "nl")
    assert labels[WAREHOUSE_WORKER] == "magazijnmedewerker"


def test_export_import_round_trips(service: PortfolioService) -> None:
    portfolio = service.read(example("demo_citizen_portfolio.json"), "demo.json")
    doc = service.export_jsonld(portfolio)
    outcome = doc["hasClaim"][0]["learningOutcome"][0]["relatedESCOSkill"][0]
    assert outcome["prefLabel"]["en"] == "operate forklift"
    text = json.dumps(doc)
    assert parse_portfolio(text) == portfolio
    assert from_jsonld(json.loads(text)) == portfolio
    assert service.read(text.encode(), "export.jsonld") == portfolio


def test_html_and_pdf_summary(service: PortfolioService) -> None:
    portfolio = service.read(example("demo_citizen_portfolio.json"), "demo.json")
    html = service.export_html(portfolio, "nl", AS_OF)
    assert "VOORBEELD" in html and "Competentieportfolio" in html
    assert "heftruck besturen" in html or "operate forklift" in html
    pdf = service.export_pdf(portfolio, "nl", AS_OF)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert b"/Count 1" in pdf  # one page


def test_import_occupations_example(service: PortfolioService) -> None:
    portfolio = service.import_occupations(example("occupations_example.csv"), "jobs.csv")
    assert [h.occupation_uri for h in portfolio.history][1] == WAREHOUSE_WORKER
    assert portfolio.history[0].occupation_uri.endswith("eeac6251-1974-42f5-91ed-513c6c883755")
    with pytest.raises(PortfolioInvalid) as info:
        service.import_occupations(b"occupation,start\n9999.99,2001-01-01\nxx,bad\n", "j.csv")
    assert len(info.value.problems) == 3  # unknown code; unknown code + bad date


def test_import_cv_finds_skills_with_their_span(service: PortfolioService) -> None:
    text = "Ik heb tien jaar een heftruck bestuurd en bestellingen verzameld in een magazijn."
    portfolio = service.import_cv(text, document="cv.txt", top=10)
    assert portfolio.claims, "no skill found in a plain warehouse CV"
    claim = portfolio.claims[0]
    assert claim.source.actor_type is ActorType.EXTRACTION
    assert claim.evidence.excerpt and claim.evidence.excerpt in text
    assert claim.verification.value == "inferred"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02binary\xff" * 10, "binary"),
        (b"\xff\xfe\xfd not utf8", "not UTF-8"),
        (b"x" * 5_000_001, "larger than 5 MB"),
        (
            b'{"format": "koers.portfolio", "version": 1, "claims": [{"id": "c1", '
            b'"skill": "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000"}]}',
            "unknown ESCO skill",
        ),
    ],
)
def test_bad_files_give_clear_messages(
    service: PortfolioService, data: bytes, message: str
) -> None:
    with pytest.raises(PortfolioInvalid, match=message):
        service.read(data, "upload.json")


def test_bad_cv_text(service: PortfolioService) -> None:
    with pytest.raises(PortfolioInvalid, match="empty"):
        service.import_cv("  ")
    with pytest.raises(PortfolioInvalid, match="longer than"):
        service.import_cv("woord " * 50_000)


def test_stored_portfolio_versions(service: PortfolioService) -> None:
    from koers.access import Actor, Purpose, Role

    portfolio = loads(example("demo_citizen_portfolio.json").decode())
    stored = service.create("citizen-42", portfolio)
    owner = Actor("citizen-42", Role.CITIZEN)
    loaded = service.load(stored.id, owner, Purpose.SELF, "tests")
    assert loaded.portfolio == portfolio and loaded.version == stored.version
    changed = service.import_cv("Ik plan de diensten van het team.", base=portfolio)
    saved = service.save(stored.id, stored.version, changed, owner, Purpose.SELF, "tests")
    assert saved.version > stored.version
    history = service.history(stored.id, owner, Purpose.SELF, "tests")
    assert history[-1].kind.value == "claim_added"
    assert service.load(stored.id, owner, Purpose.SELF, "tests", upto=stored.version).portfolio == (
        portfolio
    )


def test_no_personal_data_in_logs(
    service: PortfolioService, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    logging.getLogger("koers.guard").warning("guard.visible")
    assert "guard.visible" in caplog.text  # log capture works, so silence below means something
    caplog.clear()
    caplog.set_level(logging.DEBUG)
    secret_name = "Marieke Vandenbroucke-Geheim"
    raw = json.loads(example("demo_citizen_portfolio.json"))
    raw["person"]["display_name"] = secret_name
    raw["preferences"]["likes"] = "graag-werken-met-Geheimwoord"
    portfolio = service.read(json.dumps(raw).encode(), "p.json")
    service.import_cv("Ik ben Marieke Vandenbroucke-Geheim en ik bestuur een heftruck.")
    stored = service.create("owner-log-test", portfolio)
    service.checks.citizen(portfolio, "nl", AS_OF)
    service.export_html(portfolio)
    for record in caplog.records:
        text = record.getMessage() + str(getattr(record, "fields", ""))
        assert "Vandenbroucke" not in text and "Geheimwoord" not in text
    assert stored.id
