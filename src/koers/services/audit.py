"""Audit retention: remove audit entries older than ``KOERS_AUDIT_RETENTION_DAYS`` (``koers audit
prune``). The database allows exactly that and nothing more (migration 0005, docs/security.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import DBAPIError

from koers.config import Settings
from koers.errors import Conflict
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.accounts import Clock, utcnow
from koers.store.repositories.audit import AuditRetention

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PruneResult:
    """What a prune removed (or, with ``dry_run``, would remove). Counts only."""

    cutoff: datetime
    retention_days: int
    entries: int
    dry_run: bool


class AuditRetentionService:
    def __init__(self, database: Database, settings: Settings, clock: Clock = utcnow) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock

    def cutoff(self) -> datetime:
        """Entries strictly older than this instant are past the retention period."""
        return self.clock() - timedelta(days=self.settings.audit_retention_days)

    def prune(self, dry_run: bool = False) -> PruneResult:
        """Count (``dry_run``) or remove, in one transaction, the entries past retention."""
        upgrade(self.database)
        days = self.settings.audit_retention_days
        cutoff = self.cutoff()
        if dry_run:
            with self.database.session() as session:
                count = AuditRetention(session).count_older_than(cutoff)
            return PruneResult(cutoff, days, count, dry_run=True)
        try:
            with self.database.session() as session:
                removed = AuditRetention(session).prune(cutoff, days, self.clock())
        except DBAPIError as exc:
            # The triggers refused (e.g. the database clock puts the cutoff within the floor of
            # 365 days): nothing was removed. The driver text names no personal data.
            log.warning("audit.prune_refused", extra={"fields": {"retention_days": days}})
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise Conflict(
                f"the database refused the prune, nothing was removed: {reason}"
            ) from exc
        log.info(
            "audit.pruned",
            extra={
                "fields": {
                    "removed": removed,
                    "cutoff": cutoff.isoformat(),
                    "retention_days": days,
                }
            },
        )
        return PruneResult(cutoff, days, removed, dry_run=False)
