"""Attacks at the edge (proxy headers, Origin, NUL in multipart forms, caches) and on storage
(erased data in the SQLite write-ahead log). Issue 13, fault 6; rows of ``docs/security.md``
"Attacks tried", "Edge and storage"."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from koers.api.routers import accounts as accounts_router
from koers.app import create_app
from koers.cli.serve import uvicorn_options
from koers.config import Settings
from koers.http.security import CSRF_COOKIE, SESSION_COOKIE, client_ip
from koers.store.db import Database
from tests.access.world import PASSWORD, World
from tests.conftest import PostgresSchemas
from tests.security.conftest import api_login, form_token, new_client, web_login

PROBLEM = "application/problem+json"
EVIL = "https://evil.example"
SELF = "http://testserver"


# -- 1. X-Forwarded-For is only believed from a configured proxy --------------------------------


@contextmanager
def running(app: FastAPI, settings: Settings) -> Iterator[str]:
    """``app`` served by uvicorn on loopback with the options ``koers serve`` uses."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", **uvicorn_options(settings))
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _addresses_seen_by_login(
    world: World, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    seen: list[str] = []

    def spy(request: Request) -> str:
        seen.append(client_ip(request))
        return seen[-1]

    monkeypatch.setattr(accounts_router, "client_ip", spy)
    app = create_app(services=replace(world.services, settings=settings))
    with running(app, settings) as base:
        response = httpx.post(
            f"{base}/api/v1/accounts/login",
            json={"email": world.citizen.email, "password": "wrong password"},
            headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"},
            timeout=10,
        )
    assert response.status_code == 401, response.text
    return seen


def test_forged_x_forwarded_for_does_not_change_the_login_address(
    world: World, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.trusted_proxies == ""  # the default: no proxy is trusted
    assert _addresses_seen_by_login(world, settings, monkeypatch) == ["127.0.0.1"]


def test_x_forwarded_for_counts_from_a_trusted_proxy(
    world: World, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    behind_proxy = settings.model_copy(update={"trusted_proxies": "127.0.0.1"})
    assert _addresses_seen_by_login(world, behind_proxy, monkeypatch) == ["203.0.113.7"]


def test_trusted_proxies_setting_reaches_uvicorn() -> None:
    assert uvicorn_options(Settings()) == {"proxy_headers": False, "forwarded_allow_ips": None}
    proxies = Settings(trusted_proxies="10.0.0.0/8, 192.0.2.1")
    assert uvicorn_options(proxies) == {
        "proxy_headers": True,
        "forwarded_allow_ips": "10.0.0.0/8,192.0.2.1",
    }


# -- 2. NUL characters in multipart forms -------------------------------------------------------

BOUNDARY = "koers-test-boundary"


def multipart(*parts: tuple[bytes, bytes]) -> tuple[bytes, dict[str, str]]:
    """A raw multipart body of (Content-Disposition parameters, content) parts: built by hand
    so that the test, not the HTTP client, decides which bytes are sent."""
    body = b""
    for disposition, content in parts:
        body += f"--{BOUNDARY}\r\n".encode()
        body += b"Content-Disposition: form-data; " + disposition + b"\r\n\r\n" + content + b"\r\n"
    body += f"--{BOUNDARY}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


@pytest.fixture()
def form_app(app: FastAPI) -> FastAPI:
    @app.post("/api/v1/_test/form")
    async def echo_form(request: Request) -> dict[str, int]:
        return {"fields": len(await request.form())}

    return app


@pytest.mark.parametrize(
    "part",
    [
        (b'name="cv"', b"Ik ben kok\x00 en bakker"),
        (b'name="c\x00v"', b"Ik ben kok"),
        (b'name="file"; filename="cv\x00.txt"', b"Ik ben kok"),
    ],
    ids=["text-field", "field-name", "file-name"],
)
def test_nul_in_a_multipart_form_is_refused_by_the_api(
    form_app: FastAPI, part: tuple[bytes, bytes]
) -> None:
    body, headers = multipart(part)
    response = TestClient(form_app).post("/api/v1/_test/form", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["code"] == "invalid_input"


def test_nul_in_a_multipart_form_gets_the_dutch_error_page(client: TestClient) -> None:
    token = form_token(client, "/competentiecheck")
    body, headers = multipart(
        (b'name="csrf_token"', token.encode()), (b'name="cv"', b"Ik ben kok\x00 en bakker")
    )
    response = client.post("/competentiecheck", content=body, headers=headers)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "Er klopt iets niet in wat je ingaf." in response.text


def test_nul_bytes_inside_an_uploaded_file_are_allowed(form_app: FastAPI) -> None:
    pdf = b"%PDF-1.4\n\x00\x01\x02 binary \x00 stream\n%%EOF"
    body, headers = multipart((b'name="file"; filename="cv.pdf"', pdf), (b'name="lang"', b"nl"))
    response = TestClient(form_app).post("/api/v1/_test/form", content=body, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json() == {"fields": 2}


# -- 3. Personal data is never stored by a cache ------------------------------------------------


CITIZEN_PAGES = [
    "/mijn-competenties",
    "/mijn-competenties/download/json",
    "/mijn-competenties/download/pdf",
    "/mijn-gegevens",
    "/mijn-gegevens/downloaden/koers.json",
    "/mijn-gegevens/downloaden/europass.jsonld",
    "/mijn-gegevens/wie-keek",
    "/api/v1/me/export",
    "/api/v1/portfolio/mine",
    "/api/v1/portfolio/0123456789abcdef",
    "/api/v1/audit/me",
    "/api/v1/consents",
    "/api/v1/accounts/me",
    "/",  # any page for someone signed in
    "/taxonomie/boom",
]


def test_personal_answers_are_not_cached(app: FastAPI, world: World) -> None:
    client = new_client(app)
    web_login(client, world.citizen.email)
    for path in CITIZEN_PAGES:
        response = client.get(path)
        assert response.headers.get("cache-control") == "no-store", (path, response.status_code)


def test_coach_pages_are_not_cached(app: FastAPI, world: World) -> None:
    client = new_client(app)
    web_login(client, world.coach.email)
    for path in ["/coach", f"/coach/client/{world.citizen.id}", "/api/v1/consents/received"]:
        response = client.get(path)
        assert response.headers.get("cache-control") == "no-store", (path, response.status_code)


def test_personal_paths_are_not_cached_even_when_refused(client: TestClient) -> None:
    for path in ["/api/v1/me/export", "/api/v1/audit/me", "/api/v1/portfolio/x", "/coach"]:
        response = client.get(path, follow_redirects=False)
        assert response.status_code in {303, 401}, path
        assert response.headers.get("cache-control") == "no-store", path


def test_login_answers_with_a_csrf_token_are_not_cached(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/accounts/login", json={"email": world.citizen.email, "password": PASSWORD}
    )
    assert response.headers.get("cache-control") == "no-store"


def test_public_pages_and_assets_stay_cacheable(app: FastAPI, world: World) -> None:
    anonymous = new_client(app)
    assert "no-store" not in anonymous.get("/taxonomie/boom").headers.get("cache-control", "")
    signed_in = new_client(app)
    web_login(signed_in, world.citizen.email)
    css = signed_in.get("/static/koers.css")
    assert css.status_code == 200
    assert "no-store" not in css.headers.get("cache-control", "")


# -- 4. Origin check on state-changing requests -------------------------------------------------


def test_cross_origin_api_write_is_refused_even_with_the_csrf_token(
    app: FastAPI, world: World
) -> None:
    client = new_client(app)
    token = api_login(client, world.citizen.email)
    for headers in [{"Origin": EVIL}, {"Origin": "null"}, {"Referer": f"{EVIL}/page"}]:
        response = client.post(
            "/api/v1/accounts/logout", headers={"X-CSRF-Token": token, **headers}
        )
        assert response.status_code == 403, (headers, response.text)
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["code"] == "origin_refused"
    assert client.get("/api/v1/accounts/me").status_code == 200, "still signed in"


@pytest.mark.parametrize(
    "headers",
    [{"Origin": SELF}, {"Referer": f"{SELF}/mijn-gegevens"}, {}],
    ids=["same-origin", "same-origin-referer", "no-origin"],
)
def test_same_origin_or_no_origin_api_write_is_allowed(
    app: FastAPI, world: World, headers: dict[str, str]
) -> None:
    client = new_client(app)
    token = api_login(client, world.citizen.email)
    response = client.post("/api/v1/accounts/logout", headers={"X-CSRF-Token": token, **headers})
    assert response.status_code == 204, response.text
    assert client.get("/api/v1/accounts/me").status_code == 401


def test_no_origin_still_needs_the_csrf_token(app: FastAPI, world: World) -> None:
    client = new_client(app)
    api_login(client, world.citizen.email)
    response = client.post("/api/v1/accounts/logout")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_cross_origin_form_post_gets_the_dutch_error_page(app: FastAPI, world: World) -> None:
    client = new_client(app)
    web_login(client, world.citizen.email)
    token = form_token(client, "/uitloggen")
    response = client.post(
        "/uitloggen", data={"csrf_token": token}, headers={"Origin": EVIL}, follow_redirects=False
    )
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Dit verzoek kwam niet van een pagina van Koers." in response.text
    assert client.get("/api/v1/accounts/me").status_code == 200, "still signed in"


def test_cross_origin_login_form_is_refused(client: TestClient, world: World) -> None:
    token = form_token(client, "/inloggen")
    assert client.cookies.get(CSRF_COOKIE)
    response = client.post(
        "/inloggen",
        data={"email": world.citizen.email, "password": PASSWORD, "csrf_token": token},
        headers={"Origin": EVIL},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.cookies


def test_requests_without_cookies_are_not_checked(client: TestClient, world: World) -> None:
    # Nothing to ride on: no session, no CSRF cookie (the JSON login is how clients start).
    response = client.post(
        "/api/v1/accounts/login",
        json={"email": world.citizen.email, "password": PASSWORD},
        headers={"Origin": EVIL},
    )
    assert response.status_code == 200


# -- 5. Erased data leaves the SQLite write-ahead log -------------------------------------------


def test_erasure_leaves_no_trace_in_the_sqlite_wal(
    app_db: Database, world: World, tmp_path: Path
) -> None:
    database_file = Path(app_db.url.removeprefix("sqlite:///"))
    wal = database_file.with_name(database_file.name + "-wal")
    person = world.citizen
    assert wal.exists() and person.email.encode() in wal.read_bytes() + database_file.read_bytes()
    world.personal_data.erase(person, "VERWIJDER", "test")
    traces = [person.email.encode(), person.display_name.encode()]
    held = wal.read_bytes() if wal.exists() else b""
    assert not any(trace in held for trace in traces), "the WAL still holds the erased person"
    main = database_file.read_bytes()
    assert not any(trace in main for trace in traces), "freed pages still hold the erased person"


def test_checkpoint_is_a_no_op_on_postgresql(postgres_schemas: PostgresSchemas) -> None:
    database = Database(postgres_schemas.new_url())
    try:
        database.checkpoint()
    finally:
        database.dispose()
