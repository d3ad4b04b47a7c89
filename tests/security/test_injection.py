"""SQL injection and XSS attempts on every form field and query parameter of this area.

Passes when nothing errors (no 500), nothing leaks, the tables are intact and every value is
shown escaped.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from koers.store.orm.accounts import ConsentRow, UserRow
from tests.access.world import PASSWORD, World
from tests.security.conftest import api_login, form_token, new_client, web_login

SQLI = [
    "' OR '1'='1",
    "x'; DROP TABLE account_user; --",
    '" OR 1=1 --',
    "1 UNION SELECT email, password_hash FROM account_user --",
    "%' OR email LIKE '%",
]
XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</title><svg onload=alert(1)>",
]
PAYLOADS = SQLI + XSS


def _counts(world: World) -> tuple[int, int]:
    with world.accounts.database.session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(UserRow)) or 0),
            int(session.scalar(select(func.count()).select_from(ConsentRow)) or 0),
        )


def _clean(response, payload: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, response.text[:300]
    if "<" in payload or ">" in payload or '"' in payload:
        assert payload not in response.text, "unescaped payload in the answer"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_login_form_and_api(app, world: World, payload: str) -> None:  # type: ignore[no-untyped-def]
    before = _counts(world)
    client = new_client(app)
    for field in ("email", "password", "next"):
        data = {"email": world.citizen.email, "password": "fout", "next": "/"}
        data[field] = payload
        data["csrf_token"] = form_token(client, "/inloggen")
        response = client.post("/inloggen", data=data, follow_redirects=False)
        _clean(response, payload)
        assert response.status_code in (401, 422, 429)
    for field in ("email", "password"):
        body = {"email": world.citizen.email, "password": "fout"}
        body[field] = payload
        response = client.post("/api/v1/accounts/login", json=body)
        _clean(response, payload)
        assert response.status_code in (401, 422, 429)
    assert _counts(world) == before


@pytest.mark.parametrize("payload", PAYLOADS)
def test_login_page_next_parameter(client: TestClient, payload: str) -> None:
    response = client.get("/inloggen", params={"next": payload})
    _clean(response, payload)
    assert 'name="next" value="/mijn-gegevens"' in response.text  # unsafe targets are replaced


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]
)
def test_no_open_redirect_after_login(app, world: World, target: str) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    token = form_token(client, "/inloggen")
    response = client.post(
        "/inloggen",
        data={
            "email": world.citizen.email,
            "password": PASSWORD,
            "next": target,
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/mijn-gegevens"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_registration_form_and_api(app, world: World, payload: str) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    for field in ("email", "display_name"):
        data = {
            "email": "nieuw@test.koers.example",
            "display_name": "Nieuw",
            "password": PASSWORD,
            "password2": PASSWORD,
        }
        data[field] = payload
        data["csrf_token"] = form_token(client, "/registreren")
        response = client.post("/registreren", data=data, follow_redirects=False)
        _clean(response, payload)
        if field == "email":
            assert response.status_code == 422
        client.cookies.clear()
    response = client.post(
        "/api/v1/accounts/register",
        json={"email": payload, "password": PASSWORD, "display_name": "x"},
    )
    _clean(response, payload)
    assert response.status_code == 422


def test_a_hostile_display_name_is_stored_as_text_and_shown_escaped(app, world: World) -> None:  # type: ignore[no-untyped-def]
    evil = "<script>alert('koers')</script>"
    coach = world.accounts.register(
        "evil.coach@test.koers.example", PASSWORD, evil, world.coach.role
    )
    citizen = new_client(app)
    web_login(citizen, world.citizen.email)
    token = form_token(citizen, "/mijn-gegevens/toegang")
    response = citizen.post(
        "/mijn-gegevens/toegang",
        data={
            "csrf_token": token,
            "grantee_kind": "user",
            "coach_email": coach.email,
            "resources": ["portfolio"],
            "until": "2030-01-01",
        },
    )
    # until is more than two years ahead -> refused, then with a good date:
    assert response.status_code == 422
    from datetime import date, timedelta

    token = form_token(citizen, "/mijn-gegevens/toegang")
    response = citizen.post(
        "/mijn-gegevens/toegang",
        data={
            "csrf_token": token,
            "grantee_kind": "user",
            "coach_email": coach.email,
            "resources": ["portfolio", "contact"],
            "until": (date.today() + timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert evil not in response.text
    assert "&lt;script&gt;" in response.text
    intruder = new_client(app)
    api_login(intruder, coach.email)
    intruder.get(f"/api/v1/accounts/{world.citizen.id}/checks", params={"purpose": "coaching"})
    intruder.get(f"/api/v1/accounts/{world.citizen.id}/contact", params={"purpose": "coaching"})
    page = citizen.get("/mijn-gegevens/wie-keek")
    assert evil not in page.text and "&lt;script&gt;" in page.text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_consent_form_fields(app, world: World, payload: str) -> None:  # type: ignore[no-untyped-def]
    before = _counts(world)
    client = new_client(app)
    web_login(client, world.citizen.email)
    base = {
        "grantee_kind": "user",
        "coach_email": world.coach.email,
        "organisation_id": world.org_a.id,
        "resources": "portfolio",
        "until": "2027-01-01",
    }
    for field in base:
        data = {**base, field: payload, "csrf_token": form_token(client, "/mijn-gegevens/toegang")}
        if field == "organisation_id":
            data["grantee_kind"] = "organisation"
        response = client.post("/mijn-gegevens/toegang", data=data, follow_redirects=False)
        _clean(response, payload)
        assert response.status_code in (403, 404, 422), (field, response.status_code)
    token = form_token(client, "/mijn-gegevens/toegang")
    response = client.post(
        f"/mijn-gegevens/toegang/{payload[:30]}/intrekken",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    _clean(response, payload)
    assert response.status_code in (404, 422)
    assert _counts(world) == before


@pytest.mark.parametrize("payload", PAYLOADS)
def test_api_paths_and_query_parameters(app, world: World, payload: str) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    token = api_login(client, world.admin.email)
    quoted = payload.replace("/", "%2F").replace("#", "%23").replace("?", "%3F")
    for url, params in [
        (f"/api/v1/accounts/{quoted}/contact", {"purpose": "coaching"}),
        (f"/api/v1/accounts/{world.citizen.id}/contact", {"purpose": payload}),
        (f"/api/v1/accounts/{quoted}/profile", {}),
        (f"/api/v1/audit/subjects/{quoted}", {}),
        ("/api/v1/audit/me", {"limit": payload}),
        ("/api/v1/audit/me", {"offset": payload}),
        ("/api/v1/audit/me", {"include_own": payload}),
        ("/mijn-gegevens/toegang", {"done": payload}),
    ]:
        response = client.get(url, params=params)
        _clean(response, payload)
        if url.startswith("/api/v1/audit/subjects/") and response.status_code == 200:
            # an admin may ask; the only entries about that id are the admin's own attempts
            assert {e["actor_id"] for e in response.json()} <= {world.admin.id}
            continue
        assert response.status_code in (403, 404, 422), (url, params, response.status_code)
    response = client.post(
        "/api/v1/consents",
        json={
            "grantee_kind": "user",
            "coach_email": payload,
            "resources": ["portfolio"],
            "until": "2027-01-01",
        },
        headers={"X-CSRF-Token": token},
    )
    _clean(response, payload)
    assert response.status_code == 422  # an admin gives no consent; a bad address neither
    response = client.delete(
        "/api/v1/me", params={"confirm": payload}, headers={"X-CSRF-Token": token}
    )
    _clean(response, payload)
    assert response.status_code == 422
    assert client.get("/api/v1/accounts/me").status_code == 200


@pytest.mark.parametrize("payload", PAYLOADS)
def test_erase_form(app, world: World, payload: str) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    web_login(client, world.citizen.email)
    token = form_token(client, "/mijn-gegevens/verwijderen")
    response = client.post(
        "/mijn-gegevens/verwijderen", data={"confirm": payload[:20], "csrf_token": token}
    )
    _clean(response, payload)
    assert response.status_code == 422
    assert world.accounts.get(world.citizen.id).email == world.citizen.email
