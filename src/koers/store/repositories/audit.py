"""Audit retention: remove audit entries older than a cutoff, with the database's consent.

``audit_entry`` stays append-only (migration 0005): its DELETE trigger lets a row through only
when the row is older than the cutoff recorded in ``audit_retention``. :meth:`AuditRetention.prune`
records the cutoff, deletes, clears the cutoff and appends an ``audit_prune`` record, all in the
caller's transaction, so a failure anywhere leaves every entry and the NULL cutoff in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from koers.store.orm.accounts import AuditRow
from koers.store.orm.audit import AuditPruneRow, AuditRetentionRow
from koers.store.repositories.accounts import utc


@dataclass(frozen=True)
class PruneRecord:
    """One prune as recorded in ``audit_prune`` (times and counts only, no personal data)."""

    at: datetime
    cutoff: datetime
    retention_days: int
    removed: int


class AuditRetention:
    """Counts and removes audit entries older than a cutoff; keeps the record of every prune."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def count_older_than(self, cutoff: datetime) -> int:
        query = select(func.count()).select_from(AuditRow).where(AuditRow.at < utc(cutoff))
        return int(self.session.scalar(query) or 0)

    def prune(self, cutoff: datetime, retention_days: int, now: datetime) -> int:
        """Remove the entries older than ``cutoff``; returns how many. Commit is the caller's."""
        cutoff = utc(cutoff)
        self._set_cutoff(cutoff)
        result = self.session.execute(
            delete(AuditRow).where(AuditRow.at < cutoff),
            execution_options={"synchronize_session": False},
        )
        removed = int(result.rowcount) if isinstance(result, CursorResult) else 0
        # Cleared before commit: outside a prune the DELETE trigger refuses every row.
        self._set_cutoff(None)
        self.session.add(
            AuditPruneRow(
                at=utc(now), cutoff=cutoff, retention_days=retention_days, removed=removed
            )
        )
        self.session.flush()
        return removed

    def history(self, limit: int = 10) -> list[PruneRecord]:
        """The latest prunes, newest first."""
        rows = self.session.scalars(
            select(AuditPruneRow).order_by(AuditPruneRow.id.desc()).limit(limit)
        )
        return [PruneRecord(utc(r.at), utc(r.cutoff), r.retention_days, r.removed) for r in rows]

    def _set_cutoff(self, cutoff: datetime | None) -> None:
        result = self.session.execute(
            update(AuditRetentionRow).where(AuditRetentionRow.id == 1).values(cutoff=cutoff),
            execution_options={"synchronize_session": False},
        )
        if isinstance(result, CursorResult) and result.rowcount != 1:
            # Migration 0005 inserts the row; without it the trigger would refuse every delete.
            self.session.add(AuditRetentionRow(id=1, cutoff=cutoff))
            self.session.flush()
