"""GDPR export and erasure, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import String, Text, select

from koers.access import Action, GranteeKind, Purpose, Resource
from koers.errors import InvalidInput
from koers.store.db import Base
from koers.store.repositories.accounts import AuditLog
from tests.access.world import World


def _consent(world: World) -> None:
    world.service.grant_consent(
        world.citizen,
        GranteeKind.USER,
        world.coach.email,
        [Resource.PORTFOLIO, Resource.CONTACT],
        date.today() + timedelta(days=30),
        "test",
    )


def test_export_holds_everything_and_is_json(world: World) -> None:
    _consent(world)
    world.service.contact_of(world.coach.actor(), world.citizen.id, Purpose.COACHING, "t")
    data = world.service.export(world.citizen, "test")
    json.dumps(data)
    assert data["account"]["email"] == world.citizen.email
    assert data["account"]["display_name"] == "An Peeters"
    assert data["consents_given"][0]["grantee_name"] == "Carla Coach"
    assert any(e["actor_id"] == world.coach.id for e in data["audit_about_me"])
    assert "password_hash" not in json.dumps(data)
    coach_export = world.service.export(world.coach, "test")
    assert coach_export["consents_received"][0]["owner_id"] == world.citizen.id
    assert any(e["subject_id"] == world.citizen.id for e in coach_export["audit_my_actions"])


def test_europass_export_is_json_ld_with_the_person(world: World) -> None:
    doc = world.service.export_europass(world.citizen, "test")
    assert doc["@type"] == "Person"
    assert doc["@context"]["elm"] == "http://data.europa.eu/snb/model/elm/"
    assert doc["fullName"] == "An Peeters"
    assert doc["contactPoint"][0]["emailAddress"] == world.citizen.email


def test_erasure_needs_the_confirmation_word(world: World) -> None:
    with pytest.raises(InvalidInput):
        world.service.erase(world.citizen, "ja", "test")
    assert world.service.get(world.citizen.id)


def _all_text(world: World) -> str:
    """Every text column of every table of the whole database, as one string."""
    chunks = []
    with world.service.database.session() as session:
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
    world.service.contact_of(world.coach.actor(), world.citizen.id, Purpose.COACHING, "t")
    session = world.service.login(world.citizen.email, "Test wachtwoord 2026!", "192.0.2.9")
    world.service.erase(world.citizen, "verwijder", "test")

    assert world.service.session_account(session.token) is None
    assert world.service.find_by_email(world.citizen.email) is None
    assert world.service.consents_received(world.coach) == []
    everything = _all_text(world)
    assert world.citizen.email not in everything
    assert "An Peeters" not in everything
    with world.service.database.session() as s:
        kept = AuditLog(s).query(subject_id=world.citizen.id)
    assert kept, "the audit log is kept"
    assert kept[0].action is Action.ERASE
    assert any(e.actor_id == world.coach.id for e in kept)
    # the coach's "who looked" view of an erased actor shows no name
    world.service.erase(world.coach, "VERWIJDER", "test")
    views = world.service.audit_about(
        world.admin.actor(), world.citizen.id, "t", Purpose.SUPERVISION
    )
    assert all(v.actor_name is None for v in views if v.entry.actor_id == world.coach.id)
