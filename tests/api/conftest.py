from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.config import Settings
from koers.store.db import Database


@pytest.fixture()
def client(loaded_database: Database, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, loaded_database))


@pytest.fixture()
def sqlite_client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, sqlite_loaded))
