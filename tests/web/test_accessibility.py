"""axe-core in headless Chromium: no WCAG 2.1 A or AA violation on the main pages.

Each page is checked as it loads, in Dutch and in English, and once more with every
``<details>`` opened (hidden content gets checked too).
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute

from koers.app import WEB_ROUTERS
from tests.web.axe import axe_violations, describe

PAGES = [
    "/",
    "/taxonomie",
    "/taxonomie?q=verpleegkundige&kind=occupation",
    "/taxonomie?q=zzzzqqqq",  # no results
    "/taxonomie/concept?key=2221.1",  # occupation with skills and breadcrumb
    "/taxonomie/concept?key=2221",  # ISCO group
    "/taxonomie/boom?hierarchy=isco",
    "/taxonomie/boom?hierarchy=skills",
]
# Not checked: /api/docs, the developers' Swagger UI (third-party markup with its own contrast
# and nesting issues); tests/web/test_browser.py checks that it works offline under the CSP.


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_violations(page: Any, axe_source: str, path: str, lang: str) -> None:
    separator = "&" if "?" in path else "?"
    response = page.goto(f"{path}{separator}lang={lang}")
    assert response is not None and response.status == 200
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)


def test_error_page_has_no_wcag_violations(new_page: Any, axe_source: str) -> None:
    page = new_page(allow_console_errors=("404",))
    page.goto("/taxonomie/concept?key=bestaat-niet")
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)


def test_opened_details_have_no_wcag_violations(page: Any, axe_source: str) -> None:
    # a skill group with many narrower concepts: the "show all" list is behind <details>
    page.goto("/taxonomie/boom?hierarchy=skills")
    page.locator("#roots a").first.click()
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)


def web_page_paths() -> list[str]:
    """Every page of every web space that needs no path parameter (spaces added later too)."""
    paths = {
        route.path or "/"
        for router in WEB_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods and "{" not in route.path
    }
    return sorted(paths)


def test_every_web_page_has_no_wcag_violations(new_page: Any, axe_source: str) -> None:
    """Each GET page of every space, as an anonymous visitor sees it (a page that needs a login
    shows the login page; downloads and redirects elsewhere are left out)."""
    page = new_page(allow_console_errors=("status of 4",))
    seen: set[str] = set()
    found: dict[str, str] = {}
    for path in web_page_paths():
        response = page.goto(path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        landed = page.url.split("?")[0]
        if landed in seen:
            continue
        seen.add(landed)
        if violations := axe_violations(page, axe_source):
            found[f"{path} ({response.status})"] = describe(violations)
    assert len(seen) >= 3, seen
    assert not found, "\n".join(f"{path}:\n{text}" for path, text in found.items())


def test_axe_finds_a_planted_violation(page: Any, axe_source: str) -> None:
    """The check can fail: a missing alt text, an unlabelled field and low contrast are caught."""
    page.goto("/")
    page.evaluate(
        """() => {
            const img = document.createElement('img');
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            const pale = document.createElement('p');
            pale.textContent = 'bleke tekst';
            pale.style.color = '#bbbbbb';  // CSSOM, allowed under the CSP
            document.querySelector('main').append(img, document.createElement('input'), pale);
        }"""
    )
    ids = {v["id"] for v in axe_violations(page, axe_source)}
    assert {"image-alt", "label", "color-contrast"} <= ids
