"""The hash chain (pure): canonical content, row hashes, and verification of a row stream.

Each row carries ``seq`` (1, 2, 3…), its kind, reference, actor and time, the SHA-256 of its
canonical JSON body, the previous row's hash and its own hash::

    row_hash = sha256(seq \\n kind \\n ref \\n actor \\n at \\n body_sha256 \\n prev_hash)

The first row links to ``GENESIS`` (64 zeros). Editing any field, deleting, inserting or
reordering rows breaks a link that :func:`verify_rows` reports as the first bad row. The head
(count + last hash), kept outside the database, proves that nothing before it was rewritten
wholesale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

GENESIS = "0" * 64


def canonical(data: Any) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTF-8 (the form that is hashed)."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def row_hash(
    seq: int, kind: str, ref: str, actor: str, at: str, body_sha256: str, prev_hash: str
) -> str:
    text = f"{seq}\n{kind}\n{ref}\n{actor}\n{at}\n{body_sha256}\n{prev_hash}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Head:
    """The chain head: how many rows, and the hash of the last one."""

    count: int
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "hash": self.hash}


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int
    what: str  # edited | deleted | inserted or reordered | truncated | rewritten
    detail: str

    def __str__(self) -> str:
        return f"row {self.seq}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    rows: int
    head: Head
    problem: Problem | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "rows": self.rows,
            "head": self.head.to_dict(),
            "problem": None
            if self.problem is None
            else {"seq": self.problem.seq, "what": self.problem.what, "detail": str(self.problem)},
        }


# A stored row as read back: (seq, kind, ref, actor, at, body, body_sha256, prev_hash, row_hash)
RowTuple = tuple[int, str, str, str, str, str | bytes, str, str, str]


def _problem(
    expected: int, prev: str, row: tuple[int, str, str, str, str, bytes, str, str], stored: str
) -> Problem | None:
    """What is wrong with ``row``, the ``expected``-th row after a row hashed ``prev``."""
    seq, kind, ref, actor, at, raw, body_sha, prev_hash = row
    if seq != expected:
        what = "deleted" if seq > expected else "inserted or reordered"
        return Problem(expected, what, f"expected row {expected} but found row {seq} ({what})")
    if prev_hash != prev:
        return Problem(
            seq,
            "inserted or reordered",
            "does not link to the row before it (a row was deleted, inserted or reordered)",
        )
    if sha256_hex(raw) != body_sha:
        return Problem(seq, "edited", "content was edited (body hash differs)")
    if row_hash(seq, kind, ref, actor, at, body_sha, prev_hash) != stored:
        return Problem(seq, "edited", "row was edited (row hash differs)")
    return None


def verify_rows(
    rows: Iterable[RowTuple], stored_head: Head | None = None, saved_head: Head | None = None
) -> Verdict:
    """Check every link of ``rows`` (ordered by seq). ``stored_head`` is the database's own
    head row (catches rows deleted at the end); ``saved_head`` one kept outside the database."""
    prev = GENESIS
    expected = 1
    saved_seen = saved_head is None or saved_head.count == 0
    saved_at = saved_head.count if saved_head is not None else -1
    sha256 = hashlib.sha256  # the loop runs a million times: locals, no calls but hashing
    for seq, kind, ref, actor, at, body, body_sha, prev_hash, stored in rows:
        raw = body.encode("utf-8") if isinstance(body, str) else body
        if (
            seq == expected
            and prev_hash == prev
            and sha256(raw).hexdigest() == body_sha
            and sha256(
                f"{seq}\n{kind}\n{ref}\n{actor}\n{at}\n{body_sha}\n{prev_hash}".encode()
            ).hexdigest()
            == stored
            and seq != saved_at
        ):
            prev = stored
            expected += 1
            continue
        problem = _problem(
            expected, prev, (seq, kind, ref, actor, at, raw, body_sha, prev_hash), stored
        )
        if problem is not None:
            return Verdict(False, expected - 1, Head(expected - 1, prev), problem)
        if saved_head is not None and seq == saved_head.count:
            if stored != saved_head.hash:
                bad = Problem(
                    seq,
                    "rewritten",
                    "differs from the saved head: the chain up to here was rewritten",
                )
                return Verdict(False, seq, Head(seq, stored), bad)
            saved_seen = True
        prev = stored
        expected += 1
    count = expected - 1
    head = Head(count, prev)
    if saved_head is not None and not saved_seen:
        bad = Problem(
            count + 1,
            "truncated",
            f"the saved head has {saved_head.count} rows but the log only {count}",
        )
        return Verdict(False, count, head, bad)
    if stored_head is not None and stored_head != head:
        if stored_head.count > count:
            bad = Problem(
                count + 1,
                "deleted",
                f"the head says {stored_head.count} rows but "
                f"only {count} remain (rows deleted at the end)",
            )
        else:
            bad = Problem(count, "edited", "the stored head does not match the last row")
        return Verdict(False, count, head, bad)
    return Verdict(True, count, head)
