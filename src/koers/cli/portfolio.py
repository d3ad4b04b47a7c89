"""``koers portfolio``: read, import and export competence portfolios (files; nothing stored)."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from koers.check import to_jsonable
from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli.check import AsOf, Lang, _date, _read, _services
from koers.i18n import translate_all, translate_message
from koers.portfolio import Contribution, Portfolio, dumps

app = typer.Typer(no_args_is_help=True)

PortfolioOpt = Annotated[
    Path, typer.Option("--portfolio", help="Portfolio file (koers.portfolio JSON or JSON-LD).")
]
BaseOpt = Annotated[
    Path | None, typer.Option("--base", help="Add to this portfolio file (default: a new one).")
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here (default: stdout).")
]


def _write(text: str | bytes, output: Path | None) -> None:
    if output is None:
        if isinstance(text, bytes):
            raise typer.BadParameter("binary output needs --output", param_hint="--output")
        typer.echo(text)
        return
    if isinstance(text, bytes):
        output.write_bytes(text)
    else:
        output.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def _contribution(part: Contribution) -> dict[str, Any]:
    """A contribution as JSON, its reason in both languages (the output's stable keys)."""
    out = {k: v for k, v in to_jsonable(part).items() if k != "reason"}
    return out | {f"reason_{lang}": translate_message(part.reason, lang) for lang in ("nl", "en")}


def _base(path: Path | None, lang: str) -> Portfolio | None:
    if path is None:
        return None
    _, portfolios = _services()
    return portfolios.read(_read(path), path.name, lang)


@app.command("show")
@handles_errors
def show(
    portfolio: PortfolioOpt,
    as_of: AsOf = None,
    lang: Lang = "nl",
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.TEXT,
) -> None:
    """Each skill with its confidence and why (sources, evidence, last use)."""
    _, service = _services()
    data = service.read(_read(portfolio), portfolio.name, lang)
    confidences = service.confidences(data, _date(as_of), lang)
    labels = service.labels(data, lang)
    if output is OutputFormat.JSON:
        emit_json(
            [
                {
                    **to_jsonable(c),
                    "contributions": [_contribution(x) for x in c.contributions],
                    "label": labels.get(c.skill_uri, c.skill_uri),
                    "why": translate_all(c.why(), lang),
                }
                for c in confidences.values()
            ]
        )
        return
    if data.sample:
        typer.echo("VOORBEELD / SAMPLE: fictitious demo citizen")
    for c in confidences.values():
        stale = " (verouderd)" if c.stale else ""
        typer.echo(
            f"{round(c.confidence * 100):3d}%  {labels.get(c.skill_uri, c.skill_uri)}{stale}"
        )
        typer.echo(f"      {translate_all(c.why(), lang)}")


@app.command("validate")
@handles_errors
def validate(portfolio: PortfolioOpt, lang: Lang = "nl") -> None:
    """Check a portfolio file (format, dates, ESCO URIs); lists every problem."""
    _, service = _services()
    data = service.read(_read(portfolio), portfolio.name, lang)
    typer.echo(f"ok: {len(data.claims)} claims, {len(data.history)} history entries")


@app.command("import-cv")
@handles_errors
def import_cv(
    input: Annotated[
        Path,
        typer.Option(
            "--input",
            "-i",
            help="The CV: PDF (with a text layer), Word .docx or text (UTF-8, UTF-16 or "
            "Windows-1252); recognised by its content. At most 5 MB.",
        ),
    ],
    base: BaseOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, max=100, help="Skills to keep.")] = 30,
    lang: Lang = "nl",
    output: OutputOpt = None,
) -> None:
    """A portfolio (JSON) with the skills found in a CV as inferred claims (with the text
    span that triggered each). An unreadable file (empty, scanned PDF, password, .doc, other
    type, damaged) exits 2 with the reason; nothing is written."""
    from koers.services.documents import MAX_DOCUMENT_BYTES, too_large

    _, service = _services()
    try:
        size = input.stat().st_size
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {input.name}: {exc.strerror}") from exc
    if size > MAX_DOCUMENT_BYTES:  # refuse before reading a huge file into memory
        raise too_large(input.name, MAX_DOCUMENT_BYTES)
    raw = _read(input)
    result = service.import_cv_file(raw, input.name, _base(base, lang), top, lang)
    _write(dumps(result), output)


@app.command("import-occupations")
@handles_errors
def import_occupations(
    input: Annotated[
        Path, typer.Option("--input", "-i", help="CSV or JSON list: occupation,start,end,…")
    ],
    base: BaseOpt = None,
    lang: Lang = "nl",
    output: OutputOpt = None,
) -> None:
    """A portfolio (JSON) with past occupations (ESCO URIs or codes with dates) as jobs."""
    _, service = _services()
    result = service.import_occupations(_read(input), input.name, _base(base, lang), lang)
    _write(dumps(result), output)


@app.command("export")
@handles_errors
def export(
    portfolio: PortfolioOpt,
    to: Annotated[str, typer.Option("--to", help="json, jsonld, html or pdf.")] = "jsonld",
    as_of: AsOf = None,
    lang: Lang = "nl",
    output: OutputOpt = None,
) -> None:
    """Export as the platform's JSON, Europass/ELM JSON-LD, or a one-page HTML/PDF summary."""
    _, service = _services()
    data = service.read(_read(portfolio), portfolio.name, lang)
    when = _date(as_of) or date.today()
    if to == "json":
        _write(dumps(data), output)
    elif to == "jsonld":
        _write(json.dumps(service.export_jsonld(data, lang), ensure_ascii=False, indent=2), output)
    elif to == "html":
        _write(service.export_html(data, lang, when), output)
    elif to == "pdf":
        _write(service.export_pdf(data, lang, when), output)
    else:
        raise typer.BadParameter("use json, jsonld, html or pdf", param_hint="--to")


@app.command("example")
def example() -> None:
    """Print the SAMPLE portfolio of a fictitious demo citizen (koers.portfolio JSON)."""
    text = resources.files("koers.examples").joinpath("demo_citizen_portfolio.json")
    typer.echo(text.read_text(encoding="utf-8"), nl=False)
