"""Employer space: upload a workforce file, see the organisation check and the plan.

Nothing is stored: the file is read, every row validated, and the result shown. Problems are
listed per row and column on the same page so a small employer can fix the file.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from koers.check import WorkforceInvalid
from koers.http.deps import CheckDep
from koers.http.limits import HeavyKind, run_heavy
from koers.http.security import CsrfForm, render_with_csrf
from koers.http.uploads import read_upload
from koers.services.check import MAX_WORKFORCE_BYTES
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

PAGE = "/werkgever/check"


@router.get(PAGE, response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    return render_with_csrf(render(request, "employer/check.html", {"result": None}), request)


@router.post(PAGE, response_class=HTMLResponse)
async def check_submit(
    request: Request,
    checks: CheckDep,
    _csrf: CsrfForm,
    workforce: Annotated[UploadFile | None, File()] = None,
    demo: Annotated[str, Form(max_length=5)] = "",
) -> HTMLResponse:
    lang = language(request)
    if demo:
        name = "workforce_example.csv"
        data = resources.files("koers.examples").joinpath(name).read_bytes()
    elif workforce is not None and workforce.filename:
        name = workforce.filename
        data = await read_upload(workforce, MAX_WORKFORCE_BYTES)
    else:
        name, data = "workforce", b""
    context: dict[str, Any] = {"result": None, "sample": bool(demo)}
    try:
        context["result"] = await run_heavy(
            request, HeavyKind.WORKFORCE, checks.organisation, data, name, lang
        )
    except WorkforceInvalid as exc:  # shown on the form, row by row, instead of an error page
        context["problems"] = exc.problems
        return render_with_csrf(
            render(request, "employer/check.html", context, status_code=422), request
        )
    return render_with_csrf(render(request, "employer/check.html", context), request)
