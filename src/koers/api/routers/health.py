"""``/health``: liveness and whether the taxonomy is loaded."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from koers.http.deps import TaxonomyDep

router = APIRouter(tags=["health"])


class HealthOut(BaseModel):
    status: str
    taxonomy_loaded: bool
    version: str


@router.get("/health", response_model=HealthOut)
def health(taxonomy: TaxonomyDep) -> HealthOut:
    from koers import __version__

    return HealthOut(status="ok", taxonomy_loaded=taxonomy.is_loaded(), version=__version__)
