"""What recording an alert costs the other recorders on PostgreSQL: how long the chain head is
held, and how long lone receipts wait meanwhile, while a busy thread holds the interpreter.

    .venv/bin/python benchmarks/alert_path.py [--alerts 60] [--busy-ms 0.6]

The API server records an alert in a worker thread (a transaction of several statements) while
its event loop screens other requests; every statement's answer then waits for the interpreter
lock (up to ``sys.getswitchinterval()``, 5 ms), and whatever the transaction holds is held that
long. This runs, on a PostgreSQL 15 started for it (fsync off): a thread that runs Python
without pause (``--busy-ms`` slices, as the matcher does), a thread recording ``--alerts``
alerts one after the other (:meth:`CaseService.record`, half opening a case, half joining one),
and a thread appending one receipt at a time on a connection of its own (the group-commit
writer's statement). Prints the alert transactions' time, the receipts' time (median, p90,
max: the head the alerts hold delays them) and how many receipts were appended meanwhile. An
A/B of two trees: ``PYTHONPATH=OTHER/src`` (the times move with the machine's load: pair runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg, tests.decisions (the toy screener)

from tests.api.factory import sdn_entities  # noqa: E402
from tests.decisions.conftest import SCREENER, Toy  # noqa: E402
from tests.pg import start_server  # noqa: E402

from clearance.audit.log import now_iso, verify  # noqa: E402
from clearance.audit.writer import write_receipts  # noqa: E402
from clearance.cases.service import CaseService  # noqa: E402
from clearance.db import Database  # noqa: E402


def busy(stop: threading.Event, slice_ms: float) -> None:
    """Pure Python work in slices, as the event loop screening requests."""
    while not stop.is_set():
        end = time.perf_counter() + slice_ms / 1e3
        n = 0
        while time.perf_counter() < end:
            n += sum(range(50))


def receipts(db: Database, stop: threading.Event, times: list[float]) -> None:
    """One receipt at a time, each its own statement (autocommit), as the API's writer."""
    n = 0
    while not stop.is_set():
        n += 1
        body = {"receipt": f"lone{n:028d}", "kind": "screen", "at": now_iso(), "run": None,
                "snapshot": "snap-1", "outcome": "no alert", "input_sha256": "5" * 64,
                "subject_key": "4" * 64, "candidates": []}  # fmt: skip
        start = time.perf_counter()
        write_receipts(db, [(body, "svc")])
        times.append(time.perf_counter() - start)


def quantiles(values: list[float]) -> str:
    ms = sorted(v * 1e3 for v in values)
    p90 = ms[int(len(ms) * 0.9)]
    return f"median {statistics.median(ms):.2f} ms, p90 {p90:.2f} ms, max {ms[-1]:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--alerts", type=int, default=60)
    parser.add_argument("--busy-ms", type=float, default=0.6)
    args = parser.parse_args()
    server = start_server()
    try:
        db = Database(server.new_database())
        db.upgrade()
        service = CaseService(db)
        toy = Toy(sdn_entities(), Path(tempfile.mkdtemp(prefix="clearance-alert-path-")))
        # two alerts per customer (by id): the first opens a case, the second joins it
        results = [toy.screen("Ashot Mkrtichev", id=f"cust-{i // 2}") for i in range(args.alerts)]
        assert all(r.alert for r in results)
        service.record(results[0], toy.context, SCREENER, entity=toy.entities.get)  # warm
        stop, lone, alerts = threading.Event(), [], []
        threads = [
            threading.Thread(target=busy, args=(stop, args.busy_ms)),
            threading.Thread(target=receipts, args=(db, stop, lone)),
        ]
        for t in threads:
            t.start()
        time.sleep(0.2)
        before = len(lone)
        for result in results:
            start = time.perf_counter()
            service.record(result, toy.context, SCREENER, entity=toy.entities.get)
            alerts.append(time.perf_counter() - start)
        during = lone[before:]
        stop.set()
        for t in threads:
            t.join()
        print(f"alert transactions ({len(alerts)}): {quantiles(alerts)}")
        print(f"lone receipts meanwhile ({len(during)}): {quantiles(during)}")
        print(f"chain verifies: {verify(db).ok}")
        db.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
