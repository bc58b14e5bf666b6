"""The event loop's receipt writer with one connection vs two, in a model of the API server.

    .venv/bin/python benchmarks/writer_lanes.py [--clients 6] [--work-ms 0.6] [--requests 60]
        [--gap-ms 0.75] [--rounds 12]

One event loop (uvloop when installed, as ``clearance serve``), ``--clients`` tasks each doing
``--work-ms`` of CPU on the loop (the matching of a request, which runs on the server's loop)
(after a random 0 to 2 × ``--gap-ms`` wait: the client's side of the request), and then
either nothing (no recording) or ``await writer.write(receipt)``, one request after
the other: the stall that recording adds when the loop has nothing to run while receipts wait
for their commit. Three modes in turn, round by round (so a change in the machine's load hits
all of them): no recording, the writer with one connection, with two (``LANES``). Prints the
median throughput of each and the ratios, the writer's statements, receipts each, and the time
from sending a statement to its result; with the load average. PostgreSQL 15 is started for
the run as the tests do (``tests/pg.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg

from clearance.audit.async_writer import AsyncReceiptWriter  # noqa: E402
from clearance.db import Database  # noqa: E402


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def body(i: int) -> dict[str, Any]:
    return {"receipt": uuid.uuid4().hex, "kind": "screen", "at": "2026-01-01T00:00:00+00:00",
            "snapshot": "snap", "outcome": "no alert", "input_sha256": "0" * 64,
            "subject_key": "k" * 64, "run": None, "input": {"name": f"Jane Citizen {i}"},
            "candidates": []}  # fmt: skip


def busy(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


async def one_round(
    writer: AsyncReceiptWriter | None, clients: int, requests: int, work: float, gap: float
) -> float:
    """Requests a second."""

    async def client(c: int) -> None:
        rng = random.Random(c)
        for i in range(requests):
            await asyncio.sleep(rng.uniform(0.0, 2 * gap))  # the client's side of a request
            busy(work)
            if writer is None:
                await asyncio.sleep(0)
            else:
                await writer.write(body(c * requests + i), "svc")

    start = time.perf_counter()
    await asyncio.gather(*(client(c) for c in range(clients)))
    return clients * requests / (time.perf_counter() - start)


async def run(url: str, args: argparse.Namespace) -> None:
    db = Database(url)
    db.upgrade()
    writers = {1: AsyncReceiptWriter(db, lanes=1), 2: AsyncReceiptWriter(db, lanes=2)}
    modes: list[int] = [0, 1, 2]  # 0: no recording; else the writer's connections
    rates: dict[int, list[float]] = {m: [] for m in modes}
    for m in (1, 2):  # connect, warm
        await one_round(writers[m], args.clients, 10, args.work_ms / 1e3, args.gap_ms / 1e3)
    stats = {m: (w.batches, w.written, w.flight_seconds) for m, w in writers.items()}
    for r in range(args.rounds):
        for m in modes[r % 3 :] + modes[: r % 3]:
            work, gap = args.work_ms / 1e3, args.gap_ms / 1e3
            rates[m].append(await one_round(writers.get(m), args.clients, args.requests, work, gap))
    plain = statistics.median(rates[0])
    print(f"{args.clients} clients, {args.work_ms} ms of work a request, {args.rounds} rounds "
          f"of {args.clients * args.requests} requests a mode  [{load()}]")  # fmt: skip
    print(f"  no recording: {plain:,.0f} req/s")
    for m, w in writers.items():
        batches, written, flight = (a - b for a, b in zip(
            (w.batches, w.written, w.flight_seconds), stats[m], strict=True))  # fmt: skip
        ratios = [x / y for x, y in zip(rates[m], rates[0], strict=True)]
        print(f"  {m} connection(s): {statistics.median(rates[m]):,.0f} req/s -> "
              f"{statistics.median(ratios):.0%} (median of the rounds' ratios); "
              f"{batches:,} statements, {written / batches:.2f} receipts each, sent -> result "
              f"{flight / batches * 1e3:.2f} ms")  # fmt: skip
        await w.close()
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--work-ms", type=float, default=0.6)
    parser.add_argument(
        "--gap-ms", type=float, default=0.75, help="mean wait between a client's requests"
    )
    parser.add_argument("--requests", type=int, default=60, help="per client and round")
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()
    from tests.pg import start_server

    server = start_server()
    try:
        try:
            import uvloop
        except ImportError:
            asyncio.run(run(server.new_database(), args))
        else:
            uvloop.run(run(server.new_database(), args))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
