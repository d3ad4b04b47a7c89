"""``koers demo seed`` gives the demo citizen the fictitious demo portfolio, once."""

from __future__ import annotations

import shutil
from pathlib import Path

from koers.access import Purpose
from koers.cli.demo import DEMO_DOMAIN, seed, seed_portfolio
from koers.config import Settings
from koers.services.accounts import AccountService
from koers.services.check import CheckService
from koers.services.consent import ConsentService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from tests.access.world import FAST_HASHER


def test_demo_citizen_gets_the_sample_portfolio_once(
    sqlite_loaded: Database, tmp_path: Path
) -> None:
    source = sqlite_loaded.engine.url.database
    assert source is not None
    shutil.copy(source, tmp_path / "copy.sqlite3")  # keep the shared database free of demo users
    database = Database(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    accounts = AccountService(database, Settings(data_dir=tmp_path), hasher=FAST_HASHER)
    seed(accounts, ConsentService(accounts), "test", "Demo wachtwoord 2026")
    portfolios = PortfolioService(database, CheckService(TaxonomyService(database)))
    assert seed_portfolio(accounts, portfolios) is True
    assert seed_portfolio(accounts, portfolios) is False  # a second seed keeps the stored one
    citizen = accounts.find_by_email(f"burger@{DEMO_DOMAIN}")
    assert citizen is not None
    ids = portfolios.portfolios_of(citizen.id, citizen.actor(), Purpose.SELF, "test")
    assert len(ids) == 1
    stored = portfolios.load(ids[0], citizen.actor(), Purpose.SELF, "test")
    assert stored.portfolio.sample and stored.portfolio.claims
    database.dispose()


def test_no_portfolio_without_taxonomy(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    accounts = AccountService(database, Settings(data_dir=tmp_path), hasher=FAST_HASHER)
    seed(accounts, ConsentService(accounts), "test", "Demo wachtwoord 2026")
    portfolios = PortfolioService(database, CheckService(TaxonomyService(database)))
    assert seed_portfolio(accounts, portfolios) is False
    database.dispose()
