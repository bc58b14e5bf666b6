"""The receipt spool's files: append-only segments of finished receipts, their shipped offsets,
recovery of segments whose process is gone, and reading a receipt back before it is shipped.

A segment (``<dir>/<pid>-<random>.spool``) belongs to one process, which holds an exclusive
``flock`` on it for as long as it lives; the kernel drops the lock when the process ends, by
``kill -9`` too, so a segment whose lock can be taken has no writer and is shipped by whoever
takes it (:func:`ship_orphans`). One line per receipt, written with one ``write()``::

    <receipt id> TAB <actor as JSON> TAB <SHA-256 of the body> TAB <canonical JSON body> LF

``<segment>.shipped`` holds the offset up to which the segment is in the database, written
after each committed batch; a crash between the commit and that write ships those receipts
again, and shipping skips the receipt ids already stored, so nothing is appended twice. A line
that is not complete (no line feed: the process died inside its write, or the disk filled up)
or whose body does not match its hash is never dropped in silence: it is moved to
``<dir>/rejected/<segment>`` and reported (:func:`spool_status`, logs, ``db status``).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import bindparam, text
from sqlalchemy.exc import DataError, IntegrityError

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.writer import write_receipts
from clearance.db import Database
from clearance.db.engine import engine_url

log = logging.getLogger("clearance.audit.spool")

SUFFIX = ".spool"
SHIPPED = ".shipped"
REJECTED = "rejected"
SHIP_BATCH = 500  # receipts per transaction when shipping
# what the database answers to a receipt it refuses (its content, not the connection): set
# aside rather than retried for ever
BAD_RECEIPT: tuple[type[Exception], ...] = (
    IntegrityError, DataError, sqlite3.IntegrityError, sqlite3.DataError,
    ValueError, TypeError, KeyError,
)  # fmt: skip
with contextlib.suppress(ImportError):  # the db extra: PostgreSQL's driver
    import psycopg

    BAD_RECEIPT += (psycopg.IntegrityError, psycopg.DataError)


def spool_dir(home: Path, db: Database | str) -> Path:
    """The spool of ``db`` (or its URL) in ``home``: one folder per database, so a changed URL
    never ships one database's receipts into another."""
    url = engine_url(db) if isinstance(db, str) else db.engine.url
    key = url.render_as_string(hide_password=True)
    return Path(home) / "receipt-spool" / sha256_hex(key.encode())[:16]


def encode(body: dict[str, Any], actor: str) -> bytes:
    """One spool line for a finished receipt."""
    data = canonical(body)
    return (
        b"\t".join((body["receipt"].encode(), orjson.dumps(actor), sha256_hex(data).encode(), data))
        + b"\n"
    )


@dataclass(frozen=True, slots=True)
class Entry:
    receipt: str
    actor: str
    body: dict[str, Any]


def decode(line: bytes) -> Entry:
    """A complete spool line (without its line feed); ValueError when it is damaged."""
    parts = line.split(b"\t", 3)
    if len(parts) != 4:
        raise ValueError("not a spool line")
    rid, actor, sha, data = parts
    if sha256_hex(data).encode() != sha:
        raise ValueError("body does not match its SHA-256")
    body = orjson.loads(data)
    if not isinstance(body, dict) or body.get("receipt") != rid.decode():
        raise ValueError("receipt id differs from the body's")
    return Entry(rid.decode(), str(orjson.loads(actor)), body)


def read_offset(segment: Path) -> int:
    try:
        return int((segment.parent / (segment.name + SHIPPED)).read_text() or 0)
    except FileNotFoundError:
        return 0


def write_offset(segment: Path, offset: int) -> None:
    """Record that ``segment`` is in the database up to ``offset`` (atomic replace)."""
    final = segment.parent / (segment.name + SHIPPED)
    tmp = final.with_suffix(".tmp")
    tmp.write_text(str(offset))
    os.replace(tmp, final)


def remove(segment: Path) -> None:
    for path in (segment, segment.parent / (segment.name + SHIPPED)):
        path.unlink(missing_ok=True)


class Segment:
    """This process's segment: opened for appending, locked until :meth:`close`."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{os.getpid()}-{uuid.uuid4().hex[:12]}{SUFFIX}"
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.size = 0
        self.synced = 0  # bytes known to be on the disk (fsync)
        self.broken = False

    def append(self, line: bytes) -> int:
        """Write ``line`` with one ``write()``; the segment's size after it."""
        written = os.write(self.fd, line)
        self.size += written
        if written != len(line):  # disk full: the tail is partial, a new segment follows
            self.broken = True
            raise OSError(f"short write to the receipt spool {self.path}")
        return self.size

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # drops the lock
            self.fd = -1


def _claim(segment: Path) -> int | None:
    """A descriptor holding ``segment``'s lock, or None while its process lives."""
    try:
        fd = os.open(segment, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@dataclass(slots=True)
class Shipped:
    """What :func:`ship_orphans` did."""

    segments: int = 0
    receipts: int = 0
    already: int = 0  # shipped before a crash, found stored
    rejected: list[str] = field(default_factory=list)  # what could not be shipped, and where


def _lines(raw: bytes, start: int) -> Iterator[tuple[int, bytes | None, bytes]]:
    """``(end offset, complete line or None, raw)`` from ``start``; None marks a partial tail."""
    pos = start
    while pos < len(raw):
        end = raw.find(b"\n", pos)
        if end < 0:
            yield len(raw), None, raw[pos:]
            return
        yield end + 1, raw[pos:end], raw[pos : end + 1]
        pos = end + 1


def stored_ids(db: Database, ids: list[str]) -> set[str]:
    """Which of ``ids`` are already receipts in ``db``."""
    if not ids:
        return set()
    query = text("SELECT id FROM receipts WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    with db.connect() as conn:
        return {row[0] for row in conn.execute(query, {"ids": ids})}


def ship_segment(db: Database, segment: Path, report: Shipped) -> None:
    """Ship an unlocked segment (its process gone) from its offset, then delete it."""
    raw = segment.read_bytes()
    offset = read_offset(segment)
    batch: list[tuple[int, Entry]] = []
    bad: list[tuple[str, bytes]] = []
    for end, line, chunk in _lines(raw, offset):
        if line is None:
            bad.append(("partial last line (no line feed)", chunk))
            continue
        try:
            batch.append((end, decode(line)))
        except ValueError as exc:
            bad.append((str(exc), chunk))
        if len(batch) >= SHIP_BATCH:
            _ship(db, segment, batch, report)
            batch = []
    _ship(db, segment, batch, report)
    if bad:
        report.rejected.append(reject(segment, bad))
    remove(segment)
    report.segments += 1


def _ship(db: Database, segment: Path, batch: list[tuple[int, Entry]], report: Shipped) -> None:
    if not batch:
        return
    have = stored_ids(db, [e.receipt for _, e in batch])
    todo = [(e.body, e.actor) for _, e in batch if e.receipt not in have]
    if todo:
        write_receipts(db, todo)
    write_offset(segment, batch[-1][0])
    report.receipts += len(todo)
    report.already += len(batch) - len(todo)


def reject(segment: Path, bad: list[tuple[str, bytes]]) -> str:
    """Keep the damaged lines of ``segment`` in ``rejected/``; the message that says so."""
    folder = segment.parent / REJECTED
    folder.mkdir(exist_ok=True)
    target = folder / segment.name
    with target.open("ab") as out:
        for why, chunk in bad:
            out.write(f"# {why}\n".encode() + chunk + (b"" if chunk.endswith(b"\n") else b"\n"))
    message = (
        f"{len(bad)} spooled receipt line(s) of {segment.name} could not be shipped "
        f"({'; '.join(sorted({why for why, _ in bad}))}): kept in {target}"
    )
    log.error("%s", message)
    return message


def ship_orphans(db: Database, directory: Path) -> Shipped:
    """Ship every segment whose process is gone (crashed, killed or stopped while the database
    was unreachable); a segment still locked by a live process is left to it."""
    report = Shipped()
    if not directory.is_dir():
        return report
    for segment in sorted(directory.glob(f"*{SUFFIX}")):
        fd = _claim(segment)
        if fd is None:
            continue
        try:
            if os.fstat(fd).st_nlink == 0:
                continue  # shipped and removed by another process meanwhile
            ship_segment(db, segment, report)
        finally:
            os.close(fd)
    return report


@dataclass(frozen=True, slots=True)
class SpoolStatus:
    live: int  # receipts in segments of running processes, not yet shipped
    orphaned: int  # in segments whose process is gone
    rejected: list[Path]

    def warnings(self) -> list[str]:
        out = []
        if self.live:
            out.append(f"{self.live} recorded receipt(s) are spooled by a running server and "
                       "not yet in the database (shipped while it is reachable)")  # fmt: skip
        if self.orphaned:
            out.append(f"{self.orphaned} spooled receipt(s) of a stopped server are not yet in "
                       "the database (shipped by the next server start, `db status` or `audit "
                       "verify`)")  # fmt: skip
        out += [f"damaged spool lines kept in {p} (not in the database)" for p in self.rejected]
        return out


def spool_status(directory: Path) -> SpoolStatus:
    """How many receipts wait in the spool (complete lines after each segment's offset)."""
    live = orphaned = 0
    if not directory.is_dir():
        return SpoolStatus(0, 0, [])
    for segment in directory.glob(f"*{SUFFIX}"):
        try:
            raw = segment.read_bytes()
        except FileNotFoundError:
            continue
        count = raw.count(b"\n", read_offset(segment))
        fd = _claim(segment)
        if fd is None:
            live += count
        else:
            os.close(fd)
            orphaned += count
    rejected = sorted((directory / REJECTED).glob("*")) if (directory / REJECTED).is_dir() else []
    return SpoolStatus(live, orphaned, rejected)


def find_spooled(directory: Path, receipt_id: str) -> dict[str, Any] | None:
    """A receipt still in the spool (any process's segment), or None."""
    if not directory.is_dir() or not receipt_id.isalnum():
        return None
    key = receipt_id.encode() + b"\t"
    for segment in directory.glob(f"*{SUFFIX}"):
        try:
            raw = segment.read_bytes()
        except FileNotFoundError:
            continue
        at = 0 if raw.startswith(key) else raw.find(b"\n" + key) + 1
        if at <= 0 and not raw.startswith(key):
            continue
        end = raw.find(b"\n", at)
        if end < 0:
            continue  # a partial line is not a receipt
        try:
            return decode(raw[at:end]).body
        except ValueError:
            continue
    return None


def settle(db: Database, home: Path) -> list[str]:
    """For ``audit verify`` and ``db status``: ship the spooled receipts of stopped servers,
    then what is still not in the database, as warnings (receipts of running servers,
    damaged lines kept aside)."""
    directory = spool_dir(home, db)
    if not directory.is_dir():
        return []
    done = ship_orphans(db, directory)
    shipped = (
        [f"shipped {done.receipts} spooled receipt(s) of a stopped server to the database"]
        if done.receipts
        else []
    )
    return shipped + spool_status(directory).warnings()
