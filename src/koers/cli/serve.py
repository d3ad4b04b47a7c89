"""``koers serve``: the web platform and the HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    demo: Annotated[bool, typer.Option("--demo/--no-demo", help="Load data if missing.")] = True,
) -> None:
    """Start the web platform (Dutch first) with the HTTP API under /api/v1."""
    import uvicorn

    from koers.api.app import create_app
    from koers.cli._context import settings, taxonomy_service

    taxonomy_service().prepare()
    if demo and not taxonomy_service().is_loaded():
        typer.echo("Loading the bundled ESCO data into the embedded database (first start)...")
        taxonomy_service().load()
    # Skill extraction answers lexically at once and switches to hybrid (sentence embeddings)
    # when the label vectors are loaded in the background (minutes the very first time).
    from koers.services.extraction import shared_extraction

    shared_extraction().warm_up(settings().data_dir / "cache" / "extraction", hybrid=True)
    from koers.services.check import CheckService

    app = create_app(settings())
    app.state.checks = CheckService(app.state.taxonomy)
    app.state.checks.warm_up()  # catalogue and shortage/tension mappings, in the background
    typer.echo(f"Koers is running at http://{host}:{port}/  (API docs: /api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
