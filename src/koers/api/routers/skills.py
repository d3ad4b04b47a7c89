"""``/api/v1/skills``: ranked ESCO skills in free text (stateless: nothing is stored).

Same rules as ``koers skills extract``: empty text gives an empty list, text longer than the
limit is refused (422 naming the limit; bodies over the server's body limit get 413), binary or
control-character garbage is refused with 422 naming the problem.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from koers.api.schemas.skills import ExtractedSkillOut, SkillExtractIn, SkillExtractOut
from koers.http.deps import ExtractionDep
from koers.http.limits import HeavyKind, heavy_slot

router = APIRouter(prefix="/api/v1/skills", tags=["skills"])


@router.post("/extract", response_model=SkillExtractOut)
def extract(
    request: Request, body: SkillExtractIn, extraction_service: ExtractionDep
) -> SkillExtractOut:
    """Ranked ESCO skills in a text, each with the span of text that triggered it. 503 with
    ``Retry-After`` when the server already extracts as many texts as it allows at once."""
    with heavy_slot(request, HeavyKind.EXTRACTION):
        extraction = extraction_service.extract(body.text, body.top)
    return SkillExtractOut(
        text=extraction.text,
        method="hybrid" if extraction.method.value == "hybrid" else "lexical",
        skills=[
            ExtractedSkillOut(
                uri=s.uri,
                label=s.label,
                score=s.score,
                span=s.span.text,
                start=s.span.start,
                end=s.span.end,
            )
            for s in extraction.skills
        ],
    )
