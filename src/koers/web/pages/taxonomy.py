"""The taxonomy browser: search occupations and skills, see skills, walk the hierarchies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from koers.http.deps import TaxonomyDep
from koers.taxonomy import ConceptKind
from koers.web.render import language, render

router = APIRouter(prefix="/taxonomie", include_in_schema=False)

KINDS = ["occupation", "skill"]


@router.get("", response_class=HTMLResponse)
def search_page(
    request: Request,
    taxonomy: TaxonomyDep,
    q: Annotated[str, Query(max_length=200)] = "",
    kind: Annotated[str, Query(max_length=20)] = "",
) -> HTMLResponse:
    lang = language(request)
    selected = ConceptKind(kind) if kind in KINDS else None
    loaded = taxonomy.is_loaded()
    hits = taxonomy.search(q, lang=lang, kind=selected, limit=25) if q.strip() and loaded else []
    return render(
        request,
        "taxonomy/search.html",
        {"q": q, "kind": kind if selected else "", "kinds": KINDS, "hits": hits, "loaded": loaded},
    )


@router.get("/concept", response_class=HTMLResponse)
def concept_page(
    request: Request,
    taxonomy: TaxonomyDep,
    key: Annotated[str, Query(min_length=1, max_length=200)],
) -> HTMLResponse:
    detail = taxonomy.detail(key, language(request))
    return render(request, "taxonomy/concept.html", {"c": detail})


@router.get("/boom", response_class=HTMLResponse)
def tree_page(
    request: Request,
    taxonomy: TaxonomyDep,
    hierarchy: Annotated[str, Query(pattern="^(isco|skills)$")] = "isco",
) -> HTMLResponse:
    kind = ConceptKind.ISCO_GROUP if hierarchy == "isco" else ConceptKind.SKILL_GROUP
    roots = taxonomy.roots(kind, language(request))
    return render(request, "taxonomy/tree.html", {"roots": roots, "hierarchy": hierarchy})
