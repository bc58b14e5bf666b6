"""Where things live in the home directory, and the file-system primitives the store relies on.

::

    <home>/
      ACTIVE                      the id of the active snapshot (replaced atomically)
      .lock                       fcntl lock held while a snapshot is installed
      snapshots/
        <snapshot_id>/            e.g. 20260315T101530.123456Z-1a2b3c4d (sorts by time)
          manifest.json
          lists/<list>.jsonl          one entity_to_dict per line
          lists/<list>.issues.jsonl   the reader's parse issues
          lists/<list>.idx.json       {entity_id: [byte offset, length, content hash]}
          lists/<list>.edges.json     [[target_id, source_id, relationship], ...]
          lists/<list>.fields.json    {entity_id: one digest per compared field} (for diffs)
          <artifacts>                 written by builders (e.g. the matching index)
        .staging-XXXX/            a snapshot being built (removed on any error)
"""

from __future__ import annotations

import fcntl
import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clearance.errors import SnapshotError

ACTIVE_FILE = "ACTIVE"
LOCK_FILE = ".lock"
SNAPSHOTS_DIR = "snapshots"
STAGING_PREFIX = ".staging-"
MANIFEST_FILE = "manifest.json"
LISTS_DIR = "lists"
MANIFEST_VERSION = 1

_STAMP = "%Y%m%dT%H%M%S.%fZ"
_SNAPSHOT_ID = re.compile(r"\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{8}")
_LIST_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")


def entities_file(list_name: str) -> str:
    return f"{LISTS_DIR}/{list_name}.jsonl"


def issues_file(list_name: str) -> str:
    return f"{LISTS_DIR}/{list_name}.issues.jsonl"


def index_file(list_name: str) -> str:
    return f"{LISTS_DIR}/{list_name}.idx.json"


def edges_file(list_name: str) -> str:
    return f"{LISTS_DIR}/{list_name}.edges.json"


def fields_file(list_name: str) -> str:
    return f"{LISTS_DIR}/{list_name}.fields.json"


def list_files(list_name: str) -> tuple[str, ...]:
    """Every file the store writes for one list (carried over together)."""
    return (
        entities_file(list_name),
        issues_file(list_name),
        index_file(list_name),
        edges_file(list_name),
        fields_file(list_name),
    )


def check_list_name(name: str) -> str:
    """List names become file names: keep them to a safe alphabet."""
    if not _LIST_NAME.fullmatch(name):
        raise SnapshotError(
            f"invalid list name {name!r}: use lower-case letters, digits, '-' or '_'"
        )
    return name


def is_snapshot_id(text: str) -> bool:
    return bool(_SNAPSHOT_ID.fullmatch(text))


def new_snapshot_id(seed: bytes, after: str | None = None, now: datetime | None = None) -> str:
    """A sortable id: UTC time to the microsecond plus 8 hex digits of a content hash.

    ``after`` is the newest existing id; the new id always sorts after it even if the clock
    went backwards or two snapshots are made within the same microsecond.
    """
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    if after is not None and stamp <= after[: len(stamp)]:
        later = datetime.strptime(after[: len(stamp)], _STAMP) + timedelta(microseconds=1)
        stamp = later.strftime(_STAMP)
    digest = hashlib.sha256(seed + stamp.encode()).hexdigest()[:8]
    return f"{stamp}-{digest}"


@contextmanager
def file_lock(path: Path, timeout: float) -> Iterator[None]:
    """Hold an exclusive ``fcntl`` lock on ``path``; wait up to ``timeout`` seconds for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+")
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise SnapshotError(
                        f"another load or refresh is in progress (lock {path} is held); "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()
