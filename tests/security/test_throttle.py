"""Login throttling per account and per network address."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from koers.config import Settings
from tests.access.world import PASSWORD, build_world


def test_account_waits_at_one_address_after_repeated_failures_even_for_the_right_password(
    app_db, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from koers.access import InvalidCredentials, TooManyAttempts

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    world = build_world(app_db, settings, clock=lambda: now[0])
    service = world.sessions
    for _ in range(settings.login_max_failures):
        with pytest.raises(InvalidCredentials):
            service.login(world.citizen.email, "fout wachtwoord", "198.51.100.1")
    with pytest.raises(TooManyAttempts) as stopped:
        service.login(world.citizen.email, PASSWORD, "198.51.100.1")
    assert stopped.value.retry_after == settings.login_backoff_seconds
    # another account from the same address is not affected, nor this account elsewhere
    assert service.login(world.citizen2.email, PASSWORD, "198.51.100.1").account.id
    assert service.login(world.citizen.email, PASSWORD, "198.51.100.2").account.id
    now[0] += timedelta(seconds=settings.login_backoff_seconds)
    assert service.login(world.citizen.email, PASSWORD, "198.51.100.1").account.id


def test_a_stranger_cannot_lock_the_owner_out(app_db, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 fault 6: five wrong passwords by someone else used to lock the owner out for
    15 minutes. Now the stranger waits at their address; the owner signs in from theirs."""
    import pytest

    from koers.access import InvalidCredentials, TooManyAttempts

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    world = build_world(app_db, settings, clock=lambda: now[0])
    service = world.sessions
    for _ in range(settings.login_max_failures):
        with pytest.raises(InvalidCredentials):
            service.login(world.citizen.email, "fout wachtwoord", "203.0.113.66")
    for _ in range(3):
        with pytest.raises(TooManyAttempts):
            service.login(world.citizen.email, "nog eens fout", "203.0.113.66")
    assert service.login(world.citizen.email, PASSWORD, "198.51.100.20").account.id


def test_the_wait_doubles_with_every_further_failure_up_to_the_cap(
    app_db, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from koers.access import InvalidCredentials, TooManyAttempts

    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    world = build_world(app_db, settings, clock=lambda: now[0])
    service = world.sessions
    ip = "192.0.2.9"
    for _ in range(settings.login_max_failures):
        with pytest.raises(InvalidCredentials):
            service.login(world.citizen.email, "fout wachtwoord", ip)
    waits = []
    for _ in range(8):
        with pytest.raises(TooManyAttempts) as stopped:
            service.login(world.citizen.email, "fout wachtwoord", ip)
        waits.append(stopped.value.retry_after)
        now[0] += timedelta(seconds=stopped.value.retry_after)  # wait it out, then fail again
        with pytest.raises(InvalidCredentials):
            service.login(world.citizen.email, "fout wachtwoord", ip)
    first, cap = settings.login_backoff_seconds, settings.login_backoff_max_minutes * 60
    assert waits == [min(first * 2**i, cap) for i in range(8)]
    assert waits[-1] == cap
    # a successful login (after the wait) clears the count
    now[0] += timedelta(seconds=cap)
    assert service.login(world.citizen.email, PASSWORD, ip).account.id
    with pytest.raises(InvalidCredentials):
        service.login(world.citizen.email, "fout wachtwoord", ip)


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
    assert r.headers["Retry-After"] == "30"  # the first wait of the backoff, in seconds
    assert r.json()["code"] == "too_many_attempts"
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
    assert "Probeer het over 1 min. opnieuw." in page.text
    assert 0 < int(page.headers["Retry-After"]) <= 30
