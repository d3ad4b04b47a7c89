"""Portfolio store: migration 0004 up and down, the append-only log, the personal-data gate."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from koers.access import Actor, Decision, Purpose, Reason, Resource, Role
from koers.errors import Forbidden
from koers.portfolio import (
    ActorType,
    EventLogConflict,
    PortfolioNotFound,
    creation_events,
    diff,
    replay,
)
from koers.portfolio.tests.fixtures import demo
from koers.store.db import Database
from koers.store.migrate import downgrade, upgrade
from koers.store.repositories.portfolio import PortfolioRepository
from tests.conftest import make_database

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
OWNER = "owner-1"
ROUTE = "tests"


class RecordingGate:
    """Allows the owner; allows ``allowed`` others; records every call."""

    def __init__(self, allowed: frozenset[str] = frozenset()) -> None:
        self.allowed = allowed
        self.calls: list[tuple[str, str | None, str, Resource, Purpose]] = []

    def _check(
        self, action: str, actor: Actor | None, owner: str, resource: Resource, purpose: Purpose
    ) -> Decision:
        self.calls.append((action, actor.user_id if actor else None, owner, resource, purpose))
        if actor is not None and (actor.user_id == owner or actor.user_id in self.allowed):
            return Decision(True, Reason.OWNER)
        raise Forbidden("refused by the test gate")

    def read(
        self, actor: Actor | None, owner_id: str, resource: Resource, purpose: Purpose, route: str
    ) -> Decision:
        return self._check("read", actor, owner_id, resource, purpose)

    def change(
        self, actor: Actor | None, owner_id: str, resource: Resource, purpose: Purpose, route: str
    ) -> Decision:
        return self._check("change", actor, owner_id, resource, purpose)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    db = make_database(request.param, tmp_path, request)
    upgrade(db)
    return db


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0004_up_down_up(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = make_database(backend, tmp_path, request)
    upgrade(db)
    assert {"portfolio", "portfolio_event"} <= set(inspect(db.engine).get_table_names())
    downgrade(db, "0004-1")
    tables = set(inspect(db.engine).get_table_names())
    assert "portfolio" not in tables and "portfolio_event" not in tables
    assert "occupation" in tables  # other branches untouched
    upgrade(db)
    assert "portfolio_event" in set(inspect(db.engine).get_table_names())


def _create(db: Database, gate: RecordingGate) -> tuple[str, int]:
    drafts = creation_events(demo(), OWNER, ActorType.SELF)
    with db.session() as session:
        portfolio_id, events = PortfolioRepository(session, gate).create(OWNER, drafts, NOW)
    return portfolio_id, len(events)


def test_create_read_and_edit_keep_every_version(database: Database) -> None:
    gate = RecordingGate()
    owner = Actor(OWNER, Role.CITIZEN)
    portfolio_id, version = _create(database, gate)
    edited = replace(demo(), claims=demo().claims[1:])
    with database.session() as session:
        repo = PortfolioRepository(session, gate)
        events = repo.events(portfolio_id, owner, Purpose.SELF, ROUTE)
        assert replay(events) == demo()
        drafts = diff(demo(), edited, OWNER, ActorType.SELF)
        repo.append(portfolio_id, version, drafts, owner, Purpose.SELF, ROUTE, NOW)
    with database.session() as session:
        repo = PortfolioRepository(session, gate)
        events = repo.events(portfolio_id, owner, Purpose.SELF, ROUTE)
        assert repo.version(portfolio_id) == version + 1
    assert replay(events) == edited
    assert replay(events, upto=version) == demo()  # the old state is still there
    assert events[-1].kind.value == "claim_withdrawn"


def test_stale_version_is_a_conflict_and_nothing_is_written(database: Database) -> None:
    gate = RecordingGate()
    owner = Actor(OWNER, Role.CITIZEN)
    portfolio_id, version = _create(database, gate)
    drafts = diff(demo(), replace(demo(), claims=()), OWNER, ActorType.SELF)
    with pytest.raises(EventLogConflict), database.session() as session:
        PortfolioRepository(session, gate).append(
            portfolio_id, version - 1, drafts, owner, Purpose.SELF, ROUTE, NOW
        )
    with database.session() as session:
        repo = PortfolioRepository(session, gate)
        assert repo.version(portfolio_id) == version
        assert len(repo.events(portfolio_id, owner, Purpose.SELF, ROUTE)) == version


def test_every_non_owner_read_and_change_goes_through_the_gate(database: Database) -> None:
    gate = RecordingGate(allowed=frozenset({"coach-1"}))
    portfolio_id, version = _create(database, gate)
    coach = Actor("coach-1", Role.COACH)
    stranger = Actor("someone", Role.EMPLOYER)
    with database.session() as session:
        repo = PortfolioRepository(session, gate)
        assert repo.events(portfolio_id, coach, Purpose.COACHING, ROUTE)
        with pytest.raises(Forbidden):
            repo.events(portfolio_id, stranger, Purpose.EMPLOYABILITY, ROUTE)
        with pytest.raises(Forbidden):
            repo.of_owner(OWNER, None, Purpose.COACHING, ROUTE)
        with pytest.raises(Forbidden):
            repo.append(portfolio_id, version, [], stranger, Purpose.COACHING, ROUTE, NOW)
    assert [(c[0], c[1], c[3]) for c in gate.calls] == [
        ("read", "coach-1", Resource.PORTFOLIO),
        ("read", "someone", Resource.PORTFOLIO),
        ("read", None, Resource.PORTFOLIO),
        ("change", "someone", Resource.PORTFOLIO),
    ]
    assert all(c[2] == OWNER for c in gate.calls)


def test_unknown_portfolio_and_erasure(database: Database) -> None:
    gate = RecordingGate()
    portfolio_id, _ = _create(database, gate)
    with database.session() as session:
        repo = PortfolioRepository(session, gate)
        with pytest.raises(PortfolioNotFound):
            repo.events("nope", Actor(OWNER, Role.CITIZEN), Purpose.SELF, ROUTE)
        exported = repo.export_owner(OWNER)
        assert exported[0]["id"] == portfolio_id and exported[0]["events"]
        assert repo.erase_owner(OWNER) == 1
    with database.session() as session:
        assert PortfolioRepository(session, gate).export_owner(OWNER) == []
