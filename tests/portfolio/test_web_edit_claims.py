"""Editing the other fields of a stored claim on "Mijn competenties", the rule about claims of
someone else, and the history page in words with a read-only view per version.

One app per module (the taxonomy search index is built once); every test makes its own
citizen, so tests do not see each other's portfolios.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from koers.access import Account, Purpose
from koers.app import create_app
from koers.bootstrap import build_services
from koers.config import Settings
from koers.portfolio import ActorType, Portfolio
from koers.portfolio.events import EventKind, PortfolioEvent
from koers.store.db import Database
from tests.portfolio.test_web_edit import PASSWORD, add_skill, token, version
from tests.portfolio.websupport import Web

TODAY = date.today()


@pytest.fixture(scope="module")
def site(sqlite_loaded: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("edit-claims"), environment="test")
    services = build_services(settings, sqlite_loaded)
    app = create_app(services=services)
    yield Web(TestClient(app), services)


def sign_up(site: Web) -> tuple[Account, TestClient]:
    """A new citizen with an empty stored portfolio, signed in on a client of their own."""
    client = TestClient(site.client.app)
    email = f"claims-{uuid.uuid4().hex[:8]}@example.org"
    account = site.accounts.register(email, PASSWORD, "Webburger")
    site.portfolios.create(account.id, Portfolio())
    login = client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    return account, client


def events(site: Web, account: Account) -> list[PortfolioEvent]:
    ids = site.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    return site.portfolios.history(ids[0], account.actor(), Purpose.SELF, "/tests")


def current(site: Web, account: Account) -> Portfolio:
    ids = site.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    return site.portfolios.load(ids[0], account.actor(), Purpose.SELF, "/tests").portfolio


def own_claim(site: Web, source: str = "self") -> tuple[Account, TestClient, str]:
    """A citizen with one claim from ``source``; returns the claim id."""
    account, client = sign_up(site)
    add_skill(client, actor_type=source, source_name="" if source == "self" else "Bouw NV")
    claim = current(site, account).claims[0]
    assert claim.source.actor_type is ActorType(source)
    return account, client, claim.id


def edit(client: TestClient, claim_id: str, **fields: str) -> tuple[str, Any]:
    page = client.get(f"/mijn-competenties/claim/{claim_id}")
    assert page.status_code == 200
    data = {"csrf_token": token(page.text), "version": str(version(page.text)), **fields}
    response = client.post(f"/mijn-competenties/claim/{claim_id}", data=data)
    return page.text, response


FULL = {
    "actor_type": "school",
    "source_name": "CVO Gent",
    "evidence_type": "certificate",
    "evidence_title": "Attest webontwikkeling",
    "acquired": "2019-09-01",
    "last_used": "2022-01-15",
    "note": "Gebruikt op stage",
}


def test_own_claim_is_fully_editable_and_the_history_says_what_changed(site: Web) -> None:
    account, client, claim_id = own_claim(site)
    page, response = edit(client, claim_id, **FULL)
    assert "Zei je het zelf (bron: ikzelf)? Dan kan je alles aanpassen." in page
    assert 'name="actor_type"' in page and "<legend>" in page
    assert response.status_code == 200  # followed the 303 back to the overview
    claim = current(site, account).claims[0]
    assert (claim.source.actor_type, claim.source.name) == (ActorType.SCHOOL, "CVO Gent")
    assert (claim.evidence.type.value, claim.evidence.title) == (
        "certificate",
        "Attest webontwikkeling",
    )
    assert (claim.acquired, claim.last_used) == (date(2019, 9, 1), date(2022, 1, 15))
    assert claim.note == "Gebruikt op stage"
    log = events(site, account)
    assert log[-1].kind is EventKind.CLAIM_CHANGED and log[-2].kind is EventKind.CLAIM_ADDED
    history = client.get("/mijn-competenties/geschiedenis").text
    assert "Bron gewijzigd: werkgever (Bouw NV) → school (CVO Gent)" not in history
    assert "Bron gewijzigd: ikzelf → school (CVO Gent)" in history
    assert "Bewijs gewijzigd: job: Stage 2024 → certificaat: Attest webontwikkeling" in history
    assert "Geleerd op gewijzigd: 2020-03-01 → 2019-09-01" in history
    assert "Laatst gebruikt gewijzigd: 2021-06-30 → 2022-01-15" in history
    assert "Notitie gewijzigd: leeg → Gebruikt op stage" in history
    english = client.get("/mijn-competenties/geschiedenis?lang=en").text
    assert "Source changed: myself → school (CVO Gent)" in english


def test_clearing_a_date_of_an_own_claim(site: Web) -> None:
    account, client, claim_id = own_claim(site)
    _, response = edit(client, claim_id, **{**FULL, "acquired": "", "last_used": ""})
    assert response.status_code == 200
    claim = current(site, account).claims[0]
    assert claim.acquired is None and claim.last_used is None


def test_claim_of_someone_else_only_last_used_and_note(site: Web) -> None:
    account, client, claim_id = own_claim(site, "employer")
    before = current(site, account).claims[0]
    page, response = edit(client, claim_id, last_used="2024-02-01", note="Nog elke week")
    assert "Iemand anders zegt dat je dit kan" in page
    assert 'name="actor_type"' not in page and 'name="acquired"' not in page
    assert response.status_code == 200
    claim = current(site, account).claims[0]
    assert claim.last_used == date(2024, 2, 1) and claim.note == "Nog elke week"
    assert (claim.source, claim.evidence, claim.acquired) == (
        before.source,
        before.evidence,
        before.acquired,
    )
    overview = client.get("/mijn-competenties").text
    assert "alleen laatst gebruikt en notitie" in overview


@pytest.mark.parametrize(
    "forged",
    [
        {"actor_type": "self"},
        {"source_name": "Iemand anders"},
        {"evidence_type": "diploma"},
        {"evidence_title": "Vals diploma"},
        {"acquired": "2010-01-01"},
    ],
)
def test_forging_a_claim_of_someone_else_is_refused(site: Web, forged: dict[str, str]) -> None:
    account, client, claim_id = own_claim(site, "employer")
    before = len(events(site, account))
    _, response = edit(client, claim_id, last_used="2024-02-01", **forged)
    assert response.status_code == 403
    assert "komt van iemand anders" in response.text and "niets bewaard" in response.text
    assert len(events(site, account)) == before


def test_sending_the_same_values_for_a_claim_of_someone_else_is_fine(site: Web) -> None:
    account, client, claim_id = own_claim(site, "employer")
    same = {"actor_type": "employer", "source_name": "Bouw NV", "acquired": "2020-03-01"}
    _, response = edit(client, claim_id, last_used="2023-05-05", **same)
    assert response.status_code == 200
    assert current(site, account).claims[0].last_used == date(2023, 5, 5)


@pytest.mark.parametrize(
    ("fields", "status", "message", "field"),
    [
        (
            {"last_used": (TODAY + timedelta(days=30)).isoformat()},
            422,
            "in de toekomst",
            "last_used",
        ),
        ({"acquired": "2021-13-40"}, 422, "niet juist", "acquired"),
        (
            {"acquired": "2022-01-01", "last_used": "2021-01-01"},
            422,
            "voor je het leerde",
            "last_used",
        ),
        ({"actor_type": "extraction"}, 422, "uit de lijst", "actor_type"),
        ({"evidence_type": "rumour"}, 422, "uit de lijst", "evidence_type"),
    ],
)
def test_refused_claim_edits_name_the_field_and_store_nothing(
    site: Web, fields: dict[str, str], status: int, message: str, field: str
) -> None:
    account, client, claim_id = own_claim(site)
    before = current(site, account)
    count = len(events(site, account))
    _, response = edit(client, claim_id, **{**FULL, **fields})
    assert response.status_code == status
    assert message in response.text and "niets bewaard" in response.text
    assert re.search(
        rf'id="{field}"[^>]*aria-invalid="true" aria-describedby="form-error', response.text
    )
    assert f'href="#{field}"' in response.text
    # what the citizen typed is shown again, so they can fix only the wrong part
    assert 'value="CVO Gent"' in response.text
    assert current(site, account) == before and len(events(site, account)) == count


def test_stale_claim_edit_is_a_conflict_and_shows_the_new_state(site: Web) -> None:
    account, client, claim_id = own_claim(site)
    old = client.get(f"/mijn-competenties/claim/{claim_id}")
    edit(client, claim_id, **FULL)  # another window saves first
    before = current(site, account)
    response = client.post(
        f"/mijn-competenties/claim/{claim_id}",
        data={"csrf_token": token(old.text), "version": str(version(old.text)), **FULL},
    )
    assert response.status_code == 409
    assert "intussen gewijzigd" in response.text
    assert version(response.text) == len(events(site, account))
    assert current(site, account) == before


def test_unknown_claim_and_bounded_id(site: Web) -> None:
    _, client, claim_id = own_claim(site)
    assert client.get("/mijn-competenties/claim/c999").status_code == 404
    assert "staat niet (meer) in je portfolio" in client.get("/mijn-competenties/claim/c999").text
    assert client.get(f"/mijn-competenties/claim/{'x' * 81}").status_code == 422
    page = client.get(f"/mijn-competenties/claim/{claim_id}")
    response = client.post(
        "/mijn-competenties/claim/c999",
        data={"csrf_token": token(page.text), "version": str(version(page.text)), **FULL},
    )
    assert response.status_code == 404


def test_claim_edit_needs_csrf_and_the_owner(site: Web) -> None:
    owner, client, claim_id = own_claim(site)
    count = len(events(site, owner))
    page = client.get(f"/mijn-competenties/claim/{claim_id}")
    no_csrf = client.post(
        f"/mijn-competenties/claim/{claim_id}", data={"version": str(version(page.text)), **FULL}
    )
    assert no_csrf.status_code == 403
    _, other = sign_up(site)
    assert other.get(f"/mijn-competenties/claim/{claim_id}").status_code == 404
    other_page = other.get("/mijn-competenties")
    response = other.post(
        f"/mijn-competenties/claim/{claim_id}",
        data={"csrf_token": token(other_page.text), "version": "1", **FULL},
    )
    assert response.status_code == 404
    assert len(events(site, owner)) == count
    assert (
        TestClient(site.client.app).get(f"/mijn-competenties/claim/{claim_id}").status_code == 401
    )


def test_version_view_shows_the_portfolio_as_it_was(site: Web) -> None:
    account, client, claim_id = own_claim(site)
    edit(client, claim_id, **FULL)
    total = len(events(site, account))
    history = client.get("/mijn-competenties/geschiedenis").text
    assert f'href="/mijn-competenties/geschiedenis/{total}"' in history
    first = client.get("/mijn-competenties/geschiedenis/1")
    assert first.status_code == 200
    assert "Nog geen competenties." in first.text and f"{total} versies" in first.text
    added = client.get(f"/mijn-competenties/geschiedenis/{total - 1}").text
    assert "werkgever (Bouw NV)" not in added and "Stage 2024" in added
    assert "CVO Gent" not in added and "2021-06-30" in added
    latest = client.get(f"/mijn-competenties/geschiedenis/{total}").text
    assert "school (CVO Gent)" in latest and "Gebruikt op stage" in latest
    for missing in (0, total + 1, 999_999):
        response = client.get(f"/mijn-competenties/geschiedenis/{missing}")
        assert response.status_code == 404
        assert f"Deze versie bestaat niet. Je portfolio heeft versie 1 tot en met {total}." in (
            response.text
        )
    assert client.get("/mijn-competenties/geschiedenis/-1").status_code == 422


def test_version_view_is_only_for_the_owner(site: Web, tmp_path: Path) -> None:
    owner, client, claim_id = own_claim(site)
    edit(client, claim_id, **FULL)
    total = len(events(site, owner))
    _, other = sign_up(site)
    # the other citizen sees their own (shorter) log, never the owner's later versions
    response = other.get(f"/mijn-competenties/geschiedenis/{total}")
    assert response.status_code == 404 and "CVO Gent" not in response.text
    anonymous = TestClient(site.client.app)
    assert anonymous.get("/mijn-competenties/geschiedenis/1").status_code == 401
