"""Session cookies, session fixation, logout, expiry, and CSRF on every form and unsafe API call."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.config import Settings
from koers.http.security import CSRF_COOKIE, SESSION_COOKIE
from tests.access.world import PASSWORD, World
from tests.security.conftest import api_login, form_token, new_client, plant_cookie, web_login


def _set_cookie_headers(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [v for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]


def test_session_cookie_flags(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/accounts/login", json={"email": world.citizen.email, "password": PASSWORD}
    )
    cookie = next(c for c in _set_cookie_headers(response) if c.startswith(SESSION_COOKIE))
    lowered = cookie.lower()
    assert "httponly" in lowered
    assert "samesite=lax" in lowered
    assert "secure" not in lowered  # plain http in the test client
    assert "path=/" in lowered


def test_secure_flag_over_https(app, world: World) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(app, base_url="https://testserver")
    response = client.post(
        "/api/v1/accounts/login", json={"email": world.citizen.email, "password": PASSWORD}
    )
    cookie = next(c for c in _set_cookie_headers(response) if c.startswith(SESSION_COOKIE))
    assert "secure" in cookie.lower()


def test_secure_flag_always_when_configured(app_db, settings, world: World) -> None:  # type: ignore[no-untyped-def]
    always = settings.model_copy(update={"cookie_secure": "always"})
    app = create_app(services=replace(world.services, settings=always))
    response = TestClient(app).post(
        "/api/v1/accounts/login", json={"email": world.citizen.email, "password": PASSWORD}
    )
    cookie = next(c for c in _set_cookie_headers(response) if c.startswith(SESSION_COOKIE))
    assert "secure" in cookie.lower()


def test_session_fixation_a_planted_token_is_never_elevated(app, world: World) -> None:  # type: ignore[no-untyped-def]
    # The attacker signs in as themself and plants that session cookie in the victim's browser.
    attacker = new_client(app)
    api_login(attacker, world.citizen2.email)
    planted = attacker.cookies[SESSION_COOKIE]
    victim = new_client(app)
    plant_cookie(victim, SESSION_COOKIE, planted)
    web_login(victim, world.citizen.email)
    fresh = victim.cookies[SESSION_COOKIE]
    assert fresh != planted, "a new session id is issued at login"
    # The planted token was revoked and never became the victim's session.
    probe = new_client(app)
    plant_cookie(probe, SESSION_COOKIE, planted)
    assert probe.get("/api/v1/accounts/me").status_code == 401
    assert victim.get("/api/v1/accounts/me").json()["account"]["id"] == world.citizen.id


def test_an_attacker_chosen_unknown_token_is_not_adopted(app, world: World) -> None:  # type: ignore[no-untyped-def]
    victim = new_client(app)
    plant_cookie(victim, SESSION_COOKIE, "attacker-chose-this-value")
    web_login(victim, world.citizen.email)
    assert victim.cookies[SESSION_COOKIE] != "attacker-chose-this-value"
    probe = new_client(app)
    plant_cookie(probe, SESSION_COOKIE, "attacker-chose-this-value")
    assert probe.get("/api/v1/accounts/me").status_code == 401


def test_logout_ends_the_session_on_the_server(app, world: World) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    web_login(client, world.citizen.email)
    token = client.cookies[SESSION_COOKIE]
    csrf = form_token(client, "/uitloggen")
    response = client.post("/uitloggen", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303
    replay = new_client(app)
    plant_cookie(replay, SESSION_COOKIE, token)
    assert replay.get("/api/v1/accounts/me").status_code == 401


def test_sessions_expire_when_idle_and_absolutely(app_db, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from tests.access.world import build_world

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    world = build_world(app_db, settings, clock=lambda: now[0])
    service = world.sessions
    session = service.login(world.citizen.email, PASSWORD, "192.0.2.1")
    now[0] += timedelta(minutes=settings.session_idle_minutes - 1)
    assert service.session_account(session.token) is not None
    now[0] += timedelta(minutes=settings.session_idle_minutes + 1)
    assert service.session_account(session.token) is None
    session = service.login(world.citizen.email, PASSWORD, "192.0.2.1")
    for _ in range(settings.session_hours * 2):
        now[0] += timedelta(minutes=30)
        service.session_account(session.token)
    assert service.session_account(session.token) is None


# -- CSRF ----------------------------------------------------------------------------------------

SIGNED_IN_FORMS = [
    ("/mijn-gegevens/toegang", {"grantee_kind": "user", "coach_email": "x@y.be"}),
    ("/mijn-gegevens/verwijderen", {"confirm": "VERWIJDER"}),
    ("/uitloggen", {}),
]


@pytest.mark.parametrize(("path", "data"), SIGNED_IN_FORMS)
@pytest.mark.parametrize("token", ["missing", "wrong", "other_session", "anonymous_nonce"])
def test_signed_in_forms_refuse_bad_csrf(
    app, world: World, path: str, data: dict[str, str], token: str
) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    web_login(client, world.citizen.email)
    if token == "wrong":
        data = {**data, "csrf_token": "0" * 64}
    elif token == "other_session":
        other = new_client(app)
        web_login(other, world.citizen.email)  # same person, other browser
        data = {**data, "csrf_token": form_token(other, "/mijn-gegevens/toegang")}
    elif token == "anonymous_nonce":
        anonymous = new_client(app)
        data = {**data, "csrf_token": form_token(anonymous, "/inloggen")}
        plant_cookie(client, CSRF_COOKIE, anonymous.cookies[CSRF_COOKIE])
    response = client.post(path, data=data, follow_redirects=False)
    assert response.status_code == 403, (path, token, response.status_code)
    # Nothing happened: still signed in, no consent, account still there.
    assert client.get("/api/v1/accounts/me").status_code == 200
    assert world.consents.consents_given(world.citizen) == []


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/inloggen", {"email": "an.peeters@test.koers.example", "password": PASSWORD}),
        (
            "/registreren",
            {
                "email": "nieuw@test.koers.example",
                "display_name": "Nieuw",
                "password": PASSWORD,
                "password2": PASSWORD,
            },
        ),
    ],
)
def test_anonymous_forms_refuse_missing_or_forged_csrf(
    app, path: str, data: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    assert client.post(path, data=data, follow_redirects=False).status_code == 403
    form_token(client, path)  # gets a nonce cookie
    forged = {**data, "csrf_token": "f" * 64}
    assert client.post(path, data=forged, follow_redirects=False).status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_csrf_token_changes_at_login(app, world: World) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    before = form_token(client, "/inloggen")
    web_login(client, world.citizen.email)
    after = form_token(client, "/mijn-gegevens/toegang")
    assert before != after


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        (
            "POST",
            "/api/v1/consents",
            {
                "grantee_kind": "user",
                "coach_email": "c@d.be",
                "resources": ["portfolio"],
                "until": "2030-01-01",
            },
        ),
        ("DELETE", "/api/v1/consents/abc", None),
        ("DELETE", "/api/v1/me?confirm=VERWIJDER", None),
        ("POST", "/api/v1/accounts/logout", None),
    ],
)
def test_api_unsafe_methods_need_the_csrf_header(
    app, world: World, method: str, path: str, body: object
) -> None:  # type: ignore[no-untyped-def]
    client = new_client(app)
    api_login(client, world.citizen.email)
    for headers in ({}, {"X-CSRF-Token": "nope"}):
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code == 403, (method, path, headers)
        assert response.json()["code"] == "csrf_failed"
    assert client.get("/api/v1/accounts/me").status_code == 200


def test_api_login_refuses_a_form_encoded_cross_site_post(client: TestClient, world: World) -> None:
    """A cross-site HTML form can only send form encodings; the JSON login refuses them."""
    response = client.post(
        "/api/v1/accounts/login",
        data={"email": world.citizen.email, "password": PASSWORD},
    )
    assert response.status_code == 422
    assert SESSION_COOKIE not in client.cookies
