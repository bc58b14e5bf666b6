"""``clearance monitor``: screen exactly what is new since the last run.

* first run, or a new algorithm version or threshold: the whole book against the snapshot
  (a full re-screen, said as such);
* a new snapshot: only the added and changed listed entities, against the customers they could
  be (reverse screening through :class:`~clearance.monitor.reverse.BookIndex`), each
  candidate screened forward so its score is exactly a full screening's; removed entities close
  their open alerts;
* new or changed customers (import ``seq`` above the last run's): against the whole snapshot.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, insert, select

from clearance.app import list_versions, load_screener
from clearance.audit.receipts import pin_snapshot, screening_context
from clearance.db import Database
from clearance.diff import MATCHING_FIELDS, diff_snapshots
from clearance.gcpause import frozen_for_fork
from clearance.matching.engine import Algorithm, Screener
from clearance.matching.query import ScreenOptions
from clearance.matching.result import Match
from clearance.monitor.alerts import (
    ALERTS,
    ClearedHook,
    NewAlert,
    PairStates,
    alert_dict,
    close_for_entities,
    entity_digest,
    goodguy_hook,
)
from clearance.monitor.book import Book
from clearance.monitor.casework import open_cases
from clearance.monitor.customer import BookCustomer
from clearance.monitor.reverse import BookIndex
from clearance.monitor.stretches import Stretches
from clearance.monitor.tables import MonitorRun

if TYPE_CHECKING:
    from clearance.monitor.spark import SparkBook
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore

RUNS = cast(Table, MonitorRun.__table__)
ALL_MATCHES = 1_000_000  # every alerting match of a customer, not the top 10
Progress = Callable[[str, int, int], None]  # step, done, total
Hit = tuple[str, str, Match]  # customer id, customer name, alerting match
ALGORITHM_LABEL = f"{Algorithm().name} {Algorithm().version}"


def screen_customer(
    screener: Screener, customer: BookCustomer, threshold: float,
    only: frozenset[str] | None = None,
) -> list[Match]:  # fmt: skip
    """The alerting matches of one customer (what a full screening raises for it; with
    ``only``, its matches with those entities)."""
    options = ScreenOptions(limit=ALL_MATCHES, threshold=threshold, explain=True, entities=only)
    result = screener.screen(customer.query(), options)
    return [m for m in result.matches if m.alert]


def full_screen(
    screener: Screener, customers: Iterable[BookCustomer], threshold: float, workers: int = 1
) -> dict[tuple[str, str], Match]:
    """Every alerting (customer id, entity id) pair of a book against one screener."""
    hits = _hits(screener, list(customers), threshold, None, workers)
    return {(customer_id, match.entity_id): match for customer_id, _, match in hits}


CHUNK = 2000  # customers per task of a worker process, at most ...
MIN_CHUNK = 100  # ... and at least


def chunk_size(count: int, workers: int) -> int:
    """Customers per task: small enough that every worker gets several (a few thousand new
    customers are not left to one worker's last big chunk), large enough to amortise a task."""
    return max(MIN_CHUNK, min(CHUNK, -(-count // (workers * 4))))


_WORKER: tuple[Screener, float, frozenset[str] | None] | None = None  # what a worker inherited
Placed = tuple[int, Hit]  # a hit and its customer's position in the list given to ``_hits``
Chunk = tuple[list[int], list[BookCustomer]]  # customers and their positions in the list


def _screen_chunk(chunk: Chunk) -> list[Placed]:
    assert _WORKER is not None
    return _screen_chunk_with(*_WORKER, chunk)


def locality_order(customers: Sequence[BookCustomer]) -> list[int]:
    """Positions of ``customers`` by country, then name: the customers a worker screens in a
    row share words, so the matcher's word-level memos (per process, bounded) are hit more
    often and two workers analyse fewer of the same words (see docs/monitoring.md, session
    h42, for what it saves)."""
    return sorted(range(len(customers)), key=lambda i: (customers[i].countries, customers[i].name))


def _hits(
    screener: Screener, customers: list[BookCustomer], threshold: float,
    progress: Progress | None, workers: int = 1, only: frozenset[str] | None = None,
) -> Iterator[Hit]:  # fmt: skip
    """Alerting hits of ``customers``, in their order; screened in :func:`locality_order`, in
    ``workers`` forked processes for large sets (each inherits the loaded screener, as the
    batch runner's workers do)."""
    global _WORKER
    order = locality_order(customers)
    size = chunk_size(len(customers), workers)
    chunks: list[Chunk] = [
        (part, [customers[i] for i in part])
        for part in (order[i : i + size] for i in range(0, len(order), size))
    ]
    if workers <= 1 or len(customers) <= CHUNK:  # cold workers cost more
        results: Iterable[tuple[int, list[Placed]]] = enumerate(
            _screen_chunk_with(screener, threshold, only, c) for c in chunks
        )
    else:  # each worker walks its own stretch of the locality order (see ``stretches``)
        _WORKER = (screener, threshold, only)
        results = Stretches(_screen_chunk, chunks, workers)
    found: list[Placed] = []
    # forked: the index stays shared with the workers (copy-on-write)
    with frozen_for_fork() if isinstance(results, Stretches) else nullcontext():
        try:
            done = 0
            for number, hits in results:
                found += hits
                done += len(chunks[number][0])
                if progress is not None:
                    progress("screening customers", done, len(customers))
        finally:
            _WORKER = None
    found.sort(key=lambda item: item[0])  # stable: a customer's hits keep their order
    return (hit for _pos, hit in found)


def _screen_chunk_with(
    screener: Screener, threshold: float, only: frozenset[str] | None,
    chunk: Chunk,
) -> list[Placed]:  # fmt: skip
    return [
        (pos, (c.id, c.name, m))
        for pos, c in zip(*chunk, strict=True)
        for m in screen_customer(screener, c, threshold, only)
    ]


@dataclass
class RunSummary:
    """What one monitoring run screened and raised."""

    run_id: int
    mode: str  # "full", "delta" or "idle"
    reason: str
    snapshot: str
    previous_snapshot: str | None
    entities_screened: int = 0
    candidates: int = 0
    customers_screened: int = 0
    closed: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    notes: str = ""  # what the run could not do like with like
    receipt: str | None = None  # the run's receipt in the audit chain
    cases: dict[tuple[str, str], int] = field(default_factory=dict)  # (customer, entity) -> case

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run_id,
            "mode": self.mode,
            "reason": self.reason,
            "snapshot": self.snapshot,
            "previous_snapshot": self.previous_snapshot,
            "entities_screened": self.entities_screened,
            "reverse_candidates": self.candidates,
            "customers_screened": self.customers_screened,
            "alerts_closed": self.closed,
            "receipt": self.receipt,
            "cases": len(set(self.cases.values())),
            "new_alerts": len(self.alerts),
            "alerts": self.alerts,
            "seconds": round(self.seconds, 3),
        }


def _cause_added(snapshot: Snapshot, data: dict[str, Any]) -> str:
    info = snapshot.list_info(data["list"])
    if data.get("listed_on"):
        return f"new designation {data['listed_on']}"
    version = (info.published or info.loaded_at) if info else "?"
    return f"new designation (first in {data['list']} version {version}; no listing date published)"


class Monitor:
    """Monitoring of one book (in ``db``) against the snapshots of ``settings.home``."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        *,
        cleared: ClearedHook | None = None,
        threshold: float | None = None,
        spark_book: SparkBook | None = None,
        workers: int = 1,
    ) -> None:
        self.settings = settings
        self.db = db
        self.book = Book(db)
        self.cleared = cleared
        self.threshold = settings.threshold if threshold is None else threshold
        self.spark_book = spark_book  # screen a Parquet book on Spark instead of the database
        self.workers = workers  # forked screening processes (1: in this process)

    def last_run(self) -> dict[str, Any] | None:
        with self.db.connect() as conn:
            row = conn.execute(
                select(RUNS).where(RUNS.c.finished_at.is_not(None)).order_by(RUNS.c.id.desc())
            ).first()
        return dict(row._mapping) if row is not None else None

    def run(
        self, snapshot: Snapshot, *, full: bool = False, progress: Progress | None = None
    ) -> RunSummary:
        """Screen what is new since the last run against ``snapshot`` (see the module doc)."""
        start = time.perf_counter()
        screener = load_screener(snapshot, self.settings.matching)
        algorithm = ALGORITHM_LABEL
        last = self.last_run()
        previous = last["snapshot"] if last else None
        reason = self._full_reason(last, algorithm, full)
        now = datetime.now(UTC)
        with self.db.connect(write=True) as conn:
            book_seq = _book_seq(conn)
            key = conn.execute(
                insert(RUNS).values(started_at=now, snapshot=snapshot.id, algorithm=algorithm,
                                    threshold=self.threshold, customer_seq=book_seq, summary={})
            ).inserted_primary_key  # fmt: skip
        summary = RunSummary(
            int(key[0]) if key else 0, "idle", "nothing new", snapshot.id, previous
        )
        with self.db.connect(write=True) as conn:
            cleared = self.cleared or goodguy_hook(self.db, snapshot)
            states = PairStates(conn, cleared)
            raised: list[NewAlert] = []
            if reason:
                summary.mode, summary.reason = "full", reason
                raised += self._screen_all(screener, snapshot, states, reason, summary, progress)
            else:
                last_seq = int(last["customer_seq"]) if last else 0
                if previous != snapshot.id:
                    summary.mode = "delta"
                    raised += self._delta(screener, snapshot, previous, last_seq, states,
                                          summary, now, conn, progress)  # fmt: skip
                new_customers = []
                if self.spark_book is None:  # a Parquet book has no change history
                    new_customers = list(self.book.iter_customers(above_seq=last_seq))
                if new_customers:
                    summary.mode = "delta"
                    raised += self._screen_customers(
                        screener, snapshot, [c for c, _ in new_customers], states,
                        "customer new or changed", summary, progress,
                    )  # fmt: skip
                if summary.mode == "delta":
                    summary.reason = _delta_reason(previous, snapshot.id, len(new_customers))
                    summary.reason += summary.notes
            rows = [a.row(summary.run_id, now) for a in raised]
            for begin in range(0, len(rows), 5000):
                conn.execute(insert(ALERTS), rows[begin : begin + 5000])
            if summary.mode != "idle":  # the run's receipt, and a case per new alert
                self._casework(conn, snapshot, screener, raised, summary)
            stored = conn.execute(
                select(ALERTS).where(ALERTS.c.run_id == summary.run_id).order_by(ALERTS.c.id)
            )
            summary.alerts = [
                {**alert_dict(r._mapping), "case": summary.cases.get((r.customer_id, r.entity_id))}
                for r in stored
            ]
            summary.seconds = time.perf_counter() - start
            conn.execute(
                RUNS.update()
                .where(RUNS.c.id == summary.run_id)
                .values(finished_at=datetime.now(UTC), summary=_brief(summary))
            )
        return summary

    def _casework(
        self, conn: Any, snapshot: Snapshot, screener: Screener, raised: list[NewAlert],
        summary: RunSummary,
    ) -> None:  # fmt: skip
        context = screening_context(snapshot, screener)
        summary.receipt, summary.cases = open_cases(
            conn, self.db, snapshot, context, raised, run_id=summary.run_id, mode=summary.mode,
            reason=summary.reason,
        )  # fmt: skip
        home = snapshot.path.parent.parent  # the store the snapshot lives in (may be shared)
        pin_snapshot(SnapshotStore(self.settings.model_copy(update={"home": home})), snapshot.id)

    def customer_index(self, progress: Progress | None = None) -> BookIndex:
        """The reverse index over the book's names, stored in the home and brought up to date
        with a shard for the customers written since (see :class:`BookIndex`)."""
        return BookIndex.refresh(
            self.book, Path(self.settings.home), workers=self.workers, progress=progress
        )

    def _full_reason(self, last: dict[str, Any] | None, algorithm: str, full: bool) -> str:
        if full:
            return "full re-screen requested"
        if last is None:
            return "first run: the whole book screened"
        if last["algorithm"] != algorithm:
            return f"full re-screen: algorithm changed ({last['algorithm']} -> {algorithm})"
        if abs(float(last["threshold"]) - self.threshold) > 1e-9:
            return f"full re-screen: threshold changed ({last['threshold']} -> {self.threshold})"
        return ""

    # -- the three kinds of screening --------------------------------------------------------
    def _screen_all(
        self, screener: Screener, snapshot: Snapshot, states: PairStates, cause: str,
        summary: RunSummary, progress: Progress | None,
    ) -> list[NewAlert]:  # fmt: skip
        if self.spark_book is not None:
            hits = self.spark_book.screen(snapshot, None, self.settings, self.threshold)
            summary.customers_screened = self.spark_book.rows
            return self._alerts(snapshot, hits, states, cause)
        customers = [c for c, _ in self.book.iter_customers()]
        return self._screen_customers(
            screener, snapshot, customers, states, cause, summary, progress
        )

    def _screen_customers(
        self, screener: Screener, snapshot: Snapshot, customers: list[BookCustomer],
        states: PairStates, cause: str, summary: RunSummary, progress: Progress | None,
        causes: dict[str, str] | None = None, only: frozenset[str] | None = None,
    ) -> list[NewAlert]:  # fmt: skip
        hits = _hits(screener, customers, self.threshold, progress, self.workers, only)
        alerts = self._alerts(snapshot, hits, states, cause, causes)
        summary.customers_screened += len(customers)
        return alerts

    def _alerts(
        self, snapshot: Snapshot, hits: Iterable[Hit], states: PairStates, cause: str,
        causes: dict[str, str] | None = None,
    ) -> list[NewAlert]:  # fmt: skip
        """Screening hits -> the new alerts among them (no pair raised twice)."""
        versions = list_versions(snapshot)
        digests: dict[str, str] = {}
        out: list[NewAlert] = []
        for customer_id, customer_name, match in hits:
            if match.entity_id not in digests:
                data = snapshot.entity_dict(match.entity_id) or {}
                digests[match.entity_id] = entity_digest(data) if data else ""
            digest = digests[match.entity_id]
            ok, note = states.should_raise(customer_id, match.entity_id, digest)
            if not ok:
                continue
            states.mark(customer_id, match.entity_id, digest)
            text = (causes or {}).get(match.entity_id, cause)
            out.append(
                NewAlert(
                    customer_id, customer_name, match.entity_id, match.list, match.name,
                    match.score, tuple(_reason(f) for f in match.features), snapshot.id,
                    versions.get(match.list), ALGORITHM_LABEL,
                    f"{text}; {note}" if note else text, digest,
                )
            )  # fmt: skip
        return out

    def _delta(
        self, screener: Screener, snapshot: Snapshot, previous: str | None, last_seq: int,
        states: PairStates, summary: RunSummary, now: datetime, conn: Any,
        progress: Progress | None,
    ) -> list[NewAlert]:  # fmt: skip
        old = Snapshot(snapshot.path.parent / previous) if previous else None
        if old is None or not old.path.is_dir():
            raise_missing = previous or "none"
            summary.reason = f"previous snapshot {raise_missing} is gone: full re-screen"
            return self._screen_all(screener, snapshot, states, summary.reason, summary, progress)
        ids = snapshot.diff(old)
        details = diff_snapshots(old, snapshot)
        causes: dict[str, str] = {}
        removed: list[str] = []
        for name, id_diff in ids.lists.items():
            removed += id_diff.removed
            detail = details.lists.get(name)
            partial = detail is not None and bool(detail.lacks)
            if detail is not None and partial:  # like with like: what both file sets carry
                summary.notes += f"; {'; '.join(detail.notes())}: {PARTIAL_NOTE}"
            else:  # every entry whose stored record changed is screened again
                causes.update(dict.fromkeys(id_diff.changed, "listing changed"))
            for change in detail.changed if detail is not None else ():
                relevant = [c for c in change.changes if c.field in _CAUSE_FIELDS]
                if relevant or (partial and change.matching_changed):
                    shown = relevant or [c for c in change.changes if c.field in MATCHING_FIELDS]
                    causes[change.id] = f"listing changed: {'; '.join(c.describe() for c in shown)}"
        for id_diff in ids.lists.values():
            for entity_id in id_diff.added:
                data = snapshot.entity_dict(entity_id)
                if data is not None:
                    causes[entity_id] = _cause_added(snapshot, data)
        summary.closed = close_for_entities(
            conn, removed, f"listing removed (snapshot {snapshot.id})", now
        )
        entities = [e for e in (snapshot.entity(i) for i in causes) if e is not None]
        summary.entities_screened = len(entities)
        if not entities:
            return []
        if self.spark_book is not None:
            hits = self.spark_book.screen(snapshot, entities, self.settings, self.threshold)
            summary.customers_screened = summary.candidates = self.spark_book.rows
            return self._alerts(snapshot, hits, states, "listing changed", causes)
        mini = Screener.build(entities, self.settings.matching, snapshot_id=snapshot.id,
                              lists=list_versions(snapshot))  # fmt: skip
        index = self.customer_index(progress)
        if progress is not None:
            progress("reverse screening", 0, len(entities))
        candidate_ids = index.candidates(mini.index, self.threshold, full=screener.index)
        if progress is not None:
            progress("reverse screening", len(entities), len(entities))
        # Customers new or changed since the last run are screened against the whole snapshot.
        found = self.book.iter_customers(ids=sorted(candidate_ids))
        candidates = sorted((c for c, seq in found if seq <= last_seq), key=lambda c: c.id)
        summary.candidates = len(candidates)
        # Each candidate is screened as a full re-screen screens it, and its matches with the
        # delta's entities kept: the delta's alerts are exactly the full re-screen's.
        return self._screen_customers(
            screener, snapshot, candidates, states, "listing changed", summary, progress, causes,
            only=frozenset(e.id for e in entities),
        )  # fmt: skip


PARTIAL_NOTE = (
    "entries were compared like with like, and those whose only differences lie in what the "
    "partial file set lacks were not screened again"
)
_CAUSE_FIELDS = frozenset(
    {"name", "aliases", "birth_dates", "nationalities", "citizenships", "identifiers", "schema"}
)


def _reason(feature: Any) -> dict[str, Any]:
    return {"name": feature.name, "score": round(feature.score, 4), "reason": feature.reason}


def _book_seq(conn: Any) -> int:
    from sqlalchemy import func

    from clearance.monitor.book import CUSTOMERS

    return int(conn.execute(select(func.max(CUSTOMERS.c.seq))).scalar() or 0)


def _delta_reason(previous: str | None, current: str, customers: int) -> str:
    parts = []
    if previous != current:
        parts.append(f"new snapshot {current} (after {previous})")
    if customers:
        parts.append(f"{customers:,} new or changed customers")
    return "; ".join(parts) or "nothing new"


def _brief(summary: RunSummary) -> dict[str, Any]:
    data = summary.to_dict()
    data.pop("alerts")
    return data


def iter_pairs(alerts: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    for alert in alerts:
        yield alert["customer_id"], alert["entity_id"]
