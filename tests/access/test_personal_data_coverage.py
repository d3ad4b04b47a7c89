"""Every table that holds personal data is covered by the GDPR export and erasure.

Each ORM table declares in its ``__table_args__`` what it holds (``koers.store.personal_data``):
``personal(section)`` or ``not_personal(why)``. The tests below fail when

1. a table declares nothing (``test_every_table_says_whether_it_holds_personal_data``);
2. a personal-data table names a section that the composition root does not hand to the
   personal-data service (``test_every_personal_data_table_has_a_section_of_the_root``);
3. the export misses, or the erasure leaves, the person's rows of a personal-data table
   (``test_export_holds_and_erasure_removes_a_row_of_every_personal_data_table``; a new
   personal-data table needs its entry in ``PROBES`` first, or this test fails too).

So a new table that holds personal data cannot land without a section that exports and erases
it: ``test_a_new_personal_data_table_without_a_section_is_caught`` shows checks 1 and 2 on
such a table. The audit log is the documented exception (``docs/security.md``): exported, and
kept on erasure with opaque ids only (append-only by database triggers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Column, MetaData, Select, String, Table, func, or_, select

from koers.access import Account, GranteeKind, InvalidCredentials, Purpose, Resource
from koers.portfolio import ActorType, creation_events
from koers.portfolio.tests.fixtures import demo
from koers.store.db import Base
from koers.store.orm.accounts import (
    AuditRow,
    ConsentRow,
    LoginFailureRow,
    MembershipRow,
    SessionRow,
    UserRow,
)
from koers.store.orm.portfolio import PortfolioEventRow, PortfolioRow
from koers.store.personal_data import (
    ACCOUNT,
    NotPersonal,
    PersonalData,
    classification,
    personal,
)
from koers.store.repositories.portfolio import PortfolioRepository
from tests.access.world import PASSWORD, World


def unclassified(metadata: MetaData) -> list[str]:
    """Tables that do not say whether they hold personal data."""
    return sorted(name for name, t in metadata.tables.items() if classification(t) is None)


def personal_tables(metadata: MetaData) -> dict[str, PersonalData]:
    found = {name: classification(t) for name, t in metadata.tables.items()}
    return {name: c for name, c in found.items() if isinstance(c, PersonalData)}


def without_section(metadata: MetaData, sections: set[str]) -> list[str]:
    """Personal-data tables whose section nobody exports and erases."""
    tables = personal_tables(metadata)
    return sorted(name for name, c in tables.items() if c.section not in sections)


def registered_sections(world: World) -> set[str]:
    """What the composition root hands to the personal-data service, plus the core."""
    return {ACCOUNT} | {s.name for s in world.personal_data.sections}


def test_every_table_says_whether_it_holds_personal_data() -> None:
    assert unclassified(Base.metadata) == []
    for name, table in Base.metadata.tables.items():
        found = classification(table)
        if isinstance(found, NotPersonal):
            assert found.why, name


def test_every_personal_data_table_has_a_section_of_the_root(world: World) -> None:
    assert without_section(Base.metadata, registered_sections(world)) == []


def test_a_new_personal_data_table_without_a_section_is_caught(world: World) -> None:
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    Table("cv_upload", metadata, Column("owner_id", String(32)), **personal("cv"))
    Table("cv_note", metadata, Column("owner_id", String(32)))
    assert unclassified(metadata) == ["cv_note"]
    assert without_section(metadata, registered_sections(world)) == ["cv_upload"]


# -- functional: export holds, erasure removes ---------------------------------------------------


@dataclass(frozen=True)
class Probe:
    """How to find one person's rows of a table, in the database and in their export."""

    who: str
    """Which person of the world has rows here (a citizen cannot be an organisation member)."""
    stored: Callable[[World, Account], Select[Any]]
    """``SELECT count(*)`` of the person's rows."""
    exported: Callable[[dict[str, Any]], int]
    """How many of them the export holds (ignored for tables declared ``not_exported``)."""


def _count(*where: Any) -> Select[Any]:
    return select(func.count()).where(*where)


PROBES: dict[str, Probe] = {
    "account_user": Probe(
        "citizen",
        lambda w, a: _count(UserRow.id == a.id),
        lambda out: int(bool(out["account"]["id"])),
    ),
    "organisation_member": Probe(
        "employer_a",
        lambda w, a: _count(MembershipRow.user_id == a.id),
        lambda out: len(out["organisations"]),
    ),
    "user_session": Probe(
        "citizen",
        lambda w, a: _count(SessionRow.user_id == a.id),
        lambda out: len(out["sessions"]),
    ),
    "consent": Probe(
        "citizen",
        lambda w, a: _count(ConsentRow.owner_id == a.id),
        lambda out: len(out["consents_given"]),
    ),
    "login_failure": Probe(
        "citizen",
        lambda w, a: _count(
            LoginFailureRow.key.startswith(w.sessions.throttle_key("account", a.email)[:32])
        ),
        lambda out: 0,
    ),
    "audit_entry": Probe(
        "citizen",
        lambda w, a: _count(or_(AuditRow.subject_id == a.id, AuditRow.actor_id == a.id)),
        lambda out: len(out["audit_about_me"]) + len(out["audit_my_actions"]),
    ),
    "portfolio": Probe(
        "citizen",
        lambda w, a: _count(PortfolioRow.owner_id == a.id),
        lambda out: len(out["sections"]["portfolio"]),
    ),
    "portfolio_event": Probe(
        "citizen",
        lambda w, a: _count(PortfolioEventRow.portfolio_id == PortfolioRow.id).where(
            PortfolioRow.owner_id == a.id
        ),
        lambda out: sum(len(p["events"]) for p in out["sections"]["portfolio"]),
    ),
}


def _give_the_citizen_data_everywhere(world: World) -> None:
    citizen = world.citizen
    world.sessions.login(citizen.email, PASSWORD, "192.0.2.10")
    with pytest.raises(InvalidCredentials):
        world.sessions.login(citizen.email, "fout wachtwoord", "192.0.2.10")
    world.consents.grant_consent(
        citizen,
        GranteeKind.USER,
        world.coach.email,
        [Resource.PORTFOLIO, Resource.CONTACT],
        date.today() + timedelta(days=30),
        "test",
    )
    world.personal_data.contact_of(world.coach.actor(), citizen.id, Purpose.COACHING, "test")
    with world.accounts.database.session() as session:
        # the store, not the service: the test cast's database has no taxonomy to validate
        drafts = creation_events(demo(), citizen.id, ActorType.SELF)
        PortfolioRepository(session, world.personal_data.gate).create(
            citizen.id, drafts, world.accounts.clock()
        )


def _counts(world: World) -> dict[str, int]:
    with world.accounts.database.session() as session:
        return {
            name: session.scalar(probe.stored(world, getattr(world, probe.who))) or 0
            for name, probe in PROBES.items()
        }


def test_export_holds_and_erasure_removes_a_row_of_every_personal_data_table(
    world: World,
) -> None:
    tables = personal_tables(Base.metadata)
    assert set(PROBES) == set(tables), "a personal-data table needs its probe (see docstring)"
    _give_the_citizen_data_everywhere(world)
    before = _counts(world)
    assert all(before.values()), f"no row to check for: {before}"

    exports = {
        who: world.personal_data.export(getattr(world, who), "test")
        for who in {p.who for p in PROBES.values()}
    }
    for name, probe in PROBES.items():
        if not tables[name].not_exported:
            assert probe.exported(exports[probe.who]) >= before[name], name

    for who in {p.who for p in PROBES.values()}:
        world.personal_data.erase(getattr(world, who), "VERWIJDER", "test")
    after = _counts(world)
    for name, declared in tables.items():
        if declared.kept_on_erasure:
            assert after[name] >= before[name], f"{name} is documented as kept"
        else:
            assert after[name] == 0, f"erasure left rows in {name}"


def test_the_kept_audit_log_names_no_one(world: World) -> None:
    _give_the_citizen_data_everywhere(world)
    world.personal_data.erase(world.citizen, "VERWIJDER", "test")
    with world.accounts.database.session() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.subject_id == world.citizen.id))
        text = " ".join(
            str(getattr(row, column.key)) for row in rows for column in AuditRow.__table__.columns
        )
    assert text, "the audit log is kept"
    assert world.citizen.email not in text
    assert world.citizen.display_name not in text
