"""Wiring for CLI commands: settings → database → services, built once per command."""

from __future__ import annotations

from functools import lru_cache

from koers.config import Settings
from koers.logging import configure_logging
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database


@lru_cache(maxsize=1)
def settings() -> Settings:
    configure_logging("WARNING")
    return Settings()


@lru_cache(maxsize=1)
def database() -> Database:
    return Database.from_settings(settings())


def taxonomy_service() -> TaxonomyService:
    return TaxonomyService(database())
