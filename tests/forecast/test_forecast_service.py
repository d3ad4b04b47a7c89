"""Forecast runs stored and read back: versioned runs, outlooks, skills, adjustments, shortages."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select
from tests.conftest import make_database
from tests.forecast.conftest import write_config

from koers.errors import InvalidInput
from koers.forecast.errors import ForecastInputError, NoOutlook
from koers.forecast.model import RunInfo
from koers.services.forecast import SAMPLE_DIR, ForecastService
from koers.store.migrate import downgrade, upgrade
from koers.store.orm.forecast import ForecastRunRow
from koers.taxonomy import ConceptKind

Runs = tuple[list[RunInfo], Path]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0003_up_down_up(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    database = make_database(backend, tmp_path, request)
    upgrade(database)
    tables = set(inspect(database.engine).get_table_names())
    forecast_tables = {
        "forecast_run",
        "forecast_series",
        "forecast_mismatch",
        "forecast_skill",
        "forecast_adjustment",
    }
    assert forecast_tables <= tables
    downgrade(database, "0001")
    assert not forecast_tables & set(inspect(database.engine).get_table_names())
    upgrade(database)
    assert forecast_tables <= set(inspect(database.engine).get_table_names())
    database.dispose()


def test_run_is_versioned_and_stored(forecast_runs: Runs) -> None:
    runs, out = forecast_runs
    assert [r.scenario for r in runs] == ["trend", "groei"]
    assert runs[0].is_default and not runs[1].is_default
    assert len({r.group_key for r in runs}) == 1
    assert runs[0].inputs_hash == runs[1].inputs_hash and len(runs[0].inputs_hash) == 64
    assert runs[0].method == "ets+mint_shrink" and runs[0].base_year == 2023
    assert all(r.is_sample for r in runs)
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert meta["sample_notice"] == "SAMPLE — not real data"
    assert {p.name for p in out.iterdir()} >= {"sectors.csv", "occupations.csv", "skills.csv"}


def test_latest_outlook_by_isco_and_esco(
    forecast_service: ForecastService, forecast_runs: Runs
) -> None:
    by_code = forecast_service.latest_outlook("2221")  # unit group → its minor group 222
    assert by_code.code == "222" and by_code.level == "occupation"
    assert by_code.run.scenario == "trend"
    years = [p.year for p in by_code.points]
    assert years[-1] == 2026 and [p.is_forecast for p in by_code.points][-3:] == [True] * 3
    assert by_code.prospects is not None and by_code.degree is not None
    nurse = forecast_service.taxonomy.search(
        "verpleegkundige", lang="nl", kind=ConceptKind.OCCUPATION, limit=1
    )[0]
    by_uri = forecast_service.latest_outlook(nurse.uri)
    assert by_uri.code[:2] == "22"
    major = forecast_service.latest_outlook("2")  # a major group sums its minor groups
    assert major.points[-1].employment > by_code.points[-1].employment
    growth = forecast_service.latest_outlook("222", scenario="groei")
    assert growth.points[-1].employment > by_code.points[-1].employment
    with pytest.raises(NoOutlook):
        forecast_service.latest_outlook("not-an-occupation")


def test_skill_indicator_and_adjustments(
    forecast_service: ForecastService, forecast_runs: Runs
) -> None:
    run = forecast_runs[0][0]
    extremes = forecast_service.skill_extremes(run, 3)
    uri = extremes["growing"][0][0]
    found = forecast_service.skill_indicator(run, uri)
    assert found["n_occupations"] >= 5 and found["top_isco"]
    before = found["adjusted_degree"]  # other tests may have adjusted this skill already
    down = -1 if before > -2 else 1
    forecast_service.add_adjustment(
        uri, "expert_panel", "ex_ante", down, "Panel test", date(2026, 3, 1), "test reason"
    )
    again = forecast_service.skill_indicator(run, uri)
    assert len(again["adjustments"]) == len(found["adjustments"]) + 1
    mine = [a for a in again["adjustments"] if a.author == "Panel test"]
    assert mine[-1].degree_delta == down and mine[-1].reason == "test reason"
    # deltas add up, then the degree is clamped to −2..+2
    total = sum(a.degree_delta for a in again["adjustments"] if a.kind == "ex_ante")
    assert again["adjusted_degree"] == max(-2, min(2, found["degree"] + total))
    if not found["adjustments"]:
        assert again["adjusted_degree"] == before + down
    assert again["degree"] == found["degree"]  # the model value is kept beside it
    with pytest.raises(InvalidInput):
        forecast_service.add_adjustment(uri, "twitter", "ex_ante", 1, "x", date(2026, 1, 1), "y")


def test_bad_input_stores_nothing(forecast_service: ForecastService, tmp_path: Path) -> None:
    with gzip.open(SAMPLE_DIR / "sample_employment_by_sector_age.csv.gz", "rt") as handle:
        lines = handle.read().splitlines()
    lines[5] = lines[5].replace(lines[5].split(",")[3], "-7", 1)
    bad = tmp_path / "employment.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = write_config(
        tmp_path,
        **{f"{SAMPLE_DIR.as_posix()}/sample_employment_by_sector_age.csv.gz": bad.as_posix()},
    )
    with forecast_service.database.session() as session:
        before = session.scalar(select(func.count()).select_from(ForecastRunRow))
    with pytest.raises(ForecastInputError, match=r"row 6, column 'employment'"):
        forecast_service.run(config, tmp_path / "out")
    with forecast_service.database.session() as session:
        assert session.scalar(select(func.count()).select_from(ForecastRunRow)) == before
    assert not (tmp_path / "out").exists()


def test_shortage_mapping_and_esco_flags(forecast_service: ForecastService) -> None:
    mapping = forecast_service.shortage_mapping()
    assert len(mapping.matches) == 228
    assert mapping.mapped >= 100  # published in docs/forecast-evaluation.md
    by_title = {m.title: m for m in mapping.matches}
    assert by_title["Landmeter"].how == "exact"
    # "Arts" is mapped by the reviewed crosswalk (huisarts, medisch specialist), never to
    # "artsenbezoeker" by a compound match
    assert by_title["Arts"].how == "reviewed"
    assert not {forecast_service._search("artsenbezoeker")[0][0]} & set(by_title["Arts"].uris)
    ranking, facts = forecast_service.tension(None, "2021-04", None, 50, 20)
    assert facts["is_report"] and facts["mapped"] == mapping.mapped
    flags = {r.occupation: r.shortage_match for r in ranking.rows}
    assert sum(1 for v in flags.values() if v == "title") == 10  # same as title matching
    assert "esco" in flags.values()  # ESCO finds more than titles alone
