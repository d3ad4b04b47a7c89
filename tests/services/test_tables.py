"""The one table reader (services/tables.py): every format and every refusal, from bytes and
from a path."""

from __future__ import annotations

import gzip
import io
import resource
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from koers.errors import DataFileError
from koers.services.tables import TableError, read_table

CSV = "occupation,period,jobseekers\nkassier,2024,12\nbakker (m/v),2024,3\n"


def parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        CSV.encode(),
        ("\ufeff" + CSV).encode(),  # BOM, as Excel writes "CSV UTF-8"
        CSV.replace(",", ";").encode("cp1252"),  # Excel's "CSV" in Flanders
        gzip.compress(CSV.encode()),
        CSV.replace("\n", "\r\n\r\n").encode(),  # blank lines are skipped
    ],
)
def test_csv_variants_read_the_same(data: bytes) -> None:
    frame, first_row = read_table(data, "counts.csv")
    assert first_row == 2
    assert list(frame.columns) == ["occupation", "period", "jobseekers"]
    assert frame.to_dict(orient="list") == {
        "occupation": ["kassier", "bakker (m/v)"],
        "period": ["2024", "2024"],
        "jobseekers": ["12", "3"],  # text, as written
    }


def test_cp1252_text_keeps_its_accents() -> None:
    frame, _ = read_table("beroep;periode\nconciërge;2024\n".encode("cp1252"), "x.csv")
    assert frame["beroep"].tolist() == ["conciërge"]


def test_parquet_keeps_its_types_from_bytes_and_path(tmp_path: Path) -> None:
    data = parquet(pd.DataFrame({"isco": ["2511"], "employment": [12]}))
    path = tmp_path / "panel.parquet"
    path.write_bytes(data)
    for source in (data, path):
        frame, first_row = read_table(source)
        assert first_row == 1 and frame["employment"].tolist() == [12]


def test_a_path_is_read_like_bytes(tmp_path: Path) -> None:
    path = tmp_path / "counts.csv.gz"
    path.write_bytes(gzip.compress(CSV.encode()))
    assert read_table(path).frame.equals(read_table(CSV.encode()).frame)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "the file is empty"),
        (b" \n\t", "the file is empty"),
        (b"\x00\x01garbage\xff" * 20, "not a CSV text file or a Parquet file"),
        (b"PAR1 not really parquet", "not a readable Parquet file"),
        (b"\x1f\x8b not really gzip", "not a readable gzip file"),
        (b",", "the file has no header and no rows"),
        (b'"', "the file has no header and no rows"),
        (b"x" * 10_001, "larger than 0.01 MB"),
        (gzip.compress(b"a,b\n" + b"1,2\n" * 5_000), "larger than 0.01 MB"),  # a small bomb
    ],
)
def test_unreadable_files_are_refused_with_the_file_named(data: bytes, problem: str) -> None:
    with pytest.raises(TableError) as info:
        read_table(data, "team.csv", max_bytes=10_000)
    assert info.value.message.startswith(f"team.csv: {problem}")
    assert isinstance(info.value, DataFileError) and info.value.status == 422


def test_every_row_with_a_wrong_field_count_is_named() -> None:
    with pytest.raises(TableError) as info:
        read_table(b"a,b\n1,2\n1,2,3\n4\n", "t.csv")
    assert [row for row, _ in info.value.problems] == [3, 4]
    assert "row 3: 3 fields, but the header has 2" in info.value.message
    assert "row 4: 1 fields" in info.value.message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "missing.csv"
    with pytest.raises(TableError, match=r"missing\.csv: file not found"):
        read_table(path)


def many_rows_parquet(rows: int) -> bytes:
    """A tiny zstd Parquet file of ``rows`` identical workforce rows (dictionary-encoded: 20
    million rows are about 140 KB, and would take over a GB decoded)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    def column(value: str) -> pa.DictionaryArray:
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, np.int8)), pa.array([value]))

    table = pa.table({"employee": column("e1"), "occupation": column("verpleegkundige")})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd", row_group_size=rows)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def twenty_million_rows() -> bytes:
    return many_rows_parquet(20_000_000)


def peak_memory_growth() -> Callable[[], int]:
    """Bytes by which the process's peak resident memory grew since the call (0 when it stays
    under an earlier peak: a test that allocates a GB still shows it)."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return lambda: (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024


def test_parquet_over_the_row_cap_is_refused_before_decoding(twenty_million_rows: bytes) -> None:
    """Issue 13 fault 2: the cap was applied to the decoded frame (+1.4 GB for 150 KB)."""
    assert len(twenty_million_rows) < 300_000
    growth = peak_memory_growth()
    with pytest.raises(TableError, match="more than 100000 rows"):
        read_table(twenty_million_rows, "w.parquet", max_rows=100_000)
    assert growth() < 200_000_000


def test_parquet_at_the_row_cap_is_read_in_batches() -> None:
    frame = read_table(many_rows_parquet(25_000), "w.parquet", max_rows=25_000).frame
    assert len(frame) == 25_000 and frame["occupation"].iloc[-1] == "verpleegkundige"


def test_csv_over_the_row_cap_is_refused() -> None:
    data = ("occupation\n" + "kok\n" * 11).encode()
    with pytest.raises(TableError, match="more than 10 rows"):
        read_table(data, "w.csv", max_rows=10)
    assert len(read_table(data, "w.csv", max_rows=11).frame) == 11
