from __future__ import annotations

from pathlib import Path

import pytest

from koers.config import Settings
from koers.store.db import Database
from koers.store.migrate import upgrade
from tests.access.world import World, build_world
from tests.conftest import make_database


@pytest.fixture(params=["sqlite", "postgresql"])
def accounts_db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """An empty, migrated database on each backend."""
    database = make_database(request.param, tmp_path, request)
    upgrade(database)
    yield database  # type: ignore[misc]
    database.dispose()


@pytest.fixture()
def world(accounts_db: Database, settings: Settings) -> World:
    return build_world(accounts_db, settings)
