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

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
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
    HistoryEntry,
    HistoryKind,
    Person,
    Portfolio,
    PortfolioEvent,
    PortfolioInvalid,
    Preferences,
    SkillClaim,
    Source,
    VerificationLevel,
    dumps,
    is_occupation_uri,
    is_skill_uri,
    replay,
)
from koers.portfolio.events import EventKind, apply
from koers.portfolio.formats import MAX_TEXT, next_id
from koers.services.documents import DocumentUnreadable, megabytes, too_large
from koers.services.portfolio import (
    MAX_FILE_BYTES,
    PortfolioService,
    StoredPortfolio,
    already_imported,
    merge_import,
)
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from koers.web.i18n import translate
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
    portfolios: PortfolioService,
    file: UploadFile | None,
    cv: str,
    demo: str,
    lang: str,
    cv_file: UploadFile | None = None,
    limit: int = MAX_FILE_BYTES,
) -> Portfolio:
    """The portfolio a form asks for: the sample, a portfolio file, or the skills of a CV (file
    or pasted text). Used as is by the check; "Mijn competenties" reviews a CV import first."""
    portfolio, _kind, _document = await _read_form(
        portfolios, file, cv, demo, lang, cv_file, None, limit
    )
    return portfolio


async def _read_form(
    portfolios: PortfolioService,
    file: UploadFile | None,
    cv: str,
    demo: str,
    lang: str,
    cv_file: UploadFile | None,
    occupations: UploadFile | None,
    limit: int,
) -> tuple[Portfolio, str, str]:
    """(portfolio, kind, document name); kind ``portfolio`` (shown as is), ``cv`` or ``jobs``
    (an import, reviewed before it is stored)."""
    if demo:
        return (
            portfolios.read(demo_portfolio(), "demo_citizen_portfolio.json", lang),
            "portfolio",
            "",
        )
    if file is not None and file.filename:
        data = await read_upload(file, limit)
        return portfolios.read(data, file.filename, lang), "portfolio", file.filename
    if cv_file is not None and cv_file.filename:
        data = await read_upload(cv_file, limit)
        name = cv_file.filename[:200]
        return portfolios.import_cv_file(data, name, lang=lang, limit=limit), "cv", name
    if cv.strip():
        return portfolios.import_cv(cv, document="CV", lang=lang), "cv", "CV"
    if occupations is not None and occupations.filename:
        data = await read_upload(occupations, limit)
        name = occupations.filename[:200]
        if len(data) > limit:
            raise too_large(name, limit)
        return portfolios.import_occupations(data, name, None, lang), "jobs", name
    raise PortfolioInvalid("form", ["choose a file, paste a CV or try the sample"])


def _upload_limit(request: Request) -> int:
    """Largest upload a page reads: the request body limit (KOERS_MAX_BODY_BYTES, 1 MB by
    default; larger bodies never reach a page) or the file limit, whichever is smaller."""
    settings = request.app.state.settings
    return min(int(settings.max_body_bytes), MAX_FILE_BYTES)


def _load_context(request: Request) -> dict[str, Any]:
    return {"upload_mb": megabytes(_upload_limit(request))}


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
    extra: dict[str, Any] | None = None,
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
    context.update(_load_context(request))
    context.update(extra or {})
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
    cv_file: Upload = None,
    occupations: Upload = None,
) -> HTMLResponse:
    """Show a loaded portfolio, or the review list of a CV or occupations import (nothing is
    stored here; a refused file re-renders the page with the reason)."""
    lang = language(request)
    try:
        portfolio, kind, document = await _read_form(
            portfolios, file, cv, demo, lang, cv_file, occupations, _upload_limit(request)
        )
    except DocumentUnreadable as exc:
        extra = {"import_error": f"citizen.import.error.{exc.reason.value}"}
        extra["import_values"] = {k: str(v) for k, v in exc.values.items()}  # type: ignore[assignment]
        return _skills_response(request, me, portfolios, status_code=422, extra=extra)
    except PortfolioInvalid as exc:
        if demo or (file is not None and file.filename):
            raise  # a portfolio file: the error page lists every problem, as before
        extra = {"import_error": "citizen.import.error.invalid"}
        extra["import_problems"] = exc.problems  # type: ignore[assignment]
        return _skills_response(request, me, portfolios, status_code=422, extra=extra)
    if kind != "portfolio":
        return _review_response(request, me, portfolios, portfolio, document)
    context = {"me": me, "stored": None, "action": SKILLS, "fresh": True}
    context.update(_view(portfolios, portfolio, lang))
    context.update(_load_context(request))
    return render_with_csrf(render(request, "citizen/skills.html", context), request)


# -- review of an import (CV or occupations list) ----------------------------------------------
#
# The import is shown as a list of checkboxes, all ticked; the form carries the import itself
# (koers.portfolio JSON, validated again on save) and the stored version it was made against.
# Saving adds only the ticked claims and jobs to the stored portfolio as new entries (or makes
# the first portfolio of them); a stale version re-renders the list with 409, nothing stored.

MAX_REVIEW_ITEMS = 200
"""More checkboxes than any import gives (a CV import keeps 30 skills)."""


@dataclass(frozen=True)
class ReviewRow:
    id: str
    label: str
    detail: str
    already: bool
    checked: bool


def _review_response(
    request: Request,
    me: Account | None,
    portfolios: PortfolioService,
    found: Portfolio,
    document: str,
    keep: set[str] | None = None,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, f"{SKILLS}/review")
    already = already_imported(stored.portfolio, found) if stored else set()
    labels = portfolios.labels(found, lang)

    def ticked(item_id: str) -> bool:
        return keep is None or item_id in keep

    skills = [
        ReviewRow(
            c.id,
            labels.get(c.skill_uri, c.skill_uri),
            c.evidence.excerpt,
            c.id in already,
            ticked(c.id),
        )
        for c in found.claims
    ]
    jobs = [
        ReviewRow(
            h.id,
            h.title or labels.get(h.occupation_uri, h.occupation_uri),
            ", ".join(
                x
                for x in (
                    labels.get(h.occupation_uri, "") if h.title else "",
                    h.organisation,
                    translate(
                        "citizen.review.period",
                        lang,
                        start=_iso(h.start) or "?",
                        end=_iso(h.end) or translate("citizen.now", lang),
                    ),
                )
                if x
            ),
            h.id in already,
            ticked(h.id),
        )
        for h in found.history
    ]
    context: dict[str, Any] = {
        "me": me,
        "stored": stored,
        "version": stored.version if stored else 0,
        "skills": skills,
        "jobs": jobs,
        "document": document,
        "error": error,
        "portfolio_json": dumps(found),
    }
    page = render(request, "citizen/review.html", context, status_code=status_code)
    return render_with_csrf(page, request)


@router.post(f"{SKILLS}/bewaar")
def save_submit(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    portfolio_json: Annotated[str, Form(max_length=MAX_FILE_BYTES)],
    mode: Annotated[str, Form(max_length=10)] = "",
    version: Annotated[int, Form(ge=0)] = 0,
    keep: Annotated[list[str] | None, Form()] = None,
    document: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Store a loaded portfolio (``mode`` empty: it becomes the stored state, as a versioned
    edit), or add the ticked part of a reviewed import (``mode=import``)."""
    lang = language(request)
    if mode == "import":
        return _save_import(
            request, me, portfolios, portfolio_json, version, keep or [], document, lang
        )
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


def _save_import(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    portfolio_json: str,
    version: int,
    keep: list[str],
    document: str,
    lang: str,
) -> Response:
    route = f"{SKILLS}/bewaar"
    if len(keep) > MAX_REVIEW_ITEMS or any(len(k) > 80 for k in keep):
        raise PortfolioInvalid("keep", [f"at most {MAX_REVIEW_ITEMS} ids of 80 characters"])
    found = portfolios.read(portfolio_json.encode(), "import", lang)
    chosen = set(keep)

    def again(error: str, status: int) -> Response:
        return _review_response(request, me, portfolios, found, document, chosen, error, status)

    stored = _stored(portfolios, me, route)
    if (stored.version if stored else 0) != version:
        return again("citizen.edit.conflict", 409)
    base = stored.portfolio if stored else Portfolio()
    merged = merge_import(base, found, chosen)
    if merged == base:
        return again("citizen.review.nothing", 422)
    try:
        if stored is None:
            portfolios.create(me.id, merged, lang)
        else:
            portfolios.save(stored.id, version, merged, me.actor(), Purpose.SELF, route, lang)
    except EventLogConflict:
        return again("citizen.edit.conflict", 409)
    return RedirectResponse(SKILLS, status_code=303)


# -- editing the stored portfolio (event log, optimistic versioning) ---------------------------
#
# Every edit below reads the owner's portfolio through the gate, builds the new state with a
# pure ``change`` function and stores it with one ``PortfolioService.save`` (one transaction,
# all events or none). A refused edit raises ``_EditRefused`` before anything is stored; a
# stale ``version`` is a 409 with the page re-rendered from the newer state.

EDITABLE_SOURCES = [a for a in ActorType if a is not ActorType.EXTRACTION]
"""Sources a citizen can pick for a claim of their own (extraction is the platform's own)."""
MAX_TARGETS = 10
"""Target occupations a citizen can keep at once (more is no longer a goal but a list)."""
MAX_ENTRY_SKILLS = 50
MAX_INTERESTS = 50

IdPath = Annotated[str, Path(max_length=80)]
"""Claim and history entry ids (the portfolio format allows at most 80 characters)."""
Version = Annotated[int, Form(ge=1)]
Text = Annotated[str, Form(max_length=300)]
LongText = Annotated[str, Form(max_length=MAX_TEXT)]
DateText = Annotated[str, Form(max_length=10)]
Search = Annotated[str, Query(max_length=200)]


def own_claim(claim: SkillClaim) -> bool:
    """The citizen may fully edit only what they declared themselves; a statement by someone
    else (employer, school, VDAB, assessor, extraction...) keeps its source, evidence and date
    acquired, or the portfolio would show a forged provenance."""
    return claim.source.actor_type is ActorType.SELF


@dataclass(frozen=True)
class ClaimRow:
    id: str
    label: str
    source: ActorType
    source_name: str
    evidence: Evidence
    acquired: str
    last_used: str
    note: str = ""
    own: bool = True


def _claim_rows(portfolio: Portfolio, labels: dict[str, str]) -> list[ClaimRow]:
    rows = [
        ClaimRow(
            c.id,
            labels.get(c.skill_uri, c.skill_uri),
            c.source.actor_type,
            c.source.name,
            c.evidence,
            _iso(c.acquired),
            _iso(c.last_used),
            c.note,
            own_claim(c),
        )
        for c in portfolio.claims
    ]
    return sorted(rows, key=lambda r: r.label.lower())


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class _EditRefused(Exception):
    """An edit that is not stored: ``key`` is the Dutch/English message, ``field`` the id of
    the form field it is about (the page links the message to it)."""

    def __init__(self, key: str, status_code: int, field: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.status_code = status_code
        self.field = field


ErrorView = Callable[[str, int, str], Response]
"""Re-renders a page with (message key, status, field id) after a refused edit."""


def _parse_date(value: str | None, field: str = "") -> date | None:
    if value is None or not value.strip():
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise _EditRefused("citizen.edit.bad_date", 422, field) from exc
    if parsed > date.today():
        raise _EditRefused("citizen.edit.future_date", 422, field)
    return parsed


def _edit(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    version: int,
    route: str,
    change: Callable[[Portfolio], Portfolio],
    done: str = SKILLS,
    on_error: ErrorView | None = None,
) -> Response:
    """Apply ``change`` to the signed-in citizen's own stored portfolio as version ``version``
    (new events only); a stale version or a refused edit re-renders the page, nothing stored."""
    lang = language(request)
    try:
        stored = _stored(portfolios, me, route)
        if stored is None:
            raise _EditRefused("citizen.edit.no_portfolio", 404)
        if stored.version != version:
            # checked before ``change`` so that a stale form always says "changed meanwhile",
            # not "this claim no longer exists"
            raise EventLogConflict(version, stored.version)
        new = change(stored.portfolio)
        portfolios.save(stored.id, version, new, me.actor(), Purpose.SELF, route, lang)
    except EventLogConflict:
        error, status, field = "citizen.edit.conflict", 409, ""
    except _EditRefused as refused:
        error, status, field = refused.key, refused.status_code, refused.field
    else:
        return RedirectResponse(done, status_code=303)
    if on_error is None:
        return _skills_response(request, me, portfolios, error=error, status_code=status)
    return on_error(error, status, field)


def _claim_of(portfolio: Portfolio, claim_id: str) -> SkillClaim:
    claim = portfolio.claim(claim_id)
    if claim is None:
        raise _EditRefused("citizen.edit.no_claim", 404)
    return claim


def _choice(kind: type[Any], value: str, field: str) -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise _EditRefused("citizen.edit.bad_choice", 422, field) from exc


def _source(actor_type: str) -> ActorType:
    source: ActorType = _choice(ActorType, actor_type, "actor_type")
    if source is ActorType.EXTRACTION:
        raise _EditRefused("citizen.edit.bad_choice", 422, "actor_type")
    return source


def _known_skill(portfolios: PortfolioService, uri: str, lang: str) -> bool:
    # an occupation URI is "known" to the catalogue too, but would break the claim on replay
    return is_skill_uri(uri) and portfolios.catalogue(lang).knows(uri)


def _known_occupation(portfolios: PortfolioService, uri: str, lang: str) -> bool:
    return is_occupation_uri(uri) and portfolios.catalogue(lang).profile(uri) is not None


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
        if not skill_uri or not _known_skill(portfolios, skill_uri, lang):
            raise _EditRefused("citizen.edit.no_skill", 422)
        source = _source(actor_type)
        evidence = _choice(EvidenceType, evidence_type, "evidence_type")
        got, used = _parse_date(acquired, "acquired"), _parse_date(last_used, "last_used")
        if got and used and used < got:
            raise _EditRefused("citizen.edit.order", 422, "last_used")
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


def _claim_values(claim: SkillClaim) -> dict[str, str]:
    return {
        "actor_type": claim.source.actor_type.value,
        "source_name": claim.source.name,
        "evidence_type": claim.evidence.type.value,
        "evidence_title": claim.evidence.title,
        "acquired": _iso(claim.acquired),
        "last_used": _iso(claim.last_used),
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
    stored = _stored(portfolios, me, f"{SKILLS}/claim")
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
        used = _parse_date(last_used, "last_used")
        if own_claim(claim):
            got = _parse_date(acquired, "acquired")
            new = replace(
                claim,
                source=Source(
                    _source(actor_type or claim.source.actor_type.value),
                    (source_name or "").strip(),
                ),
                evidence=Evidence(
                    _choice(
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
                    raise _EditRefused("citizen.edit.locked", 403, "last_used")
            got, new = claim.acquired, claim
        if got and used and used < got:
            raise _EditRefused("citizen.edit.order", 422, "last_used")
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
    return _edit(request, me, portfolios, version, route, change, on_error=again)


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

    return _edit(request, me, portfolios, version, f"{SKILLS}/claim/gebruikt", change)


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

    return _edit(request, me, portfolios, version, f"{SKILLS}/claim/verwijder", change)


# -- work and learning history -----------------------------------------------------------------

CAREER = f"{SKILLS}/loopbaan"


@dataclass(frozen=True)
class Option:
    """A radio button or checkbox: an ESCO concept with its label."""

    uri: str
    label: str
    checked: bool


def _career_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, CAREER)
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error}
    if stored is not None:
        context["entries"] = _sorted_history(stored.portfolio)
        context["labels"] = portfolios.labels(stored.portfolio, lang)
    page = render(request, "citizen/career.html", context, status_code=status_code)
    return render_with_csrf(page, request)


def _sorted_history(portfolio: Portfolio) -> list[HistoryEntry]:
    return sorted(
        portfolio.history, key=lambda h: (h.end or date.max, h.start or date.min), reverse=True
    )


@router.get(CAREER, response_class=HTMLResponse)
def career_page(request: Request, me: CurrentAccount, portfolios: PortfolioDep) -> HTMLResponse:
    return _career_response(request, me, portfolios)


def _entry_values(entry: HistoryEntry | None) -> dict[str, Any]:
    if entry is None:
        return {"title": "", "organisation": "", "start": "", "end": "", "occupation_uri": ""}
    return {
        "title": entry.title,
        "organisation": entry.organisation,
        "start": _iso(entry.start),
        "end": _iso(entry.end),
        "occupation_uri": entry.occupation_uri,
        "skills": list(entry.skills),
    }


def _entry_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    taxonomy: TaxonomyService,
    entry_id: str | None,
    kind: HistoryKind,
    query: str = "",
    form: dict[str, Any] | None = None,
    error: str = "",
    field: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, CAREER)
    entry = stored.portfolio.entry(entry_id) if stored and entry_id is not None else None
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error, "field": field}
    if stored is None or (entry_id is not None and entry is None):
        context["error"] = "citizen.edit.no_portfolio" if stored is None else "citizen.entry.none"
        page = render(request, "citizen/entry.html", context, status_code=404)
        return render_with_csrf(page, request)
    kind = entry.kind if entry is not None else kind
    values = _entry_values(entry)
    values.setdefault("skills", [])
    if form and status_code != 409:  # after a conflict, show what is stored now
        values.update(form)
    catalogue = portfolios.catalogue(lang)
    concept = ConceptKind.OCCUPATION if kind is HistoryKind.JOB else ConceptKind.SKILL
    hits = taxonomy.search(query.strip(), lang, concept, 10) if query.strip() else []
    options: list[Option] = []
    if kind is HistoryKind.JOB:
        chosen = str(values["occupation_uri"])
        if chosen and _known_occupation(portfolios, chosen, lang):
            options.append(Option(chosen, catalogue.label(chosen), True))
        options += [
            Option(h.uri, h.label, not options and i == 0)
            for i, h in enumerate(hits)
            if h.uri != chosen
        ]
    else:
        picked = [s for s in values["skills"] if _known_skill(portfolios, s, lang)]
        options = [Option(s, catalogue.label(s), True) for s in picked]
        options += [Option(h.uri, h.label, False) for h in hits if h.uri not in picked]
    here = f"{CAREER}/{entry.id}" if entry is not None else f"{CAREER}/nieuw"
    context.update(
        {
            "entry": entry,
            "kind": kind.value,
            "query": query,
            "no_hits": bool(query.strip()) and not hits,
            "options": options,
            "values": values,
            "here": here,
            "action": f"{CAREER}/{entry.id}" if entry is not None else CAREER,
            "today": date.today().isoformat(),
        }
    )
    page = render(request, "citizen/entry.html", context, status_code=status_code)
    return render_with_csrf(page, request)


def _kind(value: str) -> HistoryKind:
    try:
        return HistoryKind(value)
    except ValueError:
        return HistoryKind.JOB


@router.get(f"{CAREER}/nieuw", response_class=HTMLResponse)
def entry_new_page(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    soort: Annotated[str, Query(max_length=10)] = "job",
    zoek: Search = "",
) -> HTMLResponse:
    return _entry_response(request, me, portfolios, taxonomy, None, _kind(soort), zoek)


@router.get(f"{CAREER}/{{entry_id}}", response_class=HTMLResponse)
def entry_page(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    entry_id: IdPath,
    zoek: Search = "",
) -> HTMLResponse:
    return _entry_response(request, me, portfolios, taxonomy, entry_id, HistoryKind.JOB, zoek)


@dataclass(frozen=True)
class EntryForm:
    title: str
    organisation: str
    start: str
    end: str
    occupation_uri: str
    skills: list[str]

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organisation": self.organisation,
            "start": self.start,
            "end": self.end,
            "occupation_uri": self.occupation_uri,
            "skills": self.skills,
        }

    def entry(
        self,
        entry_id: str,
        kind: HistoryKind,
        old: HistoryEntry | None,
        portfolios: PortfolioService,
        lang: str,
    ) -> HistoryEntry:
        """The validated entry; raises ``_EditRefused`` naming the field."""
        start, end = _parse_date(self.start, "start"), _parse_date(self.end, "end")
        if start and end and end < start:
            raise _EditRefused("citizen.entry.order", 422, "end")
        title = self.title.strip()
        occupation = old.occupation_uri if old is not None else ""
        skills: tuple[str, ...] = ()
        if kind is HistoryKind.JOB:
            occupation = self.occupation_uri.strip()
            if not occupation:
                raise _EditRefused("citizen.entry.no_occupation", 422, "zoek")
            if not _known_occupation(portfolios, occupation, lang):
                raise _EditRefused("citizen.entry.unknown_occupation", 422, "zoek")
        else:
            if not title:
                raise _EditRefused("citizen.entry.no_title", 422, "title")
            skills = tuple(dict.fromkeys(s.strip() for s in self.skills if s.strip()))
            if len(skills) > MAX_ENTRY_SKILLS:
                raise _EditRefused("citizen.entry.too_many_skills", 422, "zoek")
            if not all(_known_skill(portfolios, s, lang) for s in skills):
                raise _EditRefused("citizen.entry.unknown_skill", 422, "zoek")
        return HistoryEntry(
            id=entry_id,
            kind=kind,
            title=title,
            start=start,
            end=end,
            occupation_uri=occupation,
            organisation=self.organisation.strip(),
            skills=skills,
        )


def _entry_form(
    title: str,
    organisation: str,
    start: str,
    end: str,
    occupation_uri: str,
    skills: list[str] | None,
) -> EntryForm:
    return EntryForm(title, organisation, start, end, occupation_uri, list(skills or []))


SkillList = Annotated[list[str] | None, Form()]


@router.post(CAREER)
def entry_add(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    _csrf: CsrfForm,
    version: Version,
    kind: Annotated[str, Form(max_length=10)] = "job",
    title: Text = "",
    organisation: Text = "",
    start: DateText = "",
    end: DateText = "",
    occupation_uri: Text = "",
    skills: SkillList = None,
    zoek: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    lang = language(request)
    form = _entry_form(title, organisation, start, end, occupation_uri, skills)
    chosen = _kind(kind)

    def change(portfolio: Portfolio) -> Portfolio:
        entry_id = next_id([h.id for h in portfolio.history], "h")()
        entry = form.entry(entry_id, chosen, None, portfolios, lang)
        return replace(portfolio, history=(*portfolio.history, entry))

    def again(error: str, status: int, field: str) -> Response:
        return _entry_response(
            request,
            me,
            portfolios,
            taxonomy,
            None,
            chosen,
            zoek,
            form.values(),
            error,
            field,
            status,
        )

    return _edit(request, me, portfolios, version, CAREER, change, CAREER, again)


@router.post(f"{CAREER}/{{entry_id}}")
def entry_edit(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    _csrf: CsrfForm,
    entry_id: IdPath,
    version: Version,
    title: Text = "",
    organisation: Text = "",
    start: DateText = "",
    end: DateText = "",
    occupation_uri: Text = "",
    skills: SkillList = None,
    zoek: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    lang = language(request)
    form = _entry_form(title, organisation, start, end, occupation_uri, skills)

    def change(portfolio: Portfolio) -> Portfolio:
        old = portfolio.entry(entry_id)
        if old is None:
            raise _EditRefused("citizen.entry.none", 404)
        entry = form.entry(entry_id, old.kind, old, portfolios, lang)
        history = tuple(entry if h.id == entry_id else h for h in portfolio.history)
        return replace(portfolio, history=history)

    def again(error: str, status: int, field: str) -> Response:
        return _entry_response(
            request,
            me,
            portfolios,
            taxonomy,
            entry_id,
            HistoryKind.JOB,
            zoek,
            form.values(),
            error,
            field,
            status,
        )

    route = f"{CAREER}/aanpassen"
    return _edit(request, me, portfolios, version, route, change, CAREER, again)


@router.post(f"{CAREER}/{{entry_id}}/verwijder")
def entry_remove(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    entry_id: IdPath,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        if portfolio.entry(entry_id) is None:
            raise _EditRefused("citizen.entry.none", 404)
        return replace(portfolio, history=tuple(h for h in portfolio.history if h.id != entry_id))

    def again(error: str, status: int, _field: str) -> Response:
        return _career_response(request, me, portfolios, error, status)

    route = f"{CAREER}/verwijder"
    return _edit(request, me, portfolios, version, route, change, CAREER, again)


# -- goals (current and target occupations) and preferences ("willen") --------------------------

GOALS = f"{SKILLS}/doelen"
PREFERENCES = f"{SKILLS}/voorkeuren"
GOAL_ROLES = ("current", "target")


def _goals_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    taxonomy: TaxonomyService,
    query: str = "",
    form: dict[str, str] | None = None,
    error: str = "",
    field: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = _stored(portfolios, me, GOALS)
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error, "field": field}
    if stored is not None:
        catalogue = portfolios.catalogue(lang)
        values = {"occupation_uri": "", "role": "target"}
        if form and status_code != 409:
            values.update(form)
        hits = (
            taxonomy.search(query.strip(), lang, ConceptKind.OCCUPATION, 10)
            if query.strip()
            else []
        )
        chosen = values["occupation_uri"]
        options = []
        if chosen and _known_occupation(portfolios, chosen, lang):
            options.append(Option(chosen, catalogue.label(chosen), True))
        options += [
            Option(h.uri, h.label, not options and i == 0)
            for i, h in enumerate(hits)
            if h.uri != chosen
        ]
        portfolio = stored.portfolio
        context.update(
            {
                "current": portfolio.current_occupation,
                "current_label": catalogue.label(portfolio.current_occupation),
                "targets": [(t, catalogue.label(t)) for t in portfolio.targets],
                "query": query,
                "no_hits": bool(query.strip()) and not hits,
                "options": options,
                "values": values,
                "max_targets": MAX_TARGETS,
            }
        )
    page = render(request, "citizen/goals.html", context, status_code=status_code)
    return render_with_csrf(page, request)


@router.get(GOALS, response_class=HTMLResponse)
def goals_page(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    zoek: Search = "",
) -> HTMLResponse:
    return _goals_response(request, me, portfolios, taxonomy, zoek)


@router.post(GOALS)
def goal_set(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    _csrf: CsrfForm,
    version: Version,
    occupation_uri: Text = "",
    role: Annotated[str, Form(max_length=10)] = "",
    zoek: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    lang = language(request)
    uri = occupation_uri.strip()

    def change(portfolio: Portfolio) -> Portfolio:
        if not uri:
            raise _EditRefused("citizen.entry.no_occupation", 422, "zoek")
        if not _known_occupation(portfolios, uri, lang):
            raise _EditRefused("citizen.entry.unknown_occupation", 422, "zoek")
        if role not in GOAL_ROLES:
            raise _EditRefused("citizen.goals.no_role", 422, "role-current")
        if role == "current":
            return replace(portfolio, current_occupation=uri)
        if uri in portfolio.targets:
            raise _EditRefused("citizen.goals.already", 422, "zoek")
        if len(portfolio.targets) >= MAX_TARGETS:
            raise _EditRefused("citizen.goals.too_many", 422, "zoek")
        return replace(portfolio, targets=(*portfolio.targets, uri))

    def again(error: str, status: int, field: str) -> Response:
        form = {"occupation_uri": uri, "role": role}
        return _goals_response(request, me, portfolios, taxonomy, zoek, form, error, field, status)

    return _edit(request, me, portfolios, version, GOALS, change, GOALS, again)


@router.post(f"{GOALS}/weg")
def goal_remove(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    _csrf: CsrfForm,
    version: Version,
    occupation_uri: Text = "",
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        if occupation_uri not in portfolio.targets:
            raise _EditRefused("citizen.goals.not_there", 404)
        return replace(
            portfolio, targets=tuple(t for t in portfolio.targets if t != occupation_uri)
        )

    def again(error: str, status: int, field: str) -> Response:
        return _goals_response(request, me, portfolios, taxonomy, "", None, error, field, status)

    return _edit(request, me, portfolios, version, f"{GOALS}/weg", change, GOALS, again)


@router.post(f"{GOALS}/huidig-wissen")
def current_clear(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    _csrf: CsrfForm,
    version: Version,
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        return replace(portfolio, current_occupation="")

    def again(error: str, status: int, field: str) -> Response:
        return _goals_response(request, me, portfolios, taxonomy, "", None, error, field, status)

    route = f"{GOALS}/huidig-wissen"
    return _edit(request, me, portfolios, version, route, change, GOALS, again)


def _preference_values(prefs: Preferences) -> dict[str, str]:
    hours = prefs.hours_per_week
    return {
        "interests": ", ".join(prefs.interests),
        "hours": "" if hours is None else f"{hours:g}",
        "region": prefs.region,
        "likes": prefs.likes,
        "dislikes": prefs.dislikes,
    }


def _preferences_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    form: dict[str, str] | None = None,
    error: str = "",
    field: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    stored = _stored(portfolios, me, PREFERENCES)
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error, "field": field}
    if stored is not None:
        values = _preference_values(stored.portfolio.preferences)
        person = stored.portfolio.person
        values["display_name"] = person.display_name
        values["birth_year"] = str(person.birth_year or "")
        if form and status_code != 409:
            values.update(form)
        context["values"] = values
    page = render(request, "citizen/preferences.html", context, status_code=status_code)
    return render_with_csrf(page, request)


@router.get(PREFERENCES, response_class=HTMLResponse)
def preferences_page(
    request: Request, me: CurrentAccount, portfolios: PortfolioDep
) -> HTMLResponse:
    return _preferences_response(request, me, portfolios)


def _hours(value: str) -> float | None:
    if not value.strip():
        return None
    try:
        hours = float(value.strip().replace(",", "."))
    except ValueError as exc:
        raise _EditRefused("citizen.prefs.bad_hours", 422, "hours") from exc
    if not 0 <= hours <= 80:  # NaN fails this too
        raise _EditRefused("citizen.prefs.bad_hours", 422, "hours")
    return hours


def _interests(value: str) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(w.strip() for w in value.split(",") if w.strip()))
    if len(words) > MAX_INTERESTS or any(len(w) > 100 for w in words):
        raise _EditRefused("citizen.prefs.bad_interests", 422, "interests")
    return words


def _birth_year(value: str) -> int | None:
    """Optional; a working-age year only (the check reads the career stage from it)."""
    if not value.strip():
        return None
    this_year = date.today().year
    if not value.strip().isdigit() or not this_year - 100 <= int(value) <= this_year - 14:
        raise _EditRefused("citizen.prefs.bad_birth_year", 422, "birth_year")
    return int(value)


@router.post(PREFERENCES)
def preferences_save(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    _csrf: CsrfForm,
    version: Version,
    interests: LongText = "",
    hours: DateText = "",
    region: Annotated[str, Form(max_length=200)] = "",
    likes: LongText = "",
    dislikes: LongText = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    birth_year: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    def change(portfolio: Portfolio) -> Portfolio:
        person = Person(display_name.strip(), _birth_year(birth_year))
        prefs = Preferences(
            interests=_interests(interests),
            hours_per_week=_hours(hours),
            region=region.strip(),
            likes=likes.strip(),
            dislikes=dislikes.strip(),
        )
        return replace(portfolio, preferences=prefs, person=person)

    def again(error: str, status: int, field: str) -> Response:
        form = {
            "display_name": display_name,
            "birth_year": birth_year,
            "interests": interests,
            "hours": hours,
            "region": region,
            "likes": likes,
            "dislikes": dislikes,
        }
        return _preferences_response(request, me, portfolios, form, error, field, status)

    return _edit(request, me, portfolios, version, PREFERENCES, change, PREFERENCES, again)


# -- history: what changed in each version, and the portfolio as it was ----------------------

HISTORY_PAGE = f"{SKILLS}/geschiedenis"


@dataclass(frozen=True)
class HistoryRow:
    version: int
    when: str
    what: str
    label: str
    by: str
    details: tuple[str, ...] = ()


WHO = {ActorType.SELF: "citizen.history.by_self", ActorType.COACH: "citizen.history.by_coach"}


class _Words:
    """Turns values of the portfolio into short words in one language for the history."""

    def __init__(self, lang: str, label: Callable[[str], str]) -> None:
        self.lang = lang
        self.label = label

    def t(self, key: str, **values: object) -> str:
        return translate(key, self.lang, **values)

    def change(self, field: str, old: str, new: str) -> str:
        empty = self.t("citizen.change.empty")
        return self.t(
            "citizen.change.field", field=self.t(field), old=old or empty, new=new or empty
        )

    def source(self, source: Source) -> str:
        actor = self.t(f"citizen.actor.{source.actor_type.value}")
        return f"{actor} ({source.name})" if source.name else actor

    def evidence(self, evidence: Evidence) -> str:
        kind = self.t(f"citizen.evidence.{evidence.type.value}")
        return f"{kind}: {evidence.title}" if evidence.title else kind

    def short(self, text: str) -> str:
        return text if len(text) <= 80 else text[:79] + "…"

    def entry_name(self, entry: HistoryEntry) -> str:
        return entry.title or (self.label(entry.occupation_uri) if entry.occupation_uri else "")

    def lines(self, pairs: list[tuple[str, str, str]], fresh: bool) -> list[str]:
        """``field: old → new`` for each changed pair; for something new, ``field: value``."""
        if fresh:
            return [self.t("citizen.change.set", field=self.t(k), new=b) for k, _a, b in pairs if b]
        return [self.change(k, a, b) for k, a, b in pairs if a != b]

    def claim(self, old: SkillClaim | None, new: SkillClaim) -> list[str]:
        base = old or SkillClaim(new.id, new.skill_uri, Source(ActorType.SELF))
        pairs = [
            ("citizen.change.f.source", self.source(base.source), self.source(new.source)),
            (
                "citizen.change.f.evidence",
                self.evidence(base.evidence),
                self.evidence(new.evidence),
            ),
            ("citizen.edit.acquired", _iso(base.acquired), _iso(new.acquired)),
            ("citizen.col.last_used", _iso(base.last_used), _iso(new.last_used)),
            ("citizen.change.f.note", self.short(base.note), self.short(new.note)),
        ]
        if base.verification != new.verification or old is None:
            pairs.insert(
                2,
                (
                    "citizen.change.f.verification",
                    self.t(f"citizen.verification.{base.verification.value}"),
                    self.t(f"citizen.verification.{new.verification.value}"),
                ),
            )
        return self.lines(pairs, old is None)

    def entry(self, old: HistoryEntry | None, new: HistoryEntry) -> list[str]:
        base = old or HistoryEntry(new.id, new.kind)
        fresh = old is None
        # an empty end date means "still ongoing": say "nu", except for a new entry
        now = "" if fresh else self.t("citizen.now")
        pairs = [
            ("citizen.entry.title_field", base.title, new.title),
            ("citizen.entry.organisation", base.organisation, new.organisation),
            ("citizen.entry.start", _iso(base.start), _iso(new.start)),
            ("citizen.entry.end", _iso(base.end) or now, _iso(new.end) or now),
            (
                "citizen.entry.occupation",
                self.label(base.occupation_uri) if base.occupation_uri else "",
                self.label(new.occupation_uri) if new.occupation_uri else "",
            ),
        ]
        lines = self.lines(pairs, fresh)
        lines += [
            self.t("citizen.change.skill_added", name=self.label(s))
            for s in new.skills
            if s not in base.skills
        ]
        lines += [
            self.t("citizen.change.skill_removed", name=self.label(s))
            for s in base.skills
            if s not in new.skills
        ]
        return lines

    def goals(self, old: Portfolio, new: Portfolio) -> list[str]:
        lines = []
        if old.current_occupation != new.current_occupation:
            names = [
                self.label(u) if u else "" for u in (old.current_occupation, new.current_occupation)
            ]
            lines.append(self.change("citizen.goals.current", *names))
        lines += [
            self.t("citizen.change.target_added", name=self.label(u))
            for u in new.targets
            if u not in old.targets
        ]
        lines += [
            self.t("citizen.change.target_removed", name=self.label(u))
            for u in old.targets
            if u not in new.targets
        ]
        return lines

    def preferences(self, old: Preferences, new: Preferences) -> list[str]:
        a, b = _preference_values(old), _preference_values(new)
        return [
            self.change(f"citizen.prefs.{key}", self.short(a[key]), self.short(b[key]))
            for key in a
            if a[key] != b[key]
        ]


def _history_rows(
    events: list[PortfolioEvent], label: Callable[[str], str], lang: str = "nl"
) -> list[HistoryRow]:
    """One row per version, newest first, with what changed in words: each event is compared
    with the state just before it (the log folded up to the previous version)."""
    words = _Words(lang, label)
    state = Portfolio()
    rows: list[HistoryRow] = []
    for event in events:
        new = apply(state, event)
        subject, details = "", []
        kind = event.kind
        if kind in (EventKind.CLAIM_ADDED, EventKind.CLAIM_CHANGED):
            claim_id = str((event.payload.get("claim") or {}).get("id", ""))
            claim = new.claim(claim_id)
            if claim is not None:
                subject = label(claim.skill_uri)
                details = words.claim(state.claim(claim_id), claim)
        elif kind is EventKind.CLAIM_WITHDRAWN:
            gone = state.claim(str(event.payload.get("claim_id", "")))
            subject = label(gone.skill_uri) if gone else ""
        elif kind in (EventKind.HISTORY_ADDED, EventKind.HISTORY_CHANGED):
            entry_id = str((event.payload.get("entry") or {}).get("id", ""))
            entry = new.entry(entry_id)
            if entry is not None:
                subject = words.entry_name(entry)
                details = words.entry(state.entry(entry_id), entry)
        elif kind is EventKind.HISTORY_REMOVED:
            removed = state.entry(str(event.payload.get("entry_id", "")))
            subject = words.entry_name(removed) if removed else ""
        elif kind is EventKind.GOALS_SET:
            details = words.goals(state, new)
        elif kind is EventKind.PREFERENCES_SET:
            details = words.preferences(state.preferences, new.preferences)
        rows.append(
            HistoryRow(
                event.seq,
                event.recorded_at.date().isoformat(),
                f"citizen.history.kind.{kind.value}",
                subject,
                WHO.get(event.actor_type, "citizen.history.by_other"),
                tuple(details),
            )
        )
        state = new
    return list(reversed(rows))


def _own_events(
    portfolios: PortfolioService, me: Account, route: str
) -> list[PortfolioEvent] | None:
    """The signed-in citizen's own event log through the gate (purpose ``self``)."""
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    if not ids:
        return None
    return portfolios.history(ids[0], me.actor(), Purpose.SELF, route)


@router.get(HISTORY_PAGE, response_class=HTMLResponse)
def history_page(request: Request, me: CurrentAccount, portfolios: PortfolioDep) -> HTMLResponse:
    lang = language(request)
    events = _own_events(portfolios, me, HISTORY_PAGE)
    rows: list[HistoryRow] = []
    if events is not None:
        rows = _history_rows(events, portfolios.catalogue(lang).label, lang)
    context = {"me": me, "rows": rows, "has_portfolio": events is not None}
    return render(request, "citizen/history.html", context)


@router.get(f"{HISTORY_PAGE}/{{version}}", response_class=HTMLResponse)
def version_page(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    version: Annotated[int, Path(ge=0, le=1_000_000_000)],
) -> HTMLResponse:
    """The owner's portfolio as it was at ``version`` (read only)."""
    lang = language(request)
    events = _own_events(portfolios, me, f"{HISTORY_PAGE}/versie")
    context: dict[str, Any] = {"me": me, "version": version}
    if not events or not 1 <= version <= len(events):
        context["error"] = "citizen.version.none" if events else "citizen.stored.none"
        context["total"] = len(events or [])
        return render(request, "citizen/version.html", context, status_code=404)
    state = replay(events, upto=version)
    labels = portfolios.labels(state, lang)
    context.update(
        {
            "total": len(events),
            "when": events[version - 1].recorded_at.date().isoformat(),
            "state": state,
            "claims": _claim_rows(state, labels),
            "entries": _sorted_history(state),
            "labels": labels,
            "values": _preference_values(state.preferences),
        }
    )
    return render(request, "citizen/version.html", context)


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
    context.update(_load_context(request))
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
    cv_file: Upload = None,
) -> HTMLResponse:
    lang = language(request)
    portfolio = await _from_form(portfolios, file, cv, demo, lang, cv_file, _upload_limit(request))
    context = _check_context(checks, portfolio, lang, me)
    context.update(_load_context(request))
    return render_with_csrf(render(request, "citizen/check.html", context), request)
