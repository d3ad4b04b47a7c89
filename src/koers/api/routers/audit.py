"""``/api/v1/audit``: who looked at my data; administrators supervise per person (audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from koers.access import ACCOUNT_ID_PATTERN, Purpose
from koers.api.schemas.accounts import AuditEntryOut
from koers.http.deps import PersonalDataDep
from koers.http.errors import problem_responses
from koers.http.security import CurrentAccount, OptionalAccount

router = APIRouter(
    prefix="/api/v1/audit", tags=["audit"], responses=problem_responses(401, 403, 429)
)

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/me", response_model=list[AuditEntryOut])
def about_me(
    rights: PersonalDataDep,
    me: CurrentAccount,
    include_own: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[AuditEntryOut]:
    """Who read or tried to read my data (refusals included), newest first."""
    views = rights.audit_about(
        me.actor(),
        me.id,
        "/api/v1/audit/me",
        others_only=not include_own,
        limit=limit,
        offset=offset,
    )
    return [AuditEntryOut.of(v) for v in views]


@router.get("/subjects/{user_id}", response_model=list[AuditEntryOut])
def about_subject(
    user_id: Annotated[str, Path(pattern=ACCOUNT_ID_PATTERN, min_length=32, max_length=32)],
    rights: PersonalDataDep,
    actor: OptionalAccount,
    purpose: Purpose = Purpose.SUPERVISION,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[AuditEntryOut]:
    """The audit entries about one person: administrators, for supervision. This read is itself
    audited."""
    views = rights.audit_about(
        actor.actor() if actor else None,
        user_id,
        "/api/v1/audit/subjects/{user_id}",
        purpose=purpose,
        others_only=False,
        limit=limit,
        offset=offset,
    )
    return [AuditEntryOut.of(v) for v in views]
