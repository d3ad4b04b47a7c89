"""``koers forecast run | runs | outlook | adjust | map-shortages | sample`` and ESCO flags."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from tests.forecast.conftest import write_config
from typer.testing import CliRunner

from koers.cli import forecast as forecast_cli
from koers.cli.main import app
from koers.forecast.model import RunInfo
from koers.forecast.sample import SAMPLE_FILES
from koers.services.forecast import ForecastService
from koers.store.repositories.forecast import ForecastRepository

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[2] / "src" / "koers" / "forecast" / "fixtures"


@pytest.fixture()
def service(
    forecast_service: ForecastService,
    forecast_runs: tuple[list[RunInfo], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> ForecastService:
    monkeypatch.setattr(forecast_cli, "forecast_service", lambda: forecast_service)
    return forecast_service


def test_run_outlook_and_runs(service: ForecastService, tmp_path: Path) -> None:
    config = write_config(tmp_path, **{"horizon = 3": "horizon = 2"})
    result = runner.invoke(
        app, ["forecast", "run", "--config", str(config), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [r["scenario"] for r in body["runs"]] == ["trend", "groei"]
    assert body["sample_notice"] == "SAMPLE — not real data"
    assert (tmp_path / "o" / "sectors.csv").exists()
    outlook = runner.invoke(app, ["forecast", "outlook", "2221"])
    assert outlook.exit_code == 0, outlook.output
    data = json.loads(outlook.stdout)
    assert data["code"] == "222" and data["run"]["run_key"] == body["runs"][0]["run_key"]
    listed = json.loads(runner.invoke(app, ["forecast", "runs", "--limit", "2"]).stdout)
    assert listed[0]["run_key"] == body["runs"][-1]["run_key"]
    # leave the shared database as the session fixture made it ("latest" = that run)
    with service.database.session() as session:
        group = body["runs"][0]["run_key"].rsplit("-", 1)[0]
        assert ForecastRepository(session).delete_group(group) == 2


def test_bad_config_exits_2(service: ForecastService, tmp_path: Path) -> None:
    config = write_config(tmp_path, **{"horizon = 3": "horizon = 3\nhorizont = 4"})
    result = runner.invoke(app, ["forecast", "run", "--config", str(config)])
    assert result.exit_code == 2 and "unknown key(s) ['horizont']" in result.output
    missing = runner.invoke(app, ["forecast", "run", "--config", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2 and "file not found" in missing.output


def test_outlook_unknown_exits_3(service: ForecastService) -> None:
    result = runner.invoke(app, ["forecast", "outlook", "nonsense"])
    assert result.exit_code == 3


def test_tension_with_esco_flags(service: ForecastService) -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "tension",
            "--input",
            str(FIXTURES / "report_2_2_tension_tables.csv"),
            "--period",
            "2021-04",
            "--flag-shortages",
            "--shortage-match",
            "esco",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert header.endswith("vdab_sector,shortage_match")
    assert ",esco" in result.stdout and ",title" in result.stdout


def test_adjust_and_map_shortages(service: ForecastService, tmp_path: Path) -> None:
    run = service.pick()
    uri = service.skill_extremes(run, 1)["growing"][0][0]
    ok = runner.invoke(
        app,
        [
            "forecast",
            "adjust",
            "--skill",
            uri,
            "--source",
            "expert_panel",
            "--delta",
            "1",
            "--author",
            "Panel",
            "--date",
            "2026-02-01",
            "--reason",
            "sterker dan het model",
        ],
    )
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(
        app,
        [
            "forecast",
            "adjust",
            "--skill",
            uri,
            "--source",
            "expert_panel",
            "--author",
            "P",
            "--date",
            "1 feb",
            "--reason",
            "r",
        ],
    )
    assert bad.exit_code == 2 and "ISO date" in bad.output
    out = tmp_path / "map.csv"
    mapped = runner.invoke(app, ["forecast", "map-shortages", "--out", str(out)])
    assert mapped.exit_code == 0, mapped.output
    table = pd.read_csv(out)
    assert (
        len(table) == 228
        and json.loads(mapped.stdout)["mapped"]
        == (~table["how"].isin(["none", "reviewed_none"])).sum()
    )


def test_sample_command_writes_labelled_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["forecast", "sample", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in SAMPLE_FILES.values():
        frame = pd.read_csv(tmp_path / name, dtype=str)
        assert frame["source"].str.startswith("SAMPLE — not real data").all()
