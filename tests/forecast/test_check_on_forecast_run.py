"""The citizen check end to end on a stored forecast run (SAMPLE panels): the forecast
adapter reads the run's outlooks, not a stub, and says which run it used."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from fastapi.testclient import TestClient

from koers.app import create_app
from koers.check import Outlook
from koers.config import Settings
from koers.forecast.model import RunInfo
from koers.services.check import CheckService, ForecastOutlooks
from koers.services.forecast import ForecastService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

Runs = tuple[list[RunInfo], Path]


def test_citizen_check_reads_the_latest_stored_run(
    sqlite_loaded: Database, forecast_runs: Runs
) -> None:
    taxonomy = TaxonomyService(sqlite_loaded)
    checks = CheckService(taxonomy, forecasts=ForecastService(sqlite_loaded, taxonomy))
    checks.wait_for_forecast(180)
    demo = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json")
    portfolio = PortfolioService(sqlite_loaded, checks).read(demo.read_bytes(), demo.name)
    result = checks.citizen(portfolio, "nl")

    assert result.forecast.loaded
    assert result.forecast.vintage in {r.run_key for r in forecast_runs[0]}
    assert result.forecast.sample and "SAMPLE" in result.forecast.note  # a sample run says so
    outlooks = [f.forecast.outlook for f in result.fits]
    assert result.fits and all(o is None or isinstance(o, Outlook) for o in outlooks)
    assert any(o is not None for o in outlooks), "no occupation got an outlook from the run"
    for fit in result.fits:
        if fit.forecast.outlook is not None:
            assert fit.forecast.source.startswith("forecast run ")


def test_check_page_says_the_outlooks_are_samples(
    sqlite_loaded: Database, forecast_runs: Runs, settings: Settings
) -> None:
    app = create_app(settings, sqlite_loaded)
    client = TestClient(app)
    page = client.get("/competentiecheck")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    shown = client.post("/competentiecheck", data={"csrf_token": token.group(1), "demo": "1"})
    assert shown.status_code == 200
    assert "voorbeeldcijfers, niet uit een echte prognose" in shown.text


def test_warm_up_builds_the_mappings_before_the_first_check(
    sqlite_loaded: Database, forecast_runs: Runs
) -> None:
    taxonomy = TaxonomyService(sqlite_loaded)
    checks = CheckService(taxonomy, forecasts=ForecastService(sqlite_loaded, taxonomy))
    thread = checks.warm_up(180)
    thread.join(200)
    assert not thread.is_alive()
    source = checks.forecast
    assert isinstance(source, ForecastOutlooks)
    assert source.wait_until_ready(0)  # nothing left to build: a first check gets the flags
