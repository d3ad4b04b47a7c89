"""CLI: ``koers skills extract`` — ESCO skills in free text, one JSON object per input line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from koers.cli._common import handles_errors
from koers.cli._context import settings
from koers.extraction import (
    EmbeddingUnavailable,
    Extraction,
    LabelSet,
    NotText,
    SkillExtractor,
    TextTooLong,
    bundled_skill_labels,
    cached_label_matrix,
    check_text,
    load_minilm,
)

app = typer.Typer(no_args_is_help=True)

MAX_INPUT_BYTES = 50_000_000
BATCH_TEXTS = 256


class ExtractFormat(StrEnum):
    JSONL = "jsonl"
    JSON = "json"
    TEXT = "text"


def build_extractor(lexical_only: bool, labels: list[Path]) -> SkillExtractor:
    """The product extractor: bundled labels, Dutch lexicon, MiniLM if the extra is installed.

    Label vectors are cached under ``<data_dir>/cache/extraction`` (computed once, minutes).
    """
    catalogue = bundled_skill_labels(extra=labels)
    if lexical_only:
        return SkillExtractor(catalogue)
    try:
        encoder = load_minilm()
    except EmbeddingUnavailable as exc:
        typer.secho(f"note: {exc.message}; using lexical matching only", err=True)
        return SkillExtractor(catalogue)
    label_set = LabelSet.build(catalogue)
    cache = settings().data_dir / "cache" / "extraction"
    matrix = cached_label_matrix(encoder, label_set, cache)
    return SkillExtractor(catalogue, encoder=encoder, label_matrix=matrix)


def read_texts(path: Path) -> list[str]:
    """One text per non-empty line, each validated before anything is extracted.

    Raises:
        NotText: the file is not UTF-8 text.
        TextTooLong: the file or one line is too large.
    """
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise TextTooLong(size, MAX_INPUT_BYTES, where=path.name)
    raw = path.read_bytes()
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NotText(f"not UTF-8 (byte {exc.start})", where=path.name) from exc
    texts: list[str] = []
    for number, line in enumerate(decoded.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            texts.append(check_text(line))
        except TextTooLong as exc:
            raise TextTooLong(exc.size, exc.limit, where=f"line {number}") from exc
        except NotText as exc:
            raise NotText(exc.reason, where=f"line {number}") from exc
    return texts


def to_json(extraction: Extraction) -> dict[str, object]:
    return {
        "text": extraction.text,
        "method": extraction.method.value,
        "skills": [
            {
                "uri": s.uri,
                "label": s.label,
                "score": s.score,
                "span": s.span.text,
                "start": s.span.start,
                "end": s.span.end,
                "matched": s.matched,
                "method": s.method.value,
            }
            for s in extraction.skills
        ],
    }


@app.command("extract")
@handles_errors
def extract(
    input: Annotated[
        Path | None,
        typer.Option(
            "--input",
            "-i",
            help="UTF-8 file, one text per line.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="A single text.")] = None,
    top: Annotated[int, typer.Option("--top", "-k", min=1, max=100, help="Skills per text.")] = 10,
    format: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.JSONL,
    lexical_only: Annotated[
        bool, typer.Option("--lexical-only", help="Skip the embedding model.")
    ] = False,
    labels: Annotated[
        list[Path] | None,
        typer.Option(
            "--labels",
            help="Extra ESCO skills export, e.g. skills_nl.csv (repeat).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Extract ranked ESCO skills, with the text span that triggered each."""
    if (input is None) == (text is None):
        raise typer.BadParameter("give exactly one of --input FILE or --text TEXT")
    texts = read_texts(input) if input is not None else [check_text(text or "")]
    extractor = build_extractor(lexical_only, labels or [])
    # All segments and word windows of a chunk of texts go to the encoder in one call.
    extractions = [
        extraction
        for i in range(0, len(texts), BATCH_TEXTS)
        for extraction in extractor.extract_many(texts[i : i + BATCH_TEXTS], top)
    ]
    if format is ExtractFormat.JSON:
        payload = [to_json(e) for e in extractions]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif format is ExtractFormat.JSONL:
        for extraction in extractions:
            sys.stdout.write(json.dumps(to_json(extraction), ensure_ascii=False) + "\n")
    else:
        for extraction in extractions:
            sys.stdout.write(f"{extraction.text[:80]}\n")
            for s in extraction.skills:
                sys.stdout.write(f"  {s.score:.3f}  {s.label}  <- {s.span.text!r}\n")
