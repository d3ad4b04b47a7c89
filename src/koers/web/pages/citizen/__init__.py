"""Citizen space: "Mijn competenties" (the competentieportfolio: claims with confidence and
sources, CV import with a review step, work and learning, goals and preferences, history,
downloads) and "Competentiecheck" (warning lights, answers and action plan).

Pages call the same services as the API. A stored portfolio is read only for its signed-in
owner (purpose ``self``) through the portfolio store and its personal-data gate; uploads and
pasted CVs are used for the page and not stored unless the owner presses "Bewaar".

One module per task, each with its own router; what several modules use is public in
``shared.py``. No path of one module can be matched by a route of another, so the order in
which the routers are included below does not change which page answers
(``tests/web/test_citizen_routes.py`` checks this).
"""

from __future__ import annotations

from fastapi import APIRouter

from koers.web.pages.citizen import (
    career,
    check,
    claims,
    downloads,
    goals,
    history,
    portfolio_page,
)
from koers.web.pages.citizen.shared import demo_portfolio

MODULES = (portfolio_page, claims, career, goals, history, downloads, check)

router = APIRouter(include_in_schema=False)
for _module in MODULES:
    router.include_router(_module.router)

__all__ = ["MODULES", "demo_portfolio", "router"]
