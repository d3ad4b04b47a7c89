"""Login throttling per account and per network address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from koers.config import Settings
from tests.access.world import PASSWORD, build_world


def test_account_is_locked_after_repeated_failures_even_for_the_right_password(
    app_db, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from koers.access import InvalidCredentials, TooManyAttempts

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    world = build_world(app_db, settings, clock=lambda: now[0])
    service = world.sessions
    for i in range(settings.login_max_failures):
        with pytest.raises(InvalidCredentials):
            service.login(world.citizen.email, "fout wachtwoord", f"198.51.100.{i}")
    with pytest.raises(TooManyAttempts):
        service.login(world.citizen.email, PASSWORD, "198.51.100.99")
    # another account from the same addresses is not affected
    assert service.login(world.citizen2.email, PASSWORD, "198.51.100.1").account.id
    now[0] += timedelta(minutes=settings.login_window_minutes + 1)
    assert service.login(world.citizen.email, PASSWORD, "198.51.100.99").account.id


def test_address_is_locked_after_failures_across_accounts(app_db, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from koers.access import InvalidCredentials, TooManyAttempts

    world = build_world(app_db, settings)
    service = world.sessions
    for i in range(settings.login_ip_max_failures):
        with pytest.raises(InvalidCredentials):
            service.login(f"raden{i}@test.koers.example", "fout wachtwoord", "203.0.113.7")
    with pytest.raises(TooManyAttempts):
        service.login(world.citizen.email, PASSWORD, "203.0.113.7")
    assert service.login(world.citizen.email, PASSWORD, "203.0.113.8").account.id


def test_web_and_api_answer_429_without_saying_whether_the_account_exists(app, world) -> None:  # type: ignore[no-untyped-def]
    from tests.security.conftest import new_client

    client = new_client(app)
    statuses = []
    for _ in range(6):
        r = client.post(
            "/api/v1/accounts/login", json={"email": world.citizen.email, "password": "fout-fout-1"}
        )
        statuses.append(r.status_code)
    assert statuses == [401] * 5 + [429]
    unknown = [
        client.post(
            "/api/v1/accounts/login", json={"email": "niemand@test.koers.example", "password": "x"}
        ).json()["detail"]
        for _ in range(1)
    ]
    known_wrong = new_client(app).post(
        "/api/v1/accounts/login", json={"email": world.citizen2.email, "password": "fout-fout-1"}
    )
    assert unknown[0] == known_wrong.json()["detail"]
    from tests.security.conftest import form_token

    token = form_token(client, "/inloggen")
    page = client.post(
        "/inloggen", data={"email": world.citizen.email, "password": PASSWORD, "csrf_token": token}
    )
    assert page.status_code == 429
    assert "Te veel pogingen" in page.text
