"""Versioned edits: an append-only event log per portfolio; the current state is derived.

Nothing is overwritten without a trace: a changed claim is a ``claim_changed`` event that
carries the whole new claim, a removed claim a ``claim_withdrawn`` event with a reason; the
old values stay in the log. :func:`replay` folds the log into a :class:`Portfolio`;
:func:`diff` turns "old state → new state" into the events that record the change.

Payloads are JSON-ready dicts in the platform's portfolio format (``formats``), so the store
keeps them as JSON text and any later reader can replay them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from koers.portfolio.errors import PortfolioInvalid
from koers.portfolio.formats import (
    claim_from_json,
    claim_to_json,
    entry_from_json,
    entry_to_json,
    person_from_json,
    person_to_json,
    preferences_from_json,
    preferences_to_json,
)
from koers.portfolio.model import ActorType, Portfolio


class EventKind(StrEnum):
    CREATED = "portfolio_created"
    PERSON_SET = "person_set"
    CLAIM_ADDED = "claim_added"
    CLAIM_CHANGED = "claim_changed"
    CLAIM_WITHDRAWN = "claim_withdrawn"
    HISTORY_ADDED = "history_added"
    HISTORY_CHANGED = "history_changed"
    HISTORY_REMOVED = "history_removed"
    PREFERENCES_SET = "preferences_set"
    GOALS_SET = "goals_set"
    """Current occupation and target occupations."""


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An edit not yet stored: what happened and who did it (an opaque actor id)."""

    kind: EventKind
    payload: Mapping[str, Any]
    actor_id: str
    actor_type: ActorType


@dataclass(frozen=True, slots=True)
class PortfolioEvent:
    """A stored edit: ``seq`` counts from 1 per portfolio, without gaps."""

    seq: int
    kind: EventKind
    payload: Mapping[str, Any]
    actor_id: str
    actor_type: ActorType
    recorded_at: datetime


def _fail(seq: int, problem: str) -> PortfolioInvalid:
    return PortfolioInvalid("event log", [f"event {seq}: {problem}"])


def apply_event(state: Portfolio, event: PortfolioEvent) -> Portfolio:
    """The state after one event; raises :class:`PortfolioInvalid` for an impossible edit."""
    p = event.payload
    kind = event.kind
    if kind is EventKind.CREATED:
        return Portfolio(sample=bool(p.get("sample", False)))
    if kind is EventKind.PERSON_SET:
        return replace(state, person=person_from_json(p.get("person") or {}, "person", []))
    if kind is EventKind.PREFERENCES_SET:
        problems: list[str] = []
        prefs = preferences_from_json(p.get("preferences") or {}, "preferences", problems)
        if problems:
            raise _fail(event.seq, problems[0])
        return replace(state, preferences=prefs)
    if kind is EventKind.GOALS_SET:
        return replace(
            state,
            current_occupation=str(p.get("current_occupation") or ""),
            targets=tuple(str(t) for t in p.get("targets") or ()),
        )
    if kind in (EventKind.CLAIM_ADDED, EventKind.CLAIM_CHANGED):
        problems = []
        claim = claim_from_json(p.get("claim") or {}, "claim", problems)
        if problems or claim is None:
            raise _fail(event.seq, problems[0] if problems else "no claim")
        exists = state.claim(claim.id) is not None
        if kind is EventKind.CLAIM_ADDED and exists:
            raise _fail(event.seq, f"claim '{claim.id}' already exists")
        if kind is EventKind.CLAIM_CHANGED and not exists:
            raise _fail(event.seq, f"claim '{claim.id}' does not exist")
        claims = tuple(c for c in state.claims if c.id != claim.id)
        if kind is EventKind.CLAIM_CHANGED:
            claims = tuple(claim if c.id == claim.id else c for c in state.claims)
        else:
            claims = (*claims, claim)
        return replace(state, claims=claims)
    if kind is EventKind.CLAIM_WITHDRAWN:
        claim_id = str(p.get("claim_id", ""))
        if state.claim(claim_id) is None:
            raise _fail(event.seq, f"claim '{claim_id}' does not exist")
        return replace(state, claims=tuple(c for c in state.claims if c.id != claim_id))
    if kind in (EventKind.HISTORY_ADDED, EventKind.HISTORY_CHANGED):
        problems = []
        entry = entry_from_json(p.get("entry") or {}, "entry", problems)
        if problems or entry is None:
            raise _fail(event.seq, problems[0] if problems else "no entry")
        exists = state.entry(entry.id) is not None
        if kind is EventKind.HISTORY_ADDED and exists:
            raise _fail(event.seq, f"history entry '{entry.id}' already exists")
        if kind is EventKind.HISTORY_CHANGED and not exists:
            raise _fail(event.seq, f"history entry '{entry.id}' does not exist")
        if kind is EventKind.HISTORY_CHANGED:
            history = tuple(entry if h.id == entry.id else h for h in state.history)
        else:
            history = (*state.history, entry)
        return replace(state, history=history)
    if kind is EventKind.HISTORY_REMOVED:
        entry_id = str(p.get("entry_id", ""))
        if state.entry(entry_id) is None:
            raise _fail(event.seq, f"history entry '{entry_id}' does not exist")
        return replace(state, history=tuple(h for h in state.history if h.id != entry_id))
    raise _fail(event.seq, f"unknown event kind '{kind}'")


def replay(events: Iterable[PortfolioEvent], upto: int | None = None) -> Portfolio:
    """Fold the log into the current state (or the state at version ``upto``).

    Raises:
        PortfolioInvalid: the log does not start with ``portfolio_created``, has a gap in
            ``seq``, or holds an impossible edit.
    """
    state = Portfolio()
    expected = 1
    for event in events:
        if upto is not None and event.seq > upto:
            break
        if event.seq != expected:
            raise _fail(event.seq, f"expected event {expected} (gap or disorder in the log)")
        if (event.seq == 1) != (event.kind is EventKind.CREATED):
            raise _fail(event.seq, "a log starts with exactly one portfolio_created")
        state = apply_event(state, event)
        expected += 1
    return state


def diff(old: Portfolio, new: Portfolio, actor_id: str, actor_type: ActorType) -> list[EventDraft]:
    """The events that turn ``old`` into ``new``; empty when nothing changed.

    Claims and history entries are matched by id: new ids are added, changed ones re-stated
    in full, missing ones withdrawn (with reason ``removed in an edit``).
    """
    drafts: list[EventDraft] = []

    def add(kind: EventKind, payload: Mapping[str, Any]) -> None:
        drafts.append(EventDraft(kind, payload, actor_id, actor_type))

    if new.person != old.person:
        add(EventKind.PERSON_SET, {"person": person_to_json(new.person)})
    if new.preferences != old.preferences:
        add(EventKind.PREFERENCES_SET, {"preferences": preferences_to_json(new.preferences)})
    if (new.current_occupation, new.targets) != (old.current_occupation, old.targets):
        add(
            EventKind.GOALS_SET,
            {"current_occupation": new.current_occupation, "targets": list(new.targets)},
        )
    old_claims = {c.id: c for c in old.claims}
    new_claims = {c.id: c for c in new.claims}
    for claim_id, claim in new_claims.items():
        if claim_id not in old_claims:
            add(EventKind.CLAIM_ADDED, {"claim": claim_to_json(claim)})
        elif old_claims[claim_id] != claim:
            add(EventKind.CLAIM_CHANGED, {"claim": claim_to_json(claim)})
    for claim_id in sorted(old_claims.keys() - new_claims.keys()):
        add(EventKind.CLAIM_WITHDRAWN, {"claim_id": claim_id, "reason": "removed in an edit"})
    old_entries = {h.id: h for h in old.history}
    new_entries = {h.id: h for h in new.history}
    for entry_id, entry in new_entries.items():
        if entry_id not in old_entries:
            add(EventKind.HISTORY_ADDED, {"entry": entry_to_json(entry)})
        elif old_entries[entry_id] != entry:
            add(EventKind.HISTORY_CHANGED, {"entry": entry_to_json(entry)})
    for entry_id in sorted(old_entries.keys() - new_entries.keys()):
        add(EventKind.HISTORY_REMOVED, {"entry_id": entry_id, "reason": "removed in an edit"})
    return drafts


def creation_events(portfolio: Portfolio, actor_id: str, actor_type: ActorType) -> list[EventDraft]:
    """The log of a new portfolio: ``portfolio_created`` then the edits that fill it."""
    first = EventDraft(EventKind.CREATED, {"sample": portfolio.sample}, actor_id, actor_type)
    empty = Portfolio(sample=portfolio.sample)
    return [first, *diff(empty, portfolio, actor_id, actor_type)]


def number(drafts: Sequence[EventDraft], after: int, recorded_at: datetime) -> list[PortfolioEvent]:
    """Give drafts their ``seq`` (continuing after version ``after``) and a timestamp."""
    return [
        PortfolioEvent(after + i, d.kind, d.payload, d.actor_id, d.actor_type, recorded_at)
        for i, d in enumerate(drafts, start=1)
    ]
