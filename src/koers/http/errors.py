"""One table from error type to RFC 9457 problem+json; no route has its own try/except.

The same table documents the errors in the OpenAPI schema: every operation lists the
``Problem`` responses it can give (``install_problem_openapi``), and routes add the ones only
they give with ``problem_responses(404, ...)``. See ``docs/api.md``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from koers.errors import KoersError

log = logging.getLogger(__name__)

PROBLEM = "application/problem+json"
PROBLEM_BASE = "https://koers.example/problems/"

# Stable codes for errors raised by the HTTP layer itself (routing, limits), not by a domain.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    500: "internal_error",
    503: "timeout",
}

# What each documented error status means, for the OpenAPI schema.
PROBLEM_DESCRIPTIONS = {
    400: "Bad request: the request could not be read.",
    401: "Not logged in.",
    403: "Refused: no right or no consent to this resource.",
    404: "Not found: no such resource (or nothing loaded yet).",
    409: "Conflict with the current state.",
    413: "Payload too large: the body is larger than the server accepts (KOERS_MAX_BODY_BYTES).",
    422: (
        "Invalid input: a parameter or the body breaks its declared type or limits, or text "
        "contains the NUL character (U+0000). `errors` lists each problem."
    ),
    429: "Too many requests; retry later.",
    500: "Unexpected server error. The body never carries internals.",
    503: (
        "Timeout: no response within the server's time limit (KOERS_REQUEST_TIMEOUT_SECONDS), "
        "or busy (code server_busy): as many heavy requests of this kind run as the server "
        "allows (KOERS_MAX_HEAVY_REQUESTS); retry later (see Retry-After)."
    ),
}


class ProblemIssue(BaseModel):
    """One input problem of a 422 answer."""

    loc: list[str] = Field(description="Where: e.g. ['query', 'q'] or ['body', 'name'].")
    msg: str = Field(description="What is wrong.")


class Problem(BaseModel):
    """RFC 9457 problem details, plus Koers' stable machine-readable ``code``."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI naming the problem type.")
    title: str = Field(description="Short summary of the problem type.")
    status: int = Field(ge=400, le=599, description="The HTTP status code.")
    detail: str = Field(description="What went wrong in this case (never personal data).")
    code: str = Field(description="Stable machine-readable code, e.g. 'concept_not_found'.")
    errors: list[ProblemIssue] | None = Field(
        default=None, description="For 422: each input problem."
    )


def problem(
    status: int,
    title: str,
    detail: str,
    code: str,
    headers: dict[str, str] | None = None,
    **extra: object,
) -> JSONResponse:
    body = {
        "type": f"{PROBLEM_BASE}{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def http_problem(
    status: int, detail: str = "", headers: dict[str, str] | None = None
) -> JSONResponse:
    """A problem for an error of the HTTP layer (routing, limits), titled by its status."""
    phrase = _phrase(status)
    return problem(
        status, phrase, detail or phrase, HTTP_CODES.get(status, f"http_{status}"), headers
    )


def retry_headers(exc: KoersError) -> dict[str, str] | None:
    """``Retry-After`` (seconds) for an error that says when to come back (e.g. 429)."""
    seconds = getattr(exc, "retry_after", None)
    return {"Retry-After": str(seconds)} if isinstance(seconds, int) else None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(KoersError)
    async def koers_error(_request: Request, exc: KoersError) -> JSONResponse:
        return problem(exc.status, type(exc).__name__, exc.message, exc.code, retry_headers(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(part) for part in err.get("loc", ())], "msg": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem(422, "Invalid input", detail, "invalid_input", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Nothing at this address."
        return http_problem(exc.status_code, detail, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("api.unexpected_error", extra={"fields": {"exc_type": type(exc).__name__}})
        return problem(500, "Internal error", "An unexpected error occurred.", "internal_error")

    install_problem_openapi(app)


def problem_response(status: int) -> dict[str, Any]:
    """The OpenAPI response object of a problem+json answer with ``status``."""
    return {
        "description": PROBLEM_DESCRIPTIONS.get(status, _phrase(status)),
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: the problem answers only this route gives (e.g. 404)."""
    return {status: problem_response(status) for status in statuses}


def install_problem_openapi(app: FastAPI) -> None:
    """Make the OpenAPI schema document problem+json for every error an operation can give.

    Every operation gets 500 and 503 (timeout); operations with input get 422 (replacing
    FastAPI's own ``HTTPValidationError``); operations with a body get 400 and 413; operations
    with a declared security requirement get 401 and 403. Anything else a route can answer
    (404, 409, 429, …) it declares itself with ``responses=problem_responses(...)``.
    """
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            add_problems(build())
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def add_problems(schema: dict[str, Any]) -> None:
    """Rewrite ``schema`` in place (see ``install_problem_openapi``)."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem_schema.pop("$defs", {}))
    schemas["Problem"] = problem_schema
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "delete", "patch", "head", "options"}:
                continue
            responses = operation.setdefault("responses", {})
            has_input = bool(operation.get("parameters") or item.get("parameters"))
            has_body = "requestBody" in operation
            wanted = [500, 503]
            if has_input or has_body or "422" in responses:
                wanted.append(422)
            if has_body:
                wanted += [400, 413]  # 400: a body that cannot be parsed at all
            if operation.get("security"):
                wanted += [401, 403]
            for status in wanted:
                declared = responses.get(str(status))
                if declared is None or "HTTPValidationError" in json.dumps(declared):
                    responses[str(status)] = problem_response(status)
            operation["responses"] = dict(sorted(responses.items()))
    for replaced in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422, now Problem
        kept = schemas.pop(replaced, None)
        if kept is not None and f'"#/components/schemas/{replaced}"' in json.dumps(schema):
            schemas[replaced] = kept  # still used by some other schema


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
