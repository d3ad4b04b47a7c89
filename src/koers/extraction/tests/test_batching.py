"""Batched extraction: one encoder call per batch, a query-vector cache, shared indexes."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from koers.extraction import HybridConfig, Method, SkillExtractor, SkillLabel
from koers.extraction.embedding import FloatArray
from koers.extraction.lexical import LabelSet
from koers.extraction.tests.test_extractor import TrigramEncoder

TEXTS = [
    "Strong Python skills.\nProject-management experience; teamwork.",
    "We drive forklifts all day and serve customers with care",
    "",
    "Python and SQL",
]


class CountingEncoder(TrigramEncoder):
    def __init__(self) -> None:
        self.calls: list[int] = []

    def encode(self, texts: Sequence[str]) -> FloatArray:
        self.calls.append(len(texts))
        return super().encode(texts)


def hybrid(labels: list[SkillLabel], encoder: TrigramEncoder) -> SkillExtractor:
    matrix = encoder.encode(LabelSet.build(labels).labels)
    return SkillExtractor(labels, encoder=encoder, label_matrix=matrix)


def test_extract_many_equals_one_by_one(sample_labels: list[SkillLabel]) -> None:
    one = hybrid(sample_labels, TrigramEncoder())
    many = hybrid(sample_labels, TrigramEncoder())
    assert many.extract_many(TEXTS, top=5) == [one.extract(t, top=5) for t in TEXTS]


def test_all_segments_and_windows_go_to_the_encoder_in_one_call(
    sample_labels: list[SkillLabel],
) -> None:
    encoder = CountingEncoder()
    extractor = hybrid(sample_labels, encoder)
    encoder.calls.clear()
    extractor.extract_many(TEXTS, top=5)
    assert len(encoder.calls) == 1
    assert encoder.calls[0] > len(TEXTS)  # segments plus their word windows
    extractor.extract_many(TEXTS, top=5)
    assert len(encoder.calls) == 1  # everything came from the cache
    extractor.extract("Python and SQL. Forklift work.", top=5)
    assert encoder.calls[1] < encoder.calls[0]  # only the unseen queries


def test_cache_is_bounded(sample_labels: list[SkillLabel]) -> None:
    encoder = CountingEncoder()
    labels = LabelSet.build(sample_labels).labels
    extractor = SkillExtractor(
        sample_labels,
        encoder=encoder,
        label_matrix=encoder.encode(labels),
        config=HybridConfig(cache_size=3),
    )
    before = extractor.extract_many(TEXTS, top=5)
    assert len(extractor._vectors) <= 3
    assert extractor.extract_many(TEXTS, top=5) == before  # eviction never loses results


def test_with_embeddings_upgrades_a_lexical_extractor(sample_labels: list[SkillLabel]) -> None:
    lexical = SkillExtractor(sample_labels)
    encoder = TrigramEncoder()
    upgraded = lexical.with_embeddings(encoder, encoder.encode(lexical.label_set.labels))
    assert lexical.method is Method.LEXICAL and upgraded.method is Method.HYBRID
    assert upgraded.label_set is lexical.label_set
    text = "We drive forklifts all day"
    assert upgraded.extract(text) == hybrid(sample_labels, TrigramEncoder()).extract(text)
    assert lexical.extract(text).method is Method.LEXICAL


def test_with_config_changes_weights_only(sample_labels: list[SkillLabel]) -> None:
    base = hybrid(sample_labels, TrigramEncoder())
    lexical_heavy = base.with_config(HybridConfig(embedding=0.0, tfidf=1.0, phrase=1.0))
    assert lexical_heavy.label_set is base.label_set
    result = lexical_heavy.extract("JavaScript", top=1)
    assert result.skills[0].score == pytest.approx(1.0)
    assert result.skills[0].method is Method.LEXICAL
    assert base.extract("JavaScript", top=1).skills[0].method is Method.EMBEDDING


def test_exact_and_fast_scoring_agree(sample_labels: list[SkillLabel]) -> None:
    encoder = TrigramEncoder()
    matrix = encoder.encode(LabelSet.build(sample_labels).labels)
    exact = SkillExtractor(sample_labels, encoder=encoder, label_matrix=matrix, fast_scoring=False)
    fast = SkillExtractor(sample_labels, encoder=encoder, label_matrix=matrix)
    for text in TEXTS:
        a, b = exact.extract(text, top=3), fast.extract(text, top=3)
        assert [s.uri for s in a.skills][:1] == [s.uri for s in b.skills][:1]
        for x, y in zip(a.skills, b.skills, strict=False):
            if x.uri == y.uri:
                assert abs(x.score - y.score) < 0.01
