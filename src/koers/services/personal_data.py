"""Personal-data rights: reads of someone else's data through the gate, "who looked at my
data", and the GDPR export and erasure (art. 15, 17, 20).

A person's data is spread over the accounts core (account, memberships, sessions, consents,
login-failure counts, audit log) and the domains that store personal data. Each such domain
hands a :class:`PersonalDataSection` to this service in the composition root
(``koers.bootstrap.build_services``); nothing registers itself at import. Which table belongs
to which section is declared on the table (``koers.store.personal_data``) and checked by
``tests/access/test_personal_data_coverage.py``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.orm import Session

from koers import __version__
from koers.access import (
    Account,
    Action,
    Actor,
    AuditEntry,
    Consent,
    Purpose,
    RefusalLimits,
    RefusalState,
    Resource,
    Verdict,
    after_refusal,
    after_verdict,
    consent_status,
    is_stale,
    verdict,
)
from koers.config import Settings
from koers.errors import InvalidInput
from koers.portfolio import Person, Portfolio, to_jsonld
from koers.services.accounts import AccountService
from koers.services.consent import grantee_name
from koers.services.portfolio import PortfolioService
from koers.services.sessions import SessionService
from koers.store.personal_data import ACCOUNT
from koers.store.repositories.accounts import (
    AccountRepository,
    AuditLog,
    ConsentRepository,
)
from koers.store.repositories.gate import PersonalDataGate

log = logging.getLogger(__name__)

ERASE_CONFIRMATION = "VERWIJDER"
"""What a citizen types (web) or sends (API ``confirm``) to erase the account."""


class PersonalDataSection(Protocol):
    """A domain's part of a person's data, for export and erasure (GDPR art. 15, 17, 20)."""

    name: str

    def export(self, session: Session, user_id: str) -> Any:
        """JSON-serialisable data of ``user_id``."""
        ...

    def erase(self, session: Session, user_id: str) -> None:
        """Delete (or anonymise, where the law requires keeping) the data of ``user_id``."""
        ...


@dataclass(frozen=True)
class AuditView:
    """An audit entry with the actor's name and organisations (who looked)."""

    entry: AuditEntry
    actor_name: str | None
    actor_organisations: list[str]


@dataclass(frozen=True)
class ContactCard:
    user_id: str
    display_name: str
    email: str


class RefusalThrottle:
    """Refused personal-data reads per actor, in memory of this process (a
    :class:`~koers.store.repositories.gate.RefusalGuard`; the decisions are the pure
    functions of :mod:`koers.access.refusals`).

    Each server process keeps its own counts, so with several processes an actor can make up
    to ``max_refusals`` refusals in each before being stopped everywhere; counts are lost at a
    restart. Both are accepted: the aim is to slow probing down, the audit log keeps the record.
    """

    SWEEP_AT = 10_000
    """Forget stale actors once this many are remembered (memory stays bounded)."""

    def __init__(self, limits: RefusalLimits) -> None:
        self.limits = limits
        self._states: dict[str, RefusalState] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> RefusalThrottle:
        return cls(
            RefusalLimits(
                max_refusals=settings.refused_reads_max,
                window=timedelta(minutes=settings.refused_reads_window_minutes),
                cooldown=timedelta(minutes=settings.refused_reads_cooldown_minutes),
            )
        )

    def before_read(self, actor_id: str, now: datetime) -> Verdict:
        with self._lock:  # verdict and its bookkeeping together: one episode entry, not two
            state = self._states.get(actor_id)
            if state is None:
                return Verdict(None)
            answer = verdict(state, now)
            self._states[actor_id] = after_verdict(state, now)
            return answer

    def refused(self, actor_id: str, now: datetime) -> None:
        with self._lock:
            state = self._states.get(actor_id, RefusalState())
            self._states[actor_id] = after_refusal(state, now, self.limits)
            if len(self._states) >= self.SWEEP_AT:
                self._states = {
                    key: kept
                    for key, kept in self._states.items()
                    if not is_stale(kept, now, self.limits)
                }


def personal_data_gate(accounts: AccountService) -> PersonalDataGate:
    """The gate of the running platform, with the refused-reads throttle of this process."""
    return PersonalDataGate(
        accounts.database, accounts.clock, RefusalThrottle.from_settings(accounts.settings)
    )


class PersonalDataService:
    """Reads through the gate, "who looked", export and erasure of one person's data."""

    def __init__(
        self,
        accounts: AccountService,
        sessions: SessionService,
        gate: PersonalDataGate,
        portfolios: PortfolioService,
        sections: Sequence[PersonalDataSection],
    ) -> None:
        """
        Args:
            accounts: the accounts core.
            sessions: for the failed-login counts that erasure removes.
            gate: the one door to someone else's personal data.
            portfolios: the portfolio service, whose ELM export is the Europass document.
            sections: every domain's part of a person's data (names unique; ``account`` is
                the accounts core, which this service covers itself).
        """
        names = [s.name for s in sections]
        if len(set(names)) != len(names) or ACCOUNT in names:
            raise ValueError(f"personal-data section names must be unique: {names}")
        self.accounts = accounts
        self.sessions = sessions
        self.gate = gate
        self.portfolios = portfolios
        self.sections = tuple(sections)

    def contact_of(
        self, actor: Actor | None, owner_id: str, purpose: Purpose, route: str
    ) -> ContactCard:
        """A person's name and e-mail address, for a coach or employer with consent."""
        self.accounts.prepare()
        self.gate.read(actor, owner_id, Resource.CONTACT, purpose, route)
        account = self.accounts.get(owner_id)
        return ContactCard(account.id, account.display_name, account.email)

    def profile_of(
        self, actor: Actor | None, owner_id: str, purpose: Purpose, route: str
    ) -> Account:
        """A person's account (administrators, for account support)."""
        self.accounts.prepare()
        self.gate.read(actor, owner_id, Resource.PROFILE, purpose, route)
        return self.accounts.get(owner_id)

    def audit_about(
        self,
        actor: Actor | None,
        subject_id: str,
        route: str,
        purpose: Purpose = Purpose.SELF,
        others_only: bool = True,
        limit: int = 100,
        offset: int = 0,
    ) -> list[AuditView]:
        """Who looked at (or tried to look at) ``subject_id``'s data, newest first.

        The subject reads it freely; an administrator only for supervision (audited).
        """
        self.accounts.prepare()
        self.gate.read(actor, subject_id, Resource.AUDIT, purpose, route)
        with self.accounts.database.session() as session:
            entries = AuditLog(session).query(
                subject_id=subject_id, others_only=others_only, limit=limit, offset=offset
            )
            repo = AccountRepository(session)
            views = []
            names: dict[str, tuple[str | None, list[str]]] = {}
            for entry in entries:
                if entry.actor_id and entry.actor_id not in names:
                    who = repo.get(entry.actor_id)
                    orgs = [
                        o.name
                        for o in (
                            repo.organisation(i) for i in (who.organisation_ids if who else [])
                        )
                        if o
                    ]
                    names[entry.actor_id] = (who.display_name if who else None, orgs)
                name, orgs = names.get(entry.actor_id or "", (None, []))
                views.append(AuditView(entry, name, orgs))
        return views

    # -- GDPR rights ------------------------------------------------------------------------------

    def export(self, account: Account, route: str) -> dict[str, Any]:
        """Everything Koers holds about ``account``, machine-readable (GDPR art. 15 and 20)."""
        self.accounts.prepare()
        now = self.accounts.clock()
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            consents = ConsentRepository(session).consents_of(account.id)
            received = ConsentRepository(session).granted_to(account.id, [])
            about = AuditLog(session).query(subject_id=account.id, limit=100_000)
            by_me = AuditLog(session).query(actor_id=account.id, limit=100_000)
            orgs = [repo.organisation(i) for i in sorted(account.organisation_ids)]
            sections = {s.name: s.export(session, account.id) for s in self.sections}
            payload: dict[str, Any] = {
                "format": "koers-personal-data-export",
                "format_version": 1,
                "generated_at": now.isoformat(),
                "koers_version": __version__,
                "account": {
                    "id": account.id,
                    "email": account.email,
                    "display_name": account.display_name,
                    "role": account.role.value,
                    "created_at": account.created_at.isoformat(),
                    "sign_in": "oidc" if account.oidc_issuer else "password",
                    "oidc_issuer": account.oidc_issuer,
                    "is_demo": account.is_demo,
                },
                "organisations": [
                    {"id": o.id, "name": o.name, "kind": o.kind.value} for o in orgs if o
                ],
                "sessions": repo.sessions_of(account.id),
                "consents_given": [_consent_json(c, grantee_name(repo, c), now) for c in consents],
                "consents_received": [
                    {**_consent_json(c, account.display_name, now), "owner_id": c.owner_id}
                    for c in received
                ],
                "audit_about_me": [_audit_json(e) for e in about],
                "audit_my_actions": [_audit_json(e) for e in by_me],
                "sections": sections,
                "not_included": {
                    "password": "only a one-way argon2id hash is stored; it is not exported",
                    "session_tokens": "only hashes are stored; they are not exported",
                },
            }
            self.accounts.audit_own(session, account, Resource.PROFILE, Action.EXPORT, route)
        log.info("accounts.exported", extra={"fields": {"user_id": account.id}})
        return payload

    def export_europass(self, account: Account, route: str, lang: str = "nl") -> dict[str, Any]:
        """The person's competences as a Europass document: the European Learning Model JSON-LD
        of the portfolio download (:meth:`PortfolioService.export_jsonld`), with one
        ``LearningAchievement`` per claim of the stored portfolio, or a ``Person`` without
        claims while nothing is stored. Not a signed European Digital Credential.
        """
        self.accounts.prepare()
        with self.accounts.database.session() as session:
            self.accounts.audit_own(session, account, Resource.PROFILE, Action.EXPORT, route)
        me = account.actor()
        ids = self.portfolios.portfolios_of(account.id, me, Purpose.SELF, route)
        if not ids:  # nothing to label, so no taxonomy needed
            return to_jsonld(Portfolio(person=Person(account.display_name)), lang=lang)
        stored = self.portfolios.load(ids[0], me, Purpose.SELF, route)
        return self.portfolios.export_jsonld(stored.portfolio, lang)

    def erase(self, account: Account, confirmation: str, route: str) -> None:
        """Erase the account and its personal data (GDPR art. 17).

        Kept, for accountability (GDPR art. 5(2), 30, 32): the audit log. Its entries carry only
        opaque ids; once the account row is gone they no longer point to a person. An erasure
        entry is added.

        Raises:
            InvalidInput: the confirmation word is wrong.
        """
        if confirmation.strip().upper() != ERASE_CONFIRMATION:
            raise InvalidInput(f"confirm: type {ERASE_CONFIRMATION} to erase your account")
        self.accounts.prepare()
        with self.accounts.database.session() as session:
            for section in self.sections:
                section.erase(session, account.id)
            ConsentRepository(session).delete_for_user(account.id)
            self.sessions.forget_failures(session, account.email)
            AccountRepository(session).delete_user(account.id)
            self.accounts.audit_own(session, account, Resource.PROFILE, Action.ERASE, route)
        self.accounts.database.checkpoint()
        log.info("accounts.erased", extra={"fields": {"user_id": account.id}})


def _consent_json(consent: Consent, grantee: str, now: datetime) -> dict[str, Any]:
    return {
        "id": consent.id,
        "grantee_kind": consent.grantee_kind.value,
        "grantee_id": consent.grantee_id,
        "grantee_name": grantee,
        "resources": sorted(r.value for r in consent.resources),
        "purpose": consent.purpose.value,
        "valid_from": consent.valid_from.isoformat(),
        "valid_until": consent.valid_until.isoformat(),
        "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
        "status": consent_status(consent, now).value,
    }


def _audit_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_role": entry.actor_role,
        "subject_id": entry.subject_id,
        "resource": entry.resource.value,
        "purpose": entry.purpose.value,
        "action": entry.action.value,
        "route": entry.route,
        "allowed": entry.allowed,
        "reason": entry.reason.value,
        "consent_id": entry.consent_id,
    }
