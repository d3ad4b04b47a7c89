"""The real packaged all-MiniLM-L6-v2, offline.

The small test encodes the sample labels only (seconds). Encoding all ~99,000 ESCO labels takes
minutes on 2 cores, so that test is opt-in: ``KOERS_SLOW_EXTRACTION=1 pytest
tests/extraction/test_minilm.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from koers.extraction import (
    EmbeddingUnavailable,
    SkillExtractor,
    load_minilm,
    read_esco_skill_labels,
)
from koers.extraction.tests.conftest import FIXTURES
from koers.services.extraction import ExtractionService


@pytest.fixture(scope="module")
def minilm():  # type: ignore[no-untyped-def]
    try:
        return load_minilm()
    except EmbeddingUnavailable:
        pytest.skip("the embeddings extra is not installed")


def test_minilm_loads_offline_and_finds_paraphrases(minilm, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # nothing may be downloaded at run time
    labels = read_esco_skill_labels(FIXTURES / "skills_sample.csv")
    extractor = SkillExtractor(labels, encoder=minilm)
    text = "Every day I drive a fork-lift truck in the warehouse."
    result = extractor.extract(text, top=3)
    assert result.method.value == "hybrid"
    assert result.skills[0].label == "operate forklift"
    assert (
        text[result.skills[0].span.start : result.skills[0].span.end] == result.skills[0].span.text
    )


@pytest.mark.skipif(
    os.environ.get("KOERS_SLOW_EXTRACTION") != "1",
    reason="encodes all ESCO labels (minutes); set KOERS_SLOW_EXTRACTION=1",
)
def test_full_hybrid_warm_up(tmp_path: Path) -> None:
    service = ExtractionService()
    assert service.extract("Python and SQL").method.value == "lexical"
    service.warm_up(tmp_path, hybrid=True).join(3600)
    assert service.hybrid_state == "ready"
    result = service.extract("Experienced in Python programming and SQL databases.", top=5)
    assert result.method.value == "hybrid"
    assert "Python (computer programming)" in {s.label for s in result.skills}
