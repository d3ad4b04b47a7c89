"""Refuses state-changing requests that another site's page sent with the visitor's cookies.

The CSRF token (``koers.http.security``) is the main defence; this is the second one that
OWASP recommends: a browser names the page that sent a request in ``Origin`` (or, on older
browsers, ``Referer``), and no other site can forge that header. An unsafe request (POST, PUT,
PATCH, DELETE) that carries the session or CSRF cookie, and whose ``Origin`` (or, without it,
``Referer``) is present and not this server's own origin, gets 403 (problem+json for the API, the
error page for pages) before it reaches any route. Requests without either header (non-browser
clients) pass on to the CSRF check. Behind a TLS-terminating proxy the server sees its own origin
only when ``KOERS_TRUSTED_PROXIES`` lets it believe ``X-Forwarded-Proto``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from koers.http.errors import problem
from koers.http.security import CSRF_COOKIE, SESSION_COOKIE, UNSAFE_METHODS

if TYPE_CHECKING:  # the middleware module registers this one
    from koers.http.middleware import PageError

DEFAULT_PORTS = {"http": "80", "https": "443"}
REFUSAL = "The request came from another site's page; nothing was changed."


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]`` of ``url`` in lower case, default port left out; ``None`` for
    anything that is not an http(s) URL (``null``, ``about:blank``)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and str(port) != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


def own_origin(scope: Scope, headers: Headers) -> str | None:
    scheme = str(scope.get("scheme", "http"))
    return origin_of(f"{scheme}://{headers.get('host', '')}/")


def is_cross_origin(scope: Scope) -> bool:
    """Whether this request rides on our cookies but was sent by another origin's page."""
    if scope.get("method") not in UNSAFE_METHODS:
        return False
    headers = Headers(scope=scope)
    cookies = cookie_parser(headers.get("cookie", ""))
    if SESSION_COOKIE not in cookies and CSRF_COOKIE not in cookies:
        return False
    sender = headers.get("origin")
    if sender is None:
        sender = headers.get("referer")
    if sender is None:
        return False
    own = own_origin(scope, headers)
    return own is None or origin_of(sender) != own


class OriginCheckMiddleware:
    """403 for an unsafe, cookie-carrying request from another origin (see the module text)."""

    def __init__(self, app: ASGIApp, page_error: PageError | None = None) -> None:
        self.app = app
        self.page_error = page_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_cross_origin(scope):
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if self.page_error is not None and not path.startswith(("/api", "/health")):
            response = self.page_error(scope, 403, REFUSAL)
        else:
            response = problem(403, "Forbidden", REFUSAL, "origin_refused")
        await response(scope, receive, send)
