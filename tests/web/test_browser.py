"""End-to-end paths in headless Chromium: search, concept, hierarchy, language, keyboard only.

Fixtures (live server, Chromium, request guard) are in ``conftest.py``.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect


def active(page: Any, what: str) -> Any:
    """A property of the focused element (``id``, ``tagName``, ``href``, ``className``…)."""
    return page.evaluate(f"() => document.activeElement && document.activeElement.{what}")


def tab_until(page: Any, predicate: str, limit: int = 80) -> None:
    """Press Tab until the JavaScript ``predicate(document.activeElement)`` holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return
    raise AssertionError(f"no focusable element matched {predicate} within {limit} tabs")


def test_search_concept_and_hierarchy_by_mouse(page: Any) -> None:
    page.goto("/taxonomie")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_label("Wat zoek je?").fill("verpleegkundge")  # a typo on purpose
    page.get_by_label("Beroep", exact=True).check()
    page.get_by_role("button", name="Zoeken").click()
    expect(page).to_have_url(re.compile(r"/taxonomie\?q=verpleegkundge&kind=occupation"))
    status = page.get_by_role("status")
    expect(status).to_contain_text("resultaten")
    first = page.locator("ol.results a").first
    label = first.inner_text()
    first.click()

    expect(page).to_have_url(re.compile(r"/taxonomie/concept\?key="))
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    expect(page.get_by_role("heading", name=re.compile("Wat je zeker moet kunnen"))).to_be_visible()
    crumbs = page.get_by_role("navigation", name="Waar ben je")
    group = crumbs.get_by_role("link").last
    group_label = group.inner_text()
    group.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(group_label)
    narrower = page.locator("#narrower a").first
    expect(narrower).to_be_visible()
    narrower_label = narrower.inner_text()
    narrower.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(narrower_label)


def test_tree_walk_from_the_isco_top(page: Any) -> None:
    page.goto("/taxonomie")
    page.get_by_role("link", name=re.compile("Alle beroepen")).click()
    expect(page).to_have_url(re.compile(r"/taxonomie/boom\?hierarchy=isco"))
    roots = page.locator("#roots a")
    expect(roots).to_have_count(10)
    roots.first.click()
    expect(page).to_have_url(re.compile(r"/taxonomie/concept\?key="))
    expect(page.locator("#narrower a").first).to_be_visible()


def test_language_switch_is_remembered(page: Any) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij Koers")
    switch = page.get_by_role("link", name="In English")
    expect(switch).to_have_attribute("lang", "en")
    switch.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Koers")
    page.get_by_role("link", name="Occupations and skills").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("What are you looking for?")).to_be_visible()
    page.get_by_role("link", name="In het Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_label("Wat zoek je?")).to_be_visible()


def test_skip_link_is_first_visible_on_focus_and_moves_focus(page: Any) -> None:
    page.goto("/")
    skip = page.locator("a.skip-link")
    box = skip.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 0, "hidden until focused"
    page.keyboard.press("Tab")
    assert active(page, "className") == "skip-link"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 0, "visible when focused"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus is visible"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#inhoud$"))
    assert active(page, "id") == "inhoud"
    page.keyboard.press("Tab")
    assert active(page, "id") == "q", "next stop after the skip is the search field"


def test_keyboard_only_search_to_concept(page: Any) -> None:
    page.goto("/")
    tab_until(page, "el => el.id === 'q'")
    page.keyboard.type("lassen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/taxonomie\?q=lassen"))
    expect(page.get_by_role("status")).to_contain_text("resultaten")
    tab_until(page, "el => el.closest && el.closest('ol.results') !== null")
    target = active(page, "textContent").strip()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/taxonomie/concept\?key="))
    expect(page.get_by_role("heading", level=1)).to_have_text(target)
    # the "show all" disclosure opens with the keyboard too
    summaries = page.locator("details.show-all summary")
    if summaries.count():
        tab_until(page, "el => el.tagName === 'SUMMARY'")
        page.keyboard.press("Enter")
        expect(page.locator("details.show-all").first).to_have_attribute("open", "")


def test_keyboard_reaches_the_kind_choice_and_changes_it(page: Any) -> None:
    page.goto("/taxonomie")
    tab_until(page, "el => el.id === 'q'")
    page.keyboard.type("verpleegkundige")
    tab_until(page, "el => el.type === 'radio'")
    page.keyboard.press("ArrowRight")  # Alles -> Beroep
    assert active(page, "value") == "occupation"
    page.keyboard.press("Enter")  # submits the form
    expect(page).to_have_url(re.compile(r"kind=occupation"))
    expect(page.locator("ol.results .badge").first).to_have_text("Beroep")


def test_unknown_concept_shows_a_dutch_error_page(new_page: Any) -> None:
    page = new_page(allow_console_errors=("404",))
    response = page.goto("/taxonomie/concept?key=bestaat-niet")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Er ging iets mis")
    page.get_by_role("link", name=re.compile("start", re.IGNORECASE)).last.click()
    expect(page).to_have_url(re.compile(r"/$"))


def test_security_headers_reach_the_browser(page: Any) -> None:
    response = page.goto("/")
    assert response is not None
    headers = response.headers
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "http" not in csp, "no external source in the CSP"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_api_docs_work_offline_under_the_csp(page: Any) -> None:
    page.goto("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Koers API")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
