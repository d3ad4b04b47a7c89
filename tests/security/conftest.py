"""An app on a fresh SQLite database with the test cast, and helpers to sign in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.config import Settings
from koers.store.db import Database
from koers.store.migrate import upgrade
from tests.access.world import PASSWORD, World, build_world

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture()
def app_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'koers.sqlite3'}")
    upgrade(database)
    yield database
    database.dispose()


@pytest.fixture()
def world(app_db: Database, settings: Settings) -> World:
    return build_world(app_db, settings)


@pytest.fixture()
def app(app_db: Database, settings: Settings, world: World):  # type: ignore[no-untyped-def]
    return create_app(services=world.services)


@pytest.fixture()
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


def new_client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app)


COOKIE_DOMAIN = "testserver.local"
"""Where httpx files the test server's cookies; planted cookies must use it to replace them."""


def plant_cookie(client: TestClient, name: str, value: str) -> None:
    client.cookies.set(name, value, domain=COOKIE_DOMAIN, path="/")


def form_token(client: TestClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    match = CSRF.search(page.text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def web_login(client: TestClient, email: str, password: str = PASSWORD) -> None:
    token = form_token(client, "/inloggen")
    response = client.post(
        "/inloggen",
        data={"email": email, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]


def api_login(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the API; returns the CSRF token for unsafe methods."""
    response = client.post("/api/v1/accounts/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf_token"])
