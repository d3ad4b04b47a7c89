"""One settings object for the whole platform (environment prefix ``KOERS_``).

Built once at start-up and passed in; nothing else reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_AUDIT_RETENTION_DAYS = 365
"""The shortest audit retention allowed; migration 0005's trigger enforces the same floor."""


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "koers"


class Settings(BaseSettings):
    """Platform settings.

    Attributes:
        data_dir: where the embedded SQLite database and run artefacts live.
        database_url: SQLAlchemy URL; empty means the embedded SQLite file in ``data_dir``.
            Production sets a PostgreSQL URL (``postgresql+psycopg://…``).
        default_language: ``nl`` (Dutch first) or ``en``.
        secret_key: signs session cookies; must be set outside development.
        environment: ``development``, ``test`` or ``production``.
        cookie_secure: ``auto`` (Secure when the request came over https), ``always`` or
            ``never``; session and CSRF cookies are always HttpOnly and SameSite=Lax.
        session_hours: a session ends this many hours after login, whatever happens.
        session_idle_minutes: a session ends after this many minutes without a request.
        login_max_failures: failed logins for one account from one network address before
            that account waits there (per account *and* address, so that nobody else can lock
            the owner out); failures of the last day count, a successful login clears them.
        login_backoff_seconds: the first wait after ``login_max_failures``; it doubles with
            every further failure (HTTP 429 with ``Retry-After``).
        login_backoff_max_minutes: the longest wait of that backoff.
        login_ip_max_failures: failed logins per network address (any account) within
            ``login_window_minutes`` before the address is locked.
        login_window_minutes: the sliding window of the per-address login limit.
        refused_reads_max: refused reads of someone else's personal data, per actor within
            ``refused_reads_window_minutes``, before that actor is stopped (HTTP 429); see
            ``docs/security.md``.
        refused_reads_window_minutes: the sliding window of the refused-reads throttle.
        refused_reads_cooldown_minutes: how long a stopped actor reads no personal data of
            others (own data stays readable).
        oidc_issuer: OpenID Connect issuer URL (production login); empty turns OIDC off.
        oidc_client_id: client id registered at the issuer.
        oidc_client_secret: client secret registered at the issuer.
        oidc_redirect_url: callback URL registered at the issuer; empty derives it from the
            request (``<base>/inloggen/oidc/terug``).
        max_body_bytes: largest request body accepted, in bytes (larger gets 413 problem+json);
            see ``docs/api.md``.
        request_timeout_seconds: time limit until a response starts, in seconds (later gets 503
            problem+json); see ``docs/api.md``.
        trusted_proxies: the reverse proxies whose ``X-Forwarded-For`` and
            ``X-Forwarded-Proto`` headers ``koers serve`` believes: comma-separated addresses or
            networks (``10.0.0.0/8``), or ``*``. Empty (the default) believes no one, so a client
            cannot choose the address the login limit counts; see ``docs/security.md``.
        max_heavy_requests: requests per process that may run each kind of heavy work at once
            (skill extraction, CV files, organisation checks, uploaded tables); one more gets
            503 with ``Retry-After`` at once; see ``docs/security.md``.
        audit_retention_days: audit entries older than this many days are removed by
            ``koers audit prune`` (default 1826, five years; at least 365 so that people can see
            who looked at their data for a reasonable time); see ``docs/security.md``.
    """

    model_config = SettingsConfigDict(env_prefix="KOERS_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str = ""
    default_language: str = "nl"
    secret_key: str = "development-only-secret"
    environment: str = "development"
    search_cache_size: int = 2048
    max_body_bytes: int = Field(default=1_048_576, ge=1)
    request_timeout_seconds: float = Field(default=30.0, gt=0)
    max_heavy_requests: int = Field(default=2, ge=1)
    cookie_secure: str = "auto"
    session_hours: int = 12
    session_idle_minutes: int = 120
    login_max_failures: int = Field(default=5, ge=1)
    login_backoff_seconds: int = Field(default=30, ge=1)
    login_backoff_max_minutes: int = Field(default=15, ge=1)
    login_ip_max_failures: int = 20
    login_window_minutes: int = 15
    refused_reads_max: int = Field(default=20, ge=1)
    refused_reads_window_minutes: int = Field(default=10, ge=1)
    refused_reads_cooldown_minutes: int = Field(default=15, ge=1)
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_redirect_url: str = ""
    audit_retention_days: int = 1826
    trusted_proxies: str = ""

    @field_validator("audit_retention_days")
    @classmethod
    def _audit_retention_at_least_a_year(cls, value: int) -> int:
        if value < MIN_AUDIT_RETENTION_DAYS:
            raise ValueError(
                f"KOERS_AUDIT_RETENTION_DAYS must be at least {MIN_AUDIT_RETENTION_DAYS} days "
                f"(got {value}): people must be able to see who looked at their data for a "
                "reasonable time"
            )
        return value

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'koers.sqlite3'}"

    def check_production_ready(self) -> None:
        """Fail loudly if a production deployment still uses development defaults."""
        if self.environment == "production" and self.secret_key == "development-only-secret":
            raise ValueError("KOERS_SECRET_KEY must be set in production")
