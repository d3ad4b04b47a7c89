"""History: what changed in each version, in words, and the portfolio as it was at a
version (the event log folded up to it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from koers.access import Account, Purpose
from koers.http.deps import PortfolioDep
from koers.http.security import CurrentAccount
from koers.i18n import translate
from koers.portfolio import (
    ActorType,
    EventKind,
    Evidence,
    HistoryEntry,
    Portfolio,
    PortfolioEvent,
    Preferences,
    SkillClaim,
    Source,
    apply_event,
    replay,
)
from koers.services.portfolio import PortfolioService
from koers.web.pages.citizen.shared import (
    HISTORY_PAGE,
    claim_rows,
    iso,
    preference_values,
    sorted_history,
)
from koers.web.render import language, render

router = APIRouter(include_in_schema=False)


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
            ("citizen.edit.acquired", iso(base.acquired), iso(new.acquired)),
            ("citizen.col.last_used", iso(base.last_used), iso(new.last_used)),
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
            ("citizen.entry.start", iso(base.start), iso(new.start)),
            ("citizen.entry.end", iso(base.end) or now, iso(new.end) or now),
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
        a, b = preference_values(old), preference_values(new)
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
        new = apply_event(state, event)
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
            "claims": claim_rows(state, labels),
            "entries": sorted_history(state),
            "labels": labels,
            "values": preference_values(state.preferences),
        }
    )
    return render(request, "citizen/version.html", context)
