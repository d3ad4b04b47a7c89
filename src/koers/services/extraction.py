"""Skill extraction as a process-wide service: lexical at once, hybrid once label vectors load.

The lexical extractor (all ESCO labels plus the Dutch lexicon) takes seconds to build; the
hybrid one also needs all-MiniLM-L6-v2 and a vector for each of the ~99,000 labels (read from
``<data_dir>/cache/extraction`` in about a second, or computed once in minutes). ``koers
serve`` calls :meth:`ExtractionService.warm_up` so that the vectors load in a background
thread while requests are answered lexically; every result says which method produced it.

One instance per process, built by the composition root (``koers.bootstrap``): the label
indexes and the 150 MB label matrix are read-only and shared by the API, the CV import and the
web pages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from koers.extraction import (
    EmbeddingUnavailable,
    Encoder,
    Extraction,
    SkillExtractor,
    SkillLabel,
    bundled_skill_labels,
    cached_label_matrix,
    load_minilm,
)
from koers.services.background import BackgroundWork

log = logging.getLogger(__name__)


class ExtractionService:
    """Extract ESCO skills from text with the best extractor that is ready.

    Args:
        labels: the label catalogue (default: bundled ESCO English labels and Dutch lexicon).
        encoder: loads the sentence encoder (default: all-MiniLM-L6-v2 from its package;
            raises :class:`EmbeddingUnavailable` without the ``embeddings`` extra).
    """

    def __init__(
        self,
        labels: Callable[[], list[SkillLabel]] = bundled_skill_labels,
        encoder: Callable[[], Encoder] = load_minilm,
    ) -> None:
        self._labels = labels
        self._load_encoder = encoder
        self._lexical: SkillExtractor | None = None
        self._hybrid: SkillExtractor | None = None
        self._build_lock = threading.Lock()
        self._warming: BackgroundWork | None = None
        self.hybrid_state = "off"
        """``off`` (not asked for), ``warming``, ``ready``, ``unavailable`` or ``failed``."""

    def lexical(self) -> SkillExtractor:
        """The lexical extractor, built on first use (seconds; later calls return at once)."""
        if self._lexical is None:
            with self._build_lock:
                if self._lexical is None:
                    self._lexical = SkillExtractor(self._labels())
        return self._lexical

    def current(self) -> SkillExtractor:
        """The hybrid extractor when its label vectors are loaded, else the lexical one."""
        return self._hybrid or self.lexical()

    def extract(self, text: str, top: int = 10) -> Extraction:
        """Ranked skills of one text; ``Extraction.method`` says ``hybrid`` or ``lexical``.

        Raises:
            TextTooLong: more than ``MAX_TEXT_CHARS`` characters.
            NotText: binary data.
        """
        return self.current().extract(text, top)

    def warm_up(self, cache_dir: Path | None, hybrid: bool = True) -> threading.Thread:
        """Build the lexical extractor and (``hybrid``) load the label vectors, in a background
        thread; started once, later calls return the same thread."""
        with self._build_lock:
            if self._warming is None:
                if hybrid:
                    self.hybrid_state = "warming"
                self._warming = BackgroundWork(
                    "skill-extraction", lambda: self._warm(cache_dir, hybrid)
                )
        return self._warming.start()

    def _warm(self, cache_dir: Path | None, hybrid: bool) -> None:
        try:
            lexical = self.lexical()
            if not hybrid:
                return
            encoder = self._load_encoder()
            with _leave_a_core_free():
                matrix = cached_label_matrix(encoder, lexical.label_set, cache_dir)
            self._hybrid = lexical.with_embeddings(encoder, matrix)
            self.hybrid_state = "ready"
            log.info("extraction.hybrid_ready")
        except EmbeddingUnavailable:
            self.hybrid_state = "unavailable"
            log.info("extraction.hybrid_unavailable")
        except Exception:
            self.hybrid_state = "failed"
            raise


@contextmanager
def _leave_a_core_free() -> Iterator[None]:
    """Encode the labels with one torch thread fewer than the machine has: the first start
    computes ~99,000 vectors for minutes, and the web pages must stay quick meanwhile (they
    answer lexically and use no torch until the vectors are ready)."""
    try:
        import torch
    except ImportError:
        yield
        return
    threads = torch.get_num_threads()
    torch.set_num_threads(max(1, threads - 1))
    try:
        yield
    finally:
        torch.set_num_threads(threads)
