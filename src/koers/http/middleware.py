"""ASGI middleware that hardens every request: input limits, a time limit, security headers.

Registered once by ``install_middleware(app, settings)``; order from the outside in:

1. ``SecurityHeadersMiddleware``: CSP without any external source, nosniff, referrer policy,
   no framing; on every answer, errors included. ``Cache-Control: no-store`` on personal
   paths, on every answer to a signed-in visitor (shared assets aside) and on every answer
   that sets a cookie.
2. ``TimeoutMiddleware``: a response must start within ``request_timeout_seconds`` or the
   client gets 503 problem+json.
3. ``RequestLimitsMiddleware``: bodies over ``max_body_bytes`` get 413 problem+json; the NUL
   character (U+0000) in the address, a text body, or a multipart form's field names, file
   names and text fields gets 422 (PostgreSQL cannot store it). Web pages
   (paths outside ``/api`` and ``/health``) get the same status as a readable error page.

Between 2 and 3, ``koers.http.origin.OriginCheckMiddleware`` refuses (403) state-changing
requests that carry our cookies but come from another site's page.

Pure ASGI (no ``BaseHTTPMiddleware``), so streaming answers and background tasks stay intact.
See ``docs/api.md``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import logging
import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from koers.config import Settings
from koers.http.errors import http_problem, problem
from koers.http.origin import OriginCheckMiddleware

log = logging.getLogger(__name__)

CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: browsers then still send a real Origin on same-site form
    # posts, which CSRF checks rely on.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}

HSTS = "max-age=31536000; includeSubDomains"

_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def content_security_policy(**overrides: str) -> str:
    """The Content-Security-Policy header value, with ``overrides`` per directive.

    Directive names use underscores in ``overrides`` (``script_src="'self' 'sha256-…'"``).
    """
    directives = dict(CSP_DIRECTIVES)
    directives.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def csp_for_inline_scripts(html: bytes | memoryview) -> str:
    """A CSP that allows exactly the inline ``<script>`` blocks of ``html`` (by SHA-256 hash).

    For the offline API documentation page, whose Swagger UI starts from one inline script and
    sets inline styles; everything else still comes only from this server.
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(bytes(html))
    )
    return content_security_policy(
        script_src=f"'self' {hashes}".strip(), style_src="'self' 'unsafe-inline'"
    )


PERSONAL_PATHS = (
    "/mijn-competenties",
    "/mijn-gegevens",
    "/competentiecheck",
    "/coach",
    "/werkgever",
    "/api/v1/me",
    "/api/v1/portfolio",
    "/api/v1/audit",
    "/api/v1/consents",
    "/api/v1/accounts",
)
"""Answers under these paths may hold personal data (or a CSRF token): never cached, whoever
asks and whatever the status."""

CACHEABLE_ASSETS = ("/static/", "/api/docs-assets/")
"""The same files for everyone: a browser may keep them even for a signed-in visitor."""

SESSION_COOKIE_PREFIX = b"koers_session="


def must_not_be_stored(scope: Scope, headers: MutableHeaders) -> bool:
    """Whether a cache may keep no copy of this answer (``Cache-Control: no-store``): a personal
    path, any answer to a signed-in visitor (the page shows who is signed in) except shared
    assets, and any answer that sets a cookie."""
    path: str = scope.get("path", "")
    if any(path == prefix or path.startswith(prefix + "/") for prefix in PERSONAL_PATHS):
        return True
    if "set-cookie" in headers:
        return True
    if path.startswith(CACHEABLE_ASSETS):
        return False
    cookies = b";".join(value for name, value in scope.get("headers", ()) if name == b"cookie")
    return SESSION_COOKIE_PREFIX in cookies


class SecurityHeadersMiddleware:
    """Adds the security headers to every HTTP answer (a response's own CSP wins), and
    ``Cache-Control: no-store`` to answers that hold personal data."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.csp = content_security_policy()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", self.csp)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if scope.get("scheme") == "https":
                    headers.setdefault("Strict-Transport-Security", HSTS)
                if must_not_be_stored(scope, headers):
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TimeoutMiddleware:
    """Answers 503 problem+json when no response has started within ``seconds``.

    The handler runs as its own task. On time-out the client gets the 503 at once and the task
    is cancelled; a synchronous handler's worker thread cannot be interrupted, so it runs to its
    end and whatever it sends is dropped. Once a response has started (streaming), the limit
    no longer applies.
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "timed_out": False}

        async def guarded_send(message: Message) -> None:
            if state["timed_out"]:
                return
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        try:
            done, _ = await asyncio.wait({task}, timeout=self.seconds)
        except asyncio.CancelledError:  # the server gave up on this request: so does the handler
            task.cancel()
            raise
        if done or state["started"]:
            await task
            return
        state["timed_out"] = True
        task.add_done_callback(_consume_result)
        task.cancel()
        log.warning(
            "api.request_timeout",
            extra={"fields": {"route": scope.get("path", ""), "seconds": self.seconds}},
        )
        response = http_problem(
            503,
            f"No response within {self.seconds:g} seconds; retry later.",
            {"Retry-After": "5"},
        )
        await response(scope, receive, send)


def _consume_result(task: asyncio.Future[Any]) -> None:
    with contextlib.suppress(asyncio.CancelledError, Exception):
        task.result()


PageError = Callable[[Scope, int, str], Response]
"""Builds the web space's error page (Dutch or English) for a refusal before any route runs:
pages get a page they can read, the API keeps problem+json."""


class BodyTooLarge(Exception):
    """The body went over the limit while it was read."""


class RequestLimitsMiddleware:
    """Refuses bodies over ``max_body_bytes`` (413) and NUL characters in input (422).

    A declared ``Content-Length`` over the limit is refused before reading. Other bodies are
    read (at most the limit), checked, then handed to the application unchanged.
    """

    def __init__(
        self, app: ASGIApp, max_body_bytes: int, page_error: PageError | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.page_error = page_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope):
            await self._nul(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await http_problem(400, "Content-Length is not a number.")(scope, receive, send)
                return
            if int(declared) > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return
            if int(declared) == 0:
                await self.app(scope, receive, send)
                return
        elif "transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body
            return
        try:
            body = await self._read_body(receive)
        except BodyTooLarge:
            await self._too_large(scope, receive, send)
            return
        if body is None:  # the client went away
            return
        if _body_has_nul(body, headers.get("content-type", "")):
            await self._nul(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read_body(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise BodyTooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _for_pages(self, scope: Scope) -> bool:
        path: str = scope.get("path", "")
        return self.page_error is not None and not path.startswith(("/api", "/health"))

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body is larger than {self.max_body_bytes} bytes."
        if self._for_pages(scope):
            assert self.page_error is not None
            response = self.page_error(scope, 413, message)
        else:
            response = http_problem(413, message)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)

    async def _nul(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._for_pages(scope):
            assert self.page_error is not None
            message = "Text may not contain the NUL character (U+0000)."
            await self.page_error(scope, 422, message)(scope, receive, send)
        else:
            await _nul_problem(scope, receive, send)


def _has_nul(scope: Scope) -> bool:
    query: bytes = scope.get("query_string", b"")
    return "\x00" in scope.get("path", "") or b"\x00" in query or b"%00" in query


def _body_has_nul(body: bytes, content_type: str) -> bool:
    """NUL in a text body (JSON, form, text/*) or in a multipart form's text; binary uploads
    (files, file parts) may hold it."""
    kind = content_type.lower()
    if "json" in kind:
        return b"\x00" in body or b"\\u0000" in body.lower()
    if "x-www-form-urlencoded" in kind:
        return b"\x00" in body or b"%00" in body
    if kind.startswith("multipart/form-data"):
        return _multipart_has_nul(body, content_type)
    return kind.startswith("text/") and b"\x00" in body


def _multipart_has_nul(body: bytes, content_type: str) -> bool:
    """NUL in a field name, a file name or a text field of a multipart form. File contents
    (PDF, .docx) may hold NUL bytes. A form that does not parse is left to the application,
    which refuses it."""
    if b"\x00" not in body:
        return False
    _, params = parse_options_header(content_type)
    boundary = params.get(b"boundary")
    if not boundary:
        return False
    scan = _MultipartNulScan()
    try:
        MultipartParser(boundary, scan.callbacks()).write(body)
    except MultipartParseError:
        return False
    return scan.found


class _MultipartNulScan:
    """Callbacks for python-multipart's parser that look for NUL outside file contents."""

    def __init__(self) -> None:
        self.found = False
        self.in_file = False
        self.header = b""
        self.value = b""
        self.disposition = b""

    def callbacks(self) -> Any:
        return {
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
        }

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def on_header_end(self) -> None:
        if self.header.lower() == b"content-disposition":
            self.disposition = self.value
        self.header = self.value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition)
        # The raw header too: a name in RFC 2231 form (``filename*=``) is not decoded here.
        raw = self.disposition
        self.found = self.found or b"\x00" in raw or (b"*=" in raw and b"%00" in raw)
        self.found = self.found or any(b"\x00" in value for value in options.values())
        self.in_file = b"filename" in options or b"filename*" in self.disposition.lower()
        self.disposition = b""

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        self.found = self.found or (not self.in_file and b"\x00" in data[start:end])


async def _nul_problem(scope: Scope, receive: Receive, send: Send) -> None:
    response = problem(
        422,
        "Invalid input",
        "Text may not contain the NUL character (U+0000).",
        "invalid_input",
        errors=[{"loc": ["request"], "msg": "contains U+0000"}],
    )
    await response(scope, receive, send)


def install_middleware(
    app: FastAPI, settings: Settings, page_error: PageError | None = None
) -> None:
    """Register the hardening middleware on ``app`` (the last added runs first)."""
    app.add_middleware(
        RequestLimitsMiddleware, max_body_bytes=settings.max_body_bytes, page_error=page_error
    )
    app.add_middleware(OriginCheckMiddleware, page_error=page_error)
    app.add_middleware(TimeoutMiddleware, seconds=settings.request_timeout_seconds)
    app.add_middleware(SecurityHeadersMiddleware)
