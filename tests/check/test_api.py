"""HTTP API of the checks and portfolios: stateless calls, stored portfolios behind sign-in."""

from __future__ import annotations

import json
import uuid
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from koers.access import Role
from koers.app import create_app
from koers.bootstrap import build_services
from koers.check import NoForecast
from koers.config import Settings
from koers.services.accounts import AccountService
from koers.store.db import Database

PASSWORD = "een lang wachtwoord 123"


@pytest.fixture()
def sqlite_client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    # the shared store may hold forecast runs of other tests: pin the "no forecast" state
    app = create_app(services=build_services(settings, sqlite_loaded, outlooks=NoForecast()))
    return TestClient(app)


def example(name: str) -> bytes:
    return resources.files("koers.examples").joinpath(name).read_bytes()


def demo() -> dict[str, object]:
    return json.loads(example("demo_citizen_portfolio.json"))


def test_citizen_check_is_stateless_and_complete(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/v1/check/citizen", json={"portfolio": demo(), "as_of": "2026-11-01"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["sample"] is True
    assert body["forecast"]["loaded"] is False
    assert body["fits"][0]["forecast"]["outlook"] is None
    assert {w["code"] for w in body["warnings"]} >= {"long_tenure", "stale_skills"}
    assert len(body["answers"]) == 6 and body["plan"][0]["order"] == 1


def test_bad_portfolio_is_a_problem_listing_every_path(sqlite_client: TestClient) -> None:
    bad = demo()
    bad["claims"][0]["skill"] = "nope"  # type: ignore[index]
    bad["history"][0]["start"] = "gisteren"  # type: ignore[index]
    response = sqlite_client.post("/api/v1/check/citizen", json={"portfolio": bad})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    detail = response.json()["detail"]
    assert "claims[0].skill" in detail and "history[0].start" in detail


def test_organisation_upload_template_and_broken_rows(sqlite_client: TestClient) -> None:
    response = sqlite_client.post(
        "/api/v1/check/organisation",
        files={"workforce": ("team.csv", example("workforce_example.csv"), "text/csv")},
    )
    assert response.status_code == 200, response.text
    assert response.json()["headcount"] == 13
    template = sqlite_client.get("/api/v1/check/organisation/template")
    assert template.text.startswith("employee,group") and "csv" in template.headers["content-type"]
    broken = b"employee,occupation,age_band\nE1,,oud\nE1,magazijnmedewerker,45-54\n"
    response = sqlite_client.post(
        "/api/v1/check/organisation", files={"workforce": ("team.csv", broken, "text/csv")}
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "row 2, column 'occupation'" in detail and "row 3, column 'employee'" in detail


def test_portfolio_helpers(sqlite_client: TestClient) -> None:
    ok = sqlite_client.post("/api/v1/portfolio/validate", json=demo())
    assert ok.json() == {"claims": 6, "history": 3, "sample": True}
    conf = sqlite_client.post("/api/v1/portfolio/confidence?as_of=2026-11-01", json=demo()).json()
    assert conf[0]["confidence"] >= conf[-1]["confidence"] and conf[0]["why"]
    jsonld = sqlite_client.post("/api/v1/portfolio/export?to=jsonld", json=demo())
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    back = sqlite_client.post("/api/v1/portfolio/validate", json=jsonld.json())
    assert back.json()["claims"] == 6
    html = sqlite_client.post("/api/v1/portfolio/export?to=html", json=demo())
    assert "VOORBEELD" in html.text
    pdf = sqlite_client.post("/api/v1/portfolio/export?to=pdf", json=demo())
    assert pdf.content.startswith(b"%PDF")
    jobs = sqlite_client.post(
        "/api/v1/portfolio/import/occupations",
        files={"file": ("jobs.csv", example("occupations_example.csv"), "text/csv")},
    )
    assert len(jobs.json()["history"]) == 2
    empty_cv = sqlite_client.post("/api/v1/portfolio/import/cv", json={"text": "   "})
    assert empty_cv.status_code == 422


def test_stored_portfolio_needs_sign_in_and_consent(
    sqlite_client: TestClient, sqlite_loaded: Database, settings: Settings
) -> None:
    assert sqlite_client.get("/api/v1/portfolio/mine").status_code == 401
    accounts = AccountService(sqlite_loaded, settings)
    tag = uuid.uuid4().hex[:8]
    citizen = accounts.register(f"burger-{tag}@example.org", PASSWORD, "Burger")
    accounts.register(f"coach-{tag}@example.org", PASSWORD, "Coach", role=Role.COACH)
    login = sqlite_client.post(
        "/api/v1/accounts/login", json={"email": citizen.email, "password": PASSWORD}
    )
    csrf = {"X-CSRF-Token": login.json()["csrf_token"]}
    created = sqlite_client.post("/api/v1/portfolio", json=demo(), headers=csrf)
    assert created.status_code == 201, created.text
    pid, version = created.json()["id"], created.json()["version"]
    edited = demo()
    edited["claims"] = edited["claims"][1:]  # type: ignore[index]
    saved = sqlite_client.put(
        f"/api/v1/portfolio/{pid}",
        json={"expected_version": version, "portfolio": edited},
        headers=csrf,
    )
    assert saved.status_code == 200, saved.text
    stale = sqlite_client.put(
        f"/api/v1/portfolio/{pid}",
        json={"expected_version": version, "portfolio": demo()},
        headers=csrf,
    )
    assert stale.status_code == 409
    old = sqlite_client.get(f"/api/v1/portfolio/{pid}?upto={version}").json()
    assert len(old["portfolio"]["claims"]) == 6
    history = sqlite_client.get(f"/api/v1/portfolio/{pid}/history").json()
    assert history[-1]["kind"] == "claim_withdrawn"
    coach = TestClient(sqlite_client.app)
    coach.post(
        "/api/v1/accounts/login", json={"email": f"coach-{tag}@example.org", "password": PASSWORD}
    )
    refused = coach.get(f"/api/v1/portfolio/{pid}?purpose=coaching")
    assert refused.status_code == 403
