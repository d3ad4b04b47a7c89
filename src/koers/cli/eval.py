"""CLI: ``koers eval skills`` — R-Precision@k and MRR of the extractor and the TF-IDF baseline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli.skills import build_extractor
from koers.extraction import (
    Scores,
    TfidfLabelBaseline,
    bundled_skill_labels,
    evaluate,
    read_gold,
)

app = typer.Typer(no_args_is_help=True)


def _scores_json(scores: Scores) -> dict[str, object]:
    return {
        "method": scores.method,
        f"r_precision@{scores.k}": round(scores.r_precision, 4),
        "mrr": round(scores.mrr, 4),
        "sentences": scores.sentences,
        "seconds": round(scores.seconds, 3),
        "sentences_per_second": round(scores.sentences_per_second, 2),
    }


@app.command("skills")
@handles_errors
def skills(
    gold: Annotated[
        list[Path],
        typer.Option(
            "--gold",
            help="Gold CSV (sentence,span,sub_span,label); repeat for more.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="R-Precision cut-off.")] = 5,
    format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.JSON,
    lexical_only: Annotated[
        bool, typer.Option("--lexical-only", help="Evaluate the product without embeddings.")
    ] = False,
) -> None:
    """Score the product extractor and the TF-IDF label baseline on gold files, in one run."""
    golds = {path: read_gold(path) for path in gold}
    extractor = build_extractor(lexical_only, [])
    baseline = TfidfLabelBaseline(bundled_skill_labels(lexicon=False))
    depth = max(k, 10)
    results = []
    for path, sentences in golds.items():
        product = evaluate(
            lambda text: extractor.rank_labels(text, depth),
            sentences,
            k=k,
            method=f"product-{extractor.method.value}",
        )
        base = evaluate(
            lambda text: baseline.rank(text, depth), sentences, k=k, method="tfidf-baseline"
        )
        results.append(
            {
                "gold": path.name,
                "k": k,
                "sentences": product.sentences,
                "product": _scores_json(product),
                "baseline": _scores_json(base),
            }
        )
    if format is OutputFormat.JSON:
        emit_json(results if len(results) > 1 else results[0])
        return
    for r in results:
        sys.stdout.write(f"{r['gold']} ({r['sentences']} sentences, k={k})\n")
        for key in ("product", "baseline"):
            s = r[key]
            assert isinstance(s, dict)
            sys.stdout.write(
                f"  {s['method']:<20} R-P@{k} {s[f'r_precision@{k}']:.3f}  MRR {s['mrr']:.3f}"
                f"  {s['sentences_per_second']:.1f} sentences/s\n"
            )
