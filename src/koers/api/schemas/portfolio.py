"""What the portfolio API takes and returns (kept apart from ORM classes)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

from koers.services.portfolio import MAX_CV_CHARS


class PortfolioSummaryOut(BaseModel):
    claims: int
    history: int
    sample: bool


class ContributionOut(BaseModel):
    claim_id: str
    source_weight: float
    decay: float
    value: float
    last_used: date | None
    reason: str


class SkillConfidenceOut(BaseModel):
    uri: str
    label: str
    confidence: float = Field(ge=0, le=1)
    last_used: date | None
    years_unused: float | None
    stale: bool
    inferred_only: bool
    why: str
    contributions: list[ContributionOut]


class CvImportIn(BaseModel):
    text: str = Field(
        min_length=1,
        max_length=MAX_CV_CHARS,
        description=f"CV text (Dutch or English), at most {MAX_CV_CHARS:,} characters.",
    )
    base: dict[str, Any] | None = Field(None, description="Add to this portfolio.")
    top: int = Field(30, ge=1, le=100)


class StoredPortfolioOut(BaseModel):
    id: str
    version: int = Field(description="Number of events in the log; send it back to edit.")


class StoredPortfolioFullOut(StoredPortfolioOut):
    portfolio: dict[str, Any] = Field(description="Current state, koers.portfolio v1.")


class PortfolioSaveIn(BaseModel):
    expected_version: int = Field(
        ge=1, le=1_000_000, description="The version the edit is based on."
    )
    portfolio: dict[str, Any]


class PortfolioEventOut(BaseModel):
    seq: int
    kind: str
    actor_type: str
    recorded_at: datetime
    payload: dict[str, Any]
