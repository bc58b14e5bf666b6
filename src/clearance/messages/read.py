"""Reading payment files and request bodies: the format is detected, messages are streamed.

``read_path(path)`` takes a file or a folder (every file under it, in name order) and yields a
:class:`Message` or a :class:`ReadError` per message; ``read_bytes(data, name)`` does the same
for a request body. XML (ISO 20022) starts with ``<``; SWIFT FIN text holds ``{1:``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from clearance.messages.checks import MAX_MESSAGE_BYTES
from clearance.messages.iso import read_iso
from clearance.messages.model import Message, ReadError
from clearance.messages.mt import read_mt
from clearance.messages.xsd import SchemaSet

Item = Message | ReadError
_BOM = b"\xef\xbb\xbf"


def sniff(head: bytes) -> str | None:
    """``"iso"``, ``"mt"`` or None from the first bytes of a file or body."""
    text = head.removeprefix(_BOM).lstrip()
    if text.startswith(b"<"):
        return "iso"
    if b"{1:" in text[:4096]:
        return "mt"
    return None


def read_stream(handle: IO[bytes], source: str, schemas: SchemaSet | None = None) -> Iterator[Item]:
    head = handle.peek(4096)[:4096] if isinstance(handle, io.BufferedReader) else b""
    if not head:
        head = handle.read(4096)
        handle = _Prefixed(head, handle)  # type: ignore[assignment]
    kind = sniff(head)
    if kind == "iso":
        yield from read_iso(handle, source, schemas)
    elif kind == "mt":
        text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="")
        try:
            yield from read_mt(text, source)
        finally:
            text.detach()  # the caller closes the byte stream
    elif not head.strip():
        yield ReadError(source, None, None, "empty: no message")
    else:
        yield ReadError(source, None, None, "neither ISO 20022 XML nor SWIFT FIN ({1:…}) text")


def read_path(path: Path, schemas: SchemaSet | None = None) -> Iterator[Item]:
    """Every message of a file, or of every file under a folder."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        for file in files:
            yield from read_path(file, schemas)
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadError(str(path), None, None, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from read_stream(handle, str(path), schemas)


def read_paths(paths: Iterable[Path], schemas: SchemaSet | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, schemas)


def read_bytes(data: bytes, source: str = "body", schemas: SchemaSet | None = None) -> list[Item]:
    """Every message of an in-memory body (an API request)."""
    if len(data) > 50 * MAX_MESSAGE_BYTES:
        return [ReadError(source, None, None, "body too large")]
    return list(read_stream(io.BufferedReader(io.BytesIO(data)), source, schemas))


class _Prefixed(io.RawIOBase):
    """A stream with bytes already read put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
