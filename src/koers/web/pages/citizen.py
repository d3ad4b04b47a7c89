"""Citizen space: "Mijn competenties" (portfolio with confidence and sources, CV import, save)
and "Competentiecheck" (warning lights, answers and action plan).

Pages call the same services as the API. A stored portfolio is read only for its signed-in
owner (purpose ``self``) through the portfolio store and its personal-data gate; uploads and
pasted CVs are used for the page and not stored unless the owner presses "Bewaar".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.access import Account, Purpose
from koers.api.routers.check import CheckDep, PortfolioDep, read_upload
from koers.api.security import CsrfForm, CurrentAccount, OptionalAccount, render_with_csrf
from koers.portfolio import Portfolio, PortfolioInvalid, dumps
from koers.services.portfolio import MAX_FILE_BYTES, PortfolioService, StoredPortfolio
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

SKILLS = "/mijn-competenties"
CHECK = "/competentiecheck"


@dataclass(frozen=True)
class SkillRow:
    label: str
    percent: int
    why: str
    last_used: str
    stale: bool


def demo_portfolio() -> bytes:
    return resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()


def _stored(portfolios: PortfolioService, me: Account | None, route: str) -> StoredPortfolio | None:
    if me is None:
        return None
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    return portfolios.load(ids[0], me.actor(), Purpose.SELF, route) if ids else None


async def _from_form(
    portfolios: PortfolioService, file: UploadFile | None, cv: str, demo: str, lang: str
) -> Portfolio:
    if demo:
        return portfolios.read(demo_portfolio(), "demo_citizen_portfolio.json", lang)
    if file is not None and file.filename:
        data = await read_upload(file, MAX_FILE_BYTES)
        return portfolios.read(data, file.filename, lang)
    if cv.strip():
        return portfolios.import_cv(cv, document="CV", lang=lang)
    raise PortfolioInvalid("form", ["choose a file, paste a CV or try the sample"])


def _view(portfolios: PortfolioService, portfolio: Portfolio, lang: str) -> dict[str, Any]:
    today = date.today()
    confidences = portfolios.confidences(portfolio, today, lang)
    labels = portfolios.labels(portfolio, lang)
    rows = [
        SkillRow(
            labels.get(c.skill_uri, c.skill_uri),
            round(c.confidence * 100),
            c.why(lang),
            c.last_used.isoformat() if c.last_used else "",
            c.stale,
        )
        for c in confidences.values()
    ]
    history = sorted(
        portfolio.history, key=lambda h: (h.end or date.max, h.start or date.min), reverse=True
    )
    return {
        "portfolio": portfolio,
        "rows": rows,
        "history": history,
        "labels": labels,
        "portfolio_json": dumps(portfolio),
    }


Upload = Annotated[UploadFile | None, File()]
CvText = Annotated[str, Form(max_length=200_000)]
DemoFlag = Annotated[str, Form(max_length=5)]


@router.get(SKILLS, response_class=HTMLResponse)
def skills_page(request: Request, me: OptionalAccount, portfolios: PortfolioDep) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, SKILLS)
    context: dict[str, Any] = {"me": me, "stored": stored, "action": SKILLS}
    if stored is not None:
        context.update(_view(portfolios, stored.portfolio, lang))
    return render_with_csrf(render(request, "citizen/skills.html", context), request)


@router.post(SKILLS, response_class=HTMLResponse)
async def skills_submit(
    request: Request,
    me: OptionalAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    file: Upload = None,
    cv: CvText = "",
    demo: DemoFlag = "",
) -> HTMLResponse:
    lang = language(request)
    portfolio = await _from_form(portfolios, file, cv, demo, lang)
    context = {"me": me, "stored": None, "action": SKILLS, "fresh": True}
    context.update(_view(portfolios, portfolio, lang))
    return render_with_csrf(render(request, "citizen/skills.html", context), request)


@router.post(f"{SKILLS}/bewaar")
def save_submit(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    portfolio_json: Annotated[str, Form(max_length=MAX_FILE_BYTES)],
) -> Response:
    lang = language(request)
    portfolio = portfolios.read(portfolio_json.encode(), "portfolio", lang)
    stored = _stored(portfolios, me, f"{SKILLS}/bewaar")
    if stored is None:
        portfolios.create(me.id, portfolio, lang)
    else:
        portfolios.save(
            stored.id,
            stored.version,
            portfolio,
            me.actor(),
            Purpose.SELF,
            f"{SKILLS}/bewaar",
            lang,
        )
    return RedirectResponse(SKILLS, status_code=303)


def _check_context(
    checks: CheckDep, portfolio: Portfolio, lang: str, me: Account | None
) -> dict[str, Any]:
    result = checks.citizen(portfolio, lang)
    return {"me": me, "result": result, "action": CHECK}


@router.get(CHECK, response_class=HTMLResponse)
def check_page(
    request: Request, me: OptionalAccount, portfolios: PortfolioDep, checks: CheckDep
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, CHECK)
    context: dict[str, Any] = {"me": me, "result": None, "action": CHECK}
    if stored is not None:
        context = _check_context(checks, stored.portfolio, lang, me)
    return render_with_csrf(render(request, "citizen/check.html", context), request)


@router.post(CHECK, response_class=HTMLResponse)
async def check_submit(
    request: Request,
    me: OptionalAccount,
    portfolios: PortfolioDep,
    checks: CheckDep,
    _csrf: CsrfForm,
    file: Upload = None,
    cv: CvText = "",
    demo: DemoFlag = "",
) -> HTMLResponse:
    lang = language(request)
    portfolio = await _from_form(portfolios, file, cv, demo, lang)
    context = _check_context(checks, portfolio, lang, me)
    return render_with_csrf(render(request, "citizen/check.html", context), request)
