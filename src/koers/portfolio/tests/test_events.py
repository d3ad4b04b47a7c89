from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from koers.portfolio import (
    ActorType,
    EventKind,
    PortfolioInvalid,
    creation_events,
    diff,
    number,
    replay,
)
from koers.portfolio.tests.fixtures import demo

AT = datetime(2026, 6, 1, tzinfo=UTC)


def test_creation_events_replay_to_the_same_portfolio() -> None:
    portfolio = demo()
    log = number(creation_events(portfolio, "u1", ActorType.SELF), 0, AT)
    assert log[0].kind is EventKind.CREATED
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    assert replay(log) == portfolio


def test_an_edit_keeps_the_old_value_in_the_log() -> None:
    portfolio = demo()
    log = number(creation_events(portfolio, "u1", ActorType.SELF), 0, AT)
    version = len(log)
    changed_claim = replace(
        portfolio.claims[0],
        verification=portfolio.claims[0].verification,
        note="bevestigd door leidinggevende",
    )
    edited = replace(
        portfolio,
        claims=(changed_claim, *portfolio.claims[2:]),
        history=portfolio.history[:1],
    )
    drafts = diff(portfolio, edited, "coach-7", ActorType.COACH)
    kinds = [d.kind for d in drafts]
    assert kinds == [EventKind.CLAIM_CHANGED, EventKind.CLAIM_WITHDRAWN, EventKind.HISTORY_REMOVED]
    log += number(drafts, version, AT)
    assert replay(log) == edited
    # the state before the edit is still derivable from the log: nothing overwritten
    assert replay(log, upto=version) == portfolio
    assert log[version].actor_type is ActorType.COACH


def test_no_change_gives_no_events() -> None:
    assert diff(demo(), demo(), "u1", ActorType.SELF) == []


def test_replay_refuses_gaps_and_impossible_edits() -> None:
    log = number(creation_events(demo(), "u1", ActorType.SELF), 0, AT)
    with pytest.raises(PortfolioInvalid, match="gap"):
        replay([log[0], *log[2:]])
    duplicate = replace(log[-1], seq=len(log) + 1)
    with pytest.raises(PortfolioInvalid, match="already exists"):
        replay([*log, duplicate])
    with pytest.raises(PortfolioInvalid, match="portfolio_created"):
        replay(log[1:] and [replace(log[1], seq=1)])
