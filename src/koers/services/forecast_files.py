"""The files of a forecast run: its configuration in, its tables and record out.

Used by :meth:`koers.services.forecast.ForecastService.run` (``koers forecast run``); the
input panels themselves are read and validated by ``validate_inputs`` there.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from koers.errors import DataFileError, InvalidInput
from koers.forecast import INPUT_NAMES, ForecastResult, RunConfig, RunInfo, parse_config


def load_config(path: Path) -> tuple[RunConfig, dict[str, Path]]:
    """Read a run configuration (TOML or JSON); input paths are relative to the file."""
    try:
        text = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "file not found") from exc
    try:
        raw: Mapping[str, Any] = (
            json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text.decode())
        )
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"not a valid configuration file ({exc})") from exc
    config = parse_config(raw)
    inputs = raw.get("inputs", {})
    if not isinstance(inputs, Mapping):
        raise InvalidInput("config: [inputs] must be a table of file paths")
    unknown = sorted(set(inputs) - set(INPUT_NAMES))
    if unknown:
        raise InvalidInput(f"config: unknown input(s) {unknown}; known: {list(INPUT_NAMES)}")
    for required in ("employment", "occupation_key"):
        if required not in inputs:
            raise InvalidInput(f"config: [inputs] needs '{required}'")
    files = {name: (path.parent / str(value)).resolve() for name, value in inputs.items()}
    return config, files


def write_outputs(result: ForecastResult, runs: Sequence[RunInfo], out_dir: Path) -> list[Path]:
    """Write the run's files: ``run.json`` and one CSV per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    tables = {
        "sectors.csv": result.sectors,
        "occupations.csv": result.occupations,
        "supply.csv": result.supply,
        "supply_groups.csv": result.supply_groups,
        "mismatch.csv": result.mismatch,
        "skills.csv": result.skills,
    }
    for name, frame in tables.items():
        if len(frame):
            path = out_dir / name
            frame.to_csv(path, index=False, float_format="%.4f")
            written.append(path)
    if result.tension:
        path = out_dir / "tension.csv"
        pd.DataFrame(result.tension).to_csv(path, index=False)
        written.append(path)
    meta = {
        "runs": [
            {
                "run_key": r.run_key,
                "scenario": r.scenario,
                "method": r.method,
                "inputs_hash": r.inputs_hash,
                "created_at": r.created_at,
                "is_sample": r.is_sample,
            }
            for r in runs
        ],
        "config": result.config.to_dict(),
        "base_year": result.base_year,
        "backtest": result.backtest,
        "notes": result.notes,
        "sample_notice": "SAMPLE — not real data" if result.is_sample else None,
    }
    path = out_dir / "run.json"
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    written.append(path)
    return written


__all__ = ["load_config", "write_outputs"]
