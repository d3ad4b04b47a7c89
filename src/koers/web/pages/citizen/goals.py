"""Goals (current and target occupations) and preferences, the "willen" component
(report 6.2 advice 3), with the citizen's name and birth year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from koers.access import Account
from koers.http.deps import PortfolioDep, TaxonomyDep
from koers.http.security import CsrfForm, CurrentAccount, render_with_csrf
from koers.portfolio import (
    Person,
    Portfolio,
    Preferences,
)
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from koers.web.pages.citizen.portfolio_page import edit_portfolio
from koers.web.pages.citizen.shared import (
    GOALS,
    MAX_INTERESTS,
    MAX_TARGETS,
    PREFERENCES,
    DateText,
    EditRefused,
    LongText,
    Option,
    Search,
    Text,
    Version,
    known_occupation,
    preference_values,
    stored_portfolio,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)

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
    stored = stored_portfolio(portfolios, me, GOALS)
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
        if chosen and known_occupation(portfolios, chosen, lang):
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
            raise EditRefused("citizen.entry.no_occupation", 422, "zoek")
        if not known_occupation(portfolios, uri, lang):
            raise EditRefused("citizen.entry.unknown_occupation", 422, "zoek")
        if role not in GOAL_ROLES:
            raise EditRefused("citizen.goals.no_role", 422, "role-current")
        if role == "current":
            return replace(portfolio, current_occupation=uri)
        if uri in portfolio.targets:
            raise EditRefused("citizen.goals.already", 422, "zoek")
        if len(portfolio.targets) >= MAX_TARGETS:
            raise EditRefused("citizen.goals.too_many", 422, "zoek")
        return replace(portfolio, targets=(*portfolio.targets, uri))

    def again(error: str, status: int, field: str) -> Response:
        form = {"occupation_uri": uri, "role": role}
        return _goals_response(request, me, portfolios, taxonomy, zoek, form, error, field, status)

    return edit_portfolio(request, me, portfolios, version, GOALS, change, GOALS, again)


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
            raise EditRefused("citizen.goals.not_there", 404)
        return replace(
            portfolio, targets=tuple(t for t in portfolio.targets if t != occupation_uri)
        )

    def again(error: str, status: int, field: str) -> Response:
        return _goals_response(request, me, portfolios, taxonomy, "", None, error, field, status)

    return edit_portfolio(request, me, portfolios, version, f"{GOALS}/weg", change, GOALS, again)


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
    return edit_portfolio(request, me, portfolios, version, route, change, GOALS, again)


def _preferences_response(
    request: Request,
    me: Account,
    portfolios: PortfolioService,
    form: dict[str, str] | None = None,
    error: str = "",
    field: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    stored = stored_portfolio(portfolios, me, PREFERENCES)
    context: dict[str, Any] = {"me": me, "stored": stored, "error": error, "field": field}
    if stored is not None:
        values = preference_values(stored.portfolio.preferences)
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
        raise EditRefused("citizen.prefs.bad_hours", 422, "hours") from exc
    if not 0 <= hours <= 80:  # NaN fails this too
        raise EditRefused("citizen.prefs.bad_hours", 422, "hours")
    return hours


def _interests(value: str) -> tuple[str, ...]:
    words = tuple(dict.fromkeys(w.strip() for w in value.split(",") if w.strip()))
    if len(words) > MAX_INTERESTS or any(len(w) > 100 for w in words):
        raise EditRefused("citizen.prefs.bad_interests", 422, "interests")
    return words


def _birth_year(value: str) -> int | None:
    """Optional; a working-age year only (the check reads the career stage from it)."""
    if not value.strip():
        return None
    this_year = date.today().year
    if not value.strip().isdigit() or not this_year - 100 <= int(value) <= this_year - 14:
        raise EditRefused("citizen.prefs.bad_birth_year", 422, "birth_year")
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

    return edit_portfolio(request, me, portfolios, version, PREFERENCES, change, PREFERENCES, again)
