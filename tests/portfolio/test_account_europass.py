"""The account's Europass export is the portfolio's ELM export: one Europass document in Koers.

``GET /api/v1/me/export/europass`` and ``/mijn-gegevens/downloaden/europass.jsonld`` give the
same European Learning Model JSON-LD as the portfolio download, with the person's claims.
"""

from __future__ import annotations

from koers.access import Purpose
from koers.portfolio import from_jsonld
from tests.portfolio.test_web_coach import client_with_portfolio, login
from tests.portfolio.websupport import Web


def test_the_account_europass_export_holds_the_persons_claims(web: Web) -> None:
    citizen, _label = client_with_portfolio(web)
    login(web.client, citizen.email)
    route = "tests"
    ids = web.portfolios.portfolios_of(citizen.id, citizen.actor(), Purpose.SELF, route)
    stored = web.portfolios.load(ids[0], citizen.actor(), Purpose.SELF, route).portfolio

    api = web.client.get("/api/v1/me/export/europass")
    assert api.status_code == 200
    assert api.headers["content-type"].startswith("application/ld+json")
    doc = api.json()
    skills = [n["learningOutcome"][0]["relatedESCOSkill"][0]["id"] for n in doc["hasClaim"]]
    assert skills == [c.skill_uri for c in stored.claims] and skills
    assert from_jsonld(doc).claims == stored.claims

    assert doc == web.client.get("/mijn-competenties/download/jsonld").json()
    page = web.client.get("/mijn-gegevens/downloaden/europass.jsonld")
    assert page.headers["content-disposition"].startswith("attachment")
    assert page.json() == doc
