"""A small forecast run on the SAMPLE panels, stored once per session in the ESCO-loaded
SQLite database (horizon 3, two scenarios: fast, but every table filled)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from koers.forecast.model import RunInfo
from koers.services.forecast import SAMPLE_DIR, ForecastService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

CONFIG = """
label = "Test run (SAMPLE — not real data)"
horizon = 3
shares = "trend"
[backtest]
horizon = 2
windows = 2
[inputs]
employment = "{d}/sample_employment_by_sector_age.csv.gz"
occupation_key = "{d}/sample_occupation_by_sector_key.csv.gz"
school_leavers = "{d}/sample_school_leavers.csv.gz"
separation_rates = "{d}/sample_separation_rates_by_age.csv.gz"
inflows = "{d}/sample_supply_inflows.csv.gz"
field_key = "{d}/sample_field_to_occupation_key.csv.gz"
labour_flows = "{d}/sample_jobseekers_vacancies.csv.gz"
[[scenarios]]
name = "trend"
label_nl = "Trend zet door"
[[scenarios]]
name = "groei"
kind = "growth"
annual_pct = 1.0
[scenarios.supply]
kind = "field_trend"
fields = ["06"]
trend_years = 2
"""


def write_config(folder: Path, data_dir: Path = SAMPLE_DIR, **replace: str) -> Path:
    text = CONFIG.format(d=data_dir.as_posix())
    for old, new in replace.items():
        text = text.replace(old, new)
    path = folder / "run.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def forecast_service(sqlite_loaded: Database) -> ForecastService:
    return ForecastService(sqlite_loaded, TaxonomyService(sqlite_loaded))


@pytest.fixture(scope="session")
def forecast_runs(
    forecast_service: ForecastService, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[list[RunInfo], Path]]:
    folder = tmp_path_factory.mktemp("forecast-run")
    out = folder / "out"
    runs = forecast_service.run(write_config(folder), out)
    yield runs, out
