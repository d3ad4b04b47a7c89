"""What the skill-extraction API takes and returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from koers.extraction import MAX_TEXT_CHARS


class SkillExtractIn(BaseModel):
    text: str = Field(
        max_length=MAX_TEXT_CHARS,
        description=(
            f"A CV, vacancy or course text, Dutch or English, at most {MAX_TEXT_CHARS:,} "
            "characters. Empty or word-less text gives an empty list."
        ),
    )
    top: int = Field(10, ge=1, le=50, description="Number of skills to return.")
    lang: Literal["nl", "en"] = Field(
        "nl",
        description="Language of the text (informative: labels of both languages are matched; "
        "skill labels are returned in English, the ESCO preferred label).",
    )


class ExtractedSkillOut(BaseModel):
    uri: str = Field(description="ESCO skill URI.")
    label: str = Field(description="ESCO preferred label (English).")
    score: float = Field(ge=0, le=1, description="Ranking score; not a probability.")
    span: str = Field(description="The text that triggered the skill: text[start:end].")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SkillExtractOut(BaseModel):
    text: str
    method: Literal["lexical", "hybrid"] = Field(
        description="lexical: label matching only (also while the sentence model is still "
        "loading after a restart); hybrid: label matching plus sentence embeddings."
    )
    skills: list[ExtractedSkillOut]
