"""Use cases of accounts: register, find, roles, passwords and organisations.

The other account-side services build on :class:`AccountService` (its database, settings,
clock and password hasher): ``sessions`` (login), ``consent`` and ``personal_data`` (the gate,
"who looked", GDPR export and erasure). Used by the API, the web pages and the CLI alike.
Personal data never goes to the logs: events carry opaque ids and reason codes only.
"""

from __future__ import annotations

import logging
import threading

from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from koers.access import (
    Account,
    Action,
    AuditEntry,
    Organisation,
    OrganisationKind,
    Purpose,
    Reason,
    Resource,
    Role,
    check_display_name,
    check_password,
    normalise_email,
)
from koers.config import Settings
from koers.errors import InvalidInput, NotFound
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.accounts import AccountRepository, AuditLog, Clock, utcnow

log = logging.getLogger(__name__)


class AccountService:
    """Accounts and organisations over one database."""

    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Clock = utcnow,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self._prepared = False
        self._lock = threading.Lock()

    def prepare(self) -> None:
        """Bring the schema up to date once per process (CLI and tests start on any database)."""
        with self._lock:
            if not self._prepared:
                upgrade(self.database)
                self._prepared = True

    def register(
        self,
        email: str,
        password: str,
        display_name: str,
        role: Role = Role.CITIZEN,
        is_demo: bool = False,
    ) -> Account:
        """Create a local account with an argon2id password hash."""
        self.prepare()
        address = normalise_email(email)
        name = check_display_name(display_name)
        check_password(password, address)
        hashed = self.hasher.hash(password)
        with self.database.session() as session:
            account = AccountRepository(session).add_user(
                address, name, role, hashed, self.clock(), is_demo
            )
        log.info("accounts.registered", extra={"fields": {"user_id": account.id, "role": role}})
        return account

    def get(self, user_id: str) -> Account:
        self.prepare()
        with self.database.session() as session:
            account = AccountRepository(session).get(user_id)
        if account is None:
            raise NotFound("no such account")
        return account

    def find_by_email(self, email: str) -> Account | None:
        self.prepare()
        with self.database.session() as session:
            return AccountRepository(session).by_email(normalise_email(email))

    def users(self, role: Role | None = None) -> list[Account]:
        self.prepare()
        with self.database.session() as session:
            return AccountRepository(session).users(role)

    def set_role(self, user_id: str, role: Role) -> Account:
        self.prepare()
        with self.database.session() as session:
            AccountRepository(session).set_role(user_id, role)
        log.info("accounts.role_changed", extra={"fields": {"user_id": user_id, "role": role}})
        return self.get(user_id)

    def set_password(self, user_id: str, password: str) -> None:
        account = self.get(user_id)
        check_password(password, account.email)
        with self.database.session() as session:
            AccountRepository(session).set_password_hash(user_id, self.hasher.hash(password))
        log.info("accounts.password_set", extra={"fields": {"user_id": user_id}})

    def create_organisation(
        self, name: str, kind: OrganisationKind, is_demo: bool = False
    ) -> Organisation:
        self.prepare()
        clean = check_display_name(name)
        with self.database.session() as session:
            return AccountRepository(session).add_organisation(clean, kind, self.clock(), is_demo)

    def organisations(self, kind: OrganisationKind | None = None) -> list[Organisation]:
        self.prepare()
        with self.database.session() as session:
            return AccountRepository(session).organisations(kind)

    def organisation_by_name(self, name: str) -> Organisation | None:
        self.prepare()
        with self.database.session() as session:
            return AccountRepository(session).organisation_by_name(name)

    def add_member(self, user_id: str, organisation_id: str) -> None:
        self.prepare()
        with self.database.session() as session:
            repo = AccountRepository(session)
            account, org = repo.get(user_id), repo.organisation(organisation_id)
            if account is None or org is None:
                raise NotFound("no such account or organisation")
            expected = Role.EMPLOYER if org.kind is OrganisationKind.EMPLOYER else Role.PROVIDER
            if account.role is not expected:
                raise InvalidInput(f"only a {expected} can be a member of this organisation")
            repo.add_member(user_id, organisation_id)

    # -- the owner's own actions ------------------------------------------------------------------

    def audit_own(
        self,
        session: Session,
        account: Account,
        resource: Resource,
        action: Action,
        route: str,
        consent_id: str | None = None,
    ) -> None:
        """Audit an action of ``account`` on its own data (in the caller's transaction)."""
        AuditLog(session).append(
            AuditEntry(
                at=self.clock(),
                actor_id=account.id,
                actor_role=account.role.value,
                subject_id=account.id,
                resource=resource,
                purpose=Purpose.SELF,
                action=action,
                route=route,
                allowed=True,
                reason=Reason.OWNER,
                consent_id=consent_id,
            )
        )
