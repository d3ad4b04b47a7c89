"""CLI: ``koers forecast`` — runs, outlooks, tension ratios, back-tests, BLS vintages.

A thin adapter: it reads files, calls :mod:`koers.forecast` and writes JSON or CSV. Every
input problem exits with code 2 and a message naming the file, row and column.
"""

from __future__ import annotations

import csv
import sys
from enum import StrEnum
from pathlib import Path

import pandas as pd
import typer

from koers.cli._common import emit_json, handles_errors
from koers.data import bundled_path
from koers.errors import DataFileError
from koers.forecast import (
    METHOD_DESCRIPTIONS,
    METHODS,
    TensionRanking,
    compare_top,
    evaluate_vintages,
    flag_shortages,
    rank_tension,
    ranking_records,
    result_to_dict,
    rolling_origin,
    shortage_index,
    validate_panel,
    validate_tension_counts,
    wide_to_long,
)
from koers.services.forecast import ForecastService
from koers.services.tables import read_table

app = typer.Typer(no_args_is_help=True)

SHORTAGE_LIST = ("flanders", "vdab_knelpuntberoepen_2026.csv.gz")
BLS_VINTAGES = ("bls", "ep_separations_openings_2016-26_2019-29_2024-34.csv.gz")


class TableFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class JsonFormat(StrEnum):
    JSON = "json"


class MatchMode(StrEnum):
    TITLE = "title"
    ESCO = "esco"


def forecast_service() -> ForecastService:
    """The forecast service of the composition root (built once per command)."""
    from koers.cli._context import services

    return services().forecasts


def _ranking(
    input_file: Path,
    period: str,
    filter_period: str | None,
    min_vacancies: int,
    top: int,
    flag: bool,
) -> TensionRanking:
    frame, first_row = read_table(input_file)
    counts = validate_tension_counts(frame, str(input_file), first_row)
    ranking = rank_tension(counts, period, filter_period, min_vacancies, top or None)
    if ranking.unranked:
        shown = ", ".join(ranking.unranked[:5]) + (" ..." if len(ranking.unranked) > 5 else "")
        typer.secho(
            f"warning: {len(ranking.unranked)} occupation(s) pass the filter in "
            f"'{ranking.filter_period}' but have no known counts in '{period}' and are not "
            f"ranked: {shown}",
            fg=typer.colors.YELLOW,
            err=True,
        )
    if flag:
        ranking = flag_shortages(
            ranking, shortage_index(read_table(bundled_path(*SHORTAGE_LIST)).frame)
        )
    return ranking


def _esco_ranking(
    input_file: Path, period: str, filter_period: str | None, min_vacancies: int, top: int
) -> TensionRanking:
    service = forecast_service()
    ranking, _ = service.tension(
        read_table(input_file).frame,
        period,
        filter_period,
        min_vacancies,
        top or None,
        str(input_file),
    )
    return ranking


@app.command("tension")
@handles_errors
def tension(
    input_file: Path = typer.Option(
        ..., "--input", help="CSV: occupation,period,jobseekers,vacancies"
    ),
    period: str = typer.Option(..., "--period", help="Period to rank (P), e.g. 2021-04."),
    filter_period: str | None = typer.Option(
        None, "--filter-period", help="Period whose vacancies decide eligibility (Q); default P."
    ),
    min_vacancies: int = typer.Option(50, "--min-vacancies", min=0),
    top: int = typer.Option(20, "--top", min=0, help="Rows to show; 0 = all."),
    flag_shortage: bool = typer.Option(
        False, "--flag-shortages", help="Add VDAB knelpuntberoepen 2026 flags to each row."
    ),
    shortage_match: MatchMode = typer.Option(
        MatchMode.TITLE,
        "--shortage-match",
        help="With --flag-shortages: 'title' (same title) or 'esco' (also titles that share an "
        "ESCO occupation; needs 'koers data load').",
    ),
    fmt: TableFormat = typer.Option(TableFormat.JSON, "--format"),
) -> None:
    """Rank occupations by spanningsratio (jobseekers / vacancies), most tense first."""
    if flag_shortage and shortage_match is MatchMode.ESCO:
        ranking = _esco_ranking(input_file, period, filter_period, min_vacancies, top)
    else:
        ranking = _ranking(input_file, period, filter_period, min_vacancies, top, flag_shortage)
    records = ranking_records(ranking)
    if fmt is TableFormat.JSON:
        emit_json(records)
        return
    columns = ["occupation", "jobseekers", "vacancies", "tension_ratio"]
    if flag_shortage:
        columns += ["shortage_list", "shortage_decree", "vdab_sector", "shortage_match"]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        row = dict(record, tension_ratio=f"{record['tension_ratio']:.2f}")
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])


@app.command("tension-compare")
@handles_errors
def tension_compare(
    input_file: Path = typer.Option(..., "--input"),
    period: str = typer.Option(..., "--period", help="Later period, e.g. 2021-04."),
    baseline_period: str = typer.Option(..., "--baseline-period", help="Earlier, e.g. 2020-02."),
    filter_period: str | None = typer.Option(
        None, "--filter-period", help="Period deciding eligibility for both; default --period."
    ),
    min_vacancies: int = typer.Option(50, "--min-vacancies", min=0),
    top: int = typer.Option(20, "--top", min=1),
    fmt: TableFormat = typer.Option(TableFormat.JSON, "--format"),
) -> None:
    """Which occupations stay in the top N of tension from one period to another."""
    q = filter_period or period
    current = _ranking(input_file, period, q, min_vacancies, top, False)
    baseline = _ranking(input_file, baseline_period, q, min_vacancies, top, False)
    comparison = compare_top(current, baseline)
    if fmt is TableFormat.JSON:
        emit_json(
            {
                "period": comparison.period,
                "baseline_period": comparison.baseline_period,
                "filter_period": q,
                "min_vacancies": min_vacancies,
                "top": top,
                "stayed": [
                    {"occupation": o, "rank": r, "baseline_rank": b}
                    for o, r, b in comparison.stayed
                ],
                "entered": [{"occupation": o, "rank": r} for o, r in comparison.entered],
                "left": [{"occupation": o, "baseline_rank": b} for o, b in comparison.left],
            }
        )
        return
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["occupation", "status", "rank", "baseline_rank"])
    for o, r, b in comparison.stayed:
        writer.writerow([o, "stayed", r, b])
    for o, r in comparison.entered:
        writer.writerow([o, "entered", r, ""])
    for o, b in comparison.left:
        writer.writerow([o, "left", "", b])


@app.command("backtest")
@handles_errors
def backtest(
    panel: Path = typer.Option(..., "--panel", help="CSV or Parquet, long (or wide with --wide)."),
    id_col: str = typer.Option("unique_id", "--id-col"),
    time_col: str = typer.Option("ds", "--time-col"),
    value_col: str = typer.Option("y", "--value-col"),
    horizon: int = typer.Option(..., "--horizon", min=1),
    windows: int = typer.Option(4, "--windows", min=1),
    step_size: int | None = typer.Option(None, "--step-size", min=1, help="Default: horizon."),
    freq: str = typer.Option("MS", "--freq", help="pandas frequency; 'int' for integer periods."),
    wide: bool = typer.Option(False, "--wide", help="One column per series besides --time-col."),
    exclude_col: list[str] = typer.Option(
        [], "--exclude-col", help="With --wide: a column that is not a series (repeatable)."
    ),
    method: list[str] = typer.Option(
        ["koers", "naive", "drift"], "--method", help=f"Repeatable; one of {sorted(METHODS)}."
    ),
    fmt: JsonFormat = typer.Option(JsonFormat.JSON, "--format"),
) -> None:
    """Rolling-origin back-test: MASE, MAPE and direction hit rate per series and overall."""
    frame = read_table(panel).frame
    if wide:
        if time_col not in frame.columns:
            raise DataFileError(str(panel), "missing column", column=time_col)
        frame = wide_to_long(frame, time_col, exclude_col)
        id_col, time_col, value_col = "unique_id", "ds", "y"
    long = validate_panel(frame, id_col, time_col, value_col, source=str(panel))
    result = rolling_origin(
        long,
        horizon=horizon,
        windows=windows,
        freq=1 if freq == "int" else freq,
        methods=method,
        step_size=step_size,
    )
    emit_json({"panel": str(panel), "series_count": len(result.series), **result_to_dict(result)})


@app.command("eval-bls-vintages")
@handles_errors
def eval_bls_vintages(
    input_file: Path | None = typer.Option(
        None, "--input", help="BLS separations/openings table; default: the bundled copy."
    ),
    fmt: JsonFormat = typer.Option(JsonFormat.JSON, "--format"),
) -> None:
    """Project 2024 occupational employment from 2016 and 2019; compare with BLS 2019-29."""
    path = input_file or bundled_path(*BLS_VINTAGES)
    frame = read_table(path).frame
    for column in ("base_year", "target_year", "employment_base", "employment_projected"):
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    evaluation = evaluate_vintages(frame)
    emit_json(
        {
            "input": path.name,
            "origin_year": 2019,
            "target_year": 2024,
            "matched_occupations": evaluation.matched,
            "line_items_per_vintage": evaluation.per_vintage,
            "methods": METHOD_DESCRIPTIONS,
            "overall": {
                name: {
                    "median_ape": m.median_ape,
                    "mean_ape": m.mean_ape,
                    "direction_hit_rate": m.direction_hit_rate,
                    "n": m.n,
                }
                for name, m in evaluation.metrics.items()
            },
        }
    )


@app.command("run")
@handles_errors
def run(
    config: Path = typer.Option(..., "--config", help="Run configuration (TOML or JSON)."),
    out: Path | None = typer.Option(None, "--out", help="Folder for the output files."),
    fmt: JsonFormat = typer.Option(JsonFormat.JSON, "--format"),
) -> None:
    """Validate every input, run every scenario, store the versioned runs, write the files."""
    runs = forecast_service().run(config, out)
    emit_json(
        {
            "runs": [
                {
                    "run_key": r.run_key,
                    "scenario": r.scenario,
                    "method": r.method,
                    "inputs_hash": r.inputs_hash,
                    "base_year": r.base_year,
                    "horizon": r.horizon,
                    "created_at": r.created_at,
                    "is_sample": r.is_sample,
                }
                for r in runs
            ],
            "out": str(out) if out else None,
            "notes": runs[0].summary.get("notes", []) if runs else [],
            "sample_notice": "SAMPLE — not real data" if runs and runs[0].is_sample else None,
        }
    )


@app.command("runs")
@handles_errors
def runs_list(
    limit: int = typer.Option(20, "--limit", min=1, max=500),
    fmt: JsonFormat = typer.Option(JsonFormat.JSON, "--format"),
) -> None:
    """List stored forecast runs, newest first."""
    emit_json(
        [
            {
                "run_key": r.run_key,
                "label": r.label,
                "scenario": r.scenario,
                "method": r.method,
                "inputs_hash": r.inputs_hash,
                "created_at": r.created_at,
                "is_sample": r.is_sample,
            }
            for r in forecast_service().runs(limit)
        ]
    )


@app.command("outlook")
@handles_errors
def outlook(
    occupation: str = typer.Argument(..., help="ESCO occupation URI or code, or an ISCO code."),
    scenario: str | None = typer.Option(None, "--scenario"),
    fmt: JsonFormat = typer.Option(JsonFormat.JSON, "--format"),
) -> None:
    """The latest run's outlook for an occupation (what recommenders and checks read)."""
    from dataclasses import asdict

    found = forecast_service().latest_outlook(occupation, scenario)
    data = asdict(found)
    data["run"].pop("summary", None)
    emit_json(data)


@app.command("adjust")
@handles_errors
def adjust(
    skill: str = typer.Option(..., "--skill", help="ESCO skill URI."),
    source: str = typer.Option(..., "--source", help="employer_survey or expert_panel"),
    kind: str = typer.Option("ex_ante", "--kind", help="ex_ante (moves the degree) or ex_post"),
    delta: int = typer.Option(0, "--delta", help="Degrees to add (ex_ante), -4..4."),
    author: str = typer.Option(..., "--author"),
    made_on: str = typer.Option(..., "--date", help="ISO date of the survey or panel."),
    reason: str = typer.Option(..., "--reason"),
) -> None:
    """Store an employer-survey or expert-panel adjustment of a skill indicator."""
    from datetime import date

    from koers.errors import InvalidInput

    try:
        day = date.fromisoformat(made_on)
    except ValueError as exc:
        raise InvalidInput(f"--date: not an ISO date: '{made_on}'") from exc
    stored = forecast_service().add_adjustment(skill, source, kind, delta, author, day, reason)
    emit_json({"id": stored.id, "skill_uri": stored.skill_uri, "degree_delta": stored.degree_delta})


@app.command("map-shortages")
@handles_errors
def map_shortages(
    out: Path | None = typer.Option(None, "--out", help="Write the mapping as CSV here."),
    threshold: float = typer.Option(0.9, "--threshold", min=0.5, max=1.0),
) -> None:
    """Map the VDAB knelpuntberoepen 2026 titles to ESCO occupations via Dutch labels."""
    mapping = forecast_service().shortage_mapping(threshold)
    if out is not None:
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["beroep", "vdab_sector", "how", "esco_uris", "matched_label", "score"])
            for m in mapping.matches:
                writer.writerow(
                    [
                        m.title,
                        mapping.sectors[m.title][0],
                        m.how,
                        " ".join(m.uris),
                        m.matched,
                        f"{m.score:.4f}",
                    ]
                )
    emit_json(
        {
            "listed": len(mapping.matches),
            "mapped": mapping.mapped,
            "by_method": mapping.counts(),
            "out": str(out) if out else None,
        }
    )


@app.command("sample")
@handles_errors
def sample(
    out: Path = typer.Option(..., "--out", help="Folder for the SAMPLE panels (gzip CSV)."),
    seed: int = typer.Option(20260101, "--seed"),
) -> None:
    """Write the SAMPLE panels (not real data) calibrated to published Flemish aggregates."""
    from koers.forecast import SAMPLE_FILES, build_sample
    from koers.services.forecast import bundled_isco_codes

    out.mkdir(parents=True, exist_ok=True)
    panels = build_sample(sorted(bundled_isco_codes()), seed)
    written = []
    for name, frame in panels.items():
        path = out / SAMPLE_FILES[name]
        frame.to_csv(path, index=False, compression={"method": "gzip", "mtime": 0})
        written.append({"panel": name, "file": path.name, "rows": len(frame)})
    emit_json({"sample_notice": "SAMPLE — not real data", "files": written})
