from __future__ import annotations

import pytest

from koers.extraction import (
    ExtractionError,
    GoldSentence,
    evaluate,
    r_precision_at_k,
    reciprocal_rank,
)


def test_r_precision_divides_by_min_of_k_and_gold_size() -> None:
    # 2 gold labels, both in the top 5: 2 / min(5, 2) = 1.0
    assert r_precision_at_k(["a", "x", "b", "y", "z"], {"a", "b"}, 5) == 1.0
    # 6 gold labels, 3 in the top 5: 3 / min(5, 6) = 0.6
    gold = {"a", "b", "c", "d", "e", "f"}
    assert r_precision_at_k(["a", "x", "b", "y", "c", "d"], gold, 5) == pytest.approx(0.6)
    # 1 gold label at rank 6 is outside the cut-off
    assert r_precision_at_k(["p", "q", "r", "s", "t", "a"], {"a"}, 5) == 0.0


def test_r_precision_counts_duplicates_once() -> None:
    assert r_precision_at_k(["a", "a", "a"], {"a", "b"}, 3) == 0.5


def test_r_precision_rejects_bad_arguments() -> None:
    with pytest.raises(ExtractionError):
        r_precision_at_k(["a"], {"a"}, 0)
    with pytest.raises(ExtractionError):
        r_precision_at_k(["a"], set(), 5)


def test_reciprocal_rank() -> None:
    assert reciprocal_rank(["x", "a", "b"], {"a", "b"}) == 0.5
    assert reciprocal_rank(["x", "x", "y", "a"], {"a"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], {"a"}) == 0.0
    assert reciprocal_rank([], {"a"}) == 0.0


def test_evaluate_averages_over_sentences_with_gold_labels() -> None:
    rankings = {"s1": ["a", "b"], "s2": ["x", "c"], "s3": ["a"]}
    gold = [
        GoldSentence("s1", frozenset({"a", "b"})),  # R-P 1.0, RR 1.0
        GoldSentence("s2", frozenset({"c", "d", "e"})),  # R-P 1/3, RR 0.5
        GoldSentence("s3", frozenset()),  # skipped
    ]
    scores = evaluate(lambda s: rankings[s], gold, k=5, method="m")
    assert scores.sentences == 2
    assert scores.r_precision == pytest.approx((1.0 + 1 / 3) / 2)
    assert scores.mrr == pytest.approx(0.75)
    assert scores.method == "m"


def test_evaluate_without_gold_labels_fails_clearly() -> None:
    with pytest.raises(ExtractionError, match="no gold sentence"):
        evaluate(lambda s: [], [GoldSentence("s", frozenset())])
