"""Held-out evaluation protocols: choose a configuration on one set, report on another.

The blend weights of :class:`~koers.extraction.extractor.HybridConfig` were first chosen on
the same validation files that were then reported, which flatters the scores. These protocols
keep the choice and the report apart without touching any test file:

* ``cross-domain``: choose on TECH, report on HOUSE, and the reverse;
* ``split-half``: split each file's sentences into two fixed halves (by a hash of the
  sentence text, so the split does not depend on file order), choose on one half, report on
  the other, and the reverse.

The grid is small and coarse on purpose; the chosen configuration and both scores are
reported so that a reader sees how much the choice mattered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from koers.extraction.evaluate import evaluate
from koers.extraction.extractor import HybridConfig
from koers.extraction.model import GoldSentence, Scores

Ranker = Callable[[str], Sequence[str]]


def default_grid(base: HybridConfig, hybrid: bool) -> list[HybridConfig]:
    """The configurations a protocol chooses from (weights relative to ``embedding`` = 1).

    Lexical: the TF-IDF to phrase ratio. Hybrid: TF-IDF and phrase weights next to the
    embedding, and the word windows.
    """
    tfidf = (0.05, 0.15, 0.3)
    phrase = (0.0, 0.05, 0.15)
    if not hybrid:
        return [replace(base, tfidf=1.0, phrase=p) for p in (0.0, 0.1, 0.3, 1.0)]
    windows: tuple[tuple[int, ...], ...] = ((2,), (2, 3))
    return [
        replace(base, tfidf=t, phrase=p, window_sizes=w)
        for w in windows
        for t in tfidf
        for p in phrase
    ]


def half_of(sentence: str) -> int:
    """0 or 1: the fixed half a sentence belongs to (first byte of its SHA-256, parity)."""
    return hashlib.sha256(sentence.encode("utf-8")).digest()[0] & 1


def split_half(gold: Sequence[GoldSentence]) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """The two fixed halves of a gold set."""
    halves: tuple[list[GoldSentence], list[GoldSentence]] = ([], [])
    for sentence in gold:
        halves[half_of(sentence.text)].append(sentence)
    return halves


@dataclass(frozen=True, slots=True)
class Fold:
    """One choose-then-report round.

    Attributes:
        tune: name of the set the configuration was chosen on.
        test: name of the held-out set reported.
        config: the chosen configuration.
        tuned: the product's scores on the tuning set with the chosen configuration.
        held_out: the product's scores on the held-out set (the number to quote).
        baseline: the TF-IDF baseline on the held-out set (it has nothing to tune).
        default: the shipped default configuration on the held-out set.
    """

    tune: str
    test: str
    config: HybridConfig
    tuned: Scores
    held_out: Scores
    baseline: Scores
    default: Scores


def choose(
    make_ranker: Callable[[HybridConfig], Ranker],
    grid: Sequence[HybridConfig],
    gold: Sequence[GoldSentence],
    k: int,
) -> tuple[HybridConfig, Scores]:
    """The configuration with the best R-Precision@k on ``gold`` (ties: MRR, then grid order)."""
    best: tuple[HybridConfig, Scores] | None = None
    for config in grid:
        scores = evaluate(make_ranker(config), gold, k=k, method="product")
        if best is None or (scores.r_precision, scores.mrr) > (
            best[1].r_precision,
            best[1].mrr,
        ):
            best = (config, scores)
    assert best is not None, "empty grid"
    return best


def run_fold(
    tune: tuple[str, Sequence[GoldSentence]],
    test: tuple[str, Sequence[GoldSentence]],
    make_ranker: Callable[[HybridConfig], Ranker],
    baseline: Ranker,
    grid: Sequence[HybridConfig],
    default: HybridConfig,
    k: int = 5,
) -> Fold:
    """Choose on ``tune``, then score the choice, the default and the baseline on ``test``."""
    config, tuned = choose(make_ranker, grid, tune[1], k)
    return Fold(
        tune=tune[0],
        test=test[0],
        config=config,
        tuned=tuned,
        held_out=evaluate(make_ranker(config), test[1], k=k, method="product"),
        baseline=evaluate(baseline, test[1], k=k, method="tfidf-baseline"),
        default=evaluate(make_ranker(default), test[1], k=k, method="product-default"),
    )
