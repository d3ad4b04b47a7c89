"""The real accounts gate guards stored portfolios: owner yes, coach only with consent, audit."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from koers.access import ConsentRequired, GranteeKind, Purpose, Resource, Role
from koers.bootstrap import build_services
from koers.config import Settings
from koers.portfolio.tests.fixtures import demo
from koers.store.db import Database
from koers.store.migrate import upgrade


class AnyCatalogue:
    """URIs of the fixtures are fictitious: accept every URI (this test is about access)."""

    def knows(self, uri: str) -> bool:
        return True

    def profile(self, uri: str) -> object:
        return object()

    def essential_skills(self, uri: str) -> frozenset[str]:
        return frozenset()


def test_coach_reads_only_with_consent_and_it_is_audited(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    upgrade(database)
    settings = Settings(data_dir=tmp_path, environment="test")
    services = build_services(settings, database)
    accounts = services.accounts
    citizen = accounts.register("burger@example.org", "een lang wachtwoord 123", "Burger")
    coach = accounts.register(
        "coach@example.org", "een lang wachtwoord 456", "Coach", role=Role.COACH
    )
    service = services.portfolios
    service.catalogue = lambda lang="nl": AnyCatalogue()  # type: ignore[method-assign,assignment,return-value]
    stored = service.create(citizen.id, demo())
    route = "/tests/portfolio"
    assert service.load(stored.id, citizen.actor(), Purpose.SELF, route).portfolio == demo()
    with pytest.raises(ConsentRequired):
        service.load(stored.id, coach.actor(), Purpose.COACHING, route)
    services.consents.grant_consent(
        citizen,
        GranteeKind.USER,
        "coach@example.org",
        [Resource.PORTFOLIO],
        date.today() + timedelta(days=30),
        route,
    )
    assert service.load(stored.id, coach.actor(), Purpose.COACHING, route).portfolio == demo()
    audit = services.personal_data.audit_about(citizen.actor(), citizen.id, route)
    rows = [a.entry for a in audit if a.entry.resource is Resource.PORTFOLIO]
    assert [r.allowed for r in rows] == [True, False]  # newest first: allowed, then refused
    assert all(r.actor_id == coach.id for r in rows)
