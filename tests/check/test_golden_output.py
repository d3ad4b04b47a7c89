"""The check's JSON and text output, pinned byte for byte.

The check domain returns catalogue messages; the API and the CLI put them in words through
``koers.check.to_jsonable`` (``reason`` → ``reason_nl``, ``reason_en``) and ``koers.i18n``.
These files hold the output as it was when the texts lived on the domain models, so a changed
catalogue text or JSON key shows here. No forecast is loaded (``NoForecast``) for the demo
files; the scenarios on the fictitious catalogue add declining outlooks, shortage flags,
tension figures with their source, wishes, 45+ career options and suggesters.

Regenerate after an intended change (then review the diff):
``KOERS_UPDATE_GOLDEN=1 pytest tests/check/test_golden_output.py``.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.app import create_app
from koers.bootstrap import build_services
from koers.check import (
    ActionPlanRegistry,
    NoForecast,
    OccupationOutlook,
    SuggestionKind,
    TensionFigure,
    citizen_check,
    organisation_check,
    to_jsonable,
)
from koers.check.tests.fakes import CLERK, FakeForecast, FakeSuggester, catalogue
from koers.check.tests.test_organisation import read
from koers.cli import _context
from koers.cli.main import app
from koers.config import Settings
from koers.i18n import translate_message
from koers.portfolio import HistoryEntry, HistoryKind, Preferences
from koers.portfolio.tests.fixtures import CARE, NURSE, TODAY, demo, skill
from koers.services import check as check_service
from koers.store.db import Database

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("KOERS_UPDATE_GOLDEN") == "1"
AS_OF = "2026-11-01"
runner = CliRunner()


def example(name: str) -> Path:
    return Path(str(resources.files("koers.examples").joinpath(name)))


def matches_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(data)
    assert data == path.read_bytes(), f"{name} differs from the pinned output"


@pytest.fixture(scope="module")
def client(sqlite_loaded: Database, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = Settings(data_dir=tmp_path_factory.mktemp("golden"), environment="test")
    return TestClient(
        create_app(services=build_services(settings, sqlite_loaded, outlooks=NoForecast()))
    )


@pytest.fixture()
def cli_env(sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # the shared store may hold forecast runs of other tests: pin the "no forecast" state
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    monkeypatch.setattr(check_service, "forecast_source", lambda forecasts: NoForecast())
    _context.reset()


def cli(*args: str) -> str:
    result = runner.invoke(app, ["check", *args, "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_api_citizen_check_output_is_unchanged(client: TestClient, lang: str) -> None:
    body = {"portfolio": json.loads(example("demo_citizen_portfolio.json").read_bytes())}
    response = client.post("/api/v1/check/citizen", json=body | {"as_of": AS_OF, "lang": lang})
    assert response.status_code == 200, response.text
    matches_golden(f"api_citizen_{lang}.json", response.content)


def test_api_organisation_check_output_is_unchanged(client: TestClient) -> None:
    workforce = ("team.csv", example("workforce_example.csv").read_bytes(), "text/csv")
    response = client.post(
        "/api/v1/check/organisation", files={"workforce": workforce}, data={"as_of": AS_OF}
    )
    assert response.status_code == 200, response.text
    matches_golden("api_organisation_nl.json", response.content)


@pytest.mark.usefixtures("cli_env")
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cli_output_is_unchanged_and_its_json_is_the_api_json(lang: str) -> None:
    portfolio = ["citizen", "--portfolio", str(example("demo_citizen_portfolio.json"))]
    workforce = ["organisation", "--workforce", str(example("workforce_example.csv"))]
    matches_golden(f"cli_citizen_{lang}.txt", cli(*portfolio, "--lang", lang).encode())
    matches_golden(f"cli_organisation_{lang}.txt", cli(*workforce, "--lang", lang).encode())
    citizen = json.loads(cli(*portfolio, "--lang", lang, "--format", "json"))
    assert citizen == json.loads((GOLDEN / f"api_citizen_{lang}.json").read_bytes())
    if lang == "nl":
        organisation = json.loads(cli(*workforce, "--format", "json"))
        assert organisation == json.loads((GOLDEN / "api_organisation_nl.json").read_bytes())


class TensionForecast(FakeForecast):
    """The fake forecast with a tension figure from the report's table 1 for every occupation."""

    def occupation(self, occupation_uri: str) -> OccupationOutlook:
        figure = TensionFigure(
            0.2234, 10, 45, "2021-04", ("a", "b"), check_service.report_source("1", "2021-04")
        )
        found = super().occupation(occupation_uri)
        return replace(found, tension_ratio=figure.ratio, tension=figure)


def scenarios() -> dict[str, Any]:
    """Checks on the fictitious catalogue that reach every text of the check domain."""
    suggesters = ActionPlanRegistry()
    suggesters.register(SuggestionKind.TRAININGS, FakeSuggester("trainings"))
    suggesters.register(SuggestionKind.INCENTIVES, FakeSuggester("rights"))
    wishes = Preferences(
        likes=("zorg",), interests=("mensen", "techniek"), hours_per_week=30.5, region="Gent"
    )
    old = replace(
        demo(),
        claims=demo().claims[:2],
        history=(
            HistoryEntry("h1", HistoryKind.JOB, "verpleegkundige", date(2000, 1, 1), None, NURSE),
            HistoryEntry(
                "h0", HistoryKind.JOB, "verpleger", date(1995, 1, 1), date(1999, 12, 31), NURSE
            ),
        ),
    )
    empty = replace(
        demo(), claims=(), history=(), targets=(), current_occupation="", preferences=Preferences()
    )
    rows, cat = read(
        [
            {
                "employee": "E1",
                "occupation": "zorgkundige",
                "age_band": "55-64",
                "tenure_years": 20,
                "contract_hours": 38,
                "skills": f"{skill(2)};{skill(4)};{skill(1)}",
            },
            {"employee": "E2", "occupation": "2221.1", "age_band": "25-34", "skills": skill(1)},
            {
                "employee": "E3",
                "occupation": "verpleegkundige",
                "age_band": "55-64",
                "tenure_years": 5,
                "skills": f"{skill(1)};{skill(2)};{skill(3)}",
            },
            {"employee": "E4", "occupation": "bediende", "age_band": "45-54", "skills": skill(9)},
            {"group": "magazijn", "headcount": 3, "occupation": "magazijnier"},
            {"employee": "E5", "occupation": "verpleeg", "age_band": "65+"},
        ]
    )
    checks = {
        "citizen_no_forecast": citizen_check(demo(), catalogue(), NoForecast(), TODAY),
        "citizen_declining_current": citizen_check(
            demo(), catalogue(), FakeForecast({NURSE}), TODAY, suggesters=suggesters
        ),
        "citizen_tension_and_wishes": citizen_check(
            demo(),
            catalogue(),
            TensionForecast({CARE}),
            TODAY,
            targets=[CARE, CLERK],
            preferences=wishes,
        ),
        "citizen_long_career": citizen_check(
            old, catalogue(), FakeForecast({NURSE}), TODAY, targets=[CLERK]
        ),
        "citizen_empty": citizen_check(empty, catalogue(), NoForecast(), TODAY),
        "organisation_no_forecast": organisation_check(rows, cat, NoForecast(), TODAY),
        "organisation_forecast": organisation_check(
            rows,
            cat,
            TensionForecast({CLERK}, frozenset({skill(8)})),
            TODAY,
            suggesters=suggesters,
        ),
    }
    return {key: to_jsonable(check, translate_message) for key, check in checks.items()}


def test_domain_texts_in_both_languages_are_unchanged() -> None:
    text = json.dumps(scenarios(), ensure_ascii=False, indent=1) + "\n"
    matches_golden("scenarios.json", text.encode())
