"""File adapters for extraction: ESCO skill labels, the Dutch lexicon and gold files.

The only module of the package that reads files; the scorers receive plain lists.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from koers.extraction.embedding import Encoder, FloatArray, labels_fingerprint
from koers.extraction.errors import BadGoldFile
from koers.extraction.lexical import LabelSet
from koers.extraction.model import GoldSentence, SkillLabel

log = logging.getLogger(__name__)
_LANG_RE = re.compile(r"_([a-z]{2,3})\.csv(?:\.gz)?$")

NOT_PRESENT = "LABEL NOT PRESENT"
GOLD_COLUMNS = ("sentence", "label")

csv.field_size_limit(10_000_000)


def _open(path: Path) -> io.TextIOWrapper:
    raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with _open(path) as handle:
        yield from csv.DictReader(handle)


def read_esco_skill_labels(
    path: Path, lang: str = "en", hidden: bool = False, source: str = "esco"
) -> list[SkillLabel]:
    """Read the labels of an ESCO ``skills_<lang>.csv[.gz]`` export.

    Args:
        path: the skills file (columns ``conceptUri``, ``preferredLabel``, ``altLabels`` and
            optionally ``hiddenLabels``; multi-valued cells are newline-separated).
        lang: language of the file's labels.
        hidden: also read hidden labels (common misspellings; off by default).
        source: recorded on each label.

    Returns:
        One :class:`SkillLabel` per preferred, alternative (and hidden) label.
    """
    out: list[SkillLabel] = []
    for row in _rows(path):
        uri = row["conceptUri"]
        out.append(SkillLabel(uri, row["preferredLabel"], lang, preferred=True, source=source))
        columns = ["altLabels", "hiddenLabels"] if hidden else ["altLabels"]
        for column in columns:
            for text in (row.get(column) or "").split("\n"):
                if text.strip():
                    out.append(SkillLabel(uri, text.strip(), lang, source=source))
    return out


def read_lexicon(path: Path | None = None) -> list[SkillLabel]:
    """Read a curated term list (columns ``term``, ``lang``, ``uri``); default: the bundled
    Dutch lexicon ``koers/extraction/data/lexicon_nl.csv``."""
    if path is None:
        path = Path(str(resources.files("koers.extraction").joinpath("data", "lexicon_nl.csv")))
    source = f"lexicon-{path.stem.removeprefix('lexicon_')}"
    return [
        SkillLabel(row["uri"], row["term"], row["lang"], source=source)
        for row in _rows(path)
        if not row["term"].startswith("#")
    ]


def read_gold(path: Path) -> list[GoldSentence]:
    """Read a gold file in the Decorte et al. format (``sentence,span,sub_span,label``).

    Rows are grouped by sentence; ``LABEL NOT PRESENT`` rows are dropped, so a sentence can end
    with an empty gold set (it is then skipped by :func:`koers.extraction.evaluate.evaluate`).

    Raises:
        BadGoldFile: a required column is missing.
    """
    groups: dict[str, set[str]] = defaultdict(set)
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise BadGoldFile(f"{path.name}: missing column(s) {', '.join(missing)}")
        for row in reader:
            labels = groups[row["sentence"]]
            if row["label"] and row["label"] != NOT_PRESENT:
                labels.add(row["label"])
    return [GoldSentence(text, frozenset(labels)) for text, labels in groups.items()]


def bundled_skill_labels(extra: Sequence[Path] = (), lexicon: bool = True) -> list[SkillLabel]:
    """The product's label catalogue: bundled ESCO v1.1.1 English skill labels, the curated
    Dutch lexicon and any operator-supplied ``skills_<lang>.csv[.gz]`` ESCO exports.

    Args:
        extra: further ESCO skills files; the language is read from the file name
            (``skills_nl.csv`` → ``nl``), default ``en``.
        lexicon: include the bundled Dutch lexicon.
    """
    from koers.data import bundled_path

    labels = read_esco_skill_labels(bundled_path("esco", "skills_en.csv.gz"))
    if lexicon:
        labels += read_lexicon()
    for path in extra:
        match = _LANG_RE.search(path.name)
        lang = match.group(1) if match else "en"
        labels += read_esco_skill_labels(path, lang=lang, source=path.name)
    return labels


def cached_label_matrix(
    encoder: Encoder, label_set: LabelSet, cache_dir: Path | None
) -> FloatArray:
    """Label vectors of ``label_set`` from ``cache_dir``, computing and storing them once.

    The cache file name holds a fingerprint of the encoder and the label texts, so a new ESCO
    version or lexicon never reuses stale vectors. Computing takes minutes for all ESCO labels.
    """
    key = labels_fingerprint(encoder.name, label_set.labels)
    path = cache_dir / f"labels-{key}.npy" if cache_dir else None
    if path is not None and path.exists():
        matrix = np.load(path)
        if matrix.shape[0] == len(label_set.labels):
            return np.asarray(matrix, dtype=np.float32)
    log.info("extraction.encode_labels", extra={"labels": len(label_set.labels)})
    order = np.argsort([len(text) for text in label_set.labels], kind="stable")
    vectors = encoder.encode([label_set.labels[i] for i in order])
    matrix = np.empty_like(vectors)
    matrix[order] = vectors
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, matrix)
        tmp.replace(path)
    return matrix
