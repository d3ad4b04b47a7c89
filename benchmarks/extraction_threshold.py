"""Benchmark: the minimum score for imported skills, per extraction method (lexical, hybrid).

Run::

    D=../shared/data/benchmarks/skill_extraction_decorte
    .venv/bin/python benchmarks/extraction_threshold.py \\
        --choose $D/tech_validation_annotations.csv --choose $D/house_validation_annotations.csv \\
        --report src/koers/extraction/data/dutch_dev_annotations.csv

For every sentence of the gold files the product extractor returns its top 30 (as the CV
import asks); a threshold from 0.00 to 1.00 (step 0.01) keeps the skills scored at least that,
and micro precision, recall and F-beta (default F0.5) of the kept skills are computed against
the gold labels. Cross-domain: the threshold with the best F on one ``--choose`` file is
reported on the other (the held-out estimate), and the reverse. The flat region is where F
is within ``--tolerance`` of each file's best (min..max, not always contiguous). The value
that ships (``koers.extraction.threshold.IMPORT_MIN_SCORE``) is the multiple of 0.05 with the
best F on the worse of the two files (``round_choice``); the script prints it next to the
shipped one. ``--report`` files are only reported, never chosen on. Prints Markdown for
``docs/skill-extraction.md``. Only validation/dev files belong here: never pass a Decorte
*test* file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from koers.cli.skills import build_extractor
from koers.extraction import (
    IMPORT_BETA,
    IMPORT_MIN_SCORE,
    GoldSentence,
    Scored,
    SkillExtractor,
    ThresholdScores,
    best,
    default_thresholds,
    flat_region,
    import_score,
    read_gold,
    round_choice,
    sweep,
)

TOP = 30
"""Skills asked of the extractor per text (as ``PortfolioService.import_cv``)."""


def rankings(
    extractor: SkillExtractor, gold: Sequence[GoldSentence]
) -> list[tuple[GoldSentence, Scored]]:
    extractions = extractor.extract_many([g.text for g in gold], TOP)
    return [
        (g, [(s.label, import_score(s)) for s in e.skills])
        for g, e in zip(gold, extractions, strict=True)
    ]


def at(scores: Sequence[ThresholdScores], threshold: float) -> ThresholdScores:
    return next(s for s in scores if s.threshold == round(threshold, 4))


def row(method: str, name: str, what: str, s: ThresholdScores) -> str:
    return (
        f"| {method} | {name} | {what} | {s.threshold:.2f} | {s.precision:.3f} | "
        f"{s.recall:.3f} | {s.f:.3f} | {s.kept} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--choose", type=Path, action="append", required=True)
    parser.add_argument("--report", type=Path, action="append", default=[])
    parser.add_argument("--beta", type=float, default=IMPORT_BETA)
    parser.add_argument("--tolerance", type=float, default=0.03)
    parser.add_argument("--lexical-only", action="store_true")
    args = parser.parse_args()
    if len(args.choose) != 2:
        parser.error("--choose needs exactly two files (choose on one, report on the other)")
    if any("test" in p.name for p in [*args.choose, *args.report]):
        parser.error("held-out test files must not be used to choose or report a threshold")
    golds = {p.stem.removesuffix("_annotations"): read_gold(p) for p in args.choose}
    reports = {p.stem.removesuffix("_annotations"): read_gold(p) for p in args.report}
    grid = default_thresholds()

    extractors = {"lexical": build_extractor(lexical_only=True, labels=[])}
    if not args.lexical_only:
        hybrid = build_extractor(lexical_only=False, labels=[])
        extractors[hybrid.method.value] = hybrid

    print(f"F{args.beta:g}, top {TOP}, micro over all sentences, flat = within {args.tolerance}")
    print()
    print("| method | file | threshold | t | P | R | F | kept |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for method, extractor in extractors.items():
        swept = {
            name: sweep(rankings(extractor, gold), grid, args.beta)
            for name, gold in {**golds, **reports}.items()
        }
        (a, b) = golds
        shipped = IMPORT_MIN_SCORE.get(method, 0.0)
        for tune, test in ((a, b), (b, a)):
            chosen = best(swept[tune])
            print(row(method, tune, "best (chosen here)", chosen))
            print(
                row(method, test, f"held-out, chosen on {tune}", at(swept[test], chosen.threshold))
            )
        for name, scores in swept.items():
            print(row(method, name, "no threshold", scores[0]))
            print(row(method, name, "shipped", at(scores, shipped)))
        regions = {name: flat_region(swept[name], args.tolerance) for name in golds}
        both = sorted(set(regions[a]) & set(regions[b]))
        for name, region in regions.items():
            print(f"<!-- {method} {name} flat region: {min(region):.2f}..{max(region):.2f} -->")
        span = f"{both[0]:.2f}..{both[-1]:.2f}" if both else "empty"
        rounded = round_choice([swept[a], swept[b]])
        pick = f"{rounded.threshold:.2f}" if rounded else "none"
        print(f"<!-- {method} flat on both: {span}; round choice {pick}; shipped {shipped:.2f} -->")
        for name, scores in swept.items():
            curve = ", ".join(
                f"{s.threshold:.2f}:{s.precision:.2f}/{s.recall:.2f}/{s.f:.2f}"
                for s in scores
                if round(s.threshold * 100) % 5 == 0 and s.kept
            )
            print(f"<!-- {method} {name} t:P/R/F {curve} -->")


if __name__ == "__main__":
    main()
