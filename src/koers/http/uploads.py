"""Reading uploaded files, the same way for API routes and web pages.

An upload is read into memory up to one byte past the route's limit, so the reader that
parses it can refuse an over-large file with a message that names the limit, and a huge body
never sits in memory whole (the body limit of ``http/middleware.py`` applies before).
"""

from __future__ import annotations

import csv
import io

import pandas as pd
from fastapi import UploadFile

from koers.errors import DataFileError

MAX_CSV_UPLOAD = 5_000_000
"""Largest uploaded CSV of counts (tension tables), in bytes."""


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``upload`` (one more than allowed tells "too large")."""
    data = await upload.read(limit + 1)
    return data


def read_csv_upload(content: bytes, name: str, limit: int = MAX_CSV_UPLOAD) -> pd.DataFrame:
    """Parse an uploaded CSV as text columns; problems become a DataFileError (422)."""
    if len(content) > limit:
        raise DataFileError(name, f"file larger than {limit:,} bytes")
    try:
        return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8")
    except (
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        UnicodeDecodeError,
        ValueError,
        csv.Error,
    ) as exc:
        raise DataFileError(name, f"not a readable UTF-8 CSV file ({exc})") from exc
