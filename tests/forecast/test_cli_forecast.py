"""``koers forecast``: golden report tables, error exits, back-test and vintage commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from koers.cli.main import app

FIXTURES = Path(__file__).resolve().parents[2] / "src" / "koers" / "forecast" / "fixtures"
COUNTS = FIXTURES / "report_2_2_tension_tables.csv"
runner = CliRunner()


def _published_csv(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_table_1_csv_is_the_published_table() -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "tension",
            "--input",
            str(COUNTS),
            "--period",
            "2021-04",
            "--min-vacancies",
            "50",
            "--top",
            "20",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == _published_csv("report_table_1_2021-04.csv")


def test_table_2_json_is_the_published_table() -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "tension",
            "--input",
            str(COUNTS),
            "--period",
            "2020-02",
            "--filter-period",
            "2021-04",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    published = list(csv.DictReader(io.StringIO(_published_csv("report_table_2_2020-02.csv"))))
    assert [r["occupation"] for r in rows] == [p["occupation"] for p in published]
    assert [r["tension_ratio"] for r in rows] == [float(p["tension_ratio"]) for p in published]
    assert [r["vacancies"] for r in rows] == [int(p["vacancies"]) for p in published]
    assert "6 occupation(s)" in result.stderr


def test_shortage_flags_from_bundled_vdab_list() -> None:
    result = runner.invoke(
        app,
        ["forecast", "tension", "--input", str(COUNTS), "--period", "2021-04", "--flag-shortages"],
    )
    assert result.exit_code == 0, result.output
    rows = {r["occupation"]: r for r in json.loads(result.stdout)}
    assert rows["Calculator bouw"]["shortage_list"] is True
    assert rows["Calculator bouw"]["shortage_decree"] is True
    assert rows["Verpleegkundige"]["shortage_decree"] is False


def test_compare_reports_14_shared_occupations() -> None:
    result = runner.invoke(
        app,
        [
            "forecast",
            "tension-compare",
            "--input",
            str(COUNTS),
            "--period",
            "2021-04",
            "--baseline-period",
            "2020-02",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert len(payload["stayed"]) == 14
    assert payload["filter_period"] == "2021-04"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("occupation,period,jobseekers\nA,p,1\n", "column 'vacancies'"),
        ("occupation,period,jobseekers,vacancies\nA,p,-3,5\n", "row 2, column 'jobseekers'"),
        ("occupation,period,jobseekers,vacancies\nA,p,1,veel\n", "row 2, column 'vacancies'"),
        ("occupation,period,jobseekers,vacancies\nA,p,1,0\n", "row 2, column 'vacancies'"),
        ("occupation,period,jobseekers,vacancies\nA,p,1,5\nA,p,1,6\n", "row 3"),
        ("occupation,period,jobseekers,vacancies\nA,q,1,5\n", "period 'p'"),
    ],
)
def test_bad_input_exits_2_without_traceback(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["forecast", "tension", "--input", str(path), "--period", "p"])
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["forecast", "tension", "--input", str(tmp_path / "nope.csv"), "--period", "p"]
    )
    assert result.exit_code == 2
    assert "file not found" in result.stderr


def test_backtest_long_panel(tmp_path: Path) -> None:
    t = np.arange(1, 61)
    frame = pd.concat(
        [
            pd.DataFrame({"sector": "line", "year": t, "jobs": 3.0 * t + 1}),
            pd.DataFrame({"sector": "flat", "year": t, "jobs": 10.0 + (t % 2)}),
        ]
    )
    path = tmp_path / "panel.csv"
    frame.to_csv(path, index=False)
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            "--panel",
            str(path),
            "--id-col",
            "sector",
            "--time-col",
            "year",
            "--value-col",
            "jobs",
            "--horizon",
            "4",
            "--windows",
            "2",
            "--freq",
            "int",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload["overall"]) == {"koers", "naive", "drift"}
    assert {"mase", "mape", "direction_hit_rate"} <= set(payload["overall"]["naive"])
    line = next(s for s in payload["series"] if s["unique_id"] == "line")
    assert line["drift"]["mase"] == pytest.approx(0.0, abs=1e-9)
    assert line["naive"]["mase"] == pytest.approx(2.5)  # mean of h = 1..4


def test_backtest_bad_panel_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "panel.csv"
    path.write_text("id,t,v\na,2020-01-01,1\na,2020-02-01,oops\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "forecast",
            "backtest",
            "--panel",
            str(path),
            "--id-col",
            "id",
            "--time-col",
            "t",
            "--value-col",
            "v",
            "--horizon",
            "1",
        ],
    )
    assert result.exit_code == 2
    assert "row 3, column 'v'" in result.stderr


def test_eval_bls_vintages_matches_702_occupations() -> None:
    result = runner.invoke(app, ["forecast", "eval-bls-vintages", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["matched_occupations"] == 702
    bls = payload["overall"]["bls_2019_29"]
    # the anchors, measured on the same file
    assert bls["direction_hit_rate"] == pytest.approx(0.617, abs=0.0005)
    assert bls["median_ape"] == pytest.approx(11.9, abs=0.05)
    assert payload["overall"]["drift"]["median_ape"] == pytest.approx(14.8, abs=0.05)
    assert payload["overall"]["naive"]["median_ape"] == pytest.approx(13.3, abs=0.05)
