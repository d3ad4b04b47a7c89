"""Work and learning history, goals (current and target occupations) and preferences on
"Mijn competenties": each edit is a versioned event; refused edits store nothing."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from koers.portfolio import HistoryKind
from koers.portfolio.events import EventKind
from tests.portfolio.test_web_edit import token, version
from tests.portfolio.test_web_edit_claims import current, events, sign_up, site
from tests.portfolio.websupport import Web

__all__ = ["site"]  # the module-scoped app fixture, shared

LATER = (date.today() + timedelta(days=30)).isoformat()
NOT_AN_OCCUPATION = "http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000"


def first_option(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no option for {name}"
    return match.group(1)


def post(client: TestClient, page: str, url: str, **fields: Any) -> Any:
    data = {"csrf_token": token(page), "version": str(version(page)), **fields}
    return client.post(url, data=data)


JOB = {"title": "Kok in De Gouden Lepel", "organisation": "De Gouden Lepel", "start": "2015-02-01"}


def add_job(client: TestClient, **fields: str) -> Any:
    page = client.get("/mijn-competenties/loopbaan/nieuw", params={"soort": "job", "zoek": "kok"})
    assert page.status_code == 200
    uri = first_option(page.text, "occupation_uri")
    data = {"kind": "job", "occupation_uri": uri, "zoek": "kok", **JOB, **fields}
    return post(client, page.text, "/mijn-competenties/loopbaan", **data)


def test_add_edit_and_remove_a_job(site: Web) -> None:
    account, client = sign_up(site)
    response = add_job(client)
    assert response.status_code == 200
    [entry] = current(site, account).history
    assert entry.kind is HistoryKind.JOB and entry.occupation_uri.startswith("http://data.europa")
    assert (entry.title, entry.organisation, entry.start, entry.end) == (
        "Kok in De Gouden Lepel",
        "De Gouden Lepel",
        date(2015, 2, 1),
        None,
    )
    assert "Kok in De Gouden Lepel" in response.text and "nu" in response.text

    page = client.get(f"/mijn-competenties/loopbaan/{entry.id}")
    assert "checked" in page.text and "Werk aanpassen" in page.text
    done = post(
        client,
        page.text,
        f"/mijn-competenties/loopbaan/{entry.id}",
        occupation_uri=entry.occupation_uri,
        **{**JOB, "end": "2020-06-30"},
    )
    assert done.status_code == 200
    assert current(site, account).history[0].end == date(2020, 6, 30)
    history = client.get("/mijn-competenties/geschiedenis").text
    assert "Werk of opleiding aangepast: Kok in De Gouden Lepel" in history
    assert "Gestopt op gewijzigd: nu → 2020-06-30" in history

    listing = client.get("/mijn-competenties/loopbaan")
    gone = post(client, listing.text, f"/mijn-competenties/loopbaan/{entry.id}/verwijder")
    assert gone.status_code == 200
    assert current(site, account).history == ()
    kinds = [e.kind for e in events(site, account)][-3:]
    assert kinds == [EventKind.HISTORY_ADDED, EventKind.HISTORY_CHANGED, EventKind.HISTORY_REMOVED]


def test_add_learning_with_skills(site: Web) -> None:
    account, client = sign_up(site)
    page = client.get(
        "/mijn-competenties/loopbaan/nieuw", params={"soort": "learning", "zoek": "spreadsheets"}
    )
    skill = first_option(page.text, "skills")
    assert 'type="checkbox"' in page.text
    response = post(
        client,
        page.text,
        "/mijn-competenties/loopbaan",
        kind="learning",
        title="Cursus Excel",
        organisation="CVO",
        start="2023-01-01",
        end="2023-03-01",
        skills=[skill],
    )
    assert response.status_code == 200
    [entry] = current(site, account).history
    assert entry.kind is HistoryKind.LEARNING and entry.skills == (skill,)
    assert entry.occupation_uri == ""
    history = client.get("/mijn-competenties/geschiedenis").text
    assert "Competentie erbij:" in history


@pytest.mark.parametrize(
    ("fields", "message", "field"),
    [
        ({"occupation_uri": ""}, "Kies een beroep uit de lijst", "zoek"),
        ({"occupation_uri": NOT_AN_OCCUPATION}, "Dit beroep kennen we niet", "zoek"),
        (
            {"occupation_uri": "http://data.europa.eu/esco/skill/5d71a89019be"},
            "Dit beroep kennen we niet",
            "zoek",
        ),
        ({"start": LATER}, "in de toekomst", "start"),
        ({"end": LATER}, "in de toekomst", "end"),
        ({"start": "2020-01-01", "end": "2019-01-01"}, "Je stopte voor je begon", "end"),
        ({"start": "01/02/2020"}, "niet juist", "start"),
    ],
)
def test_refused_job_stores_nothing(
    site: Web, fields: dict[str, str], message: str, field: str
) -> None:
    account, client = sign_up(site)
    count = len(events(site, account))
    response = add_job(client, **fields)
    assert response.status_code == 422
    assert message in response.text and "niets bewaard" in response.text
    assert f'href="#{field}"' in response.text
    assert re.search(rf'id="{field}"[^>]*aria-invalid="true"', response.text)
    assert 'value="De Gouden Lepel"' in response.text  # what was typed stays
    assert len(events(site, account)) == count and current(site, account).history == ()


def test_refused_learning_stores_nothing(site: Web) -> None:
    account, client = sign_up(site)
    page = client.get("/mijn-competenties/loopbaan/nieuw", params={"soort": "learning"})
    count = len(events(site, account))
    no_title = post(client, page.text, "/mijn-competenties/loopbaan", kind="learning")
    assert no_title.status_code == 422 and "Geef de opleiding een naam" in no_title.text
    bad_skill = post(
        client,
        page.text,
        "/mijn-competenties/loopbaan",
        kind="learning",
        title="Cursus",
        skills=[NOT_AN_OCCUPATION],
    )
    assert bad_skill.status_code == 422 and "Een competentie kennen we niet" in bad_skill.text
    assert len(events(site, account)) == count


def test_stale_and_unknown_entries(site: Web) -> None:
    account, client = sign_up(site)
    old = client.get("/mijn-competenties/loopbaan/nieuw", params={"soort": "job", "zoek": "kok"})
    add_job(client)  # another window saves first
    before = current(site, account)
    stale = post(
        client,
        old.text,
        "/mijn-competenties/loopbaan",
        kind="job",
        occupation_uri=first_option(old.text, "occupation_uri"),
        **JOB,
    )
    assert stale.status_code == 409 and "intussen gewijzigd" in stale.text
    assert current(site, account) == before
    assert client.get("/mijn-competenties/loopbaan/h999").status_code == 404
    listing = client.get("/mijn-competenties/loopbaan")
    gone = post(client, listing.text, "/mijn-competenties/loopbaan/h999/verwijder")
    assert gone.status_code == 404 and "staat niet (meer) in je portfolio" in gone.text
    assert client.get(f"/mijn-competenties/loopbaan/{'h' * 81}").status_code == 422
    assert current(site, account) == before


def goals_page(client: TestClient, word: str) -> tuple[str, str]:
    page = client.get("/mijn-competenties/doelen", params={"zoek": word})
    assert page.status_code == 200
    return page.text, first_option(page.text, "occupation_uri")


def test_goals_current_and_targets(site: Web) -> None:
    account, client = sign_up(site)
    page, cook = goals_page(client, "kok")
    assert (
        post(
            client, page, "/mijn-competenties/doelen", occupation_uri=cook, role="current"
        ).status_code
        == 200
    )
    page, welder = goals_page(client, "lasser")
    assert (
        post(
            client, page, "/mijn-competenties/doelen", occupation_uri=welder, role="target"
        ).status_code
        == 200
    )
    portfolio = current(site, account)
    assert (portfolio.current_occupation, portfolio.targets) == (cook, (welder,))
    shown = client.get("/mijn-competenties/doelen").text
    assert "Verwijder doel: lasser" in shown
    history = client.get("/mijn-competenties/geschiedenis").text
    assert "Doel erbij: lasser" in history
    assert "Mijn beroep nu (of mijn laatste beroep) gewijzigd: leeg → kok" in history

    page, _ = goals_page(client, "lasser")
    duplicate = post(
        client, page, "/mijn-competenties/doelen", occupation_uri=welder, role="target"
    )
    assert duplicate.status_code == 422 and "staat al bij je doelen" in duplicate.text
    no_role = post(client, page, "/mijn-competenties/doelen", occupation_uri=welder, role="boss")
    assert no_role.status_code == 422 and 'href="#role-current"' in no_role.text
    unknown = post(
        client, page, "/mijn-competenties/doelen", occupation_uri=NOT_AN_OCCUPATION, role="target"
    )
    assert unknown.status_code == 422 and "Dit beroep kennen we niet" in unknown.text
    not_there = post(client, page, "/mijn-competenties/doelen/weg", occupation_uri=cook)
    assert not_there.status_code == 404
    assert current(site, account) == portfolio

    removed = post(client, page, "/mijn-competenties/doelen/weg", occupation_uri=welder)
    assert removed.status_code == 200
    page = client.get("/mijn-competenties/doelen").text
    cleared = post(client, page, "/mijn-competenties/doelen/huidig-wissen")
    assert cleared.status_code == 200
    assert (current(site, account).current_occupation, current(site, account).targets) == ("", ())
    assert "Doel eraf: lasser" in client.get("/mijn-competenties/geschiedenis").text
    stale = post(client, page, "/mijn-competenties/doelen/huidig-wissen")
    assert stale.status_code == 409


def test_preferences(site: Web) -> None:
    account, client = sign_up(site)
    page = client.get("/mijn-competenties/voorkeuren").text
    assert '<label for="hours">' in page and "<legend>" in page
    saved = post(
        client,
        page,
        "/mijn-competenties/voorkeuren",
        interests="zorg, buiten werken, zorg",
        hours="30,5",
        region="Gent",
        likes="met mensen werken",
        dislikes="nachtwerk",
    )
    assert saved.status_code == 200
    prefs = current(site, account).preferences
    assert prefs.interests == ("zorg", "buiten werken") and prefs.hours_per_week == 30.5
    assert (prefs.region, prefs.likes, prefs.dislikes) == ("Gent", "met mensen werken", "nachtwerk")
    assert (
        "Uren per week gewijzigd: leeg → 30.5" in client.get("/mijn-competenties/geschiedenis").text
    )
    count = len(events(site, account))
    page = client.get("/mijn-competenties/voorkeuren").text
    for hours in ("81", "veel", "-1", "nan"):
        refused = post(client, page, "/mijn-competenties/voorkeuren", hours=hours, region="Brugge")
        assert refused.status_code == 422 and "getal van 0 tot 80" in refused.text
        assert 'value="Brugge"' in refused.text and 'href="#hours"' in refused.text
    too_many = ", ".join(f"woord{i}" for i in range(51))
    refused = post(client, page, "/mijn-competenties/voorkeuren", interests=too_many)
    assert refused.status_code == 422 and 'href="#interests"' in refused.text
    assert len(events(site, account)) == count
    stale_page = page
    post(client, page, "/mijn-competenties/voorkeuren", region="Brugge")
    stale = post(client, stale_page, "/mijn-competenties/voorkeuren", region="Aalst")
    assert stale.status_code == 409 and current(site, account).preferences.region == "Brugge"


def test_name_and_birth_year(site: Web) -> None:
    account, client = sign_up(site)
    page = client.get("/mijn-competenties/voorkeuren").text
    assert '<label for="birth_year">' in page and "Over jou" in page
    saved = post(
        client, page, "/mijn-competenties/voorkeuren", display_name="Zoë Peeters", birth_year="1971"
    )
    assert saved.status_code == 200
    person = current(site, account).person
    assert (person.display_name, person.birth_year) == ("Zoë Peeters", 1971)
    assert 'value="Zoë Peeters"' in client.get("/mijn-competenties/voorkeuren").text
    count = len(events(site, account))
    page = client.get("/mijn-competenties/voorkeuren").text
    for year in ("71", "2030", "1800", "negentig"):
        refused = post(
            client, page, "/mijn-competenties/voorkeuren", display_name="Zoë", birth_year=year
        )
        assert refused.status_code == 422 and 'href="#birth_year"' in refused.text
        assert "vier cijfers" in refused.text
    assert len(events(site, account)) == count  # nothing stored on a refusal
    assert current(site, account).person.birth_year == 1971


def test_pages_need_a_sign_in(site: Web) -> None:
    anonymous = TestClient(site.client.app)
    for path in ("loopbaan", "loopbaan/nieuw", "doelen", "voorkeuren"):
        assert anonymous.get(f"/mijn-competenties/{path}").status_code == 401
