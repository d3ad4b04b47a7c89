"""Errors of the taxonomy domain."""

from __future__ import annotations

from koers.errors import DataFileError, NotFound


class ConceptNotFound(NotFound):
    code = "concept_not_found"

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"No {kind} with URI or code '{key}' in the loaded taxonomy")


class EscoFileError(DataFileError):
    code = "esco_file_error"


__all__ = ["ConceptNotFound", "EscoFileError"]
