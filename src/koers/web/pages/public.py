"""Public pages: the start page with the spaces of the platform."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from koers.web.render import render

router = APIRouter(include_in_schema=False)

SPACES = [
    # (key, link when the space exists, else None)
    ("citizen", "/mijn-competenties"),
    ("coach", "/coach"),
    ("employer", "/werkgever/check"),
    ("provider", None),
    ("analyst", "/analist"),
]


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return render(request, "public/home.html", {"spaces": SPACES})
