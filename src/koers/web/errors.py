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
        return come_back_later(
            request,
            exc.status,
            exc.retry_after,
            "error.too_many_refusals",
            "error.too_many_refusals.wait",
            minutes=exc.minutes,
        )
    if isinstance(exc, ServerBusy):
        # heavy work is full (``http/limits``)
        return come_back_later(
            request,
            exc.status,
            exc.retry_after,
            "error.busy",
            "error.busy.wait",
            seconds=exc.retry_after,
        )
    key = "error.not_found" if exc.status == 404 else "error.invalid"
    return render(
        request,
        "public/error.html",
        {"message_key": key, "detail": exc.message},
        status_code=exc.status,
    )


def come_back_later(
    request: Request,
    status: int,
    retry_after: int,
    message_key: str,
    wait_key: str,
    **wait: object,
) -> HTMLResponse:
    """The error page of a refusal that ends by itself (429, 503): the reader's language, how
    long to wait, and ``Retry-After`` in seconds."""
    page = render(
        request,
        "public/error.html",
        {"message_key": message_key, "detail": translate(wait_key, language(request), **wait)},
        status_code=status,
    )
    page.headers["Retry-After"] = str(retry_after)
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
