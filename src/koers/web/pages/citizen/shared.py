"""What the citizen pages share: paths, reading the owner's stored portfolio
(purpose ``self``, through the gate), form types and checks, and the rows the pages show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import File, Form, Path, Query, Request, UploadFile
from fastapi.responses import Response

from koers.access import Account, Purpose
from koers.http.deps import get_settings
from koers.i18n import translate_all
from koers.portfolio import (
    MAX_TEXT,
    ActorType,
    Evidence,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    Preferences,
    dumps,
    is_occupation_uri,
    is_own_claim,
    is_skill_uri,
)
from koers.services.documents import megabytes
from koers.services.portfolio import (
    MAX_FILE_BYTES,
    PortfolioService,
    StoredPortfolio,
)

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


def stored_portfolio(
    portfolios: PortfolioService, me: Account | None, route: str
) -> StoredPortfolio | None:
    if me is None:
        return None
    ids = portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, route)
    return portfolios.load(ids[0], me.actor(), Purpose.SELF, route) if ids else None


def upload_limit(request: Request) -> int:
    """Largest upload a page reads: the request body limit (KOERS_MAX_BODY_BYTES, 1 MB by
    default; larger bodies never reach a page) or the file limit, whichever is smaller."""
    settings = get_settings(request)
    return min(int(settings.max_body_bytes), MAX_FILE_BYTES)


def load_context(request: Request) -> dict[str, Any]:
    return {"upload_mb": megabytes(upload_limit(request))}


def portfolio_view(portfolios: PortfolioService, portfolio: Portfolio, lang: str) -> dict[str, Any]:
    today = date.today()
    confidences = portfolios.confidences(portfolio, today, lang)
    labels = portfolios.labels(portfolio, lang)
    rows = [
        SkillRow(
            labels.get(c.skill_uri, c.skill_uri),
            round(c.confidence * 100),
            translate_all(c.why(), lang),
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


# -- what the editing pages share (``portfolio_page.edit_portfolio`` stores an edit) -------------

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


own_claim = is_own_claim
"""The citizen may fully edit only what they declared themselves (the portfolio domain's
rule, :func:`koers.portfolio.owner_edit_problems`, which the service applies to every save)."""


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


def claim_rows(portfolio: Portfolio, labels: dict[str, str]) -> list[ClaimRow]:
    rows = [
        ClaimRow(
            c.id,
            labels.get(c.skill_uri, c.skill_uri),
            c.source.actor_type,
            c.source.name,
            c.evidence,
            iso(c.acquired),
            iso(c.last_used),
            c.note,
            own_claim(c),
        )
        for c in portfolio.claims
    ]
    return sorted(rows, key=lambda r: r.label.lower())


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class EditRefused(Exception):
    """An edit that is not stored: ``key`` is the Dutch/English message, ``field`` the id of
    the form field it is about (the page links the message to it)."""

    def __init__(self, key: str, status_code: int, field: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.status_code = status_code
        self.field = field


ErrorView = Callable[[str, int, str], Response]
"""Re-renders a page with (message key, status, field id) after a refused edit."""


def parse_date(value: str | None, field: str = "") -> date | None:
    if value is None or not value.strip():
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise EditRefused("citizen.edit.bad_date", 422, field) from exc
    if parsed > date.today():
        raise EditRefused("citizen.edit.future_date", 422, field)
    return parsed


def choice(kind: type[Any], value: str, field: str) -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise EditRefused("citizen.edit.bad_choice", 422, field) from exc


def claim_source(actor_type: str) -> ActorType:
    source: ActorType = choice(ActorType, actor_type, "actor_type")
    if source is ActorType.EXTRACTION:
        raise EditRefused("citizen.edit.bad_choice", 422, "actor_type")
    return source


def known_skill(portfolios: PortfolioService, uri: str, lang: str) -> bool:
    # an occupation URI is "known" to the catalogue too, but would break the claim on replay
    return is_skill_uri(uri) and portfolios.catalogue(lang).knows(uri)


def known_occupation(portfolios: PortfolioService, uri: str, lang: str) -> bool:
    return is_occupation_uri(uri) and portfolios.catalogue(lang).profile(uri) is not None


# -- shared by the work and learning pages and the history ---------------------------------------

CAREER = f"{SKILLS}/loopbaan"


@dataclass(frozen=True)
class Option:
    """A radio button or checkbox: an ESCO concept with its label."""

    uri: str
    label: str
    checked: bool


def sorted_history(portfolio: Portfolio) -> list[HistoryEntry]:
    return sorted(
        portfolio.history, key=lambda h: (h.end or date.max, h.start or date.min), reverse=True
    )


def history_kind(value: str) -> HistoryKind:
    try:
        return HistoryKind(value)
    except ValueError:
        return HistoryKind.JOB


# -- shared by the goals and preferences pages and the history -----------------------------------

GOALS = f"{SKILLS}/doelen"
PREFERENCES = f"{SKILLS}/voorkeuren"


def preference_values(prefs: Preferences) -> dict[str, str]:
    hours = prefs.hours_per_week
    return {
        "interests": ", ".join(prefs.interests),
        "hours": "" if hours is None else f"{hours:g}",
        "region": prefs.region,
        "likes": prefs.likes,
        "dislikes": prefs.dislikes,
    }


HISTORY_PAGE = f"{SKILLS}/geschiedenis"
