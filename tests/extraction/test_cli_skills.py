"""``koers skills extract`` contract (lexical mode: no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from koers.cli.main import app

runner = CliRunner()


def test_extract_jsonl_contract(tmp_path: Path) -> None:
    source = tmp_path / "texts.txt"
    source.write_text(
        "Experienced in Python programming and SQL databases.\n"
        "I drive a forklift truck in a warehouse.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "skills",
            "extract",
            "--input",
            str(source),
            "--top",
            "5",
            "--format",
            "jsonl",
            "--lexical-only",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    first = lines[0]
    assert first["text"].startswith("Experienced in Python")
    assert 0 < len(first["skills"]) <= 5
    for skill in first["skills"]:
        assert {"uri", "label", "score", "span"} <= set(skill)
        assert isinstance(skill["span"], str)
        assert first["text"][skill["start"] : skill["end"]] == skill["span"]
    labels = {s["label"].lower() for s in first["skills"]}
    assert any("python" in label for label in labels)


def test_binary_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "garbage.bin"
    source.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["skills", "extract", "--input", str(source), "--lexical-only"])
    assert result.exit_code == 2
    assert "UTF-8" in result.output
    assert "Traceback" not in result.output


DUTCH = Path(__file__).parents[2] / "src/koers/extraction/data/dutch_dev_annotations.csv"
SAMPLE_GOLD = Path(__file__).parents[2] / "src/koers/extraction/tests/fixtures/gold_sample.csv"


def test_eval_held_out_protocols(tmp_path: Path) -> None:
    common = ["eval", "skills", "--k", "5", "--format", "json", "--lexical-only"]
    result = runner.invoke(app, [*common, "--gold", str(DUTCH), "--protocol", "split-half"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["protocol"] == "split-half" and len(report["folds"]) == 2
    for fold in report["folds"]:
        assert fold["tune"] != fold["test"]
        assert 0 <= fold["held_out"]["r_precision@5"] <= 1
        assert fold["held_out"]["sentences"] + fold["tuned"]["sentences"] == 55
    cross = runner.invoke(
        app,
        [*common, "--gold", str(DUTCH), "--gold", str(SAMPLE_GOLD), "--protocol", "cross-domain"],
    )
    assert cross.exit_code == 0, cross.output
    folds = json.loads(cross.stdout)["folds"]
    assert [(f["tune"], f["test"]) for f in folds] == [
        ("dutch_dev_annotations.csv", "gold_sample.csv"),
        ("gold_sample.csv", "dutch_dev_annotations.csv"),
    ]
    one = runner.invoke(app, [*common, "--gold", str(DUTCH), "--protocol", "cross-domain"])
    assert one.exit_code == 2
    assert "two --gold" in one.output
