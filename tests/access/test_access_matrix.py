"""The access matrices of docs/security.md (read and change), checked against the code and,
cell by cell, against the data-layer gate on SQLite and PostgreSQL: reads in six consent
states per cell, changes with and without a valid consent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from koers.access import (
    ACCESS_MATRIX,
    CHANGE_MATRIX,
    CONSENTABLE,
    AccessDenied,
    Action,
    Actor,
    ConsentRequest,
    ConsentRequired,
    GranteeKind,
    Purpose,
    Resource,
    Role,
    Unauthenticated,
)
from koers.config import Settings
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.accounts import AuditLog, ConsentRepository
from koers.store.repositories.gate import PersonalDataGate
from tests.access.world import World, build_world
from tests.conftest import make_database

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
ROW_KEYS = ["owner", "anonymous", *[r.value for r in Role]]


def parse_matrix(name: str = "access") -> dict[str, dict[Resource, str]]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(rf"<!-- {name}-matrix:start -->(.*?)<!-- {name}-matrix:end -->", text, re.S)
    assert block, f"docs/security.md has no {name}-matrix block"
    lines = [ln.strip() for ln in block.group(1).strip().splitlines() if ln.strip()]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    resources = [Resource(c) for c in header[1:]]
    rows: dict[str, dict[Resource, str]] = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(resources, cells[1:], strict=True))
    return rows


MATRIX = parse_matrix()
CHANGES = parse_matrix("change")


@pytest.mark.parametrize("matrix", [MATRIX, CHANGES], ids=["read", "change"])
def test_document_lists_every_reader_and_resource(matrix: dict[str, dict[Resource, str]]) -> None:
    assert list(matrix) == ROW_KEYS
    for row in matrix.values():
        assert set(row) == set(Resource)


@pytest.mark.parametrize(
    ("matrix", "code"), [(MATRIX, ACCESS_MATRIX), (CHANGES, CHANGE_MATRIX)], ids=["read", "change"]
)
def test_document_equals_the_code(matrix: dict[str, dict[Resource, str]], code: object) -> None:
    assert isinstance(code, dict)
    for role in Role:
        for resource in Resource:
            assert matrix[role.value][resource] == str(code[role][resource]), (role, resource)
    assert set(matrix["owner"].values()) == {"own"}
    assert set(matrix["anonymous"].values()) == {"no"}


def test_a_consent_to_read_never_allows_a_change() -> None:
    """Issue 13 fault 3: consent answers "who may see", so every cell that a consent opens
    for reading stays closed for changing."""
    for role in Role:
        for resource in Resource:
            if ACCESS_MATRIX[role][resource].kind.value == "consent":
                assert CHANGE_MATRIX[role][resource].kind.value == "no", (role, resource)


# -- the gate, cell by cell --------------------------------------------------------------------

STATES = ["none", "valid", "withdrawn", "expired", "other_grantee", "wrong_purpose"]


@dataclass
class Cast:
    world: World
    owners: dict[str, str]  # consent state -> owner id
    gate: PersonalDataGate
    database: Database


def _give(
    database: Database,
    owner_id: str,
    kind: GranteeKind,
    grantee: str,
    purpose: Purpose,
    now: datetime,
    state: str,
) -> None:
    until = now + timedelta(days=30) if state != "expired" else now - timedelta(seconds=1)
    request = ConsentRequest(
        grantee_kind=kind,
        grantee_id=grantee,
        resources=frozenset(CONSENTABLE),
        purpose=purpose,
        valid_from=now - timedelta(days=60),
        valid_until=until,
    )
    with database.session() as session:
        repo = ConsentRepository(session)
        consent = repo.add(owner_id, request, now - timedelta(days=60))
        if state == "withdrawn":
            repo.withdraw(consent.id, now - timedelta(seconds=1))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def cast(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cast]:
    """One citizen per consent state; their consents name the test coach and organisation A,
    except in ``other_grantee`` where they name coach 2 and organisation B. Built once per
    backend; each test compares audit counts before and after its own read."""
    accounts_db = make_database(request.param, tmp_path_factory.mktemp("matrix"), request)
    upgrade(accounts_db)
    world = build_world(accounts_db, Settings(environment="test"))
    now = datetime.now(UTC)
    owners = {}
    for index, state in enumerate(STATES):
        owner = world.accounts.register(
            f"owner{index}@test.koers.example", "Owner wachtwoord 2026", f"Owner {index}"
        )
        owners[state] = owner.id
        if state == "none":
            continue
        coach, org = (
            (world.coach2, world.org_b) if state == "other_grantee" else (world.coach, world.org_a)
        )
        _give(accounts_db, owner.id, GranteeKind.USER, coach.id, Purpose.COACHING, now, state)
        _give(
            accounts_db,
            owner.id,
            GranteeKind.ORGANISATION,
            org.id,
            Purpose.EMPLOYABILITY,
            now,
            state,
        )
    yield Cast(world, owners, PersonalDataGate(accounts_db), accounts_db)
    accounts_db.dispose()


def _reader(cast: Cast, key: str, owner_id: str) -> Actor | None:
    w = cast.world
    people = {
        "citizen": w.citizen2,
        "coach": w.coach,
        "employer": w.employer_a,
        "provider": w.provider,
        "analyst": w.analyst,
        "admin": w.admin,
    }
    if key == "anonymous":
        return None
    if key == "owner":
        return Actor(owner_id, Role.CITIZEN)
    return people[key].actor()


def _expected(cell: str, state: str) -> tuple[bool, Purpose, type[Exception] | None]:
    """(allowed?, purpose to ask with, error when refused) for one cell in one state."""
    if cell == "own":
        return True, Purpose.SELF, None
    if cell == "no":
        return False, Purpose.COACHING, AccessDenied
    kind, purpose_name = (part.strip() for part in cell.split(":"))
    purpose = Purpose(purpose_name)
    if state == "wrong_purpose":
        other = Purpose.SUPERVISION if purpose is not Purpose.SUPERVISION else Purpose.COACHING
        return False, other, AccessDenied
    if kind == "duty":
        return True, purpose, None
    assert kind == "consent"
    if state == "valid":
        return True, purpose, None
    return False, purpose, ConsentRequired


CELLS = [
    (reader, resource, state) for reader in ROW_KEYS for resource in Resource for state in STATES
]


@pytest.mark.parametrize(
    ("reader", "resource", "state"),
    CELLS,
    ids=[f"{r}-{res.value}-{s}" for r, res, s in CELLS],
)
def test_gate_follows_the_matrix(cast: Cast, reader: str, resource: Resource, state: str) -> None:
    owner_id = cast.owners["valid" if state == "wrong_purpose" else state]
    cell = MATRIX[reader][resource]
    allowed, purpose, error = _expected(cell, state)
    actor = _reader(cast, reader, owner_id)
    if reader == "anonymous":
        error = Unauthenticated
    with cast.database.session() as session:
        before = AuditLog(session).count(owner_id)
    route = "/test/{owner_id}/" + resource.value
    if allowed:
        decision = cast.gate.read(actor, owner_id, resource, purpose, route)
        assert decision.allowed
    else:
        assert error is not None
        with pytest.raises(error):
            cast.gate.read(actor, owner_id, resource, purpose, route)
    with cast.database.session() as session:
        entries = AuditLog(session).query(subject_id=owner_id, limit=1)
        after = AuditLog(session).count(owner_id)
    if reader == "owner":
        assert after == before, "the owner's own reads are not gate entries"
        return
    assert after == before + 1, "every read by someone else is audited"
    entry = entries[0]
    assert entry.allowed is allowed
    assert entry.resource is resource
    assert entry.purpose is purpose
    assert entry.actor_id == (actor.user_id if actor else None)
    assert entry.route == route


CHANGE_STATES = ["none", "valid"]
CHANGE_CELLS = [
    (reader, resource, state)
    for reader in ROW_KEYS
    for resource in Resource
    for state in CHANGE_STATES
]


@pytest.mark.parametrize(
    ("reader", "resource", "state"),
    CHANGE_CELLS,
    ids=[f"{r}-{res.value}-{s}" for r, res, s in CHANGE_CELLS],
)
def test_gate_follows_the_change_matrix(
    cast: Cast, reader: str, resource: Resource, state: str
) -> None:
    """Changes: the owner yes (no gate entry), everyone else refused and audited as a
    refused ``change``, also with a valid consent for exactly this part and purpose."""
    owner_id = cast.owners[state]
    cell = CHANGES[reader][resource]
    actor = _reader(cast, reader, owner_id)
    read_cell = MATRIX[reader][resource]
    purpose = Purpose.SELF if cell == "own" else _expected(read_cell, "valid")[1]
    with cast.database.session() as session:
        before = AuditLog(session).count(owner_id)
    route = "/test/{owner_id}/" + resource.value + "/change"
    if cell == "own":
        assert cast.gate.change(actor, owner_id, resource, purpose, route).allowed
    else:
        assert cell == "no"
        error = Unauthenticated if actor is None else AccessDenied
        with pytest.raises(error):
            cast.gate.change(actor, owner_id, resource, purpose, route)
    with cast.database.session() as session:
        entries = AuditLog(session).query(subject_id=owner_id, limit=1)
        after = AuditLog(session).count(owner_id)
    if reader == "owner":
        assert after == before
        return
    assert after == before + 1, "every refused change is audited"
    entry = entries[0]
    assert (entry.action, entry.allowed, entry.route) == (Action.CHANGE, False, route)
    assert entry.actor_id == (actor.user_id if actor else None)
