"""Benchmark: a full forecast run (issue 4 acceptance: under 10 s on this machine).

Run: ``.venv/bin/python benchmarks/forecast_run_bench.py [--repeat 3] [--database-url URL]``.

The run is the demo configuration on the SAMPLE panels (not real data): 38 NACE A*38 sectors
× 6 age bands × 14 years (2010–2023), an occupation key over 130 ISCO-08 minor groups, a
10-year horizon, 3 scenarios, 80 % and 95 % prediction intervals, MinT reconciliation, a
rolling-origin back-test, supply and mismatch, and competence indicators for every ESCO
skill (123,855 occupation–skill relations read from the bundled ESCO files).

Timed phases (each the median of ``--repeat`` runs, after one untimed warm-up that pays
the one-off statsforecast/numba import):

* validate: reading and validating the seven input files;
* run: :func:`koers.forecast.run.run_forecast` (all scenarios, back-test, skills);
* store (only with ``--database-url``, a database with ESCO loaded): the whole
  ``koers forecast run`` use case, including validation, the run and writing every row.

Results are printed as Markdown for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import numpy as np
import pandas as pd

from koers.data import bundled_path
from koers.forecast import SkillRelations


def relations_from_bundle() -> SkillRelations:
    """ESCO occupation–skill relations straight from the bundled CSV files (no database)."""
    occ = pd.read_csv(bundled_path("esco", "occupations_en.csv.gz"), dtype=str)
    occ = occ[["conceptUri", "iscoGroup"]].dropna().sort_values("conceptUri")
    rel = pd.read_csv(bundled_path("esco", "occupationSkillRelations.csv.gz"), dtype=str)
    index = {u: i for i, u in enumerate(occ["conceptUri"])}
    rel = rel[rel["occupationUri"].isin(index)]
    skills = sorted(set(rel["skillUri"]))
    skill_index = {s: i for i, s in enumerate(skills)}
    return SkillRelations(
        occupation_uris=tuple(occ["conceptUri"]),
        occupation_isco=tuple(occ["iscoGroup"]),
        skill_uris=tuple(skills),
        rel_occupation=rel["occupationUri"].map(index).to_numpy(np.int64),
        rel_skill=rel["skillUri"].map(skill_index).to_numpy(np.int64),
        rel_essential=(rel["relationType"] == "essential").to_numpy(np.bool_),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    started = time.perf_counter()
    from koers.forecast import run_forecast
    from koers.services.forecast import (
        DEMO_CONFIG,
        ForecastService,
        bundled_isco_codes,
        load_config,
        validate_inputs,
    )
    from koers.services.taxonomy import TaxonomyService

    import_seconds = time.perf_counter() - started
    config, files = load_config(DEMO_CONFIG)
    known = bundled_isco_codes()
    relations = relations_from_bundle()

    def validate() -> object:
        return validate_inputs(files, known)

    inputs = validate_inputs(files, known)
    started = time.perf_counter()
    result = run_forecast(inputs, config, relations)  # warm-up: statsforecast import, numba
    warm_seconds = time.perf_counter() - started

    validate_times, run_times = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        validate()
        validate_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = run_forecast(inputs, config, relations)
        run_times.append(time.perf_counter() - t)

    store_times: list[float] = []
    if args.database_url:
        from koers.store.db import Database

        database = Database(args.database_url)
        service = ForecastService(database, TaxonomyService(database))
        for _ in range(args.repeat):
            t = time.perf_counter()
            service.run(Path(DEMO_CONFIG), None)
            store_times.append(time.perf_counter() - t)

    employment = inputs.employment
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print("| | |")
    print("|---|---|")
    print(
        f"| machine | {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load:.1f} at the end |"
    )
    print(
        f"| panel | {employment['nace'].nunique()} sectors × "
        f"{employment['age_group'].nunique()} age bands × {employment['year'].nunique()} years; "
        f"{inputs.occupation_key['isco08'].nunique()} ISCO groups; "
        f"{len(relations.rel_skill):,} ESCO relations |"
    )
    print(
        f"| run | horizon {config.horizon}, {len(config.scenarios)} scenarios, intervals 80/95, "
        f"{config.model}+{config.reconciliation}, shares {config.shares} |"
    )
    print(
        f"| output rows | sectors {len(result.sectors):,}, occupations "
        f"{len(result.occupations):,}, skills {len(result.skills):,} |"
    )
    print(f"| import koers.forecast + service | {import_seconds:.2f} s |")
    print(f"| first run (pays the statsforecast import) | {warm_seconds:.2f} s |")
    print(
        f"| validate 7 input files (median of {args.repeat}) | "
        f"{statistics.median(validate_times):.2f} s |"
    )
    print(
        f"| run, all scenarios (median of {args.repeat}) | "
        f"{statistics.median(run_times):.2f} s (min {min(run_times):.2f}, "
        f"max {max(run_times):.2f}) |"
    )
    if store_times:
        print(
            f"| whole use case with store (median of {args.repeat}) | "
            f"{statistics.median(store_times):.2f} s |"
        )


if __name__ == "__main__":
    main()
