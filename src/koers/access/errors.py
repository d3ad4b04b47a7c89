"""Errors of access control; subclasses of the shared :mod:`koers.errors` family."""

from __future__ import annotations

from koers.errors import ConsentMissing, Forbidden, InvalidInput, KoersError


class Unauthenticated(KoersError):
    """Nobody is signed in (HTTP 401)."""

    code = "unauthenticated"
    status = 401


class AccessDenied(Forbidden):
    """The actor's role may never read this part, or not for this purpose."""

    code = "access_denied"


class ConsentRequired(ConsentMissing):
    """The part may be read only with a valid consent of its owner, and there is none."""

    code = "consent_missing"


class InvalidConsent(InvalidInput):
    """A consent request breaks the rules (parts, purpose, period, grantee)."""

    code = "invalid_consent"


class InvalidAccountId(InvalidInput):
    """A caller-given id does not have the shape of an account id (nothing was audited)."""

    code = "invalid_account_id"


class InvalidCredentials(KoersError):
    """Wrong e-mail address or password; the message never says which."""

    code = "invalid_credentials"
    status = 401


class TooManyAttempts(KoersError):
    """Login throttled after repeated failures (per account and address, or per address);
    HTTP 429 with ``Retry-After``."""

    code = "too_many_attempts"
    status = 429

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, -(-retry_after // 60))
        super().__init__(f"too many failed logins; try again in {minutes} minutes")
        self.minutes = minutes
        self.retry_after = retry_after
        """Seconds until a login is tried again (the ``Retry-After`` header)."""


class TooManyRefusals(KoersError):
    """Personal-data reads stopped for a cool-down after too many refused reads by this actor
    (HTTP 429 with ``Retry-After``); see ``koers.access.refusals``."""

    code = "too_many_refusals"
    status = 429

    def __init__(self, minutes: int, retry_after: int) -> None:
        super().__init__(f"too many refused requests; try again in {minutes} minutes")
        self.minutes = minutes
        self.retry_after = retry_after
        """Seconds until the cool-down ends (the ``Retry-After`` header)."""


class WeakPassword(InvalidInput):
    code = "weak_password"
