"""Batched extraction: one encoder call per batch, a query-vector cache, shared indexes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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


LONG_TEXT = "\n".join(
    f"Python and SQL, project {i} with teamwork and forklift work" for i in range(400)
)


def test_similarities_are_scored_group_by_group(
    sample_labels: list[SkillLabel], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: every segment's label scores (1.2 MB each over all ESCO labels) were kept
    until the whole text was done; a 199,000-character text took GBs. Now each group of
    segments is scored before the next group's similarities are computed."""
    extractor = hybrid(sample_labels, TrigramEncoder())
    events: list[str] = []
    embedding = extractor._embedding
    assert embedding is not None
    best_labels, score_segment = embedding.best_labels, extractor._score_segment

    def recording_best(*args: Any) -> Any:
        events.append("similarities")
        return best_labels(*args)

    def recording_score(*args: Any) -> Any:
        events.append("score")
        return score_segment(*args)

    monkeypatch.setattr(embedding, "best_labels", recording_best)
    monkeypatch.setattr(extractor, "_score_segment", recording_score)
    extractor.extract(LONG_TEXT, top=5)
    groups = [i for i, event in enumerate(events) if event == "similarities"]
    assert len(groups) > 2
    assert "score" in events[: groups[1]]  # the first group was scored before the second


def test_windows_per_text_are_capped(sample_labels: list[SkillLabel]) -> None:
    encoder = CountingEncoder()
    extractor = hybrid(sample_labels, encoder).with_config(HybridConfig(max_text_windows=50))
    encoder.calls.clear()
    result = extractor.extract(LONG_TEXT, top=5)
    assert result.method is Method.HYBRID and result.skills
    assert len(encoder.calls) == 1
    assert encoder.calls[0] <= 400 + 50  # every segment, and windows up to the cap (deduplicated)
    uncapped = CountingEncoder()
    hybrid(sample_labels, uncapped).extract(LONG_TEXT, top=5)
    assert uncapped.calls[-1] > 1000
