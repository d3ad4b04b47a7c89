from __future__ import annotations

import csv
from pathlib import Path

import pytest

from koers.data import bundled_path
from koers.extraction import BadGoldFile, SkillLabel, read_gold, read_lexicon
from koers.extraction.tests.conftest import FIXTURES


def test_read_gold_groups_by_sentence_and_drops_label_not_present() -> None:
    gold = {g.text: g.labels for g in read_gold(FIXTURES / "gold_sample.csv")}
    assert gold["We need Python and JavaScript developers"] == {
        "Python (computer programming)",
        "JavaScript",
    }
    assert gold["You will manage projects, with a smile"] == {"project management"}
    assert gold["Coffee is free"] == frozenset()


def test_read_gold_names_missing_columns(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("text,skill\na,b\n", encoding="utf-8")
    with pytest.raises(BadGoldFile, match="missing column"):
        read_gold(bad)


def test_read_esco_labels_keeps_preferred_and_alternative_labels(
    sample_labels: list[SkillLabel],
) -> None:
    python = [x for x in sample_labels if x.uri.endswith("/py")]
    assert [(x.text, x.preferred) for x in python] == [
        ("Python (computer programming)", True),
        ("Python", False),
        ("python programming", False),
    ]


def test_bundled_dutch_lexicon_points_at_real_esco_skills() -> None:
    lexicon = read_lexicon()
    assert len(lexicon) >= 80
    assert all(x.lang == "nl" and x.source == "lexicon-nl" for x in lexicon)
    with bundled_path("esco", "skills_en.csv.gz").open("rb") as raw:
        import gzip
        import io

        rows = csv.DictReader(io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8"))
        known = {row["conceptUri"]: row["preferredLabel"] for row in rows}
    with (Path(__file__).parents[1] / "data" / "lexicon_nl.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert known.get(row["uri"]) == row["esco_preferred_label_en"], row["term"]


def test_dutch_dev_set_uses_real_esco_preferred_labels() -> None:
    import gzip
    import io

    with bundled_path("esco", "skills_en.csv.gz").open("rb") as raw:
        rows = csv.DictReader(io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8"))
        preferred = {row["preferredLabel"] for row in rows}
    path = Path(__file__).parents[1] / "data" / "dutch_dev_annotations.csv"
    gold = read_gold(path)
    assert 40 <= len(gold) <= 60
    assert all(g.labels for g in gold)
    assert {label for g in gold for label in g.labels} <= preferred
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            assert row["span"] in row["sentence"]
