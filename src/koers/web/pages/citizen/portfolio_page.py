"""The "Mijn competenties" page: the portfolio with confidence and sources, loading a file,
a CV (text or PDF/Word) or an occupations list, the review step of an import, saving, and
``edit_portfolio``: how every edit of the stored portfolio is applied (event log, optimistic
version); the other citizen pages use it and ``portfolio_from_form``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koers.access import Account, Purpose
from koers.http.deps import PortfolioDep, TaxonomyDep
from koers.http.limits import HeavyKind, run_heavy
from koers.http.security import CsrfForm, CurrentAccount, OptionalAccount, render_with_csrf
from koers.http.uploads import read_upload
from koers.i18n import translate
from koers.portfolio import (
    EventLogConflict,
    EvidenceType,
    Portfolio,
    PortfolioInvalid,
    already_imported,
    dumps,
)
from koers.services.documents import DocumentUnreadable, too_large
from koers.services.portfolio import MAX_FILE_BYTES, PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from koers.web.pages.citizen.shared import (
    EDITABLE_SOURCES,
    SKILLS,
    CvText,
    DemoFlag,
    EditRefused,
    ErrorView,
    Upload,
    claim_rows,
    demo_portfolio,
    iso,
    load_context,
    portfolio_view,
    stored_portfolio,
    upload_limit,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)


async def portfolio_from_form(
    request: Request,
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
        request, portfolios, file, cv, demo, lang, cv_file, None, limit
    )
    return portfolio


async def _read_form(
    request: Request,
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
    (an import, reviewed before it is stored). Uploads are read here; the parsing and the
    skill extraction run in a worker thread (``http/limits.py``), so other requests go on."""
    if demo:
        return (
            portfolios.read(demo_portfolio(), "demo_citizen_portfolio.json", lang),
            "portfolio",
            "",
        )
    if file is not None and file.filename:
        data = await read_upload(file, limit)
        read = await run_heavy(
            request, HeavyKind.DOCUMENT, portfolios.read, data, file.filename, lang
        )
        return read, "portfolio", file.filename
    if cv_file is not None and cv_file.filename:
        data = await read_upload(cv_file, limit)
        name = cv_file.filename[:200]
        imported = await run_heavy(
            request,
            HeavyKind.DOCUMENT,
            portfolios.import_cv_file,
            data,
            name,
            lang=lang,
            limit=limit,
        )
        return imported, "cv", name
    if cv.strip():
        imported = await run_heavy(
            request, HeavyKind.EXTRACTION, portfolios.import_cv, cv, document="CV", lang=lang
        )
        return imported, "cv", "CV"
    if occupations is not None and occupations.filename:
        data = await read_upload(occupations, limit)
        name = occupations.filename[:200]
        if len(data) > limit:
            raise too_large(name, limit)
        jobs = await run_heavy(
            request, HeavyKind.TABLE, portfolios.import_occupations, data, name, None, lang
        )
        return jobs, "jobs", name
    raise PortfolioInvalid("form", ["choose a file, paste a CV or try the sample"])


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
    stored = stored_portfolio(portfolios, me, SKILLS)
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
        context.update(portfolio_view(portfolios, stored.portfolio, lang))
        context["claims"] = claim_rows(stored.portfolio, context["labels"])
        if query.strip() and taxonomy is not None:
            hits = taxonomy.search(query.strip(), lang, ConceptKind.SKILL, 10)
            context["hits"] = hits
    context.update(load_context(request))
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
            request, portfolios, file, cv, demo, lang, cv_file, occupations, upload_limit(request)
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
    context.update(portfolio_view(portfolios, portfolio, lang))
    context.update(load_context(request))
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
    stored = stored_portfolio(portfolios, me, f"{SKILLS}/review")
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
                        start=iso(h.start) or "?",
                        end=iso(h.end) or translate("citizen.now", lang),
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
    stored = stored_portfolio(portfolios, me, f"{SKILLS}/bewaar")
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

    stored = stored_portfolio(portfolios, me, route)
    if (stored.version if stored else 0) != version:
        return again("citizen.edit.conflict", 409)
    try:
        added = portfolios.add_import(me.actor(), stored, found, chosen, route)
    except EventLogConflict:
        return again("citizen.edit.conflict", 409)
    if added is None:
        return again("citizen.review.nothing", 422)
    return RedirectResponse(SKILLS, status_code=303)


# Every edit of the stored portfolio reads the owner's portfolio through the gate, builds the new
# state with a pure ``change`` function and stores it with one ``PortfolioService.save`` (one
# transaction, all events or none). A refused edit raises ``EditRefused`` before anything is
# stored; a stale ``version`` is a 409 with the page re-rendered from the newer state.
def edit_portfolio(
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
        stored = stored_portfolio(portfolios, me, route)
        if stored is None:
            raise EditRefused("citizen.edit.no_portfolio", 404)
        if stored.version != version:
            # checked before ``change`` so that a stale form always says "changed meanwhile",
            # not "this claim no longer exists"
            raise EventLogConflict(version, stored.version)
        new = change(stored.portfolio)
        portfolios.save(stored.id, version, new, me.actor(), Purpose.SELF, route, lang)
    except EventLogConflict:
        error, status, field = "citizen.edit.conflict", 409, ""
    except EditRefused as refused:
        error, status, field = refused.key, refused.status_code, refused.field
    else:
        return RedirectResponse(done, status_code=303)
    if on_error is None:
        return _skills_response(request, me, portfolios, error=error, status_code=status)
    return on_error(error, status, field)
