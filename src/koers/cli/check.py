"""``koers check``: the citizen and organisation competence checks (report 6.2 advice 3)."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from koers.check import CitizenCheck, OrganisationCheck, to_jsonable
from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli._context import services
from koers.i18n import languages, translate, translate_all, translate_message
from koers.services.check import CheckService
from koers.services.portfolio import PortfolioService

app = typer.Typer(no_args_is_help=True)

Lang = Annotated[str, typer.Option("--lang", help="nl or en (labels fall back to English).")]
Format = Annotated[OutputFormat, typer.Option("--format")]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Reference date YYYY-MM-DD (default: today).")
]


def _services() -> tuple[CheckService, PortfolioService]:
    built = services()
    # one-shot: wait for the title mappings (shortage flags, tension ratios) the web and the
    # API build in the background, so the answer does not depend on timing
    built.checks.wait_for_forecast()
    return built.checks, built.portfolios


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"'{value}' is not a date YYYY-MM-DD", param_hint="--as-of"
        ) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {path.name}: {exc.strerror}") from exc


@app.command("citizen")
@handles_errors
def citizen(
    portfolio: Annotated[
        Path, typer.Option("--portfolio", help="Portfolio file (koers.portfolio JSON or JSON-LD).")
    ],
    current: Annotated[
        str | None, typer.Option("--current", help="Current or last occupation (ESCO URI).")
    ] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", help="Target occupation (ESCO URI); repeat.")
    ] = None,
    as_of: AsOf = None,
    lang: Lang = "nl",
    output: Format = OutputFormat.TEXT,
) -> None:
    """Check a portfolio against its current and target occupations and the forecasts."""
    checks, portfolios = _services()
    data = portfolios.read(_read(portfolio), portfolio.name, lang)
    result = checks.citizen(data, lang, _date(as_of), current, target or None)
    if output is OutputFormat.JSON:
        emit_json(to_jsonable(result, translate_message))
        return
    _print_citizen(result, lang)


def _text_language(lang: str) -> str:
    """The catalogue language of the text output: one without a catalogue reads English, as
    the taxonomy labels do."""
    return lang if lang in languages() else "en"


def _print_citizen(result: CitizenCheck, lang: str) -> None:
    lang = _text_language(lang)
    if result.sample:
        typer.echo(translate("check.cli.sample", lang))
    for note in result.notes:
        typer.echo(f"note: {note}")
    for fit in result.fits:
        cov = "—" if fit.coverage is None else f"{round(fit.coverage * 100)}%"
        typer.echo(
            f"\n{fit.role.value}: {fit.occupation.label}  coverage {cov} "
            f"(covered {len(fit.covered)}, missing {len(fit.missing)}, stale {len(fit.stale)})"
        )
        outlook = fit.forecast.outlook.value if fit.forecast.outlook else "unknown"
        typer.echo(f"  outlook: {outlook}")
        tension = fit.forecast.tension
        if tension is not None:
            source = translate_message(tension.source, lang)
            typer.echo(f"  tension: {tension.ratio:.2f} jobseekers per vacancy ({source})")
        else:
            typer.echo("  tension: unknown")
    typer.echo("\n" + translate("check.cli.lights", lang))
    for w in result.warnings:
        typer.echo(f"  [{w.level.value}] {translate_message(w.reason, lang)}")
    if not result.warnings:
        typer.echo("  —")
    for a in result.answers:
        question, answer = translate_message(a.question, lang), translate_all(a.answer, lang, " ")
        typer.echo(f"\n{question}\n  {answer}")
    typer.echo("\n" + translate("check.cli.plan", lang))
    for s in result.plan:
        hook = "" if not s.hook or s.hook_available else f"  ({s.hook}: not available yet)"
        typer.echo(f"  {s.order}. {translate_message(s.title, lang)}{hook}")


@app.command("organisation")
@handles_errors
def organisation(
    workforce: Annotated[
        Path, typer.Option("--workforce", help="Workforce file: CSV (, or ;) or Parquet.")
    ],
    as_of: AsOf = None,
    lang: Lang = "nl",
    output: Format = OutputFormat.TEXT,
) -> None:
    """Check a workforce: fit, exposure, internal moves, score and employability plan."""
    checks, _ = _services()
    result = checks.organisation(_read(workforce), workforce.name, lang, _date(as_of))
    if output is OutputFormat.JSON:
        emit_json(to_jsonable(result, translate_message))
        return
    _print_organisation(result, lang)


def _print_organisation(result: OrganisationCheck, lang: str) -> None:
    lang = _text_language(lang)
    for note in result.notes:
        typer.echo(f"note: {note}")
    score = "—" if result.score.value is None else f"{result.score.value:.1f}/100"
    typer.echo(
        f"headcount {result.headcount}; future-proof score {score}"
        + (" (partial)" if result.score.partial else "")
    )
    for r in result.rows:
        cov = "—" if r.coverage is None else f"{round(r.coverage * 100)}%"
        match = r.occupation
        how = f"{match.method} {match.score:.2f}" + (" CHECK" if match.uncertain else "")
        typer.echo(
            f"row {r.row}: {r.key} ×{r.headcount}  {match.label} [{how}]  fit {cov}  "
            f"moves {len(r.moves)}" + ("  45+" if r.second_half else "")
        )
    typer.echo("\nPlan:")
    for item in result.plan:
        typer.echo(f"  - {translate_message(item.title, lang)}")


@app.command("template")
@handles_errors
def template(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (default: stdout).")
    ] = None,
    example: Annotated[
        bool, typer.Option("--example", help="The filled-in sample instead of the template.")
    ] = False,
) -> None:
    """The workforce template (or a filled-in SAMPLE) for small employers."""
    name = "workforce_example.csv" if example else "workforce_template.csv"
    text = resources.files("koers.examples").joinpath(name).read_text(encoding="utf-8")
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
