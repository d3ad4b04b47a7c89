"""Reading tabular data files, the one way every caller reads them.

Uploads (workforce files, tension tables), data files named on the command line and the bundled
tables all come through :func:`read_table`: CSV (``,`` or ``;``, UTF-8 with or without BOM,
Windows-1252 as Excel writes it in Flanders), gzipped CSV and Parquet, from bytes or a path.
Every problem is a :class:`TableError` that names the file and, where it applies, the row;
callers that document their own error type (e.g. the workforce check) convert it in one place.
Row caps come from the caller (e.g. ``koers.check`` refuses over 100,000 workforce rows) and
are applied while reading: Parquet is decoded in batches and reading stops at the cap (its
footer's row count is checked first), so a 150 KB file of 20 million rows is refused without
being decoded (issue 13); CSV stops reading records at the cap.

CSV cells are text, exactly as written (no trimming, no "NA" guessing); Parquet keeps its column
types. Rows count as a spreadsheet shows them: the header is row 1 and blank lines are skipped.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from koers.errors import DataFileError
from koers.services.documents import megabytes

PARQUET_MAGIC = b"PAR1"
GZIP_MAGIC = b"\x1f\x8b"
MAX_LISTED = 10
"""Row problems named in the message (all of them stay in ``TableError.problems``)."""
PARQUET_BATCH_ROWS = 10_000
"""Parquet rows decoded at a time (a few MB), so that a row cap stops reading early."""


class Table(NamedTuple):
    """A table as read: ``frame, first_row = read_table(...)``."""

    frame: pd.DataFrame
    first_row: int
    """Row number of the first data row as the user sees it: 2 for CSV (after the header),
    1 for Parquet."""


class TableError(DataFileError):
    """A table file could not be read.

    Attributes:
        problems: ``(row, message)``; ``row`` is ``None`` for the file as a whole.
    """

    def __init__(self, file: str, problems: Sequence[tuple[int | None, str]]) -> None:
        self.problems = list(problems)
        if len(self.problems) == 1:
            row, problem = self.problems[0]
            super().__init__(file, problem, row)
            return
        shown = [f"row {r}: {m}" if r is not None else m for r, m in problems[:MAX_LISTED]]
        more = len(self.problems) - len(shown)
        super().__init__(file, "; ".join(shown) + (f"; … and {more} more" if more > 0 else ""))


def read_table(
    source: bytes | Path,
    name: str | None = None,
    *,
    max_bytes: int | None = None,
    max_rows: int | None = None,
) -> Table:
    """Read a CSV, gzipped CSV or Parquet table from bytes or a file.

    The format is told by the content (Parquet and gzip magic bytes), not by the file name.

    Args:
        source: the file's bytes (an upload) or its path.
        name: file name for messages; default: the path, or "upload".
        max_bytes: refuse larger files (for gzip, also a larger unpacked text).
        max_rows: refuse more data rows than this ("more than N rows"), found while reading:
            rows past the cap are never decoded.

    Returns:
        The frame and the row number of its first data row.

    Raises:
        TableError: missing, empty, too large, not CSV text nor Parquet, or rows with a
            different number of fields than the header (every such row is named).
    """
    file = name or (str(source) if isinstance(source, Path) else "upload")
    data = _read_bytes(source, file, max_bytes)
    if data[:2] == GZIP_MAGIC:
        data = _gunzip(data, file, max_bytes)
    if not data.strip():
        raise TableError(file, [(None, "the file is empty")])
    if data[:4] == PARQUET_MAGIC:
        return Table(_read_parquet(data, file, max_rows), 1)
    return Table(_read_csv(data, file, max_rows), 2)


def _too_large(file: str, limit: int) -> TableError:
    return TableError(file, [(None, f"larger than {megabytes(limit)} MB")])


def _read_bytes(source: bytes | Path, file: str, max_bytes: int | None) -> bytes:
    if isinstance(source, bytes):
        if max_bytes is not None and len(source) > max_bytes:
            raise _too_large(file, max_bytes)
        return source
    try:
        if max_bytes is not None and source.stat().st_size > max_bytes:
            raise _too_large(file, max_bytes)
        return source.read_bytes()
    except FileNotFoundError as exc:
        raise TableError(file, [(None, "file not found")]) from exc
    except OSError as exc:
        raise TableError(file, [(None, f"not a readable file ({exc.strerror})")]) from exc


def _gunzip(data: bytes, file: str, max_bytes: int | None) -> bytes:
    # read at most one byte past the limit, so a small archive of a huge text never unpacks whole
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            text = archive.read(-1 if max_bytes is None else max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise TableError(file, [(None, "not a readable gzip file")]) from exc
    if max_bytes is not None and len(text) > max_bytes:
        raise _too_large(file, max_bytes)
    return text


def _too_many_rows(file: str, limit: int) -> TableError:
    return TableError(file, [(None, f"more than {limit} rows")])


def _read_parquet(data: bytes, file: str, max_rows: int | None) -> pd.DataFrame:
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
        if max_rows is not None and parquet.metadata.num_rows > max_rows:
            raise _too_many_rows(file, max_rows)
        batches: list[pa.RecordBatch] = []
        rows = 0
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            rows += batch.num_rows
            if max_rows is not None and rows > max_rows:  # the footer understated its rows
                raise _too_many_rows(file, max_rows)
            batches.append(batch)
        frame: pd.DataFrame = pa.Table.from_batches(batches, parquet.schema_arrow).to_pandas()
        return frame
    except (ValueError, OSError, pa.ArrowException) as exc:
        raise TableError(
            file, [(None, f"not a readable Parquet file ({type(exc).__name__})")]
        ) from exc


def _read_csv(data: bytes, file: str, max_rows: int | None) -> pd.DataFrame:
    if b"\x00" in data[:4096]:
        raise TableError(file, [(None, "not a CSV text file or a Parquet file")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.partition("\n")[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    wanted = None if max_rows is None else max_rows + 2  # the header, and one row too many
    try:
        rows = (
            r for r in csv.reader(io.StringIO(text), delimiter=sep) if any(c.strip() for c in r)
        )
        records = list(itertools.islice(rows, wanted))
    except csv.Error as exc:
        raise TableError(file, [(None, f"not a readable CSV file: {exc}")]) from exc
    if max_rows is not None and len(records) > max_rows + 1:
        raise _too_many_rows(file, max_rows)
    if not records:  # only separators or quotes, e.g. "," or '"'
        raise TableError(file, [(None, "the file has no header and no rows")])
    header, body = records[0], records[1:]
    problems: list[tuple[int | None, str]] = [
        (
            number,
            f"{len(row)} fields, but the header has {len(header)} (a '{sep}' too many "
            "or too few? Put values with a separator between double quotes)",
        )
        for number, row in enumerate(body, start=2)
        if len(row) != len(header)
    ]
    if problems:
        raise TableError(file, problems)
    return pd.DataFrame(body, columns=header, dtype=object)
