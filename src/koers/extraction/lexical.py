"""Lexical scorers over skill labels: exact phrase matches and TF-IDF cosine.

Both work on the normalised tokens of :mod:`koers.extraction.text`, take plain label lists and
return numpy arrays indexed like :attr:`LabelSet.uris`. They need no model and are the
fallback when the embedding extra is not installed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from koers.extraction.errors import EmptyCatalogue
from koers.extraction.model import SkillLabel, Span
from koers.extraction.text import STOPWORDS, Token, fold, normalise, tokens

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]

MAX_PHRASE_TOKENS = 8


@dataclass(frozen=True, slots=True)
class LabelSet:
    """Skill labels arranged for scoring: one row per label, one column per skill.

    Attributes:
        uris: the skills, in a fixed order; every score array is indexed like this.
        display: the label shown for each skill (English preferred label when loaded).
        labels: every label text.
        label_skill: for each label, the index of its skill in ``uris``.
    """

    uris: tuple[str, ...]
    display: tuple[str, ...]
    labels: tuple[str, ...]
    label_skill: IntArray

    @classmethod
    def build(cls, labels: Sequence[SkillLabel], display_lang: str = "en") -> LabelSet:
        """Arrange labels; the display label is the preferred label in ``display_lang``.

        Raises:
            EmptyCatalogue: ``labels`` is empty.
        """
        if not labels:
            raise EmptyCatalogue()
        index: dict[str, int] = {}
        display: list[str] = []
        rank: list[int] = []
        texts: list[str] = []
        owner: list[int] = []
        seen: set[tuple[int, str]] = set()
        for label in labels:
            text = " ".join(label.text.split())
            if not text:
                continue
            i = index.setdefault(label.uri, len(index))
            if i == len(display):
                display.append(text)
                rank.append(9)
            # 0: preferred in display language, 1: preferred elsewhere, 2: other labels
            r = 0 if label.preferred and label.lang == display_lang else 1 if label.preferred else 2
            if r < rank[i]:
                display[i], rank[i] = text, r
            key = (i, fold(text))
            if key not in seen:
                seen.add(key)
                texts.append(text)
                owner.append(i)
        if not texts:
            raise EmptyCatalogue()
        return cls(tuple(index), tuple(display), tuple(texts), np.asarray(owner, dtype=np.int32))

    def skill_max(self, label_scores: FloatArray) -> FloatArray:
        """Reduce per-label scores to per-skill scores by taking the best label of each skill."""
        out = np.zeros(len(self.uris), dtype=np.float32)
        np.maximum.at(out, self.label_skill, label_scores)
        return out


class TfidfIndex:
    """Cosine similarity between a query and every label in TF-IDF space.

    The inverse document frequency is computed over the labels themselves
    (``idf = ln((1 + n) / (1 + df)) + 1``, as in scikit-learn); vectors are L2-normalised.

    Args:
        labels: label texts.
        analyse: turns a text into its terms (default: normalised content words).
    """

    def __init__(
        self,
        labels: Sequence[str],
        analyse: Callable[[str], tuple[str, ...]] = normalise,
    ) -> None:
        self._analyse = analyse
        docs = [analyse(text) for text in labels]
        df: dict[str, int] = defaultdict(int)
        for doc in docs:
            for term in set(doc):
                df[term] += 1
        n = len(docs)
        self.df = dict(df)
        self.idf = {term: math.log((1 + n) / (1 + d)) + 1.0 for term, d in df.items()}
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for row, doc in enumerate(docs):
            counts: dict[str, int] = defaultdict(int)
            for term in doc:
                counts[term] += 1
            weights = {term: c * self.idf[term] for term, c in counts.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for term, w in weights.items():
                rows, ws = postings[term]
                rows.append(row)
                ws.append(w / norm)
        self._postings = {
            term: (np.asarray(r, dtype=np.int32), np.asarray(w, dtype=np.float32))
            for term, (r, w) in postings.items()
        }
        self.size = n

    def query_weights(self, text: str) -> dict[str, float]:
        """The query's L2-normalised TF-IDF weights (terms unknown to the labels are dropped)."""
        counts: dict[str, int] = defaultdict(int)
        for term in self._analyse(text):
            if term in self.idf:
                counts[term] += 1
        weights = {term: c * self.idf[term] for term, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def scores(self, text: str) -> FloatArray:
        """Cosine similarity of ``text`` with every label, shape ``(len(labels),)``."""
        out = np.zeros(self.size, dtype=np.float32)
        for term, w in self.query_weights(text).items():
            rows, ws = self._postings[term]
            out[rows] += w * ws
        return out


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A label found verbatim (after normalisation) in the text."""

    skill: int
    label: int
    span: Span


class PhraseMatcher:
    """Find labels that occur in a text as a run of content words (order kept, stop words and
    punctuation skipped), e.g. ``"Project Management"`` in ``"strong project-management"``.

    Args:
        label_set: the labels to look for.
        df: number of labels each term occurs in (from :class:`TfidfIndex`).
        max_share: a one-word label is not matched alone when its word occurs in more than
            this share of all labels (and in more than 5), e.g. ``management``.
    """

    def __init__(self, label_set: LabelSet, df: dict[str, int], max_share: float = 0.05) -> None:
        self._phrases: dict[tuple[str, ...], list[int]] = defaultdict(list)
        limit = max(5.0, max_share * len(label_set.labels))
        for row, text in enumerate(label_set.labels):
            key = normalise(text)
            if not key or len(key) > MAX_PHRASE_TOKENS:
                continue
            if len(key) == 1 and df.get(key[0], 0) > limit:
                continue
            self._phrases[key].append(row)
        self._label_skill = label_set.label_skill
        self.max_len = max((len(k) for k in self._phrases), default=0)

    def find(self, text: str, toks: Sequence[Token] | None = None) -> list[PhraseHit]:
        """All label occurrences in ``text``; longer matches first at each position."""
        content = [
            t for t in (toks if toks is not None else tokens(text)) if t.norm not in STOPWORDS
        ]
        hits: list[PhraseHit] = []
        for i in range(len(content)):
            for n in range(min(self.max_len, len(content) - i), 0, -1):
                key = tuple(t.norm for t in content[i : i + n])
                rows = self._phrases.get(key)
                if not rows:
                    continue
                start, end = content[i].start, content[i + n - 1].end
                span = Span(start, end, text[start:end])
                for row in rows:
                    hits.append(PhraseHit(int(self._label_skill[row]), row, span))
        return hits
