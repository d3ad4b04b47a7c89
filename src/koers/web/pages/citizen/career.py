"""Work and learning history (loopbaan en leerweg): add, edit and remove jobs (an ESCO
occupation with dates) and learning (with the ESCO skills it taught)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from koers.access import Account
from koers.http.deps import PortfolioDep, TaxonomyDep
from koers.http.security import CsrfForm, CurrentAccount, render_with_csrf
from koers.portfolio import (
    HistoryEntry,
    HistoryKind,
    Portfolio,
    next_id,
)
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from koers.web.pages.citizen.portfolio_page import edit_portfolio
from koers.web.pages.citizen.shared import (
    CAREER,
    MAX_ENTRY_SKILLS,
    DateText,
    EditRefused,
    IdPath,
    Option,
    Search,
    Text,
    Version,
    history_kind,
    iso,
    known_occupation,
    known_skill,
    parse_date,
    sorted_history,
    stored_portfolio,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)


def _career_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    lang = language(request)
    stored = stored_portfolio(portfolios, me, CAREER)
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error}
    if stored is not None:
        context["entries"] = sorted_history(stored.portfolio)
        context["labels"] = portfolios.labels(stored.portfolio, lang)
    page = render(request, "citizen/career.html", context, status_code=status_code)
    return render_with_csrf(page, request)


@router.get(CAREER, response_class=HTMLResponse)
def career_page(request: Request, me: CurrentAccount, portfolios: PortfolioDep) -> HTMLResponse:
    return _career_response(request, me, portfolios)


def _entry_values(entry: HistoryEntry | None) -> dict[str, Any]:
    if entry is None:
        return {"title": "", "organisation": "", "start": "", "end": "", "occupation_uri": ""}
    return {
        "title": entry.title,
        "organisation": entry.organisation,
        "start": iso(entry.start),
        "end": iso(entry.end),
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
    stored = stored_portfolio(portfolios, me, CAREER)
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
        if chosen and known_occupation(portfolios, chosen, lang):
            options.append(Option(chosen, catalogue.label(chosen), True))
        options += [
            Option(h.uri, h.label, not options and i == 0)
            for i, h in enumerate(hits)
            if h.uri != chosen
        ]
    else:
        picked = [s for s in values["skills"] if known_skill(portfolios, s, lang)]
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


@router.get(f"{CAREER}/nieuw", response_class=HTMLResponse)
def entry_new_page(
    request: Request,
    me: CurrentAccount,
    portfolios: PortfolioDep,
    taxonomy: TaxonomyDep,
    soort: Annotated[str, Query(max_length=10)] = "job",
    zoek: Search = "",
) -> HTMLResponse:
    return _entry_response(request, me, portfolios, taxonomy, None, history_kind(soort), zoek)


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
        """The validated entry; raises ``EditRefused`` naming the field."""
        start, end = parse_date(self.start, "start"), parse_date(self.end, "end")
        if start and end and end < start:
            raise EditRefused("citizen.entry.order", 422, "end")
        title = self.title.strip()
        occupation = old.occupation_uri if old is not None else ""
        skills: tuple[str, ...] = ()
        if kind is HistoryKind.JOB:
            occupation = self.occupation_uri.strip()
            if not occupation:
                raise EditRefused("citizen.entry.no_occupation", 422, "zoek")
            if not known_occupation(portfolios, occupation, lang):
                raise EditRefused("citizen.entry.unknown_occupation", 422, "zoek")
        else:
            if not title:
                raise EditRefused("citizen.entry.no_title", 422, "title")
            skills = tuple(dict.fromkeys(s.strip() for s in self.skills if s.strip()))
            if len(skills) > MAX_ENTRY_SKILLS:
                raise EditRefused("citizen.entry.too_many_skills", 422, "zoek")
            if not all(known_skill(portfolios, s, lang) for s in skills):
                raise EditRefused("citizen.entry.unknown_skill", 422, "zoek")
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
    chosen = history_kind(kind)

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

    return edit_portfolio(request, me, portfolios, version, CAREER, change, CAREER, again)


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
            raise EditRefused("citizen.entry.none", 404)
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
    return edit_portfolio(request, me, portfolios, version, route, change, CAREER, again)


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
            raise EditRefused("citizen.entry.none", 404)
        return replace(portfolio, history=tuple(h for h in portfolio.history if h.id != entry_id))

    def again(error: str, status: int, _field: str) -> Response:
        return _career_response(request, me, portfolios, error, status)

    route = f"{CAREER}/verwijder"
    return edit_portfolio(request, me, portfolios, version, route, change, CAREER, again)
