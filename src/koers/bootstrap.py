"""The composition root: every service of the platform, built once from the settings.

The web app (``koers.app.create_app``), ``koers serve`` and every CLI command get their
services here and nowhere else, so each service exists once per process and shares its caches
(search index, occupation catalogue, title mappings, label vectors) with every caller. Tests
replace a part by handing it to :func:`build_services` (or through FastAPI's
``dependency_overrides``), never by writing to ``app.state``.

Who may see which personal data, and how export and erasure reach every table that holds it,
is decided here too: :func:`build_services` builds the one personal-data gate and hands the
personal-data service the section of every domain that stores a person's data
(:func:`personal_data_sections`; ``tests/access/test_personal_data_coverage.py`` checks that
they cover every table that holds personal data).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from argon2 import PasswordHasher

from koers.check import ActionPlanRegistry, ForecastSource
from koers.config import Settings
from koers.portfolio import SkillFinder
from koers.services.accounts import AccountService
from koers.services.audit import AuditRetentionService
from koers.services.check import CheckService
from koers.services.consent import ConsentService
from koers.services.extraction import ExtractionService
from koers.services.forecast import ForecastService
from koers.services.oidc import OidcClient
from koers.services.personal_data import (
    PersonalDataSection,
    PersonalDataService,
    personal_data_gate,
)
from koers.services.portfolio import PortfolioSection, PortfolioService
from koers.services.sessions import SessionService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from koers.store.repositories.accounts import Clock, utcnow


def personal_data_sections() -> list[PersonalDataSection]:
    """Every domain's part of a person's data: a domain that stores personal data adds its
    section here, or the coverage test fails."""
    return [PortfolioSection()]


@dataclass(frozen=True)
class Services:
    """The platform's services, one of each per process."""

    settings: Settings
    database: Database
    taxonomy: TaxonomyService
    extraction: ExtractionService
    forecasts: ForecastService
    checks: CheckService
    accounts: AccountService
    sessions: SessionService
    consents: ConsentService
    personal_data: PersonalDataService
    portfolios: PortfolioService
    audit: AuditRetentionService
    oidc: OidcClient

    def warm_up(self, hybrid: bool = True) -> list[threading.Thread]:
        """Build the shared read-only parts in the background so that no visitor waits: the
        occupation catalogue and the VDAB title mappings (seconds), the CV skill finder, and
        (``hybrid``) the extractor's label vectors (minutes the very first time, then read
        from ``<data_dir>/cache/extraction``)."""
        cache = self.settings.data_dir / "cache" / "extraction"
        threads = [self.checks.warm_up(), self.extraction.warm_up(cache, hybrid=hybrid)]
        self.portfolios.warm_up()
        return threads


def build_services(
    settings: Settings,
    database: Database | None = None,
    *,
    outlooks: ForecastSource | None = None,
    finder: SkillFinder | None = None,
    extraction: ExtractionService | None = None,
    clock: Clock = utcnow,
    hasher: PasswordHasher | None = None,
    oidc: OidcClient | None = None,
) -> Services:
    """Every service, wired once. Nothing connects or starts a thread here.

    Args:
        settings: the one settings object.
        database: the store; default the one the settings name.
        outlooks: fixed forecast outlooks for the checks instead of the latest stored run
            (tests and benchmarks).
        finder: the CV skill finder instead of one over ``extraction`` (tests).
        extraction: the skill extraction service (tests hand in one with a fake encoder).
        clock: the time of the account-side services (tests hand in a fake one).
        hasher: the password hasher (tests hand in one with cheap argon2id parameters).
        oidc: the OpenID Connect client (tests hand in one with a fake issuer).
    """
    database = database or Database.from_settings(settings)
    taxonomy = TaxonomyService(database)
    extraction = extraction or ExtractionService()
    forecasts = ForecastService(database, taxonomy)
    # Recommenders, rights and programmes register their suggesters for the action plans here.
    suggesters = ActionPlanRegistry()
    checks = CheckService(taxonomy, forecast=outlooks, suggesters=suggesters, forecasts=forecasts)
    accounts = AccountService(database, settings, clock=clock, hasher=hasher)
    sessions = SessionService(accounts)
    gate = personal_data_gate(accounts)
    portfolios = PortfolioService(
        database, checks, gate=gate, extraction=extraction, finder=finder, clock=clock
    )
    return Services(
        settings=settings,
        database=database,
        taxonomy=taxonomy,
        extraction=extraction,
        forecasts=forecasts,
        checks=checks,
        accounts=accounts,
        sessions=sessions,
        consents=ConsentService(accounts),
        personal_data=PersonalDataService(
            accounts, sessions, gate, portfolios, sections=personal_data_sections()
        ),
        portfolios=portfolios,
        audit=AuditRetentionService(database, settings),
        oidc=oidc or OidcClient(settings),
    )
