"""CV files through the API (``POST /api/v1/portfolio/import/cv-file``), the CLI
(``koers portfolio import-cv --input cv.pdf``) and the web, with URIs validated once per
request."""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.access import Purpose
from koers.app import create_app
from koers.bootstrap import build_services
from koers.cli import _context
from koers.cli.main import app as cli
from koers.config import Settings
from koers.portfolio import (
    FoundSkill,
    Portfolio,
)
from koers.services import portfolio as svc
from koers.services.check import CheckService
from koers.store.db import Database
from tests.portfolio.docs_factory import docx, pdf, scanned_pdf
from tests.portfolio.websupport import make_web

FORKLIFT = "http://data.europa.eu/esco/skill/5d2e82cc-5943-4218-a459-a1956fad2b63"
TEAM = "http://data.europa.eu/esco/skill/fe29e658-7cad-4b70-a169-10a240ec0bef"
runner = CliRunner()


class KeywordFinder:
    def find(self, text: str, top: int) -> Sequence[FoundSkill]:
        table = {"heftruck": FORKLIFT, "ploeg": TEAM}
        return [FoundSkill(uri, k, 0.9, k) for k, uri in table.items() if k in text][:top]


@pytest.fixture()
def client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    web = create_app(services=build_services(settings, sqlite_loaded, finder=KeywordFinder()))
    return TestClient(web)


def post(client: TestClient, name: str, data: bytes, **params: int) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = client.post(
        "/api/v1/portfolio/import/cv-file", params=params, files={"file": (name, data)}
    )
    return response.status_code, response.json()


def test_api_reads_pdf_and_docx(client: TestClient) -> None:
    for name, data in (
        ("cv.pdf", pdf("Ik reed met de heftruck.", "Ik werk graag in een ploeg.")),
        ("cv.docx", docx(["Ik reed met de heftruck.", "Ik werk graag in een ploeg."])),
    ):
        status, body = post(client, name, data)
        assert status == 200, body
        assert body["format"] == "koers.portfolio"
        claims = {c["skill"]: c for c in body["claims"]}
        assert set(claims) == {FORKLIFT, TEAM}
        assert claims[FORKLIFT]["evidence"]["excerpt"] == "heftruck"
        assert claims[FORKLIFT]["evidence"]["title"] == name
        assert claims[FORKLIFT]["source"]["actor_type"] == "extraction"
    status, body = post(client, "cv.pdf", pdf("heftruck en ploeg"), top=1)
    assert status == 200 and len(body["claims"]) == 1


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("leeg.pdf", b"", "empty"),
        ("scan.pdf", scanned_pdf(), "no text layer"),
        ("geheim.pdf", pdf("x", password="geheim wachtwoord"), "password"),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word"),
        ("cv.pdf", bytes(range(256)) * 20, "not a PDF"),
    ],
)
def test_api_refusals_are_problems_naming_the_problem(
    client: TestClient, name: str, data: bytes, words: str
) -> None:
    status, body = post(client, name, data)
    assert status == 422 and body["code"] == "document_unreadable"
    assert words in body["detail"] and name in body["detail"]


def test_api_over_the_body_limit_is_413(client: TestClient) -> None:
    status, body = post(client, "cv.pdf", b"%PDF-1.4\n" + b"0" * 1_100_000)
    assert status == 413 and "1048576" in body["detail"]


def test_api_route_is_documented(client: TestClient) -> None:
    operation = client.get("/api/v1/openapi.json").json()["paths"][
        "/api/v1/portfolio/import/cv-file"
    ]
    assert "multipart/form-data" in operation["post"]["requestBody"]["content"]
    assert {"413", "422"} <= set(operation["post"]["responses"])


@pytest.fixture()
def cli_env(sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    _context.reset()


@pytest.mark.usefixtures("cli_env")
def test_cli_import_cv_reads_a_pdf(tmp_path: Path) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(pdf("Magazijnmedewerker. Ik bestuur een heftruck en laad vrachtwagens."))
    out = tmp_path / "p.json"
    result = runner.invoke(cli, ["portfolio", "import-cv", "--input", str(cv), "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = json.loads(out.read_text())
    assert body["claims"] and all(c["evidence"]["title"] == "cv.pdf" for c in body["claims"])
    assert all(c["evidence"]["excerpt"] for c in body["claims"])


@pytest.mark.usefixtures("cli_env")
def test_cli_refusals_exit_2_and_write_nothing(tmp_path: Path) -> None:
    cases = {
        "scan.pdf": (scanned_pdf(), "no text layer"),
        "cv.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Word"),
        "leeg.txt": (b"", "empty"),
        "groot.txt": (b"heftruck " * 600_000, "larger than 5 MB"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = tmp_path / f"{name}.json"
        result = runner.invoke(
            cli, ["portfolio", "import-cv", "--input", str(path), "-o", str(out)]
        )
        assert result.exit_code == 2, (name, result.output)
        assert words in result.output and "Traceback" not in result.output
        assert not out.exists()


def counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count the calls of ``owner.name`` (one list item per call)."""
    calls: list[int] = []
    original: Callable[..., object] = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_uris_are_validated_once_per_request_along_the_cv_import(
    sqlite_loaded: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    web = make_web(sqlite_loaded, settings, KeywordFinder())
    email = f"cv-{uuid.uuid4().hex[:8]}@example.org"
    account = web.accounts.register(email, "een lang wachtwoord 123", "Cv")
    web.portfolios.create(account.id, Portfolio())
    login = {"email": email, "password": "een lang wachtwoord 123"}
    assert web.client.post("/api/v1/accounts/login", json=login).status_code == 200
    cv = ("cv.pdf", pdf("Ik reed met de heftruck.", "Ik werk graag in een ploeg."))
    lookups = counting(monkeypatch, CheckService, "catalogue")
    validations = counting(monkeypatch, svc, "validate_uris")

    api = web.client.post("/api/v1/portfolio/import/cv-file", files={"file": cv})
    assert api.status_code == 200 and len(api.json()["claims"]) == 2
    assert len(lookups) == 1  # not once per found skill

    page = web.client.get("/mijn-competenties")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    review = web.client.post(
        "/mijn-competenties", data={"csrf_token": csrf.group(1)}, files={"cv_file": cv}
    )
    assert review.status_code == 200
    found = re.search(r'name="portfolio_json" value="([^"]+)"', review.text)
    assert found
    lookups.clear()
    saved = web.client.post(
        "/mijn-competenties/bewaar",
        data={
            "csrf_token": csrf.group(1),
            "mode": "import",
            "portfolio_json": html.unescape(found.group(1)),
            "version": "1",
            "keep": re.findall(r'name="keep" value="([^"]+)"', review.text),
            "document": "cv.pdf",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert len(validations) == 1 and len(lookups) == 1  # the import read, not the merge again
    ids = web.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    stored = web.portfolios.load(ids[0], account.actor(), Purpose.SELF, "/tests")
    assert {c.skill_uri for c in stored.portfolio.claims} == {FORKLIFT, TEAM}
