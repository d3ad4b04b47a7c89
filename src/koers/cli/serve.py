"""``koers serve``: the web platform and the HTTP API."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from koers.config import Settings


def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    demo: Annotated[bool, typer.Option("--demo/--no-demo", help="Load data if missing.")] = True,
) -> None:
    """Start the web platform (Dutch first) with the HTTP API under /api/v1."""
    import uvicorn

    from koers.app import create_app
    from koers.cli._context import services

    built = services()
    built.taxonomy.prepare()
    if demo and not built.taxonomy.is_loaded():
        typer.echo("Loading the bundled ESCO data into the embedded database (first start)...")
        built.taxonomy.load()
    app = create_app(services=built)
    # Checks show shortage flags and tension ratios, and skill extraction switches from
    # lexical to hybrid, once these are built in the background (minutes the very first time).
    built.warm_up(hybrid=True)
    typer.echo(f"Koers is running at http://{host}:{port}/  (API docs: /api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning", **uvicorn_options(built.settings))


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Proxy headers only from ``KOERS_TRUSTED_PROXIES``: uvicorn by default believes
    ``X-Forwarded-For`` from 127.0.0.1 (or ``FORWARDED_ALLOW_IPS``), so any local client could
    choose the address the login limit counts."""
    proxies = ",".join(p.strip() for p in settings.trusted_proxies.split(",") if p.strip())
    return {"proxy_headers": bool(proxies), "forwarded_allow_ips": proxies or None}
