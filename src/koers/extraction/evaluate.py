"""Ranking metrics for skill extraction: R-Precision@k and mean reciprocal rank.

Definitions follow Decorte et al. (2022), the source of the TECH and HOUSE benchmarks: for a
sentence with gold set G and ranking r,

* ``R-Precision@k = |G ∩ r[:k]| / min(k, |G|)``
* ``RR = 1 / rank of the first gold label in r`` (0 when none is ranked).

Both are averaged over sentences that have at least one gold label.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from koers.extraction.errors import ExtractionError
from koers.extraction.model import GoldSentence, Scores


def r_precision_at_k(ranked: Sequence[str], gold: frozenset[str] | set[str], k: int) -> float:
    """R-Precision@k of one ranking (duplicates in ``ranked`` count once).

    Raises:
        ExtractionError: ``k`` < 1 or ``gold`` is empty.
    """
    if k < 1:
        raise ExtractionError(f"k must be at least 1, got {k}")
    if not gold:
        raise ExtractionError("R-Precision needs at least one gold label")
    top = set(dict.fromkeys(ranked[:k]))
    return len(top & gold) / min(k, len(gold))


def reciprocal_rank(ranked: Sequence[str], gold: frozenset[str] | set[str]) -> float:
    """1 / (1-based rank of the first gold label); 0.0 when no gold label is ranked."""
    for position, label in enumerate(dict.fromkeys(ranked), start=1):
        if label in gold:
            return 1.0 / position
    return 0.0


def evaluate(
    ranker: Callable[[str], Sequence[str]],
    gold: Sequence[GoldSentence],
    k: int = 5,
    method: str = "",
) -> Scores:
    """Rank every gold sentence with ``ranker`` and average R-Precision@k and MRR.

    Args:
        ranker: returns the labels of a sentence, best first (identifiers comparable with the
            gold labels, e.g. ESCO preferred labels).
        gold: evaluation sentences; sentences without gold labels are skipped.
        k: R-Precision cut-off.
        method: name recorded in the result.

    Returns:
        The averaged metrics and the ranking time in seconds.

    Raises:
        ExtractionError: no sentence has a gold label.
    """
    usable = [g for g in gold if g.labels]
    if not usable:
        raise ExtractionError("no gold sentence with at least one label")
    rp: list[float] = []
    rr: list[float] = []
    seconds = 0.0
    for sentence in usable:
        t0 = time.perf_counter()
        ranked = list(ranker(sentence.text))
        seconds += time.perf_counter() - t0
        rp.append(r_precision_at_k(ranked, sentence.labels, k))
        rr.append(reciprocal_rank(ranked, sentence.labels))
    return Scores(
        method=method,
        k=k,
        r_precision=sum(rp) / len(rp),
        mrr=sum(rr) / len(rr),
        sentences=len(usable),
        seconds=seconds,
        per_sentence=tuple(rp),
    )
