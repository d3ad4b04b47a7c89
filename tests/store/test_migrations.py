"""Alembic migrations go up and down cleanly on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from koers.store.db import Database
from koers.store.migrate import downgrade, upgrade
from tests.conftest import make_database


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrade_downgrade_upgrade(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    database = make_database(backend, tmp_path, request)
    upgrade(database)
    tables = set(inspect(database.engine).get_table_names())
    assert {"occupation", "skill", "occupation_skill", "concept_label"} <= tables
    downgrade(database, "base")
    assert "occupation" not in set(inspect(database.engine).get_table_names())
    upgrade(database)
    assert "occupation" in set(inspect(database.engine).get_table_names())


def test_upgrades_in_several_threads_at_once(tmp_path: Path) -> None:
    """Issue 13: heavy work now runs in worker threads, and two organisation checks preparing
    the forecast store at once broke Alembic's global context (``KeyError: 'script'``, 500)."""
    import threading

    databases = [Database(f"sqlite:///{tmp_path / f'k{i}.sqlite3'}") for i in range(4)]
    errors: list[BaseException] = []

    def run(database: Database) -> None:
        try:
            upgrade(database)
        except Exception as exc:  # collected: an exception in a thread does not fail a test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(database,)) for database in databases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for database in databases:
        database.dispose()
    assert errors == []
