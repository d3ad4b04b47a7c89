"""ORM tables of the competence portfolio: one row per portfolio and its append-only event log.

The current state is never stored: it is replayed from ``portfolio_event`` (see
``koers.portfolio.events``). ``portfolio.version`` counts the events and guards concurrent
edits (optimistic concurrency); the primary key ``(portfolio_id, seq)`` guards it again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from koers.store.db import Base
from koers.store.personal_data import personal


class PortfolioRow(Base):
    __tablename__ = "portfolio"
    __table_args__ = personal("portfolio")

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = mapped_column(String(64), index=True)
    """Opaque account id of the citizen (never an e-mail address or a name)."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=0)


class PortfolioEventRow(Base):
    __tablename__ = "portfolio_event"
    __table_args__ = personal("portfolio")

    portfolio_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("portfolio.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    """JSON in the platform's portfolio format (``koers.portfolio.formats``)."""
    actor_id: Mapped[str] = mapped_column(String(64))
    actor_type: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


PORTFOLIO_TABLES = [PortfolioEventRow, PortfolioRow]
"""In safe delete order (children first)."""
