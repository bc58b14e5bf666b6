"""Where a recorded ``/screen`` spends its extra CPU with several clients, on PostgreSQL.

    .venv/bin/python benchmarks/record_clients.py [--clients 6] [--rounds 20]
        [--async-commit] [--unix] [--perf]

``decisions_bench.py``'s setting (``clearance serve``, one worker, the tests' PostgreSQL, or
``--async-commit``'s: fsync on, synchronous commit off; ``--clients`` threads of this process
posting one request after another), the modes alternating in rounds of 25 requests per client.
Prints, per request, with and without ``record=true``, and the difference:

* the CPU of the server's event loop thread and of its other threads (the alert path: a
  result with alerts opens its cases in a worker thread), of each PostgreSQL process by role
  (the receipt writer's backend; the other client backends: the alert path; the WAL writer;
  the rest), and of the clients (this process);
* the server's context switches (voluntary: it had nothing to run and slept; involuntary: it
  lost its core) and, with ``--perf``, its system calls (``perf stat``);
* receipts per transaction, the share of recorded requests that alerted, what the client
  backends waited for while the recorded rounds ran (``pg_stat_activity`` sampled every
  5 ms), the cluster's settings and the audit tables' indexes and vacuum counts.

The sum is what a CPU-bound run could reach (``decisions_bench.py`` at six clients on two
cores is close to CPU-bound: its ratio follows this one). ``--unix``: the server connects
through the cluster's socket folder instead of TCP on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg, tests.api.server
sys.path.insert(0, str(ROOT / "benchmarks"))

import psycopg  # noqa: E402
from decisions_bench import (  # noqa: E402
    FIRST,
    LAST,
    _positive,
    batch_sizes,
    last_seq,
    make_home,
    one_round,
    screen_user,
)

TICK = os.sysconf("SC_CLK_TCK")
# the server's system calls counted one by one with --perf (besides their total)
SYSCALLS = ("getpid", "epoll_wait", "epoll_pwait", "epoll_ctl", "sendto", "recvfrom", "read",
            "write", "writev", "poll", "futex", "getrandom", "ppoll")  # fmt: skip
SETTINGS = ("shared_buffers", "wal_buffers", "commit_delay", "commit_siblings", "fsync",
            "synchronous_commit", "full_page_writes", "wal_writer_delay", "autovacuum",
            "max_wal_size")  # fmt: skip
Usage = dict[str, float]
SAMPLERS: set[int] = set()  # the backend of WaitSampler's connection (not the server's)


def _stat(path: Path) -> tuple[float, int]:
    """CPU seconds and parent process of a ``/proc`` stat file."""
    fields = path.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK, int(fields[1])


def server_usage(pid: int) -> Usage:
    """The server's CPU seconds (event loop thread; the others, ended ones included) and
    context switches."""
    found: Usage = collections.defaultdict(float)
    loop = _stat(Path(f"/proc/{pid}/task/{pid}/stat"))[0]
    found["server: event loop"] = loop
    found["server: other threads"] = _stat(Path(f"/proc/{pid}/stat"))[0] - loop
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text().splitlines()
        except OSError:
            continue
        for line in status:
            if line.startswith(("voluntary_ctxt", "nonvoluntary_ctxt")):
                found["~server switches, " + line.split("_")[0]] += int(line.split()[1])
    return found


def pg_usage(postmaster: int, writers: set[int]) -> dict[int, tuple[str, float]]:
    """Every child of the postmaster: its role and CPU seconds."""
    found: dict[int, tuple[str, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cpu, parent = _stat(entry / "stat")
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
        if parent == postmaster:
            found[int(entry.name)] = (_role(int(entry.name), title, writers), cpu)
    return found


def _role(pid: int, title: str, writers: set[int]) -> str:
    if pid in writers:
        return "pg: receipt writer backend"
    if pid in SAMPLERS:
        return "~pg: this probe's sampler (ms)"
    for key in ("walwriter", "checkpointer", "background writer", "autovacuum"):
        if key in title:
            return f"pg: {key}"
    if "127.0.0.1" in title or "[local]" in title:
        return "pg: other client backends"
    return "pg: other processes"


def writer_backends(url: str) -> set[int]:
    """The backends whose last statement appended plain receipts (the event loop's writer)."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid, query FROM pg_stat_activity WHERE backend_type = 'client backend' "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
    return {int(pid) for pid, query in rows if "INSERT INTO audit_log" in (query or "")}


class WaitSampler:
    """What the client backends are doing, sampled every 5 ms while :attr:`on`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.on = False
        self.seen: collections.Counter[str] = collections.Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            SAMPLERS.add(conn.pgconn.backend_pid)
            while not self._stop.wait(0.005):
                if not self.on:
                    continue
                rows = conn.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                    "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
                ).fetchall()
                self.samples += 1
                for state, kind, event in rows:
                    if state != "idle":
                        self.seen[f"{state}: {kind or 'CPU'} {event or ''}".strip()] += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _measure(
    spid: int, postmaster: int, writers: set[int], perf: bool, run: Any
) -> tuple[Usage, float]:
    """Run ``run()``; what it cost each party (see :func:`server_usage`, :func:`pg_usage`)."""
    s0, p0 = server_usage(spid), pg_usage(postmaster, writers)
    counter = None
    if perf:
        events = ",".join(
            ["raw_syscalls:sys_enter", *(f"syscalls:sys_enter_{n}" for n in SYSCALLS)]
        )
        counter = subprocess.Popen(
            ["perf", "stat", "-x", ",", "-e", events, "-p", str(spid)],
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(0.05)
    c0 = time.process_time()
    run()
    used: Usage = collections.defaultdict(float)
    used["clients (this process)"] = time.process_time() - c0
    if counter is not None:
        counter.send_signal(signal.SIGINT)
        for line in counter.communicate()[1].splitlines():
            count, _, event = (line.split(",") + ["", ""])[:3]
            name = event.removeprefix("syscalls:sys_enter_")
            if count.strip().isdigit():
                label = "system calls" if event == "raw_syscalls:sys_enter" else f"  {name}"
                used[f"~server {label}"] = float(count)
    for k, v in server_usage(spid).items():
        used[k] += v - s0.get(k, 0.0)
    for pid, (name, v) in pg_usage(postmaster, writers).items():
        used[name] += v - (p0[pid][1] if pid in p0 else 0.0)
    return used, time.process_time() - c0


def report(cpu: dict[bool, Usage], count: dict[bool, int]) -> None:
    for k in sorted(set(cpu[False]) | set(cpu[True])):
        scale = 1.0 if k.startswith("~") and "(ms)" not in k else 1e3
        a, b = (cpu[r].get(k, 0.0) / count[r] * scale for r in (False, True))
        print(f"  {k.lstrip('~'):34s} {a:8.3f} {b:8.3f}  ({b - a:+.3f})")
    tot = {r: sum(v for k, v in cpu[r].items() if k[0] != "~") / count[r] for r in cpu}
    print(f"  {'total CPU (ms)':34s} {tot[False] * 1e3:8.3f} {tot[True] * 1e3:8.3f}  "
          f"-> {tot[False] / tot[True]:.0%} if CPU-bound")  # fmt: skip


def database_facts(url: str, first_seq: int, waits: WaitSampler) -> None:
    print(f"  receipts per transaction: {batch_sizes(url, first_seq)}")
    with psycopg.connect(url, autocommit=True) as conn:
        alerts = conn.execute("SELECT avg(alert::int) FROM receipts").fetchone()
        print(f"  recorded requests that alerted: {float(alerts[0] if alerts else 0):.1%}")
        shown = [f"{k}={conn.execute(f'SHOW {k}').fetchone()[0]}" for k in SETTINGS]  # type: ignore[index]
        print("  cluster: " + ", ".join(shown))
        for row in conn.execute(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_dead_tup, autovacuum_count, "
            "autoanalyze_count FROM pg_stat_user_tables WHERE relname IN "
            "('audit_log', 'receipts', 'audit_head', 'cases', 'case_receipts') ORDER BY relname"
        ):
            print("  table {}: inserted {}, updated {} ({} HOT), dead {}, autovacuum {}, "
                  "autoanalyze {}".format(*row))  # fmt: skip
        for name, definition in conn.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE tablename IN "
            "('audit_log', 'receipts', 'audit_head') ORDER BY tablename"
        ):
            print(f"  index on {name}: {definition.split(' USING ')[1]}")
    total = sum(waits.seen.values()) or 1
    print(f"  client backends not idle, {waits.samples} samples during the recorded rounds: "
          + ", ".join(f"{k} {v / total:.0%}" for k, v in waits.seen.most_common(8)))  # fmt: skip


def run(args: argparse.Namespace, server_url: str, key: str, url: str, postmaster: int) -> None:
    from tests.api.server import Server

    env = {"CLEARANCE_DATABASE_URL": server_url, "CLEARANCE_SCREEN_CACHE": "0"}
    server = Server(args.home, env=env, log=args.home.parent / "server.log")
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    waits = None
    try:
        server.wait_ready(timeout=180)
        rng = random.Random(11)
        one_round(server.url, key, [f"{rng.choice(FIRST)} Smith" for _ in range(60)], 4, True)
        writers = writer_backends(plain)
        waits = WaitSampler(plain)
        cpu: dict[bool, Usage] = {False: collections.defaultdict(float),
                                  True: collections.defaultdict(float)}  # fmt: skip
        count = {False: 0, True: 0}
        first_seq = last_seq(url)
        step = 25 * args.clients
        for i in range(args.rounds * 2):
            names = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
                     for _ in range(step)]  # fmt: skip
            for record in (False, True) if i % 2 else (True, False):
                waits.on = record
                used, _ = _measure(
                    server.proc.pid, postmaster, writers, args.perf,
                    lambda: one_round(server.url, key, names, args.clients, record),  # noqa: B023
                )  # fmt: skip
                waits.on = False
                for k, v in used.items():
                    cpu[record][k] += v
                count[record] += len(names)
        print(f"{args.clients} client(s), {count[True]:,} requests a mode, "
              f"{'Unix socket' if args.unix else 'TCP'}, load "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; per request, without / with "
              "record=true (ms of CPU; counts):")  # fmt: skip
        report(cpu, count)
        database_facts(plain, first_seq, waits)
    finally:
        if waits is not None:
            waits.stop()
        server.stop()


def main() -> None:
    from tests.pg import start_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=_positive, default=6)
    parser.add_argument("--rounds", type=_positive, default=20, help="rounds per mode")
    parser.add_argument("--async-commit", action="store_true", help="fsync on, commit async")
    parser.add_argument("--unix", action="store_true", help="the server connects by socket")
    parser.add_argument("--perf", action="store_true", help="count the server's system calls")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="clearance-record-clients-"))
    pg = start_server(async_commit=args.async_commit)
    try:
        args.home = make_home(work)
        url = pg.new_database()
        key = screen_user(url)
        server_url = url
        if args.unix:  # the cluster's socket folder (tests.pg starts it with -k ROOT)
            base, _, name = url.rpartition("/")
            server_url = (f"postgresql+psycopg://postgres@/{name}?host={pg.root}"
                          f"&port={base.rsplit(':', 1)[1]}")  # fmt: skip
        assert pg.data is not None
        postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
        run(args, server_url, key, url, postmaster)
    finally:
        pg.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
