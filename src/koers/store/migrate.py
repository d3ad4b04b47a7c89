"""Apply Alembic migrations programmatically (``koers data migrate`` and at every load/serve)."""

from __future__ import annotations

import threading
from importlib import resources

from alembic import command
from alembic.config import Config

from koers.store.db import Database

_ALEMBIC_LOCK = threading.Lock()
"""Alembic keeps its running context in module globals: two upgrades at once in one process
(two organisation checks in worker threads preparing the forecast store) broke with
``KeyError: 'script'``. One at a time."""


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("koers.store") / "migrations"))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def upgrade(database: Database, revision: str = "heads") -> None:
    """Upgrade to every head: each domain's migrations may branch from a shared base."""
    config = alembic_config(database)
    with _ALEMBIC_LOCK, database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(database: Database, revision: str) -> None:
    config = alembic_config(database)
    with _ALEMBIC_LOCK, database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
