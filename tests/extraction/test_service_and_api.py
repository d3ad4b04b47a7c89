"""Extraction service (lexical first, hybrid after warm-up) and POST /api/v1/skills/extract.

Small label sets only: nothing here encodes the 99,000 ESCO labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.bootstrap import build_services
from koers.config import Settings
from koers.extraction import EmbeddingUnavailable, Encoder, SkillLabel, read_esco_skill_labels
from koers.extraction.tests.conftest import FIXTURES
from koers.extraction.tests.test_extractor import TrigramEncoder
from koers.services.extraction import ExtractionService
from koers.store.db import Database


def sample_labels() -> list[SkillLabel]:
    return read_esco_skill_labels(FIXTURES / "skills_sample.csv")


def no_encoder() -> Encoder:
    raise EmbeddingUnavailable("extra not installed")


def test_service_answers_lexically_until_the_vectors_are_ready(tmp_path: Path) -> None:
    service = ExtractionService(labels=sample_labels, encoder=TrigramEncoder)
    assert service.extract("Python and teamwork").method.value == "lexical"
    service.warm_up(tmp_path, hybrid=True).join(30)
    assert service.hybrid_state == "ready"
    assert service.extract("Python and teamwork").method.value == "hybrid"
    assert list(tmp_path.glob("labels-*.npy"))  # label vectors cached for the next start
    assert service.current().label_set is service.lexical().label_set  # lexical part shared


def test_label_vectors_are_computed_with_a_core_left_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    torch = pytest.importorskip("torch")
    monkeypatch.setattr(torch, "get_num_threads", lambda: 2)
    calls: list[int] = []
    monkeypatch.setattr(torch, "set_num_threads", calls.append)
    seen: list[list[int]] = []

    class Recording(TrigramEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            seen.append(list(calls))
            return super().encode(texts)

    service = ExtractionService(labels=sample_labels, encoder=Recording)
    service.warm_up(tmp_path, hybrid=True).join(30)
    assert service.hybrid_state == "ready"
    assert seen and seen[0] == [1]  # the labels were encoded on 1 of 2 threads
    assert calls == [1, 2]  # and the thread count is given back afterwards


def test_service_falls_back_when_the_extra_is_missing(tmp_path: Path) -> None:
    service = ExtractionService(labels=sample_labels, encoder=no_encoder)
    service.warm_up(tmp_path).join(30)
    assert service.hybrid_state == "unavailable"
    assert service.extract("Python").method.value == "lexical"


@pytest.fixture()
def api(tmp_path: Path) -> Iterator[TestClient]:
    """The app on an empty database (extraction needs no taxonomy tables)."""
    database = Database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    settings = Settings(data_dir=tmp_path, environment="test")
    extraction = ExtractionService(labels=sample_labels)
    yield TestClient(create_app(services=build_services(settings, database, extraction=extraction)))
    database.dispose()


def test_extract_endpoint(api: TestClient) -> None:
    text = "Senior developer.\nStrong Python skills and project-management experience."
    response = api.post("/api/v1/skills/extract", json={"text": text, "top": 3, "lang": "en"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["method"] == "lexical" and body["text"] == text
    assert 0 < len(body["skills"]) <= 3
    for skill in body["skills"]:
        assert set(skill) == {"uri", "label", "score", "span", "start", "end"}
        assert text[skill["start"] : skill["end"]] == skill["span"]
    assert "Python (computer programming)" in {s["label"] for s in body["skills"]}


def test_extract_endpoint_bad_input(api: TestClient) -> None:
    url = "/api/v1/skills/extract"
    assert api.post(url, json={"text": ""}).json()["skills"] == []
    too_long = api.post(url, json={"text": "a" * 200_001})
    assert too_long.status_code in (413, 422)
    assert too_long.headers["content-type"].startswith("application/problem+json")
    assert "200000" in too_long.text.replace(",", "") or "200 000" in too_long.text
    garbage = api.post(url, json={"text": "\x01\x02\x03\x04\x05\x06\x07\x08" * 40})
    assert garbage.status_code == 422
    assert "control" in garbage.text
    for bad in ({"text": "x", "top": 0}, {"text": "x", "top": 51}, {"text": "x", "lang": "de"}):
        assert api.post(url, json=bad).status_code == 422
