"""``koers taxonomy``: look up and search the ESCO skills language."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli._context import services
from koers.taxonomy import ConceptKind, ConceptRef

app = typer.Typer(no_args_is_help=True)

Lang = Annotated[str, typer.Option("--lang", help="nl or en (labels fall back to English).")]
Format = Annotated[OutputFormat, typer.Option("--format")]


@app.command("stats")
@handles_errors
def stats(output: Format = OutputFormat.TEXT) -> None:
    """What is loaded: ESCO version, languages and counts."""
    result = services().taxonomy.stats()
    if output is OutputFormat.JSON:
        emit_json(asdict(result))
        return
    for key, value in asdict(result).items():
        typer.echo(f"{key}: {value}")


@app.command("search")
@handles_errors
def search(
    query: Annotated[str, typer.Argument(help="Words to look for; typos are tolerated.")],
    lang: Lang = "nl",
    kind: Annotated[ConceptKind | None, typer.Option("--kind")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 10,
    output: Format = OutputFormat.TEXT,
) -> None:
    """Typo-tolerant search over preferred, alternative and hidden labels."""
    hits = services().taxonomy.search(query, lang=lang, kind=kind, limit=limit)
    if output is OutputFormat.JSON:
        emit_json(
            [
                {
                    "uri": h.uri,
                    "label": h.label,
                    "kind": h.kind.value,
                    "score": h.score,
                    "matched": h.matched,
                }
                for h in hits
            ]
        )
        return
    for hit in hits:
        typer.echo(f"{hit.score:.3f}  {hit.kind.value:<11} {hit.label}  <{hit.uri}>")


def _ref(ref: ConceptRef | None) -> dict[str, str] | None:
    if ref is None:
        return None
    return {
        "uri": ref.uri,
        "label": ref.label,
        "kind": ref.kind.value,
        "code": ref.code,
        "lang": ref.lang,
    }


def _show(uri: str, lang: str, output: OutputFormat) -> None:
    detail = services().taxonomy.detail(uri, lang)
    payload = {
        **(_ref(detail.ref) or {}),
        "description": detail.description,
        "alternative_labels": detail.alternative_labels,
        "isco_group": _ref(detail.isco_group),
        "broader": [_ref(r) for r in detail.broader],
        "narrower": [_ref(r) for r in detail.narrower],
        "essential_skills": [_ref(r) for r in detail.essential_skills],
        "optional_skills": [_ref(r) for r in detail.optional_skills],
        "occupations": [_ref(r) for r in detail.occupations],
        "skill_type": detail.skill_type,
        "reuse_level": detail.reuse_level,
        "collections": detail.collections,
        "crosswalks": detail.crosswalks,
    }
    if output is OutputFormat.JSON:
        emit_json(payload)
        return
    typer.echo(f"{detail.ref.label} ({detail.ref.kind.value}) {detail.ref.code}")
    typer.echo(detail.ref.uri)
    if detail.isco_group:
        typer.echo(f"ISCO-08: {detail.isco_group.code} {detail.isco_group.label}")
    if detail.description:
        typer.echo(detail.description)
    for title, refs in (
        ("Broader", detail.broader),
        ("Narrower", detail.narrower),
        ("Essential skills", detail.essential_skills),
        ("Optional skills", detail.optional_skills),
        ("Essential for", detail.occupations),
    ):
        if refs:
            typer.echo(f"\n{title} ({len(refs)}):")
            for ref in refs:
                typer.echo(f"  - {ref.label}  {ref.code}")


@app.command("occupation")
@handles_errors
def occupation(
    uri: Annotated[str, typer.Argument(help="ESCO occupation URI or ESCO code (e.g. 2221.1).")],
    lang: Lang = "nl",
    output: Format = OutputFormat.TEXT,
) -> None:
    """An occupation with its ISCO group and its essential and optional skills."""
    _show(uri, lang, output)


@app.command("skill")
@handles_errors
def skill(
    uri: Annotated[str, typer.Argument(help="ESCO skill URI.")],
    lang: Lang = "nl",
    output: Format = OutputFormat.TEXT,
) -> None:
    """A skill with its place in the skill hierarchy and the occupations that need it."""
    _show(uri, lang, output)


@app.command("concept")
@handles_errors
def concept(
    key: Annotated[str, typer.Argument(help="Any URI, ISCO code (e.g. 2221) or group code.")],
    lang: Lang = "nl",
    output: Format = OutputFormat.TEXT,
) -> None:
    """Any concept: walk the ISCO and skill hierarchies up (broader) and down (narrower)."""
    _show(key, lang, output)
