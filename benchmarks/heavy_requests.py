"""Benchmark: light requests while heavy ones run (issue 13 acceptance).

Run: ``.venv/bin/python benchmarks/heavy_requests.py [--database-url URL] [--heavy 10]
[--light 50] [--max-heavy 2]``.

Starts ``koers`` under uvicorn in a child process on 127.0.0.1 (the bundled ESCO loaded into
a fresh SQLite file unless ``--database-url`` names a loaded one; lexical skill extraction
built before the clock starts), then sends ``--heavy`` heavy requests at once (a 150,000-
character text to ``/api/v1/skills/extract``, a 59,000-character CV to
``/api/v1/portfolio/import/cv``, a 1,500-row workforce file of random occupation titles to
``/api/v1/check/organisation``, in turn) and, while they run, ``--light`` light requests one
after the other (``/health`` and a taxonomy search, in turn). Prints the light latencies
(p50, p95, max), every status seen, and the server's resident memory (idle, peak while
loaded) as Markdown for ``docs/benchmarks.md``. The test ``tests/security/
test_heavy_load.py`` runs the same load (``run_load``) against a server in the test process.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

WORDS = [
    "ik",
    "werk",
    "als",
    "verpleegkundige",
    "en",
    "heb",
    "ervaring",
    "met",
    "wondzorg",
    "medicatie",
    "projectbeheer",
    "Python",
    "SQL",
    "klantenservice",
    "heftruck",
    "teamwork",
    "planning",
    "boekhouding",
    "onderhoud",
    "lassen",
]
TITLES = [
    "verpleegkundige",
    "kok",
    "magazijnier",
    "lasser",
    "boekhouder",
    "schrijnwerker",
    "heftruckchauffeur",
    "kassier",
    "bakker",
    "elektricien",
    "programmeur",
    "poetshulp",
    "chauffeur",
    "onthaalmedewerker",
]


def prose(chars: int, seed: int) -> str:
    """Sentences of CV words, one per line, ``chars`` characters long."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = 0
    while size < chars:
        line = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)[:chars]


def workforce_csv(rows: int, seed: int) -> bytes:
    """A workforce file of random two-word occupation titles (each needs a title search)."""
    rng = random.Random(seed)
    lines = ["employee,occupation,age_band"]
    for i in range(rows):
        title = f"{rng.choice(TITLES)} {rng.choice(TITLES)}"
        lines.append(f"E{i},{title},{rng.choice(['25-34', '35-44', '45-54'])}")
    return ("\n".join(lines) + "\n").encode()


@dataclass
class LoadResult:
    light_ms: list[float] = field(default_factory=list)
    light_statuses: Counter[int] = field(default_factory=Counter)
    heavy_statuses: Counter[str] = field(default_factory=Counter)
    bad: list[str] = field(default_factory=list)
    """Answers that break the rule: a 5xx other than 503 with Retry-After, or a light error."""

    def p95(self) -> float:
        return statistics.quantiles(self.light_ms, n=20)[-1]


def _heavy(client: httpx.Client, index: int, result: LoadResult, lock: threading.Lock) -> None:
    kind = index % 3
    try:
        if kind == 0:
            name = "extract"
            response = client.post(
                "/api/v1/skills/extract", json={"text": prose(150_000, index), "top": 10}
            )
        elif kind == 1:
            name = "cv"
            response = client.post(
                "/api/v1/portfolio/import/cv", json={"text": prose(59_000, index)}
            )
        else:
            name = "workforce"
            files = {"workforce": ("w.csv", workforce_csv(1_500, index), "text/csv")}
            response = client.post("/api/v1/check/organisation", files=files)
    except httpx.HTTPError as exc:
        with lock:
            result.heavy_statuses[f"error {type(exc).__name__}"] += 1
        return
    with lock:
        result.heavy_statuses[f"{name} {response.status_code}"] += 1
        if response.status_code >= 500:
            deliberate = response.status_code == 503 and "Retry-After" in response.headers
            if not deliberate:
                result.bad.append(f"heavy {name}: {response.status_code} {response.text[:200]}")


def run_load(url: str, heavy: int = 10, light: int = 50, timeout: float = 90.0) -> LoadResult:
    """``heavy`` heavy requests at once and, meanwhile, ``light`` light ones one by one."""
    result = LoadResult()
    lock = threading.Lock()
    clients = [httpx.Client(base_url=url, timeout=timeout) for _ in range(heavy)]
    threads = [
        threading.Thread(target=_heavy, args=(clients[i], i, result, lock)) for i in range(heavy)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the heavy requests are in their handlers now
    with httpx.Client(base_url=url, timeout=timeout) as client:
        for i in range(light):
            path = "/health" if i % 2 == 0 else "/api/v1/taxonomy/search?q=verpleegkundige&limit=5"
            begin = time.perf_counter()
            response = client.get(path)
            result.light_ms.append((time.perf_counter() - begin) * 1000)
            result.light_statuses[response.status_code] += 1
            if response.status_code != 200:
                result.bad.append(f"light {path}: {response.status_code}")
    for thread in threads:
        thread.join(timeout)
    for c in clients:
        c.close()
    return result


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


SERVER = """
import sys, uvicorn
from koers.app import create_app
from koers.bootstrap import build_services
from koers.config import Settings
from koers.store.db import Database
settings = Settings(data_dir=sys.argv[1], environment="test", max_heavy_requests=int(sys.argv[3]),
                    request_timeout_seconds=120)
services = build_services(settings, Database(sys.argv[2]))
services.taxonomy.index()
services.extraction.lexical()
uvicorn.run(create_app(services=services), host="127.0.0.1", port=int(sys.argv[4]),
            log_level="warning", access_log=False)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--heavy", type=int, default=10)
    parser.add_argument("--light", type=int, default=50)
    parser.add_argument("--max-heavy", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url
        if not url:
            from koers.services.taxonomy import TaxonomyService
            from koers.store.db import Database

            url = f"sqlite:///{tmp}/bench.sqlite3"
            database = Database(url)
            TaxonomyService(database).load()
            database.dispose()
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, tmp, url, str(args.max_heavy), str(args.port)],
            env={**os.environ},
        )
        base = f"http://127.0.0.1:{args.port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.5)
            idle = _rss_mb(server.pid)
            peak = [idle]
            done = threading.Event()

            def sample() -> None:
                while not done.is_set():
                    peak[0] = max(peak[0], _rss_mb(server.pid))
                    time.sleep(0.1)

            sampler = threading.Thread(target=sample)
            sampler.start()
            begin = time.perf_counter()
            result = run_load(base, args.heavy, args.light)
            elapsed = time.perf_counter() - begin
            done.set()
            sampler.join()
        finally:
            server.terminate()
            server.wait(30)
    ms = sorted(result.light_ms)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"KOERS_MAX_HEAVY_REQUESTS={args.max_heavy}; {args.heavy} heavy, {args.light} light")
    print()
    print("| light p50 | light p95 | light max | whole run | server RSS idle | peak | growth |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {statistics.median(ms):.0f} ms | {result.p95():.0f} ms | {ms[-1]:.0f} ms "
        f"| {elapsed:.1f} s | {idle:.0f} MB | {peak[0]:.0f} MB | {peak[0] - idle:.0f} MB |"
    )
    print()
    print("Heavy answers:", dict(sorted(result.heavy_statuses.items())))
    print("Light answers:", dict(result.light_statuses))
    print("Rule broken:", result.bad or "never")


if __name__ == "__main__":
    main()
