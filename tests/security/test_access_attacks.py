"""Attacks on access and trust (issue 13, faults 3 and 4): consent to see is not consent to
change, and nobody writes caller-chosen text into the append-only audit log."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from koers.access import GranteeKind, Purpose, Resource
from koers.portfolio import to_json
from koers.portfolio.tests.fixtures import demo
from koers.store.repositories.accounts import AuditLog
from tests.access.world import World
from tests.portfolio.test_gate_integration import AnyCatalogue
from tests.security.conftest import api_login, new_client

ROUTE = "/api/v1/portfolio/{portfolio_id}"


def _stored_with_consents(world: World) -> str:
    """The citizen's stored portfolio (three claims), shared with the coach (coaching) and with
    organisation A (employability)."""
    service = world.services.portfolios
    service.catalogue = lambda lang="nl": AnyCatalogue()  # type: ignore[method-assign,assignment,return-value]
    stored = service.create(world.citizen.id, demo())
    assert len(stored.portfolio.claims) == 3
    until = date.today() + timedelta(days=30)
    parts = [Resource.PORTFOLIO]
    world.consents.grant_consent(
        world.citizen, GranteeKind.USER, world.coach.email, parts, until, "test"
    )
    world.consents.grant_consent(
        world.citizen, GranteeKind.ORGANISATION, world.org_a.id, parts, until, "test"
    )
    return stored.id


@pytest.mark.parametrize(
    ("who", "purpose"), [("coach", "coaching"), ("employer_a", "employability")]
)
def test_consent_to_see_does_not_allow_changing(  # type: ignore[no-untyped-def]
    app, world: World, who: str, purpose: str
) -> None:
    portfolio_id = _stored_with_consents(world)
    client = new_client(app)
    token = api_login(client, getattr(world, who).email)
    url = f"/api/v1/portfolio/{portfolio_id}"
    seen = client.get(url, params={"purpose": purpose})
    assert seen.status_code == 200, seen.text  # reading with consent still works
    body = seen.json()
    withdrawn = {**body["portfolio"], "claims": body["portfolio"]["claims"][:1]}
    response = client.put(
        url,
        params={"purpose": purpose},
        json={"expected_version": body["version"], "portfolio": withdrawn},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "access_denied"
    owner = world.citizen.actor()
    kept = world.services.portfolios.load(portfolio_id, owner, Purpose.SELF, "/tests")
    assert kept.version == body["version"] and len(kept.portfolio.claims) == 3
    with world.accounts.database.session() as session:
        entry = AuditLog(session).query(subject_id=world.citizen.id, limit=1)[0]
    assert (entry.action.value, entry.allowed, entry.reason.value) == (
        "change",
        False,
        "role_not_allowed",
    )
    assert entry.actor_id == getattr(world, who).id


def test_the_owner_still_changes_their_own_portfolio(app, world: World) -> None:  # type: ignore[no-untyped-def]
    portfolio_id = _stored_with_consents(world)
    client = new_client(app)
    token = api_login(client, world.citizen.email)
    url = f"/api/v1/portfolio/{portfolio_id}"
    body = client.get(url).json()
    fewer = {**body["portfolio"], "claims": body["portfolio"]["claims"][:1]}
    response = client.put(
        url,
        json={"expected_version": body["version"], "portfolio": fewer},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 200, response.text
    assert to_json(demo())["format"] == body["portfolio"]["format"]


# -- fault 4: the audit log takes no caller-chosen text ----------------------------------------

FORGED = ["jan.peeters@example.org", "85.07.30-033.61", "x" * 64, "ABCDEF" * 5 + "00"]


def _audit_count(world: World) -> int:
    with world.accounts.database.session() as session:
        return AuditLog(session).count()


@pytest.mark.parametrize("text", FORGED)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/accounts/{}/contact?purpose=coaching",
        "/api/v1/accounts/{}/profile?purpose=account_support",
        "/api/v1/audit/subjects/{}",
    ],
)
def test_anonymous_text_in_an_id_never_reaches_the_audit_log(
    client: TestClient, world: World, path: str, text: str
) -> None:
    before = _audit_count(world)
    response = client.get(path.format(text))
    assert response.status_code == 422, response.text
    assert _audit_count(world) == before


@pytest.mark.parametrize("text", FORGED)
def test_signed_in_text_in_an_id_never_reaches_the_audit_log(  # type: ignore[no-untyped-def]
    app, world: World, text: str
) -> None:
    client = new_client(app)
    api_login(client, world.coach.email)
    before = _audit_count(world)
    response = client.get(f"/api/v1/accounts/{text}/contact", params={"purpose": "coaching"})
    assert response.status_code == 422
    page = client.get(f"/coach/client/{text}")
    assert page.status_code in (404, 422)
    assert _audit_count(world) == before


def test_anonymous_refusal_about_an_unknown_id_stores_nothing(
    client: TestClient, world: World
) -> None:
    """A well-shaped id is still the caller's choice when no account has it."""
    before = _audit_count(world)
    unknown = secrets.token_hex(16)
    response = client.get(f"/api/v1/accounts/{unknown}/contact", params={"purpose": "coaching"})
    assert response.status_code == 401
    assert _audit_count(world) == before
    # about a real account the anonymous refusal stays on record, under that account's id
    real = client.get(
        f"/api/v1/accounts/{world.citizen.id}/contact", params={"purpose": "coaching"}
    )
    assert real.status_code == 401
    with world.accounts.database.session() as session:
        entries = AuditLog(session).query(limit=5)
    assert _audit_count(world) == before + 1
    assert entries[0].subject_id == world.citizen.id and entries[0].actor_id is None


def test_the_gate_refuses_a_malformed_subject_without_an_entry(world: World) -> None:
    from koers.errors import InvalidInput

    gate = world.services.personal_data.gate
    before = _audit_count(world)
    for actor in (None, world.coach.actor()):
        with pytest.raises(InvalidInput):
            gate.read(actor, "jan@example.org", Resource.CONTACT, Purpose.COACHING, "/tests")
    assert _audit_count(world) == before


# -- fault 6: claim provenance cannot be forged through the API or the web --------------------


def _forge(claims: list[dict[str, object]]) -> list[dict[str, object]]:
    """Every claim becomes a VDAB-verified diploma, dated long ago."""
    return [
        {
            **claim,
            "source": {"actor_type": "vdab", "name": "VDAB"},
            "evidence": {"type": "diploma", "title": "Vals diploma"},
            "verification": "verified",
            "acquired": "2001-01-01",
        }
        for claim in claims
    ]


def test_the_owner_cannot_forge_provenance_through_the_api(app, world: World) -> None:  # type: ignore[no-untyped-def]
    portfolio_id = _stored_with_consents(world)
    client = new_client(app)
    token = api_login(client, world.citizen.email)
    url = f"/api/v1/portfolio/{portfolio_id}"
    body = client.get(url).json()
    forged = {**body["portfolio"], "claims": _forge(body["portfolio"]["claims"])}
    response = client.put(
        url,
        json={"expected_version": body["version"], "portfolio": forged},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "claim_locked"
    after = client.get(url).json()
    assert after == body  # nothing stored
    # a new claim cannot arrive verified either
    extra = {
        **body["portfolio"],
        "claims": [
            *body["portfolio"]["claims"],
            *_forge([{**body["portfolio"]["claims"][1], "id": "c99"}]),
        ],
    }
    response = client.put(
        url,
        json={"expected_version": body["version"], "portfolio": extra},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 403


def test_the_owner_cannot_forge_provenance_through_the_web(app, world: World) -> None:  # type: ignore[no-untyped-def]
    """The web's "store this portfolio file" over a stored one follows the same rule."""
    import json

    from tests.security.conftest import form_token, web_login

    portfolio_id = _stored_with_consents(world)
    client = new_client(app)
    web_login(client, world.citizen.email)
    stored = to_json(
        world.services.portfolios.load(
            portfolio_id, world.citizen.actor(), Purpose.SELF, "/tests"
        ).portfolio
    )
    forged = {**stored, "claims": _forge(stored["claims"])}
    response = client.post(
        "/mijn-competenties/bewaar",
        data={
            "csrf_token": form_token(client, "/mijn-gegevens/verwijderen"),
            "portfolio_json": json.dumps(forged),
        },
        follow_redirects=False,
    )
    assert response.status_code == 403
    kept = world.services.portfolios.load(
        portfolio_id, world.citizen.actor(), Purpose.SELF, "/tests"
    )
    assert to_json(kept.portfolio) == stored
