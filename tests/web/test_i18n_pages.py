"""No page shows a raw message id: every text a page asks for is in the catalogues.

Each GET page of every space, plus the pages behind the main paths (citizen check, portfolio,
employer check with the demo files), in every language Koers has a catalogue for.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from babel.messages.pofile import read_po

from koers.i18n import LOCALE_DIR, catalogue_path, languages
from tests.web.test_accessibility import web_page_paths


def _message_ids() -> re.Pattern[str]:
    with catalogue_path(LOCALE_DIR, "nl").open("rb") as po:
        ids = sorted((m.id for m in read_po(po) if m.id), key=len, reverse=True)
    # an id shows as itself when it is missing; match it as a whole token, not inside a word
    return re.compile(r"(?<![\w./-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


RAW_ID = _message_ids()


def raw_ids(page: Any) -> set[str]:
    """Message ids in the page's text and in the attributes people hear or see."""
    found = set(RAW_ID.findall(page.locator("html").inner_text()))
    attributes = page.evaluate(
        """() => [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
            .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt']
            .map(a => e.getAttribute(a) || ''))"""
    )
    for text in [page.title(), *attributes]:
        found |= set(RAW_ID.findall(text))
    return found


def test_the_detector_finds_a_raw_id(page: Any) -> None:
    page.goto("/")
    page.evaluate("() => document.querySelector('main').append('citizen.skills.title')")
    assert raw_ids(page) == {"citizen.skills.title"}


@pytest.mark.parametrize("lang", languages())
def test_no_page_shows_a_raw_message_id(new_page: Any, lang: str) -> None:
    page = new_page(allow_console_errors=("status of 4",))
    found: dict[str, set[str]] = {}
    for path in web_page_paths():
        response = page.goto(f"{path}?lang={lang}")
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        if ids := raw_ids(page):
            found[path] = ids
    # the pages behind a form: the citizen check and the portfolio with the demo, the employer
    # check with the demo workforce
    for path, form in (
        ("/competentiecheck", "form:has(input[name=demo])"),
        ("/mijn-competenties", "form:has(input[name=demo])"),
        ("/werkgever/check", "form:has(input[name=demo])"),
    ):
        page.goto(f"{path}?lang={lang}")
        with page.expect_navigation():
            page.locator(f"{form} button[type=submit]").first.click()
        if ids := raw_ids(page):
            found[f"{path} (demo)"] = ids
    assert not found, found
