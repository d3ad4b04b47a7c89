"""Dutch (or English) error pages for the web space; the API keeps problem+json."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.types import Scope

from koers.access import TooManyRefusals
from koers.errors import KoersError
from koers.http.limits import ServerBusy
from koers.i18n import translate
from koers.web.render import language, render


def wants_html(request: Request) -> bool:
    """Pages get HTML errors whatever the Accept header says; the API keeps problem+json."""
    return not request.url.path.startswith(("/api", "/health"))


def error_page(request: Request, exc: KoersError) -> HTMLResponse:
    if isinstance(exc, TooManyRefusals):
        return _too_many_refusals(request, exc)
    if isinstance(exc, ServerBusy):
        return _busy(request, exc)
    key = "error.not_found" if exc.status == 404 else "error.invalid"
    return render(
        request,
        "public/error.html",
        {"message_key": key, "detail": exc.message},
        status_code=exc.status,
    )


def _too_many_refusals(request: Request, exc: TooManyRefusals) -> HTMLResponse:
    """429 in the reader's language, with the wait in minutes and ``Retry-After``."""
    wait = translate("error.too_many_refusals.wait", language(request), minutes=exc.minutes)
    page = render(
        request,
        "public/error.html",
        {"message_key": "error.too_many_refusals", "detail": wait},
        status_code=exc.status,
    )
    page.headers["Retry-After"] = str(exc.retry_after)
    return page


def _busy(request: Request, exc: ServerBusy) -> HTMLResponse:
    """503 in the reader's language, with ``Retry-After``: heavy work is full (``http/limits``)."""
    wait = translate("error.busy.wait", language(request), seconds=exc.retry_after)
    page = render(
        request,
        "public/error.html",
        {"message_key": "error.busy", "detail": wait},
        status_code=exc.status,
    )
    page.headers["Retry-After"] = str(exc.retry_after)
    return page


LIMIT_KEYS = {403: "error.cross_origin", 413: "error.too_large"}


def refusal_page(scope: Scope, status: int, detail: str) -> Response:
    """The error page for a request refused by the hardening middleware before any route ran
    (too large, NUL character, another site's form): no form was read, so nothing was stored."""
    request = Request(scope)
    return render(
        request,
        "public/error.html",
        {"message_key": LIMIT_KEYS.get(status, "error.invalid"), "detail": detail},
        status_code=status,
    )
