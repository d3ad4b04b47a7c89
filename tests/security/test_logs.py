"""No personal data in the logs: register, log in, fail, consent, be refused, export, erase."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from koers.access import GranteeKind, Resource
from koers.logging import JsonFormatter
from tests.access.world import PASSWORD, World
from tests.security.conftest import api_login, form_token, new_client, web_login


@pytest.fixture()
def captured() -> Iterator[list[logging.LogRecord]]:
    """Every record of every logger, at DEBUG (the ``koers`` logger does not propagate)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    loggers = [logging.getLogger(), logging.getLogger("koers")]
    old_levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    yield records
    for lg, level in zip(loggers, old_levels, strict=True):
        lg.removeHandler(handler)
        lg.setLevel(level)


def test_no_email_name_password_or_token_in_logs(
    app, world: World, captured: list[logging.LogRecord]
) -> None:  # type: ignore[no-untyped-def]
    name, email, password = "Zoë Vandermeulen", "zoe.vandermeulen@test.koers.example", PASSWORD
    client = new_client(app)
    token = form_token(client, "/registreren")
    client.post(
        "/registreren",
        data={
            "email": email,
            "display_name": name,
            "password": password,
            "password2": password,
            "csrf_token": token,
        },
    )
    session_token = client.cookies.get("koers_session") or "no-session"
    client.post("/api/v1/accounts/login", json={"email": email, "password": "verkeerd wachtwoord"})
    client.post(
        "/api/v1/accounts/login",
        json={"email": "onbekend.persoon@test.koers.example", "password": "verkeerd wachtwoord"},
    )
    web_login(client, email)
    me = world.accounts.find_by_email(email)
    assert me is not None
    consent = world.consents.grant_consent(
        me,
        GranteeKind.USER,
        world.coach.email,
        [Resource.CONTACT],
        date.today() + timedelta(days=10),
        "test",
    )
    intruder = new_client(app)
    api_login(intruder, world.coach2.email)
    intruder.get(f"/api/v1/accounts/{me.id}/contact", params={"purpose": "coaching"})
    coach = new_client(app)
    api_login(coach, world.coach.email)
    coach.get(f"/api/v1/accounts/{me.id}/contact", params={"purpose": "coaching"})
    world.consents.withdraw_consent(me, consent.id, "test")
    client.get("/api/v1/me/export")
    client.get("/mijn-gegevens/wie-keek")
    token = form_token(client, "/mijn-gegevens/verwijderen")
    client.post("/mijn-gegevens/verwijderen", data={"confirm": "VERWIJDER", "csrf_token": token})

    formatter = JsonFormatter()
    text = "\n".join(formatter.format(r) + " " + repr(r.__dict__) for r in captured)
    events = {r.getMessage() for r in captured}
    # guard: the capture sees what happened
    assert {
        "accounts.registered",
        "accounts.login_failed",
        "accounts.consent_granted",
        "accounts.erased",
    } <= events
    for secret in [
        email,
        "zoe.vandermeulen",
        name,
        "Vandermeulen",
        password,
        session_token,
        "onbekend.persoon",
        world.coach.email,
        "Carla Coach",
        "testclient",
    ]:
        assert secret not in text, f"personal data in logs: {secret!r}"
