from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from koers.extraction import (
    EmptyCatalogue,
    ExtractionError,
    HybridConfig,
    Method,
    NotText,
    SkillExtractor,
    SkillLabel,
    TextTooLong,
    read_lexicon,
)
from koers.extraction.embedding import EmbeddingIndex, FloatArray
from koers.extraction.lexical import LabelSet
from koers.extraction.tests.conftest import FIXTURES

PY = "http://data.europa.eu/esco/skill/py"
PM = "http://data.europa.eu/esco/skill/pm"
TEAM = "http://data.europa.eu/esco/skill/team"
FORK = "http://data.europa.eu/esco/skill/fork"
CS = "http://data.europa.eu/esco/skill/cs"


class TrigramEncoder:
    """A deterministic stand-in for a sentence model: hashed character trigrams."""

    name = "trigram-test"

    def encode(self, texts: Sequence[str]) -> FloatArray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.casefold()} "
            for i in range(len(padded) - 2):
                h = hashlib.md5(padded[i : i + 3].encode()).digest()[0] % 64
                out[row, h] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def assert_spans_are_substrings(text: str, extractor: SkillExtractor) -> None:
    result = extractor.extract(text, top=5)
    assert result.skills
    for skill in result.skills:
        assert 0 <= skill.span.start < skill.span.end <= len(text)
        assert text[skill.span.start : skill.span.end] == skill.span.text
        assert 0.0 <= skill.score <= 1.0
    scores = [s.score for s in result.skills]
    assert scores == sorted(scores, reverse=True)


def test_lexical_extraction_finds_labels_with_their_spans(sample_labels: list[SkillLabel]) -> None:
    extractor = SkillExtractor(sample_labels)
    text = "Senior developer.\nStrong Python skills and project-management experience."
    result = extractor.extract(text, top=3)
    assert result.method is Method.LEXICAL
    by_uri = {s.uri: s for s in result.skills}
    assert PY in by_uri and PM in by_uri
    assert by_uri[PY].span.text == "Python"
    assert by_uri[PY].label == "Python (computer programming)"
    assert by_uri[PM].span.text == "project-management"
    assert_spans_are_substrings(text, extractor)


def test_alternative_labels_match_and_report_the_preferred_label(
    sample_labels: list[SkillLabel],
) -> None:
    result = SkillExtractor(sample_labels).extract("Great at teamwork.", top=1)
    assert result.skills[0].uri == TEAM
    assert result.skills[0].label == "work in teams"
    assert result.skills[0].matched == "teamwork"


def test_hybrid_extraction_uses_the_encoder(sample_labels: list[SkillLabel]) -> None:
    extractor = SkillExtractor(sample_labels, encoder=TrigramEncoder())
    assert extractor.method is Method.HYBRID
    text = "We drive forklifts all day and serve customers with care"
    result = extractor.extract(text, top=6)
    assert {s.uri for s in result.skills[:3]} >= {FORK}
    assert_spans_are_substrings(text, extractor)


def test_hybrid_accepts_a_precomputed_label_matrix(sample_labels: list[SkillLabel]) -> None:
    encoder = TrigramEncoder()
    matrix = encoder.encode(LabelSet.build(sample_labels).labels)
    a = SkillExtractor(sample_labels, encoder=encoder, label_matrix=matrix)
    b = SkillExtractor(sample_labels, encoder=encoder)
    text = "python programming and teamwork"
    assert a.extract(text) == b.extract(text)


def test_label_matrix_must_match_the_labels(sample_labels: list[SkillLabel]) -> None:
    with pytest.raises(ExtractionError, match="label matrix"):
        SkillExtractor(
            sample_labels, encoder=TrigramEncoder(), label_matrix=np.zeros((2, 64), np.float32)
        )
    with pytest.raises(ExtractionError):
        EmbeddingIndex(LabelSet.build(sample_labels), np.zeros(5, np.float32))


def test_top_is_respected_and_best_segment_wins(sample_labels: list[SkillLabel]) -> None:
    extractor = SkillExtractor(sample_labels, encoder=TrigramEncoder())
    text = "python\nI once saw a python script"
    result = extractor.extract(text, top=2)
    assert len(result.skills) <= 2
    python = next(s for s in result.skills if s.uri == PY)
    assert python.span.start == 0  # the exact one-word line beats the longer sentence


@pytest.mark.parametrize("text", ["", "   \n\t ", "... --- !!!", "\n\n"])
def test_empty_or_wordless_text_gives_no_skills(sample_labels: list[SkillLabel], text: str) -> None:
    for extractor in (
        SkillExtractor(sample_labels),
        SkillExtractor(sample_labels, encoder=TrigramEncoder()),
    ):
        assert extractor.extract(text).skills == ()


def test_text_without_any_skill_gives_no_lexical_skills(sample_labels: list[SkillLabel]) -> None:
    assert SkillExtractor(sample_labels).extract("zzz qqq").skills == ()


def test_bad_input_is_rejected_before_scoring(sample_labels: list[SkillLabel]) -> None:
    extractor = SkillExtractor(sample_labels)
    with pytest.raises(TextTooLong):
        extractor.extract("Python " * 800_000)
    with pytest.raises(NotText):
        extractor.extract("\x00\x01\x02\x03" * 100)


def test_dutch_lexicon_terms_map_to_esco(sample_labels: list[SkillLabel]) -> None:
    lexicon = read_lexicon(FIXTURES / "lexicon_sample.csv")
    extractor = SkillExtractor([*sample_labels, *lexicon])
    text = "Klantgerichte teamspeler met ervaring op de heftruck"
    result = extractor.extract(text, top=3)
    by_uri = {s.uri: s for s in result.skills}
    assert {TEAM, FORK} <= set(by_uri)
    assert by_uri[FORK].span.text == "heftruck"
    assert by_uri[FORK].label == "operate forklift"  # shown in English, the display language
    assert by_uri[TEAM].matched == "teamspeler"


def test_empty_catalogue_is_refused() -> None:
    with pytest.raises(EmptyCatalogue):
        SkillExtractor([])
    with pytest.raises(EmptyCatalogue):
        SkillExtractor([SkillLabel("u", "   ")])


def test_weights_without_embedding_are_rescaled(sample_labels: list[SkillLabel]) -> None:
    config = HybridConfig(embedding=1.0, tfidf=0.0, phrase=1.0)
    result = SkillExtractor(sample_labels, config=config).extract("JavaScript", top=1)
    assert result.skills[0].score == 1.0
