"""Benchmark: skill-extraction throughput (sentences/s) and build time on this CPU.

Run: ``.venv/bin/python benchmarks/extraction_throughput.py --gold FILE [--gold FILE ...]``.
Times warm extraction (model and label vectors loaded, one warm-up call, the query-vector
cache emptied before each timed pass so nothing is reused from an earlier pass) over every
distinct sentence of the gold files:

* hybrid product, one call per sentence (as the API and CV import call it);
* hybrid product, all sentences in one ``extract_many`` call (as ``koers skills extract
  --input`` does, in chunks of 256 texts);
* the lexical fallback and the TF-IDF baseline, one call per sentence.

Prints Markdown for ``docs/skill-extraction.md`` with the load average before and after. The
label-vector cache is read from ``<data_dir>/cache/extraction`` (built on first use, as by
``koers skills extract``).
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from koers.cli.skills import build_extractor
from koers.extraction import TfidfLabelBaseline, bundled_skill_labels, read_gold


def timed(run: Callable[[], object], count: int, reset: Callable[[], None]) -> float:
    """Sentences per second of ``run`` (best of two passes, each after ``reset``)."""
    rates = []
    for _ in range(2):
        reset()
        start = time.perf_counter()
        run()
        rates.append(count / (time.perf_counter() - start))
    return max(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, action="append", required=True)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument(
        "--windows", default="", help="comma-separated window sizes to time besides the default"
    )
    args = parser.parse_args()
    sentences = sorted({g.text for path in args.gold for g in read_gold(path)})
    n = len(sentences)
    load_before = os.getloadavg()[0]

    t0 = time.perf_counter()
    hybrid = build_extractor(lexical_only=False, labels=[])
    t_hybrid = time.perf_counter() - t0
    t0 = time.perf_counter()
    lexical = build_extractor(lexical_only=True, labels=[])
    t_lexical = time.perf_counter() - t0
    t0 = time.perf_counter()
    baseline = TfidfLabelBaseline(bundled_skill_labels(lexicon=False))
    t_baseline = time.perf_counter() - t0
    hybrid.extract(sentences[0], args.top)  # warm-up (first torch call allocates)

    def nothing() -> None:
        return None

    variants = [("", hybrid)]
    if args.windows:
        sizes = tuple(int(x) for x in args.windows.split(","))
        variants.append(
            (
                f", windows {list(sizes)}",
                hybrid.with_config(replace(hybrid.config, window_sizes=sizes)),
            )
        )
    rows: list[tuple[str, float, float]] = []
    for suffix, ext in variants:
        label = f"product, hybrid{suffix or f', windows {list(ext.config.window_sizes)}'}"
        rows.append(
            (
                f"{label}, one call per sentence",
                t_hybrid,
                timed(
                    lambda e=ext: [e.extract(s, args.top) for s in sentences], n, ext.clear_cache
                ),
            )
        )
        rows.append(
            (
                f"{label}, one batch (CLI --input)",
                t_hybrid,
                timed(lambda e=ext: e.extract_many(sentences, args.top), n, ext.clear_cache),
            )
        )
    rows.append(
        (
            "product, lexical fallback",
            t_lexical,
            timed(lambda: [lexical.extract(s, args.top) for s in sentences], n, nothing),
        )
    )
    rows.append(
        (
            "TF-IDF label baseline",
            t_baseline,
            timed(lambda: [baseline.rank(s, args.top) for s in sentences], n, nothing),
        )
    )
    words = sum(len(s.split()) for s in sentences) / n
    cpu = platform.processor() or platform.machine()
    print(
        f"{n} sentences (mean {words:.1f} words), {cpu}, {os.cpu_count()} CPUs, load average"
        f" {load_before:.1f} before / {os.getloadavg()[0]:.1f} after,"
        f" Python {platform.python_version()}\n"
    )
    print("| method | build (s) | sentences/s |")
    print("| --- | ---: | ---: |")
    for name, build, rate in rows:
        print(f"| {name} | {build:.1f} | {rate:.1f} |")


if __name__ == "__main__":
    main()
