"""Coach space (loopbaanbegeleider): my clients, and one client's portfolio and check.

A coach sees only what a citizen shared with them. Every read of a client's data goes through
the services that pass the personal-data gate with purpose ``coaching``; a read without a valid
consent is refused (403, Dutch error page) and the gate writes the refusal to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.access import Account, ConsentStatus, GranteeKind, Purpose, Resource, Role
from koers.errors import Forbidden
from koers.http.deps import CheckDep, ConsentsDep, PersonalDataDep, PortfolioDep
from koers.http.security import OptionalAccount
from koers.i18n import translate_all
from koers.services.consent import ConsentService, ConsentView
from koers.services.personal_data import PersonalDataService
from koers.web.pages.account import local_day
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

HOME = "/coach"
CLIENT = "/coach/client/{owner_id}"


@dataclass(frozen=True)
class ClientRow:
    """One client of the coach: a name only if shared (contact), else an opaque reference."""

    owner_id: str
    name: str | None
    reference: str
    parts: list[str]
    until: str


def _coach(request: Request, me: Account | None) -> Account | Response:
    if me is None:
        return RedirectResponse(f"/inloggen?next={quote(request.url.path)}", status_code=303)
    if me.role is not Role.COACH:
        raise Forbidden("only coaches can open the coach space")
    return me


def _active(consents: ConsentService, me: Account) -> list[ConsentView]:
    return [
        v
        for v in consents.consents_received(me)
        if v.status is ConsentStatus.ACTIVE and v.consent.grantee_kind is GranteeKind.USER
    ]


def _row(rights: PersonalDataService, me: Account, view: ConsentView, route: str) -> ClientRow:
    consent = view.consent
    name = None
    if Resource.CONTACT in consent.resources:
        card = rights.contact_of(me.actor(), consent.owner_id, Purpose.COACHING, route)
        name = card.display_name
    return ClientRow(
        owner_id=consent.owner_id,
        name=name,
        reference=consent.owner_id[:8],
        parts=sorted(r.value for r in consent.resources),
        until=local_day(consent.valid_until),
    )


def _page(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    response = render(request, f"coach/{template}", context, status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get(HOME, response_class=HTMLResponse)
def clients_page(
    request: Request, me: OptionalAccount, consents: ConsentsDep, rights: PersonalDataDep
) -> Response:
    """The citizens who gave this coach a valid consent, with the parts and the last day."""
    coach = _coach(request, me)
    if isinstance(coach, Response):
        return coach
    rows = [_row(rights, coach, v, HOME) for v in _active(consents, coach)]
    return _page(request, "clients.html", {"me": coach, "clients": rows})


@router.get(CLIENT, response_class=HTMLResponse)
def client_page(
    request: Request,
    owner_id: Annotated[str, Path(max_length=64)],
    me: OptionalAccount,
    consents: ConsentsDep,
    rights: PersonalDataDep,
    portfolios: PortfolioDep,
    checks: CheckDep,
) -> Response:
    """One client's stored portfolio and (if shared) citizen check, read through the gate."""
    coach = _coach(request, me)
    if isinstance(coach, Response):
        return coach
    actor = coach.actor()
    lang = language(request)
    # The gate decides (consent, role, purpose) and audits, also when it refuses.
    ids = portfolios.portfolios_of(owner_id, actor, Purpose.COACHING, CLIENT)
    views = [v for v in _active(consents, coach) if v.consent.owner_id == owner_id]
    row = _row(rights, coach, views[0], CLIENT) if views else None
    context: dict[str, Any] = {"me": coach, "client": row, "skills": [], "check": None}
    if ids:
        stored = portfolios.load(ids[0], actor, Purpose.COACHING, CLIENT)
        labels = portfolios.labels(stored.portfolio, lang)
        context["skills"] = [
            {
                "label": labels.get(c.skill_uri, c.skill_uri),
                "confidence": round(c.confidence * 100),
                "stale": c.stale,
                "why": translate_all(c.why(), lang),
            }
            for c in portfolios.confidences(stored.portfolio, date.today(), lang).values()
        ]
        context["has_portfolio"] = True
        if any(Resource.CHECKS in v.consent.resources for v in views):
            rights.gate.read(actor, owner_id, Resource.CHECKS, Purpose.COACHING, CLIENT)
            context["check"] = checks.citizen(stored.portfolio, lang)
    return _page(request, "client.html", context)
