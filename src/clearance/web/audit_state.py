"""The audit chain's state for the case page: the head (rows, last hash) read on every page,
and the last verification of the whole chain (:func:`clearance.audit.log.verify`, the same as
``GET /audit/verify``) kept per database. A small chain is verified when first shown; a large
one when a user with the audit role asks (a whole-chain check reads every row)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from clearance.audit.chain import Head, Verdict
from clearance.audit.log import read_head, verify
from clearance.db import Database

AUTO_VERIFY_ROWS = 5_000


@dataclass(frozen=True, slots=True)
class ChainState:
    head: Head
    verdict: Verdict | None  # the last verification, None when not verified yet
    verified_at: str | None

    @property
    def rows_since(self) -> int:
        return self.head.count - self.verdict.rows if self.verdict else self.head.count


_lock = threading.Lock()
_last: dict[str, tuple[Verdict, str]] = {}


def chain_state(db: Database, verify_now: bool = False) -> ChainState:
    head = read_head(db)
    key = db.url
    with _lock:
        last = _last.get(key)
    if verify_now or (last is None and head.count <= AUTO_VERIFY_ROWS):
        verdict = verify(db)
        last = (verdict, datetime.now(UTC).isoformat(timespec="seconds"))
        with _lock:
            _last[key] = last
        head = read_head(db)
    return ChainState(head, last[0] if last else None, last[1] if last else None)
