"""OpenID Connect login against the in-process fake issuer: the full flow and every check."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from joserfc.jwk import RSAKey

from koers.app import create_app
from koers.http.security import SESSION_COOKIE
from koers.services.oidc import OidcClient, OidcError, pkce_challenge
from tests.access.world import World
from tests.security.fake_oidc import ISSUER, FakeIssuer


@pytest.fixture()
def issuer() -> FakeIssuer:
    return FakeIssuer()


@pytest.fixture()
def oidc_app(app_db, settings, world: World, issuer: FakeIssuer):  # type: ignore[no-untyped-def]
    settings = settings.model_copy(
        update={
            "oidc_issuer": ISSUER,
            "oidc_client_id": issuer.client_id,
            "oidc_client_secret": issuer.client_secret,
        }
    )
    http = TestClient(issuer.app(), base_url=ISSUER)
    oidc = OidcClient(settings, http=http)
    return create_app(services=replace(world.services, settings=settings, oidc=oidc))


def _round_trip(app, issuer: FakeIssuer, tamper_state: bool = False):  # type: ignore[no-untyped-def]
    browser = TestClient(app)
    start = browser.get(
        "/inloggen/oidc", params={"next": "/mijn-gegevens/toegang"}, follow_redirects=False
    )
    assert start.status_code == 303
    location = start.headers["location"]
    assert location.startswith(f"{ISSUER}/authorize?")
    idp = TestClient(issuer.app(), base_url=ISSUER)
    back = idp.get(location.removeprefix(ISSUER), follow_redirects=False)
    callback = back.headers["location"]
    parts = urlsplit(callback)
    query = parse_qs(parts.query)
    if tamper_state:
        query["state"] = ["forged"]
    return browser, browser.get(
        parts.path, params={k: v[0] for k, v in query.items()}, follow_redirects=False
    )


def test_login_page_offers_oidc_when_configured(oidc_app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    assert "/inloggen/oidc" in TestClient(oidc_app).get("/inloggen").text


def test_authorization_request_uses_pkce_state_and_nonce(oidc_app) -> None:  # type: ignore[no-untyped-def]
    response = TestClient(oidc_app).get("/inloggen/oidc", follow_redirects=False)
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["state"][0] and query["nonce"][0]
    assert query["scope"] == ["openid email profile"]
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_full_flow_creates_a_citizen_and_a_session(
    oidc_app, issuer: FakeIssuer, world: World
) -> None:  # type: ignore[no-untyped-def]
    browser, response = _round_trip(oidc_app, issuer)
    assert response.status_code == 303, response.text[:300]
    assert response.headers["location"] == "/mijn-gegevens/toegang"
    me = browser.get("/api/v1/accounts/me").json()["account"]
    assert me["email"] == issuer.email and me["role"] == "citizen"
    # second login: same account, new session id
    first = browser.cookies[SESSION_COOKIE]
    browser2, _again = _round_trip(oidc_app, issuer)
    assert browser2.get("/api/v1/accounts/me").json()["account"]["id"] == me["id"]
    assert browser2.cookies[SESSION_COOKIE] != first


@pytest.mark.parametrize(
    "tamper",
    [
        {"aud": "another-client"},
        {"iss": "https://evil.example"},
        {"exp": 1_000_000_000},
        {"nonce": "replayed"},
        {"aud": ["koers-test", "other"], "azp": "other"},
    ],
)
def test_bad_id_tokens_are_refused(oidc_app, issuer: FakeIssuer, tamper: dict) -> None:  # type: ignore[no-untyped-def]
    issuer.tamper = tamper
    browser, response = _round_trip(oidc_app, issuer)
    assert response.status_code == 401
    assert SESSION_COOKIE not in browser.cookies


def test_token_signed_by_another_key_is_refused(oidc_app, issuer: FakeIssuer) -> None:  # type: ignore[no-untyped-def]
    issuer.sign_with = RSAKey.generate_key(2048, parameters={"kid": "k1"}, private=True)
    _browser, response = _round_trip(oidc_app, issuer)
    assert response.status_code == 401


def test_forged_state_is_refused(oidc_app, issuer: FakeIssuer) -> None:  # type: ignore[no-untyped-def]
    _browser, response = _round_trip(oidc_app, issuer, tamper_state=True)
    assert response.status_code == 401


def test_existing_local_account_is_not_taken_over(
    oidc_app, issuer: FakeIssuer, world: World
) -> None:  # type: ignore[no-untyped-def]
    issuer.email = world.citizen.email
    browser, response = _round_trip(oidc_app, issuer)
    assert response.status_code == 409
    assert SESSION_COOKIE not in browser.cookies


def test_discovery_with_another_issuer_is_refused(issuer: FakeIssuer, settings) -> None:  # type: ignore[no-untyped-def]
    wrong = settings.model_copy(
        update={"oidc_issuer": "https://idp.other.example", "oidc_client_id": "x"}
    )
    client = OidcClient(wrong, http=TestClient(issuer.app(), base_url=ISSUER))
    with pytest.raises(OidcError):
        client.metadata()


def test_pkce_challenge_matches_rfc7636_example() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert pkce_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
