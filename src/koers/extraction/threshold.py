"""A minimum score for skills that are *imported* (CV → portfolio), per extraction method.

The extractor returns a ranked list; the API and the CLI show it as is, with scores. An import
turns the list into portfolio claims, so the tail of a short text's top 30 (low-score false
positives such as "demand excellence from performers" for "Ik gebruik Excel") would pad the
citizen's review list with noise. :data:`IMPORT_MIN_SCORE` is the cut, chosen per method
because the lexical and hybrid scores live on different scales.

The values were chosen on the TECH and HOUSE *validation* files only, with
``benchmarks/extraction_threshold.py``: sweep a threshold over the top-30 list of every
sentence, compute micro precision, recall and F0.5 (precision weighted over recall: a claim in
a citizen's portfolio should rather be missing than wrong) of the kept skills, choose on one
file and report on the other (cross-domain, the held-out estimate), then ship the multiple of
0.05 with the best F0.5 on the worse of the two files (:func:`round_choice`), which lies in
or next to the region where F0.5 is flat on both. See ``docs/skill-extraction.md`` for the
table. Scores are not calibrated probabilities: the values must be chosen again when the
extractor's weights, labels or model change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from koers.extraction.model import ExtractedSkill, Extraction, GoldSentence, Method
from koers.extraction.text import normalise

IMPORT_MIN_SCORE: Mapping[str, float] = MappingProxyType(
    {Method.LEXICAL.value: 0.8, Method.HYBRID.value: 0.8}
)
"""Minimum score of a skill kept by an import, per :class:`Method` of the extraction; exact hits
(:func:`is_exact_hit`) are kept whatever their score."""

IMPORT_BETA = 0.5
"""F-beta used to choose :data:`IMPORT_MIN_SCORE` (0.5: precision counts more than recall)."""


def import_min_score(method: str) -> float:
    """The import threshold for an extraction ``method`` (0.0 for a method without one)."""
    return IMPORT_MIN_SCORE.get(str(method), 0.0)


def is_exact_hit(skill: ExtractedSkill) -> bool:
    """The text says one of the skill's labels itself ("Excel", "heftruckchauffeur"): the span
    and the matched label are the same words. Such hits are precise whatever their score, and
    the hybrid score of a Dutch term is low because the sentence model is English."""
    words = normalise(skill.span.text)
    return bool(words) and words == normalise(skill.matched)


def import_score(skill: ExtractedSkill) -> float:
    """The score an import compares with the cut: 1.0 for an exact hit, else the score."""
    return 1.0 if is_exact_hit(skill) else skill.score


def keep_for_import(extraction: Extraction) -> tuple[ExtractedSkill, ...]:
    """The skills of ``extraction`` whose :func:`import_score` reaches the cut of its method."""
    cut = import_min_score(extraction.method)
    return tuple(s for s in extraction.skills if import_score(s) >= cut)


Scored = Sequence[tuple[str, float]]
"""A ranking: (label, score) pairs, best first."""


@dataclass(frozen=True, slots=True)
class ThresholdScores:
    """Micro precision, recall and F-beta of the skills kept at one threshold.

    Attributes:
        threshold: skills scored at least this are kept.
        precision: kept and gold / kept (1.0 when nothing is kept).
        recall: kept and gold / gold.
        f: F-beta of precision and recall.
        kept: number of skills kept over all sentences.
        correct: number of kept skills that are gold.
        gold: number of gold skills over all sentences.
    """

    threshold: float
    precision: float
    recall: float
    f: float
    kept: int
    correct: int
    gold: int


def f_beta(precision: float, recall: float, beta: float = IMPORT_BETA) -> float:
    """F-beta; 0.0 when both are 0."""
    b2 = beta * beta
    denominator = b2 * precision + recall
    return (1 + b2) * precision * recall / denominator if denominator > 0 else 0.0


def sweep(
    rankings: Sequence[tuple[GoldSentence, Scored]],
    thresholds: Sequence[float],
    beta: float = IMPORT_BETA,
) -> list[ThresholdScores]:
    """Micro scores of the kept skills at each threshold.

    Every sentence counts, including those whose gold set is empty (a skill found there is a
    false positive, as it would be in a portfolio); duplicate labels count once.
    """
    ranked = [(g.labels, dict(reversed(list(r)))) for g, r in rankings]
    gold_total = sum(len(labels) for labels, _ in ranked)
    out: list[ThresholdScores] = []
    for t in thresholds:
        kept = correct = 0
        for labels, scores in ranked:
            chosen = {label for label, score in scores.items() if score >= t}
            kept += len(chosen)
            correct += len(chosen & labels)
        precision = correct / kept if kept else 1.0
        recall = correct / gold_total if gold_total else 0.0
        out.append(
            ThresholdScores(
                t, precision, recall, f_beta(precision, recall, beta), kept, correct, gold_total
            )
        )
    return out


def best(scores: Sequence[ThresholdScores]) -> ThresholdScores:
    """The threshold with the highest F (ties: the lowest threshold, which keeps more)."""
    return max(scores, key=lambda s: (s.f, -s.threshold))


def flat_region(scores: Sequence[ThresholdScores], tolerance: float) -> list[float]:
    """Thresholds whose F is within ``tolerance`` of the best F."""
    top = best(scores).f
    return [s.threshold for s in scores if s.f >= top - tolerance]


def round_choice(
    scores: Sequence[Sequence[ThresholdScores]], step: float = 0.05
) -> ThresholdScores | None:
    """The multiple of ``step`` whose worst F over the files is highest (ties: the lowest).

    Returns the scores of the first file at that threshold, or ``None`` when ``scores`` is
    empty or shares no multiple of ``step``.
    """
    if not scores:
        return None
    per_file = [{round(s.threshold, 4): s for s in file} for file in scores]
    common = set.intersection(*(set(f) for f in per_file))
    n = round(1 / step)
    candidates = sorted(t for t in common if round(t * n, 6).is_integer())
    if not candidates:
        return None
    chosen = max(candidates, key=lambda t: (min(f[t].f for f in per_file), -t))
    return per_file[0][chosen]


def default_thresholds(step: float = 0.01) -> list[float]:
    """0.0, step, ..., 1.0 (rounded, so that values print and compare exactly)."""
    n = round(1 / step)
    return [round(i * step, 4) for i in range(n + 1)]


def rank_scored(
    extract: Callable[[str], Extraction], gold: Sequence[GoldSentence]
) -> list[tuple[GoldSentence, Scored]]:
    """Each gold sentence with its ranking as (display label, import score) pairs."""
    return [(g, [(s.label, import_score(s)) for s in extract(g.text).skills]) for g in gold]
