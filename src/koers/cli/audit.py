"""``koers audit``: operator tasks on the audit log.

Example (a nightly cron job; see docs/security.md)::

    koers audit prune --dry-run
    koers audit prune --format json
"""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import ValidationError

from koers.cli._common import OutputFormat, emit_json, fail, handles_errors
from koers.cli._context import services, settings
from koers.config import Settings

app = typer.Typer(no_args_is_help=True)


def _settings() -> Settings:
    try:
        return settings()
    except ValidationError as exc:
        # Only the first problem, without pydantic's "Value error, " prefix and docs link.
        message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        fail(message, 2)
        raise  # unreachable: fail() raises


@app.command("prune")
@handles_errors
def prune(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count the entries past retention; remove nothing.")
    ] = False,
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.TEXT,
) -> None:
    """Remove audit entries older than KOERS_AUDIT_RETENTION_DAYS, in one transaction."""
    _settings()
    result = services().audit.prune(dry_run=dry_run)
    if output is OutputFormat.JSON:
        emit_json(
            {
                "dry_run": result.dry_run,
                "retention_days": result.retention_days,
                "cutoff": result.cutoff.isoformat(),
                "entries": result.entries,
            }
        )
        return
    cutoff = result.cutoff.strftime("%Y-%m-%d %H:%M:%S UTC")
    if result.dry_run:
        typer.echo(
            f"Would remove {result.entries} audit entries older than {cutoff} "
            f"(retention {result.retention_days} days). Nothing removed (--dry-run)."
        )
    else:
        typer.echo(
            f"Removed {result.entries} audit entries older than {cutoff} "
            f"(retention {result.retention_days} days)."
        )
