"""Load benchmark of the screening API: ``clearance serve --workers 2`` driven by wrk.

Loads every list ``clearance load`` can read from the shared data folder into a temporary home,
starts the server as a real process on a free loopback port, and drives ``POST /screen`` (and
yente's ``POST /match/default``) with wrk at 32 connections for a bounded time, posting varied
names (listed names, spelling variants, unlisted names). Prints requests/s, p50/p99 latency and
error counts next to the in-process baseline (``Screener.screen`` in a loop) from the same run.

    .venv/bin/python benchmarks/api_load.py [--duration 20] [--connections 32] [--workers 2]

Honest figures: the result cache is off (``CLEARANCE_SCREEN_CACHE=0``) and every query body is
distinct, a third of them in Cyrillic, Arabic or Chinese script (``api_names.distinct_bodies``).
Targets on 2 workers: >= 1,000 req/s saturated, p99 <= 25 ms paced at 800 req/s, zero errors
in a ``--swap-seconds`` (60) paced run that starts with a server start (wrk begins as soon as
the port is bound, while the workers load) and includes a list swap (``clearance load``).
Saturated: each connection sends its next request as soon as the answer arrives (the
throughput ceiling). Paced (``--pace schedule``): each wrk thread keeps a schedule of send
times ``--rate`` per second in all (random spacing) and an answered connection sends at the
next one, so ``--rate`` requests/s are offered whatever the latency; ``--pace think`` (the
generator before 2026-12-04) paused each connection 0..2 x 32/``--rate`` s after each answer,
which offers 32 / (40 ms + mean latency), about 670/s, not 800 (``wrk_run.py``). Each run prints
the CPU per request of the server and of wrk (which shares the cores). The machine load is
printed: figures on a shared machine are lower bounds.
wrk comes from Debian (``apt-get install -y wrk``); the script installs it when missing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_names import distinct_bodies  # noqa: E402
from tests.api.server import Server, clearance_cli  # noqa: E402
from wrk_run import cpu_line, ensure_wrk, run_wrk  # noqa: E402

LISTS = [
    ("OFAC SDN 2023-12-28", "ofac/sdn_csv_2023-12-28"),
    ("OFAC consolidated 2025-12-19", "ofac/cons_csv_2025-12-19"),
    ("UN 2026-02-27", "un/2026-02-27/consolidated.xml"),
    ("UK OFSI 2025-04-10", "uk/ofsi_conlist_2025-04-10/ConList.xlsx"),
]


def load_lists(home: Path) -> list[str]:
    """Load each list into the home; lists this build cannot read yet are skipped (printed)."""
    loaded = []
    for label, rel in LISTS:
        path = DATA / rel
        try:
            clearance_cli(home, "load", str(path))
        except RuntimeError as exc:
            reason = str(exc).strip().splitlines()[-1]
            print(f"  skipped {label}: {reason}")
            continue
        loaded.append(label)
    if not loaded:
        raise SystemExit("error: no list could be loaded")
    return loaded


def list_names(home: Path) -> list[str]:
    from clearance.settings import Settings
    from clearance.snapshots import SnapshotStore

    snapshot = SnapshotStore(Settings.from_env(home=home)).require_active()
    return [f"{i.name} {i.published or ''}".strip() for i in snapshot.lists()]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


def baseline(home: Path, bodies: list[dict[str, Any]], seconds: float) -> dict[str, float]:
    """The in-process screening loop (one thread, result cache off): one cold pass over the
    same bodies, each screened once (until ``seconds`` run out), as the server sees them."""
    import clearance
    from clearance.matching.query import ScreenOptions, make_query
    from clearance.settings import Settings

    env = {**os.environ, "CLEARANCE_SCREEN_CACHE": "0"}
    screener = clearance.open(settings=Settings.from_env(env, home=home)).screener
    options = ScreenOptions(limit=10)
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    for body in bodies:
        if time.perf_counter() >= deadline:
            break
        start = time.perf_counter()
        screener.screen(make_query(body["name"], type=body.get("type")), options)
        times.append(time.perf_counter() - start)
    return {
        "qps": len(times) / sum(times),
        "p50_ms": percentile(times, 50) * 1000,
        "p99_ms": percentile(times, 99) * 1000,
        "mean_ms": statistics.fmean(times) * 1000,
        "count": float(len(times)),
    }


class Fresh:
    """Rotates the bodies so that each wrk run starts at the first body the server has not yet
    seen (its workers keep word-level memos even with the result cache off)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.cursor = 0

    def __call__(self, payloads: list[str]) -> list[str]:
        start = self.cursor % self.count
        return payloads[start:] + payloads[:start]

    def sent(self, result: dict[str, Any]) -> dict[str, Any]:
        # threads interleave but need not send equally many: leave a margin
        self.cursor += int(result["requests"] * 1.2) + 100
        return result


def swap_run(
    wrk: str,
    home: Path,
    key: str,
    payloads: list[str],
    args: argparse.Namespace,
    env: dict[str, str],
    tmp: Path,
) -> dict[str, Any]:
    """Paced wrk for ``--swap-seconds`` started as soon as a new server's port is bound (its
    workers still loading), with ``clearance load`` installing a new snapshot a third of the
    way through: every request must be answered."""
    import socket
    import threading

    server = Server(home, workers=args.workers, log=tmp / "server-swap.log", env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", server.port), timeout=0.2) as sock:
                    # a connection to a port nobody listens on yet can connect to itself (TCP
                    # simultaneous open, when the kernel picks that port as the source port)
                    if sock.getsockname() != sock.getpeername():
                        break
            except OSError:
                pass
            time.sleep(0.01)

        def swap() -> None:
            time.sleep(args.swap_seconds / 3)
            un = DATA / "un" / "2026-02-27" / "consolidated.xml"
            clearance_cli(home, "load", str(un), "--list", "un-swap")

        swapper = threading.Thread(target=swap)
        swapper.start()
        run_args = argparse.Namespace(**{**vars(args), "duration": args.swap_seconds})
        try:
            pace, pid = primary_pace(args), server.proc.pid
            result = run_wrk(
                wrk, server.url, "/screen", key, payloads, run_args, args.rate, pace, pid
            )
        except RuntimeError as exc:
            result = {"failed": str(exc)}
        result["seconds"] = args.swap_seconds
        swapper.join()
        if "failed" in result:
            log = (tmp / "server-swap.log").read_text(errors="replace").splitlines()
            raise SystemExit(
                "\n    ".join([result["failed"], "the server log's last lines:", *log[-25:]])
            )
        if result["errors"]:
            log = (tmp / "server-swap.log").read_text(errors="replace").splitlines()
            print(
                "  errors in the swap run; the server log's last lines:", *log[-15:], sep="\n    "
            )
        snapshot = httpx.get(f"{server.url}/readyz").json().get("snapshot")
        print(f"  swap: the server now answers from snapshot {snapshot}", flush=True)
        return result
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument(
        "--queries", type=int, default=60000, help="distinct query bodies (more than all runs send)"
    )
    parser.add_argument("--home", type=Path, help="use this loaded home instead of loading")
    parser.add_argument(
        "--rate", type=float, default=800, help="paced run: offered requests/s (0: skip)"
    )
    parser.add_argument(
        "--swap-seconds",
        type=int,
        default=60,
        help="paced run from a server start through a list swap (0: skip)",
    )
    parser.add_argument(
        "--pace",
        choices=["schedule", "think", "both"],
        default="schedule",
        help="how the paced runs pace wrk (see wrk_run.py): schedule offers --rate; think (the "
        "generator before 2026-12-04) offers less; both makes a paced run of each",
    )
    args = parser.parse_args()
    wrk = ensure_wrk()
    print(f"machine load average at start: {os.getloadavg()}", flush=True)

    with tempfile.TemporaryDirectory(prefix="clearance-bench-") as tmp:
        if args.home is not None:
            home = args.home
            loaded = [p.split(maxsplit=1)[0] for p in list_names(home)]
        else:
            home = Path(tmp) / "home"
            print(f"loading lists into {home}", flush=True)
            loaded = load_lists(home)
        from clearance.auth.keys import KeyStore, Role

        store = KeyStore(home)
        key = store.add(f"bench-{os.getpid()}", Role.SCREENER)
        bodies = distinct_bodies(home, args.queries, random.Random(20231228))
        print(f"lists: {', '.join(loaded)}; {len(bodies)} distinct queries", flush=True)

        print("in-process baseline (Screener.screen loop, 1 thread) ...", flush=True)
        base = baseline(home, bodies, seconds=min(10, args.duration))

        no_cache = {"CLEARANCE_SCREEN_CACHE": "0", "CLEARANCE_API_RELOAD_SECONDS": "0.5"}
        server = Server(home, workers=args.workers, log=Path(tmp) / "server.log", env=no_cache)
        try:
            server.wait_ready(timeout=120)
            screen_payloads = [json.dumps(b, ensure_ascii=True) for b in bodies]
            match_payloads = [
                json.dumps(
                    {
                        "queries": {
                            "q": {
                                "schema": "Person" if b.get("type") == "person" else "LegalEntity",
                                "properties": {"name": [b["name"]]},
                            }
                        }
                    },
                    ensure_ascii=True,
                )
                for b in bodies
            ]
            warm = argparse.Namespace(**{**vars(args), "duration": 3})
            fresh = Fresh(len(bodies))  # each run starts at the first body not yet sent
            pid = server.proc.pid

            def drive(path: str, payloads: list[str], rate: float = 0, pace: str = "") -> Any:
                run = run_wrk(wrk, server.url, path, key, fresh(payloads), args, rate, pace, pid)
                return fresh.sent(run)

            fresh.sent(run_wrk(wrk, server.url, "/screen", key, fresh(screen_payloads), warm))
            print(f"wrk POST /screen ({args.duration} s) ...", flush=True)
            screen = drive("/screen", screen_payloads)
            paced: dict[str, dict[str, Any]] = {}
            for pace in paces(args):
                print(f"wrk POST /screen paced at {args.rate:.0f} req/s ({pace}) ...", flush=True)
                paced[pace] = drive("/screen", screen_payloads, args.rate, pace)
            print(f"wrk POST /match/default ({args.duration} s) ...", flush=True)
            match = drive("/match/default", match_payloads)
            metrics = httpx.get(f"{server.url}/metrics").text
        finally:
            server.stop()
        try:
            swap = None
            if args.swap_seconds > 0:
                print(f"wrk POST /screen paced, {args.swap_seconds} s from a server start, with "
                      "a list swap ...", flush=True)  # fmt: skip
                swap = swap_run(wrk, home, key, screen_payloads, args, no_cache, Path(tmp))
        finally:
            store.revoke(f"bench-{os.getpid()}")

    counted = sum(
        float(v)
        for v in re.findall(
            r'clearance_http_requests_total\{method="POST",route="/screen",status="200"\} (\S+)',
            metrics,
        )
    )
    print()
    print(f"Lists: {', '.join(loaded)}")
    print(
        f"In-process baseline  Screener.screen: {base['qps']:8.0f} queries/s  "
        f"p50 {base['p50_ms']:6.2f} ms  p99 {base['p99_ms']:6.2f} ms  "
        f"(1 thread, result cache off, {base['count']:.0f} bodies each screened once, cold)"
    )
    runs = [("POST /screen saturated", screen)]
    runs += [(f"POST /screen paced ({pace})", res) for pace, res in paced.items()]
    runs.append(("POST /match/default", match))
    if swap is not None:
        runs.append((f"start + swap paced ({primary_pace(args)})", swap))
    for label, res in runs:
        print(
            f"HTTP {label:32}: {res['rps']:6.0f} req/s  mean {res['mean_us'] / 1000:6.2f} ms  "
            f"p50 {res['p50_us'] / 1000:6.2f} ms  p99 {res['p99_us'] / 1000:6.2f} ms  "
            f"errors {res['errors']} ({res['error_kinds']})  "
            f"({res['requests']} requests, {res.get('seconds', args.duration)} s; "
            f"each body sent x{res['requests'] / len(bodies):.1f}; CPU per request: "
            f"{cpu_line(res)})"
        )
    print(
        f"  ({args.connections} connections, {args.workers} workers, {len(bodies)} distinct "
        "bodies; the result cache is off; a body sent more than once still meets warm "
        "word-level memos in the worker: raise --queries to make every request new)"
    )
    per_request = screen["server_cpu"] / max(1, screen["requests"])
    wrk_per_request = screen["wrk_cpu"] / max(1, screen["requests"])
    cores = os.cpu_count() or 1
    print(
        f"CPU per /screen request (saturated): server {per_request * 1000:.2f} ms, wrk "
        f"{wrk_per_request * 1000:.3f} ms -> about "
        f"{cores / (per_request + wrk_per_request):.0f} req/s if the {cores} cores ran only "
        f"this benchmark (load average now {os.getloadavg()[0]:.1f})"
    )
    print(f"Server CPU split across its processes (saturated run): {screen['split']}")
    print(f"Server /metrics counted {counted:.0f} successful POST /screen (all workers).")
    target = paced.get(primary_pace(args))
    checks = [
        ("/screen >= 1000 req/s (saturated)", screen["rps"] >= 1000),
        (
            f"/screen p99 <= 25 ms (paced at {args.rate:.0f}/s, {primary_pace(args)})",
            target is not None and target["p99_us"] <= 25_000,
        ),
        ("zero errors (start and swap included)", all(res["errors"] == 0 for _, res in runs)),
    ]
    print("Targets: " + "; ".join(f"{name}: {'ok' if ok else 'MISSED'}" for name, ok in checks))


def paces(args: argparse.Namespace) -> list[str]:
    """The paced runs to make (none when ``--rate 0``)."""
    if args.rate <= 0:
        return []
    return ["think", "schedule"] if args.pace == "both" else [args.pace]


def primary_pace(args: argparse.Namespace) -> str:
    """The pacing of the swap run and of the paced target: ``schedule`` unless only ``think``."""
    return "think" if args.pace == "think" else "schedule"


if __name__ == "__main__":
    main()
