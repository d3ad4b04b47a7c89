"""``koers data``: load the bundled data (or an official ESCO export) into the store."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli._context import services
from koers.store.migrate import upgrade

app = typer.Typer(no_args_is_help=True)


@app.command("load")
@handles_errors
def load(
    esco_dir: Annotated[
        Path | None,
        typer.Option(
            "--esco-dir",
            help="An official ESCO CSV export folder (any language, v1.1.x or v1.2). A folder "
            "with only label files (e.g. skills_nl.csv) adds those languages to the bundled "
            "ESCO v1.1.1; a full export replaces it.",
        ),
    ] = None,
    esco_version: Annotated[
        str | None, typer.Option("--esco-version", help="Version to record, e.g. v1.2.0.")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.TEXT,
) -> None:
    """Load the ESCO taxonomy and crosswalks. Idempotent; all or nothing."""
    stats = services().taxonomy.load(esco_dir, esco_version)
    if output is OutputFormat.JSON:
        emit_json(asdict(stats))
        return
    typer.echo(
        f"Loaded ESCO {stats.esco_version} ({', '.join(stats.languages)}): "
        f"{stats.occupations} occupations, {stats.skills} skills, "
        f"{stats.occupation_skill_relations} occupation-skill relations, "
        f"{stats.isco_groups} ISCO groups."
    )
    for dropped in stats.dropped:
        typer.echo(f"Dropped {dropped['count']} rows of {dropped['file']}: {dropped['reason']}")


@app.command("migrate")
@handles_errors
def migrate() -> None:
    """Bring the database schema up to date (Alembic)."""
    upgrade(services().database)
    typer.echo("Database schema is up to date.")
