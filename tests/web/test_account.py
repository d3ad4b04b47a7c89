"""Accounts and consent in the browser: register, log in (mouse and keyboard), give and
withdraw consent to a coach, and axe-core on every account page.

The people are made through the account service on the live server's own database copy.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import expect

from koers.access import Role
from koers.services.accounts import AccountService
from koers.services.consent import ConsentService
from tests.web.axe import axe_violations, describe
from tests.web.conftest import LiveServer

PASSWORD = "Zonnebloem-42-veld"


@dataclass(frozen=True)
class Person:
    id: str
    email: str
    name: str


@pytest.fixture(scope="module")
def accounts(live_server: LiveServer) -> AccountService:
    return AccountService(live_server.database, live_server.settings)


def make_person(accounts: AccountService, role: Role, name: str) -> Person:
    email = f"{role.value}-{uuid.uuid4().hex[:8]}@example.org"
    account = accounts.register(email, PASSWORD, name, role=role)
    return Person(account.id, email, name)


@pytest.fixture()
def citizen(accounts: AccountService) -> Person:
    return make_person(accounts, Role.CITIZEN, "Testburger")


@pytest.fixture()
def coach(accounts: AccountService) -> Person:
    return make_person(accounts, Role.COACH, "Testcoach")


def log_in(page: Any, person: Person, password: str = PASSWORD) -> Any:
    """Log in through the form (by field id, so it works in either language)."""
    page.goto("/inloggen")
    page.locator("#email").fill(person.email)
    page.locator("#password").fill(password)
    with page.expect_navigation():
        page.locator("form[action='/inloggen'] button[type=submit]").click()
    return page


def test_login_refuses_a_wrong_password_then_lets_in(new_page: Any, citizen: Person) -> None:
    page = new_page(allow_console_errors=("401",))
    page.goto("/inloggen")
    page.get_by_label("E-mailadres").fill(citizen.email)
    page.get_by_label("Wachtwoord").fill("Verkeerd-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("E-mailadres")).to_have_value(citizen.email)
    assert not [c for c in page.context.cookies() if c["name"] == "koers_session"]

    log_in(page, citizen)
    expect(page).to_have_url(re.compile(r"/mijn-gegevens$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    session = [c for c in page.context.cookies() if c["name"] == "koers_session"]
    assert session and session[0]["httpOnly"] and session[0]["sameSite"] == "Lax"

    page.get_by_role("link", name="Uitloggen").click()
    page.get_by_role("button", name="Ja, uitloggen").click()
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto("/mijn-gegevens")
    expect(page).to_have_url(re.compile(r"/inloggen"))


def test_login_with_the_keyboard_only(page: Any, citizen: Person) -> None:
    page.goto("/inloggen")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "email":
            break
    page.keyboard.type(citizen.email)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "password"
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")


def test_register_in_the_browser(page: Any, accounts: AccountService) -> None:
    email = f"nieuw-{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/registreren")
    page.get_by_label("Je naam").fill("Nieuwe burger")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Herhaal je wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Account maken").click()
    expect(page).to_have_url(re.compile(r"/mijn-gegevens$"))
    made = accounts.find_by_email(email)
    assert made is not None and made.role is Role.CITIZEN


def test_consent_is_given_and_withdrawn(
    new_page: Any, citizen: Person, coach: Person, accounts: AccountService
) -> None:
    page = log_in(new_page(), citizen)
    page.get_by_role("link", name="Wie mag mijn gegevens zien?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie mag mijn gegevens zien?")
    expect(page.get_by_text("Je gaf nog aan niemand toestemming.")).to_be_visible()

    page.get_by_label("Mijn loopbaanbegeleider").check()
    page.get_by_label("E-mailadres van je loopbaanbegeleider").fill(coach.email)
    page.get_by_label("Portfolio").check()
    page.get_by_label("Checks").check()
    page.get_by_role("button", name="Toestemming geven").click()

    expect(page).to_have_url(re.compile(r"done=granted"))
    expect(page.get_by_role("status")).to_have_text("Je toestemming is bewaard.")
    row = page.get_by_role("row").filter(has_text="Testcoach")
    expect(row).to_contain_text("Portfolio")
    expect(row).to_contain_text("Geldig")

    # the coach sees it, in a browser of their own
    coach_page = log_in(new_page(), coach)
    coach_page.goto("/mijn-gegevens/toegang")
    expect(coach_page.get_by_role("row").filter(has_text=citizen.id)).to_contain_text("Geldig")

    page.get_by_role("button", name="Toestemming voor Testcoach intrekken").click()
    expect(page).to_have_url(re.compile(r"done=withdrawn"))
    expect(page.get_by_role("status")).to_have_text("Je toestemming is ingetrokken.")
    expect(row).to_contain_text("Ingetrokken")
    expect(page.get_by_role("button", name="Toestemming voor Testcoach intrekken")).to_have_count(0)

    # withdrawn at the data layer too, and the coach sees that
    me = accounts.get(citizen.id)
    assert [view.status.value for view in ConsentService(accounts).consents_given(me)] == [
        "withdrawn"
    ]
    coach_page.reload()
    expect(coach_page.get_by_role("row").filter(has_text=citizen.id)).to_contain_text("Ingetrokken")


def test_refused_consent_form_keeps_the_input_and_says_why(new_page: Any, citizen: Person) -> None:
    page = log_in(new_page(allow_console_errors=("status of 4",)), citizen)
    page.goto("/mijn-gegevens/toegang")
    page.get_by_label("E-mailadres van je loopbaanbegeleider").fill("niemand@example.org")
    page.get_by_label("Portfolio").check()
    page.get_by_role("button", name="Toestemming geven").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("E-mailadres van je loopbaanbegeleider")).to_have_value(
        "niemand@example.org"
    )
    expect(page.get_by_label("Portfolio")).to_be_checked()


ANONYMOUS_PAGES = ["/inloggen", "/registreren"]
CITIZEN_PAGES = [
    "/mijn-gegevens",
    "/mijn-gegevens/toegang",
    "/mijn-gegevens/wie-keek",
    "/mijn-gegevens/downloaden",
    "/mijn-gegevens/verwijderen",
    "/uitloggen",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_account_pages_have_no_wcag_violations(
    new_page: Any,
    citizen: Person,
    coach: Person,
    accounts: AccountService,
    axe_source: str,
    lang: str,
) -> None:
    page = new_page()
    found: dict[str, str] = {}
    for path in ANONYMOUS_PAGES:
        page.goto(f"{path}?lang={lang}")
        if violations := axe_violations(page, axe_source):
            found[path] = describe(violations)
    log_in(page, citizen)
    page.goto(f"/mijn-gegevens/toegang?lang={lang}")
    page.locator("#coach_email").fill(coach.email)
    page.locator("input[name=resources]").first.check()
    page.locator("form.card button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"done=granted"))  # the table has a row now
    for path in ["/mijn-gegevens/toegang?done=granted", *CITIZEN_PAGES]:
        page.goto(f"{path}{'&' if '?' in path else '?'}lang={lang}")
        if violations := axe_violations(page, axe_source):
            found[path] = describe(violations)
    coach_page = log_in(new_page(), coach)
    coach_page.goto(f"/mijn-gegevens/toegang?lang={lang}")
    if violations := axe_violations(coach_page, axe_source):
        found["/mijn-gegevens/toegang (coach)"] = describe(violations)
    assert not found, "\n".join(f"{path}:\n{text}" for path, text in found.items())
