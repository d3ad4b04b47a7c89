"""What every CLI command shares: settings, the store, output formats and error exits."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import wraps
from typing import Any, ParamSpec, TypeVar

import typer

from koers.errors import KoersError

P = ParamSpec("P")
R = TypeVar("R")

EXIT_CODES = {404: 3, 403: 4, 409: 5}
"""Exit codes by error status: 2 bad input (default), 3 not found, 4 refused, 5 conflict."""


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def emit_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a :class:`KoersError` into a clear message on stderr and a non-zero exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except KoersError as exc:
            fail(exc.message, EXIT_CODES.get(exc.status, 2))
            raise  # unreachable: fail() raises

    return wrapper


@contextmanager
def no_traceback() -> Iterator[None]:
    try:
        yield
    except KoersError as exc:
        fail(exc.message, EXIT_CODES.get(exc.status, 2))
