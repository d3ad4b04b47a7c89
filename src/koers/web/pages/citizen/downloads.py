"""Downloads of "Mijn competenties": the portfolio as a printable one-page summary (PDF or
HTML, to attach to a CV), as Europass / European Learning Model JSON-LD, and as the
platform's own JSON (to import again later or elsewhere).

The stored portfolio is read only for its signed-in owner (purpose ``self``) through the
portfolio store and its personal-data gate, like every other page of this space. A portfolio
that is not stored (an imported CV, the sample) is posted back from the page with its CSRF
token, so an anonymous visitor can take their result home without an account.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from koers.access import Purpose
from koers.errors import NotFound
from koers.http.deps import PortfolioDep
from koers.http.middleware import content_security_policy
from koers.http.security import CsrfForm, CurrentAccount
from koers.portfolio import Portfolio, dumps
from koers.services.portfolio import MAX_FILE_BYTES, PortfolioService
from koers.web.render import language

router = APIRouter(include_in_schema=False)

DOWNLOADS = "/mijn-competenties/download"

Kind = Literal["pdf", "html", "jsonld", "json"]

SUMMARY_CSP = content_security_policy(style_src="'self' 'unsafe-inline'")
"""The summary is a standalone document meant for printing: its styles are inline (a
``<style>`` block and bar widths); it has no scripts, and every user text in it is escaped."""


class NoStoredPortfolio(NotFound):
    code = "no_portfolio"


def _file_name(kind: Kind, today: date) -> str:
    extension = {"pdf": "pdf", "html": "html", "jsonld": "jsonld", "json": "json"}[kind]
    return f"mijn-competenties-{today.isoformat()}.{extension}"


def download(portfolios: PortfolioService, portfolio: Portfolio, kind: Kind, lang: str) -> Response:
    """The portfolio in the chosen form; files are attachments, the HTML summary opens in the
    browser so it can be printed."""
    today = date.today()
    attachment = {"Content-Disposition": f'attachment; filename="{_file_name(kind, today)}"'}
    if kind == "pdf":
        pdf = portfolios.export_pdf(portfolio, lang, today)
        return Response(pdf, media_type="application/pdf", headers=attachment)
    if kind == "html":
        html = portfolios.export_html(portfolio, lang, today)
        return HTMLResponse(html, headers={"Content-Security-Policy": SUMMARY_CSP})
    if kind == "jsonld":
        body = portfolios.export_jsonld(portfolio, lang)
        return JSONResponse(body, media_type="application/ld+json", headers=attachment)
    return Response(dumps(portfolio), media_type="application/json", headers=attachment)


@router.get(f"{DOWNLOADS}/{{kind}}")
def download_stored(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    kind: Annotated[Kind, Path()],
) -> Response:
    route = f"{DOWNLOADS}/{kind}"
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    if not ids:
        raise NoStoredPortfolio("you have no stored portfolio yet; save one first")
    stored = portfolios.load(ids[0], me.actor(), Purpose.SELF, route)
    return download(portfolios, stored.portfolio, kind, language(request))


@router.post(DOWNLOADS)
def download_unsaved(
    request: Request,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    kind: Annotated[Kind, Form()],
    portfolio_json: Annotated[str, Form(max_length=MAX_FILE_BYTES)],
) -> Response:
    lang = language(request)
    portfolio = portfolios.read(portfolio_json.encode(), "portfolio", lang)
    return download(portfolios, portfolio, kind, lang)
