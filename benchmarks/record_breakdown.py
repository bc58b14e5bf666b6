"""Where a recorded screening's extra time goes on PostgreSQL, one request at a time.

    .venv/bin/python benchmarks/record_breakdown.py [--receipts 2000] [--gap-ms 1] [--fast-only]

For each cluster — the one ``decisions_bench.py`` and the tests run (fsync, full-page writes and
synchronous commit off) and one with PostgreSQL's defaults (as deployed: every commit waits for
its WAL flush) — prints the cluster's durability settings and, per operation, the median and
90th percentile wall time, the CPU of this process and of each PostgreSQL process (the
connection's backend, the WAL writer, the rest), for:

1. ``SELECT 1``, prepared, on a blocking libpq connection: the bare round trip (two wake-ups);
2. the one-row receipt statement (:data:`~clearance.audit.pg_params.ONE_SQL`, prepared, its
   parameters built beforehand) on the same kind of connection: the round trip plus what
   PostgreSQL does for the receipt (the statement and its commit);
3. a receipt through :class:`~clearance.audit.async_writer.AsyncReceiptWriter` on a uvloop
   event loop, as the server's ``/screen?record=true`` writes it for one client: plus building
   the parameters (canonical JSON, SHA-256) and the event loop's wake-up on the answer;

and the statement's executor time as PostgreSQL reports it (``EXPLAIN ANALYZE EXECUTE``).
Operations are ``--gap-ms`` apart (a request's own work between two receipts: caches are as
cold as in the server, where a tight loop would flatter every figure). The receipts are of
``decisions_bench.py``'s kind (a 1.3 kB body, no candidates; ``receipt_statements.py``'s).
What the server adds before the statement (the receipt's body) and after it (the answer) is not
here: ``decisions_bench.py`` gives the server's CPU per request with and without recording.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg: the PostgreSQL starter shared with the tests
sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg  # noqa: E402
import uvloop  # noqa: E402
from psycopg import pq, sql  # noqa: E402
from receipt_statements import BODY  # noqa: E402
from tests.pg import start_server  # noqa: E402

from clearance.audit import pg_params as w  # noqa: E402
from clearance.audit.async_writer import AsyncReceiptWriter  # noqa: E402
from clearance.audit.log import now_iso  # noqa: E402
from clearance.db import Database  # noqa: E402

SETTINGS = ("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "commit_delay")


def body() -> dict[str, Any]:
    return {**BODY, "receipt": uuid.uuid4().hex, "at": now_iso()}


def pg_cpu() -> dict[str, float]:
    """CPU seconds of every PostgreSQL process, by ``pid title`` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    found: dict[str, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, UnicodeDecodeError):
            continue
        if title.startswith("postgres"):
            found[f"{entry.name} {title}"] = (int(fields[11]) + int(fields[12])) / tick
    return found


def report(label: str, times: list[float], cpu: float, pg: dict[str, float], backend: int) -> None:
    n = len(times)
    times.sort()
    own = sum(t for k, t in pg.items() if k.split()[0] == str(backend))
    walw = sum(t for k, t in pg.items() if "walwriter" in k)
    rest = max(0.0, sum(pg.values()) - own - walw)
    print(f"  {label:34s} wall median {statistics.median(times) * 1e6:6.0f} us, "
          f"p90 {times[n * 9 // 10] * 1e6:6.0f} us | CPU per op: this process "
          f"{cpu / n * 1e6:5.0f} us, backend {own / n * 1e6:5.0f} us, WAL writer "
          f"{walw / n * 1e6:4.0f} us, other PostgreSQL {rest / n * 1e6:4.0f} us")  # fmt: skip


Timed = tuple[list[float], float, dict[str, float]]


def timed(count: int, gap: float, op: Callable[[], None]) -> Timed:
    """Run ``op`` ``count`` times, ``gap`` s apart: its wall times, this process's CPU
    seconds, and each PostgreSQL process's CPU seconds, over the ops and their gaps."""
    before, cpu, times = pg_cpu(), time.process_time(), []
    for _ in range(count):
        start = time.perf_counter()
        op()
        times.append(time.perf_counter() - start)
        time.sleep(gap)
    used = {k: t - before[k] for k, t in pg_cpu().items() if k in before}
    # this process's CPU includes waking from the gaps' sleeps (the same in every row); what
    # PostgreSQL does in the gaps (the WAL writer) is counted
    return times, time.process_time() - cpu, used


def blocking(url: str, count: int, gap: float) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        pgconn = conn.pgconn
        assert pgconn.prepare(b"one", b"SELECT 1").status == pq.ExecStatus.COMMAND_OK
        assert pgconn.prepare(w.ONE_NAME, w.ONE_SQL).status == pq.ExecStatus.COMMAND_OK
        params = [w.one_params(w.receipt_row(body(), "svc")) for _ in range(count + 50)]
        for p in params[:50]:
            pgconn.exec_prepared(w.ONE_NAME, p)
        backend = int(pgconn.backend_pid)
        bare = timed(count, gap, lambda: _ok(pgconn.exec_prepared(b"one", [])))
        report("SELECT 1 (round trip)", *bare, backend)
        rest = iter(params[50:])
        receipts = timed(count, gap, lambda: _ok(pgconn.exec_prepared(w.ONE_NAME, next(rest))))
        report("receipt statement (libpq)", *receipts, backend)
        explained = [_explain(conn) for _ in range(50)]
        print(f"  statement's executor time (EXPLAIN ANALYZE EXECUTE, median of 50): "
              f"{statistics.median(explained) * 1e3:.0f} us")  # fmt: skip


def _ok(res: pq.abc.PGresult) -> None:
    assert res.status == pq.ExecStatus.TUPLES_OK, res.error_message


def _explain(conn: psycopg.Connection[Any]) -> float:
    values = w.one_params(w.receipt_row(body(), "svc"))
    literals = sql.SQL(", ").join(sql.Literal(v if v is None else v.decode()) for v in values)
    query = sql.SQL("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE {}({})")
    rows = conn.execute(query.format(sql.Identifier(w.ONE_NAME.decode()), literals)).fetchone()
    assert rows is not None
    return float(rows[0][0]["Execution Time"])


def through_writer(url: str, count: int, gap: float) -> None:
    db = Database(url.replace("postgresql://", "postgresql+psycopg://"))
    writer = AsyncReceiptWriter(db)

    async def main() -> None:
        for _ in range(50):
            await writer.write(body(), "svc")
        assert writer._conn is not None
        backend = int(writer._conn.pgconn.backend_pid)
        bodies = [body() for _ in range(count)]
        before, cpu, times = pg_cpu(), time.process_time(), []
        for b in bodies:
            start = time.perf_counter()
            await writer.write(b, "svc")
            times.append(time.perf_counter() - start)
            time.sleep(gap)
        used = {k: t - before[k] for k, t in pg_cpu().items() if k in before}
        report("receipt via AsyncReceiptWriter", times, time.process_time() - cpu, used, backend)
        await writer.close()

    uvloop.run(main())
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--receipts", type=int, default=2000, help="operations per row")
    parser.add_argument("--gap-ms", type=float, default=1.0, help="pause between operations")
    parser.add_argument("--fast-only", action="store_true", help="only the tests' cluster")
    args = parser.parse_args()
    gap = args.gap_ms / 1000
    for durable in (False,) if args.fast_only else (False, True):
        server = start_server(durable=durable)
        try:
            url = server.new_database().replace("postgresql+psycopg://", "postgresql://")
            Database(url.replace("postgresql://", "postgresql+psycopg://")).upgrade()
            with psycopg.connect(url) as conn:
                shown = {k: conn.execute(f"SHOW {k}").fetchone() for k in SETTINGS}
            what = "defaults, as deployed" if durable else "the tests' and decisions_bench's"
            print(f"PostgreSQL 15, {what}: "
                  + ", ".join(f"{k}={v[0] if v else '?'}" for k, v in shown.items())
                  + f"  [load {os.getloadavg()[0]:.2f}, {os.cpu_count()} cores]")  # fmt: skip
            blocking(url, args.receipts, gap)
            through_writer(url, args.receipts, gap)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
