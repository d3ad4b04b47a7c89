"""Bad input for the checks (issue 5 acceptance): an empty CV, a 5 MB CV, binary garbage,
unknown URIs and broken workforce files give clear messages in the CLI, the API and the web
pages, and nothing is stored."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.app import create_app
from koers.bootstrap import build_services
from koers.check import NoForecast
from koers.cli import _context
from koers.cli.main import app
from koers.config import Settings
from koers.store.db import Database

runner = CliRunner()
UNKNOWN = "http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000"
GARBAGE = bytes(range(256)) * 40
BIG_CV = ("Ik werkte twintig jaar als magazijnmedewerker en heftruckchauffeur. " * 80_000).encode()


def demo() -> dict[str, object]:
    raw = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()
    return json.loads(raw)  # type: ignore[no-any-return]


@pytest.fixture()
def client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    web = create_app(services=build_services(settings, sqlite_loaded, outlooks=NoForecast()))
    return TestClient(web)


def token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found
    return found.group(1)


def post_check(client: TestClient, **form: object) -> tuple[int, str]:
    page = client.get("/competentiecheck")
    files = form.pop("files", None)
    response = client.post(
        "/competentiecheck",
        data={"csrf_token": token(page.text), **form},  # type: ignore[dict-item]
        files=files,  # type: ignore[arg-type]
    )
    return response.status_code, response.text


def test_web_citizen_check_bad_input_is_explained(client: TestClient) -> None:
    status, text = post_check(client, cv="   ")
    assert status in (400, 422) and "Waarschuwingslampjes" not in text
    assert "cv" in text.lower()
    # bodies over KOERS_MAX_BODY_BYTES (1 MB) are refused by the request-limits middleware
    # before any page code runs: 413 as a Dutch page, nothing read or stored
    status, text = post_check(client, cv=BIG_CV.decode())
    assert status == 413 and "Dit is te groot" in text and "<html" in text, text[:300]
    status, text = post_check(client, files={"file": ("cv.bin", GARBAGE, "application/pdf")})
    assert status in (400, 422), text[:300]
    assert "Waarschuwingslampjes" not in text
    status, text = post_check(client, files={"file": ("cv.txt", BIG_CV, "text/plain")})
    assert status == 413 and "Dit is te groot" in text, text[:300]
    bad = demo()
    bad["targets"] = [UNKNOWN]
    status, text = post_check(
        client, files={"file": ("p.json", json.dumps(bad).encode(), "application/json")}
    )
    assert status == 422 and UNKNOWN in text, text[:2000]


def test_api_citizen_check_bad_input_is_a_problem(client: TestClient) -> None:
    for body in ({"portfolio": {}}, {"portfolio": demo(), "targets": [UNKNOWN]}):
        response = client.post("/api/v1/check/citizen", json=body)
        assert response.status_code in (404, 422), response.text[:300]
        assert response.headers["content-type"].startswith("application/problem+json")
    response = client.post(
        "/api/v1/check/citizen", json={"portfolio": demo(), "targets": [UNKNOWN]}
    )
    assert UNKNOWN in response.json()["detail"]
    response = client.post(
        "/api/v1/check/citizen", content=GARBAGE, headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422)


@pytest.fixture()
def cli_env(sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    _context.reset()


@pytest.mark.usefixtures("cli_env")
def test_cli_citizen_check_bad_input_exits_2_with_a_message(tmp_path: Path) -> None:
    cases = {
        "empty.json": b"",
        "garbage.json": GARBAGE,
        "big.json": BIG_CV,
        "unknown.json": json.dumps({**demo(), "targets": [UNKNOWN]}).encode(),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = runner.invoke(
            app, ["check", "citizen", "--portfolio", str(path), "--format", "json"]
        )
        assert result.exit_code in (2, 4), (name, result.exit_code, result.output[-500:])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "error" in result.output.lower() and "Traceback" not in result.output, name
    result = runner.invoke(
        app,
        ["check", "citizen", "--portfolio", str(tmp_path / "unknown.json"), "--format", "json"],
    )
    assert UNKNOWN in result.output
