"""ORM tables of audit retention: the prune cutoff and the record of every prune (migration 0005).

Neither table holds personal data: only times and counts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer
from sqlalchemy.orm import Mapped, mapped_column

from koers.store.db import Base
from koers.store.personal_data import not_personal


class AuditRetentionRow(Base):
    """One row (``id`` 1). ``cutoff`` is set only inside a prune transaction; the DELETE trigger
    on ``audit_entry`` lets through rows older than it and nothing else."""

    __tablename__ = "audit_retention"
    __table_args__ = (
        CheckConstraint("id = 1", name="ck_audit_retention_one_row"),
        not_personal("the audit-log prune cutoff (a time)"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    cutoff: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditPruneRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE): when a prune ran and what it removed."""

    __tablename__ = "audit_prune"
    __table_args__ = not_personal("when the audit log was pruned and how many entries went")

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cutoff: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    retention_days: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
