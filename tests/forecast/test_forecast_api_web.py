"""``/api/v1/forecast`` and the analyst pages ``/analist`` on a stored SAMPLE run."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import make_database

from koers.access import Role
from koers.app import create_app
from koers.config import Settings
from koers.forecast.model import RunInfo
from koers.http.deps import get_forecast
from koers.services.accounts import AccountService
from koers.services.forecast import ForecastService
from koers.store.db import Database

Runs = tuple[list[RunInfo], Path]


@pytest.fixture()
def client(
    sqlite_loaded: Database,
    settings: Settings,
    forecast_runs: Runs,
    forecast_service: ForecastService,
) -> TestClient:
    app = create_app(settings, sqlite_loaded)
    app.dependency_overrides[get_forecast] = lambda: forecast_service  # warmed-up mapping
    forecast_service.shortage_mapping()
    return TestClient(app)


def test_runs_and_latest(client: TestClient, forecast_runs: Runs) -> None:
    latest = client.get("/api/v1/forecast/runs/latest").json()
    assert [r["scenario"] for r in latest] == ["trend", "groei"]
    assert latest[0]["is_sample"] is True and "id" not in latest[0]
    assert latest[0]["run_key"] == forecast_runs[0][0].run_key


def test_outlook_endpoint(client: TestClient) -> None:
    body = client.get("/api/v1/forecast/outlook", params={"occupation": "2221"}).json()
    assert body["code"] == "222" and body["degree_key"] in {
        "strong_decline",
        "decline",
        "stable",
        "growth",
        "strong_growth",
    }
    forecast = [p for p in body["points"] if p["is_forecast"]]
    assert len(forecast) == 3
    assert all(p["lo80"] <= p["employment"] <= p["hi80"] for p in forecast)
    missing = client.get("/api/v1/forecast/outlook", params={"occupation": "nonsense"})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_units_and_backtest(client: TestClient, forecast_runs: Runs) -> None:
    key = forecast_runs[0][0].run_key
    sectors = client.get(f"/api/v1/forecast/runs/{key}/sectors").json()
    assert len(sectors) == 39  # 38 sectors and the total
    qa = client.get(f"/api/v1/forecast/runs/{key}/sectors/QA").json()
    assert qa["points"][-1]["naive"] is not None
    assert client.get(f"/api/v1/forecast/runs/{key}/regions").status_code == 422
    bt = client.get(f"/api/v1/forecast/runs/{key}/backtest").json()
    assert set(bt["sectors"]["overall"]) == {"koers", "naive", "drift"}


def test_tension_report_and_upload(client: TestClient) -> None:
    body = client.get("/api/v1/forecast/tension", params={"period": "2021-04"}).json()
    assert body["is_report"] is True and len(body["rows"]) == 20
    assert body["rows"][0]["occupation"] == "Hoofdverpleegkundige"
    assert body["rows"][0]["tension_ratio"] == 0.22  # as printed in the report
    assert body["shortage_list_size"] == 228 and body["shortage_list_mapped"] >= 100
    table2 = client.get(
        "/api/v1/forecast/tension", params={"period": "2020-02", "filter_period": "2021-04"}
    ).json()
    assert table2["period"] == "2020-02" and len(table2["rows"]) == 20
    csv = "occupation,period,jobseekers,vacancies\nLasser,2024-01,10,100\nKok,2024-01,-1,60\n"
    bad = client.post("/api/v1/forecast/tension", files={"file": ("c.csv", csv, "text/csv")})
    assert bad.status_code == 422 and "row 3" in bad.json()["detail"]
    good = client.post(
        "/api/v1/forecast/tension",
        files={"file": ("c.csv", csv.replace("-1", "30"), "text/csv")},
    ).json()
    assert [r["occupation"] for r in good["rows"]] == ["Lasser", "Kok"]


PASSWORD = "een lang wachtwoord 123"


def sign_in(client: TestClient, role: Role) -> str:
    """Register and sign in an account with ``role``; returns its CSRF token."""
    accounts: AccountService = client.app.state.services.accounts  # type: ignore[attr-defined]
    email = f"{role.value}-{uuid.uuid4().hex[:8]}@example.org"
    accounts.register(email, PASSWORD, role.value.title(), role=role)
    response = client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    return str(response.json()["csrf_token"])


def test_adjustment_round_trip(
    client: TestClient, forecast_runs: Runs, forecast_service: ForecastService
) -> None:
    run = forecast_runs[0][0]
    extremes = forecast_service.skill_extremes(run, 2)
    uri = extremes["declining"][0][0]
    body = {
        "skill_uri": uri,
        "source": "employer_survey",
        "kind": "ex_post",
        "author": "Werkgeversbevraging 2026",
        "made_on": "2026-05-01",
        "reason": "Bevestigd door de bevraging.",
    }
    url = "/api/v1/forecast/skills/adjustments"
    before = len(
        client.get("/api/v1/forecast/skills/indicator", params={"uri": uri}).json()["adjustments"]
    )
    assert client.post(url, json=body).status_code == 401  # nobody signed in
    citizen_csrf = sign_in(client, Role.CITIZEN)
    refused = client.post(url, json=body, headers={"X-CSRF-Token": citizen_csrf})
    assert refused.status_code == 403 and "analyst" in refused.json()["detail"]
    csrf = sign_in(client, Role.ANALYST)
    assert client.post(url, json=body).status_code == 403  # no CSRF header
    after_refusals = client.get("/api/v1/forecast/skills/indicator", params={"uri": uri}).json()
    assert len(after_refusals["adjustments"]) == before  # nothing stored by a refused write
    made = client.post(url, json=body, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201
    body = client.get("/api/v1/forecast/skills/indicator", params={"uri": uri}).json()
    assert body["adjusted_degree"] == body["degree"]  # ex post: a note, not a change
    assert body["adjustments"][-1]["author"] == "Werkgeversbevraging 2026"


PAGES = [
    "/analist",
    "/analist?scenario=groei",
    "/analist/sector/QA",
    "/analist/sector/TOTAL",
    "/analist/beroepen",
    "/analist/beroepen?sort=prospects",
    "/analist/beroep/222",
    "/analist/competenties",
    "/analist/competenties?q=verpleegkunde",
    "/analist/backtest",
    "/analist/spanning",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_accessible_charts(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text[:500]
    html = page.text
    assert '<html lang="nl">' in html
    for svg in re.findall(r"<svg class=\"chart\".*?</svg>", html, flags=re.S):
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "<script" not in html.split("</header>")[1]  # no JavaScript needed
    assert "<style" not in html  # styles come from /analist/analyst.css (CSP: style-src self)
    if url != "/analist/spanning":
        assert "Voorbeelddata." in html  # the sample run says it is a sample


def test_overview_has_chart_table_and_backtest(client: TestClient) -> None:
    html = client.get("/analist").text
    assert "<polygon" in html and "band80" in html  # interval band
    assert '<details class="data-table">' in html  # the data table alternative
    assert "MASE" in html and "Naïef (niets verandert)" in html
    english = client.get("/analist?lang=en").text
    assert "Sample data." in english and "Labour-market forecasts" in english


def test_tension_page_shows_source_and_flags(client: TestClient) -> None:
    html = client.get("/analist/spanning?period=2021-04").text
    assert "Hoofdverpleegkundige" in html and "tabellen 1 en 2" in html
    assert "via ESCO-beroep" in html
    upload = client.post(
        "/analist/spanning",
        files={"file": ("x.csv", "occupation,period\nA,1\n", "text/csv")},
    )
    assert upload.status_code == 422 and "missing column" in upload.text


def test_skill_page_and_adjustment_form(
    client: TestClient, forecast_runs: Runs, forecast_service: ForecastService
) -> None:
    run = forecast_runs[0][0]
    uri = forecast_service.skill_extremes(run, 1)["growing"][0][0]
    html = client.get("/analist/competenties", params={"uri": uri}).text
    assert "Model zegt" in html and 'name="author"' not in html  # anonymous: no form
    assert "Alleen een analist" in html
    form = {
        "uri": uri,
        "source": "expert_panel",
        "kind": "ex_post",
        "author": "Iemand",
        "made_on": "2026-06-01",
        "reason": "Zonder rol.",
    }
    anonymous = client.post("/analist/competenties/aanpassing", data=form)
    assert anonymous.status_code in (401, 403)
    sign_in(client, Role.COACH)
    assert client.post("/analist/competenties/aanpassing", data=form).status_code == 403
    sign_in(client, Role.ANALYST)
    html = client.get("/analist/competenties", params={"uri": uri}).text
    assert 'name="author"' in html
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert csrf is not None
    saved = client.post(
        "/analist/competenties/aanpassing",
        data={
            "csrf_token": csrf.group(1),
            "uri": uri,
            "source": "expert_panel",
            "kind": "ex_ante",
            "degree_delta": "0",
            "author": "Expertenpanel zorg",
            "made_on": "2026-06-01",
            "reason": "Geen wijziging nodig.",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert "Expertenpanel zorg" in client.get(saved.headers["location"]).text


def test_stylesheet(client: TestClient) -> None:
    css = client.get("/analist/analyst.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ".chart .band80" in css.text


def test_no_run_yet(tmp_path: Path, request: pytest.FixtureRequest, settings: Settings) -> None:
    database = make_database("sqlite", tmp_path, request)
    client = TestClient(create_app(settings, database))
    assert "nog geen prognose" in client.get("/analist").text
    assert client.get("/api/v1/forecast/runs/latest").status_code == 404
    database.dispose()
