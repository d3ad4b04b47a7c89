"""Alembic migrations go up and down cleanly on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

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
