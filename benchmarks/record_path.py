"""CPU of a recorded ``/screen`` in the server process, in process, beside the same unrecorded.

Builds the real app (``create_app``) over a loaded home and a PostgreSQL database (a cluster
started for the run, as the tests start theirs, or ``--url``), answers every body once to
memoise the matcher's results (so the matcher costs nothing in the timed passes), then sends
the same bodies through the ASGI app, plain and with ``record=true`` in alternating passes, one
request at a time: the receipt goes to the event loop's writer and its statement to the
database as in ``clearance serve``. Prints the CPU time per request of this process
(``time.process_time``, the database's not included) and the wall time per request, each
mode's median, and ``--profile N`` the top functions of a recorded pass (cProfile).
``--callgrind``: the timed passes run once each between ``callgrind_control -i on/off`` marks
(run the script under ``valgrind --tool=callgrind --instr-atstart=no``; the script toggles
instrumentation itself through ``callgrind_control`` and dumps each block: the dumps' totals
divided by ``--queries`` are the instructions per request of each mode).

    PYTHONPATH=src .venv/bin/python benchmarks/record_path.py --home HOME [--queries 1000]

The home must have a loaded snapshot (``clearance load``, or ``decisions_bench.make_home``).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg: the PostgreSQL starter shared with the tests
sys.path.insert(0, str(ROOT / "benchmarks"))

from api_path import _record_matcher, asgi_call  # noqa: E402
from decisions_bench import FIRST, LAST  # noqa: E402


async def _call(app: Any, key: str, payload: bytes, record: bool) -> bytes:
    status, body = await asgi_call(app, key, payload, record)
    if status != 200:
        raise SystemExit(f"error: status {status} for {payload!r}: {body!r}")
    return body


async def _pass(app: Any, key: str, payloads: list[bytes], record: bool) -> tuple[float, float]:
    """CPU and wall seconds per request of one pass over ``payloads``."""
    start, cpu = time.perf_counter(), time.process_time()
    for payload in payloads:
        await _call(app, key, payload, record)
    n = len(payloads)
    return (time.process_time() - cpu) / n, (time.perf_counter() - start) / n


def screen_user(url: str) -> str:
    """A screener user of this run in the database at ``url`` (schema upgraded); its key."""
    from clearance.auth.roles import UserRole
    from clearance.auth.users import UserStore
    from clearance.db import Database
    from clearance.db.engine import forget_databases

    forget_databases()
    db = Database(url)
    db.upgrade()
    users = UserStore(db)
    name = f"path{os.getpid()}"
    users.add(name, frozenset({UserRole.SCREENER}))
    key = users.new_key(name)
    db.dispose()
    return key


def _callgrind(on: bool) -> None:
    """Instrumentation on, or (at a block's end) a dump of the block's counts and off."""
    pid = str(os.getpid())
    for step in (["-z"], ["-i", "on"]) if on else (["-d"], ["-i", "off"]):
        subprocess.run(["callgrind_control", *step, pid], check=True, capture_output=True)


async def _run(args: argparse.Namespace, url: str) -> None:
    from clearance.api.app import create_app
    from clearance.gcpause import serving_worker
    from clearance.settings import Settings

    os.environ["CLEARANCE_SCREEN_CACHE"] = "0"
    os.environ["CLEARANCE_API_RELOAD_SECONDS"] = "0"  # no snapshot watcher between requests
    os.environ["CLEARANCE_DATABASE_URL"] = url
    settings = Settings.from_env(home=args.home)
    key = screen_user(url)
    rng = random.Random(7)
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
             for _ in range(args.queries)]  # fmt: skip
    payloads = [orjson.dumps({"name": n}) for n in names]
    serving_worker()
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        _record_matcher(app.state.service.clearance)
        await _pass(app, key, payloads, False)  # the matcher's answers, memoised
        await _pass(app, key, payloads[:50], True)  # the database opened, the snapshot pinned
        if args.callgrind:
            for i in range(args.blocks):
                record = i % 2 == 1
                gc.collect()
                gc.disable()  # no collection inside a block (they fall where they fall)
                _callgrind(True)
                await _pass(app, key, payloads, record)
                _callgrind(False)
                gc.enable()
                print(f"callgrind block: record={record}, {len(payloads)} requests", flush=True)
            os._exit(0)
        runs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
        for i in range(args.repeat):
            for record in (i % 2 == 1, i % 2 == 0):
                runs[record].append(await _pass(app, key, payloads, record))
        for record in (False, True):
            cpu = [c * 1e3 for c, _ in runs[record]]
            wall = [w * 1e3 for _, w in runs[record]]
            print(f"record={record!s:5}: CPU ms a request "
                  + ", ".join(f"{c:.3f}" for c in cpu)
                  + f" (median {statistics.median(cpu):.3f}); wall median "
                  f"{statistics.median(wall):.3f} ms")  # fmt: skip
        if args.profile:
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
            await _pass(app, key, payloads, True)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="a home with a loaded snapshot")
    parser.add_argument("--url", help="a PostgreSQL database (default: a cluster for the run)")
    parser.add_argument("--queries", type=int, default=1000, help="bodies a pass")
    parser.add_argument("--repeat", type=int, default=6, help="timed passes a mode")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions")
    parser.add_argument("--callgrind", action="store_true", help="instructions a request")
    parser.add_argument("--blocks", type=int, default=4, help="callgrind blocks (plain first)")
    args = parser.parse_args()
    print(f"machine load average at start: {os.getloadavg()}", flush=True)
    server = None
    url = args.url
    if url is None:
        from tests.pg import start_server

        server = start_server()
        url = server.new_database()
    try:
        import uvloop

        uvloop.run(_run(args, url))
    finally:
        if server is not None:
            server.stop()
    print(f"machine load average at end: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
