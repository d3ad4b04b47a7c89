"""CLI: ``koers eval skills`` — R-Precision@k and MRR of the extractor and the TF-IDF baseline."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from koers.cli._common import OutputFormat, emit_json, handles_errors
from koers.cli.skills import build_extractor
from koers.extraction import (
    Fold,
    GoldSentence,
    HybridConfig,
    Scores,
    SkillExtractor,
    TfidfLabelBaseline,
    bundled_skill_labels,
    default_grid,
    evaluate,
    read_gold,
    run_fold,
    split_half,
)

app = typer.Typer(no_args_is_help=True)


class Protocol(StrEnum):
    IN_SAMPLE = "in-sample"
    CROSS_DOMAIN = "cross-domain"
    SPLIT_HALF = "split-half"


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
    protocol: Annotated[
        Protocol,
        typer.Option(
            "--protocol",
            help="in-sample: score the shipped configuration on each file. cross-domain: "
            "choose the configuration on one file, report on the other (needs two --gold). "
            "split-half: choose on a fixed half of each file, report on the other half.",
        ),
    ] = Protocol.IN_SAMPLE,
) -> None:
    """Score the product extractor and the TF-IDF label baseline on gold files, in one run."""
    golds = {path: read_gold(path) for path in gold}
    if protocol is Protocol.CROSS_DOMAIN and len(golds) != 2:
        raise typer.BadParameter("--protocol cross-domain needs exactly two --gold files")
    extractor = build_extractor(lexical_only, [])
    baseline = TfidfLabelBaseline(bundled_skill_labels(lexicon=False))
    depth = max(k, 10)
    if protocol is not Protocol.IN_SAMPLE:
        named = {path.name: sentences for path, sentences in golds.items()}
        folds = _held_out(protocol, named, extractor, baseline, k, depth)
        if format is OutputFormat.JSON:
            emit_json({"protocol": protocol.value, "k": k, "folds": [_fold_json(f) for f in folds]})
            return
        for f in folds:
            sys.stdout.write(
                f"choose on {f.tune} -> report on {f.test} ({f.held_out.sentences} sentences)\n"
                f"  chosen {_config_text(f)}\n"
                f"  product held-out R-P@{k} {f.held_out.r_precision:.3f} "
                f"MRR {f.held_out.mrr:.3f} (on the tuning set {f.tuned.r_precision:.3f})\n"
                f"  shipped default  R-P@{k} {f.default.r_precision:.3f} MRR {f.default.mrr:.3f}\n"
                f"  tfidf-baseline   R-P@{k} {f.baseline.r_precision:.3f} "
                f"MRR {f.baseline.mrr:.3f}\n"
            )
        return
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


def _held_out(
    protocol: Protocol,
    golds: dict[str, list[GoldSentence]],
    extractor: SkillExtractor,
    baseline: TfidfLabelBaseline,
    k: int,
    depth: int,
) -> list[Fold]:
    """Run the choose-then-report folds of ``protocol`` (see ``koers.extraction.protocol``)."""
    grid = default_grid(extractor.config, hybrid=extractor.method.value == "hybrid")

    def make_ranker(config: HybridConfig) -> Callable[[str], list[str]]:
        variant = extractor.with_config(config)
        return lambda text: variant.rank_labels(text, depth)

    def base(text: str) -> list[str]:
        return baseline.rank(text, depth)

    pairs: list[tuple[tuple[str, list[GoldSentence]], tuple[str, list[GoldSentence]]]] = []
    if protocol is Protocol.CROSS_DOMAIN:
        (a, ga), (b, gb) = golds.items()
        pairs = [((a, ga), (b, gb)), ((b, gb), (a, ga))]
    else:
        for name, sentences in golds.items():
            first, second = split_half(sentences)
            pairs += [((f"{name}[half 0]", first), (f"{name}[half 1]", second))]
            pairs += [((f"{name}[half 1]", second), (f"{name}[half 0]", first))]
    return [
        run_fold(tune, test, make_ranker, base, grid, extractor.config, k) for tune, test in pairs
    ]


def _config_text(fold: Fold) -> str:
    c = fold.config
    return f"tfidf={c.tfidf} phrase={c.phrase} windows={list(c.window_sizes)}"


def _fold_json(fold: Fold) -> dict[str, object]:
    config = asdict(fold.config)
    return {
        "tune": fold.tune,
        "test": fold.test,
        "chosen": {key: config[key] for key in ("embedding", "tfidf", "phrase", "window_sizes")},
        "tuned": _scores_json(fold.tuned),
        "held_out": _scores_json(fold.held_out),
        "default_on_held_out": _scores_json(fold.default),
        "baseline_on_held_out": _scores_json(fold.baseline),
    }
