"""Benchmark: ESCO load time and search latency (p50/p95 over 1,000 queries).

Run: ``.venv/bin/python benchmarks/taxonomy_bench.py [--database-url URL] [--queries N]``.
Queries are drawn (seeded) from real ESCO labels in Dutch and English, a third of them with
one typo, a quarter cut short as if still typing; kinds alternate occupation/skill/any.
Results are printed as Markdown for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database
from koers.taxonomy import ConceptKind, LabelType


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        service = TaxonomyService(Database(url))
        started = time.perf_counter()
        stats = service.load()
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        index = service.index()
        index_seconds = time.perf_counter() - started

        rng = random.Random(args.seed)
        from koers.store.repositories.taxonomy import TaxonomyRepository

        with service.database.session() as session:
            labels = [
                lb
                for lb in TaxonomyRepository(session).all_labels()
                if lb.label_type is LabelType.PREFERRED
                and lb.kind in (ConceptKind.OCCUPATION, ConceptKind.SKILL)
            ]
        kinds = [ConceptKind.OCCUPATION, ConceptKind.SKILL, None]
        queries = []
        for i in range(args.queries):
            label = rng.choice(labels)
            words = label.text.split()[:3]
            text = " ".join(words)
            roll = rng.random()
            if roll < 0.33:
                text = " ".join(typo(w, rng) for w in words)
            elif roll < 0.58:
                text = text[: max(3, len(text) * 2 // 3)]
            queries.append((text, label.lang, kinds[i % 3]))
        latencies = []
        for text, lang, kind in queries:
            t0 = time.perf_counter()
            service.search(text, lang=lang, kind=kind, limit=10)
            latencies.append((time.perf_counter() - t0) * 1000)
        latencies.sort()
        p50 = statistics.median(latencies)
        p95 = latencies[int(0.95 * len(latencies)) - 1]
        backend = url.split(":", 1)[0]
        print(f"| backend | {backend} |")
        print("|---|---|")
        print(f"| machine | {platform.machine()}, {platform.python_version()} |")
        print(
            f"| ESCO | {stats.esco_version}: {stats.occupations} occupations, "
            f"{stats.skills} skills, {stats.occupation_skill_relations} relations |"
        )
        print(f"| load (validate + store) | {load_seconds:.1f} s |")
        print(f"| search index build | {index_seconds:.1f} s ({index.size} labels) |")
        print(
            f"| search latency, {len(latencies)} queries | p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms |"
        )


if __name__ == "__main__":
    main()
