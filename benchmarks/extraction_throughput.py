"""Benchmark: skill-extraction throughput (sentences/s) and build time on this CPU.

Run: ``.venv/bin/python benchmarks/extraction_throughput.py --gold FILE [--gold FILE ...]``.
Times warm extraction (model and label vectors loaded, one warm-up call) over every distinct
sentence of the gold files, for the hybrid product, the lexical fallback and the TF-IDF
baseline, and prints Markdown for ``docs/skill-extraction.md``. The label-vector cache is read
from ``<data_dir>/cache/extraction`` (built on first use, as by ``koers skills extract``).
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

from koers.cli.skills import build_extractor
from koers.extraction import TfidfLabelBaseline, bundled_skill_labels, read_gold


def timed(rank: Callable[[str], object], sentences: list[str], repeat: int) -> float:
    rank(sentences[0])  # warm-up
    start = time.perf_counter()
    for _ in range(repeat):
        for sentence in sentences:
            rank(sentence)
    return len(sentences) * repeat / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, action="append", required=True)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    sentences = sorted({g.text for path in args.gold for g in read_gold(path)})

    t0 = time.perf_counter()
    hybrid = build_extractor(lexical_only=False, labels=[])
    t_hybrid = time.perf_counter() - t0
    t0 = time.perf_counter()
    lexical = build_extractor(lexical_only=True, labels=[])
    t_lexical = time.perf_counter() - t0
    t0 = time.perf_counter()
    baseline = TfidfLabelBaseline(bundled_skill_labels(lexicon=False))
    t_baseline = time.perf_counter() - t0

    rows = [
        ("product (hybrid)", t_hybrid, timed(lambda s: hybrid.extract(s, args.top), sentences, 1)),
        (
            "product (lexical fallback)",
            t_lexical,
            timed(lambda s: lexical.extract(s, args.top), sentences, 3),
        ),
        (
            "TF-IDF label baseline",
            t_baseline,
            timed(lambda s: baseline.rank(s, args.top), sentences, 3),
        ),
    ]
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    cpu = platform.processor() or platform.machine()
    print(
        f"{len(sentences)} sentences (mean {words:.1f} words), {cpu}, {os.cpu_count()} CPUs,"
        f" load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}\n"
    )
    print("| method | build (s) | sentences/s |")
    print("| --- | ---: | ---: |")
    for name, build, rate in rows:
        print(f"| {name} | {build:.1f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
