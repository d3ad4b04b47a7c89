"""Work that takes seconds to minutes once (label vectors, title mappings, the occupation
catalogue) and is then shared read-only: run in a daemon thread so that no request waits for it.

One helper for every warm-up, so that each one starts at most once at a time, logs its failure
without taking the server down, and can be waited for by one-shot callers such as the CLI.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class BackgroundWork:
    """``work`` run in a named daemon thread.

    Args:
        name: the thread's name and the ``work`` field of the failure log event.
        work: what to do; an exception is logged (``background.failed``), never raised.
        repeatable: start again after a finished run (e.g. a mapping that a new taxonomy load
            makes stale); otherwise :meth:`start` runs the work once per object.
    """

    def __init__(self, name: str, work: Callable[[], None], repeatable: bool = False) -> None:
        self.name = name
        self._work = work
        self._repeatable = repeatable
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> threading.Thread:
        """Start the work unless it runs already (or, if not repeatable, ran already)."""
        with self._lock:
            thread = self._thread
            if thread is not None and (thread.is_alive() or not self._repeatable):
                return thread
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
            return self._thread

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a started run to finish, at most ``timeout`` seconds."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join(timeout)

    def _run(self) -> None:
        try:
            self._work()
        except Exception:  # a background warm-up must never take the server down
            log.exception("background.failed", extra={"fields": {"work": self.name}})
