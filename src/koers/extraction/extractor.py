"""Hybrid skill extraction: lexical matching over all labels plus sentence embeddings.

For each segment (line or sentence) of a text the extractor scores every skill three ways and
blends them (weights in :class:`HybridConfig`):

* **phrase**: a label occurs in the segment as a run of content words (1 or 0);
* **tfidf**: TF-IDF cosine between the segment and the skill's best label (all labels,
  stemmed);
* **embedding**: cosine between the skill's best label and the segment or one of its short
  word windows (the window catches "Python" in a long sentence; the segment catches skills that
  are paraphrased, e.g. "enthusiastic" → "show determination").

A skill's score over a text is its best segment score. Without an encoder the embedding term
is dropped and the lexical weights are rescaled (lexical fallback).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from koers.extraction.embedding import EmbeddingIndex, Encoder, FloatArray, IntArray
from koers.extraction.lexical import LabelSet, PhraseMatcher, TfidfIndex
from koers.extraction.model import ExtractedSkill, Extraction, Method, SkillLabel, Span
from koers.extraction.text import STOPWORDS, Token, check_text, segments, tokens


@dataclass(frozen=True, slots=True)
class HybridConfig:
    """Blend weights and window sizes; chosen on the validation files (see the docs).

    Weights are relative: the blended score is divided by their sum, so it stays in [0, 1].

    Attributes:
        embedding: weight of the embedding similarity.
        tfidf: weight of the TF-IDF cosine.
        phrase: weight of an exact label occurrence.
        window_sizes: word-window lengths embedded besides the whole segment.
        max_windows: cap on windows per segment (longest segments are the slowest).
        max_text_windows: cap on windows per text; once reached, later segments are embedded
            whole only. A CV gives a few thousand; it bounds the encoder's work for a text of
            200,000 characters (issue 13: such a text took minutes and GBs).
        cache_size: query vectors (segments and windows) kept between calls, so a phrase
            that recurs across texts of a run is encoded once.
    """

    embedding: float = 1.0
    tfidf: float = 0.15
    phrase: float = 0.05
    window_sizes: tuple[int, ...] = (2, 3)
    max_windows: int = 96
    max_text_windows: int = 12_000
    cache_size: int = 50_000


_CHUNK_ROWS = 256
"""Query vectors scored against all labels per matrix product (bounds memory: 256 × 99k
floats is 100 MB) while keeping the label matrix read once for many queries."""


@dataclass(slots=True)
class _Segment:
    start: int
    end: int
    toks: list[Token]
    spans: list[tuple[int, int]]
    """The segment itself first, then its word windows (only with an encoder)."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    span: tuple[int, int]
    matched: int
    method: Method


class SkillExtractor:
    """Rank ESCO skills in free text.

    Args:
        labels: every label to match (ESCO preferred and alternative labels, optionally Dutch
            labels loaded by an operator and the curated Dutch lexicon).
        encoder: sentence encoder, or ``None`` for lexical-only extraction.
        label_matrix: the encoder's vectors of ``LabelSet.build(labels).labels``; computed
            with ``encoder`` when omitted (slow: about a minute per 15,000 labels on 2 cores).
        config: blend weights.
        display_lang: language of the labels returned to the user.
        fast_scoring: score label vectors in bfloat16 when torch is installed (see
            :class:`~koers.extraction.embedding.EmbeddingIndex`).
    """

    def __init__(
        self,
        labels: Sequence[SkillLabel],
        encoder: Encoder | None = None,
        label_matrix: FloatArray | None = None,
        config: HybridConfig | None = None,
        display_lang: str = "en",
        fast_scoring: bool = True,
    ) -> None:
        self.config = config or HybridConfig()
        self.label_set = LabelSet.build(labels, display_lang=display_lang)
        self._tfidf = TfidfIndex(self.label_set.labels)
        self._phrases = PhraseMatcher(self.label_set, self._tfidf.df)
        counts = np.bincount(self.label_set.label_skill, minlength=len(self.label_set.uris))
        self._offsets = np.concatenate(([0], np.cumsum(counts)))
        self._rows = np.argsort(self.label_set.label_skill, kind="stable")
        self._encoder = encoder
        self._embedding: EmbeddingIndex | None = None
        self._vectors: dict[str, FloatArray] = {}
        self._lock = threading.Lock()
        if encoder is not None:
            if label_matrix is None:
                label_matrix = encoder.encode(self.label_set.labels)
            self._embedding = EmbeddingIndex(self.label_set, label_matrix, fast=fast_scoring)

    def with_embeddings(
        self, encoder: Encoder, label_matrix: FloatArray, fast_scoring: bool = True
    ) -> SkillExtractor:
        """A hybrid extractor that shares this one's labels and lexical indexes (cheap: the
        lexical build is not repeated).

        Raises:
            ExtractionError: the matrix does not match the labels.
        """
        other = copy.copy(self)
        other._encoder = encoder
        other._embedding = EmbeddingIndex(self.label_set, label_matrix, fast=fast_scoring)
        other._vectors = {}
        other._lock = threading.Lock()
        return other

    def with_config(self, config: HybridConfig) -> SkillExtractor:
        """The same extractor with other weights or windows; indexes, label vectors and the
        query-vector cache are shared (for choosing a configuration on a dev set)."""
        other = copy.copy(self)
        other.config = config
        return other

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks time extraction without them)."""
        with self._lock:
            self._vectors.clear()

    @property
    def method(self) -> Method:
        """``hybrid`` with an encoder, ``lexical`` without."""
        return Method.HYBRID if self._embedding is not None else Method.LEXICAL

    def extract(self, text: str, top: int = 10) -> Extraction:
        """The ``top`` most likely skills in ``text``, best first, each with its span.

        Args:
            text: a CV, vacancy, course description, ... (Dutch or English).
            top: number of skills to return.

        Returns:
            An :class:`Extraction`; empty when the text has no words.

        Raises:
            TextTooLong: the text exceeds :data:`koers.extraction.text.MAX_TEXT_CHARS`.
            NotText: the text looks like binary data.
        """
        return self.extract_many([text], top)[0]

    def extract_many(self, texts: Sequence[str], top: int = 10) -> list[Extraction]:
        """:meth:`extract` for many texts; every segment and word window of all texts goes to
        the encoder in one call (the encoder's own batching sorts them by length).

        Raises:
            TextTooLong: a text exceeds :data:`koers.extraction.text.MAX_TEXT_CHARS`.
            NotText: a text looks like binary data.
        """
        checked = [check_text(text) for text in texts]
        parsed = [self._segments(text) for text in checked]
        vectors: dict[str, FloatArray] = {}
        if self._embedding is not None:
            vectors = self._vectors_of(
                [
                    text[a:b]
                    for text, segs in zip(checked, parsed, strict=True)
                    for seg in segs
                    for a, b in seg.spans
                ]
            )
        return [
            self._extract(text, segs, top, vectors)
            for text, segs in zip(checked, parsed, strict=True)
        ]

    def _extract(
        self, text: str, segs: list[_Segment], top: int, vectors: dict[str, FloatArray]
    ) -> Extraction:
        best: dict[int, _Candidate] = {}
        for seg, best_labels in zip(segs, self._similarities(text, segs, vectors), strict=True):
            for skill, cand in self._score_segment(text, seg, best_labels, top).items():
                if skill not in best or cand.score > best[skill].score:
                    best[skill] = cand
        ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))[:top]
        skills = tuple(
            ExtractedSkill(
                uri=self.label_set.uris[skill],
                label=self.label_set.display[skill],
                score=round(min(1.0, max(0.0, cand.score)), 4),
                span=Span(cand.span[0], cand.span[1], text[cand.span[0] : cand.span[1]]),
                matched=self.label_set.labels[cand.matched],
                method=cand.method,
            )
            for skill, cand in ranked
        )
        return Extraction(text=text, skills=skills, method=self.method)

    def rank_labels(self, text: str, top: int = 10) -> list[str]:
        """Display labels of the ``top`` skills (for evaluation against preferred labels)."""
        return [s.label for s in self.extract(text, top).skills]

    # -- internals ---------------------------------------------------------------------------

    def _windows(self, text: str, toks: list[Token]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        seen: set[str] = set()
        for n in self.config.window_sizes:
            for i in range(len(toks) - n + 1):
                window = toks[i : i + n]
                if window[0].norm in STOPWORDS or window[-1].norm in STOPWORDS:
                    continue
                span = (window[0].start, window[-1].end)
                key = text[span[0] : span[1]].casefold()
                if key not in seen:
                    seen.add(key)
                    out.append(span)
        return out[: self.config.max_windows]

    def _segments(self, text: str) -> list[_Segment]:
        out: list[_Segment] = []
        budget = self.config.max_text_windows
        for start, end in segments(text):
            toks = [Token(t.start + start, t.end + start, t.norm) for t in tokens(text[start:end])]
            spans = [(start, end)]
            if self._embedding is not None and budget > 0:
                windows = self._windows(text, toks)[:budget]
                budget -= len(windows)
                spans += windows
            out.append(_Segment(start, end, toks, spans))
        return out

    def _vectors_of(self, queries: list[str]) -> dict[str, FloatArray]:
        """Vectors of ``queries``: from the cache, the others encoded in one call."""
        assert self._encoder is not None
        found: dict[str, FloatArray] = {}
        missing: list[str] = []
        for query in dict.fromkeys(queries):
            vector = self._vectors.get(query)
            if vector is None:
                missing.append(query)
            else:
                found[query] = vector
        if not missing:
            return found
        vectors = self._encoder.encode(missing)
        found.update(zip(missing, vectors, strict=True))
        keep = max(self.config.cache_size, 0)
        fresh = list(zip(missing, vectors, strict=True))[len(missing) - keep :] if keep else []
        with self._lock:
            overflow = len(self._vectors) + len(fresh) - keep
            if overflow > 0:  # forget the oldest entries (dicts keep insertion order)
                for key in list(self._vectors)[:overflow]:
                    self._vectors.pop(key, None)
            self._vectors.update(fresh)
        return found

    def _similarities(
        self, text: str, segs: list[_Segment], vectors: dict[str, FloatArray]
    ) -> Iterator[tuple[FloatArray, IntArray] | None]:
        """Per segment: every label's best cosine over the segment's query spans, and the
        span index that gave it. Segments are grouped so that one matrix product scores up
        to ``_CHUNK_ROWS`` queries.

        Yielded group by group, so the caller scores a group before the next is computed:
        each segment's result holds two arrays over all ~99,000 labels (1.2 MB), and a list
        of them for a long text took GBs (issue 13)."""
        if self._embedding is None:
            for _ in segs:
                yield None
            return
        group: list[_Segment] = []
        rows = 0
        for seg in segs:
            if group and rows + len(seg.spans) > _CHUNK_ROWS:
                yield from self._group_similarities(text, group, vectors)
                group, rows = [], 0
            group.append(seg)
            rows += len(seg.spans)
        if group:
            yield from self._group_similarities(text, group, vectors)

    def _group_similarities(
        self, text: str, group: list[_Segment], vectors: dict[str, FloatArray]
    ) -> list[tuple[FloatArray, IntArray]]:
        assert self._embedding is not None
        queries = [text[a:b] for seg in group for a, b in seg.spans]
        matrix = np.stack([vectors[q] for q in queries]).astype(np.float32, copy=False)
        bounds = []
        offset = 0
        for seg in group:
            bounds.append((offset, offset + len(seg.spans)))
            offset += len(seg.spans)
        return self._embedding.best_labels(matrix, bounds)

    def _skill_max(self, label_scores: FloatArray) -> FloatArray:
        """Best label score per skill (``np.maximum.reduceat`` over labels sorted by skill;
        many times faster than ``np.maximum.at`` on 99k labels)."""
        return np.asarray(
            np.maximum.reduceat(label_scores[self._rows], self._offsets[:-1]), dtype=np.float32
        )

    def _score_segment(
        self, text: str, seg: _Segment, best: tuple[FloatArray, IntArray] | None, top: int
    ) -> dict[int, _Candidate]:
        cfg = self.config
        start, end, toks, spans = seg.start, seg.end, seg.toks, seg.spans
        segment = text[start:end]
        n_skills = len(self.label_set.uris)

        tf_labels = self._tfidf.scores(segment)
        tf_skill = self._skill_max(tf_labels)

        phrase = np.zeros(n_skills, dtype=np.float32)
        phrase_hit: dict[int, tuple[int, tuple[int, int]]] = {}
        for hit in self._phrases.find(segment):
            phrase[hit.skill] = 1.0
            span = (hit.span.start + start, hit.span.end + start)
            old = phrase_hit.get(hit.skill)
            if old is None or span[1] - span[0] > old[1][1] - old[1][0]:
                phrase_hit[hit.skill] = (hit.label, span)

        emb_skill = np.zeros(n_skills, dtype=np.float32)
        emb_label_best = np.zeros(0, dtype=np.float32)
        emb_query_best = np.zeros(0, dtype=np.int64)
        if best is not None:
            emb_label_best, emb_query_best = best
            emb_skill = self._skill_max(emb_label_best)
            total_weight = cfg.embedding + cfg.tfidf + cfg.phrase or 1.0
            weights = (
                cfg.embedding / total_weight,
                cfg.tfidf / total_weight,
                cfg.phrase / total_weight,
            )
        else:
            lexical = cfg.tfidf + cfg.phrase or 1.0
            weights = (0.0, cfg.tfidf / lexical, cfg.phrase / lexical)

        total = weights[0] * emb_skill + weights[1] * tf_skill + weights[2] * phrase
        if not np.any(total > 0):
            return {}
        k = min(max(top, 1) * 3, n_skills)
        chosen = np.argpartition(-total, k - 1)[:k]
        out: dict[int, _Candidate] = {}
        for skill in (int(s) for s in chosen):
            score = float(total[skill])
            if score <= 0:
                continue
            contributions = {
                Method.EMBEDDING: weights[0] * float(emb_skill[skill]),
                Method.LEXICAL: weights[1] * float(tf_skill[skill]) + weights[2] * phrase[skill],
            }
            method = max(contributions, key=lambda m: contributions[m])
            rows = self._rows[self._offsets[skill] : self._offsets[skill + 1]]
            if skill in phrase_hit:
                matched, span = phrase_hit[skill]
            elif method is Method.EMBEDDING and emb_label_best.size:
                matched = int(rows[np.argmax(emb_label_best[rows])])
                span = spans[int(emb_query_best[matched])]
            else:
                matched = int(rows[np.argmax(tf_labels[rows])])
                span = self._lexical_span(toks, self.label_set.labels[matched], (start, end))
            out[skill] = _Candidate(score, span, matched, method)
        return out

    @staticmethod
    def _lexical_span(toks: list[Token], label: str, fallback: tuple[int, int]) -> tuple[int, int]:
        terms = {t.norm for t in tokens(label)} - STOPWORDS
        hits = [t for t in toks if t.norm in terms]
        if not hits:
            return fallback
        return hits[0].start, hits[-1].end
