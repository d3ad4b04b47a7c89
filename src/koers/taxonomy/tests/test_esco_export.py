"""The ESCO CSV reader names file, row and column for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.taxonomy.errors import EscoFileError
from koers.taxonomy.esco_export import read_rows


def write(tmp_path: Path, text: str | bytes, name: str = "x.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_multiline_quoted_fields_are_one_row(tmp_path: Path) -> None:
    path = write(tmp_path, 'a,b\n1,"x\ny"\n2,z\n')
    rows = list(read_rows(path, ["a", "b"]))
    assert [(n, r["b"]) for n, r in rows] == [(2, "x\ny"), (3, "z")]


def test_missing_column_names_it(tmp_path: Path) -> None:
    with pytest.raises(EscoFileError, match=r"x.csv, row 1, column 'c'"):
        list(read_rows(write(tmp_path, "a,b\n1,2\n"), ["a", "c"]))


def test_short_row_is_an_error_unless_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,c\n1,2\n")
    with pytest.raises(EscoFileError, match=r"row 2: expected 3 fields, found 2"):
        list(read_rows(path, ["a"]))
    assert next(iter(read_rows(path, ["a"], allow_short_rows=True)))[1]["c"] == ""


def test_unclosed_quote_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EscoFileError, match=r"x\.csv"):
        list(read_rows(write(tmp_path, 'a,b\n1,"unfinished\n'), ["a"]))


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EscoFileError, match="empty"):
        list(read_rows(write(tmp_path, ""), ["a"]))


def test_bad_bytes(tmp_path: Path) -> None:
    with pytest.raises(EscoFileError, match="UTF-8"):
        list(read_rows(write(tmp_path, b"a,b\n1,\xff\xfe\n"), ["a"]))


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffa,b\n1,2\n")
    assert next(iter(read_rows(path, ["a"])))[1]["a"] == "1"
