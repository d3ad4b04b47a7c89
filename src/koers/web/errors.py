"""Dutch (or English) error pages for the web space; the API keeps problem+json."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.types import Scope

from koers.errors import KoersError
from koers.web.render import render


def wants_html(request: Request) -> bool:
    """Pages get HTML errors whatever the Accept header says; the API keeps problem+json."""
    return not request.url.path.startswith(("/api", "/health"))


def error_page(request: Request, exc: KoersError) -> HTMLResponse:
    key = "error.not_found" if exc.status == 404 else "error.invalid"
    return render(
        request,
        "public/error.html",
        {"message_key": key, "detail": exc.message},
        status_code=exc.status,
    )


LIMIT_KEYS = {413: "error.too_large"}


def refusal_page(scope: Scope, status: int, detail: str) -> Response:
    """The error page for a request refused by the hardening middleware before any route ran
    (too large, NUL character): no form was read, so nothing was stored."""
    request = Request(scope)
    return render(
        request,
        "public/error.html",
        {"message_key": LIMIT_KEYS.get(status, "error.invalid"), "detail": detail},
        status_code=status,
    )
