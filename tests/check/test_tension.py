"""Tension per occupation from the report's Tables 1–2 (real bundled data, real ESCO mapping),
through the forecast adapter, the citizen check, its JSON, the CLI, the API and the page."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from importlib import resources

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from koers.app import create_app
from koers.check import to_jsonable
from koers.cli import _context
from koers.cli.main import app
from koers.config import Settings
from koers.i18n import translate_message
from koers.services import check as check_service
from koers.services.check import CheckService, ForecastOutlooks, report_table_numbers
from koers.services.forecast import REPORT_TENSION, REPORT_TENSION_FILE, ForecastService
from koers.services.portfolio import PortfolioService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

runner = CliRunner()


@dataclass(frozen=True)
class Run:
    """A run key the store does not hold: outlooks stay unknown, tension is independent."""

    id: int = -1
    run_key: str = "tension-test"
    scenario: str = "baseline"
    method: str = "ets"
    is_sample: bool = True


def file_counts(period: str) -> dict[str, tuple[int, int]]:
    """Jobseekers and vacancies per VDAB title in ``period``, straight from the CSV."""
    with REPORT_TENSION_FILE.open(encoding="utf-8") as handle:
        return {
            row["occupation"]: (int(row["jobseekers"]), int(row["vacancies"]))
            for row in csv.DictReader(handle)
            if row["period"] == period and row["vacancies"]
        }


@pytest.fixture(scope="module")
def forecast(sqlite_loaded: Database) -> ForecastOutlooks:
    service = ForecastService(sqlite_loaded, TaxonomyService(sqlite_loaded))
    source = ForecastOutlooks(service, Run())
    assert source.wait_until_ready(180)
    return source


@pytest.fixture(scope="module")
def head_nurse(forecast: ForecastOutlooks) -> str:
    (match,) = forecast.service.map_report_titles(["Hoofdverpleegkundige"])
    assert match.how == "exact" and len(match.uris) == 1
    return str(match.uris[0])


def test_latest_period_and_table_come_from_the_bundled_files() -> None:
    assert report_table_numbers(REPORT_TENSION) == {"2021-04": "1", "2020-02": "2"}


def test_mapped_occupation_gets_the_ratio_of_the_file(
    forecast: ForecastOutlooks, head_nurse: str
) -> None:
    counts = file_counts("2021-04")
    outlook = forecast.occupation(head_nurse)
    assert outlook.tension is not None
    assert outlook.tension.titles == ("Hoofdverpleegkundige",)
    jobseekers, vacancies = counts["Hoofdverpleegkundige"]
    assert (outlook.tension.jobseekers, outlook.tension.vacancies) == (jobseekers, vacancies)
    assert outlook.tension_ratio == round(jobseekers / vacancies, 4)
    assert outlook.tension.period == "2021-04"
    source = outlook.tension.source
    assert translate_message(source, "nl") == "VDAB via rapport, tabel 1, april 2021"
    assert translate_message(source, "en") == "VDAB via the report, Table 1, April 2021"
    # every figure is the pooled counts of its titles in the latest period
    figures = forecast._tensions()
    assert figures
    for figure in figures.values():
        js = sum(counts[t][0] for t in figure.titles)
        vac = sum(counts[t][1] for t in figure.titles)
        assert (figure.jobseekers, figure.vacancies) == (js, vac)
        assert figure.ratio == pytest.approx(js / vac)


def test_general_nurse_gets_the_ratio_via_the_reviewed_crosswalk(
    forecast: ForecastOutlooks,
) -> None:
    # "Verpleegkundige" has no exact ESCO label (ESCO: "algemeen verpleegkundige"); the reviewed
    # crosswalk maps it, so the general-care nurse now has the ratio of that title alone
    (nurse_title,) = forecast.service.map_report_titles(["Verpleegkundige"])
    assert nurse_title.how == "reviewed" and len(nurse_title.uris) == 1
    hits = forecast.service.taxonomy.search("verpleegkundige algemene zorg", lang="nl", limit=1)
    assert hits[0].uri == nurse_title.uris[0]
    jobseekers, vacancies = file_counts("2021-04")["Verpleegkundige"]
    nurse = forecast.occupation(hits[0].uri)
    assert nurse.tension is not None and nurse.tension.titles == ("Verpleegkundige",)
    assert (nurse.tension.jobseekers, nurse.tension.vacancies) == (jobseekers, vacancies)
    assert nurse.tension_ratio == round(530 / 1544, 4)


def test_unmapped_occupations_stay_unknown(forecast: ForecastOutlooks) -> None:
    # a title neither the crosswalk nor the automatic mapping knows stays unmapped
    (installations,) = forecast.service.map_report_titles(["Technicus industriële installaties"])
    assert installations.uris == ()
    # an occupation no title maps to has no ratio: unknown, not 0 and not borrowed from the
    # general or the head nurse
    hits = forecast.service.taxonomy.search("gespecialiseerd verpleegkundige", lang="nl", limit=1)
    specialised = forecast.occupation(hits[0].uri)
    assert specialised.tension_ratio is None and specialised.tension is None
    # a title without counts in April 2021 (only a lower bound) gives no ratio either
    (customs,) = forecast.service.map_report_titles(["Douanedecarant"])
    assert customs.uris  # mapped by the crosswalk, so this check is not vacuous
    for uri in customs.uris:
        assert forecast.occupation(uri).tension_ratio is None


def demo_with(current: str) -> bytes:
    raw = json.loads(
        resources.files("koers.examples").joinpath("demo_citizen_portfolio.json").read_bytes()
    )
    raw["targets"] = [current]
    return json.dumps(raw).encode()


def test_citizen_check_json_states_ratio_source_and_period(
    sqlite_loaded: Database, forecast: ForecastOutlooks, head_nurse: str
) -> None:
    checks = CheckService(TaxonomyService(sqlite_loaded), forecast=forecast)
    portfolio = PortfolioService(sqlite_loaded, checks).read(demo_with(head_nurse), "p.json")
    payload = json.loads(
        json.dumps(to_jsonable(checks.citizen(portfolio, "nl"), translate_message))
    )
    current, target = payload["fits"]
    assert current["forecast"]["tension_ratio"] is None  # magazijnmedewerker: not in the tables
    assert current["forecast"]["tension"] is None
    assert target["forecast"]["tension_ratio"] == pytest.approx(24 / 110, abs=1e-4)
    assert target["forecast"]["tension"]["source_nl"].endswith("tabel 1, april 2021")
    market = next(a for a in payload["answers"] if a["key"] == "labour_market")
    assert "0,22 werkzoekenden per vacature" in market["answer_nl"]
    assert "VDAB via rapport, tabel 1, april 2021" in market["answer_nl"]


@pytest.fixture()
def with_forecast(
    forecast: ForecastOutlooks, sqlite_loaded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOERS_DATABASE_URL", sqlite_loaded.url)
    _context.reset()
    monkeypatch.setattr(check_service, "forecast_source", lambda taxonomy: forecast)


@pytest.mark.usefixtures("with_forecast")
def test_cli_and_api_and_page_show_the_tension(
    tmp_path_factory: pytest.TempPathFactory, sqlite_loaded: Database, head_nurse: str
) -> None:
    path = tmp_path_factory.mktemp("tension") / "p.json"
    path.write_bytes(demo_with(head_nurse))
    result = runner.invoke(app, ["check", "citizen", "--portfolio", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    target = json.loads(result.stdout)["fits"][1]["forecast"]
    assert target["tension_ratio"] == pytest.approx(24 / 110, abs=1e-4)
    assert target["tension"]["period"] == "2021-04"

    web = create_app(
        Settings(data_dir=tmp_path_factory.mktemp("web"), environment="test"), sqlite_loaded
    )
    client = TestClient(web)
    api = client.post("/api/v1/check/citizen", json={"portfolio": json.loads(path.read_bytes())})
    assert api.status_code == 200, api.text[:300]
    fits = api.json()["fits"]
    assert fits[0]["forecast"]["tension_ratio"] is None
    assert fits[1]["forecast"]["tension"]["source_en"] == "VDAB via the report, Table 1, April 2021"

    page = client.get("/competentiecheck")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    shown = client.post(
        "/competentiecheck",
        data={"csrf_token": csrf.group(1)},
        files={"file": ("p.json", path.read_bytes(), "application/json")},
    )
    assert shown.status_code == 200, shown.text[:300]
    assert "0,22 werkzoekenden per vacature" in shown.text
    assert "Bron: VDAB via rapport, tabel 1, april 2021." in shown.text
    assert "onbekend" in shown.text  # the current occupation has no ratio
