"""Who is refused, over HTTP, and that every refusal is in the audit log (issue 3 item 7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from koers.access import GranteeKind, Resource
from koers.store.repositories.accounts import AuditLog
from tests.access.world import World
from tests.security.conftest import api_login, new_client


def _give_coach_and_org_a(world: World) -> None:
    until = date.today() + timedelta(days=30)
    parts = [Resource.PORTFOLIO, Resource.CONTACT]
    world.consents.grant_consent(
        world.citizen, GranteeKind.USER, world.coach.email, parts, until, "test"
    )
    world.consents.grant_consent(
        world.citizen, GranteeKind.ORGANISATION, world.org_a.id, parts, until, "test"
    )


def _last_entry(world: World, subject_id: str):  # type: ignore[no-untyped-def]
    with world.accounts.database.session() as session:
        entries = AuditLog(session).query(subject_id=subject_id, limit=1)
    assert entries, "no audit entry written"
    return entries[0]


@pytest.mark.parametrize(
    ("who", "purpose", "status", "code"),
    [
        ("coach2", "coaching", 403, "consent_missing"),  # a coach without consent
        ("citizen2", "coaching", 403, "access_denied"),  # another citizen
        ("employer_b", "employability", 403, "consent_missing"),  # employer of another org
        ("provider", "coaching", 403, "access_denied"),
        ("analyst", "coaching", 403, "access_denied"),
        ("admin", "account_support", 403, "access_denied"),  # admin: never contact details
        ("coach", "employability", 403, "access_denied"),  # consent, but the wrong purpose
        (None, "coaching", 401, "unauthenticated"),  # anonymous
    ],
)
def test_refused_and_audited(
    app, world: World, who: str | None, purpose: str, status: int, code: str
) -> None:  # type: ignore[no-untyped-def]
    _give_coach_and_org_a(world)
    client = new_client(app)
    actor = getattr(world, who) if who else None
    if actor:
        api_login(client, actor.email)
    response = client.get(
        f"/api/v1/accounts/{world.citizen.id}/contact", params={"purpose": purpose}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code
    assert world.citizen.email not in response.text
    entry = _last_entry(world, world.citizen.id)
    assert entry.allowed is False
    assert entry.actor_id == (actor.id if actor else None)
    assert entry.actor_role == (actor.role.value if actor else "anonymous")
    assert entry.resource is Resource.CONTACT
    assert entry.route == "/api/v1/accounts/{user_id}/contact"


@pytest.mark.parametrize(
    ("who", "purpose"), [("coach", "coaching"), ("employer_a", "employability")]
)
def test_consent_holders_are_allowed_and_audited(app, world: World, who: str, purpose: str) -> None:  # type: ignore[no-untyped-def]
    _give_coach_and_org_a(world)
    client = new_client(app)
    api_login(client, getattr(world, who).email)
    response = client.get(
        f"/api/v1/accounts/{world.citizen.id}/contact", params={"purpose": purpose}
    )
    assert response.status_code == 200, response.text
    assert response.json()["email"] == world.citizen.email
    assert _last_entry(world, world.citizen.id).allowed is True


def test_withdrawn_consent_refuses_at_once(app, world: World) -> None:  # type: ignore[no-untyped-def]
    _give_coach_and_org_a(world)
    coach = new_client(app)
    api_login(coach, world.coach.email)
    url = f"/api/v1/accounts/{world.citizen.id}/contact"
    assert coach.get(url, params={"purpose": "coaching"}).status_code == 200
    citizen = new_client(app)
    token = api_login(citizen, world.citizen.email)
    given = citizen.get("/api/v1/consents").json()
    to_coach = next(c for c in given if c["grantee_id"] == world.coach.id)
    withdrawn = citizen.delete(
        f"/api/v1/consents/{to_coach['id']}", headers={"X-CSRF-Token": token}
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    refused = coach.get(url, params={"purpose": "coaching"})
    assert refused.status_code == 403
    assert _last_entry(world, world.citizen.id).reason.value == "consent_withdrawn"


def test_citizen_sees_refusals_in_who_looked(app, world: World) -> None:  # type: ignore[no-untyped-def]
    intruder = new_client(app)
    api_login(intruder, world.coach2.email)
    intruder.get(f"/api/v1/accounts/{world.citizen.id}/contact", params={"purpose": "coaching"})
    citizen = new_client(app)
    api_login(citizen, world.citizen.email)
    entries = citizen.get("/api/v1/audit/me").json()
    assert entries[0]["actor_name"] == "Dirk Coach"
    assert entries[0]["allowed"] is False
    page = citizen.get("/mijn-gegevens/wie-keek").text
    assert "Dirk Coach" in page and "Geweigerd" in page


def test_only_admins_read_someone_elses_audit_and_that_read_is_audited(app, world: World) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/audit/subjects/{world.citizen.id}"
    coach = new_client(app)
    api_login(coach, world.coach.email)
    assert coach.get(url).status_code == 403
    admin = new_client(app)
    api_login(admin, world.admin.email)
    response = admin.get(url)
    assert response.status_code == 200
    entry = _last_entry(world, world.citizen.id)
    assert (entry.actor_id, entry.allowed, entry.resource) == (world.admin.id, True, Resource.AUDIT)
    assert admin.get(f"/api/v1/accounts/{world.citizen.id}/profile").status_code == 200
    assert coach.get(f"/api/v1/accounts/{world.citizen.id}/profile").status_code == 403


def test_a_coach_cannot_withdraw_or_see_another_persons_consents(app, world: World) -> None:  # type: ignore[no-untyped-def]
    _give_coach_and_org_a(world)
    consent_id = world.consents.consents_given(world.citizen)[0].consent.id
    other = new_client(app)
    token = api_login(other, world.citizen2.email)
    response = other.delete(f"/api/v1/consents/{consent_id}", headers={"X-CSRF-Token": token})
    assert response.status_code == 404
    assert other.get("/api/v1/consents").json() == []
    assert world.consents.consents_given(world.citizen)[0].status.value == "active"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/accounts/me",
        "/api/v1/consents",
        "/api/v1/consents/received",
        "/api/v1/audit/me",
        "/api/v1/me/export",
        "/api/v1/me/export/europass",
    ],
)
def test_anonymous_api_calls_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize(
    "path",
    [
        "/mijn-gegevens",
        "/mijn-gegevens/toegang",
        "/mijn-gegevens/wie-keek",
        "/mijn-gegevens/downloaden",
        "/mijn-gegevens/downloaden/koers.json",
        "/mijn-gegevens/verwijderen",
    ],
)
def test_anonymous_pages_go_to_login(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/inloggen?next=")
