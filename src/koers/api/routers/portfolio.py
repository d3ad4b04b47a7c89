"""``/api/v1/portfolio``: competence portfolios.

Stateless helpers (validate, confidence, import, export) take a portfolio in the body and store
nothing. Stored portfolios (create, read, edit, history) need a signed-in account; every read or
change by someone other than the owner passes the personal-data gate (role × consent, audit).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, File, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response

from koers.access import Purpose
from koers.api.schemas.portfolio import (
    ContributionOut,
    CvImportIn,
    PortfolioEventOut,
    PortfolioSaveIn,
    PortfolioSummaryOut,
    SkillConfidenceOut,
    StoredPortfolioFullOut,
    StoredPortfolioOut,
)
from koers.http.deps import PortfolioDep, SettingsDep
from koers.http.errors import problem_responses
from koers.http.limits import HeavyKind, heavy_slot, run_heavy
from koers.http.security import CsrfHeader, CurrentAccount
from koers.http.uploads import read_upload
from koers.i18n import translate_all, translate_message
from koers.portfolio import Portfolio, parse_portfolio, to_json
from koers.services.documents import MAX_DOCUMENT_BYTES
from koers.services.portfolio import MAX_FILE_BYTES

router = APIRouter(prefix="/api/v1/portfolio", tags=["portfolio"])

PortfolioBody = Annotated[
    dict[str, Any],
    Body(description="A portfolio: koers.portfolio v1 JSON or an ELM JSON-LD Person."),
]
Lang = Annotated[Literal["nl", "en"], Query()]
PurposeQuery = Annotated[
    Purpose, Query(description="Why you read: self (own data), coaching or employability.")
]


def _parse(portfolios: PortfolioDep, body: dict[str, Any], lang: str) -> Portfolio:
    return portfolios.read(json.dumps(body).encode(), "portfolio", lang)


@router.post("/validate", response_model=PortfolioSummaryOut)
def validate(
    body: PortfolioBody, portfolios: PortfolioDep, lang: Lang = "nl"
) -> PortfolioSummaryOut:
    """Check format, dates and every ESCO URI; 422 lists every problem with its JSON path."""
    p = _parse(portfolios, body, lang)
    return PortfolioSummaryOut(claims=len(p.claims), history=len(p.history), sample=p.sample)


@router.post("/confidence", response_model=list[SkillConfidenceOut])
def confidence(
    body: PortfolioBody, portfolios: PortfolioDep, lang: Lang = "nl", as_of: date | None = None
) -> list[SkillConfidenceOut]:
    """Every skill with its derived confidence, strongest first, and why."""
    p = _parse(portfolios, body, lang)
    labels = portfolios.labels(p, lang)
    return [
        SkillConfidenceOut(
            uri=c.skill_uri,
            label=labels.get(c.skill_uri, c.skill_uri),
            confidence=c.confidence,
            last_used=c.last_used,
            years_unused=c.years_unused,
            stale=c.stale,
            inferred_only=c.inferred_only,
            why=translate_all(c.why(), lang),
            contributions=[
                ContributionOut(
                    claim_id=x.claim_id,
                    source_weight=x.source_weight,
                    decay=x.decay,
                    value=x.value,
                    last_used=x.last_used,
                    reason=translate_message(x.reason, lang),
                )
                for x in c.contributions
            ],
        )
        for c in portfolios.confidences(p, as_of, lang).values()
    ]


@router.post(
    "/export",
    response_class=Response,
    responses={
        200: {
            "description": "JSON-LD (to=jsonld), HTML (to=html) or PDF (to=pdf).",
            "content": {
                "application/ld+json": {"schema": {"type": "object"}},
                "text/html": {"schema": {"type": "string"}},
                "application/pdf": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
def export(
    body: PortfolioBody,
    portfolios: PortfolioDep,
    to: Annotated[Literal["jsonld", "html", "pdf"], Query()] = "jsonld",
    lang: Lang = "nl",
    as_of: date | None = None,
) -> Response:
    """Europass/ELM JSON-LD, or the printable one-page summary as HTML or PDF."""
    p = _parse(portfolios, body, lang)
    if to == "jsonld":
        return JSONResponse(portfolios.export_jsonld(p, lang), media_type="application/ld+json")
    if to == "html":
        return HTMLResponse(portfolios.export_html(p, lang, as_of))
    return Response(
        portfolios.export_pdf(p, lang, as_of),
        media_type="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="portfolio.pdf"'},
    )


@router.post("/import/occupations")
async def import_occupations(
    request: Request,
    portfolios: PortfolioDep,
    file: Annotated[UploadFile, File(description="CSV or JSON: occupation,start,end,…")],
    lang: Lang = "nl",
) -> dict[str, Any]:
    """A new portfolio (koers.portfolio JSON) with these past occupations as jobs."""
    data = await read_upload(file, MAX_FILE_BYTES)
    name = file.filename or "occupations"
    imported = await run_heavy(
        request, HeavyKind.TABLE, portfolios.import_occupations, data, name, None, lang
    )
    return to_json(imported)


@router.post("/import/cv", responses=problem_responses(503))
def import_cv(
    request: Request, body: CvImportIn, portfolios: PortfolioDep, lang: Lang = "nl"
) -> dict[str, Any]:
    """The portfolio (given as ``base``, or a new one) plus the skills found in the CV text,
    as inferred claims with the text span that triggered each."""
    base = parse_portfolio(json.dumps(body.base), "base") if body.base else None
    with heavy_slot(request, HeavyKind.EXTRACTION):
        return to_json(portfolios.import_cv(body.text, base, "CV", body.top, lang))


@router.post("/import/cv-file", responses=problem_responses(413, 503))
async def import_cv_file(
    request: Request,
    portfolios: PortfolioDep,
    settings: SettingsDep,
    file: Annotated[
        UploadFile,
        File(description="The CV as PDF (with a text layer), Word .docx or plain text."),
    ],
    top: Annotated[int, Query(ge=1, le=100, description="Skills to keep.")] = 30,
    lang: Lang = "nl",
) -> dict[str, Any]:
    """A new portfolio (koers.portfolio JSON) with the skills found in a CV file as inferred
    claims, each with the text span that triggered it. Nothing is stored. The file is read
    offline; 422 (``document_unreadable``) names the problem: empty, a scanned PDF without a
    text layer, a password, an old Word .doc, another type, a damaged file or one that
    unpacks to too much. Bodies over KOERS_MAX_BODY_BYTES get 413."""
    limit = min(settings.max_body_bytes, MAX_DOCUMENT_BYTES)
    data = await read_upload(file, limit)
    name = (file.filename or "CV")[:200]
    imported = await run_heavy(
        request, HeavyKind.DOCUMENT, portfolios.import_cv_file, data, name, None, top, lang, limit
    )
    return to_json(imported)


# -- stored portfolios (signed in; through the personal-data gate) ----------------------------


@router.post(
    "", response_model=StoredPortfolioOut, status_code=201, responses=problem_responses(401, 403)
)
def create(
    body: PortfolioBody,
    portfolios: PortfolioDep,
    me: CurrentAccount,
    _csrf: CsrfHeader,
    lang: Lang = "nl",
) -> StoredPortfolioOut:
    """Store a portfolio as my own (the start of its versioned log)."""
    stored = portfolios.create(me.id, _parse(portfolios, body, lang), lang)
    return StoredPortfolioOut(id=stored.id, version=stored.version)


@router.get("/mine", response_model=list[str], responses=problem_responses(401, 403))
def mine(portfolios: PortfolioDep, me: CurrentAccount) -> list[str]:
    """Ids of my stored portfolios, newest first."""
    return portfolios.portfolios_of(me.id, me.actor(), Purpose.SELF, "/api/v1/portfolio/mine")


@router.get(
    "/{portfolio_id}",
    response_model=StoredPortfolioFullOut,
    responses=problem_responses(401, 403, 404, 429),
)
def read(
    portfolio_id: Annotated[str, Path(max_length=64, description="Portfolio id.")],
    portfolios: PortfolioDep,
    me: CurrentAccount,
    purpose: PurposeQuery = Purpose.SELF,
    upto: Annotated[
        int | None, Query(ge=1, le=1_000_000, description="An earlier version.")
    ] = None,
) -> StoredPortfolioFullOut:
    """The current state (or an earlier version). Others than the owner need consent."""
    stored = portfolios.load(
        portfolio_id, me.actor(), purpose, "/api/v1/portfolio/{portfolio_id}", upto
    )
    return StoredPortfolioFullOut(
        id=stored.id, version=stored.version, portfolio=to_json(stored.portfolio)
    )


@router.put(
    "/{portfolio_id}",
    response_model=StoredPortfolioOut,
    responses=problem_responses(401, 403, 404, 409, 429),
)
def save(
    portfolio_id: Annotated[str, Path(max_length=64, description="Portfolio id.")],
    body: PortfolioSaveIn,
    portfolios: PortfolioDep,
    me: CurrentAccount,
    _csrf: CsrfHeader,
    purpose: PurposeQuery = Purpose.SELF,
    lang: Lang = "nl",
) -> StoredPortfolioOut:
    """Record an edit: the differences become events; 409 if someone saved in between."""
    new = _parse(portfolios, body.portfolio, lang)
    stored = portfolios.save(
        portfolio_id,
        body.expected_version,
        new,
        me.actor(),
        purpose,
        "/api/v1/portfolio/{portfolio_id}",
        lang,
    )
    return StoredPortfolioOut(id=stored.id, version=stored.version)


@router.get(
    "/{portfolio_id}/history",
    response_model=list[PortfolioEventOut],
    responses=problem_responses(401, 403, 404, 429),
)
def history(
    portfolio_id: Annotated[str, Path(max_length=64, description="Portfolio id.")],
    portfolios: PortfolioDep,
    me: CurrentAccount,
    purpose: PurposeQuery = Purpose.SELF,
) -> list[PortfolioEventOut]:
    """Every edit: what changed, by which kind of actor, when (nothing is overwritten)."""
    events = portfolios.history(
        portfolio_id, me.actor(), purpose, "/api/v1/portfolio/{portfolio_id}/history"
    )
    return [
        PortfolioEventOut(
            seq=e.seq,
            kind=e.kind.value,
            actor_type=e.actor_type.value,
            recorded_at=e.recorded_at,
            payload=dict(e.payload),
        )
        for e in events
    ]
