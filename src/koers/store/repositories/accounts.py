"""Reads and writes of accounts, consents and the audit log.

The data-layer gate that asks the access policy and appends to this audit log lives in
``repositories/gate.py``. The audit log has no update or delete here, and database triggers
refuse both (migration 0002); only ``AuditRetention.prune`` (``repositories/audit.py``,
migration 0005) removes entries past retention.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from koers.access import (
    Account,
    Action,
    AuditEntry,
    Consent,
    ConsentRequest,
    GranteeKind,
    Organisation,
    OrganisationKind,
    Purpose,
    Reason,
    Resource,
    Role,
)
from koers.errors import Conflict, NotFound
from koers.store.orm.accounts import (
    AuditRow,
    ConsentRow,
    LoginFailureRow,
    MembershipRow,
    OrganisationRow,
    SessionRow,
    UserRow,
)

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """An opaque random id (128 bits, hex); never derived from personal data."""
    return secrets.token_hex(16)


def utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; everything stored is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _account(row: UserRow, organisation_ids: Iterable[str]) -> Account:
    return Account(
        id=row.id,
        email=row.email,
        display_name=row.display_name,
        role=Role(row.role),
        created_at=utc(row.created_at),
        organisation_ids=frozenset(organisation_ids),
        is_demo=row.is_demo,
        oidc_issuer=row.oidc_issuer,
    )


def _consent(row: ConsentRow) -> Consent:
    return Consent(
        id=row.id,
        owner_id=row.owner_id,
        grantee_kind=GranteeKind(row.grantee_kind),
        grantee_id=row.grantee_id,
        resources=frozenset(Resource(r) for r in row.resources.split(",") if r),
        purpose=Purpose(row.purpose),
        valid_from=utc(row.valid_from),
        valid_until=utc(row.valid_until),
        withdrawn_at=utc(row.withdrawn_at) if row.withdrawn_at else None,
    )


def _audit(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=utc(row.at),
        actor_id=row.actor_id,
        actor_role=row.actor_role,
        subject_id=row.subject_id,
        resource=Resource(row.resource),
        purpose=Purpose(row.purpose),
        action=Action(row.action),
        route=row.route,
        allowed=row.allowed,
        reason=Reason(row.reason),
        consent_id=row.consent_id,
    )


class AccountRepository:
    """Users, organisations and memberships, sessions and login failures."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- users ------------------------------------------------------------------------------------

    def add_user(
        self,
        email: str,
        display_name: str,
        role: Role,
        password_hash: str | None,
        now: datetime,
        is_demo: bool = False,
        oidc: tuple[str, str] | None = None,
    ) -> Account:
        if self.session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
            raise Conflict("an account with this e-mail address cannot be created")
        row = UserRow(
            id=new_id(),
            email=email,
            display_name=display_name,
            role=role.value,
            password_hash=password_hash,
            oidc_issuer=oidc[0] if oidc else None,
            oidc_subject=oidc[1] if oidc else None,
            created_at=now,
            is_demo=is_demo,
        )
        self.session.add(row)
        try:
            self.session.flush()
        except IntegrityError as exc:
            raise Conflict("an account with this e-mail address cannot be created") from exc
        return _account(row, [])

    def _organisation_ids(self, user_id: str) -> list[str]:
        return list(
            self.session.scalars(
                select(MembershipRow.organisation_id).where(MembershipRow.user_id == user_id)
            )
        )

    def get(self, user_id: str) -> Account | None:
        row = self.session.get(UserRow, user_id)
        return _account(row, self._organisation_ids(row.id)) if row else None

    def by_email(self, email: str) -> Account | None:
        row = self.session.scalar(select(UserRow).where(UserRow.email == email))
        return _account(row, self._organisation_ids(row.id)) if row else None

    def by_oidc(self, issuer: str, subject: str) -> Account | None:
        row = self.session.scalar(
            select(UserRow).where(UserRow.oidc_issuer == issuer, UserRow.oidc_subject == subject)
        )
        return _account(row, self._organisation_ids(row.id)) if row else None

    def password_hash(self, user_id: str) -> str | None:
        return self.session.scalar(select(UserRow.password_hash).where(UserRow.id == user_id))

    def set_password_hash(self, user_id: str, password_hash: str) -> None:
        self.session.execute(
            update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
        )

    def set_role(self, user_id: str, role: Role) -> None:
        if self.session.get(UserRow, user_id) is None:
            raise NotFound("no such account")
        self.session.execute(update(UserRow).where(UserRow.id == user_id).values(role=role.value))

    def users(self, role: Role | None = None) -> list[Account]:
        query = select(UserRow).order_by(UserRow.created_at, UserRow.id)
        if role is not None:
            query = query.where(UserRow.role == role.value)
        rows = list(self.session.scalars(query))
        members: dict[str, list[str]] = {}
        for user_id, org_id in self.session.execute(
            select(MembershipRow.user_id, MembershipRow.organisation_id)
        ):
            members.setdefault(user_id, []).append(org_id)
        return [_account(r, members.get(r.id, [])) for r in rows]

    def delete_user(self, user_id: str) -> None:
        """Remove the account row; memberships, sessions and own consents cascade."""
        self.session.execute(delete(MembershipRow).where(MembershipRow.user_id == user_id))
        self.session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
        self.session.execute(delete(UserRow).where(UserRow.id == user_id))

    # -- organisations ----------------------------------------------------------------------------

    def add_organisation(
        self, name: str, kind: OrganisationKind, now: datetime, is_demo: bool = False
    ) -> Organisation:
        if self.session.scalar(select(OrganisationRow.id).where(OrganisationRow.name == name)):
            raise Conflict("an organisation with this name exists")
        row = OrganisationRow(
            id=new_id(), name=name, kind=kind.value, created_at=now, is_demo=is_demo
        )
        self.session.add(row)
        self.session.flush()
        return Organisation(row.id, row.name, OrganisationKind(row.kind), row.is_demo)

    def organisation(self, organisation_id: str) -> Organisation | None:
        row = self.session.get(OrganisationRow, organisation_id)
        return (
            Organisation(row.id, row.name, OrganisationKind(row.kind), row.is_demo) if row else None
        )

    def organisation_by_name(self, name: str) -> Organisation | None:
        row = self.session.scalar(select(OrganisationRow).where(OrganisationRow.name == name))
        return (
            Organisation(row.id, row.name, OrganisationKind(row.kind), row.is_demo) if row else None
        )

    def organisations(self, kind: OrganisationKind | None = None) -> list[Organisation]:
        query = select(OrganisationRow).order_by(OrganisationRow.name)
        if kind is not None:
            query = query.where(OrganisationRow.kind == kind.value)
        return [
            Organisation(r.id, r.name, OrganisationKind(r.kind), r.is_demo)
            for r in self.session.scalars(query)
        ]

    def add_member(self, user_id: str, organisation_id: str) -> None:
        if self.session.get(MembershipRow, (user_id, organisation_id)) is None:
            self.session.add(MembershipRow(user_id=user_id, organisation_id=organisation_id))
            self.session.flush()

    # -- sessions ---------------------------------------------------------------------------------

    def add_session(
        self, token_hash: str, user_id: str, method: str, now: datetime, expires: datetime
    ) -> None:
        self.session.add(
            SessionRow(
                token_hash=token_hash,
                user_id=user_id,
                created_at=now,
                last_seen_at=now,
                expires_at=expires,
                method=method,
            )
        )
        self.session.flush()

    def session_row(self, token_hash: str) -> SessionRow | None:
        return self.session.get(SessionRow, token_hash)

    def touch_session(self, token_hash: str, now: datetime) -> None:
        self.session.execute(
            update(SessionRow).where(SessionRow.token_hash == token_hash).values(last_seen_at=now)
        )

    def delete_session(self, token_hash: str) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))

    def delete_expired_sessions(self, now: datetime) -> None:
        self.session.execute(delete(SessionRow).where(SessionRow.expires_at <= now))

    def sessions_of(self, user_id: str) -> list[dict[str, object]]:
        """Sessions for the GDPR export: dates and method only, never the token (hash)."""
        rows = self.session.scalars(
            select(SessionRow).where(SessionRow.user_id == user_id).order_by(SessionRow.created_at)
        )
        return [
            {
                "created_at": utc(r.created_at).isoformat(),
                "last_seen_at": utc(r.last_seen_at).isoformat(),
                "expires_at": utc(r.expires_at).isoformat(),
                "method": r.method,
            }
            for r in rows
        ]

    # -- login throttle ---------------------------------------------------------------------------

    def add_failure(self, key: str, at: datetime) -> None:
        self.session.add(LoginFailureRow(key=key, at=at))
        self.session.flush()

    def failures(self, key: str, since: datetime) -> list[datetime]:
        return [
            utc(at)
            for at in self.session.scalars(
                select(LoginFailureRow.at).where(
                    LoginFailureRow.key == key, LoginFailureRow.at > since
                )
            )
        ]

    def clear_failures(self, key_start: str) -> None:
        """Drop the failures whose key starts with ``key_start`` (a whole key or its account
        half: keys are hex, so the prefix holds no pattern characters)."""
        self.session.execute(
            delete(LoginFailureRow).where(LoginFailureRow.key.startswith(key_start))
        )

    def purge_failures(self, before: datetime) -> None:
        self.session.execute(delete(LoginFailureRow).where(LoginFailureRow.at < before))


class ConsentRepository:
    """Consents (toestemmingen) given by citizens."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, owner_id: str, request: ConsentRequest, now: datetime) -> Consent:
        row = ConsentRow(
            id=new_id(),
            owner_id=owner_id,
            grantee_kind=request.grantee_kind.value,
            grantee_id=request.grantee_id,
            resources=",".join(sorted(r.value for r in request.resources)),
            purpose=request.purpose.value,
            valid_from=request.valid_from,
            valid_until=request.valid_until,
            created_at=now,
            withdrawn_at=None,
        )
        self.session.add(row)
        self.session.flush()
        return _consent(row)

    def get(self, consent_id: str) -> Consent | None:
        row = self.session.get(ConsentRow, consent_id)
        return _consent(row) if row else None

    def consents_of(self, owner_id: str) -> list[Consent]:
        rows = self.session.scalars(
            select(ConsentRow)
            .where(ConsentRow.owner_id == owner_id)
            .order_by(ConsentRow.created_at.desc(), ConsentRow.id)
        )
        return [_consent(r) for r in rows]

    def granted_to(self, user_id: str, organisation_ids: Iterable[str]) -> list[Consent]:
        """Consents that name ``user_id`` or one of its organisations (any state)."""
        orgs = list(organisation_ids)
        condition: ColumnElement[bool] = (ConsentRow.grantee_kind == GranteeKind.USER.value) & (
            ConsentRow.grantee_id == user_id
        )
        if orgs:
            condition = or_(
                condition,
                (ConsentRow.grantee_kind == GranteeKind.ORGANISATION.value)
                & ConsentRow.grantee_id.in_(orgs),
            )
        rows = self.session.scalars(
            select(ConsentRow).where(condition).order_by(ConsentRow.created_at.desc())
        )
        return [_consent(r) for r in rows]

    def withdraw(self, consent_id: str, at: datetime) -> None:
        self.session.execute(
            update(ConsentRow)
            .where(ConsentRow.id == consent_id, ConsentRow.withdrawn_at.is_(None))
            .values(withdrawn_at=at)
        )

    def delete_for_user(self, user_id: str) -> int:
        """Erasure: consents the user gave and consents given to the user (as a coach)."""
        result = self.session.execute(
            delete(ConsentRow).where(
                or_(
                    ConsentRow.owner_id == user_id,
                    (ConsentRow.grantee_kind == GranteeKind.USER.value)
                    & (ConsentRow.grantee_id == user_id),
                )
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


class AuditLog:
    """The append-only audit log: :meth:`append` and queries. There is no update or delete."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def append(self, entry: AuditEntry) -> None:
        self.session.add(
            AuditRow(
                at=entry.at,
                actor_id=entry.actor_id,
                actor_role=entry.actor_role,
                subject_id=entry.subject_id,
                resource=entry.resource.value,
                purpose=entry.purpose.value,
                action=entry.action.value,
                route=entry.route[:200],
                allowed=entry.allowed,
                reason=entry.reason.value,
                consent_id=entry.consent_id,
            )
        )
        self.session.flush()

    def query(
        self,
        subject_id: str | None = None,
        actor_id: str | None = None,
        allowed: bool | None = None,
        others_only: bool = False,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AuditEntry]:
        """Entries, newest first, filtered by subject and/or actor.

        Args:
            others_only: with ``subject_id``, leave out the subject's own actions.
        """
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc())
        if subject_id is not None:
            query = query.where(AuditRow.subject_id == subject_id)
            if others_only:
                query = query.where(
                    or_(AuditRow.actor_id.is_(None), AuditRow.actor_id != subject_id)
                )
        if actor_id is not None:
            query = query.where(AuditRow.actor_id == actor_id)
        if allowed is not None:
            query = query.where(AuditRow.allowed == allowed)
        return [_audit(r) for r in self.session.scalars(query.limit(limit).offset(offset))]

    def count(self, subject_id: str | None = None) -> int:
        query = select(func.count()).select_from(AuditRow)
        if subject_id is not None:
            query = query.where(AuditRow.subject_id == subject_id)
        return int(self.session.scalar(query) or 0)
