"""Web pages of the citizen and employer spaces: forms, results, errors, language, labels."""

from __future__ import annotations

import html
import re
import uuid
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.bootstrap import build_services
from koers.check import NoForecast
from koers.config import Settings
from koers.services.accounts import AccountService
from koers.store.db import Database

PASSWORD = "een lang wachtwoord 123"


@pytest.fixture()
def client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    # the shared store may hold forecast runs of other tests: pin the "no forecast" state
    app = create_app(services=build_services(settings, sqlite_loaded, outlooks=NoForecast()))
    return TestClient(app)


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF field in the form"
    return match.group(1)


def test_citizen_check_with_the_sample(client: TestClient) -> None:
    page = client.get("/competentiecheck")
    assert page.status_code == 200
    assert '<label for="file">' in page.text and '<label for="cv">' in page.text
    result = client.post("/competentiecheck", data={"demo": "1", "csrf_token": token(page.text)})
    assert result.status_code == 200, result.text[:500]
    html = result.text
    assert "VOORBEELD" in html and "Waarschuwingslampjes" in html
    assert "magazijnmedewerker" in html and "Jouw actieplan" in html
    assert "geen prognoses" in html
    english = client.post(
        "/competentiecheck?lang=en", data={"demo": "1", "csrf_token": token(page.text)}
    )
    assert "Warning lights" in english.text and "SAMPLE" in english.text


def test_form_without_csrf_is_refused(client: TestClient) -> None:
    client.get("/competentiecheck")
    assert client.post("/competentiecheck", data={"demo": "1"}).status_code == 403


def test_my_skills_upload_shows_confidence_and_sources(client: TestClient) -> None:
    page = client.get("/mijn-competenties")
    demo = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()
    result = client.post(
        "/mijn-competenties",
        data={"csrf_token": token(page.text)},
        files={"file": ("p.json", demo, "application/json")},
    )
    assert result.status_code == 200
    assert "<meter" in result.text and "Voorbeeld Opleidingscentrum" in result.text
    assert "Log in om dit portfolio te bewaren" in result.text


def test_signed_in_citizen_saves_and_sees_the_version(
    client: TestClient, sqlite_loaded: Database, settings: Settings
) -> None:
    email = f"web-{uuid.uuid4().hex[:8]}@example.org"
    AccountService(sqlite_loaded, settings).register(email, PASSWORD, "Webburger")
    login = client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    page = client.get("/mijn-competenties")
    assert "nog geen bewaard portfolio" in page.text
    shown = client.post("/mijn-competenties", data={"demo": "1", "csrf_token": token(page.text)})
    saved = client.post(
        "/mijn-competenties/bewaar",
        data={
            "csrf_token": token(shown.text),
            "portfolio_json": html.unescape(
                re.search(r'name="portfolio_json" value="([^"]*)"', shown.text).group(1)  # type: ignore[union-attr]
            ),
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303, saved.text[:300]
    again = client.get("/mijn-competenties")
    assert "versie" in again.text
    check = client.get("/competentiecheck")
    assert "Waarschuwingslampjes" in check.text


def test_employer_upload_errors_are_listed_on_the_page(client: TestClient) -> None:
    page = client.get("/werkgever/check")
    assert 'href="/api/v1/check/organisation/template"' in page.text
    broken = b"employee,occupation,age_band\nE1,,oud\nE2,magazijnmedewerker,45-54\n"
    result = client.post(
        "/werkgever/check",
        data={"csrf_token": token(page.text)},
        files={"workforce": ("team.csv", broken, "text/csv")},
    )
    assert result.status_code == 422
    assert "Er is niets verwerkt" in result.text and "age_band" in result.text
    demo = client.post("/werkgever/check", data={"demo": "1", "csrf_token": token(page.text)})
    assert demo.status_code == 200
    assert "Toekomstscore" in demo.text and "tweede loopbaanhelft" in demo.text
    assert "VOORBEELD" in demo.text
