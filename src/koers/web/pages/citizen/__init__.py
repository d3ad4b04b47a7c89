"""Citizen space: "Mijn competenties" (the competentieportfolio: claims with confidence and
sources, CV import with a review step, work and learning, goals and preferences, history,
downloads) and "Competentiecheck" (warning lights, answers and action plan).

Pages call the same services as the API. A stored portfolio is read only for its signed-in
owner (purpose ``self``) through the portfolio store and its personal-data gate; uploads and
pasted CVs are used for the page and not stored unless the owner presses "Bewaar".

One module per task; they share one router (``_base.router``), so the order of the imports
below is the order in which routes match.
"""

from __future__ import annotations

from koers.web.pages.citizen import (  # noqa: F401  (imported for their routes)
    career,
    check,
    claims,
    downloads,
    goals,
    history,
    portfolio_page,
)
from koers.web.pages.citizen._base import demo_portfolio, router

__all__ = ["demo_portfolio", "router"]
