"""CV files through the API (``POST /api/v1/portfolio/import/cv-file``), the CLI
(``koers portfolio import-cv --input cv.pdf``) and the service's merge of a reviewed import."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.app import create_app
from koers.bootstrap import build_services
from koers.cli import _context
from koers.cli.main import app as cli
from koers.config import Settings
from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    FoundSkill,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
)
from koers.services.portfolio import already_imported, merge_import
from koers.store.db import Database
from tests.portfolio.docs_factory import docx, pdf, scanned_pdf

FORKLIFT = "http://data.europa.eu/esco/skill/5d2e82cc-5943-4218-a459-a1956fad2b63"
TEAM = "http://data.europa.eu/esco/skill/fe29e658-7cad-4b70-a169-10a240ec0bef"
WAREHOUSE = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
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


def test_merge_adds_only_kept_items_and_never_twice() -> None:
    mine = SkillClaim("c1", FORKLIFT, Source(ActorType.SELF), Evidence(EvidenceType.NONE))
    job = HistoryEntry("h1", HistoryKind.JOB, "Magazijnier", occupation_uri=WAREHOUSE)
    base = Portfolio(claims=(mine,), history=(job,))
    extraction = Source(ActorType.EXTRACTION, "Koers")
    found = Portfolio(
        claims=(
            SkillClaim(
                "c1",
                FORKLIFT,
                extraction,
                Evidence(EvidenceType.DOCUMENT_EXCERPT, "cv", "heftruck"),
            ),
            SkillClaim(
                "c2",
                TEAM,
                Source(ActorType.VDAB),
                Evidence(EvidenceType.DOCUMENT_EXCERPT, "cv", "ploeg"),
                VerificationLevel.VERIFIED,
            ),
        ),
        history=(
            HistoryEntry("h1", HistoryKind.JOB, "Magazijnier", occupation_uri=WAREHOUSE),
            HistoryEntry(
                "h2", HistoryKind.JOB, "Heftrucker", occupation_uri=WAREHOUSE, organisation="X"
            ),
        ),
    )
    assert already_imported(base, found) == {"c1", "h1"}
    merged = merge_import(base, found, {"c1", "c2", "h1", "h2"})
    assert merged.claims[0] == mine and len(merged.claims) == 2
    added = merged.claims[1]
    assert added.skill_uri == TEAM and added.id == "c2"
    assert added.source.actor_type is ActorType.EXTRACTION  # never the source the import claimed
    assert added.verification is VerificationLevel.INFERRED
    assert added.evidence.excerpt == "ploeg"
    assert [h.title for h in merged.history] == ["Magazijnier", "Heftrucker"]
    assert merged.history[1].id == "h2"
    assert merge_import(base, found, set()) == base
