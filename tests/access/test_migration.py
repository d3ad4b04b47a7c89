"""Migration 0002 goes up, down and up on SQLite and PostgreSQL, triggers included."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from koers.store.migrate import downgrade, upgrade
from tests.conftest import make_database

TABLES = {
    "account_user",
    "organisation",
    "organisation_member",
    "user_session",
    "login_failure",
    "consent",
    "audit_entry",
}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_accounts_migration_up_down_up(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    database = make_database(backend, tmp_path, request)
    upgrade(database)
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    downgrade(database, "0001")
    remaining = set(inspect(database.engine).get_table_names())
    assert not TABLES & remaining
    assert "occupation" in remaining, "the taxonomy branch is untouched"
    upgrade(database)
    assert set(inspect(database.engine).get_table_names()) >= TABLES
    database.dispose()
