"""The "Competentiecheck" page: the check on the stored portfolio or on an upload, with
warning lights, answers and the action plan."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from koers.access import Account
from koers.http.deps import CheckDep, PortfolioDep
from koers.http.security import CsrfForm, OptionalAccount, render_with_csrf
from koers.portfolio import Portfolio
from koers.web.pages.citizen.portfolio_page import portfolio_from_form
from koers.web.pages.citizen.shared import (
    CHECK,
    CvText,
    DemoFlag,
    Upload,
    load_context,
    stored_portfolio,
    upload_limit,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)


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
    stored = stored_portfolio(portfolios, me, CHECK)
    context: dict[str, Any] = {"me": me, "result": None, "action": CHECK}
    if stored is not None:
        context = _check_context(checks, stored.portfolio, lang, me)
    context.update(load_context(request))
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
    cv_file: Upload = None,
) -> HTMLResponse:
    lang = language(request)
    portfolio = await portfolio_from_form(
        request, portfolios, file, cv, demo, lang, cv_file, upload_limit(request)
    )
    # the check itself is quick next to the import, but synchronous: keep it off the loop too
    context = await run_in_threadpool(_check_context, checks, portfolio, lang, me)
    context.update(load_context(request))
    return render_with_csrf(render(request, "citizen/check.html", context), request)
