"""The "Competentiecheck" page: the check on the stored portfolio or on an upload, with
warning lights, answers and the action plan."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from koers.access import Account
from koers.http.deps import CheckDep, PortfolioDep
from koers.http.security import CsrfForm, OptionalAccount, render_with_csrf
from koers.portfolio import Portfolio
from koers.web.pages.citizen._base import (
    CHECK,
    CvText,
    DemoFlag,
    Upload,
    _load_context,
    _stored,
    _upload_limit,
    router,
)
from koers.web.pages.citizen.portfolio_page import _from_form
from koers.web.render import language, render


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
    context.update(_load_context(request))
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
    portfolio = await _from_form(portfolios, file, cv, demo, lang, cv_file, _upload_limit(request))
    context = _check_context(checks, portfolio, lang, me)
    context.update(_load_context(request))
    return render_with_csrf(render(request, "citizen/check.html", context), request)
