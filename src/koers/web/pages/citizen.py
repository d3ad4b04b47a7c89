"""Citizen space: "Mijn competenties" (portfolio with confidence and sources, CV import, save)
and "Competentiecheck" (warning lights, answers and action plan).

Pages call the same services as the API. A stored portfolio is read only for its signed-in
owner (purpose ``self``) through the portfolio store and its personal-data gate; uploads and
pasted CVs are used for the page and not stored unless the owner presses "Bewaar".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.access import Account, Purpose
from koers.api.deps import TaxonomyDep
from koers.api.routers.check import CheckDep, PortfolioDep, read_upload
from koers.api.security import CsrfForm, CurrentAccount, OptionalAccount, render_with_csrf
from koers.portfolio import (
    ActorType,
    EventLogConflict,
    Evidence,
    EvidenceType,
    Portfolio,
    PortfolioEvent,
    PortfolioInvalid,
    SkillClaim,
    Source,
    VerificationLevel,
    dumps,
)
from koers.portfolio.events import EventKind
from koers.portfolio.formats import next_id
from koers.services.portfolio import MAX_FILE_BYTES, PortfolioService, StoredPortfolio
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

SKILLS = "/mijn-competenties"
CHECK = "/competentiecheck"


@dataclass(frozen=True)
class SkillRow:
    label: str
    percent: int
    why: str
    last_used: str
    stale: bool


def demo_portfolio() -> bytes:
    return resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()


def _stored(portfolios: PortfolioService, me: Account | None, route: str) -> StoredPortfolio | None:
    if me is None:
        return None
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    return portfolios.load(ids[0], me.actor(), Purpose.SELF, route) if ids else None


async def _from_form(
    portfolios: PortfolioService, file: UploadFile | None, cv: str, demo: str, lang: str
) -> Portfolio:
    if demo:
        return portfolios.read(demo_portfolio(), "demo_citizen_portfolio.json", lang)
    if file is not None and file.filename:
        data = await read_upload(file, MAX_FILE_BYTES)
        return portfolios.read(data, file.filename, lang)
    if cv.strip():
        return portfolios.import_cv(cv, document="CV", lang=lang)
    raise PortfolioInvalid("form", ["choose a file, paste a CV or try the sample"])


def _view(portfolios: PortfolioService, portfolio: Portfolio, lang: str) -> dict[str, Any]:
    today = date.today()
    confidences = portfolios.confidences(portfolio, today, lang)
    labels = portfolios.labels(portfolio, lang)
    rows = [
        SkillRow(
            labels.get(c.skill_uri, c.skill_uri),
            round(c.confidence * 100),
            c.why(lang),
            c.last_used.isoformat() if c.last_used else "",
            c.stale,
        )
        for c in confidences.values()
    ]
    history = sorted(
        portfolio.history, key=lambda h: (h.end or date.max, h.start or date.min), reverse=True
    )
    return {
        "portfolio": portfolio,
        "rows": rows,
        "history": history,
        "labels": labels,
        "portfolio_json": dumps(portfolio),
    }


Upload = Annotated[UploadFile | None, File()]
CvText = Annotated[str, Form(max_length=200_000)]
DemoFlag = Annotated[str, Form(max_length=5)]


@router.get(SKILLS, response_class=HTMLResponse)
def skills_page(
    request: Request,
    me: OptionalAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    zoek: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    return _skills_response(request, me, portfolios, taxonomy, zoek)


def _skills_response(
    request: Request,
    me: Account | None,
    portfolios: PortfolioService,
    taxonomy: TaxonomyService | None = None,
    query: str = "",
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, SKILLS)
    context: dict[str, Any] = {
        "me": me,
        "stored": stored,
        "action": SKILLS,
        "query": query,
        "error": error,
        "actor_types": EDITABLE_SOURCES,
        "evidence_types": list(EvidenceType),
        "today": date.today().isoformat(),
    }
    if stored is not None:
        context.update(_view(portfolios, stored.portfolio, lang))
        context["claims"] = _claim_rows(stored.portfolio, context["labels"])
        if query.strip() and taxonomy is not None:
            hits = taxonomy.search(query.strip(), lang, ConceptKind.SKILL, 10)
            context["hits"] = hits
    response = render(request, "citizen/skills.html", context, status_code=status_code)
    return render_with_csrf(response, request)


@router.post(SKILLS, response_class=HTMLResponse)
async def skills_submit(
    request: Request,
    me: OptionalAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    file: Upload = None,
    cv: CvText = "",
    demo: DemoFlag = "",
) -> HTMLResponse:
    lang = language(request)
    portfolio = await _from_form(portfolios, file, cv, demo, lang)
    context = {"me": me, "stored": None, "action": SKILLS, "fresh": True}
    context.update(_view(portfolios, portfolio, lang))
    return render_with_csrf(render(request, "citizen/skills.html", context), request)


@router.post(f"{SKILLS}/bewaar")
def save_submit(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    portfolio_json: Annotated[str, Form(max_length=MAX_FILE_BYTES)],
) -> Response:
    lang = language(request)
    portfolio = portfolios.read(portfolio_json.encode(), "portfolio", lang)
    stored = _stored(portfolios, me, f"{SKILLS}/bewaar")
    if stored is None:
        portfolios.create(me.id, portfolio, lang)
    else:
        portfolios.save(
            stored.id,
            stored.version,
            portfolio,
            me.actor(),
            Purpose.SELF,
            f"{SKILLS}/bewaar",
            lang,
        )
    return RedirectResponse(SKILLS, status_code=303)


# -- editing single claims of the stored portfolio (event log, optimistic versioning) ----------

EDITABLE_SOURCES = [a for a in ActorType if a is not ActorType.EXTRACTION]
"""Sources a citizen can pick when adding a claim (extraction is the platform's own)."""


@dataclass(frozen=True)
class ClaimRow:
    id: str
    label: str
    source: ActorType
    source_name: str
    evidence: Evidence
    acquired: str
    last_used: str


def _claim_rows(portfolio: Portfolio, labels: dict[str, str]) -> list[ClaimRow]:
    rows = [
        ClaimRow(
            c.id,
            labels.get(c.skill_uri, c.skill_uri),
            c.source.actor_type,
            c.source.name,
            c.evidence,
            c.acquired.isoformat() if c.acquired else "",
            c.last_used.isoformat() if c.last_used else "",
        )
        for c in portfolio.claims
    ]
    return sorted(rows, key=lambda r: r.label.lower())


Version = Annotated[int, Form(ge=1)]


class _EditRefused(Exception):
    def __init__(self, key: str, status_code: int) -> None:
        super().__init__(key)
        self.key = key
        self.status_code = status_code


def _parse_date(value: str) -> date | None:
    if not value.strip():
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise _EditRefused("citizen.edit.bad_date", 422) from exc
    if parsed > date.today():
        raise _EditRefused("citizen.edit.future_date", 422)
    return parsed


def _edit(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    version: int,
    route: str,
    change: Callable[[Portfolio], Portfolio],
) -> Response:
    """Apply ``change`` to the signed-in citizen's own stored portfolio as version ``version``
    (new events only); a stale version or a refused edit re-renders the page, nothing stored."""
    lang = language(request)
    try:
        stored = _stored(portfolios, me, route)
        if stored is None:
            raise _EditRefused("citizen.edit.no_portfolio", 404)
        new = change(stored.portfolio)
        portfolios.save(stored.id, version, new, me.actor(), Purpose.SELF, route, lang)
    except EventLogConflict:
        error, status = "citizen.edit.conflict", 409
    except _EditRefused as refused:
        error, status = refused.key, refused.status_code
    else:
        return RedirectResponse(SKILLS, status_code=303)
    return _skills_response(request, me, portfolios, error=error, status_code=status)


def _claim_of(portfolio: Portfolio, claim_id: str) -> SkillClaim:
    claim = portfolio.claim(claim_id)
    if claim is None:
        raise _EditRefused("citizen.edit.no_claim", 404)
    return claim


@router.post(f"{SKILLS}/claim")
def claim_add(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    version: Version,
    skill_uri: Annotated[str, Form(max_length=300)] = "",
    actor_type: Annotated[str, Form(max_length=40)] = "self",
    source_name: Annotated[str, Form(max_length=200)] = "",
    evidence_type: Annotated[str, Form(max_length=40)] = "none",
    evidence_title: Annotated[str, Form(max_length=300)] = "",
    acquired: Annotated[str, Form(max_length=10)] = "",
    last_used: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    lang = language(request)

    def change(portfolio: Portfolio) -> Portfolio:
        if not skill_uri or not portfolios.catalogue(lang).knows(skill_uri):
            raise _EditRefused("citizen.edit.no_skill", 422)
        try:
            source = ActorType(actor_type)
            evidence = EvidenceType(evidence_type)
        except ValueError as exc:
            raise _EditRefused("citizen.edit.bad_choice", 422) from exc
        if source is ActorType.EXTRACTION:
            raise _EditRefused("citizen.edit.bad_choice", 422)
        got, used = _parse_date(acquired), _parse_date(last_used)
        if got and used and used < got:
            raise _EditRefused("citizen.edit.order", 422)
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

    return _edit(request, me, portfolios, version, f"{SKILLS}/claim", change)


@router.post(f"{SKILLS}/claim/{{claim_id}}/gebruikt")
def claim_used(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    claim_id: str,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        claim = replace(_claim_of(portfolio, claim_id), last_used=date.today())
        claims = tuple(claim if c.id == claim_id else c for c in portfolio.claims)
        return replace(portfolio, claims=claims)

    return _edit(request, me, portfolios, version, f"{SKILLS}/claim/gebruikt", change)


@router.post(f"{SKILLS}/claim/{{claim_id}}/verwijder")
def claim_remove(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    claim_id: str,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        _claim_of(portfolio, claim_id)
        return replace(portfolio, claims=tuple(c for c in portfolio.claims if c.id != claim_id))

    return _edit(request, me, portfolios, version, f"{SKILLS}/claim/verwijder", change)


@dataclass(frozen=True)
class HistoryRow:
    version: int
    when: str
    what: str
    label: str
    by: str


WHO = {ActorType.SELF: "citizen.history.by_self", ActorType.COACH: "citizen.history.by_coach"}


def _history_rows(events: list[PortfolioEvent], label: Callable[[str], str]) -> list[HistoryRow]:
    skill_of: dict[str, str] = {}
    rows: list[HistoryRow] = []
    for event in events:
        subject = ""
        if event.kind in (EventKind.CLAIM_ADDED, EventKind.CLAIM_CHANGED):
            claim = event.payload.get("claim") or {}
            skill_of[str(claim.get("id", ""))] = str(claim.get("skill", ""))
            subject = label(str(claim.get("skill", "")))
        elif event.kind is EventKind.CLAIM_WITHDRAWN:
            uri = skill_of.get(str(event.payload.get("claim_id", "")), "")
            subject = label(uri) if uri else ""
        rows.append(
            HistoryRow(
                event.seq,
                event.recorded_at.date().isoformat(),
                f"citizen.history.kind.{event.kind.value}",
                subject,
                WHO.get(event.actor_type, "citizen.history.by_other"),
            )
        )
    return list(reversed(rows))


@router.get(f"{SKILLS}/geschiedenis", response_class=HTMLResponse)
def history_page(request: Request, me: CurrentAccount, portfolios: PortfolioDep) -> HTMLResponse:
    lang = language(request)
    route = f"{SKILLS}/geschiedenis"
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    rows: list[HistoryRow] = []
    if ids:
        events = portfolios.history(ids[0], me.actor(), Purpose.SELF, route)
        rows = _history_rows(events, portfolios.catalogue(lang).label)
    context = {"me": me, "rows": rows, "has_portfolio": bool(ids)}
    return render(request, "citizen/history.html", context)


def _check_context(
    checks: CheckDep, portfolio: Portfolio, lang: str, me: Account | None
) -> dict[str, Any]:
    result = checks.citizen(portfolio, lang)
    return {"me": me, "result": result, "action": CHECK}


@router.get(CHECK, response_class=HTMLResponse)
def check_page(
    request: Request, me: OptionalAccount, portfolios: PortfolioDep, checks: CheckDep
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, CHECK)
    context: dict[str, Any] = {"me": me, "result": None, "action": CHECK}
    if stored is not None:
        context = _check_context(checks, stored.portfolio, lang, me)
    return render_with_csrf(render(request, "citizen/check.html", context), request)


@router.post(CHECK, response_class=HTMLResponse)
async def check_submit(
    request: Request,
    me: OptionalAccount,
    portfolios: PortfolioDep,
    checks: CheckDep,
    _csrf: CsrfForm,
    file: Upload = None,
    cv: CvText = "",
    demo: DemoFlag = "",
) -> HTMLResponse:
    lang = language(request)
    portfolio = await _from_form(portfolios, file, cv, demo, lang)
    context = _check_context(checks, portfolio, lang, me)
    return render_with_csrf(render(request, "citizen/check.html", context), request)
