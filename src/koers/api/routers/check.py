"""``/api/v1/check``: the citizen and organisation competence checks (stateless).

Nothing sent here is stored: the citizen check takes a portfolio in the request body, the
organisation check an uploaded workforce file (which holds no names: unknown columns are
refused).
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from koers.api.schemas.check import CitizenCheckIn, CitizenCheckOut, OrganisationCheckOut
from koers.check import to_jsonable
from koers.http.deps import CheckDep, PortfolioDep
from koers.http.limits import HeavyKind, run_heavy
from koers.http.uploads import read_upload
from koers.i18n import translate_message
from koers.portfolio import parse_portfolio
from koers.services.check import MAX_WORKFORCE_BYTES

router = APIRouter(prefix="/api/v1/check", tags=["check"])


@router.post("/citizen", response_model=CitizenCheckOut)
def citizen(body: CitizenCheckIn, checks: CheckDep, portfolios: PortfolioDep) -> dict[str, Any]:
    """Fit with current and target occupations, forecast position, warning lights, answers to
    the report's questions and an action plan. Without a loaded forecast, outlooks are null."""
    portfolio = parse_portfolio(json.dumps(body.portfolio), "portfolio")
    result = checks.citizen(portfolio, body.lang, body.as_of, body.current, body.targets)
    return to_jsonable(result, translate_message)  # type: ignore[no-any-return]


@router.post("/organisation", response_model=OrganisationCheckOut)
async def organisation(
    request: Request,
    checks: CheckDep,
    workforce: Annotated[UploadFile, File(description="CSV (, or ;) or Parquet workforce file.")],
    lang: Annotated[Literal["nl", "en"], Form()] = "nl",
    as_of: Annotated[date | None, Form()] = None,
) -> dict[str, Any]:
    """Per row: fit, exposure to declining demand, skills to build, internal moves, career
    options 45+; for the organisation: a future-proof score and an employability plan.
    Every row is checked first; any problem returns 422 listing all problems by row."""
    data = await read_upload(workforce, MAX_WORKFORCE_BYTES)
    name = workforce.filename or "workforce"
    result = await run_heavy(
        request, HeavyKind.WORKFORCE, checks.organisation, data, name, lang, as_of
    )
    return to_jsonable(result, translate_message)  # type: ignore[no-any-return]


@router.get(
    "/organisation/template",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}},
)
def template(
    example: Annotated[bool, Query(description="The filled-in SAMPLE instead.")] = False,
) -> Response:
    """The workforce template (header only) or a filled-in fictitious SAMPLE, as CSV."""
    name = "workforce_example.csv" if example else "workforce_template.csv"
    text = resources.files("koers.examples").joinpath(name).read_text(encoding="utf-8")
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
