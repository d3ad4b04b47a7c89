"""The one pagination convention of the HTTP API: ``limit``/``offset`` plus ``X-Total-Count``.

A list endpoint declares ``page: PageDep`` and ``response: Response``, returns
``paginate(items, page, response)`` and adds ``responses=paginated_responses()`` to its route.
The body stays a plain JSON list; the header tells how many items there are in all. Ranked
searches (``/taxonomy/search``) are not collections: they return the best ``limit`` hits. See
``docs/api.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Response

TOTAL_COUNT = "X-Total-Count"
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """Which slice of a collection to return."""

    limit: int
    offset: int


def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip before the page starts.")
    ] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(page_params)]


def paginate(items: Sequence[T], page: Page, response: Response) -> list[T]:
    """The page of ``items``; sets ``X-Total-Count`` to the number of items in all."""
    response.headers[TOTAL_COUNT] = str(len(items))
    return list(items[page.offset : page.offset + page.limit])


def paginated_responses() -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a paginated route: documents the ``X-Total-Count`` header."""
    return {
        200: {
            "headers": {
                TOTAL_COUNT: {
                    "description": "Number of items in the whole collection.",
                    "schema": {"type": "integer", "minimum": 0},
                }
            }
        }
    }
