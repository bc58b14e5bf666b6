"""Streaming input: CSV, JSON lines and Parquet files read in chunks, with resumable positions.

The parent process only cuts the input into chunks of raw records (bytes for CSV/JSONL, an Arrow
record batch for Parquet) and remembers where each chunk ends: a byte offset for text files, a row
index for Parquet. Decoding and parsing happen in the workers (:func:`decode_records`), so one
broken row costs one error line, never the run. Memory stays bounded: a chunk at a time, never
the whole file.
"""

from __future__ import annotations

import codecs
import csv
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

import orjson

from clearance.errors import BatchInputError

Format = Literal["csv", "jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "parquet")
_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
MAX_RECORD_LINES = 64  # a quoted field spanning more physical lines is taken as broken quoting
MAX_RECORD_BYTES = 1 << 20
RAW_TEXT_LIMIT = 2000  # characters of a bad row kept in the errors file


def detect_format(path: Path, explicit: str | None, flag: str = "--format") -> Format:
    """The format named by ``explicit``, else by the file extension (``.csv.gz`` is not read)."""
    if explicit:
        if explicit not in FORMATS:
            raise BatchInputError(f"{flag} {explicit!r}: expected one of {', '.join(FORMATS)}")
        return explicit
    suffix = path.suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise BatchInputError(
        f"cannot tell the format of {path.name!r} from its extension; pass {flag} "
        f"({'|'.join(FORMATS)})"
    )


def check_encoding(name: str) -> str:
    """Only ASCII-compatible encodings can be cut into lines as bytes (not UTF-16/32)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise BatchInputError(f"unknown encoding {name!r}") from None
    if "\n".encode(info.name) != b"\n" or '"'.encode(info.name) != b'"':
        raise BatchInputError(
            f"encoding {name!r} is not ASCII-compatible; convert the file to UTF-8 first"
        )
    return info.name


@dataclass(frozen=True, slots=True)
class TextOptions:
    """How to decode CSV/JSONL records (sent to the workers with every chunk)."""

    encoding: str = "utf-8"
    delimiter: str = ","


@dataclass(slots=True)
class RawChunk:
    """A slice of input as cut by the parent; ``end_offset``/``end_line`` are where it stops."""

    index: int
    format: Format
    lines: list[int]  # line (text) or row (Parquet) number of each record, 1-based
    records: list[bytes] = field(default_factory=list)  # raw bytes, CSV / JSONL
    batch: Any = None  # pyarrow.RecordBatch, Parquet
    start_offset: int = 0
    end_offset: int = 0
    end_line: int = 0

    def __len__(self) -> int:
        return len(self.lines)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A row that could not become a query: goes to the errors file."""

    line: int
    raw: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "raw": self.raw, "reason": self.reason}
        if self.id:
            out["id"] = self.id
        return out


def line_count(data: bytes) -> int:
    """Physical lines in a record's bytes (the last one may lack its newline)."""
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


def raw_text(data: bytes, encoding: str = "utf-8") -> str:
    text = data.decode(encoding, errors="backslashreplace").rstrip("\r\n")
    return text if len(text) <= RAW_TEXT_LIMIT else text[:RAW_TEXT_LIMIT] + "…"


# -- reading: the parent cuts records --------------------------------------------------------


class _Lines:
    """Physical lines of a binary file from a byte offset, with push-back."""

    def __init__(self, handle: BinaryIO, offset: int, line: int) -> None:
        self._handle = handle
        self._offset = offset
        self._line = line
        self._back: deque[tuple[int, int, bytes]] = deque()

    def next(self) -> tuple[int, int, bytes] | None:
        if self._back:
            return self._back.popleft()
        data = self._handle.readline()
        if not data:
            return None
        self._line += 1
        item = (self._line, self._offset, data)
        self._offset += len(data)
        return item

    def push_back(self, items: Sequence[tuple[int, int, bytes]]) -> None:
        self._back.extendleft(reversed(items))


def _csv_state(data: bytes, delimiter: str) -> tuple[str, int]:
    """``("complete" | "incomplete" | "invalid", field count)`` of a candidate record.

    "incomplete" means the bytes end inside a quoted field: the record goes on at the next line.
    """
    if b'"' not in data:
        return "complete", data.count(delimiter.encode("latin-1")) + 1
    count = 0
    try:
        for row in csv.reader([data.decode("latin-1")], delimiter=delimiter, strict=True):
            count += len(row)
    except csv.Error as exc:
        return ("incomplete" if "unexpected end of data" in str(exc) else "invalid"), count
    return "complete", count


def iter_csv_records(
    handle: BinaryIO, offset: int, line: int, delimiter: str = ",", columns: int | None = None
) -> Iterator[tuple[int, bytes, bool, int]]:
    """Logical CSV records from ``offset``: ``(first line, raw bytes, broken, end offset)``.

    A record ends at a newline outside quotes. When a quote opened on one line is never closed
    properly (still open after ``MAX_RECORD_LINES`` lines or at the end of the file, or the
    joined lines do not parse, or do not give ``columns`` fields), the first line alone is
    marked broken and reading goes on with the next line: one stray quote loses one row, never
    the rows after it.
    """
    handle.seek(offset)
    lines = _Lines(handle, offset, line)
    while (first := lines.next()) is not None:
        lineno, start, data = first
        if _csv_state(data, delimiter)[0] != "incomplete":
            yield lineno, data, False, start + len(data)
            continue
        parts = [first]
        size = len(data)
        while True:
            nxt = lines.next()
            if nxt is not None and len(parts) < MAX_RECORD_LINES and size <= MAX_RECORD_BYTES:
                parts.append(nxt)
                size += len(nxt[2])
                joined = b"".join(p[2] for p in parts)
                state, count = _csv_state(joined, delimiter)
                if state == "incomplete":
                    continue
                if state == "complete" and (columns is None or count == columns):
                    yield lineno, joined, False, start + len(joined)
                    break
            lines.push_back(parts[1:] + ([nxt] if nxt is not None and nxt not in parts else []))
            yield lineno, data, True, start + len(data)
            break


def iter_jsonl_records(
    handle: BinaryIO, offset: int, line: int
) -> Iterator[tuple[int, bytes, bool, int]]:
    handle.seek(offset)
    lines = _Lines(handle, offset, line)
    while (item := lines.next()) is not None:
        lineno, start, data = item
        yield lineno, data, False, start + len(data)


@dataclass(slots=True)
class InputFile:
    """An opened input: its columns, where data starts, and its size (for progress)."""

    path: Path
    format: Format
    text: TextOptions
    header: list[str]
    data_offset: int  # byte offset (text) or row index (Parquet) of the first record
    data_line: int  # line number just before the first record
    total: int  # bytes (text) or rows (Parquet)

    @property
    def progress_unit(self) -> str:
        return "rows" if self.format == "parquet" else "bytes"

    def chunks(
        self, offset: int, line: int, chunk_rows: int, first_index: int, columns: Sequence[str]
    ) -> Iterator[RawChunk]:
        """Chunks of ``chunk_rows`` records starting at ``offset`` (blank lines are skipped)."""
        if self.format == "parquet":
            yield from _parquet_chunks(self.path, offset, chunk_rows, first_index, columns)
            return
        with self.path.open("rb") as handle:
            if self.format == "csv":
                records = iter_csv_records(
                    handle, offset, line, self.text.delimiter, len(self.header)
                )
            else:
                records = iter_jsonl_records(handle, offset, line)
            chunk = self._empty_chunk(first_index, offset, line)
            for lineno, data, broken, end in records:
                chunk.end_offset, chunk.end_line = end, lineno + line_count(data) - 1
                if not data.strip():
                    continue
                chunk.lines.append(-lineno if broken else lineno)
                chunk.records.append(data)
                if len(chunk.lines) >= chunk_rows:
                    yield chunk
                    chunk = self._empty_chunk(chunk.index + 1, end, chunk.end_line)
            if chunk.lines or chunk.end_offset != chunk.start_offset:  # records or blank lines
                yield chunk

    def _empty_chunk(self, index: int, offset: int, line: int) -> RawChunk:
        return RawChunk(
            index, self.format, [], start_offset=offset, end_offset=offset, end_line=line
        )


def open_input(path: Path, fmt: Format, text: TextOptions) -> InputFile:
    """Read the header (CSV), sample the keys (JSONL) or the schema (Parquet)."""
    if not path.is_file():
        raise BatchInputError(f"input file not found: {path}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        try:
            meta = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a non-Parquet file
            raise BatchInputError(f"{path}: not a readable Parquet file ({exc})") from None
        return InputFile(
            path, fmt, text, list(meta.schema_arrow.names), 0, 0, meta.metadata.num_rows
        )
    size = path.stat().st_size
    with path.open("rb") as handle:
        if fmt == "jsonl":
            return InputFile(path, fmt, text, _sample_keys(handle, text), 0, 0, size)
        first = next(iter_csv_records(handle, 0, 0, text.delimiter), None)
    if first is None or not first[1].strip():
        raise BatchInputError(f"{path}: empty file (a CSV input needs a header row)")
    _, data, broken, end = first
    header = _parse_header(path, data, broken, text)
    return InputFile(path, fmt, text, header, end, line_count(data), size)


def _parse_header(path: Path, data: bytes, broken: bool, text: TextOptions) -> list[str]:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        decoded = data.decode(text.encoding)
    except UnicodeDecodeError as exc:
        raise BatchInputError(f"{path}: header row is not valid {text.encoding} ({exc})") from None
    try:
        rows = list(csv.reader([decoded], delimiter=text.delimiter, strict=True))
    except csv.Error as exc:
        raise BatchInputError(f"{path}: header row is not valid CSV ({exc})") from None
    header = [h.strip() for h in rows[0]] if rows and not broken else []
    if not header or not any(header):
        raise BatchInputError(f"{path}: no header row")
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates:
        raise BatchInputError(f"{path}: duplicate column names in the header: {duplicates}")
    return header


def _sample_keys(handle: BinaryIO, text: TextOptions, sample: int = 1000) -> list[str]:
    """Keys seen in the first objects of a JSONL file (to check the column options)."""
    keys: dict[str, None] = {}
    seen = 0
    for raw in handle:
        if seen >= sample:
            break
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(obj))
            seen += 1
    return list(keys)


def _parquet_chunks(
    path: Path, offset: int, chunk_rows: int, first_index: int, columns: Sequence[str]
) -> Iterator[RawChunk]:
    import pyarrow.parquet as pq

    source = pq.ParquetFile(path)
    meta = source.metadata
    start_group, skip, row = 0, offset, 0
    while start_group < meta.num_row_groups:
        group_rows = meta.row_group(start_group).num_rows
        if skip < group_rows:
            break
        skip -= group_rows
        row += group_rows
        start_group += 1
    index = first_index
    groups = list(range(start_group, meta.num_row_groups))
    if not groups:
        return
    for batch in source.iter_batches(
        batch_size=chunk_rows, row_groups=groups, columns=list(columns)
    ):
        if skip:
            taken = min(skip, batch.num_rows)
            batch, skip, row = batch.slice(taken), skip - taken, row + taken
        if batch.num_rows == 0:
            continue
        lines = list(range(row + 1, row + batch.num_rows + 1))
        row += batch.num_rows
        start = row - batch.num_rows
        yield RawChunk(
            index, "parquet", lines, batch=batch, start_offset=start, end_offset=row, end_line=row
        )
        index += 1


# -- decoding: the workers parse records -----------------------------------------------------


def decode_records(
    chunk: RawChunk, header: Sequence[str], text: TextOptions
) -> tuple[list[tuple[int, Mapping[str, Any]]], list[BadRecord]]:
    """Turn a chunk's raw records into ``(line, row)`` pairs; bad records become errors."""
    if chunk.format == "parquet":
        rows = chunk.batch.to_pylist()
        return list(zip(chunk.lines, rows, strict=True)), []
    good: list[tuple[int, Mapping[str, Any]]] = []
    bad: list[BadRecord] = []
    decode = _decode_csv if chunk.format == "csv" else _decode_jsonl
    for lineno, data in zip(chunk.lines, chunk.records, strict=True):
        if lineno < 0:
            bad.append(
                BadRecord(
                    -lineno,
                    raw_text(data, text.encoding),
                    "broken quoting: a quoted field is never closed",
                )
            )
            continue
        try:
            good.append((lineno, decode(data, header, text)))
        except _RecordError as exc:
            bad.append(BadRecord(lineno, raw_text(data, text.encoding), str(exc)))
    return good, bad


class _RecordError(Exception):
    pass


def _decode_text(data: bytes, text: TextOptions) -> str:
    try:
        return data.decode(text.encoding)
    except UnicodeDecodeError as exc:
        raise _RecordError(
            f"undecodable bytes: not valid {text.encoding} at byte {exc.start} "
            f"({data[exc.start : exc.start + 4]!r})"
        ) from None


def _decode_csv(data: bytes, header: Sequence[str], text: TextOptions) -> dict[str, str]:
    decoded = _decode_text(data, text)
    try:
        rows = list(csv.reader([decoded], delimiter=text.delimiter, strict=True))
    except csv.Error as exc:
        raise _RecordError(f"broken quoting: {exc}") from None
    fields = rows[0] if rows else []
    if len(rows) > 1 or len(fields) != len(header):
        count = sum(len(r) for r in rows)
        raise _RecordError(f"expected {len(header)} columns, found {count}")
    return dict(zip(header, fields, strict=True))


def _decode_jsonl(data: bytes, header: Sequence[str], text: TextOptions) -> dict[str, Any]:
    decoded = _decode_text(data, text).lstrip("\ufeff")
    try:
        obj = orjson.loads(decoded)
    except orjson.JSONDecodeError as exc:
        raise _RecordError(f"invalid JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise _RecordError(f"expected a JSON object, found {type(obj).__name__}")
    return obj
