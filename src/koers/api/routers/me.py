"""``/api/v1/me``: my GDPR rights — export everything (JSON, Europass-style JSON-LD) and erase."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from koers.http.deps import PersonalDataDep
from koers.http.errors import problem_responses
from koers.http.security import CsrfHeader, CurrentAccount, clear_session_cookie
from koers.services.personal_data import ERASE_CONFIRMATION

router = APIRouter(prefix="/api/v1/me", tags=["me"], responses=problem_responses(401, 403))


@router.get("/export")
def export(rights: PersonalDataDep, me: CurrentAccount) -> dict[str, Any]:
    """All data Koers holds about me, machine-readable (GDPR art. 15 and 20)."""
    return rights.export(me, "/api/v1/me/export")


class JsonLdResponse(JSONResponse):
    media_type = "application/ld+json"


@router.get(
    "/export/europass",
    response_class=JsonLdResponse,
    response_model=dict[str, Any],
    responses={200: {"description": "JSON-LD document (European Learning Model terms)."}},
)
def export_europass(rights: PersonalDataDep, me: CurrentAccount) -> dict[str, Any]:
    """My competences as Europass JSON-LD (European Learning Model): the same document as the
    portfolio download, with one achievement per skill claim of my stored portfolio."""
    return rights.export_europass(me, "/api/v1/me/export/europass")


@router.delete("", status_code=status.HTTP_204_NO_CONTENT)
def erase(
    request: Request,
    response: Response,
    rights: PersonalDataDep,
    me: CurrentAccount,
    _csrf: CsrfHeader,
    confirm: Annotated[str, Query(max_length=20, description=f"Must be '{ERASE_CONFIRMATION}'.")],
) -> None:
    """Erase my account and data. The audit log is kept with opaque ids (docs/security.md)."""
    rights.erase(me, confirm, "/api/v1/me")
    clear_session_cookie(request, response)
