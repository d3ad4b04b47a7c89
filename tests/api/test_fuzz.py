"""Property-based fuzzing of the HTTP API against its own OpenAPI schema (schemathesis).

Runs in-process (ASGI, no network) on SQLite with the whole ESCO loaded. Every operation in the
schema, including those added later, gets valid (positive) and invalid (negative) inputs; each
answer must be no server error (5xx) and conform to the schema: documented status code,
content type, headers and body; invalid input must be refused with a 4xx.

Bounded: ``KOERS_FUZZ_EXAMPLES`` (default 20) examples per operation and mode, fixed seed
(derandomised), no example database. Raise it for a longer run, e.g.
``KOERS_FUZZ_EXAMPLES=500 pytest tests/api/test_fuzz.py``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config._checks import NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from koers.app import create_app
from koers.config import Settings
from koers.store.db import Database

FUZZ_EXAMPLES = int(os.environ.get("KOERS_FUZZ_EXAMPLES", "20"))

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture(scope="module")
def api_schema(
    sqlite_loaded: Database, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[schemathesis.BaseSchema]:
    """The schema of an app on its own copy of the loaded database (fuzzing writes to it)."""
    tmp = tmp_path_factory.mktemp("fuzz")
    target = tmp / "fuzz.sqlite3"
    with (
        closing(sqlite3.connect(sqlite_loaded.url.removeprefix("sqlite:///"))) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)
    database = Database(f"sqlite:///{target}")
    app = create_app(Settings(data_dir=tmp, environment="test"), database)
    # 413 is a rejection too: an over-long string field can make the body larger than
    # KOERS_MAX_BODY_BYTES, and the request-limits middleware refuses it before validation.
    rejected = [*NEGATIVE_DATA_REJECTION_EXPECTED_STATUSES, "413"]
    config = schemathesis.Config.from_dict(
        {
            "seed": 20240601,
            "checks": {"negative_data_rejection": {"expected-statuses": rejected}},
        }
    )
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", app, config=config)
    database.dispose()


def operations(schema: schemathesis.BaseSchema) -> list[schemathesis.APIOperation]:
    found = []
    for result in schema.get_all_operations():
        found.append(result.ok())  # an invalid operation definition fails here
    return found


def has_input(schema: schemathesis.BaseSchema, operation: schemathesis.APIOperation) -> bool:
    item = schema.raw_schema["paths"][operation.path]
    definition = item[operation.method.lower()]
    return bool(
        definition.get("parameters") or item.get("parameters") or "requestBody" in definition
    )


def test_schema_lists_every_api_operation(api_schema: schemathesis.BaseSchema) -> None:
    labels = {operation.label for operation in operations(api_schema)}
    assert "GET /api/v1/taxonomy/search" in labels
    assert "GET /health" in labels
    assert all(label.split(" ")[1].startswith(("/api/v1/", "/health")) for label in labels)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(
    api_schema: schemathesis.BaseSchema, mode: GenerationMode
) -> None:
    failures: list[str] = []
    for operation in operations(api_schema):
        if mode is GenerationMode.NEGATIVE and not has_input(api_schema, operation):
            continue  # nothing to make invalid

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=FUZZ_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue  # schemathesis cannot make this operation's input invalid
        except (Exception, FailureGroup) as exc:  # collect every operation's failures
            failures.append(f"=== {operation.label} ({mode.value})\n{exc}")
    assert not failures, "\n\n".join(failures)
