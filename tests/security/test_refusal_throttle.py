"""Throttle of refused personal-data reads per actor: in the gate, the API (429 problem+json
with Retry-After) and the web (a Dutch 429 page)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from koers.access import (
    ConsentRequired,
    GranteeKind,
    Purpose,
    Reason,
    Resource,
    TooManyRefusals,
)
from koers.app import create_app
from koers.config import Settings
from koers.services.portfolio import PortfolioService
from koers.store.db import Database
from koers.store.repositories.accounts import AuditLog
from tests.access.world import World, build_world
from tests.security.conftest import api_login, web_login

ROUTE = "/tests/refusal-throttle"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def coach_entries(database: Database, coach_id: str) -> list[tuple[str, bool, str]]:
    with database.session() as session:
        entries = AuditLog(session).query(actor_id=coach_id, limit=1000)
    return [(e.subject_id, e.allowed, e.reason.value) for e in reversed(entries)]


def grant(world: World, coach_email: str, until: date) -> None:
    world.consents.grant_consent(
        world.citizen, GranteeKind.USER, coach_email, [Resource.CONTACT], until, ROUTE
    )


def test_probing_coach_is_stopped_with_one_audit_entry_per_episode(
    app_db: Database, settings: Settings
) -> None:
    clock = Clock()
    world = build_world(app_db, settings, clock=clock)
    service, coach = world.personal_data, world.coach.actor()
    limit = settings.refused_reads_max
    assert limit == 20  # the default under test; more ids than that are probed below
    probed = [secrets.token_hex(16) for _ in range(25)]
    outcomes: list[str] = []
    for owner_id in probed:
        clock.now += timedelta(seconds=5)
        try:
            service.contact_of(coach, owner_id, Purpose.COACHING, ROUTE)
        except ConsentRequired:
            outcomes.append("refused")
        except TooManyRefusals as exc:
            assert exc.status == 429 and exc.code == "too_many_refusals"
            assert exc.message == "too many refused requests; try again in 15 minutes"
            assert 0 < exc.retry_after <= settings.refused_reads_cooldown_minutes * 60
            outcomes.append("throttled")
    assert outcomes == ["refused"] * limit + ["throttled"] * (25 - limit)

    entries = coach_entries(app_db, world.coach.id)
    assert entries[:limit] == [(o, False, Reason.NO_CONSENT.value) for o in probed[:limit]]
    assert entries[limit:] == [(probed[limit], False, Reason.THROTTLED.value)]  # one, not five

    # while stopped: a valid consent does not help, nothing more is written, own data is free,
    # and another coach is not affected
    grant(world, world.coach.email, (T0 + timedelta(days=30)).date())
    with pytest.raises(TooManyRefusals):
        service.contact_of(coach, world.citizen.id, Purpose.COACHING, ROUTE)
    assert len(coach_entries(app_db, world.coach.id)) == limit + 1
    own = service.gate.read(coach, world.coach.id, Resource.CONTACT, Purpose.SELF, ROUTE)
    assert own.allowed and own.reason is Reason.OWNER
    with pytest.raises(ConsentRequired):
        service.contact_of(world.coach2.actor(), probed[0], Purpose.COACHING, ROUTE)

    # after the cool-down the consent works again, and the count starts from zero
    clock.now += timedelta(minutes=settings.refused_reads_cooldown_minutes)
    card = service.contact_of(coach, world.citizen.id, Purpose.COACHING, ROUTE)
    assert card.user_id == world.citizen.id
    assert coach_entries(app_db, world.coach.id)[-1] == (world.citizen.id, True, "consent")
    with pytest.raises(ConsentRequired):
        service.contact_of(coach, probed[0], Purpose.COACHING, ROUTE)

    # a second stop is a second episode with its own single entry
    for owner_id in probed[1:limit]:
        with pytest.raises(ConsentRequired):
            service.contact_of(coach, owner_id, Purpose.COACHING, ROUTE)
    for owner_id in probed[:3]:
        with pytest.raises(TooManyRefusals):
            service.contact_of(coach, owner_id, Purpose.COACHING, ROUTE)
    reasons = [reason for _, _, reason in coach_entries(app_db, world.coach.id)]
    assert reasons.count(Reason.THROTTLED.value) == 2


def test_refusals_spread_over_more_than_the_window_do_not_stop(
    app_db: Database, settings: Settings
) -> None:
    clock = Clock()
    world = build_world(app_db, settings, clock=clock)
    spacing = timedelta(minutes=settings.refused_reads_window_minutes) / (
        settings.refused_reads_max - 1
    )
    for _ in range(3 * settings.refused_reads_max):
        clock.now += spacing + timedelta(seconds=1)
        with pytest.raises(ConsentRequired):
            world.personal_data.contact_of(
                world.employer_a.actor(), secrets.token_hex(16), Purpose.EMPLOYABILITY, ROUTE
            )


@pytest.fixture()
def small_settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        environment="test",
        refused_reads_max=3,
        refused_reads_window_minutes=10,
        refused_reads_cooldown_minutes=7,
    )


@pytest.fixture()
def small_app(
    app_db: Database, small_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> tuple[TestClient, World]:
    # the CV skill extractor is not needed here; the app builds its own services otherwise,
    # so this also checks that the portfolio pages share the accounts' throttle
    noop: Callable[[PortfolioService], None] = lambda _self: None  # noqa: E731
    monkeypatch.setattr(PortfolioService, "warm_up", noop)
    world = build_world(app_db, small_settings)
    app = create_app(small_settings, app_db)
    return TestClient(app), world


def test_api_answers_429_problem_with_retry_after(small_app: tuple[TestClient, World]) -> None:
    client, world = small_app
    api_login(client, world.coach.email)
    statuses = []
    for _ in range(5):
        response = client.get(
            f"/api/v1/accounts/{secrets.token_hex(16)}/contact", params={"purpose": "coaching"}
        )
        statuses.append(response.status_code)
    assert statuses == [403, 403, 403, 429, 429]
    assert response.headers["content-type"].startswith("application/problem+json")
    assert 400 < int(response.headers["Retry-After"]) <= 7 * 60
    body = response.json()
    assert body["status"] == 429
    assert body["code"] == "too_many_refusals"
    assert body["type"].endswith("/too_many_refusals")
    assert body["detail"] == "too many refused requests; try again in 7 minutes"
    # own data is never throttled
    assert client.get("/api/v1/accounts/me").status_code == 200


def test_coach_client_page_answers_429_in_dutch(small_app: tuple[TestClient, World]) -> None:
    client, world = small_app
    web_login(client, world.coach.email)
    statuses = [client.get(f"/coach/client/{secrets.token_hex(16)}").status_code for _ in range(4)]
    assert statuses == [403, 403, 403, 429]
    grant(world, world.coach.email, date.today() + timedelta(days=30))  # consent: still 429
    page = client.get(f"/coach/client/{world.citizen.id}")
    assert page.status_code == 429
    assert page.headers["content-type"].startswith("text/html")
    assert "Retry-After" in page.headers
    assert "Je vroeg te vaak gegevens op waar je geen toegang toe hebt." in page.text
    assert "Probeer het over 7 minuten opnieuw." in page.text
    assert '<html lang="nl"' in page.text
    english = client.get(f"/coach/client/{world.citizen.id}", params={"lang": "en"})
    assert english.status_code == 429
    assert "Try again in 7 minutes." in english.text
