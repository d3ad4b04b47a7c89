"""The analyst pages in headless Chromium: no WCAG 2.1 A/AA violation (axe-core), data tables
opened, keyboard reachable, nothing blocked by the CSP. Uses the browser fixtures of
``tests/web`` on a copy of the database that holds the session's SAMPLE forecast run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.web.axe import axe_violations, describe
from tests.web.conftest import axe_source, browser, live_server, new_page, page  # noqa: F401

from koers.forecast.model import RunInfo

PAGES = [
    "/analist",
    "/analist/sector/QA",
    "/analist/beroepen",
    "/analist/beroep/222",
    "/analist/competenties?q=verpleegkunde",
    "/analist/spanning?period=2020-02&filter_period=2021-04",
    "/analist/backtest",
]


@pytest.fixture(scope="session", autouse=True)
def _run_first(forecast_runs: tuple[list[RunInfo], Path]) -> None:
    """The run must exist before ``live_server`` copies the database."""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_analyst_page_has_no_wcag_violations(
    page: Any,  # noqa: F811
    axe_source: str,  # noqa: F811
    path: str,
    lang: str,
) -> None:
    separator = "&" if "?" in path else "?"
    response = page.goto(f"{path}{separator}lang={lang}")
    assert response is not None and response.status == 200
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe_violations(page, axe_source)
    assert not violations, describe(violations)


def test_scenario_switch_by_keyboard(page: Any) -> None:  # noqa: F811
    page.goto("/analist")
    page.select_option("#scenario", "groei")
    page.focus("#scenario")
    page.keyboard.press("Tab")  # the next stop is the "Toon" button
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Toon"
    page.keyboard.press("Enter")
    page.wait_for_url("**scenario=groei**")
    assert page.locator("svg.chart").count() >= 2
