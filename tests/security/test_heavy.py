"""Heavy and hostile requests (issue 13, faults 1 and 2): slow work never stalls the event
loop, and heavy work is bounded in number (503 with ``Retry-After``, not a queue).

The slow work is the real service method behind a two-second sleep: a blocking call, like the
CPU-bound extraction or organisation check it stands in for, without a 60-second job.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.services.check import CheckService
from koers.services.portfolio import MAX_CV_CHARS, PortfolioService
from tests.access.world import World
from tests.portfolio.docs_factory import docx_nested, nested_json
from tests.security.conftest import CSRF

SLOW_SECONDS = 2.0
HEALTH_BOUND = 0.5
"""/health must answer this quickly while a slow request runs (it takes milliseconds alone)."""

CSV = b"occupation,age,headcount\nnurse,40,1\n"
CV_TEXT = "Ik werk als verpleegkundige en heb ervaring met wondzorg en medicatie."


def slow(method: Callable[..., Any], gate: threading.Event | None = None) -> Callable[..., Any]:
    """``method`` after a blocking wait (``SLOW_SECONDS``, or until ``gate`` is set)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if gate is not None:
            gate.wait(10)
        else:
            time.sleep(SLOW_SECONDS)
        return method(*args, **kwargs)

    return wrapper


@pytest.fixture()
def slow_app(world: World, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    """The app with every heavy service method slowed down (the real method runs after)."""
    app = create_app(services=world.services)
    checks: CheckService = world.services.checks
    portfolios: PortfolioService = world.services.portfolios
    monkeypatch.setattr(checks, "organisation", slow(checks.organisation))
    monkeypatch.setattr(checks, "citizen", slow(checks.citizen))
    for name in ("import_cv", "import_cv_file", "import_occupations", "read"):
        monkeypatch.setattr(portfolios, name, slow(getattr(portfolios, name)))
    return app


Client = httpx.Client


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """``app`` under uvicorn on a free 127.0.0.1 port (one event loop, as in production: a
    Client per thread would give each its own loop and hide a blocked one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def client_for(url: str) -> Client:
    return httpx.Client(base_url=url, timeout=20)


def form_token(client: Client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    match = CSRF.search(page.text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def _api_organisation(client: Client) -> httpx.Response:
    files = {"workforce": ("w.csv", CSV, "text/csv")}
    return client.post("/api/v1/check/organisation", files=files)


def _api_cv_file(client: Client) -> httpx.Response:
    files = {"file": ("cv.txt", CV_TEXT.encode(), "text/plain")}
    return client.post("/api/v1/portfolio/import/cv-file", files=files)


def _api_occupations(client: Client) -> httpx.Response:
    files = {"file": ("jobs.csv", b"occupation,start,end\nnurse,2020-01,2021-01\n", "text/csv")}
    return client.post("/api/v1/portfolio/import/occupations", files=files)


def _page(path: str, fields: dict[str, str], files: dict[str, Any] | None = None) -> Any:
    def post(client: Client) -> httpx.Response:
        token = form_token(client, path)
        return client.post(path, data={**fields, "csrf_token": token}, files=files)

    return post


SLOW_REQUESTS = {
    "api organisation check": _api_organisation,
    "api CV file import": _api_cv_file,
    "api occupations import": _api_occupations,
    "page /werkgever/check": _page(
        "/werkgever/check", {}, {"workforce": ("w.csv", CSV, "text/csv")}
    ),
    "page /mijn-competenties CV text": _page("/mijn-competenties", {"cv": CV_TEXT}),
    "page /competentiecheck CV text": _page("/competentiecheck", {"cv": CV_TEXT}),
}


@pytest.mark.parametrize("name", list(SLOW_REQUESTS))
def test_slow_request_does_not_block_health(slow_app: FastAPI, name: str) -> None:
    """Before the fix these handlers ran their synchronous work on the event loop: /health
    waited for the whole slow request (2 s here; 64 s with a real 20,000-row workforce)."""
    with serve(slow_app) as url, client_for(url) as client, client_for(url) as other:
        started = threading.Event()
        done: list[httpx.Response] = []

        def run() -> None:
            started.set()
            done.append(SLOW_REQUESTS[name](client))

        worker = threading.Thread(target=run)
        worker.start()
        started.wait()
        time.sleep(0.4)  # the slow request is now inside its handler
        begin = time.perf_counter()
        health = other.get("/health")
        waited = time.perf_counter() - begin
        worker.join(10)
    assert health.status_code == 200
    assert waited < HEALTH_BOUND, f"/health waited {waited:.2f} s behind {name}"
    assert done and done[0].status_code < 500, done[0].text[:300] if done else "no answer"


@pytest.fixture()
def gated(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """One slot per kind of heavy work; the organisation check and the CV text import wait
    for ``gate`` (so a request can be held inside its slot)."""
    gate = threading.Event()
    world.services.settings.max_heavy_requests = 1
    app = create_app(services=world.services)
    checks = world.services.checks
    portfolios = world.services.portfolios
    monkeypatch.setattr(checks, "organisation", slow(checks.organisation, gate))
    monkeypatch.setattr(portfolios, "import_cv", slow(portfolios.import_cv, gate))
    yield app, gate
    gate.set()


def _hold(client: Client, send: Callable[[Client], httpx.Response]) -> threading.Thread:
    worker = threading.Thread(target=send, args=(client,))
    worker.start()
    time.sleep(0.4)
    return worker


def test_heavy_requests_beyond_the_limit_get_503_with_retry_after(gated: Any) -> None:
    """Before the fix every request got a thread of its own: four overlapping 199,000-character
    extractions took 9.5 GB. Now one more than KOERS_MAX_HEAVY_REQUESTS gets 503 at once."""
    app, gate = gated
    with serve(app) as url, client_for(url) as client, client_for(url) as other:
        worker = _hold(client, _api_organisation)
        begin = time.perf_counter()
        refused = _api_organisation(other)
        assert time.perf_counter() - begin < 1.0  # refused at once, not queued
        assert refused.status_code == 503
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["code"] == "server_busy"
        assert int(refused.headers["Retry-After"]) > 0
        # another kind of heavy work has its own slot (the CV text import runs, held by the gate)
        cv = threading.Thread(
            target=lambda: other.post("/api/v1/portfolio/import/cv", json={"text": CV_TEXT})
        )
        cv.start()
        time.sleep(0.3)
        page = _page("/mijn-competenties", {"cv": CV_TEXT})(other)
        assert page.status_code == 503  # the page of the same kind: a readable page
        assert page.headers["content-type"].startswith("text/html")
        assert "Retry-After" in page.headers
        assert "druk" in page.text
        gate.set()
        worker.join(10)
        cv.join(10)
        # the slot is free again once the work has ended (404: this database has no ESCO)
        assert _api_organisation(other).status_code in (200, 404)


# -- fault 5: hostile documents and JSON give a clear 422, never a RecursionError 500 --------


@pytest.fixture()
def client(world: World) -> Iterator[TestClient]:
    with TestClient(create_app(services=world.services), raise_server_exceptions=False) as c:
        yield c


def test_deeply_nested_docx_is_a_422_naming_the_problem(client: TestClient) -> None:
    files = {"file": ("cv.docx", docx_nested(5000), "application/octet-stream")}
    response = client.post("/api/v1/portfolio/import/cv-file", files=files)
    assert response.status_code == 422, response.text[:300]
    assert response.json()["code"] == "document_unreadable"
    assert "levels deep" in response.json()["detail"]


@pytest.mark.parametrize("depth", [900, 50_000])
def test_deeply_nested_json_is_never_a_500(client: TestClient, depth: int) -> None:
    body = nested_json(depth)
    headers = {"content-type": "application/json"}
    for path in ("/api/v1/portfolio/validate", "/api/v1/check/citizen"):
        response = client.post(path, content=body, headers=headers)
        assert response.status_code in (400, 422), (path, response.status_code)


def test_deeply_nested_portfolio_file_on_the_page_is_a_422(client: TestClient) -> None:
    token = CSRF.search(client.get("/mijn-competenties").text)
    assert token
    files = {"file": ("portfolio.json", nested_json(50_000), "application/json")}
    response = client.post("/mijn-competenties", data={"csrf_token": token.group(1)}, files=files)
    assert response.status_code == 422
    assert "nested far too deeply" in response.text


# -- fault 2: the work per request is bounded before it starts ----------------------------------


def test_cv_text_over_the_cv_limit_is_refused_with_the_limit(client: TestClient) -> None:
    """A 199,000-character CV in the web form froze the server for 57 s; a CV is 3,000 to
    15,000 characters, and more than MAX_CV_CHARS is refused before any extraction."""
    text = "verpleegkundige wondzorg " * (MAX_CV_CHARS // 25 + 1)
    api = client.post("/api/v1/portfolio/import/cv", json={"text": text})
    assert api.status_code == 422 and str(MAX_CV_CHARS) in api.text
    token = CSRF.search(client.get("/mijn-competenties").text)
    assert token
    page = client.post("/mijn-competenties", data={"csrf_token": token.group(1), "cv": text})
    assert page.status_code == 422
    assert f"{MAX_CV_CHARS} characters" in page.text
