"""A small cast of fictitious people for access tests: one per role, two organisations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher

from koers.access import Account, Organisation, OrganisationKind, Role
from koers.bootstrap import Services, build_services
from koers.config import Settings
from koers.services.accounts import AccountService
from koers.services.consent import ConsentService
from koers.services.personal_data import PersonalDataService
from koers.services.sessions import SessionService
from koers.store.db import Database
from koers.store.repositories.accounts import utcnow

FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""Cheap argon2id parameters for tests only (production uses the library defaults)."""

PASSWORD = "Test wachtwoord 2026!"


@dataclass
class World:
    services: Services
    """Built by the composition root, so a test app (``create_app(services=...)``) shares the
    world's clock, password hasher and refused-reads throttle."""
    citizen: Account
    citizen2: Account
    coach: Account
    coach2: Account
    employer_a: Account
    employer_b: Account
    provider: Account
    analyst: Account
    admin: Account
    org_a: Organisation
    org_b: Organisation
    provider_org: Organisation

    @property
    def accounts(self) -> AccountService:
        return self.services.accounts

    @property
    def sessions(self) -> SessionService:
        return self.services.sessions

    @property
    def consents(self) -> ConsentService:
        return self.services.consents

    @property
    def personal_data(self) -> PersonalDataService:
        return self.services.personal_data


def build_world(
    database: Database, settings: Settings, clock: Callable[[], datetime] = utcnow
) -> World:
    services = build_services(settings, database, clock=clock, hasher=FAST_HASHER)
    service = services.accounts

    def person(local: str, name: str, role: Role) -> Account:
        return service.register(f"{local}@test.koers.example", PASSWORD, name, role)

    org_a = service.create_organisation("Bedrijf A (test)", OrganisationKind.EMPLOYER)
    org_b = service.create_organisation("Bedrijf B (test)", OrganisationKind.EMPLOYER)
    provider_org = service.create_organisation("Opleider C (test)", OrganisationKind.PROVIDER)
    employer_a = person("hr.a", "Hanne HR A", Role.EMPLOYER)
    employer_b = person("hr.b", "Hugo HR B", Role.EMPLOYER)
    provider = person("opleider", "Olga Opleider", Role.PROVIDER)
    service.add_member(employer_a.id, org_a.id)
    service.add_member(employer_b.id, org_b.id)
    service.add_member(provider.id, provider_org.id)
    return World(
        services=services,
        citizen=person("an.peeters", "An Peeters", Role.CITIZEN),
        citizen2=person("bert.claes", "Bert Claes", Role.CITIZEN),
        coach=person("coach.carla", "Carla Coach", Role.COACH),
        coach2=person("coach.dirk", "Dirk Coach", Role.COACH),
        employer_a=service.get(employer_a.id),
        employer_b=service.get(employer_b.id),
        provider=service.get(provider.id),
        analyst=person("analist", "Ali Analist", Role.ANALYST),
        admin=person("beheer", "Bea Beheer", Role.ADMIN),
        org_a=org_a,
        org_b=org_b,
        provider_org=provider_org,
    )
