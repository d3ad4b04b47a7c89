"""Shared fixtures: one database per backend (SQLite file, PostgreSQL schema), loaded once.

PostgreSQL: ``KOERS_TEST_POSTGRES_URL`` or ``postgresql+psycopg://postgres@127.0.0.1:5432/test``.
Each test session works in its own schema, dropped at the end. Where no server answers, the
PostgreSQL-backed tests skip with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from koers.config import Settings
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_base_url() -> str:
    return os.environ.get("KOERS_TEST_POSTGRES_URL", DEFAULT_PG)


def _postgres_available(url: str) -> str | None:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except (OperationalError, OSError) as exc:
        return f"no PostgreSQL server answers at {url.split('@')[-1]}: {type(exc).__name__}"
    return None


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL base URL, or skip with the reason when no server answers."""
    base = _postgres_base_url()
    reason = _postgres_available(base)
    if reason:
        pytest.skip(reason)
    return base


class PostgresSchemas:
    """Creates a fresh schema per use and drops them all at the end of the session."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.admin = create_engine(base)
        self.created: list[str] = []

    def new_url(self) -> str:
        schema = f"koers_test_{uuid.uuid4().hex[:10]}"
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        self.created.append(schema)
        separator = "&" if "?" in self.base else "?"
        return f"{self.base}{separator}options=-csearch_path%3D{schema}"

    def drop_all(self) -> None:
        with self.admin.begin() as conn:
            for schema in self.created:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_schemas(postgres_server: str) -> Iterator[PostgresSchemas]:
    schemas = PostgresSchemas(postgres_server)
    yield schemas
    schemas.drop_all()


def make_database(backend: str, tmp: Path, request: pytest.FixtureRequest) -> Database:
    """A new, empty database of ``backend`` (a SQLite file or a fresh PostgreSQL schema)."""
    if backend == "sqlite":
        return Database(f"sqlite:///{tmp / 'koers.sqlite3'}")
    schemas: PostgresSchemas = request.getfixturevalue("postgres_schemas")
    return Database(schemas.new_url())


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def loaded_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """A database with the whole bundled ESCO loaded, shared by the read-only tests."""
    database = make_database(request.param, tmp_path_factory.mktemp(request.param), request)
    TaxonomyService(database).load()
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def sqlite_loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('sqlite-only') / 'k.sqlite3'}")
    TaxonomyService(database).load()
    yield database
    database.dispose()


@pytest.fixture()
def taxonomy(loaded_database: Database) -> TaxonomyService:
    return TaxonomyService(loaded_database)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, environment="test")
