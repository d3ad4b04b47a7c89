"""Editing the stored portfolio in the browser: a citizen does edits with the keyboard only,
and axe-core finds no WCAG 2.1 A/AA violation on the editing pages, also when they show an
error."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from koers.access import Actor, Purpose, Role
from koers.portfolio import ActorType, Portfolio, SkillClaim, Source
from koers.services.accounts import AccountService
from koers.services.check import CheckService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.taxonomy import ConceptKind
from tests.web.axe import axe_violations, describe
from tests.web.conftest import LiveServer
from tests.web.test_account import PASSWORD, Person, log_in


@pytest.fixture(scope="module")
def portfolios(live_server: LiveServer) -> PortfolioService:
    return PortfolioService(
        live_server.database, CheckService(TaxonomyService(live_server.database))
    )


@pytest.fixture()
def citizen(live_server: LiveServer, portfolios: PortfolioService) -> Person:
    """A citizen with a stored portfolio holding one self-declared and one employer claim."""
    accounts = AccountService(live_server.database, live_server.settings)
    email = f"edit-{uuid.uuid4().hex[:8]}@example.org"
    account = accounts.register(email, PASSWORD, "Toetsburger")
    hits = TaxonomyService(live_server.database).search("spreadsheets", "en", ConceptKind.SKILL, 2)
    claims = (
        SkillClaim("c1", hits[0].uri, Source(ActorType.SELF)),
        SkillClaim("c2", hits[1].uri, Source(ActorType.EMPLOYER, "Bouw NV")),
    )
    portfolios.create(account.id, Portfolio(claims=claims))
    return Person(account.id, email, "Toetsburger")


def focus(page: Any, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element with ``element_id`` has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} not reached with Tab")


def stored(portfolios: PortfolioService, person: Person) -> Portfolio:
    actor = Actor(person.id, Role.CITIZEN)
    ids = portfolios.portfolios_of(person.id, actor, Purpose.SELF, "/tests")
    return portfolios.load(ids[0], actor, Purpose.SELF, "/tests").portfolio


def test_edits_with_the_keyboard_only(
    new_page: Any, citizen: Person, portfolios: PortfolioService
) -> None:
    page = new_page(allow_console_errors=("status of 422",))
    log_in(page, citizen)
    # preferences: every field reached with Tab, saved with Enter
    page.goto("/mijn-competenties/voorkeuren")
    focus(page, "interests")
    page.keyboard.type("zorg, techniek")
    page.keyboard.press("Tab")
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    page.keyboard.type("Gent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    prefs = stored(portfolios, citizen).preferences
    assert (prefs.interests, prefs.hours_per_week, prefs.region) == (
        ("zorg", "techniek"),
        30.0,
        "Gent",
    )
    # a wrong number: the message is announced and leads back to the field
    focus(page, "hours")
    page.keyboard.press("Control+A")
    page.keyboard.type("99")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("getal van 0 tot 80")
    expect(page.locator("#hours")).to_have_attribute("aria-invalid", "true")
    # a goal: search, pick with the arrow keys, choose the role with the keyboard, save
    page.goto("/mijn-competenties/doelen")
    focus(page, "zoek")
    page.keyboard.type("lasser")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/doelen\?zoek=lasser$"))
    focus(page, "occ-1")
    focus(page, "role-target")  # "doel" is chosen by default; arrows change the choice
    page.keyboard.press("ArrowUp")
    expect(page.locator("#role-current")).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#role-target")).to_be_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mijn-competenties/doelen$"))
    assert len(stored(portfolios, citizen).targets) == 1
    expect(page.get_by_role("button", name="Verwijder doel: lasser")).to_be_visible()
    # the employer's claim: only "last used" and the note are offered
    page.goto("/mijn-competenties/claim/c2")
    expect(page.locator("#actor_type")).to_have_count(0)
    focus(page, "note")
    page.keyboard.type("Nog elke week")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/mijn-competenties$"))
    assert stored(portfolios, citizen).claim("c2").note == "Nog elke week"  # type: ignore[union-attr]


def test_edit_pages_have_no_wcag_violations(
    new_page: Any, axe_source: str, citizen: Person
) -> None:
    page = new_page(allow_console_errors=("status of 4",))
    log_in(page, citizen)
    found: dict[str, str] = {}

    def check(where: str) -> None:
        if violations := axe_violations(page, axe_source):
            found[where] = describe(violations)

    for path in (
        "/mijn-competenties",
        "/mijn-competenties/claim/c1",
        "/mijn-competenties/claim/c2",
        "/mijn-competenties/loopbaan",
        "/mijn-competenties/loopbaan/nieuw?soort=job&zoek=kok",
        "/mijn-competenties/loopbaan/nieuw?soort=learning&zoek=spreadsheets",
        "/mijn-competenties/doelen?zoek=kok",
        "/mijn-competenties/voorkeuren",
        "/mijn-competenties/geschiedenis",
        "/mijn-competenties/geschiedenis/1",
        "/mijn-competenties/geschiedenis/999",
    ):
        page.goto(path)
        check(path)
    # pages in their error state
    page.goto("/mijn-competenties/claim/c1")
    page.locator("#acquired").fill("2022-01-01")
    page.locator("#last_used").fill("2021-01-01")
    page.locator("form[action='/mijn-competenties/claim/c1'] button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check("claim used before it was learned")
    page.goto("/mijn-competenties/loopbaan/nieuw?soort=job")
    page.locator("#title").fill("Kok")
    page.locator("form[action='/mijn-competenties/loopbaan'] button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check("job without an occupation")
    page.goto("/mijn-competenties/loopbaan")
    with page.expect_navigation():
        page.get_by_role("link", name="Werk toevoegen").click()
    check("new job")
    assert not found, "\n".join(f"{where}:\n{text}" for where, text in found.items())
