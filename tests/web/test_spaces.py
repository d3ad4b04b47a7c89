"""Each space's main path in the browser: the citizen check, the portfolio from a CV, and the
employer's workforce check (upload and demo), with the keyboard where it matters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

import koers.examples

EXAMPLES = Path(koers.examples.__file__).parent


def test_citizen_check_with_demo_portfolio_by_keyboard(page: Any) -> None:
    page.goto("/competentiecheck")
    expect(page.locator("h1")).to_be_visible()
    demo = page.locator("form:has(input[name=demo]) button[type=submit]").first
    demo.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#lights-title")).to_be_visible()
    expect(page.locator("#fits-title")).to_be_visible()
    expect(page.locator("#plan-title")).to_be_visible()
    expect(page.locator("#answers-title")).to_be_visible()


def test_portfolio_from_cv_text(page: Any) -> None:
    page.goto("/mijn-competenties")
    page.locator("#cv").fill(
        "Ik werkte vijf jaar als heftruckchauffeur in een magazijn.\n"
        "I manage stock and use Microsoft Excel every day."
    )
    with page.expect_navigation():
        page.locator("form:has(#cv) button[type=submit]").click()
    # an import is reviewed first: every skill found, ticked, with the words it was found in
    expect(page.locator("h1")).to_have_text("Controleer wat we vonden")
    boxes = page.locator("input[name=keep]")
    expect(boxes.first).to_be_checked()
    expect(page.locator("main")).to_contain_text("heftruck")


def test_employer_uploads_workforce_file(page: Any) -> None:
    page.goto("/werkgever/check")
    page.locator("#workforce").set_input_files(str(EXAMPLES / "workforce_example.csv"))
    with page.expect_navigation():
        page.locator("form:has(#workforce) button[type=submit]").click()
    expect(page.locator("#score-title")).to_be_visible()
    expect(page.locator("#rows-title")).to_be_visible()
    expect(page.locator("#plan-title")).to_be_visible()


def test_employer_broken_file_lists_problems(new_page: Any, tmp_path: Path) -> None:
    page = new_page(allow_console_errors=("422",))  # the page answers 422 with the problems
    broken = tmp_path / "personeel.csv"
    broken.write_text("employee,occupation,age_band\n1,,45-54\n2,lasser,99-120\n", encoding="utf-8")
    page.goto("/werkgever/check")
    page.locator("#workforce").set_input_files(str(broken))
    with page.expect_navigation():
        page.locator("form:has(#workforce) button[type=submit]").click()
    problems = page.locator("#problems")
    expect(problems).to_be_visible()
    expect(page.locator("#score-title")).to_have_count(0)
