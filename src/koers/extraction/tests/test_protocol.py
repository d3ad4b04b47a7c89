"""Held-out protocols: fixed halves, choice on one set, report on another."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from koers.extraction import GoldSentence, HybridConfig, read_gold
from koers.extraction.protocol import choose, default_grid, half_of, run_fold, split_half

DUTCH = Path(__file__).parents[1] / "data" / "dutch_dev_annotations.csv"


def test_split_half_is_fixed_disjoint_and_balanced() -> None:
    gold = read_gold(DUTCH)
    first, second = split_half(gold)
    assert first and second
    assert {g.text for g in first}.isdisjoint({g.text for g in second})
    assert len(first) + len(second) == len(gold)
    assert split_half(list(reversed(gold))) == (first[::-1], second[::-1])  # order-free
    assert all(half_of(g.text) == 0 for g in first)


def test_choice_is_made_on_the_tuning_set_only() -> None:
    tune = [GoldSentence("a", frozenset({"x"}))]
    test = [GoldSentence("a", frozenset({"y"}))]
    good_on_tune = HybridConfig(tfidf=0.3)
    bad_on_tune = HybridConfig(tfidf=0.05)

    def make_ranker(config: HybridConfig) -> object:
        answer = ["x"] if config == good_on_tune else ["y"]
        return lambda text: answer

    config, scores = choose(make_ranker, [bad_on_tune, good_on_tune], tune, k=5)  # type: ignore[arg-type]
    assert config == good_on_tune and scores.r_precision == 1.0

    def baseline(text: str) -> Sequence[str]:
        return ["y"]

    fold = run_fold(
        ("tune", tune),
        ("test", test),
        make_ranker,  # type: ignore[arg-type]
        baseline,
        [bad_on_tune, good_on_tune],
        bad_on_tune,
        k=5,
    )
    assert fold.config == good_on_tune
    assert fold.tuned.r_precision == 1.0
    assert fold.held_out.r_precision == 0.0  # the held-out score is honest about the miss
    assert fold.default.r_precision == 1.0 and fold.baseline.r_precision == 1.0


def test_grids() -> None:
    base = HybridConfig()
    assert len(default_grid(base, hybrid=True)) == 18
    assert {c.embedding for c in default_grid(base, hybrid=False)} == {base.embedding}
    assert all(c.tfidf == 1.0 for c in default_grid(base, hybrid=False))
