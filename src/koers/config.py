"""One settings object for the whole platform (environment prefix ``KOERS_``).

Built once at start-up and passed in; nothing else reads the environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    """

    model_config = SettingsConfigDict(env_prefix="KOERS_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str = ""
    default_language: str = "nl"
    secret_key: str = "development-only-secret"
    environment: str = "development"
    search_cache_size: int = 2048

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'koers.sqlite3'}"

    def check_production_ready(self) -> None:
        """Fail loudly if a production deployment still uses development defaults."""
        if self.environment == "production" and self.secret_key == "development-only-secret":
            raise ValueError("KOERS_SECRET_KEY must be set in production")
