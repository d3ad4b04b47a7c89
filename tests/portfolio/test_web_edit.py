"""Web editing of the stored portfolio on "Mijn competenties": add, "recently used" and remove
single claims as new events (optimistic versioning, CSRF, own portfolio only) and the history."""

from __future__ import annotations

import re
import uuid
from datetime import date

from fastapi.testclient import TestClient

from koers.access import Account, Purpose
from koers.portfolio import Portfolio
from koers.portfolio.events import EventKind
from tests.portfolio.websupport import Web

PASSWORD = "een lang wachtwoord 123"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def citizen(web: Web, client: TestClient | None = None) -> tuple[Account, TestClient]:
    """A new citizen with an empty stored portfolio, signed in on ``client``."""
    client = client or web.client
    email = f"edit-{uuid.uuid4().hex[:8]}@example.org"
    account = web.accounts.register(email, PASSWORD, "Webburger")
    web.portfolios.create(account.id, Portfolio())
    login = client.post("/api/v1/accounts/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    return account, client


def token(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no CSRF field in the form"
    return match.group(1)


def version(html: str) -> int:
    match = re.search(r'name="version" value="(\d+)"', html)
    assert match, "no version field"
    return int(match.group(1))


def stored(web: Web, account: Account) -> Portfolio:
    ids = web.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    return web.portfolios.load(ids[0], account.actor(), Purpose.SELF, "/tests").portfolio


def add_skill(client: TestClient, word: str = "programmeren", **fields: str) -> tuple[str, str]:
    """Search ``word``, add the first hit; returns (skill URI, response text)."""
    page = client.get("/mijn-competenties", params={"zoek": word})
    assert page.status_code == 200
    hit = re.search(r'name="skill_uri" value="([^"]+)"', page.text)
    assert hit, f"no search result for {word!r}"
    data = {
        "csrf_token": token(page.text),
        "version": str(version(page.text)),
        "skill_uri": hit.group(1),
        "actor_type": "employer",
        "source_name": "Voorbeeld Bouwbedrijf",
        "evidence_type": "job",
        "evidence_title": "Stage 2024",
        "acquired": "2020-03-01",
        "last_used": "2021-06-30",
        **fields,
    }
    response = client.post("/mijn-competenties/claim", data=data)
    return hit.group(1), response.text


def test_add_shows_the_claim_with_its_source(web: Web) -> None:
    account, client = citizen(web)
    uri, page = add_skill(client)
    claims = stored(web, account).claims
    assert [c.skill_uri for c in claims] == [uri]
    assert claims[0].acquired == date(2020, 3, 1) and claims[0].last_used == date(2021, 6, 30)
    assert "werkgever (Voorbeeld Bouwbedrijf)" in page and "job: Stage 2024" in page
    assert "2021-06-30" in page
    english = client.get("/mijn-competenties/geschiedenis?lang=en")
    assert "Skill added" in english.text and "yourself" in english.text
    assert "employer (Voorbeeld Bouwbedrijf)" in client.get("/mijn-competenties").text


def test_recently_used_sets_today(web: Web) -> None:
    account, client = citizen(web)
    add_skill(client)
    claim = stored(web, account).claims[0]
    page = client.get("/mijn-competenties")
    response = client.post(
        f"/mijn-competenties/claim/{claim.id}/gebruikt",
        data={"csrf_token": token(page.text), "version": str(version(page.text))},
    )
    assert response.status_code == 200
    assert stored(web, account).claims[0].last_used == date.today()
    assert date.today().isoformat() in response.text


def test_remove_is_an_event_and_stays_in_the_history(web: Web) -> None:
    account, client = citizen(web)
    add_skill(client)
    claim = stored(web, account).claims[0]
    page = client.get("/mijn-competenties")
    label = re.search(r'aria-label="Verwijder: ([^"]+)"', page.text)
    assert label
    response = client.post(
        f"/mijn-competenties/claim/{claim.id}/verwijder",
        data={"csrf_token": token(page.text), "version": str(version(page.text))},
    )
    assert response.status_code == 200
    assert stored(web, account).claims == ()
    assert "Verwijder:" not in response.text
    ids = web.portfolios.portfolios_of(account.id, account.actor(), Purpose.SELF, "/tests")
    events = web.portfolios.history(ids[0], account.actor(), Purpose.SELF, "/tests")
    assert [e.kind for e in events][-2:] == [EventKind.CLAIM_ADDED, EventKind.CLAIM_WITHDRAWN]
    history = client.get("/mijn-competenties/geschiedenis")
    assert history.status_code == 200
    assert f"Competentie verwijderd: {label.group(1)}" in history.text
    assert f"Competentie toegevoegd: {label.group(1)}" in history.text
    assert "Portfolio gemaakt" in history.text and "jezelf" in history.text


def test_stale_version_is_refused_and_nothing_stored(web: Web) -> None:
    account, client = citizen(web)
    old = client.get("/mijn-competenties", params={"zoek": "programmeren"})
    add_skill(client)  # another window saves first
    before = stored(web, account)
    hit = re.search(r'name="skill_uri" value="([^"]+)"', old.text)
    assert hit
    response = client.post(
        "/mijn-competenties/claim",
        data={
            "csrf_token": token(old.text),
            "version": str(version(old.text)),
            "skill_uri": hit.group(1),
        },
    )
    assert response.status_code == 409
    assert "intussen gewijzigd" in response.text and "niets" in response.text
    assert stored(web, account) == before


def test_bad_date_is_refused(web: Web) -> None:
    account, client = citizen(web)
    _, page = add_skill(client, last_used="2999-01-01")
    assert "in de toekomst" in page
    assert stored(web, account).claims == ()


def test_missing_csrf_is_refused(web: Web) -> None:
    account, client = citizen(web)
    add_skill(client)
    claim = stored(web, account).claims[0]
    page = client.get("/mijn-competenties")
    response = client.post(
        f"/mijn-competenties/claim/{claim.id}/verwijder", data={"version": str(version(page.text))}
    )
    assert response.status_code == 403
    assert len(stored(web, account).claims) == 1


def test_another_citizen_cannot_edit(web: Web) -> None:
    owner, client = citizen(web)
    add_skill(client)
    claim = stored(web, owner).claims[0]
    other_client = TestClient(client.app)
    _, other_client = citizen(web, other_client)
    page = other_client.get("/mijn-competenties", params={"zoek": "programmeren"})
    for action in ("verwijder", "gebruikt"):
        response = other_client.post(
            f"/mijn-competenties/claim/{claim.id}/{action}",
            data={"csrf_token": token(page.text), "version": str(version(page.text))},
        )
        assert response.status_code == 404
        assert "staat niet (meer) in je portfolio" in response.text
    assert stored(web, owner).claims == (claim,)
    history = other_client.get("/mijn-competenties/geschiedenis")
    assert "Competentie toegevoegd" not in history.text


def test_history_needs_a_sign_in(web: Web) -> None:
    assert web.client.get("/mijn-competenties/geschiedenis").status_code == 401
