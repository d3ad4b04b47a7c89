"""Downloads on "Mijn competenties": the stored portfolio for its owner only (PDF, printable
HTML, ELM JSON-LD, platform JSON), and an unsaved one posted back with its CSRF token."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from koers.access import Role
from koers.portfolio import dumps
from koers.web.pages.citizen import demo_portfolio
from tests.portfolio.test_web_coach import client_with_portfolio, login, register
from tests.portfolio.websupport import Web

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
URL = "/mijn-competenties/download"


def test_owner_downloads_every_form(web: Web) -> None:
    citizen, label = client_with_portfolio(web)
    login(web.client, citizen.email)
    stored = web.portfolios.read(demo_portfolio(), "demo")

    pdf = web.client.get(f"{URL}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"].startswith("attachment;")
    assert ".pdf" in pdf.headers["content-disposition"]

    html = web.client.get(f"{URL}/html")
    assert html.status_code == 200 and label in html.text
    assert "'unsafe-inline'" in html.headers["content-security-policy"]  # its own styles
    assert "script-src 'self'" in html.headers["content-security-policy"]

    jsonld = web.client.get(f"{URL}/jsonld")
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert stored.claims[0].skill_uri in jsonld.text

    own = web.client.get(f"{URL}/json")
    assert web.portfolios.read(own.content, "download") == stored  # round trip, nothing lost


def test_only_the_owner_and_only_a_known_form(web: Web) -> None:
    anonymous = web.client.get(f"{URL}/pdf", follow_redirects=False)
    assert anonymous.status_code in (303, 401)
    _citizen, email = register(web, Role.CITIZEN, "Zonder Portfolio")
    login(web.client, email)
    missing = web.client.get(f"{URL}/pdf", headers={"Accept": "text/html"})
    assert missing.status_code == 404
    assert "portfolio" in missing.text
    assert web.client.get(f"{URL}/docx").status_code == 422


def test_unsaved_portfolio_is_posted_back(web: Web) -> None:
    client = TestClient(web.client.app)
    page = client.get("/mijn-competenties")
    match = CSRF.search(page.text)
    assert match is not None
    body = dumps(web.portfolios.read(demo_portfolio(), "demo"))
    form = {"csrf_token": match.group(1), "kind": "pdf", "portfolio_json": body}
    pdf = client.post(URL, data=form)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    refused = client.post(URL, data={**form, "csrf_token": "x"})
    assert refused.status_code == 403

    broken = client.post(URL, data={**form, "portfolio_json": json.dumps({"claims": 3})})
    assert broken.status_code == 422
    assert "claims" in broken.text


def test_page_offers_the_downloads(web: Web) -> None:
    citizen, _label = client_with_portfolio(web)
    login(web.client, citizen.email)
    page = web.client.get("/mijn-competenties").text
    assert 'href="/mijn-competenties/download/pdf"' in page and "PDF voor bij je cv" in page
    fresh = TestClient(web.client.app)
    token = CSRF.search(fresh.get("/mijn-competenties").text)
    assert token is not None
    shown = fresh.post("/mijn-competenties", data={"csrf_token": token.group(1), "demo": "1"})
    assert 'action="/mijn-competenties/download"' in shown.text
    assert 'name="kind" value="pdf"' in shown.text
