"""The CLI contract other checks rely on (``koers taxonomy ... --format json``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli import _context
from koers.cli.main import app
from koers.store.db import Database

runner = CliRunner()


@pytest.fixture()
def cli_env(sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    _context.reset()


def run(*args: str) -> object:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.usefixtures("cli_env")
def test_stats_json() -> None:
    stats = run("taxonomy", "stats", "--format", "json")
    assert isinstance(stats, dict)
    assert stats["esco_version"] == "v1.1.1"
    assert stats["occupations"] == 3007 and stats["skills"] == 13896
    assert stats["occupation_skill_relations"] == 123855 - 67
    assert stats["isco_groups"] == 619 and stats["languages"] == ["en", "nl"]


@pytest.mark.usefixtures("cli_env")
def test_search_json() -> None:
    hits = run(
        "taxonomy",
        "search",
        "JavaScript",
        "--lang",
        "en",
        "--kind",
        "skill",
        "--limit",
        "3",
        "--format",
        "json",
    )
    assert isinstance(hits, list) and hits[0]["label"] == "JavaScript"
    assert {"uri", "label", "kind", "score"} <= set(hits[0])


@pytest.mark.usefixtures("cli_env")
def test_occupation_json() -> None:
    hit = run(
        "taxonomy",
        "search",
        "verpleegkundige",
        "--lang",
        "nl",
        "--kind",
        "occupation",
        "--limit",
        "1",
        "--format",
        "json",
    )
    assert isinstance(hit, list)
    occupation = run("taxonomy", "occupation", hit[0]["uri"], "--format", "json")
    assert isinstance(occupation, dict)
    assert occupation["isco_group"]["code"] in {"2221", "3221"}
    assert occupation["essential_skills"] and "optional_skills" in occupation


@pytest.mark.usefixtures("cli_env")
def test_unknown_uri_is_a_clear_error() -> None:
    result = runner.invoke(app, ["taxonomy", "occupation", "http://nope"])
    assert result.exit_code == 3
    assert "No concept" in result.output
    assert "Traceback" not in result.output


def test_load_bad_folder_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KOERS_DATABASE_URL", raising=False)
    _context.reset()
    (tmp_path / "esco").mkdir()
    result = runner.invoke(app, ["data", "load", "--esco-dir", str(tmp_path / "esco")])
    assert result.exit_code == 2
    assert "no ESCO CSV files found" in result.output
