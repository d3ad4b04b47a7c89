"""Reading uploaded files, the same way for API routes and web pages.

An upload is read into memory up to one byte past the route's limit, so the reader that
parses it (``services/tables.py`` for tables, ``services/documents.py`` for CVs, the portfolio
service for portfolio files) can refuse an over-large file with a message that names the limit,
and a huge body never sits in memory whole (the body limit of ``http/middleware.py`` applies
before).
"""

from __future__ import annotations

from fastapi import UploadFile

MAX_CSV_UPLOAD = 5_000_000
"""Largest uploaded CSV of counts (tension tables), in bytes."""
MAX_CSV_ROWS = 200_000
"""Most rows of an uploaded table of counts (occupation × period; the report's tables have a
few thousand); reading stops there, so a small Parquet file of millions of rows is refused."""


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``upload`` (one more than allowed tells "too large")."""
    return await upload.read(limit + 1)
