"""Errors raised by skill extraction; all are :class:`koers.errors.InvalidInput` or NotFound."""

from __future__ import annotations

from koers.errors import InvalidInput, KoersError


class ExtractionError(InvalidInput):
    """Base class for bad input to skill extraction."""

    code = "extraction_invalid_input"


class TextTooLong(ExtractionError):
    """The text is larger than the extractor accepts (a CV is far below the limit)."""

    code = "text_too_long"

    def __init__(self, size: int, limit: int, where: str = "text") -> None:
        super().__init__(
            f"{where} has {size:,} characters; the limit is {limit:,} "
            "(split the document or send only its text)"
        )
        self.size = size
        self.limit = limit


class NotText(ExtractionError):
    """The input looks like binary data (a PDF, an image, a zip), not text."""

    code = "not_text"

    def __init__(self, reason: str, where: str = "input") -> None:
        super().__init__(f"{where} is not readable text: {reason}")
        self.reason = reason


class BadGoldFile(ExtractionError):
    """A gold-annotation file is missing columns or holds no usable sentence."""

    code = "bad_gold_file"


class EmptyCatalogue(ExtractionError):
    """The extractor was built without any skill label."""

    code = "empty_catalogue"

    def __init__(self) -> None:
        super().__init__("no skill labels given: load the ESCO skills file or a label list")


class EmbeddingUnavailable(KoersError):
    """The optional embedding extra is not installed; callers fall back to lexical matching."""

    code = "embedding_unavailable"
    status = 501


__all__ = [
    "BadGoldFile",
    "EmbeddingUnavailable",
    "EmptyCatalogue",
    "ExtractionError",
    "NotText",
    "TextTooLong",
]
