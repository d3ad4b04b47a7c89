"""GDPR export and erasure, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import String, Text, select

from koers.access import Action, GranteeKind, Purpose, Resource
from koers.errors import InvalidInput
from koers.portfolio.europass import CONTEXT
from koers.store.db import Base
from koers.store.repositories.accounts import AuditLog
from tests.access.world import World


def _consent(world: World) -> None:
    world.consents.grant_consent(
        world.citizen,
        GranteeKind.USER,
        world.coach.email,
        [Resource.PORTFOLIO, Resource.CONTACT],
        date.today() + timedelta(days=30),
        "test",
    )


def test_export_holds_everything_and_is_json(world: World) -> None:
    _consent(world)
    world.personal_data.contact_of(world.coach.actor(), world.citizen.id, Purpose.COACHING, "t")
    data = world.personal_data.export(world.citizen, "test")
    json.dumps(data)
    assert data["account"]["email"] == world.citizen.email
    assert data["account"]["display_name"] == "An Peeters"
    assert data["consents_given"][0]["grantee_name"] == "Carla Coach"
    assert any(e["actor_id"] == world.coach.id for e in data["audit_about_me"])
    assert "password_hash" not in json.dumps(data)
    coach_export = world.personal_data.export(world.coach, "test")
    assert coach_export["consents_received"][0]["owner_id"] == world.citizen.id
    assert any(e["subject_id"] == world.citizen.id for e in coach_export["audit_my_actions"])


def test_europass_export_without_a_stored_portfolio_is_an_elm_person(world: World) -> None:
    """The same ELM JSON-LD as the portfolio download; with claims: test_europass_export.py."""
    doc = world.personal_data.export_europass(world.citizen, "test")
    assert doc["type"] == "Person"
    assert doc["@context"] == CONTEXT
    assert doc["fullName"] == {"nl": "An Peeters"}
    assert doc["hasClaim"] == []


def test_erasure_needs_the_confirmation_word(world: World) -> None:
    with pytest.raises(InvalidInput):
        world.personal_data.erase(world.citizen, "ja", "test")
    assert world.accounts.get(world.citizen.id)


def _all_text(world: World) -> str:
    """Every text column of every table of the whole database, as one string."""
    chunks = []
    with world.accounts.database.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if not columns:
                continue
            try:
                rows = session.execute(select(*columns)).all()
            except Exception:
                session.rollback()
                continue
            chunks.extend(str(v) for row in rows for v in row if v is not None)
    return "\n".join(chunks)


def test_erasure_removes_personal_data_and_keeps_a_pseudonymous_audit_log(world: World) -> None:
    _consent(world)
    world.personal_data.contact_of(world.coach.actor(), world.citizen.id, Purpose.COACHING, "t")
    session = world.sessions.login(world.citizen.email, "Test wachtwoord 2026!", "192.0.2.9")
    world.personal_data.erase(world.citizen, "verwijder", "test")

    assert world.sessions.session_account(session.token) is None
    assert world.accounts.find_by_email(world.citizen.email) is None
    assert world.consents.consents_received(world.coach) == []
    everything = _all_text(world)
    assert world.citizen.email not in everything
    assert "An Peeters" not in everything
    with world.accounts.database.session() as s:
        kept = AuditLog(s).query(subject_id=world.citizen.id)
    assert kept, "the audit log is kept"
    assert kept[0].action is Action.ERASE
    assert any(e.actor_id == world.coach.id for e in kept)
    # the coach's "who looked" view of an erased actor shows no name
    world.personal_data.erase(world.coach, "VERWIJDER", "test")
    views = world.personal_data.audit_about(
        world.admin.actor(), world.citizen.id, "t", Purpose.SUPERVISION
    )
    assert all(v.actor_name is None for v in views if v.entry.actor_id == world.coach.id)
