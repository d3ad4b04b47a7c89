"""ORM tables of accounts, organisations, sessions, login throttling, consents and the audit log.

Ids are opaque random hex strings; e-mail addresses and names live only in ``account_user``.
Session tokens and throttle keys are stored as hashes, never in clear.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from koers.store.db import Base
from koers.store.personal_data import ACCOUNT, not_personal, personal

ID = String(32)

ORGANISATION = "employer and provider organisations (legal entities); members: organisation_member"
FAILURES_NOT_EXPORTED = (
    "an HMAC of the address and a time, kept at most a day, only to slow down password guessing;"
    " erasure removes the account's"
)
AUDIT_KEPT = (
    "accountability (GDPR art. 5(2), 30, 32): append-only by database triggers; entries carry"
    " only opaque ids, which point to no one once the account row is gone (docs/security.md)"
)


class UserRow(Base):
    __tablename__ = "account_user"
    __table_args__ = (
        UniqueConstraint("oidc_issuer", "oidc_subject", name="uq_account_oidc"),
        personal(ACCOUNT),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """argon2id hash; ``None`` for accounts that sign in through OpenID Connect only."""
    oidc_issuer: Mapped[str | None] = mapped_column(String(500), nullable=True)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class OrganisationRow(Base):
    __tablename__ = "organisation"
    __table_args__ = not_personal(ORGANISATION)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class MembershipRow(Base):
    __tablename__ = "organisation_member"
    __table_args__ = personal(ACCOUNT)

    user_id: Mapped[str] = mapped_column(
        ID, ForeignKey("account_user.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[str] = mapped_column(
        ID, ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SessionRow(Base):
    __tablename__ = "user_session"
    __table_args__ = personal(ACCOUNT)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    """SHA-256 of the cookie value; a stolen database does not yield live sessions."""
    user_id: Mapped[str] = mapped_column(
        ID, ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    method: Mapped[str] = mapped_column(String(20))
    """``password`` or ``oidc``."""


class LoginFailureRow(Base):
    __tablename__ = "login_failure"
    __table_args__ = (
        Index("ix_login_failure_key_at", "key", "at"),
        personal(ACCOUNT, not_exported=FAILURES_NOT_EXPORTED),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(64))
    """HMAC of ``ip:<address>``, or halves of the HMACs of ``account:<e-mail>`` and
    ``ip:<address>`` (one account from one address), with the secret key; never clear text."""
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConsentRow(Base):
    __tablename__ = "consent"
    __table_args__ = personal(ACCOUNT)

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    owner_id: Mapped[str] = mapped_column(
        ID, ForeignKey("account_user.id", ondelete="CASCADE"), index=True
    )
    grantee_kind: Mapped[str] = mapped_column(String(20))
    grantee_id: Mapped[str] = mapped_column(ID, index=True)
    resources: Mapped[str] = mapped_column(String(200))
    """Comma-separated resource names, sorted."""
    purpose: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AuditRow(Base):
    """Append-only: database triggers refuse UPDATE and DELETE (migration 0002); DELETE only of
    rows past the retention cutoff, during ``koers audit prune`` (migration 0005, ``audit.py``)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_subject_at", "subject_id", "at"),
        Index("ix_audit_actor_at", "actor_id", "at"),
        personal(ACCOUNT, kept_on_erasure=AUDIT_KEPT),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    actor_role: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(64))
    resource: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(20))
    route: Mapped[str] = mapped_column(String(200))
    """The route template (``/api/v1/accounts/{user_id}/contact``), never a filled-in URL."""
    allowed: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(40))
    consent_id: Mapped[str | None] = mapped_column(ID, nullable=True)


ACCOUNT_TABLES = [
    AuditRow,
    ConsentRow,
    LoginFailureRow,
    SessionRow,
    MembershipRow,
    OrganisationRow,
    UserRow,
]
