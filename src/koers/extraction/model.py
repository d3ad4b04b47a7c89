"""Plain data for skill extraction (competenties herkennen in vrije tekst, report 6.2).

No behaviour and no I/O: a catalogue of skill labels goes in, ranked skills with the span of
text that triggered each come out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Method(StrEnum):
    """Which scorer produced a ranking (recorded on every result)."""

    LEXICAL = "lexical"
    EMBEDDING = "embedding"
    HYBRID = "hybrid"
    TFIDF_BASELINE = "tfidf-baseline"


@dataclass(frozen=True, slots=True)
class SkillLabel:
    """One label of one skill: a preferred, alternative or hidden term in one language.

    Attributes:
        uri: ESCO concept URI of the skill.
        text: the label as written (``"manage musical staff"``).
        lang: ISO 639-1 code (``en``, ``nl``).
        preferred: True for the preferred label in ``lang`` (the label shown to users).
        source: where the label comes from (``esco``, ``lexicon-nl``, an operator file name).
    """

    uri: str
    text: str
    lang: str = "en"
    preferred: bool = False
    source: str = "esco"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into the input text, and the text they cover."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    """One ranked skill.

    Attributes:
        uri: ESCO skill URI.
        label: the skill's preferred label (English unless only another language is loaded).
        score: ranking score in [0, 1]; higher is more likely. Not a calibrated probability.
        span: the part of the text that triggered the skill.
        matched: the label (of any type or language) that matched the span.
        method: the scorer that contributed most (``lexical`` or ``embedding``).
    """

    uri: str
    label: str
    score: float
    span: Span
    matched: str
    method: Method


@dataclass(frozen=True, slots=True)
class Extraction:
    """The skills found in one text, best first."""

    text: str
    skills: tuple[ExtractedSkill, ...]
    method: Method


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One evaluation sentence and the preferred labels of its gold skills."""

    text: str
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class Scores:
    """Ranking metrics over a set of sentences.

    Attributes:
        method: the ranking method evaluated.
        k: cut-off for R-Precision.
        r_precision: mean R-Precision@k, in [0, 1].
        mrr: mean reciprocal rank of the first gold label, in [0, 1] (0 when absent from the
            ranking).
        sentences: number of sentences with at least one gold label.
        seconds: wall-clock seconds spent ranking (extraction only, not loading).
    """

    method: str
    k: int
    r_precision: float
    mrr: float
    sentences: int
    seconds: float = 0.0
    per_sentence: tuple[float, ...] = field(default=(), repr=False)

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds > 0 else float("inf")
