"""The web app the portfolio page tests drive: one place for how it is built (not a test file)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient

from koers.app import create_app
from koers.bootstrap import Services, build_services
from koers.config import Settings
from koers.portfolio.ports import SkillFinder
from koers.services.accounts import AccountService
from koers.services.consent import ConsentService
from koers.services.personal_data import PersonalDataService
from koers.services.portfolio import PortfolioService
from koers.store.db import Database


@dataclass
class Web:
    client: TestClient
    services: Services

    @property
    def portfolios(self) -> PortfolioService:
        return self.services.portfolios

    @property
    def accounts(self) -> AccountService:
        return self.services.accounts

    @property
    def consents(self) -> ConsentService:
        return self.services.consents

    @property
    def personal_data(self) -> PersonalDataService:
        return self.services.personal_data


def make_web(database: Database, settings: Settings, finder: SkillFinder | None = None) -> Web:
    """The app on ``database``; its portfolio service gets ``finder`` (no CV extractor warm-up
    when none is given, so the tests never build the real extractor by accident)."""
    services = build_services(settings, database, finder=finder)
    app = create_app(services=services)
    return Web(TestClient(app), services)
