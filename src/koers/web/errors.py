"""Dutch (or English) error pages for the web space; the API keeps problem+json."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

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
