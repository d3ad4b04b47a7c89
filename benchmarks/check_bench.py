"""Benchmark: citizen competence check latency in-process (target: p95 < 50 ms).

Run: ``.venv/bin/python benchmarks/check_bench.py [--database-url URL] [--checks N]``.
Loads the bundled ESCO into a fresh SQLite file (or uses ``--database-url`` with ESCO
loaded), builds the occupation catalogue once (as the service does), then runs N citizen
checks on seeded synthetic portfolios: a current occupation, 2 targets, 2–6 past jobs with
dates and 10–60 skill claims of every actor type and verification level. Each check is timed
alone (``CheckService.citizen``) and with JSON serialisation (``to_jsonable`` + ``json.dumps``).
By default no forecast is loaded (the documented "no forecast" state); ``--forecast-demo``
first stores the SAMPLE demo forecast run and waits for the title mappings, so each check also
looks up outlooks, skill indicators, shortage flags and tension ratios (cached per occupation
for the life of the run, as in the server: the first checks pay the lookups). Prints Markdown
for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from koers.check import to_jsonable
from koers.i18n import translate_message
from koers.portfolio import (
    ActorType,
    Evidence,
    EvidenceType,
    HistoryEntry,
    HistoryKind,
    Portfolio,
    Preferences,
    SkillClaim,
    Source,
    VerificationLevel,
)
from koers.services.check import CheckService
from koers.services.forecast import DEMO_CONFIG, ForecastService
from koers.services.taxonomy import TaxonomyService
from koers.store.db import Database

AS_OF = date(2026, 11, 1)


def synthetic(rng: random.Random, occupations: list[str], skills: list[str]) -> Portfolio:
    current, *targets = rng.sample(occupations, 3)
    jobs = []
    start = AS_OF - timedelta(days=rng.randint(1, 12) * 365)
    jobs.append(HistoryEntry("h0", HistoryKind.JOB, "job", start, None, current))
    for i in range(rng.randint(1, 5)):
        end = start - timedelta(days=rng.randint(1, 200))
        start = end - timedelta(days=rng.randint(1, 10) * 365)
        jobs.append(
            HistoryEntry(f"h{i + 1}", HistoryKind.JOB, "job", start, end, rng.choice(occupations))
        )
    claims = []
    for i in range(rng.randint(10, 60)):
        acquired = AS_OF - timedelta(days=rng.randint(30, 9000))
        used = acquired + timedelta(days=rng.randint(0, (AS_OF - acquired).days))
        claims.append(
            SkillClaim(
                f"c{i}",
                rng.choice(skills),
                Source(rng.choice(list(ActorType)), "bench"),
                Evidence(rng.choice(list(EvidenceType))),
                rng.choice(list(VerificationLevel)),
                acquired,
                used if rng.random() < 0.8 else None,
            )
        )
    unique = {c.skill_uri: c for c in claims}
    return Portfolio(
        claims=tuple(unique.values()),
        history=tuple(jobs),
        preferences=Preferences(("logistiek",), 32.0, "Gent"),
        current_occupation=current,
        targets=tuple(targets),
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--checks", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--forecast-demo", action="store_true", help="store the SAMPLE run first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        taxonomy = TaxonomyService(Database(url))
        if not args.database_url:
            taxonomy.load()
        if args.forecast_demo:
            ForecastService(taxonomy.database, taxonomy).run(DEMO_CONFIG, Path(tmp) / "run")
        service = CheckService(taxonomy)
        if args.forecast_demo:
            service.wait_for_forecast(600)
        started = time.perf_counter()
        catalogue = service.catalogue("nl")
        build = time.perf_counter() - started
        occupations = [o for o in catalogue.occupations() if catalogue.essential_skills(o)]
        skills = sorted({s for o in occupations for s in catalogue.essential_skills(o)})
        rng = random.Random(args.seed)
        portfolios = [synthetic(rng, occupations, skills) for _ in range(args.checks)]
        service.citizen(portfolios[0], "nl", AS_OF)  # warm-up
        alone: list[float] = []
        with_json: list[float] = []
        for portfolio in portfolios:
            t0 = time.perf_counter()
            result = service.citizen(portfolio, "nl", AS_OF)
            t1 = time.perf_counter()
            json.dumps(to_jsonable(result, translate_message), ensure_ascii=False)
            t2 = time.perf_counter()
            alone.append((t1 - t0) * 1000)
            with_json.append((t2 - t0) * 1000)
        claims = statistics.mean(len(p.claims) for p in portfolios)
        forecast = service.forecast.status()
        print(f"| backend | {url.split(':')[0]} |")
        print("|---|---|")
        print(f"| forecast | {forecast.note or 'none loaded'} |")
        print(f"| machine | {platform.machine()}, {platform.python_version()} |")
        print(
            f"| catalogue build (once per ESCO load) | {build:.2f} s "
            f"({len(catalogue)} occupations) |"
        )
        print(
            f"| portfolios | {args.checks} synthetic, mean {claims:.0f} claims, seed {args.seed} |"
        )
        for name, values in (("check", alone), ("check + JSON", with_json)):
            print(
                f"| {name} latency | p50 {percentile(values, 0.5):.1f} ms, "
                f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms |"
            )


if __name__ == "__main__":
    main()
