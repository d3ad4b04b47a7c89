"""The audit log is append-only in the code and in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from koers.access import Action, AuditEntry, Purpose, Reason, Resource
from koers.store.db import Database
from koers.store.repositories.accounts import AuditLog


def _entry() -> AuditEntry:
    return AuditEntry(
        at=datetime.now(UTC),
        actor_id="a" * 32,
        actor_role="coach",
        subject_id="s" * 32,
        resource=Resource.PORTFOLIO,
        purpose=Purpose.COACHING,
        action=Action.READ,
        route="/test",
        allowed=False,
        reason=Reason.NO_CONSENT,
    )


def test_repository_offers_no_way_to_change_entries() -> None:
    public = {name for name, _ in inspect.getmembers(AuditLog) if not name.startswith("_")}
    assert public == {"append", "query", "count"}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET allowed = TRUE",
        "UPDATE audit_entry SET actor_id = NULL",
        "DELETE FROM audit_entry",
    ],
)
def test_database_refuses_update_and_delete(accounts_db: Database, statement: str) -> None:
    with accounts_db.session() as session:
        AuditLog(session).append(_entry())
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(text(statement))
    with accounts_db.session() as session:
        entries = AuditLog(session).query(subject_id="s" * 32)
    assert len(entries) == 1 and entries[0].allowed is False and entries[0].actor_id


def test_postgres_refuses_truncate(accounts_db: Database) -> None:
    if accounts_db.engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE exists on PostgreSQL only")
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(text("TRUNCATE audit_entry"))
