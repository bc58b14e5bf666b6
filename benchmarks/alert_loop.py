"""What recording an alert costs the API server's process on PostgreSQL: in a worker thread
(``CaseService.record`` through Starlette's thread pool, as before h110) or on the event loop
(``AsyncAlertRecorder``), while the loop screens other requests.

    .venv/bin/python benchmarks/alert_loop.py [--alerts 200] [--busy-ms 0.4] [--rounds 3]

On a PostgreSQL 15 started for it (fsync off): ``--tasks`` tasks on one event loop run pure
Python in ``--busy-ms`` slices and yield (the requests the loop screens), while one task records
``--alerts`` alerting screenings one after the other (two per customer: the first opens a case,
the second joins it), in turns of the two modes (thread, loop, loop, thread per round). Prints
per alert: the process's CPU beyond the busy slices (``time.process_time`` less the slices' at
the rate of a quiet spell of the loop just before, scheduling included), its voluntary and
involuntary context switches, and the wall time of a recording. Other work on the machine
moves the wall times; the CPU and switches a lot less.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg, tests.decisions (the toy screener)

from starlette.concurrency import run_in_threadpool  # noqa: E402
from tests.api.factory import sdn_entities  # noqa: E402
from tests.decisions.conftest import SCREENER, Toy  # noqa: E402
from tests.pg import start_server  # noqa: E402

from clearance.audit.log import verify  # noqa: E402
from clearance.cases.async_record import AsyncAlertRecorder  # noqa: E402
from clearance.cases.service import CaseService  # noqa: E402
from clearance.db import Database  # noqa: E402


async def busy(stop: asyncio.Event, slice_ms: float, done: list[float]) -> None:
    """Pure Python in slices, yielding between them (a request screened, then the next)."""
    while not stop.is_set():
        end = time.thread_time() + slice_ms / 1e3  # CPU, not wall time: the machine is shared
        n = 0
        while time.thread_time() < end:
            n += sum(range(50))
        done.append(slice_ms)
        await asyncio.sleep(0)


async def one_round(
    mode: str, service: CaseService, toy: Toy, results: list[Any], args: argparse.Namespace
) -> dict[str, float]:
    recorder = AsyncAlertRecorder(service.db)
    entity = toy.entities.get
    if mode == "loop":  # its connection made before the measured part
        await recorder.record(results[0], toy.context, SCREENER.name, entity)
    stop, slices = asyncio.Event(), []
    tasks = [asyncio.ensure_future(busy(stop, args.busy_ms, slices)) for _ in range(args.tasks)]
    await asyncio.sleep(0.05)
    # the loop alone: the process's CPU per slice, scheduling and all (charged to the slices)
    cpu0, first = time.process_time(), len(slices)
    await asyncio.sleep(0.3)
    per_slice = (time.process_time() - cpu0) / max(1, len(slices) - first)
    walls = []
    usage0, cpu0, first = resource.getrusage(resource.RUSAGE_SELF), time.process_time(), len(slices)
    for result in results[1:]:
        start = time.perf_counter()
        if mode == "loop":
            await recorder.record(result, toy.context, SCREENER.name, entity)
        else:
            await run_in_threadpool(
                service.record, result, toy.context, SCREENER, entity=entity, source="api"
            )
        walls.append(time.perf_counter() - start)
    cpu, usage = time.process_time() - cpu0, resource.getrusage(resource.RUSAGE_SELF)
    busy_cpu = (len(slices) - first) * per_slice
    stop.set()
    await asyncio.gather(*tasks)
    await recorder.close()
    n = len(results) - 1
    return {
        "cpu_ms": (cpu - busy_cpu) / n * 1e3,
        "vcsw": (usage.ru_nvcsw - usage0.ru_nvcsw) / n,
        "ivcsw": (usage.ru_nivcsw - usage0.ru_nivcsw) / n,
        "wall_ms": statistics.median(walls) * 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--alerts", type=int, default=200)
    parser.add_argument("--busy-ms", type=float, default=0.4)
    parser.add_argument("--tasks", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server = start_server()
    try:
        db = Database(server.new_database())
        db.upgrade()
        service = CaseService(db)
        toy = Toy(sdn_entities(), Path(tempfile.mkdtemp(prefix="clearance-alert-loop-")))
        service.record(toy.screen("Vladimir Putin"), toy.context, SCREENER, entity=toy.entities.get)
        for r in range(args.rounds):
            for mode in ("thread", "loop", "loop", "thread"):
                results = [
                    toy.screen("Ashot Mkrtichev", id=f"{mode}-{r}-{i // 2}")
                    for i in range(args.alerts + 1)
                ]
                got = asyncio.run(one_round(mode, service, toy, results, args))
                print(
                    f"round {r} {mode:6}: {got['cpu_ms']:.3f} ms CPU an alert beyond the busy "
                    f"tasks, {got['vcsw']:.2f} voluntary / {got['ivcsw']:.2f} involuntary "
                    f"switches, median {got['wall_ms']:.2f} ms a recording",
                    flush=True,
                )
        print(f"chain verifies: {verify(db).ok}")
        db.dispose()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
