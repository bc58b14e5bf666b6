"""Cutting inputs into records and chunks, positions for resume, and bad-record reasons."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clearance.batch.io import (
    BatchInputError,
    TextOptions,
    check_encoding,
    decode_records,
    detect_format,
    iter_csv_records,
    open_input,
)

TEXT = TextOptions()


def records(data: bytes) -> list[tuple[int, bytes, bool, int]]:
    return list(iter_csv_records(io.BytesIO(data), 0, 0))


def test_csv_record_spans_quoted_newline_and_reports_end_offsets() -> None:
    data = b'id,name\n1,"Multi\nline"\n2,Two\n'
    out = records(data)
    assert [(line, raw, broken) for line, raw, broken, _ in out] == [
        (1, b"id,name\n", False),
        (2, b'1,"Multi\nline"\n', False),
        (4, b"2,Two\n", False),
    ]
    assert [end for *_, end in out] == [8, 23, 29]
    assert data[23:29] == b"2,Two\n"


def test_unclosed_quote_costs_one_line_not_the_rest_of_the_file() -> None:
    data = b'1,"never closed\n2,ok\n3,"also ok"\n'
    out = records(data)
    assert [(line, broken) for line, _, broken, _ in out] == [(1, True), (2, False), (3, False)]
    assert out[1][1] == b"2,ok\n"


def test_stray_quote_inside_unquoted_field_is_text() -> None:
    out = records(b'1,O"Brien\n2,Next\n')
    assert [line for line, *_ in out] == [1, 2]


def test_reading_from_an_offset_continues_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,name\n1,A\n2,B\n3,C\n")
    source = open_input(path, "csv", TEXT)
    assert source.header == ["id", "name"]
    first = list(source.chunks(source.data_offset, source.data_line, 2, 0, ["name"]))
    assert [c.lines for c in first] == [[2, 3], [4]]
    again = list(source.chunks(first[0].end_offset, first[0].end_line, 2, 1, ["name"]))
    assert again[0].lines == [4] and again[0].records == [b"3,C\n"] and again[0].index == 1


def test_blank_lines_are_skipped_and_last_line_may_lack_newline(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbfid,name\n\n1,A\r\n\n2,B")
    source = open_input(path, "csv", TEXT)
    assert source.header == ["id", "name"]
    [chunk] = source.chunks(source.data_offset, source.data_line, 100, 0, ["name"])
    assert chunk.lines == [3, 5]
    rows, bad = decode_records(chunk, source.header, TEXT)
    assert rows == [(3, {"id": "1", "name": "A"}), (5, {"id": "2", "name": "B"})]
    assert not bad
    assert chunk.end_offset == path.stat().st_size


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"1,a,b\n", "expected 2 columns, found 3"),
        (b"1\n", "expected 2 columns, found 1"),
        (b'1,"ab"c\n', "broken quoting"),
        (b"1,Caf\xe9\n", "undecodable bytes: not valid utf-8 at byte 5"),
    ],
)
def test_bad_csv_records_get_a_reason(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,name\n" + line + b"2,fine\n")
    source = open_input(path, "csv", TEXT)
    [chunk] = source.chunks(source.data_offset, source.data_line, 100, 0, ["name"])
    rows, bad = decode_records(chunk, source.header, TEXT)
    assert rows == [(3, {"id": "2", "name": "fine"})]
    assert len(bad) == 1 and bad[0].line == 2 and reason in bad[0].reason
    assert bad[0].raw == line.decode("utf-8", "backslashreplace").rstrip("\n")


def test_other_ascii_compatible_encodings_decode(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,name\n1,Caf\xe9\n")
    text = TextOptions(encoding=check_encoding("cp1252"))
    source = open_input(path, "csv", text)
    [chunk] = source.chunks(source.data_offset, source.data_line, 100, 0, ["name"])
    assert decode_records(chunk, source.header, text)[0] == [(2, {"id": "1", "name": "Café"})]


def test_utf16_is_refused() -> None:
    with pytest.raises(BatchInputError, match="not ASCII-compatible"):
        check_encoding("utf-16")


def test_jsonl_records_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1, "name": "A"}\n\n[1, 2]\n{"id": 2, bad}\n{"id": 3, "name": "C"}\n')
    source = open_input(path, "jsonl", TEXT)
    assert source.header == ["id", "name"]
    [chunk] = source.chunks(0, 0, 100, 0, ["name"])
    rows, bad = decode_records(chunk, source.header, TEXT)
    assert [line for line, _ in rows] == [1, 5]
    assert [(b.line, b.reason.split(":")[0]) for b in bad] == [
        (3, "expected a JSON object, found list"),
        (4, "invalid JSON"),
    ]


def test_parquet_chunks_resume_by_row_across_row_groups(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    table = pa.table({"id": [str(i) for i in range(10)], "name": [f"n{i}" for i in range(10)]})
    pq.write_table(table, path, row_group_size=4)
    source = open_input(path, "parquet", TEXT)
    assert source.total == 10 and source.header == ["id", "name"]
    chunks = list(source.chunks(5, 5, 3, 2, ["id", "name"]))
    assert [c.lines for c in chunks][0][0] == 6
    assert sum(len(c) for c in chunks) == 5 and chunks[-1].end_offset == 10
    rows, _ = decode_records(chunks[0], source.header, TEXT)
    assert rows[0] == (6, {"id": "5", "name": "n5"})


def test_format_detection_and_header_errors(tmp_path: Path) -> None:
    assert detect_format(Path("a.TSV"), None) == "csv"
    assert detect_format(Path("a.ndjson"), None) == "jsonl"
    with pytest.raises(BatchInputError, match="pass --format"):
        detect_format(Path("a.xlsx"), None)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(BatchInputError, match="empty file"):
        open_input(empty, "csv", TEXT)
    dup = tmp_path / "dup.csv"
    dup.write_bytes(b"name,name\n")
    with pytest.raises(BatchInputError, match="duplicate column"):
        open_input(dup, "csv", TEXT)
    with pytest.raises(BatchInputError, match="not found"):
        open_input(tmp_path / "missing.csv", "csv", TEXT)


def test_quote_closed_lines_later_does_not_swallow_rows() -> None:
    # The quote on line 1 is closed by line 3's quote, but the joined text is not valid CSV.
    out = records(b'1,"never closed\n2,ok\n3,"also ok"\n')
    assert [(line, broken) for line, _, broken, _ in out] == [(1, True), (2, False), (3, False)]


@pytest.mark.parametrize("tail", [b"", b"\n\n"])
def test_chunk_offsets_are_contiguous_to_the_end_of_the_file(tmp_path: Path, tail: bytes) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,name\n" + b"".join(b"%d,N%d\n" % (i, i) for i in range(6)) + tail)
    source = open_input(path, "csv", TEXT)
    chunks = list(source.chunks(source.data_offset, source.data_line, 3, 0, ["name"]))
    position = source.data_offset
    for chunk in chunks:
        assert chunk.start_offset == position
        position = chunk.end_offset
    assert position == path.stat().st_size
    assert [len(c) for c in chunks] == ([3, 3] if not tail else [3, 3, 0])
    assert chunks[-1].end_line == 7 + tail.count(b"\n")
