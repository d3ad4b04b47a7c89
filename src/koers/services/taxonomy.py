"""Use cases of the common skills language: load ESCO, look up, browse and search."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from koers.data import bundled_path
from koers.errors import InvalidInput
from koers.store.db import Database
from koers.store.migrate import upgrade
from koers.store.repositories.taxonomy import TaxonomyRepository
from koers.taxonomy import (
    ConceptDetail,
    ConceptKind,
    ConceptNotFound,
    ConceptRef,
    EscoBundle,
    EscoFileError,
    SearchHit,
    SearchIndex,
    TaxonomyStats,
    read_export,
    read_isco_soc_crosswalk,
    read_onet_crosswalk,
)

log = logging.getLogger(__name__)

BUNDLED_ESCO_VERSION = "v1.1.1"
SUPPORTED_LANGUAGES = ("nl", "en")


def read_bundle(esco_dir: Path | None = None, version: str | None = None) -> EscoBundle:
    """Read and validate an ESCO export plus the bundled crosswalks, touching no store.

    Args:
        esco_dir: an official ESCO CSV export; ``None`` reads the bundled ESCO v1.1.1.
            If the folder holds only label files (e.g. ``skills_nl.csv``) without
            ``occupationSkillRelations``, they are added on top of the bundled export so that
            an operator can add Dutch skill labels; otherwise the folder replaces the bundle.
        version: the ESCO version to record; defaults to v1.1.1 for the bundle and to
            ``custom`` for another export.
    """
    base = bundled_path("esco")
    if esco_dir is None:
        bundle = read_export(base, version or BUNDLED_ESCO_VERSION)
    elif any(p.name.startswith("occupationSkillRelations") for p in _listing(esco_dir)):
        bundle = read_export(esco_dir, version or "custom")
    else:
        bundle = _read_overlay(base, esco_dir, version)
    occupations = {o.uri for o in bundle.occupations}
    bundle.crosswalks.extend(
        read_onet_crosswalk(bundled_path("crosswalks", "esco_v111_to_onet2019.csv.gz"), occupations)
        if bundle.version.startswith("v1.1")
        else []
    )
    bundle.crosswalks.extend(
        read_isco_soc_crosswalk(bundled_path("crosswalks", "bls_isco08_soc2010_crosswalk.csv.gz"))
    )
    return bundle


def _listing(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise InvalidInput(f"{directory}: is not a directory")
    return list(directory.iterdir())


def _read_overlay(base: Path, extra: Path, version: str | None) -> EscoBundle:
    """Bundled export plus the label files of ``extra`` (same concepts, more languages)."""
    import shutil
    import tempfile

    csv_files = [p for p in _listing(extra) if p.name.endswith((".csv", ".csv.gz"))]
    if not csv_files:
        raise EscoFileError(
            str(extra), "no ESCO CSV files found (e.g. skills_nl.csv, occupations_nl.csv)"
        )
    with tempfile.TemporaryDirectory(prefix="koers-esco-") as tmp:
        merged = Path(tmp)
        for path in base.iterdir():
            if path.name.endswith((".csv", ".csv.gz")):
                (merged / path.name).symlink_to(path)
        for path in csv_files:
            stem = path.name.removesuffix(".gz").removesuffix(".csv")
            for existing in list(merged.iterdir()):
                if existing.name.removesuffix(".gz").removesuffix(".csv") == stem:
                    existing.unlink()
            shutil.copy(path, merged / path.name)
        return read_export(merged, version or BUNDLED_ESCO_VERSION)


class TaxonomyService:
    """Taxonomy use cases over one database; the search index is built once and cached."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._index: SearchIndex | None = None
        self._index_key: int | None = None
        self._lock = threading.Lock()
        self._prepared = False

    def load(self, esco_dir: Path | None = None, version: str | None = None) -> TaxonomyStats:
        """Validate everything first, then replace the taxonomy in one transaction."""
        started = time.perf_counter()
        bundle = read_bundle(esco_dir, version)
        self.prepare()
        source = str(esco_dir) if esco_dir else f"bundled ESCO {BUNDLED_ESCO_VERSION}"
        with self.database.session() as session:
            stats = TaxonomyRepository(session).replace_all(bundle, source)
        self._index = None
        log.info(
            "taxonomy.loaded",
            extra={
                "fields": {
                    "version": stats.esco_version,
                    "occupations": stats.occupations,
                    "skills": stats.skills,
                    "seconds": round(time.perf_counter() - started, 2),
                }
            },
        )
        return stats

    def stats(self) -> TaxonomyStats:
        self.prepare()
        with self.database.session() as session:
            return TaxonomyRepository(session).stats()

    def prepare(self) -> None:
        """Bring the schema up to date (safe to call at every start; runs once per service)."""
        if not self._prepared:
            upgrade(self.database)
            self._prepared = True

    def is_loaded(self) -> bool:
        self.prepare()
        with self.database.session() as session:
            return TaxonomyRepository(session).is_loaded()

    def index(self) -> SearchIndex:
        self.prepare()
        with self.database.session() as session:
            key = TaxonomyRepository(session).current_version_id()
        if key is None:
            raise ConceptNotFound("taxonomy", "(nothing loaded: run 'koers data load')")
        with self._lock:
            if self._index is None or self._index_key != key:
                with self.database.session() as session:
                    labels = TaxonomyRepository(session).all_labels()
                self._index = SearchIndex(labels)
                self._index_key = key
            return self._index

    def search(
        self, query: str, lang: str = "nl", kind: ConceptKind | None = None, limit: int = 10
    ) -> list[SearchHit]:
        _check_language(lang)
        if len(query) > 200:
            raise InvalidInput("query: at most 200 characters")
        if not 1 <= limit <= 100:
            raise InvalidInput("limit: must be between 1 and 100")
        return self.index().search(query, lang=lang, kind=kind, limit=limit)

    def detail(self, uri_or_code: str, lang: str = "nl") -> ConceptDetail:
        _check_language(lang)
        self.prepare()
        with self.database.session() as session:
            return TaxonomyRepository(session).detail(uri_or_code, lang)

    def roots(self, kind: ConceptKind, lang: str = "nl") -> list[ConceptRef]:
        _check_language(lang)
        self.prepare()
        with self.database.session() as session:
            return TaxonomyRepository(session).top_level(kind, lang)


def _check_language(lang: str) -> None:
    if lang not in SUPPORTED_LANGUAGES:
        raise InvalidInput(f"lang: must be one of {', '.join(SUPPORTED_LANGUAGES)}, not '{lang}'")
