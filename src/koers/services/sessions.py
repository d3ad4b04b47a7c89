"""Use cases of signing in: password login (argon2id, throttled per account and network
address with a backoff, and per network address), OpenID Connect login, and the server-side
sessions behind the cookie.

Personal data never goes to the logs: events carry opaque ids and reason codes only.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from koers.access import (
    Account,
    InvalidCredentials,
    Role,
    TooManyAttempts,
    backoff_until,
    check_display_name,
    locked_until,
    normalise_email,
    wait_seconds,
)
from koers.errors import Conflict, InvalidInput
from koers.services.accounts import AccountService
from koers.store.repositories.accounts import AccountRepository, utc

log = logging.getLogger(__name__)

FAILURE_MEMORY = timedelta(days=1)
"""Failed logins are kept (and counted for the backoff) this long, then purged."""


@dataclass(frozen=True)
class SessionInfo:
    """A signed-in session: the account and the raw token that goes into the cookie."""

    account: Account
    token: str
    token_hash: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SessionService:
    """Login and sessions of the accounts of one :class:`AccountService`."""

    def __init__(self, accounts: AccountService) -> None:
        self.accounts = accounts
        self._dummy_hash: str | None = None

    def throttle_key(self, kind: str, value: str) -> str:
        """The stored key of a failed-login count: an HMAC, never the address in clear."""
        return hmac.new(
            self.accounts.settings.secret_key.encode(), f"{kind}:{value}".encode(), hashlib.sha256
        ).hexdigest()

    def pair_key(self, address: str, client_ip: str) -> str:
        """The stored key of the failed logins of one account from one network address: the
        first half names the account (so that erasure finds it from every address), the
        second the address; both are halves of HMACs, never clear text."""
        return self.throttle_key("account", address)[:32] + self.throttle_key("ip", client_ip)[:32]

    def _throttle(self, repo: AccountRepository, pair_key: str, ip_key: str) -> None:
        """Refuse while the address is locked or this account waits out its backoff there."""
        settings = self.accounts.settings
        now = self.accounts.clock()
        window = timedelta(minutes=settings.login_window_minutes)
        waits = [
            locked_until(
                repo.failures(ip_key, now - window), now, settings.login_ip_max_failures, window
            ),
            backoff_until(
                repo.failures(pair_key, now - FAILURE_MEMORY),
                now,
                settings.login_max_failures,
                timedelta(seconds=settings.login_backoff_seconds),
                timedelta(minutes=settings.login_backoff_max_minutes),
            ),
        ]
        until = max((w for w in waits if w is not None), default=None)
        if until is not None:
            raise TooManyAttempts(wait_seconds(until, now))

    def authenticate(self, email: str, password: str, client_ip: str) -> Account:
        """Check e-mail and password; throttled per account and per network address.

        Raises:
            TooManyAttempts: the address failed too often, or this account from this address
                waits out its backoff (``retry_after`` seconds).
            InvalidCredentials: wrong address or password (never says which).
        """
        self.accounts.prepare()
        try:
            address = normalise_email(email)
        except InvalidInput:
            address = email.strip().lower()[:254]
        pair_key = self.pair_key(address, client_ip)
        ip_key = self.throttle_key("ip", client_ip)
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            self._throttle(repo, pair_key, ip_key)
            account = repo.by_email(address)
            stored = repo.password_hash(account.id) if account else None
        ok = self._verify(stored, password)
        if not ok or account is None or stored is None:
            now = self.accounts.clock()
            with (
                self.accounts.database.session() as session
            ):  # committed before the error is raised
                repo = AccountRepository(session)
                repo.add_failure(pair_key, now)
                repo.add_failure(ip_key, now)
                repo.purge_failures(now - FAILURE_MEMORY)
            log.info(
                "accounts.login_failed",
                extra={"fields": {"reason": "unknown" if account is None else "password"}},
            )
            raise InvalidCredentials("wrong e-mail address or password")
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            repo.clear_failures(pair_key)
            if self.accounts.hasher.check_needs_rehash(stored):
                repo.set_password_hash(account.id, self.accounts.hasher.hash(password))
        return account

    def _verify(self, stored: str | None, password: str) -> bool:
        """argon2 verify; an unknown account costs the same time as a known one."""
        if stored is None:
            if self._dummy_hash is None:
                self._dummy_hash = self.accounts.hasher.hash(secrets.token_hex(16))
            stored, password = self._dummy_hash, password + "\x00"
        try:
            return self.accounts.hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def start_session(
        self, account: Account, method: str = "password", previous_token: str | None = None
    ) -> SessionInfo:
        """A new session with a new random token; the token the browser had is revoked
        (protection against session fixation)."""
        self.accounts.prepare()
        now = self.accounts.clock()
        token = secrets.token_urlsafe(32)
        hashed = token_hash(token)
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            if previous_token:
                repo.delete_session(token_hash(previous_token))
            repo.delete_expired_sessions(now)
            repo.add_session(
                hashed,
                account.id,
                method,
                now,
                now + timedelta(hours=self.accounts.settings.session_hours),
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
        self.accounts.prepare()
        now = self.accounts.clock()
        hashed = token_hash(token)
        with self.accounts.database.session() as session:
            repo = AccountRepository(session)
            row = repo.session_row(hashed)
            if row is None:
                return None
            idle = timedelta(minutes=self.accounts.settings.session_idle_minutes)
            if utc(row.expires_at) <= now or utc(row.last_seen_at) + idle <= now:
                repo.delete_session(hashed)
                return None
            if now - utc(row.last_seen_at) > timedelta(minutes=1):
                repo.touch_session(hashed, now)
            return repo.get(row.user_id)

    def logout(self, token: str) -> None:
        self.accounts.prepare()
        with self.accounts.database.session() as session:
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
        self.accounts.prepare()
        with self.accounts.database.session() as session:
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
                    address, name, Role.CITIZEN, None, self.accounts.clock(), oidc=(issuer, subject)
                )
                log.info(
                    "accounts.registered", extra={"fields": {"user_id": account.id, "via": "oidc"}}
                )
        return self.start_session(account, "oidc", previous_token)

    def forget_failures(self, session: Session, email: str) -> None:
        """Drop the failed logins of an account from every address (erasure)."""
        AccountRepository(session).clear_failures(self.throttle_key("account", email)[:32])
