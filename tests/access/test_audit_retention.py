"""Audit retention: ``koers audit prune`` removes entries past retention and nothing else; the
database refuses every other UPDATE or DELETE (SQLite and PostgreSQL, migration 0005)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from koers.access import Action, AuditEntry, Purpose, Reason, Resource
from koers.cli import _context
from koers.cli.main import app as cli
from koers.config import Settings
from koers.errors import Conflict
from koers.services.audit import AuditRetentionService
from koers.store.db import Database
from koers.store.migrate import downgrade, upgrade
from koers.store.orm.audit import AuditPruneRow, AuditRetentionRow
from koers.store.repositories import audit as audit_repository
from koers.store.repositories.accounts import AuditLog

runner = CliRunner()
NOW = datetime.now(UTC)
DAYS = 1826


def _entry(at: datetime, subject: str) -> AuditEntry:
    return AuditEntry(
        at=at,
        actor_id="a" * 32,
        actor_role="coach",
        subject_id=subject,
        resource=Resource.PORTFOLIO,
        purpose=Purpose.COACHING,
        action=Action.READ,
        route="/test",
        allowed=False,
        reason=Reason.NO_CONSENT,
    )


OLD = ("o" * 32, NOW - timedelta(days=DAYS + 30))
"""Past the retention period: prune removes it."""
YOUNG = ("y" * 32, NOW - timedelta(days=DAYS - 1))
"""Within the retention period (a day short of it): must stay."""
RECENT = ("r" * 32, NOW - timedelta(days=2))


def _fill(db: Database, old: int = 3, young: int = 2) -> None:
    with db.session() as session:
        log = AuditLog(session)
        for _ in range(old):
            log.append(_entry(OLD[1], OLD[0]))
        for _ in range(young):
            log.append(_entry(YOUNG[1], YOUNG[0]))
        log.append(_entry(RECENT[1], RECENT[0]))


def _counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        log = AuditLog(session)
        return {
            name: log.count(subject_id=s)
            for name, (s, _) in {"old": OLD, "young": YOUNG, "recent": RECENT}.items()
        }


def _cutoff(db: Database) -> datetime | None:
    with db.session() as session:
        return session.scalar(select(AuditRetentionRow.cutoff).where(AuditRetentionRow.id == 1))


def _prunes(db: Database) -> list[AuditPruneRow]:
    with db.session() as session:
        return list(session.scalars(select(AuditPruneRow).order_by(AuditPruneRow.id)))


def _service(db: Database, days: int = DAYS) -> AuditRetentionService:
    settings = Settings(audit_retention_days=days, environment="test")
    return AuditRetentionService(db, settings, clock=lambda: NOW)


def test_prune_removes_old_entries_and_keeps_young_ones(accounts_db: Database) -> None:
    _fill(accounts_db)
    dry = _service(accounts_db).prune(dry_run=True)
    assert (dry.entries, dry.dry_run) == (3, True)
    assert _counts(accounts_db) == {"old": 3, "young": 2, "recent": 1}, "dry run removes nothing"
    assert _prunes(accounts_db) == []

    result = _service(accounts_db).prune()
    assert (result.entries, result.dry_run, result.retention_days) == (3, False, DAYS)
    assert result.cutoff == NOW - timedelta(days=DAYS)
    assert _counts(accounts_db) == {"old": 0, "young": 2, "recent": 1}
    assert _cutoff(accounts_db) is None, "the cutoff only exists inside the prune transaction"
    [record] = _prunes(accounts_db)
    assert (record.removed, record.retention_days) == (3, DAYS)

    again = _service(accounts_db).prune()
    assert again.entries == 0 and _counts(accounts_db)["young"] == 2
    assert [p.removed for p in _prunes(accounts_db)] == [3, 0]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM audit_entry",
        "DELETE FROM audit_entry WHERE subject_id = '{young}'",
        "DELETE FROM audit_entry WHERE subject_id = '{old}'",
        "UPDATE audit_entry SET allowed = TRUE WHERE subject_id = '{old}'",
        "UPDATE audit_entry SET actor_id = NULL",
    ],
)
def test_database_refuses_changes_outside_a_prune(accounts_db: Database, statement: str) -> None:
    _fill(accounts_db)
    _service(accounts_db).prune()  # a prune ran: the cutoff must not linger afterwards
    _fill(accounts_db, young=1)
    before = _counts(accounts_db)
    sql = statement.format(young=YOUNG[0], old=OLD[0])
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(text(sql))
    assert _counts(accounts_db) == before


def test_a_hand_set_cutoff_still_protects_young_entries(accounts_db: Database) -> None:
    """Even with a valid cutoff recorded by hand, only rows older than it can go, and UPDATE
    stays refused."""
    _fill(accounts_db)
    cutoff = NOW - timedelta(days=400)
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(update(AuditRetentionRow).values(cutoff=cutoff))
        session.execute(text(f"DELETE FROM audit_entry WHERE subject_id = '{RECENT[0]}'"))
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(update(AuditRetentionRow).values(cutoff=cutoff))
        session.execute(
            text(f"UPDATE audit_entry SET allowed = TRUE WHERE subject_id = '{OLD[0]}'")
        )
    assert _counts(accounts_db) == {"old": 3, "young": 2, "recent": 1}
    assert _cutoff(accounts_db) is None


@pytest.mark.parametrize("days_back", [0, 30, 364])
def test_database_refuses_a_cutoff_younger_than_a_year(
    accounts_db: Database, days_back: int
) -> None:
    _fill(accounts_db)
    cutoff = datetime.now(UTC) - timedelta(days=days_back)
    with pytest.raises(DBAPIError, match="365 days"), accounts_db.session() as session:
        session.execute(update(AuditRetentionRow).values(cutoff=cutoff))
    assert _cutoff(accounts_db) is None


def test_service_below_the_floor_is_refused_by_the_database(accounts_db: Database) -> None:
    """Settings validation bypassed: the database still refuses and nothing is removed."""
    _fill(accounts_db)
    unchecked = Settings.model_construct(audit_retention_days=30)
    service = AuditRetentionService(accounts_db, unchecked)
    with pytest.raises(Conflict, match="nothing was removed"):
        service.prune()
    assert _counts(accounts_db) == {"old": 3, "young": 2, "recent": 1}
    assert _prunes(accounts_db) == [] and _cutoff(accounts_db) is None


def test_prune_is_all_or_nothing(accounts_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(accounts_db)

    def broken_record(**_: object) -> AuditPruneRow:
        raise RuntimeError("disk full while recording the prune")

    # Fails after the DELETE ran and the cutoff was cleared: everything must roll back.
    monkeypatch.setattr(audit_repository, "AuditPruneRow", broken_record)
    with pytest.raises(RuntimeError, match="disk full"):
        _service(accounts_db).prune()
    assert _counts(accounts_db) == {"old": 3, "young": 2, "recent": 1}
    assert _cutoff(accounts_db) is None
    monkeypatch.undo()
    assert _prunes(accounts_db) == []


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_prune SET removed = 0", "DELETE FROM audit_prune"]
)
def test_prune_records_are_append_only(accounts_db: Database, statement: str) -> None:
    _fill(accounts_db)
    _service(accounts_db).prune()
    with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
        session.execute(text(statement))
    assert [p.removed for p in _prunes(accounts_db)] == [3]


def test_postgres_refuses_truncate_after_0005(accounts_db: Database) -> None:
    if accounts_db.engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE exists on PostgreSQL only")
    for table in ("audit_entry", "audit_prune"):
        with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
            session.execute(text(f"TRUNCATE {table}"))


def test_downgrade_restores_the_previous_triggers(accounts_db: Database) -> None:
    _fill(accounts_db)
    downgrade(accounts_db, "0002")
    assert not {"audit_retention", "audit_prune"} & set(
        inspect(accounts_db.engine).get_table_names()
    )
    for statement in ("DELETE FROM audit_entry", "UPDATE audit_entry SET allowed = TRUE"):
        with pytest.raises(DBAPIError, match="append-only"), accounts_db.session() as session:
            session.execute(text(statement))
    upgrade(accounts_db)
    assert _service(accounts_db).prune().entries == 3
    assert _counts(accounts_db) == {"old": 0, "young": 2, "recent": 1}


# -- settings and CLI -------------------------------------------------------------------------


def test_setting_defaults_to_five_years_and_refuses_less_than_a_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().audit_retention_days == 1826
    assert Settings(audit_retention_days=365).audit_retention_days == 365
    monkeypatch.setenv("KOERS_AUDIT_RETENTION_DAYS", "3650")
    assert Settings().audit_retention_days == 3650
    monkeypatch.setenv("KOERS_AUDIT_RETENTION_DAYS", "364")
    with pytest.raises(ValidationError, match="KOERS_AUDIT_RETENTION_DAYS must be at least 365"):
        Settings()


@pytest.fixture()
def cli_db(accounts_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("KOERS_DATABASE_URL", accounts_db.url)
    monkeypatch.delenv("KOERS_AUDIT_RETENTION_DAYS", raising=False)
    _context.reset()
    yield accounts_db
    _context.reset()


def test_cli_dry_run_then_prune(cli_db: Database) -> None:
    _fill(cli_db)
    dry = runner.invoke(cli, ["audit", "prune", "--dry-run", "--format", "json"])
    assert dry.exit_code == 0, dry.output
    body = json.loads(dry.stdout)
    assert body["dry_run"] is True and body["entries"] == 3 and body["retention_days"] == DAYS
    assert datetime.fromisoformat(body["cutoff"]) < NOW - timedelta(days=DAYS - 1)
    assert _counts(cli_db)["old"] == 3

    text_dry = runner.invoke(cli, ["audit", "prune", "--dry-run"])
    assert text_dry.exit_code == 0 and "Would remove 3 audit entries" in text_dry.stdout

    real = runner.invoke(cli, ["audit", "prune"])
    assert real.exit_code == 0, real.output
    assert "Removed 3 audit entries older than" in real.stdout
    assert _counts(cli_db) == {"old": 0, "young": 2, "recent": 1}
    assert [p.removed for p in _prunes(cli_db)] == [3]


def test_cli_refuses_a_retention_under_a_year(
    cli_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(cli_db)
    monkeypatch.setenv("KOERS_AUDIT_RETENTION_DAYS", "90")
    _context.settings.cache_clear()
    result = runner.invoke(cli, ["audit", "prune"])
    assert result.exit_code == 2
    assert "KOERS_AUDIT_RETENTION_DAYS must be at least 365 days (got 90)" in result.stderr
    assert _counts(cli_db)["old"] == 3
