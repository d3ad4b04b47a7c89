"""Use cases of accounts and trust: register, log in (argon2id, throttled), sessions, consent,
"who looked at my data", GDPR export and erasure.

Used by the API, the web pages and the CLI alike. Personal data never goes to the logs: events
carry opaque ids and reason codes only.

Other domains add their part of a person's data to the export and the erasure with
:func:`register_personal_data` (see ``docs/security.md``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from koers import __version__
from koers.access import (
    Account,
    Action,
    Actor,
    AuditEntry,
    Consent,
    ConsentStatus,
    GranteeKind,
    InvalidConsent,
    InvalidCredentials,
    Organisation,
    OrganisationKind,
    Purpose,
    Reason,
    RefusalLimits,
    RefusalState,
    Resource,
    Role,
    TooManyAttempts,
    Verdict,
    check_request,
    consent_status,
    locked_until,
)
from koers.access.credentials import check_display_name, check_password, normalise_email
from koers.access.refusals import after_refusal, after_verdict, is_stale, verdict
from koers.config import Settings
from koers.errors import Conflict, InvalidInput, NotFound
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.accounts import (
    AccountRepository,
    AuditLog,
    Clock,
    ConsentRepository,
    PersonalDataGate,
    utc,
    utcnow,
)

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


PERSONAL_DATA_SECTIONS: list[PersonalDataSection] = []


def register_personal_data(section: PersonalDataSection) -> None:
    """Add a domain's section to every export and erasure (idempotent by name)."""
    if all(s.name != section.name for s in PERSONAL_DATA_SECTIONS):
        PERSONAL_DATA_SECTIONS.append(section)


@dataclass(frozen=True)
class SessionInfo:
    """A signed-in session: the account and the raw token that goes into the cookie."""

    account: Account
    token: str
    token_hash: str


@dataclass(frozen=True)
class ConsentView:
    """A consent with the grantee's name, for the citizen's overview."""

    consent: Consent
    grantee_name: str
    status: ConsentStatus


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


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RefusalThrottle:
    """Refused personal-data reads per actor, in memory of this process (a
    :class:`~koers.store.repositories.accounts.RefusalGuard`; the decisions are the pure
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


class AccountService:
    """Accounts, sessions, consent and GDPR rights over one database."""

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
        self.refusals = RefusalThrottle.from_settings(settings)
        self.gate = PersonalDataGate(database, clock, self.refusals)
        self._prepared = False
        self._lock = threading.Lock()
        self._dummy_hash: str | None = None

    def prepare(self) -> None:
        with self._lock:
            if not self._prepared:
                upgrade(self.database)
                self._prepared = True

    # -- accounts ---------------------------------------------------------------------------------

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

    # -- login and sessions -----------------------------------------------------------------------

    def _key(self, kind: str, value: str) -> str:
        return hmac.new(
            self.settings.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256
        ).hexdigest()

    def _throttle(self, repo: AccountRepository, keys: list[tuple[str, int]]) -> None:
        now = self.clock()
        window = timedelta(minutes=self.settings.login_window_minutes)
        for key, limit in keys:
            until = locked_until(repo.failures(key, now - window), now, limit, window)
            if until is not None:
                minutes = max(1, int((until - now).total_seconds() // 60) + 1)
                raise TooManyAttempts(f"too many failed logins; try again in {minutes} minutes")

    def authenticate(self, email: str, password: str, client_ip: str) -> Account:
        """Check e-mail and password; throttled per account and per network address.

        Raises:
            TooManyAttempts: the account or address failed too often in the window.
            InvalidCredentials: wrong address or password (never says which).
        """
        self.prepare()
        try:
            address = normalise_email(email)
        except InvalidInput:
            address = email.strip().lower()[:254]
        account_key = self._key("account", address)
        ip_key = self._key("ip", client_ip)
        with self.database.session() as session:
            repo = AccountRepository(session)
            self._throttle(
                repo,
                [
                    (account_key, self.settings.login_max_failures),
                    (ip_key, self.settings.login_ip_max_failures),
                ],
            )
            account = repo.by_email(address)
            stored = repo.password_hash(account.id) if account else None
        ok = self._verify(stored, password)
        if not ok or account is None or stored is None:
            now = self.clock()
            with self.database.session() as session:  # committed before the error is raised
                repo = AccountRepository(session)
                repo.add_failure(account_key, now)
                repo.add_failure(ip_key, now)
                repo.purge_failures(now - timedelta(days=1))
            log.info(
                "accounts.login_failed",
                extra={"fields": {"reason": "unknown" if account is None else "password"}},
            )
            raise InvalidCredentials("wrong e-mail address or password")
        with self.database.session() as session:
            repo = AccountRepository(session)
            repo.clear_failures(account_key)
            if self.hasher.check_needs_rehash(stored):
                repo.set_password_hash(account.id, self.hasher.hash(password))
        return account

    def _verify(self, stored: str | None, password: str) -> bool:
        """argon2 verify; an unknown account costs the same time as a known one."""
        if stored is None:
            if self._dummy_hash is None:
                self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
            stored, password = self._dummy_hash, password + "\x00"
        try:
            return self.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def start_session(
        self, account: Account, method: str = "password", previous_token: str | None = None
    ) -> SessionInfo:
        """A new session with a new random token; the token the browser had is revoked
        (protection against session fixation)."""
        self.prepare()
        now = self.clock()
        token = secrets.token_urlsafe(32)
        hashed = token_hash(token)
        with self.database.session() as session:
            repo = AccountRepository(session)
            if previous_token:
                repo.delete_session(token_hash(previous_token))
            repo.delete_expired_sessions(now)
            repo.add_session(
                hashed,
                account.id,
                method,
                now,
                now + timedelta(hours=self.settings.session_hours),
            )
        log.info("accounts.session_started", extra={"fields": {"user_id": account.id}})
        return SessionInfo(account, token, hashed)

    def login(
        self, email: str, password: str, client_ip: str, previous_token: str | None = None
    ) -> SessionInfo:
        account = self.authenticate(email, password, client_ip)
        return self.start_session(account, "password", previous_token)

    def session_account(self, token: str) -> Account | None:
        """The account of a live session, or ``None`` (unknown, expired or idle too long)."""
        if not token or len(token) > 100:
            return None
        self.prepare()
        now = self.clock()
        hashed = token_hash(token)
        with self.database.session() as session:
            repo = AccountRepository(session)
            row = repo.session_row(hashed)
            if row is None:
                return None
            idle = timedelta(minutes=self.settings.session_idle_minutes)
            if utc(row.expires_at) <= now or utc(row.last_seen_at) + idle <= now:
                repo.delete_session(hashed)
                return None
            if now - utc(row.last_seen_at) > timedelta(minutes=1):
                repo.touch_session(hashed, now)
            return repo.get(row.user_id)

    def logout(self, token: str) -> None:
        self.prepare()
        with self.database.session() as session:
            AccountRepository(session).delete_session(token_hash(token))

    def login_oidc(
        self,
        issuer: str,
        subject: str,
        email: str,
        display_name: str,
        previous_token: str | None = None,
    ) -> SessionInfo:
        """Sign in (and on first visit register as a citizen) through OpenID Connect.

        An existing local account with the same e-mail address is never linked automatically
        (that would let whoever controls an address at the issuer take over the account).
        """
        self.prepare()
        with self.database.session() as session:
            repo = AccountRepository(session)
            account = repo.by_oidc(issuer, subject)
            if account is None:
                address = normalise_email(email)
                if repo.by_email(address) is not None:
                    raise Conflict(
                        "an account with this e-mail address exists; sign in with your password"
                    )
                name = check_display_name(display_name or address.split("@")[0])
                account = repo.add_user(
                    address, name, Role.CITIZEN, None, self.clock(), oidc=(issuer, subject)
                )
                log.info(
                    "accounts.registered", extra={"fields": {"user_id": account.id, "via": "oidc"}}
                )
        return self.start_session(account, "oidc", previous_token)

    # -- consent ----------------------------------------------------------------------------------

    def _own_audit(
        self,
        session: Session,
        account: Account,
        resource: Resource,
        action: Action,
        route: str,
        consent_id: str | None = None,
    ) -> None:
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

    def grant_consent(
        self,
        owner: Account,
        grantee_kind: GranteeKind,
        grantee: str,
        resources: Iterable[Resource],
        until: date,
        route: str,
        purpose: Purpose | None = None,
    ) -> Consent:
        """Give consent to a coach (by e-mail address) or an employer organisation (by id).

        Args:
            owner: the citizen.
            grantee_kind: user (a coach) or organisation (an employer).
            grantee: the coach's e-mail address, or the organisation id.
            resources: parts to share.
            until: last day (inclusive).
            route: where the request came from, for the audit log.
            purpose: defaults to the purpose that fits the grantee.
        """
        self.prepare()
        with self.database.session() as session:
            repo = AccountRepository(session)
            if grantee_kind is GranteeKind.USER:
                try:
                    found = repo.by_email(normalise_email(grantee))
                except InvalidInput:
                    found = None
                if found is None or found.role is not Role.COACH:
                    raise InvalidConsent("there is no coach with this e-mail address")
                grantee_id, grantee_role = found.id, found.role
                default_purpose = Purpose.COACHING
            else:
                org = repo.organisation(grantee)
                if org is None or org.kind is not OrganisationKind.EMPLOYER:
                    raise InvalidConsent("there is no employer organisation with this id")
                grantee_id, grantee_role = org.id, None
                default_purpose = Purpose.EMPLOYABILITY
            request = check_request(
                owner.role,
                grantee_kind,
                grantee_id,
                grantee_role,
                resources,
                purpose or default_purpose,
                until,
                self.clock(),
            )
            consent = ConsentRepository(session).add(owner.id, request, self.clock())
            self._own_audit(session, owner, Resource.CONSENTS, Action.CHANGE, route, consent.id)
        log.info(
            "accounts.consent_granted",
            extra={"fields": {"user_id": owner.id, "consent_id": consent.id}},
        )
        return consent

    def withdraw_consent(self, owner: Account, consent_id: str, route: str) -> Consent:
        """Withdraw one's own consent; someone else's consent is reported as not found."""
        self.prepare()
        with self.database.session() as session:
            repo = ConsentRepository(session)
            consent = repo.get(consent_id)
            if consent is None or consent.owner_id != owner.id:
                raise NotFound("no such consent")
            repo.withdraw(consent_id, self.clock())
            self._own_audit(session, owner, Resource.CONSENTS, Action.CHANGE, route, consent_id)
            updated = repo.get(consent_id)
        log.info(
            "accounts.consent_withdrawn",
            extra={"fields": {"user_id": owner.id, "consent_id": consent_id}},
        )
        assert updated is not None
        return updated

    def consents_given(self, owner: Account) -> list[ConsentView]:
        self.prepare()
        now = self.clock()
        with self.database.session() as session:
            repo = AccountRepository(session)
            views = []
            for consent in ConsentRepository(session).consents_of(owner.id):
                views.append(
                    ConsentView(
                        consent, self._grantee_name(repo, consent), consent_status(consent, now)
                    )
                )
        return views

    def consents_received(self, account: Account) -> list[ConsentView]:
        """Consents that name this coach or this employer's organisation (ids, no names)."""
        self.prepare()
        now = self.clock()
        with self.database.session() as session:
            repo = AccountRepository(session)
            consents = ConsentRepository(session).granted_to(account.id, account.organisation_ids)
            return [
                ConsentView(c, self._grantee_name(repo, c), consent_status(c, now))
                for c in consents
            ]

    @staticmethod
    def _grantee_name(repo: AccountRepository, consent: Consent) -> str:
        if consent.grantee_kind is GranteeKind.USER:
            user = repo.get(consent.grantee_id)
            return user.display_name if user else "(account removed)"
        org = repo.organisation(consent.grantee_id)
        return org.name if org else "(organisation removed)"

    # -- reads of someone else's data (through the gate) ------------------------------------------

    def contact_of(
        self, actor: Actor | None, owner_id: str, purpose: Purpose, route: str
    ) -> ContactCard:
        """A person's name and e-mail address, for a coach or employer with consent."""
        self.prepare()
        self.gate.read(actor, owner_id, Resource.CONTACT, purpose, route)
        account = self.get(owner_id)
        return ContactCard(account.id, account.display_name, account.email)

    def profile_of(
        self, actor: Actor | None, owner_id: str, purpose: Purpose, route: str
    ) -> Account:
        """A person's account (administrators, for account support)."""
        self.prepare()
        self.gate.read(actor, owner_id, Resource.PROFILE, purpose, route)
        return self.get(owner_id)

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
        self.prepare()
        self.gate.read(actor, subject_id, Resource.AUDIT, purpose, route)
        with self.database.session() as session:
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
        self.prepare()
        now = self.clock()
        with self.database.session() as session:
            repo = AccountRepository(session)
            consents = ConsentRepository(session).consents_of(account.id)
            received = ConsentRepository(session).granted_to(account.id, [])
            about = AuditLog(session).query(subject_id=account.id, limit=100_000)
            by_me = AuditLog(session).query(actor_id=account.id, limit=100_000)
            orgs = [repo.organisation(i) for i in sorted(account.organisation_ids)]
            sections = {s.name: s.export(session, account.id) for s in PERSONAL_DATA_SECTIONS}
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
                "consents_given": [
                    _consent_json(c, self._grantee_name(repo, c), now) for c in consents
                ],
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
            self._own_audit(session, account, Resource.PROFILE, Action.EXPORT, route)
        log.info("accounts.exported", extra={"fields": {"user_id": account.id}})
        return payload

    def export_europass(self, account: Account, route: str) -> dict[str, Any]:
        """A Europass-style JSON-LD document (European Learning Model vocabulary) of what exists.

        Today Koers holds only the person's identity; portfolio skills will be added as
        ``hasClaim`` entries by the portfolio domain. This is not a signed European Digital
        Credential and has not been validated against the ELM SHACL shapes.
        """
        self.prepare()
        with self.database.session() as session:
            self._own_audit(session, account, Resource.PROFILE, Action.EXPORT, route)
        return {
            "@context": {
                "elm": "http://data.europa.eu/snb/model/elm/",
                "foaf": "http://xmlns.com/foaf/0.1/",
                "dcterms": "http://purl.org/dc/terms/",
                "Person": "elm:Person",
                "fullName": "foaf:name",
                "contactPoint": "elm:contactPoint",
                "emailAddress": "elm:emailAddress",
                "hasClaim": "elm:hasClaim",
                "created": "dcterms:created",
                "source": "dcterms:source",
            },
            "@id": f"urn:koers:person:{account.id}",
            "@type": "Person",
            "fullName": account.display_name,
            "contactPoint": [{"@type": "elm:ContactPoint", "emailAddress": account.email}],
            "hasClaim": [],
            "created": self.clock().isoformat(),
            "source": f"Koers {__version__} (Europass-style export; not a signed credential)",
        }

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
        self.prepare()
        with self.database.session() as session:
            for section in PERSONAL_DATA_SECTIONS:
                section.erase(session, account.id)
            ConsentRepository(session).delete_for_user(account.id)
            repo = AccountRepository(session)
            repo.clear_failures(self._key("account", account.email))
            repo.delete_user(account.id)
            self._own_audit(session, account, Resource.PROFILE, Action.ERASE, route)
        log.info("accounts.erased", extra={"fields": {"user_id": account.id}})


def _consent_json(consent: Consent, grantee_name: str, now: datetime) -> dict[str, Any]:
    return {
        "id": consent.id,
        "grantee_kind": consent.grantee_kind.value,
        "grantee_id": consent.grantee_id,
        "grantee_name": grantee_name,
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
