from __future__ import annotations

import pytest

from koers.extraction import ExtractedSkill, Extraction, GoldSentence, Method, Span
from koers.extraction.threshold import (
    IMPORT_MIN_SCORE,
    best,
    default_thresholds,
    f_beta,
    flat_region,
    import_min_score,
    keep_for_import,
    round_choice,
    sweep,
)


def skill(label: str, score: float) -> ExtractedSkill:
    return ExtractedSkill(f"uri:{label}", label, score, Span(0, 1, "x"), label, Method.LEXICAL)


def test_f_beta_weights_precision_with_beta_half() -> None:
    assert f_beta(1.0, 1.0) == pytest.approx(1.0)
    assert f_beta(0.0, 0.0) == 0.0
    # precision 0.8 / recall 0.2 beats the reverse for F0.5
    assert f_beta(0.8, 0.2) > f_beta(0.2, 0.8)
    assert f_beta(0.5, 0.25, beta=1.0) == pytest.approx(1 / 3)


def test_sweep_is_micro_over_all_sentences() -> None:
    rankings = [
        (GoldSentence("a", frozenset({"x", "y"})), [("x", 0.9), ("z", 0.4), ("y", 0.3)]),
        # no gold label: everything kept here is a false positive
        (GoldSentence("b", frozenset()), [("w", 0.8)]),
    ]
    at = {s.threshold: s for s in sweep(rankings, [0.0, 0.5, 0.95], beta=1.0)}
    assert (at[0.0].kept, at[0.0].correct, at[0.0].gold) == (4, 2, 2)
    assert at[0.0].precision == pytest.approx(0.5) and at[0.0].recall == pytest.approx(1.0)
    assert (at[0.5].kept, at[0.5].correct) == (2, 1)
    assert at[0.95].kept == 0 and at[0.95].precision == 1.0 and at[0.95].f == 0.0
    assert best(list(at.values())).threshold == 0.0


def test_duplicate_labels_count_once_with_their_best_score() -> None:
    rankings = [(GoldSentence("a", frozenset({"x"})), [("x", 0.9), ("x", 0.2)])]
    (s,) = sweep(rankings, [0.5])
    assert (s.kept, s.correct) == (1, 1)


def test_flat_region_and_round_choice() -> None:
    gold = GoldSentence("a", frozenset({"x"}))
    one = sweep([(gold, [("x", 0.62), ("n", 0.41)])], default_thresholds())
    other = sweep([(gold, [("x", 0.57), ("n", 0.44)])], default_thresholds())
    assert flat_region(one, 0.0) == [round(0.42 + i / 100, 4) for i in range(21)]
    chosen = round_choice([one, other])
    assert chosen is not None and chosen.threshold == 0.45
    assert round_choice([]) is None


def test_keep_for_import_uses_the_method_threshold() -> None:
    cut = IMPORT_MIN_SCORE["lexical"]
    skills = (skill("high", 1.0), skill("edge", cut), skill("low", cut - 0.01))
    kept = keep_for_import(Extraction("t", skills, Method.LEXICAL))
    assert [s.label for s in kept] == ["high", "edge"]
    hybrid_cut = IMPORT_MIN_SCORE["hybrid"]
    assert keep_for_import(Extraction("t", (skill("edge", hybrid_cut),), Method.HYBRID))
    assert not keep_for_import(Extraction("t", (skill("low", hybrid_cut - 0.01),), Method.HYBRID))
    assert import_min_score(Method.TFIDF_BASELINE) == 0.0
