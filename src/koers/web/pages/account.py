"""Sign-in, registration and "my data": consent, who looked, download and erasure.

Every POST form carries a CSRF token (``koers.http.security``); pages for signed-in people send
anonymous visitors to ``/inloggen`` and back.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.access import (
    CONSENTABLE,
    LOCAL_TZ,
    MAX_CONSENT_DAYS,
    Account,
    GranteeKind,
    InvalidConsent,
    OrganisationKind,
    Resource,
    Role,
    TooManyAttempts,
)
from koers.errors import KoersError
from koers.http.deps import (
    AccountsDep,
    ConsentsDep,
    PersonalDataDep,
    SessionsDep,
    get_accounts,
    get_consents,
    get_oidc,
    get_settings,
)
from koers.http.security import (
    CsrfForm,
    OptionalAccount,
    attach_csrf_cookie,
    clear_session_cookie,
    client_ip,
    read_signed,
    session_token,
    set_session_cookie,
    sign_value,
)
from koers.services.oidc import OidcError
from koers.services.personal_data import ERASE_CONFIRMATION
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

OIDC_COOKIE = "koers_oidc"
SHARED_PARTS = sorted(CONSENTABLE)
FORM_ERRORS = {
    "invalid_credentials",
    "too_many_attempts",
    "weak_password",
    "conflict",
    "invalid_input",
    "invalid_consent",
    "not_found",
    "oidc_failed",
}

Text = Annotated[str, Form(max_length=254)]
Secret = Annotated[str, Form(max_length=128)]


def safe_next(target: str | None, default: str = "/mijn-gegevens") -> str:
    """Only a path on this site (no scheme, no host, no ``//``): no open redirect."""
    if not target or len(target) > 300:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return default
    return target


def local_time(value: datetime) -> str:
    return value.astimezone(LOCAL_TZ).strftime("%d-%m-%Y %H:%M")


def local_day(value: datetime) -> str:
    """The last valid day of a consent whose end is the first instant after that day."""
    return (value.astimezone(LOCAL_TZ) - timedelta(seconds=1)).strftime("%d-%m-%Y")


def _page(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    response = render(
        request,
        f"account/{template}",
        {"local_time": local_time, "local_day": local_day, **context},
        status_code,
    )
    attach_csrf_cookie(request, response)
    response.headers["Cache-Control"] = "no-store"
    return response


def _error_key(exc: KoersError) -> str:
    return f"account.error.{exc.code}" if exc.code in FORM_ERRORS else "account.error.invalid_input"


def _to_login(request: Request) -> RedirectResponse:
    target = request.url.path
    return RedirectResponse(f"/inloggen?next={quote(target)}", status_code=303)


def _signed_in_redirect(
    request: Request, account: Account, token: str, target: str
) -> RedirectResponse:
    response = RedirectResponse(safe_next(target), status_code=303)
    set_session_cookie(request, response, token)
    return response


# -- login, registration, logout ---------------------------------------------------------------


@router.get("/inloggen", response_class=HTMLResponse)
def login_page(
    request: Request,
    me: OptionalAccount,
    next: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    return _page(
        request,
        "login.html",
        {"me": me, "next": safe_next(next), "email": "", "oidc": get_oidc(request).enabled},
    )


@router.post("/inloggen", response_class=HTMLResponse)
def login_submit(
    request: Request,
    sessions: SessionsDep,
    _csrf: CsrfForm,
    email: Text,
    password: Secret,
    next: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    try:
        session = sessions.login(email, password, client_ip(request), session_token(request))
    except KoersError as exc:
        wait = exc.minutes if isinstance(exc, TooManyAttempts) else None
        page = _page(
            request,
            "login.html",
            {
                "me": None,
                "next": safe_next(next),
                "email": email,
                "error": _error_key(exc),
                "error_wait": wait,
                "oidc": get_oidc(request).enabled,
            },
            status_code=exc.status,
        )
        if isinstance(exc, TooManyAttempts):
            page.headers["Retry-After"] = str(exc.retry_after)
        return page
    return _signed_in_redirect(request, session.account, session.token, next)


@router.get("/inloggen/oidc")
def oidc_start(
    request: Request, next: Annotated[str, Query(max_length=300)] = ""
) -> RedirectResponse:
    client = get_oidc(request)
    redirect_uri = _redirect_uri(request)
    start = client.start(redirect_uri)
    response = RedirectResponse(start.url, status_code=303)
    response.set_cookie(
        OIDC_COOKIE,
        sign_value(
            request,
            {
                "state": start.state,
                "nonce": start.nonce,
                "verifier": start.verifier,
                "next": safe_next(next),
            },
            max_age=600,
        ),
        max_age=600,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https" or get_settings(request).cookie_secure == "always",
        path="/inloggen/oidc",
    )
    return response


def _redirect_uri(request: Request) -> str:
    configured: str = get_settings(request).oidc_redirect_url
    return configured or str(request.url_for("oidc_callback"))


@router.get("/inloggen/oidc/terug", name="oidc_callback")
def oidc_callback(
    request: Request,
    sessions: SessionsDep,
    code: Annotated[str, Query(max_length=2000)] = "",
    state: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    remembered = read_signed(request, request.cookies.get(OIDC_COOKIE))
    try:
        if not remembered or not code or state != remembered.get("state"):
            raise OidcError("state does not match")
        identity = get_oidc(request).finish(
            code, _redirect_uri(request), str(remembered["verifier"]), str(remembered["nonce"])
        )
        session = sessions.login_oidc(
            identity.issuer,
            identity.subject,
            identity.email,
            identity.name,
            session_token(request),
        )
    except KoersError as exc:
        response = _page(
            request,
            "login.html",
            {
                "me": None,
                "next": "/mijn-gegevens",
                "email": "",
                "error": _error_key(exc),
                "oidc": True,
            },
            status_code=exc.status,
        )
        response.delete_cookie(OIDC_COOKIE, path="/inloggen/oidc")
        return response
    redirect = _signed_in_redirect(
        request, session.account, session.token, str(remembered.get("next", ""))
    )
    redirect.delete_cookie(OIDC_COOKIE, path="/inloggen/oidc")
    return redirect


@router.get("/registreren", response_class=HTMLResponse)
def register_page(request: Request) -> HTMLResponse:
    return _page(request, "register.html", {"email": "", "name": ""})


@router.post("/registreren", response_class=HTMLResponse)
def register_submit(
    request: Request,
    accounts: AccountsDep,
    sessions: SessionsDep,
    _csrf: CsrfForm,
    email: Text,
    display_name: Annotated[str, Form(max_length=100)],
    password: Secret,
    password2: Secret,
) -> Response:
    context: dict[str, Any] = {"email": email, "name": display_name}
    if password != password2:
        context["error"] = "account.register.mismatch"
        return _page(request, "register.html", context, status_code=422)
    try:
        account = accounts.register(email, password, display_name)
        session = sessions.start_session(account, "password", session_token(request))
    except KoersError as exc:
        context["error"] = _error_key(exc)
        return _page(request, "register.html", context, status_code=exc.status)
    return _signed_in_redirect(request, account, session.token, "/mijn-gegevens")


@router.get("/uitloggen", response_class=HTMLResponse)
def logout_page(request: Request, me: OptionalAccount) -> Response:
    if me is None:
        return RedirectResponse("/", status_code=303)
    return _page(request, "logout.html", {"me": me})


@router.post("/uitloggen")
def logout_submit(request: Request, sessions: SessionsDep, _csrf: CsrfForm) -> RedirectResponse:
    token = session_token(request)
    if token:
        sessions.logout(token)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(request, response)
    return response


# -- my data ------------------------------------------------------------------------------------


@router.get("/mijn-gegevens", response_class=HTMLResponse)
def mine(request: Request, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    return _page(request, "mine.html", {"me": me})


def _access_context(request: Request, me: Account, **extra: Any) -> dict[str, Any]:
    consents = get_consents(request)
    today = datetime.now(LOCAL_TZ).date()
    context: dict[str, Any] = {
        "me": me,
        "parts": SHARED_PARTS,
        "today": today.isoformat(),
        "default_until": (today + timedelta(days=182)).isoformat(),
        "max_until": (today + timedelta(days=MAX_CONSENT_DAYS)).isoformat(),
        "form": {"grantee_kind": "user", "coach_email": "", "resources": [], "until": ""},
    }
    if me.role is Role.CITIZEN:
        context["given"] = consents.consents_given(me)
        context["employers"] = get_accounts(request).organisations(OrganisationKind.EMPLOYER)
    else:
        context["received"] = consents.consents_received(me)
    context.update(extra)
    return context


@router.get("/mijn-gegevens/toegang", response_class=HTMLResponse)
def access_page(
    request: Request,
    me: OptionalAccount,
    done: Annotated[str, Query(max_length=20, pattern="^(granted|withdrawn|)$")] = "",
) -> Response:
    if me is None:
        return _to_login(request)
    return _page(request, "access.html", _access_context(request, me, done=done))


@router.post("/mijn-gegevens/toegang", response_class=HTMLResponse)
def access_grant(
    request: Request,
    consents: ConsentsDep,
    me: OptionalAccount,
    _csrf: CsrfForm,
    grantee_kind: Annotated[str, Form(max_length=20)] = "user",
    coach_email: Annotated[str, Form(max_length=254)] = "",
    organisation_id: Annotated[str, Form(max_length=32)] = "",
    resources: Annotated[list[str], Form(max_length=10)] = [],  # noqa: B006
    until: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    if me is None:
        return _to_login(request)
    form = {
        "grantee_kind": grantee_kind,
        "coach_email": coach_email,
        "organisation_id": organisation_id,
        "resources": resources,
        "until": until,
    }
    try:
        kind = GranteeKind(grantee_kind) if grantee_kind in ("user", "organisation") else None
        parts = [Resource(r) for r in resources if r in {p.value for p in CONSENTABLE}]
        if kind is None or len(parts) != len(resources):
            raise InvalidConsent("unknown grantee kind or part")
        end = _parse_day(until)
        grantee = coach_email if kind is GranteeKind.USER else organisation_id
        consents.grant_consent(me, kind, grantee, parts, end, "/mijn-gegevens/toegang")
    except KoersError as exc:
        context = _access_context(request, me, form=form, error=_error_key(exc))
        return _page(request, "access.html", context, status_code=exc.status)
    return RedirectResponse("/mijn-gegevens/toegang?done=granted", status_code=303)


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidConsent("until: not a date (YYYY-MM-DD)") from exc


@router.post("/mijn-gegevens/toegang/{consent_id}/intrekken")
def access_withdraw(
    request: Request,
    consents: ConsentsDep,
    me: OptionalAccount,
    _csrf: CsrfForm,
    consent_id: Annotated[str, Path(max_length=32)],
) -> Response:
    if me is None:
        return _to_login(request)
    consents.withdraw_consent(me, consent_id, "/mijn-gegevens/toegang/{consent_id}/intrekken")
    return RedirectResponse("/mijn-gegevens/toegang?done=withdrawn", status_code=303)


@router.get("/mijn-gegevens/wie-keek", response_class=HTMLResponse)
def audit_page(request: Request, rights: PersonalDataDep, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    views = rights.audit_about(me.actor(), me.id, "/mijn-gegevens/wie-keek", limit=200)
    return _page(request, "audit.html", {"me": me, "views": views})


@router.get("/mijn-gegevens/downloaden", response_class=HTMLResponse)
def download_page(request: Request, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    return _page(request, "download.html", {"me": me})


@router.get("/mijn-gegevens/downloaden/koers.json")
def download_json(request: Request, rights: PersonalDataDep, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    payload = rights.export(me, "/mijn-gegevens/downloaden/koers.json")
    return _attachment(payload, "koers-mijn-gegevens.json", "application/json")


@router.get("/mijn-gegevens/downloaden/europass.jsonld")
def download_europass(request: Request, rights: PersonalDataDep, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    route = "/mijn-gegevens/downloaden/europass.jsonld"
    payload = rights.export_europass(me, route, language(request))
    return _attachment(payload, "koers-europass.jsonld", "application/ld+json")


def _attachment(payload: dict[str, Any], filename: str, media_type: str) -> Response:
    return Response(
        json.dumps(payload, ensure_ascii=False, indent=2),
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/mijn-gegevens/verwijderen", response_class=HTMLResponse)
def erase_page(request: Request, me: OptionalAccount) -> Response:
    if me is None:
        return _to_login(request)
    return _page(request, "erase.html", {"me": me, "word": ERASE_CONFIRMATION})


@router.post("/mijn-gegevens/verwijderen", response_class=HTMLResponse)
def erase_submit(
    request: Request,
    rights: PersonalDataDep,
    me: OptionalAccount,
    _csrf: CsrfForm,
    confirm: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    if me is None:
        return _to_login(request)
    try:
        rights.erase(me, confirm, "/mijn-gegevens/verwijderen")
    except KoersError as exc:
        context = {"me": me, "word": ERASE_CONFIRMATION, "error": _error_key(exc)}
        return _page(request, "erase.html", context, status_code=exc.status)
    request.state.koers_account = None
    response = _page(request, "erased.html", {})
    clear_session_cookie(request, response)
    return response
