"""Skill extraction: ranked ESCO skills, with the span that triggered each, from free text.

Hybrid of lexical matching over all ESCO labels and an optional sentence-embedding model
(extra ``koers[embeddings]``); see ``docs/skill-extraction.md`` for the method and scores.
"""

from __future__ import annotations

from koers.extraction.baseline import TfidfLabelBaseline
from koers.extraction.embedding import EmbeddingIndex, Encoder, load_minilm
from koers.extraction.errors import (
    BadGoldFile,
    EmbeddingUnavailable,
    EmptyCatalogue,
    ExtractionError,
    NotText,
    TextTooLong,
)
from koers.extraction.evaluate import evaluate, r_precision_at_k, reciprocal_rank
from koers.extraction.extractor import HybridConfig, SkillExtractor
from koers.extraction.model import (
    ExtractedSkill,
    Extraction,
    GoldSentence,
    Method,
    Scores,
    SkillLabel,
    Span,
)
from koers.extraction.sources import (
    bundled_skill_labels,
    cached_label_matrix,
    read_esco_skill_labels,
    read_gold,
    read_lexicon,
)
from koers.extraction.text import MAX_TEXT_CHARS, check_text

__all__ = [
    "MAX_TEXT_CHARS",
    "BadGoldFile",
    "EmbeddingIndex",
    "EmbeddingUnavailable",
    "EmptyCatalogue",
    "Encoder",
    "ExtractedSkill",
    "Extraction",
    "ExtractionError",
    "GoldSentence",
    "HybridConfig",
    "Method",
    "NotText",
    "Scores",
    "SkillExtractor",
    "SkillLabel",
    "Span",
    "TextTooLong",
    "TfidfLabelBaseline",
    "bundled_skill_labels",
    "cached_label_matrix",
    "check_text",
    "evaluate",
    "load_minilm",
    "r_precision_at_k",
    "read_esco_skill_labels",
    "read_gold",
    "read_lexicon",
    "reciprocal_rank",
]
