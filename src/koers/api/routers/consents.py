"""``/api/v1/consents``: a citizen gives and withdraws consent; coaches and employers see what
they received."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from koers.access import GranteeKind
from koers.api.schemas.accounts import ConsentIn, ConsentOut
from koers.errors import InvalidInput
from koers.http.deps import ConsentsDep
from koers.http.errors import problem_responses
from koers.http.security import CsrfHeader, CurrentAccount

router = APIRouter(
    prefix="/api/v1/consents", tags=["consents"], responses=problem_responses(401, 403, 404)
)

ConsentId = Annotated[str, Path(min_length=1, max_length=32)]


@router.get("", response_model=list[ConsentOut])
def given(consents: ConsentsDep, me: CurrentAccount) -> list[ConsentOut]:
    """The consents I gave (active, expired and withdrawn), newest first."""
    return [ConsentOut.of(v) for v in consents.consents_given(me)]


@router.get("/received", response_model=list[ConsentOut])
def received(consents: ConsentsDep, me: CurrentAccount) -> list[ConsentOut]:
    """Consents given to me (a coach) or to my organisation (an employer)."""
    return [ConsentOut.of(v) for v in consents.consents_received(me)]


@router.post("", response_model=ConsentOut, status_code=status.HTTP_201_CREATED)
def grant(
    body: ConsentIn, consents: ConsentsDep, me: CurrentAccount, _csrf: CsrfHeader
) -> ConsentOut:
    """Give a coach (by e-mail address) or an employer organisation (by id) access to parts of
    my data, for the purpose that fits them, until a date."""
    grantee = body.coach_email if body.grantee_kind is GranteeKind.USER else body.organisation_id
    if not grantee:
        raise InvalidInput("coach_email or organisation_id is required for this grantee_kind")
    consent = consents.grant_consent(
        me, body.grantee_kind, grantee, body.resources, body.until, "/api/v1/consents"
    )
    return next(ConsentOut.of(v) for v in consents.consents_given(me) if v.consent.id == consent.id)


@router.delete("/{consent_id}", response_model=ConsentOut)
def withdraw(
    consent_id: ConsentId, consents: ConsentsDep, me: CurrentAccount, _csrf: CsrfHeader
) -> ConsentOut:
    """Withdraw a consent at once; it stays listed as withdrawn."""
    consents.withdraw_consent(me, consent_id, "/api/v1/consents/{consent_id}")
    return next(ConsentOut.of(v) for v in consents.consents_given(me) if v.consent.id == consent_id)
