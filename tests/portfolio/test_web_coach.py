"""Coach space in the web: clients with consent, a client's portfolio and check through the
personal-data gate (purpose coaching); refusals are audited; other roles get 403."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from importlib import resources

from fastapi.testclient import TestClient

from koers.access import Account, GranteeKind, Resource, Role
from tests.portfolio.websupport import Web

PASSWORD = "een lang wachtwoord 123"


def register(web: Web, role: Role = Role.CITIZEN, name: str = "Burger") -> tuple[Account, str]:
    email = f"{role.value}-{uuid.uuid4().hex[:8]}@example.org"
    return web.accounts.register(email, PASSWORD, name, role=role), email


def login(client: TestClient, email: str) -> None:
    response = client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200


def client_with_portfolio(web: Web) -> tuple[Account, str]:
    """A citizen with the (fictitious) demo portfolio stored; returns one of its skill labels."""
    citizen, _ = register(web, Role.CITIZEN, "Anna Cliënt")
    demo = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()
    portfolio = web.portfolios.read(demo, "demo_citizen_portfolio.json")
    web.portfolios.create(citizen.id, portfolio)
    labels = web.portfolios.labels(portfolio, "nl")
    return citizen, labels[portfolio.claims[0].skill_uri]


def grant(web: Web, citizen: Account, coach_email: str, parts: list[Resource]) -> None:
    until = date.today() + timedelta(days=30)
    web.consents.grant_consent(citizen, GranteeKind.USER, coach_email, parts, until, "/tests")


def test_coach_with_consent_sees_client_and_skills(web: Web) -> None:
    citizen, label = client_with_portfolio(web)
    _coach, coach_email = register(web, Role.COACH, "Coach Kees")
    grant(web, citizen, coach_email, [Resource.PORTFOLIO, Resource.CHECKS, Resource.CONTACT])
    login(web.client, coach_email)

    home = web.client.get("/coach")
    assert home.status_code == 200
    assert "Anna Cliënt" in home.text
    assert f"/coach/client/{citizen.id}" in home.text
    assert 'href="/coach"' in home.text  # "Voor coaches" in the nav
    assert "Voor coaches" in home.text

    page = web.client.get(f"/coach/client/{citizen.id}")
    assert page.status_code == 200, page.text
    assert label in page.text
    assert "Competentiecheck" in page.text
    assert "De cliënt deelt de check niet met jou." not in page.text

    english = web.client.get(f"/coach/client/{citizen.id}", params={"lang": "en"})
    assert "Skills" in english.text


def test_name_hidden_without_contact_consent(web: Web) -> None:
    citizen, label = client_with_portfolio(web)
    _coach, coach_email = register(web, Role.COACH, "Coach Els")
    grant(web, citizen, coach_email, [Resource.PORTFOLIO])
    login(web.client, coach_email)
    home = web.client.get("/coach")
    assert home.status_code == 200
    assert "Anna Cliënt" not in home.text
    assert f"Cliënt {citizen.id[:8]}" in home.text
    page = web.client.get(f"/coach/client/{citizen.id}")
    assert page.status_code == 200
    assert label in page.text
    assert "De cliënt deelt de check niet met jou." in page.text


def test_coach_without_consent_gets_403_and_refusal_is_audited(web: Web) -> None:
    citizen, label = client_with_portfolio(web)
    coach, coach_email = register(web, Role.COACH, "Coach Piet")
    login(web.client, coach_email)
    assert "Anna Cliënt" not in web.client.get("/coach").text

    page = web.client.get(f"/coach/client/{citizen.id}", headers={"Accept": "text/html"})
    assert page.status_code == 403
    assert page.headers["content-type"].startswith("text/html")
    assert label not in page.text

    audit = web.personal_data.audit_about(citizen.actor(), citizen.id, "/tests")
    refused = [
        a.entry
        for a in audit
        if a.entry.actor_id == coach.id and a.entry.resource is Resource.PORTFOLIO
    ]
    assert refused and not any(r.allowed for r in refused)
    assert refused[0].route == "/coach/client/{owner_id}"


def test_citizen_gets_403(web: Web) -> None:
    other, _ = client_with_portfolio(web)
    _citizen, email = register(web, Role.CITIZEN)
    login(web.client, email)
    assert web.client.get("/coach").status_code == 403
    assert web.client.get(f"/coach/client/{other.id}").status_code == 403
    assert 'href="/coach"' not in web.client.get("/mijn-gegevens").text


def test_anonymous_is_sent_to_login(web: Web) -> None:
    response = web.client.get("/coach", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/inloggen?next=")
    response = web.client.get("/coach/client/x", follow_redirects=False)
    assert response.status_code == 303
