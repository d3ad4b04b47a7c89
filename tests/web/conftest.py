"""Browser tests: the real app under uvicorn on 127.0.0.1, driven by Debian's headless Chromium.

* Chromium is ``/usr/bin/chromium`` (Debian packages ``chromium`` and ``chromium-driver``,
  installed by ``make browser-deps``); Playwright only drives it (``playwright install`` is
  never run).
* axe-core comes from the npm registry (``make node-deps`` puts it in ``node_modules/``).
* Every page runs in a context that aborts any request to a host other than 127.0.0.1 and
  fails the test; console errors (a blocked script or style under the CSP, a JavaScript error)
  fail it too.

Without Chromium or axe-core these tests skip with the reason; ``make test`` sets
``KOERS_REQUIRE_BROWSER=1``, which turns the skip into a failure.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn

from koers.app import create_app
from koers.bootstrap import build_services
from koers.config import Settings
from koers.store.db import Database
from tests.web.axe import AXE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HOST = "127.0.0.1"


def _missing(what: str) -> None:
    reason = f"{what}; run 'make browser-deps node-deps' (make test does)"
    if os.environ.get("KOERS_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def copy_database(source: Database, target: Path) -> Database:
    """A consistent copy of a SQLite database (the browser tests write to theirs)."""
    with (
        closing(sqlite3.connect(source.url.removeprefix("sqlite:///"))) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    return Database(f"sqlite:///{target}")


@dataclass
class LiveServer:
    url: str
    database: Database
    settings: Settings


@pytest.fixture(scope="session")
def live_server(
    sqlite_loaded: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """The whole app on a free 127.0.0.1 port, on its own copy of the loaded database."""
    tmp = tmp_path_factory.mktemp("web")
    database = copy_database(sqlite_loaded, tmp / "web.sqlite3")
    settings = Settings(data_dir=tmp, environment="test")
    services = build_services(settings, database)
    services.taxonomy.index()  # build the search index now, not inside the first test
    app = create_app(services=services)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield LiveServer(url=f"http://{HOST}:{port}", database=database, settings=settings)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    database.dispose()


class _SharedBrowser:
    """One Playwright and one Chromium per test run.

    Playwright's sync API allows one instance per thread, and other test packages import these
    fixtures (``from tests.web.conftest import browser``), which defines them again there; so
    every definition shares this one, and the last user to finish closes it.
    """

    manager: Any = None
    playwright: Any = None
    chromium: Any = None
    users = 0

    @classmethod
    def acquire(cls) -> Any:
        if cls.chromium is None:
            from playwright.sync_api import sync_playwright

            cls.manager = sync_playwright()
            cls.playwright = cls.manager.start()
            cls.chromium = cls.playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
            )
        cls.users += 1
        return cls.chromium

    @classmethod
    def release(cls) -> None:
        cls.users -= 1
        if cls.users == 0 and cls.chromium is not None:
            cls.chromium.close()
            cls.playwright.stop()
            cls.manager = cls.playwright = cls.chromium = None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.access(CHROMIUM, os.X_OK):
        _missing(f"{CHROMIUM} is not installed")
    chromium = _SharedBrowser.acquire()
    yield chromium
    _SharedBrowser.release()


@dataclass
class Guard:
    """What a page did that a test must not allow: leave 127.0.0.1, log console errors."""

    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.foreign, f"requests left {HOST}: {self.foreign}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


def _guard_context(context: Any, guard: Guard) -> None:
    def route(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == HOST:
            route.continue_()
        else:
            guard.foreign.append(url)
            route.abort()

    context.route("**/*", route)

    def on_page(page: Any) -> None:
        page.on(
            "console",
            lambda msg: guard.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: guard.console_errors.append(str(exc)))

    context.on("page", on_page)


@pytest.fixture()
def new_page(browser: Any, live_server: LiveServer) -> Iterator[Callable[..., Any]]:
    """Opens pages in fresh, guarded browser contexts (own cookies); checks them at the end.

    ``new_page(allow_console_errors=(...))`` tolerates console errors containing one of the
    given texts (e.g. the browser's own log line for an expected 404 or 413).
    """
    opened: list[tuple[Any, Guard, tuple[str, ...]]] = []

    def open_page(allow_console_errors: tuple[str, ...] = ()) -> Any:
        guard = Guard()
        context = browser.new_context(base_url=live_server.url, locale="nl-BE")
        context.set_default_timeout(15_000)
        _guard_context(context, guard)
        opened.append((context, guard, allow_console_errors))
        return context.new_page()

    yield open_page
    for context, guard, allowed in opened:
        context.close()
        guard.console_errors = [
            e for e in guard.console_errors if not any(text in e for text in allowed)
        ]
        guard.check()


@pytest.fixture()
def page(new_page: Callable[..., Any]) -> Any:
    return new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"{AXE} is missing")
    return AXE.read_text(encoding="utf-8")
