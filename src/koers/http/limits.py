"""Heavy work (skill extraction, CV files, organisation checks, uploaded tables) off the event
loop and bounded in number, the same way for API routes and web pages.

Each kind of heavy work has ``KOERS_MAX_HEAVY_REQUESTS`` slots per process. A request that
finds every slot of its kind taken is refused at once with 503 and ``Retry-After`` (API:
problem+json; pages: the error page) instead of waiting in an unbounded queue of threads. An
``async`` handler reads its upload with ``await`` and hands the work to a worker thread with
:func:`run_heavy`, so the event loop keeps answering other requests; a plain ``def`` handler
(already in a worker thread) holds a slot with :func:`heavy_slot`.

A slot is given back when the work really ends, not when the client stops waiting: after the
request time limit (503) the worker thread runs on, and it still counts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import ParamSpec, TypeVar

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from koers.errors import KoersError

P = ParamSpec("P")
T = TypeVar("T")

RETRY_AFTER_SECONDS = 5
"""What a refused client is told to wait: heavy requests take seconds, not minutes."""


class HeavyKind(StrEnum):
    """Kinds of heavy work; each has its own slots, so a queue of CV files does not stop the
    organisation check."""

    EXTRACTION = "extraction"
    DOCUMENT = "document"
    WORKFORCE = "workforce"
    TABLE = "table"


class ServerBusy(KoersError):
    """Every slot for this kind of heavy work is taken; retry after ``retry_after`` seconds."""

    code = "server_busy"
    status = 503

    def __init__(self, kind: HeavyKind) -> None:
        super().__init__(
            f"the server is busy with other {kind.value} requests; "
            f"retry in {RETRY_AFTER_SECONDS} seconds"
        )
        self.kind = kind
        self.retry_after = RETRY_AFTER_SECONDS


class HeavyLimits:
    """One bounded semaphore per :class:`HeavyKind`, ``slots`` each (thread-safe)."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self._semaphores = {kind: threading.BoundedSemaphore(slots) for kind in HeavyKind}

    def acquire(self, kind: HeavyKind) -> Callable[[], None]:
        """Take a slot of ``kind`` without waiting; returns the function that gives it back.

        Raises:
            ServerBusy: every slot of ``kind`` is taken.
        """
        semaphore = self._semaphores[kind]
        if not semaphore.acquire(blocking=False):
            raise ServerBusy(kind)
        return semaphore.release


def heavy_limits(request: Request) -> HeavyLimits:
    """The application's limits, made once by ``create_app`` from ``KOERS_MAX_HEAVY_REQUESTS``."""
    limits: HeavyLimits = request.app.state.heavy_limits
    return limits


@contextmanager
def heavy_slot(request: Request, kind: HeavyKind) -> Iterator[None]:
    """Hold a slot of ``kind`` in a plain ``def`` handler (already in a worker thread).

    Raises:
        ServerBusy: every slot of ``kind`` is taken.
    """
    release = heavy_limits(request).acquire(kind)
    try:
        yield
    finally:
        release()


async def run_heavy(
    request: Request, kind: HeavyKind, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """``work(*args, **kwargs)`` in a worker thread, holding a slot of ``kind`` until it ends.

    Raises:
        ServerBusy: every slot of ``kind`` is taken (nothing was started).
    """
    release = heavy_limits(request).acquire(kind)
    started = False

    def bounded() -> T:
        nonlocal started
        started = True
        try:
            return work(*args, **kwargs)
        finally:
            release()  # in the thread: a cancelled request does not free a slot still in use

    try:
        # once started, the thread runs to its end even when the request is cancelled
        return await run_in_threadpool(bounded)
    finally:
        if not started:  # cancelled while waiting for a free thread: the work never ran
            release()
