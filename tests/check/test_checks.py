"""Citizen and organisation checks on the loaded ESCO store, through the service and the CLI."""

from __future__ import annotations

import io
import json
from datetime import date
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from koers.check import NoForecast, WorkforceInvalid, to_jsonable
from koers.cli import _context
from koers.cli.main import app
from koers.i18n import translate_message
from koers.services.check import CheckService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

AS_OF = date(2026, 11, 1)
runner = CliRunner()


def example(name: str) -> bytes:
    return resources.files("koers.examples").joinpath(name).read_bytes()


def example_path(name: str) -> str:
    return str(resources.files("koers.examples").joinpath(name))


@pytest.fixture(scope="module")
def checks(sqlite_loaded: Database) -> CheckService:
    # the shared store may hold forecast runs of other tests: pin the "no forecast" state
    return CheckService(TaxonomyService(sqlite_loaded), forecast=NoForecast())


def test_citizen_check_on_the_demo_citizen(checks: CheckService) -> None:
    portfolio = PortfolioService(checks.taxonomy.database, checks).read(
        example("demo_citizen_portfolio.json"), "demo.json"
    )
    result = checks.citizen(portfolio, "nl", AS_OF)
    current, target = result.fits
    assert current.occupation.label == "magazijnmedewerker"
    assert current.essential_total == 39 and current.coverage == 1.0  # all implied by the job
    assert target.occupation.label == "magazijnchef"
    assert 0 < (target.coverage or 0) < 0.5 and target.missing
    codes = {w.code for w in result.warnings}
    assert {"long_tenure", "stale_skills"} <= codes
    assert "single_field_career" not in codes  # ISCO 8344 and 9333: two major groups
    assert "no_recent_learning" in codes  # last course 2009
    assert result.forecast.loaded is False
    payload = json.loads(json.dumps(to_jsonable(result, translate_message)))
    assert [a["key"] for a in payload["answers"]] == [
        "labour_market",
        "my_job",
        "still_needed",
        "employable",
        "what_i_want",
        "learning_paths",
    ]
    assert payload["plan"][0]["order"] == 1


def test_organisation_check_on_the_example(checks: CheckService) -> None:
    result = checks.organisation(example("workforce_example.csv"), "team.csv", "nl", AS_OF)
    assert result.headcount == 4 + 6 + 3
    by_key = {r.key: r for r in result.rows}
    w1 = by_key["VOORBEELD-W001"]
    assert w1.occupation.method == "title" and w1.occupation.label == "magazijnmedewerker"
    assert w1.fit_measured and w1.second_half and len(w1.career_options) == 4
    assert by_key["VOORBEELD-W004"].occupation.method == "code"
    assert by_key["VOORBEELD-W003"].occupation.method == "uri"
    assert result.score.value is not None and result.score.partial
    assert any(item.hook == "incentives" for item in result.plan)
    assert any(r.moves for r in result.rows)


def test_semicolon_csv_and_parquet_read_the_same(checks: CheckService) -> None:
    text = example("workforce_example.csv").decode()
    semicolon = text.replace(";", "|").replace(",", ";").encode("cp1252")
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    rows_csv = checks.read_workforce(example("workforce_example.csv"), "a.csv")
    rows_semi = checks.read_workforce(semicolon, "b.csv")
    rows_parquet = checks.read_workforce(buffer.getvalue(), "c.parquet")
    assert rows_csv == rows_semi == rows_parquet


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01garbage\xff" * 20, "not a CSV"),
        (b"PAR1 not really parquet", "Parquet"),
        (b"employee,occupation\n", "no rows"),
        (b",", "no header"),  # found by the API fuzz test: was an IndexError (500)
        (b'"', "no header"),
        (b";;\n;;", "no header"),
    ],
)
def test_bad_workforce_files(checks: CheckService, data: bytes, message: str) -> None:
    with pytest.raises(WorkforceInvalid, match=message):
        checks.read_workforce(data, "team.csv")


def test_broken_rows_are_all_listed(checks: CheckService) -> None:
    data = (
        b"employee,occupation,age_band,contract_hours\n"
        b"E1,magazijnmedewerker,45-54,38\n"
        b"E2,,veertig,38\n"
        b"E1,qwxzqwxz vvbnm,25-34,200\n"
    )
    with pytest.raises(WorkforceInvalid) as info:
        checks.read_workforce(data, "team.csv")
    rows = sorted({(r, c) for r, c, _ in info.value.problems})
    assert (3, "occupation") in rows and (3, "age_band") in rows
    assert (4, "employee") in rows and (4, "contract_hours") in rows


def test_rows_with_too_many_fields_are_named(checks: CheckService) -> None:
    data = b"employee,occupation\nE1,magazijnmedewerker\nE2,a,b\nE3\n"
    with pytest.raises(WorkforceInvalid) as info:
        checks.read_workforce(data, "team.csv")
    assert [(r, c) for r, c, _ in info.value.problems] == [(3, None), (4, None)]


@pytest.fixture()
def cli_env(sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    _context.reset()


@pytest.mark.usefixtures("cli_env")
def test_cli_check_citizen_json() -> None:
    result = runner.invoke(
        app,
        [
            "check",
            "citizen",
            "--portfolio",
            example_path("demo_citizen_portfolio.json"),
            "--format",
            "json",
            "--as-of",
            "2026-11-01",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["sample"] is True and isinstance(payload["forecast"]["loaded"], bool)
    assert payload["fits"][0]["role"] == "current"


@pytest.mark.usefixtures("cli_env")
def test_cli_check_organisation_json_and_errors(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "check",
            "organisation",
            "--workforce",
            example_path("workforce_example.csv"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headcount"] == 13
    broken = tmp_path / "broken.csv"
    broken.write_text("employee,occupation,age_band\nE1,,oud\n", encoding="utf-8")
    failed = runner.invoke(app, ["check", "organisation", "--workforce", str(broken)])
    assert failed.exit_code == 2
    assert "row 2, column 'occupation'" in failed.output
    assert "row 2, column 'age_band'" in failed.output


@pytest.mark.usefixtures("cli_env")
def test_cli_portfolio_export_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonld"
    result = runner.invoke(
        app,
        [
            "portfolio",
            "export",
            "--portfolio",
            example_path("demo_citizen_portfolio.json"),
            "--to",
            "jsonld",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.json"
    result = runner.invoke(
        app, ["portfolio", "export", "--portfolio", str(out), "--to", "json", "--output", str(back)]
    )
    assert result.exit_code == 0, result.output
    original = json.loads(example("demo_citizen_portfolio.json"))
    assert json.loads(back.read_text()) == original
    pdf = tmp_path / "p.pdf"
    result = runner.invoke(
        app, ["portfolio", "export", "--portfolio", str(back), "--to", "pdf", "--output", str(pdf)]
    )
    assert result.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.usefixtures("cli_env")
def test_cli_template_and_show() -> None:
    template = runner.invoke(app, ["check", "template"])
    assert template.stdout.startswith("employee,group,headcount,occupation")
    shown = runner.invoke(
        app, ["portfolio", "show", "--portfolio", example_path("demo_citizen_portfolio.json")]
    )
    assert shown.exit_code == 0, shown.output
    assert "VOORBEELD" in shown.stdout and "%" in shown.stdout


def test_workforce_parquet_of_twenty_million_rows_is_refused_quickly(
    checks: CheckService,
) -> None:
    """Issue 13 fault 2: a 150 KB Parquet file of 20 million rows took +1.4 GB before the
    100,000-row cap applied; now the reading stops at the cap."""
    from tests.services.test_tables import many_rows_parquet, peak_memory_growth

    data = many_rows_parquet(20_000_000)
    growth = peak_memory_growth()
    with pytest.raises(WorkforceInvalid, match="more than 100000 rows"):
        checks.read_workforce(data, "w.parquet")
    assert growth() < 200_000_000
