"""Sessions, CSRF and sign-in dependencies, shared by the API and every web space.

How another space uses it:

* Who is signed in: declare ``me: CurrentAccount`` (401 if nobody) or ``me: OptionalAccount``.
* Forms: put ``{{ csrf_field(request) }}`` (a template global of ``koers.web.render``) inside
  every ``<form method="post">`` and add the parameter ``_csrf: CsrfForm`` to the POST handler.
  A form shown to anonymous visitors is rendered with :func:`render_with_csrf` (it sets the
  CSRF cookie the token is bound to).
* JSON API with the session cookie: unsafe methods (POST, PUT, PATCH, DELETE) send the header
  ``X-CSRF-Token`` with the token from ``POST /api/v1/accounts/login`` or
  ``GET /api/v1/accounts/me``; add the parameter ``_csrf: CsrfHeader``.

The CSRF token is an HMAC (with ``KOERS_SECRET_KEY``) of the session (signed in) or of a random
nonce cookie (anonymous), so it changes at login and cannot be forged without the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, Response

from koers.access import Account, Role, Unauthenticated
from koers.errors import Forbidden
from koers.http.deps import get_sessions, get_settings
from koers.services.sessions import token_hash

SESSION_COOKIE = "koers_session"
CSRF_COOKIE = "koers_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_UNSET = object()


class CsrfFailed(Forbidden):
    code = "csrf_failed"


def session_token(request: Request) -> str | None:
    token = request.cookies.get(SESSION_COOKIE)
    return token if token and len(token) <= 100 else None


def current_account(request: Request) -> Account | None:
    """The signed-in account, looked up once per request; ``None`` if nobody is signed in."""
    cached = getattr(request.state, "koers_account", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[return-value]
    token = session_token(request)
    account = get_sessions(request).session_account(token) if token else None
    request.state.koers_account = account
    return account


def require_account(request: Request) -> Account:
    account = current_account(request)
    if account is None:
        raise Unauthenticated("sign in first")
    return account


class RoleRequired(Forbidden):
    code = "role_required"


def require_analyst(request: Request) -> Account:
    """The signed-in analyst: forecast adjustments change what every user sees, so only the
    ``analyst`` role may write them (401 if nobody is signed in, 403 for other roles)."""
    account = require_account(request)
    if account.role is not Role.ANALYST:
        raise RoleRequired("only an analyst may change forecasts")
    return account


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def cookie_secure(request: Request) -> bool:
    mode = get_settings(request).cookie_secure.lower()
    if mode == "always":
        return True
    if mode == "never":
        return False
    return request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=get_settings(request).session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request),
        path="/",
    )
    # A new session gets a new CSRF binding; the anonymous nonce is no longer needed.
    response.delete_cookie(CSRF_COOKIE, path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=cookie_secure(request)
    )


# -- CSRF --------------------------------------------------------------------------------------


def _mac(request: Request, binding: str) -> str:
    key = get_settings(request).secret_key.encode()
    return hmac.new(key, f"csrf:{binding}".encode(), hashlib.sha256).hexdigest()


def _binding(request: Request, create: bool) -> str | None:
    token = session_token(request)
    if token and current_account(request) is not None:
        return "s:" + token_hash(token)
    nonce = getattr(request.state, "csrf_nonce", None) or request.cookies.get(CSRF_COOKIE)
    if not nonce or len(nonce) > 100:
        if not create:
            return None
        nonce = secrets.token_urlsafe(24)
        request.state.csrf_nonce_new = True
    request.state.csrf_nonce = nonce
    return "n:" + nonce


def csrf_token(request: Request) -> str:
    """The token for forms and the ``X-CSRF-Token`` header of this visitor."""
    binding = _binding(request, create=True)
    assert binding is not None
    return _mac(request, binding)


def session_csrf_token(request: Request, token: str) -> str:
    """The CSRF token of a session just started (its cookie is not in this request yet)."""
    return _mac(request, "s:" + token_hash(token))


def attach_csrf_cookie(request: Request, response: Response) -> None:
    """Set the nonce cookie if this response created one (anonymous forms)."""
    if getattr(request.state, "csrf_nonce_new", False):
        response.set_cookie(
            CSRF_COOKIE,
            request.state.csrf_nonce,
            httponly=True,
            samesite="lax",
            secure=cookie_secure(request),
            path="/",
        )


def check_csrf(request: Request, submitted: str | None) -> None:
    binding = _binding(request, create=False)
    if not submitted or binding is None:
        raise CsrfFailed("the form has expired or did not come from Koers; reload and try again")
    if not hmac.compare_digest(submitted.encode(), _mac(request, binding).encode()):
        raise CsrfFailed("the form has expired or did not come from Koers; reload and try again")


async def verify_csrf_form(request: Request) -> None:
    """Dependency for form POSTs: the ``csrf_token`` field must match."""
    form = await request.form()
    value = form.get(CSRF_FIELD)
    check_csrf(request, value if isinstance(value, str) else None)


def verify_csrf_header(request: Request) -> None:
    """Dependency for API unsafe methods authenticated by the session cookie."""
    if request.method in UNSAFE_METHODS and session_token(request):
        check_csrf(request, request.headers.get(CSRF_HEADER))


def render_with_csrf(response: HTMLResponse, request: Request) -> HTMLResponse:
    attach_csrf_cookie(request, response)
    return response


# -- signed short-lived values (OIDC state) ----------------------------------------------------


def sign_value(request: Request, payload: dict[str, Any], max_age: int) -> str:
    body = dict(payload, exp=int(time.time()) + max_age)
    raw = base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).decode()
    return f"{raw}.{_mac(request, 'signed:' + raw)}"


def read_signed(request: Request, value: str | None) -> dict[str, Any] | None:
    if not value or "." not in value or len(value) > 4000:
        return None
    raw, mac = value.rsplit(".", 1)
    if not hmac.compare_digest(mac.encode(), _mac(request, "signed:" + raw).encode()):
        return None
    try:
        body = json.loads(base64.urlsafe_b64decode(raw.encode()))
    except ValueError:
        return None
    if not isinstance(body, dict) or int(body.get("exp", 0)) < time.time():
        return None
    return body


CurrentAccount = Annotated[Account, Depends(require_account)]
OptionalAccount = Annotated[Account | None, Depends(current_account)]
AnalystAccount = Annotated[Account, Depends(require_analyst)]
CsrfForm = Annotated[None, Depends(verify_csrf_form)]
CsrfHeader = Annotated[None, Depends(verify_csrf_header)]
