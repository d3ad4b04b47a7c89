"""Employer page: per group and per employee, skills to build, Dutch outlook words, plan with
its extension points, Parquet upload, template and example downloads."""

from __future__ import annotations

import io
import re
from importlib import resources

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.bootstrap import build_services
from koers.check import NoForecast
from koers.config import Settings
from koers.store.db import Database


@pytest.fixture()
def client(sqlite_loaded: Database, settings: Settings) -> TestClient:
    web = create_app(services=build_services(settings, sqlite_loaded, outlooks=NoForecast()))
    return TestClient(web)


def token(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found
    return found.group(1)


def example() -> bytes:
    return resources.files("koers.examples").joinpath("workforce_example.csv").read_bytes()


def test_groups_rows_skills_to_build_and_plan(client: TestClient) -> None:
    page = client.get("/werkgever/check")
    response = client.post("/werkgever/check", data={"demo": "1", "csrf_token": token(page.text)})
    assert response.status_code == 200
    html = response.text
    groups = html.split('id="groups-title"')[1].split("</section>")[0]
    rows_in_file = len(pd.read_csv(io.BytesIO(example())))
    assert groups.count('<th scope="row">') >= 2  # several occupations in the example
    assert "Op te bouwen" in html and "Per medewerker of groep" in html
    # one row per employee or group: every file row appears in the per-row table
    per_row = html.split('id="rows-title"')[1].split("</section>")[0]
    assert per_row.count("<tr>") == rows_in_file + 1  # + header
    # no forecast: outlook and tension unknown, in Dutch, never an English enum value
    assert "onbekend" in groups
    for word in ("growing", "declining", "stable"):
        assert f">{word}<" not in html
    assert "Concrete voorstellen volgen" in html  # plan items whose hook is missing say so
    assert "KMO-portefeuille" in html and "minder uren" in html.lower()


def test_parquet_upload_gives_the_same_result_as_csv(client: TestClient) -> None:
    page = client.get("/werkgever/check")
    frame = pd.read_csv(io.BytesIO(example()), dtype=str, keep_default_na=False)
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    results = []
    for name, data in (("team.csv", example()), ("team.parquet", buffer.getvalue())):
        response = client.post(
            "/werkgever/check",
            data={"csrf_token": token(page.text)},
            files={"workforce": (name, data, "application/octet-stream")},
        )
        assert response.status_code == 200, response.text[:300]
        results.append(response.text.split('id="score-title"')[1].split("</h2>")[0])
    assert results[0] == results[1]


def test_template_and_example_are_downloadable_from_the_page(client: TestClient) -> None:
    page = client.get("/werkgever/check").text
    links = re.findall(r'href="(/api/v1/check/organisation/template[^"]*)"', page)
    assert len(links) == 2
    template, filled = (client.get(link.replace("&amp;", "&")) for link in links)
    assert template.status_code == filled.status_code == 200
    assert "attachment" in template.headers["content-disposition"]
    assert template.text.splitlines()[0] == filled.text.splitlines()[0]
    assert len(template.text.splitlines()) == 1 and len(filled.text.splitlines()) > 2
