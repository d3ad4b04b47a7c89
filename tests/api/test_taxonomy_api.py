"""The taxonomy HTTP API: contract, problem+json errors, input limits."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["taxonomy_loaded"] is True


def test_stats(client: TestClient) -> None:
    body = client.get("/api/v1/taxonomy/stats").json()
    assert body["occupations"] == 3007 and body["isco_groups"] == 619
    assert body["languages"] == ["en", "nl"]


def test_search_contract(client: TestClient) -> None:
    response = client.get(
        "/api/v1/taxonomy/search",
        params={"q": "verpleegkundge", "kind": "occupation", "lang": "nl", "limit": 3},
    )
    assert response.status_code == 200
    hits = response.json()
    assert len(hits) == 3
    assert set(hits[0]) == {"uri", "label", "kind", "score", "matched"}
    assert hits[0]["kind"] == "occupation"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_concept_by_code(client: TestClient) -> None:
    body = client.get("/api/v1/taxonomy/concepts", params={"key": "2221.1"}).json()
    assert body["concept"]["code"] == "2221.1"
    assert body["isco_group"]["code"] == "2221"
    assert body["essential_skills"]


def test_roots(client: TestClient) -> None:
    roots = client.get("/api/v1/taxonomy/roots", params={"hierarchy": "isco"}).json()
    assert len(roots) == 10


def test_unknown_concept_is_problem_json(client: TestClient) -> None:
    response = client.get("/api/v1/taxonomy/concepts", params={"key": "nope"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 404 and body["code"] == "concept_not_found"
    assert "nope" in body["detail"]


def test_input_limits(sqlite_client: TestClient) -> None:
    for params in (
        {"q": "x" * 201},
        {"q": "nurse", "limit": 0},
        {"q": "nurse", "limit": 101},
        {"q": "nurse", "lang": "fr"},
        {"q": ""},
    ):
        response = sqlite_client.get("/api/v1/taxonomy/search", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"].startswith("application/problem+json")


def test_openapi_and_offline_docs(sqlite_client: TestClient) -> None:
    schema = sqlite_client.get("/api/v1/openapi.json").json()
    assert "/api/v1/taxonomy/search" in schema["paths"]
    docs = sqlite_client.get("/api/docs").text
    assert "cdn" not in docs.lower() and "https://" not in docs
    assert sqlite_client.get("/api/docs-assets/swagger-ui-bundle.js").status_code == 200
