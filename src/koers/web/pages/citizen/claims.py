"""Skill claims (competentieclaims): add, edit, mark recently used, withdraw. A claim vouched
for by someone else keeps its provenance: the citizen changes only last-used and note."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from koers.access import Account
from koers.http.deps import PortfolioDep
from koers.http.security import CsrfForm, CurrentAccount, render_with_csrf
from koers.portfolio import (
    Evidence,
    EvidenceType,
    Portfolio,
    SkillClaim,
    Source,
    VerificationLevel,
    next_id,
)
from koers.services.portfolio import PortfolioService
from koers.web.pages.citizen.portfolio_page import edit_portfolio
from koers.web.pages.citizen.shared import (
    EDITABLE_SOURCES,
    SKILLS,
    DateText,
    EditRefused,
    IdPath,
    LongText,
    Text,
    Version,
    choice,
    claim_source,
    iso,
    known_skill,
    own_claim,
    parse_date,
    stored_portfolio,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)


def _claim_of(portfolio: Portfolio, claim_id: str) -> SkillClaim:
    claim = portfolio.claim(claim_id)
    if claim is None:
        raise EditRefused("citizen.edit.no_claim", 404)
    return claim


@router.post(f"{SKILLS}/claim")
def claim_add(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    version: Version,
    skill_uri: Text = "",
    actor_type: Annotated[str, Form(max_length=40)] = "self",
    source_name: Annotated[str, Form(max_length=200)] = "",
    evidence_type: Annotated[str, Form(max_length=40)] = "none",
    evidence_title: Text = "",
    acquired: DateText = "",
    last_used: DateText = "",
) -> Response:
    lang = language(request)

    def change(portfolio: Portfolio) -> Portfolio:
        if not skill_uri or not known_skill(portfolios, skill_uri, lang):
            raise EditRefused("citizen.edit.no_skill", 422)
        source = claim_source(actor_type)
        evidence = choice(EvidenceType, evidence_type, "evidence_type")
        got, used = parse_date(acquired, "acquired"), parse_date(last_used, "last_used")
        if got and used and used < got:
            raise EditRefused("citizen.edit.order", 422, "last_used")
        claim = SkillClaim(
            id=next_id([c.id for c in portfolio.claims], "c")(),
            skill_uri=skill_uri,
            source=Source(source, source_name.strip()),
            evidence=Evidence(evidence, evidence_title.strip()),
            verification=VerificationLevel.SELF_DECLARED,
            acquired=got,
            last_used=used,
        )
        return replace(portfolio, claims=(*portfolio.claims, claim))

    return edit_portfolio(request, me, portfolios, version, f"{SKILLS}/claim", change)


def _claim_values(claim: SkillClaim) -> dict[str, str]:
    return {
        "actor_type": claim.source.actor_type.value,
        "source_name": claim.source.name,
        "evidence_type": claim.evidence.type.value,
        "evidence_title": claim.evidence.title,
        "acquired": iso(claim.acquired),
        "last_used": iso(claim.last_used),
        "note": claim.note,
    }


def _claim_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    claim_id: str,
    form: dict[str, str] | None = None,
    error: str = "",
    field: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = stored_portfolio(portfolios, me, f"{SKILLS}/claim")
    claim = stored.portfolio.claim(claim_id) if stored else None
    context: dict[str, Any] = {"me": me, "stored": stored, "claim": claim, "field": field}
    if claim is None:
        context["error"] = error if status_code == 404 and error else "citizen.edit.no_claim"
        page = render(request, "citizen/claim.html", context, status_code=404)
        return render_with_csrf(page, request)
    values = _claim_values(claim)
    if form and status_code != 409:  # after a conflict, show what is stored now
        values.update({k: v for k, v in form.items() if k in values})
    context.update(
        {
            "error": error,
            "label": portfolios.catalogue(lang).label(claim.skill_uri),
            "own": own_claim(claim),
            "values": values,
            "actor_types": EDITABLE_SOURCES,
            "evidence_types": list(EvidenceType),
            "today": date.today().isoformat(),
        }
    )
    page = render(request, "citizen/claim.html", context, status_code=status_code)
    return render_with_csrf(page, request)


@router.get(f"{SKILLS}/claim/{{claim_id}}", response_class=HTMLResponse)
def claim_page(
    request: Request, me: CurrentAccount, portfolios: PortfolioDep, claim_id: IdPath
) -> HTMLResponse:
    return _claim_response(request, me, portfolios, claim_id)


@router.post(f"{SKILLS}/claim/{{claim_id}}")
def claim_edit(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    claim_id: IdPath,
    version: Version,
    actor_type: Annotated[str | None, Form(max_length=40)] = None,
    source_name: Annotated[str | None, Form(max_length=200)] = None,
    evidence_type: Annotated[str | None, Form(max_length=40)] = None,
    evidence_title: Annotated[str | None, Form(max_length=300)] = None,
    acquired: Annotated[str | None, Form(max_length=10)] = None,
    last_used: DateText = "",
    note: LongText = "",
) -> Response:
    """Change a claim. Fields left out of the form (``None``) keep their value; for a claim
    of someone else, sending a different source, evidence or date acquired is refused."""

    def change(portfolio: Portfolio) -> Portfolio:
        claim = _claim_of(portfolio, claim_id)
        used = parse_date(last_used, "last_used")
        if own_claim(claim):
            got = parse_date(acquired, "acquired")
            new = replace(
                claim,
                source=Source(
                    claim_source(actor_type or claim.source.actor_type.value),
                    (source_name or "").strip(),
                ),
                evidence=Evidence(
                    choice(
                        EvidenceType, evidence_type or claim.evidence.type.value, "evidence_type"
                    ),
                    (evidence_title or "").strip(),
                    claim.evidence.excerpt,
                ),
                acquired=got,
            )
        else:
            current = _claim_values(claim)
            sent = {
                "actor_type": actor_type,
                "source_name": source_name,
                "evidence_type": evidence_type,
                "evidence_title": evidence_title,
                "acquired": acquired,
            }
            for name, value in sent.items():
                if value is not None and value.strip() != current[name]:
                    raise EditRefused("citizen.edit.locked", 403, "last_used")
            got, new = claim.acquired, claim
        if got and used and used < got:
            raise EditRefused("citizen.edit.order", 422, "last_used")
        new = replace(new, last_used=used, note=note.strip())
        return replace(
            portfolio, claims=tuple(new if c.id == claim_id else c for c in portfolio.claims)
        )

    submitted = {
        "actor_type": actor_type or "",
        "source_name": source_name or "",
        "evidence_type": evidence_type or "",
        "evidence_title": evidence_title or "",
        "acquired": acquired or "",
        "last_used": last_used,
        "note": note,
    }

    def again(error: str, status: int, field: str) -> Response:
        return _claim_response(request, me, portfolios, claim_id, submitted, error, field, status)

    route = f"{SKILLS}/claim/aanpassen"
    return edit_portfolio(request, me, portfolios, version, route, change, on_error=again)


@router.post(f"{SKILLS}/claim/{{claim_id}}/gebruikt")
def claim_used(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    claim_id: IdPath,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        claim = replace(_claim_of(portfolio, claim_id), last_used=date.today())
        claims = tuple(claim if c.id == claim_id else c for c in portfolio.claims)
        return replace(portfolio, claims=claims)

    return edit_portfolio(request, me, portfolios, version, f"{SKILLS}/claim/gebruikt", change)


@router.post(f"{SKILLS}/claim/{{claim_id}}/verwijder")
def claim_remove(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    claim_id: IdPath,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        _claim_of(portfolio, claim_id)
        return replace(portfolio, claims=tuple(c for c in portfolio.claims if c.id != claim_id))

    return edit_portfolio(request, me, portfolios, version, f"{SKILLS}/claim/verwijder", change)
