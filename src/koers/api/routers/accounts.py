"""``/api/v1/accounts``: register, sign in and out (session cookie), and reads of someone
else's contact details or account, through the personal-data gate.

Authentication is the same HttpOnly session cookie as the web pages. Unsafe methods with that
cookie need the header ``X-CSRF-Token`` (from login or ``GET /me``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status

from koers.access import ACCOUNT_ID_PATTERN, Purpose
from koers.api.schemas.accounts import AccountOut, ContactOut, LoginIn, RegisterIn, SessionOut
from koers.http.deps import AccountsDep, PersonalDataDep, SessionsDep
from koers.http.errors import problem_responses
from koers.http.security import (
    CsrfHeader,
    CurrentAccount,
    OptionalAccount,
    clear_session_cookie,
    client_ip,
    csrf_token,
    session_csrf_token,
    session_token,
    set_session_cookie,
)

router = APIRouter(
    prefix="/api/v1/accounts",
    tags=["accounts"],
    responses=problem_responses(401, 403, 404, 409, 429),
)

UserId = Annotated[
    str,
    Path(
        pattern=ACCOUNT_ID_PATTERN,
        min_length=32,
        max_length=32,
        description="Opaque account id (32 hex digits).",
    ),
]


@router.post("/register", response_model=AccountOut, status_code=status.HTTP_201_CREATED)
def register(body: RegisterIn, accounts: AccountsDep) -> AccountOut:
    """Create a citizen account. Other roles are given by an administrator (CLI)."""
    return AccountOut.of(accounts.register(body.email, body.password, body.display_name))


@router.post("/login", response_model=SessionOut)
def login(body: LoginIn, request: Request, response: Response, sessions: SessionsDep) -> SessionOut:
    """Sign in; sets the session cookie (a new one every time) and returns the CSRF token."""
    session = sessions.login(body.email, body.password, client_ip(request), session_token(request))
    set_session_cookie(request, response, session.token)
    return SessionOut(
        account=AccountOut.of(session.account),
        csrf_token=session_csrf_token(request, session.token),
    )


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(
    request: Request,
    response: Response,
    sessions: SessionsDep,
    _me: CurrentAccount,
    _csrf: CsrfHeader,
) -> None:
    token = session_token(request)
    if token:
        sessions.logout(token)
    clear_session_cookie(request, response)


@router.get("/me", response_model=SessionOut)
def me(request: Request, account: CurrentAccount) -> SessionOut:
    """The signed-in account and its CSRF token."""
    return SessionOut(account=AccountOut.of(account), csrf_token=csrf_token(request))


@router.get("/{user_id}/contact", response_model=ContactOut)
def contact(
    user_id: UserId,
    rights: PersonalDataDep,
    actor: OptionalAccount,
    purpose: Annotated[Purpose, Query(description="Why you read it; must fit your consent.")],
) -> ContactOut:
    """Someone's name and e-mail address: for a coach or employer with consent. Audited."""
    return ContactOut.of(
        rights.contact_of(
            actor.actor() if actor else None,
            user_id,
            purpose,
            "/api/v1/accounts/{user_id}/contact",
        )
    )


@router.get("/{user_id}/profile", response_model=AccountOut)
def profile(
    user_id: UserId,
    rights: PersonalDataDep,
    actor: OptionalAccount,
    purpose: Annotated[Purpose, Query()] = Purpose.ACCOUNT_SUPPORT,
) -> AccountOut:
    """Someone's account: administrators, for account support. Audited."""
    return AccountOut.of(
        rights.profile_of(
            actor.actor() if actor else None, user_id, purpose, "/api/v1/accounts/{user_id}/profile"
        )
    )
