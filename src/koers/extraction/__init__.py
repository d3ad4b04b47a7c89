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
from koers.extraction.lexical import LabelSet
from koers.extraction.model import (
    ExtractedSkill,
    Extraction,
    GoldSentence,
    Method,
    Scores,
    SkillLabel,
    Span,
)
from koers.extraction.protocol import Fold, default_grid, run_fold, split_half
from koers.extraction.sources import (
    bundled_skill_labels,
    cached_label_matrix,
    read_esco_skill_labels,
    read_gold,
    read_lexicon,
)
from koers.extraction.text import MAX_TEXT_CHARS, check_text
from koers.extraction.threshold import (
    IMPORT_BETA,
    IMPORT_MIN_SCORE,
    Scored,
    ThresholdScores,
    best,
    default_thresholds,
    flat_region,
    import_score,
    keep_for_import,
    round_choice,
    sweep,
)

__all__ = [
    "IMPORT_BETA",
    "IMPORT_MIN_SCORE",
    "MAX_TEXT_CHARS",
    "BadGoldFile",
    "EmbeddingIndex",
    "EmbeddingUnavailable",
    "EmptyCatalogue",
    "Encoder",
    "ExtractedSkill",
    "Extraction",
    "ExtractionError",
    "Fold",
    "GoldSentence",
    "HybridConfig",
    "LabelSet",
    "Method",
    "NotText",
    "Scored",
    "Scores",
    "SkillExtractor",
    "SkillLabel",
    "Span",
    "TextTooLong",
    "TfidfLabelBaseline",
    "ThresholdScores",
    "best",
    "bundled_skill_labels",
    "cached_label_matrix",
    "check_text",
    "default_grid",
    "default_thresholds",
    "evaluate",
    "flat_region",
    "import_score",
    "keep_for_import",
    "load_minilm",
    "r_precision_at_k",
    "read_esco_skill_labels",
    "read_gold",
    "read_lexicon",
    "reciprocal_rank",
    "round_choice",
    "run_fold",
    "split_half",
    "sweep",
]
