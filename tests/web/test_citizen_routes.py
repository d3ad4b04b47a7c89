"""The citizen page modules each have their own router, and which page answers a path does
not depend on the order in which those routers are included (no browser needed)."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Match

from koers.web.pages import citizen

SAMPLE = "x1"
"""A value for every path parameter (an id, a version, a download kind)."""


def routes(module: object) -> list[APIRoute]:
    return [r for r in module.router.routes if isinstance(r, APIRoute)]  # type: ignore[attr-defined]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", SAMPLE, path)


def answering(table: list[APIRoute], method: str, path: str) -> str:
    """The endpoint that answers ``method path`` in a routing table (first full match wins)."""
    scope = {"type": "http", "method": method, "path": path}
    for route in table:
        if route.matches(scope)[0] is Match.FULL:
            return f"{route.endpoint.__module__}.{route.endpoint.__name__}"
    return "none"


def table_of(modules: tuple[object, ...]) -> list[APIRoute]:
    """The routes in the order a router including ``modules`` in this order tries them."""
    return [route for module in modules for route in routes(module)]


REQUESTS = sorted(
    {
        (method, concrete(route.path))
        for module in citizen.MODULES
        for route in routes(module)
        for method in route.methods
    }
)


def test_every_citizen_module_has_routes_of_its_own() -> None:
    for module in citizen.MODULES:
        assert routes(module), module.__name__
        assert all(r.endpoint.__module__ == module.__name__ for r in routes(module))


def test_no_route_of_one_module_matches_a_path_of_another() -> None:
    for module in citizen.MODULES:
        for route in routes(module):
            for other in citizen.MODULES:
                if other is module:
                    continue
                for method in route.methods:
                    scope = {"type": "http", "method": method, "path": concrete(route.path)}
                    hits = [r.path for r in routes(other) if r.matches(scope)[0] is Match.FULL]
                    assert not hits, (method, route.path, other.__name__, hits)


@pytest.mark.parametrize("shift", range(len(citizen.MODULES)))
def test_matching_does_not_depend_on_the_order_of_the_routers(shift: int) -> None:
    modules = citizen.MODULES[shift:] + citizen.MODULES[:shift]
    expected = {r: answering(table_of(citizen.MODULES), *r) for r in REQUESTS}
    for order in (modules, modules[::-1]):
        table = table_of(order)
        assert {r: answering(table, *r) for r in REQUESTS} == expected


def test_every_path_reaches_a_page_of_its_own_module() -> None:
    table = table_of(citizen.MODULES[::-1])
    for module in citizen.MODULES:
        for route in routes(module):
            for method in route.methods:
                assert answering(table, method, concrete(route.path)).startswith(module.__name__)
