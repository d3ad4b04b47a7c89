"""Fixtures of the portfolio tests."""

from __future__ import annotations

import pytest

from koers.config import Settings
from koers.store.db import Database
from tests.portfolio.websupport import Web, make_web


@pytest.fixture()
def web(sqlite_loaded: Database, settings: Settings) -> Web:
    return make_web(sqlite_loaded, settings)
