"""SQL injection and XSS attempts on every GET query and path parameter of the whole app
(API and pages), as it is now: new routes are picked up automatically.

Passes when no answer is a server error, no answer echoes a payload unescaped as HTML, and the
taxonomy tables are intact afterwards.
"""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from koers.app import API_ROUTERS, WEB_ROUTERS, create_app
from koers.config import Settings
from koers.store.db import Database
from koers.store.orm.taxonomy import OccupationRow, SkillRow

PAYLOADS = [
    "' OR '1'='1",
    "x'; DROP TABLE occupation; --",
    "1 UNION SELECT uri, code FROM occupation --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
]
PATH_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")
RAW_MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def _get_routes() -> list[tuple[str, list[str]]]:
    """(path, names of plain query parameters) of every GET route the app includes."""
    found = []
    for router in API_ROUTERS + WEB_ROUTERS:
        for route in router.routes:
            if not isinstance(route, APIRoute) or "GET" not in route.methods:
                continue
            queries = [p.name for p in route.dependant.query_params]
            found.append((route.path, queries))
    return found


def _counts(database: Database) -> tuple[int, int]:
    with database.session() as session:
        return (
            int(session.scalar(select(func.count()).select_from(OccupationRow)) or 0),
            int(session.scalar(select(func.count()).select_from(SkillRow)) or 0),
        )


def test_payloads_on_every_get_parameter(sqlite_loaded: Database, settings: Settings) -> None:
    before = _counts(sqlite_loaded)
    client = TestClient(create_app(settings, sqlite_loaded), raise_server_exceptions=False)
    routes = _get_routes()
    assert len(routes) > 20, "the route walk found the app's routes"
    tried = 0
    for path, queries in routes:
        for payload in PAYLOADS:
            url = PATH_PARAM.sub(lambda _m, p=payload: p.replace("/", "%2F"), path)
            targets = [{}] if "{" in path else []
            targets += [{name: payload} for name in queries]
            for params in targets:
                response = client.get(url, params=params)
                tried += 1
                where = f"GET {path} {params or '(path)'}"
                assert response.status_code < 500, where
                if "text/html" in response.headers.get("content-type", ""):
                    for raw in RAW_MARKUP:
                        assert raw not in response.text, f"{where}: payload echoed unescaped"
    assert tried > 100
    assert _counts(sqlite_loaded) == before


@pytest.mark.parametrize("payload", PAYLOADS)
def test_taxonomy_search_treats_payload_as_text(
    sqlite_loaded: Database, settings: Settings, payload: str
) -> None:
    response = TestClient(create_app(settings, sqlite_loaded)).get(
        "/api/v1/taxonomy/search", params={"q": payload}
    )
    assert response.status_code == 200
    assert isinstance(response.json(), list)
