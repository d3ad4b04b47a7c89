"""Wiring for CLI commands: settings → the composition root, built once per command."""

from __future__ import annotations

from functools import lru_cache

from koers.bootstrap import Services, build_services
from koers.config import Settings
from koers.logging import configure_logging


@lru_cache(maxsize=1)
def settings() -> Settings:
    configure_logging("WARNING")
    return Settings()


@lru_cache(maxsize=1)
def services() -> Services:
    """Every service of this command, from ``koers.bootstrap``."""
    return build_services(settings())


def reset() -> None:
    """Forget the settings and services, closing the database (tests that change ``KOERS_*``
    between commands in one process)."""
    if services.cache_info().currsize:
        services().database.dispose()
    services.cache_clear()
    settings.cache_clear()
