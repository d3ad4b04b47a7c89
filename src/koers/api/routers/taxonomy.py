"""``/api/v1/taxonomy``: the common skills language (ESCO)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from koers.api.pagination import PageDep, paginate, paginated_responses
from koers.api.schemas.taxonomy import ConceptOut, ConceptRefOut, SearchHitOut, TaxonomyStatsOut
from koers.http.deps import TaxonomyDep
from koers.http.errors import problem_responses
from koers.taxonomy import ConceptKind

router = APIRouter(prefix="/api/v1/taxonomy", tags=["taxonomy"])

LangQuery = Annotated[Literal["nl", "en"], Query(description="Label language; falls back to en.")]


@router.get("/stats", response_model=TaxonomyStatsOut, responses=problem_responses(404))
def stats(taxonomy: TaxonomyDep) -> TaxonomyStatsOut:
    return TaxonomyStatsOut.model_validate(asdict(taxonomy.stats()))


@router.get("/search", response_model=list[SearchHitOut], responses=problem_responses(404))
def search(
    taxonomy: TaxonomyDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words; typos tolerated.")],
    lang: LangQuery = "nl",
    kind: ConceptKind | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[SearchHitOut]:
    return [
        SearchHitOut(uri=h.uri, label=h.label, kind=h.kind, score=h.score, matched=h.matched)
        for h in taxonomy.search(q, lang=lang, kind=kind, limit=limit)
    ]


@router.get("/concepts", response_model=ConceptOut, responses=problem_responses(404))
def concept(
    taxonomy: TaxonomyDep,
    key: Annotated[str, Query(min_length=1, max_length=200, description="URI or code.")],
    lang: LangQuery = "nl",
) -> ConceptOut:
    """Any concept by URI or code, with its hierarchy neighbours and skills."""
    return ConceptOut.of(taxonomy.detail(key, lang))


@router.get("/roots", response_model=list[ConceptRefOut], responses=paginated_responses())
def roots(
    taxonomy: TaxonomyDep,
    response: Response,
    page: PageDep,
    hierarchy: Literal["isco", "skills"] = "isco",
    lang: LangQuery = "nl",
) -> list[ConceptRefOut]:
    """Top of the ISCO-08 tree or of the ESCO skill hierarchy (paginated)."""
    kind = ConceptKind.ISCO_GROUP if hierarchy == "isco" else ConceptKind.SKILL_GROUP
    return paginate([ConceptRefOut.of(r) for r in taxonomy.roots(kind, lang)], page, response)
