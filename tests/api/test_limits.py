"""API hardening: body size, NUL characters, time limit, problem+json, security headers,
pagination, and an OpenAPI schema that documents all of it (see ``docs/api.md``)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient

from koers.app import create_app
from koers.config import Settings
from koers.store.db import Database

PROBLEM = "application/problem+json"


def is_problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert {"type", "title", "detail", "code"} <= set(body)
    if code:
        assert body["code"] == code
    return body


def add_test_routes(app: FastAPI) -> None:
    """Routes that only the tests have: echo a body, be slow, stream, crash."""

    @app.post("/api/v1/_test/echo")
    async def echo(request: Request) -> dict[str, int]:
        return {"received": len(await request.body())}

    @app.get("/api/v1/_test/slow-async")
    async def slow_async() -> dict[str, str]:
        await asyncio.sleep(8)
        return {"done": "late"}

    @app.get("/api/v1/_test/slow-sync")
    def slow_sync() -> dict[str, str]:
        time.sleep(6)
        return {"done": "late"}

    @app.get("/api/v1/_test/stream")
    def stream() -> StreamingResponse:
        async def chunks() -> Any:
            for i in range(4):
                yield f"{i}\n".encode()
                await asyncio.sleep(1)

        return StreamingResponse(chunks(), media_type="text/plain")

    @app.get("/api/v1/_test/crash")
    def crash() -> None:
        raise RuntimeError("secret internal detail")


def client_with(database: Database, tmp_path: Path, **limits: Any) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path, environment="test", **limits), database)
    add_test_routes(app)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def limited(sqlite_loaded: Database, tmp_path: Path) -> Iterator[TestClient]:
    """A body limit of 1000 bytes (and the default time limit)."""
    with client_with(sqlite_loaded, tmp_path, max_body_bytes=1000) as client:
        yield client


@pytest.fixture()
def hurried(sqlite_loaded: Database, tmp_path: Path) -> Iterator[TestClient]:
    """A time limit of 2 seconds; the slow test routes take 6 and 8."""
    with client_with(sqlite_loaded, tmp_path, request_timeout_seconds=2) as client:
        yield client


def test_default_limits() -> None:
    settings = Settings(environment="test")
    assert settings.max_body_bytes == 1024 * 1024
    assert settings.request_timeout_seconds == 30


# --- body size -------------------------------------------------------------------------------


def test_body_within_the_limit_arrives_whole(limited: TestClient) -> None:
    response = limited.post("/api/v1/_test/echo", content=b"x" * 1000)
    assert response.status_code == 200 and response.json() == {"received": 1000}


def test_declared_body_over_the_limit_is_refused(limited: TestClient) -> None:
    response = limited.post("/api/v1/_test/echo", content=b"x" * 1001)
    body = is_problem(response, 413, "payload_too_large")
    assert "1000 bytes" in body["detail"]


def test_streamed_body_over_the_limit_is_refused(limited: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked transfer
        for _ in range(5):
            yield b"y" * 300

    is_problem(limited.post("/api/v1/_test/echo", content=chunks()), 413, "payload_too_large")


def test_streamed_body_within_the_limit_arrives_whole(limited: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(3):
            yield b"y" * 300

    response = limited.post("/api/v1/_test/echo", content=chunks())
    assert response.json() == {"received": 900}


def test_bad_content_length_is_refused(limited: TestClient) -> None:
    response = limited.post(
        "/api/v1/_test/echo", content=b"abc", headers={"Content-Length": "three"}
    )
    assert response.status_code == 400


# --- NUL characters (PostgreSQL cannot store them) --------------------------------------------


def test_nul_in_query_is_invalid_input_on_every_backend(client: TestClient) -> None:
    for params in ({"key": "ab\x00c"}, {"key": "\x00"}):
        response = client.get("/api/v1/taxonomy/concepts", params=params)
        is_problem(response, 422, "invalid_input")
    response = client.get("/api/v1/taxonomy/search", params={"q": "nurse\x00"})
    is_problem(response, 422, "invalid_input")


def test_pages_get_a_readable_page_for_nul(client: TestClient) -> None:
    response = client.get("/taxonomie", params={"q": "verpleeg\x00"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "Er klopt iets niet in wat je ingaf." in response.text and "U+0000" in response.text


def test_nul_in_text_bodies_is_invalid_input(limited: TestClient) -> None:
    url = "/api/v1/_test/echo"
    is_problem(limited.post(url, json={"name": "a\x00b"}), 422, "invalid_input")
    form = {"content-type": "application/x-www-form-urlencoded"}
    is_problem(limited.post(url, content=b"name=a%00b", headers=form), 422, "invalid_input")


def test_binary_upload_may_hold_nul(limited: TestClient) -> None:
    response = limited.post("/api/v1/_test/echo", files={"f": ("x.bin", b"\x00\x01\x02")})
    assert response.status_code == 200


# --- time limit ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/_test/slow-async", "/api/v1/_test/slow-sync"])
def test_slow_handler_gets_503_in_time(hurried: TestClient, path: str) -> None:
    started = time.monotonic()
    response = hurried.get(path)
    elapsed = time.monotonic() - started
    body = is_problem(response, 503, "timeout")
    assert response.headers["retry-after"] == "5"
    assert "2 seconds" in body["detail"]
    assert elapsed < 5, f"answered after {elapsed:.2f}s, not at the 2s limit"
    assert "content-security-policy" in response.headers


def test_streaming_answer_that_started_in_time_is_not_cut(hurried: TestClient) -> None:
    response = hurried.get("/api/v1/_test/stream")  # takes 4s in all, starts at once
    assert response.status_code == 200 and response.text == "0\n1\n2\n3\n"


def test_fast_request_is_untouched(hurried: TestClient) -> None:
    assert hurried.get("/health").status_code == 200


# --- problem+json for every error ------------------------------------------------------------


def test_unknown_api_path_is_problem_json(limited: TestClient) -> None:
    is_problem(limited.get("/api/v1/bestaat-niet"), 404, "not_found")


def test_wrong_method_is_problem_json_with_allow(limited: TestClient) -> None:
    response = limited.delete("/api/v1/taxonomy/search")
    is_problem(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET"


def test_validation_error_lists_each_problem(limited: TestClient) -> None:
    body = is_problem(limited.get("/api/v1/taxonomy/search", params={"limit": 0}), 422)
    locations = [issue["loc"] for issue in body["errors"]]
    assert ["query", "q"] in locations and ["query", "limit"] in locations


def test_server_error_is_problem_json_without_internals(limited: TestClient) -> None:
    response = limited.get("/api/v1/_test/crash")
    body = is_problem(response, 500, "internal_error")
    assert "secret" not in response.text and "RuntimeError" not in json.dumps(body)


# --- security headers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/taxonomie", "/api/v1/taxonomy/stats", "/static/koers.css", "/api/v1/nope"]
)
def test_security_headers_everywhere(limited: TestClient, path: str) -> None:
    headers = limited.get(path).headers
    csp = headers["content-security-policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "http" not in csp and "*" not in csp, "no external source"
    assert "unsafe" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in headers  # only over TLS


def test_hsts_over_tls(sqlite_loaded: Database, tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, environment="test"), sqlite_loaded)
    https = TestClient(app, base_url="https://testserver")
    assert https.get("/health").headers["strict-transport-security"].startswith("max-age=")


def test_docs_page_allows_only_its_own_inline_script(limited: TestClient) -> None:
    response = limited.get("/api/docs")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "'sha256-" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert '<html lang="en">' in response.text


# --- pagination ------------------------------------------------------------------------------


def test_roots_are_paginated_with_total_count(sqlite_client: TestClient) -> None:
    url = "/api/v1/taxonomy/roots"
    whole = sqlite_client.get(url, params={"hierarchy": "isco"})
    assert whole.headers["x-total-count"] == "10" and len(whole.json()) == 10
    pages = [
        sqlite_client.get(url, params={"hierarchy": "isco", "limit": 4, "offset": offset})
        for offset in (0, 4, 8)
    ]
    assert [len(p.json()) for p in pages] == [4, 4, 2]
    assert all(p.headers["x-total-count"] == "10" for p in pages)
    assert [item for p in pages for item in p.json()] == whole.json()
    beyond = sqlite_client.get(url, params={"offset": 50})
    assert beyond.json() == [] and beyond.headers["x-total-count"] == "10"
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}):
        is_problem(sqlite_client.get(url, params=params), 422)


# --- the OpenAPI schema documents all of it --------------------------------------------------


@pytest.fixture()
def openapi(sqlite_client: TestClient) -> dict[str, Any]:
    schema: dict[str, Any] = sqlite_client.get("/api/v1/openapi.json").json()
    return schema


def operations(openapi: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in openapi["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield f"{method.upper()} {path}", operation


def test_every_error_response_is_documented_as_problem_json(openapi: dict[str, Any]) -> None:
    schemas = openapi["components"]["schemas"]
    assert "Problem" in schemas and "HTTPValidationError" not in schemas
    for label, operation in operations(openapi):
        responses = operation["responses"]
        assert {"500", "503"} <= set(responses), label
        if operation.get("parameters") or "requestBody" in operation:
            assert "422" in responses, label
        if "requestBody" in operation:
            assert "413" in responses, label
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                assert set(response["content"]) == {PROBLEM}, (label, status)
                ref = response["content"][PROBLEM]["schema"]["$ref"]
                assert ref == "#/components/schemas/Problem", (label, status)


def test_every_success_response_has_a_schema(openapi: dict[str, Any]) -> None:
    for label, operation in operations(openapi):
        for status, response in operation["responses"].items():
            if status.startswith("2") and status != "204" and "content" in response:
                for media, content in response["content"].items():
                    assert content.get("schema"), (label, status, media)


def test_taxonomy_documents_not_found(openapi: dict[str, Any]) -> None:
    paths = openapi["paths"]
    for path in ("/api/v1/taxonomy/concepts", "/api/v1/taxonomy/search"):
        assert "404" in paths[path]["get"]["responses"], path
    roots = paths["/api/v1/taxonomy/roots"]["get"]["responses"]["200"]
    assert "X-Total-Count" in roots["headers"]


def unbounded(schema: dict[str, Any], components: dict[str, Any], where: str) -> list[str]:
    """Places in an input schema without an upper bound (length, items, value)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return unbounded(components[name], components, f"{where}<{name}>")
    found: list[str] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for i, sub in enumerate(schema.get(key, [])):
            found += unbounded(sub, components, f"{where}.{key}[{i}]")
    if "enum" in schema or "const" in schema:
        return found
    kind = schema.get("type")
    # fixed size by format; uploaded files (binary) are bounded by the body limit
    bounded = {"date", "date-time", "time", "uuid", "binary"}
    is_file = "contentMediaType" in schema or schema.get("format") in bounded
    if kind == "string" and "maxLength" not in schema and not is_file:
        found.append(f"{where}: string without maxLength")
    if kind in {"integer", "number"} and "maximum" not in schema:
        found.append(f"{where}: {kind} without maximum")
    if kind == "array":
        if "maxItems" not in schema:
            found.append(f"{where}: array without maxItems")
        found += unbounded(schema.get("items", {}), components, f"{where}[]")
    if kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            found += unbounded(sub, components, f"{where}.{name}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and "maxProperties" not in schema:
            found.append(f"{where}: open object without maxProperties")
    return found


def test_every_input_is_bounded(openapi: dict[str, Any]) -> None:
    """Every parameter and body field has a maximum length, item count or value."""
    components = openapi["components"]["schemas"]
    problems: list[str] = []
    for label, operation in operations(openapi):
        for parameter in operation.get("parameters", []):
            where = f"{label} {parameter['in']}.{parameter['name']}"
            problems += unbounded(parameter["schema"], components, where)
        for media, content in operation.get("requestBody", {}).get("content", {}).items():
            problems += unbounded(content["schema"], components, f"{label} body({media})")
    assert not problems, "\n".join(problems)


def test_bound_checker_can_fail() -> None:
    components = {"In": {"type": "object", "properties": {"tags": {"type": "array"}}}}
    found = unbounded({"$ref": "#/components/schemas/In"}, components, "body")
    assert found == ["body<In>.tags: array without maxItems"]
    assert unbounded({"type": "string", "maxLength": 5}, {}, "q") == []
    assert unbounded({"type": "string"}, {}, "q") == ["q: string without maxLength"]
    assert unbounded({"type": "integer", "maximum": 3}, {}, "n") == []
