"""Decisions benchmark: what recording costs, how fast the chain verifies, how fast cases list.

    .venv/bin/python benchmarks/decisions_bench.py [--rows 1000000] [--cases 100000] [--screens 400]
        [--clients 6 | --sweep 1,6,12,24] [--repeats 3] [--screen-only] [--no-pg | --no-sqlite]
        [--spool] [--client-threads]

Prints, each beside its baseline from the same run, and the machine load (os.getloadavg):

1. ``POST /screen`` throughput with ``record=true`` vs without (target >= 70 %) against
   ``clearance serve`` (a real process, one worker) over OFAC SDN 2023-12-28, on SQLite and on
   a PostgreSQL 15 started for the run (initdb into a temporary folder, as the tests do); from
   one client and from ``--clients`` concurrent clients, ``--repeats`` runs each (every run
   printed with the load, then the median); the modes alternate in rounds of 25 requests per
   client, with the CPU per request of the server and the database server (what the machine's
   load changes least), and of the clients: each a process of its own (``client_procs.py``,
   ``httpx``), never the server's, but on the same cores, about as much CPU per request as the
   server's (``--client-threads``: threads of this process, one interpreter lock between them). On
   PostgreSQL, how many receipts each transaction appended, per setting. Checks at the end
   that one receipt was stored per recorded request answered.
2. ``audit verify`` over ``--rows`` rows (target 1,000,000 in ≤ 30 s), beside a bare SHA-256
   pass over the same bytes (the floor).
3. Case list over ``--cases`` cases, filtered by state + assignee and by entity (target
   ≤ 100 ms), beside an unfiltered first page.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.pg (the PostgreSQL starter shared with the tests)
sys.path.insert(0, str(ROOT / "benchmarks"))  # wrk_run.tree_cpu

import httpx  # noqa: E402
from client_procs import ClientProcesses, post_share  # noqa: E402
from record_report import print_writer, report, writer_counters  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from clearance.audit.chain import GENESIS, canonical, row_hash, sha256_hex  # noqa: E402
from clearance.audit.log import verify  # noqa: E402
from clearance.audit.tables import AuditHeadRow, AuditRow  # noqa: E402
from clearance.auth.roles import Actor, UserRole  # noqa: E402
from clearance.auth.users import UserStore  # noqa: E402
from clearance.cases.service import CaseService  # noqa: E402
from clearance.cases.tables import CaseRow  # noqa: E402
from clearance.db import Database  # noqa: E402
from clearance.db.engine import forget_databases  # noqa: E402
from clearance.matching.artifact import index_builder  # noqa: E402
from clearance.settings import Settings  # noqa: E402
from clearance.snapshots import SnapshotStore  # noqa: E402
from clearance.sources import read_path  # noqa: E402

DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))
# fmt: off
FIRST = ["John", "Maria", "Ahmed", "Olga", "Wei", "Carlos", "Fatima", "Ivan", "Aisha", "Peter",
         "Elena", "Omar", "Sergei", "Ana", "Hassan", "Li", "Juan", "Yusuf", "Nadia", "Viktor"]
LAST = ["Smith", "Garcia", "Hassan", "Petrova", "Zhang", "Lopez", "Rahman", "Ivanov", "Khan",
        "Muller", "Novak", "Ali", "Popov", "Silva", "Haddad", "Chen", "Perez", "Aziz",
        "Kuznetsov",
        "Volkov"]
# fmt: on


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def make_home(work: Path) -> Path:
    home = work / "home"
    parsed = read_path(DATA / "ofac" / "sdn_csv_2023-12-28")
    SnapshotStore(Settings(home=home)).install([parsed], builders=[index_builder])
    return home


def screen_user(url: str) -> str:
    """A screener user in the database at ``url`` (created, schema upgraded); its API key."""
    forget_databases()
    db = Database(url)
    db.upgrade()
    users = UserStore(db)
    users.add("svc", frozenset({UserRole.SCREENER}))
    key = users.new_key("svc")
    db.dispose()
    return key


def one_round(
    base: str,
    key: str,
    names: list[str],
    clients: int,
    record: bool,
    latencies: list[float] | None = None,
) -> tuple[float, float]:
    """``clients`` threads, each with its own connection, post its share of ``names`` one
    request after the other; the wall time of the round and the CPU this process (the
    clients) spent in it. ``latencies``: each request's seconds are added to it."""
    shares = [names[i::clients] for i in range(clients)]
    barrier = threading.Barrier(clients + 1)

    def client(share: list[str]) -> None:
        with httpx.Client(
            base_url=base, timeout=60, headers={"Authorization": f"Bearer {key}"}
        ) as c:
            barrier.wait()
            took, error = post_share(c, share, record)
            assert not error, error
            if latencies is not None:
                latencies.extend(took)  # list.extend holds the interpreter lock

    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    for t in threads:
        t.start()
    barrier.wait()
    start, cpu = time.perf_counter(), time.process_time()
    for t in threads:
        t.join()
    return time.perf_counter() - start, time.process_time() - cpu


def wait_shipped(spool: Path) -> float:
    """With the receipt spool: wait until the server has shipped everything it spooled (each
    segment's shipped offset, written after the commit, at its end), so the CPU that shipping
    costs (server and database) is counted in the recorded round and nothing is added to it;
    the seconds waited (not counted in the round's time)."""
    from clearance.audit.spool_file import SUFFIX, read_offset

    start = time.perf_counter()
    while any(read_offset(p) < p.stat().st_size for p in spool.glob(f"*{SUFFIX}")):
        time.sleep(0.01)
    return time.perf_counter() - start


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """CPU seconds of these processes and each of their descendants (the server, the
    database), by process id."""
    from wrk_run import tree_cpu

    return {pid: t for root in pids for pid, t in tree_cpu(root).items()}


def cpu_used(
    before: dict[int, float], after: dict[int, float], only: set[int] | None = None
) -> float:
    """CPU seconds used between two :func:`cpu_seconds` readings by the processes alive at
    the second (one that ended in between is left out rather than counted negative); ``only``:
    these processes alone."""
    return sum(t - before.get(pid, 0.0) for pid, t in after.items() if only is None or pid in only)


def last_seq(url: str) -> int:
    """The audit log's last row number (0 when empty)."""
    db = Database(url)
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM audit_log").scalar()
    db.dispose()
    return int(found or 0)


def batch_sizes(url: str, after: int = 0) -> str:
    """PostgreSQL: how many receipts each transaction appended (rows sharing ``xmin``) after
    row ``after``, as transactions, mean and largest — whether group commit forms batches."""
    db = Database(url)
    with db.engine.connect() as conn:
        sizes = [
            int(n)
            for (n,) in conn.exec_driver_sql(
                "SELECT count(*) FROM audit_log WHERE kind = 'receipt' AND seq > %(after)s "
                "GROUP BY xmin::text",
                {"after": after},
            )
        ]
    db.dispose()
    ones = sum(1 for n in sizes if n == 1)
    return (f"{len(sizes):,} transactions for {sum(sizes):,} receipts: mean "
            f"{sum(sizes) / max(len(sizes), 1):.2f}, largest {max(sizes, default=0)}, "
            f"{ones:,} of one")  # fmt: skip


def screen_throughput(
    home: Path, url: str, args: argparse.Namespace, db_pid: int | None = None
) -> None:
    """``POST /screen`` with and without ``record=true`` against ``clearance serve`` (one
    worker, a real process), sequential and concurrent clients, ``--repeats`` runs each:
    prints every run and the medians, and the CPU per request of the server and the database
    server (``db_pid``), which the machine's load does not change much."""
    from tests.api.server import Server

    key = screen_user(url)
    env = {"CLEARANCE_DATABASE_URL": url, "CLEARANCE_SCREEN_CACHE": "0"}
    if args.spool:
        env["CLEARANCE_RECORD_SPOOL"] = "true"
    watcher = None
    if args.spool:
        from clearance.audit.spool_file import spool_dir

        watcher = spool_dir(home, url)
    waited = 0.0
    server = Server(home, env=env, log=home.parent / f"server-{os.getpid()}-{id(url)}.log")
    rng = random.Random(7)
    sent = 0
    try:
        server.wait_ready(timeout=180)
        warm = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(40)]
        one_round(server.url, key, warm, 4, True)
        sent += len(warm)
        pids = [server.proc.pid] + ([db_pid] if db_pid else [])
        for clients in args.sweep or (1, args.clients):
            rig = ClientProcesses(server.url, key, clients) if args.client_processes else None
            ratios, rates = [], {False: [], True: []}
            cpu = {False: 0.0, True: 0.0}
            own = {False: 0.0, True: 0.0}  # the server process (and its children) alone
            mine = {False: 0.0, True: 0.0}  # the clients (their processes, or this one's threads)
            wall = {False: 0.0, True: 0.0}  # the rounds' wall time
            latency: dict[bool, list[float]] = {False: [], True: []}  # each request's
            served = set(cpu_seconds([server.proc.pid]))
            first_seq = last_seq(url) if db_pid else 0
            counted = writer_counters(server.url)
            for rep in range(1, args.repeats + 1):
                names = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
                         for _ in range(args.screens)]  # fmt: skip
                spent = {False: 0.0, True: 0.0}
                # the modes alternate in rounds, so a change in the machine's load hits both;
                # each round screens the same names both ways, the first mode alternating (the
                # matcher's memos make the second pass over the same names the cheaper one)
                step = 25 * clients
                for i in range(0, len(names), step):
                    first = (i // step) % 2 == 1
                    for record in (first, not first):
                        before = cpu_seconds(pids)
                        share = names[i : i + step]
                        took, by_clients = (
                            rig.round(share, record, latency[record]) if rig is not None
                            else one_round(server.url, key, share, clients, record,
                                           latency[record])
                        )  # fmt: skip
                        spent[record] += took
                        wall[record] += took
                        mine[record] += by_clients
                        if watcher is not None and record:
                            waited += wait_shipped(watcher)
                        after = cpu_seconds(pids)
                        cpu[record] += cpu_used(before, after)
                        own[record] += cpu_used(before, after, served)
                sent += len(names)
                plain, recorded = len(names) / spent[False], len(names) / spent[True]
                rates[False].append(plain)
                rates[True].append(recorded)
                ratios.append(recorded / plain)
                print(f"  {clients} client(s), run {rep}: {plain:,.0f} req/s without record, "
                      f"{recorded:,.0f} with record=true -> {recorded / plain:.0%}"
                      f"   [{load()}]")  # fmt: skip
            if rig is not None:
                rig.close()
            n = args.screens * args.repeats
            report(clients, args.repeats, n, rates, ratios, cpu, own if db_pid else None,
                   mine, wall, latency, processes=rig is not None)  # fmt: skip
            if db_pid:
                print(f"    receipts per transaction: {batch_sizes(url, first_seq)}")
                print_writer(counted, writer_counters(server.url))
    finally:
        server.stop()
    if args.spool:
        print(f"  receipt spool on: waited {waited:.1f} s in all for receipts to be shipped "
              "(their CPU counted in the recorded rounds, the wait not in their time)")  # fmt: skip
    db = Database(url)
    stored = int(db.engine.connect().exec_driver_sql("SELECT count(*) FROM receipts").scalar() or 0)
    db.dispose()
    assert stored == sent, f"{stored} receipts stored for {sent} recorded requests"
    print(f"receipts stored: {stored:,} = recorded requests answered (every one committed)")
    if db_pid:
        print(f"receipts per transaction (group commit, all settings): {batch_sizes(url)}")


def fill_chain(db: Database, rows: int) -> float:
    start = time.perf_counter()
    prev, batch = GENESIS, []
    t = AuditRow.__table__
    with db.connect(write=True) as conn:
        for seq in range(1, rows + 1):
            body = canonical({"event": "comment", "case": seq % 5000, "text": f"note {seq}"})
            sha = sha256_hex(body)
            at = f"2026-01-01T00:00:00.{seq:06d}+00:00"
            digest = row_hash(seq, "case", str(seq % 5000), "ana", at, sha, prev)
            batch.append({"seq": seq, "kind": "case", "ref": str(seq % 5000), "actor": "ana",
                          "at": at, "body": body.decode(), "body_sha256": sha,
                          "prev_hash": prev, "row_hash": digest})  # fmt: skip
            prev = digest
            if len(batch) == 20_000:
                conn.execute(insert(t), batch)
                batch = []
        if batch:
            conn.execute(insert(t), batch)
        conn.execute(AuditHeadRow.__table__.update().values(seq=rows, hash=prev))
    return time.perf_counter() - start


def sha_floor(rows: int) -> float:
    start = time.perf_counter()
    for seq in range(1, rows + 1):
        sha256_hex(canonical({"event": "comment", "case": seq % 5000, "text": f"note {seq}"}))
    return time.perf_counter() - start


def fill_cases(db: Database, n: int) -> None:
    rng = random.Random(3)
    states = ["open", "in_review", "proposed", "approved", "returned"]
    now = datetime.now(UTC)
    batch: list[dict[str, Any]] = []
    with db.connect(write=True) as conn:
        for i in range(1, n + 1):
            state = rng.choice(states)
            batch.append({
                "open_key": None if state == "approved" else f"s{i}|e{i % 3000}",
                "subject_key": sha256_hex(str(i).encode()), "subject_name": f"Subject {i}",
                "subject": {"name": f"Subject {i}"}, "entity_id": f"ofac-sdn-{i % 3000}",
                "entity_name": f"Entity {i % 3000}", "list": "ofac-sdn", "facts": {}, "changes": [],
                "score": 0.8, "source": "bench", "snapshot_id": "snap", "state": state,
                "assignee": rng.choice(["ana", "bob", "cat", "dan", None]),
                "created": now - timedelta(minutes=i), "updated": now, "version": 1,
            })  # fmt: skip
            if len(batch) == 10_000:
                conn.execute(insert(CaseRow.__table__), batch)
                batch = []
        if batch:
            conn.execute(insert(CaseRow.__table__), batch)


def time_list(service: CaseService, actor: Actor, **filters: Any) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        rows = service.list_cases(actor, limit=50, **filters)
        best = min(best, time.perf_counter() - start)
    assert rows is not None
    return best * 1000


def run_db(
    label: str,
    urls: tuple[str, str],
    home: Path,
    args: argparse.Namespace,
    db_pid: int | None = None,
) -> None:
    """``urls``: one empty database for the /screen part, another for the chain and cases;
    ``db_pid``: the database server's process (its CPU counts with the server's)."""
    print(f"\n== {label} ==  ({load()})")
    screen_throughput(home, urls[0], args, db_pid)
    if args.screen_only:
        return
    db = Database(urls[1])
    db.upgrade()
    rows = args.rows if label == "SQLite" else args.pg_rows
    filled = fill_chain(db, rows)
    floor = sha_floor(rows)
    start = time.perf_counter()
    verdict = verify(db)
    took = time.perf_counter() - start
    assert verdict.ok and verdict.rows >= rows, verdict
    per_m = took / verdict.rows * 1_000_000
    print(f"audit verify: {verdict.rows:,} rows in {took:.1f} s ({per_m:.1f} s per 1,000,000; "
          f"target <= 30 s); baseline SHA-256 of the bodies alone {floor:.1f} s; "
          f"filling took {filled:.1f} s   [{load()}]")  # fmt: skip
    fill_cases(db, args.cases)
    service = CaseService(db)
    auditor = Actor("aud", frozenset({UserRole.AUDITOR}))
    first = time_list(service, auditor)
    by_state = time_list(service, auditor, state="proposed", assignee="ana")
    by_entity = time_list(service, auditor, entity_id="ofac-sdn-1234")
    print(f"case list over {args.cases:,} cases: state+assignee {by_state:.1f} ms, entity "
          f"{by_entity:.1f} ms (target <= 100 ms); baseline unfiltered first page {first:.1f} ms"
          f"   [{load()}]")  # fmt: skip
    db.dispose()


def _positive(text: str) -> int:
    """A whole number of 1 or more, for argparse (a usage error otherwise, not a traceback)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=_positive, default=1_000_000, help="audit rows on SQLite")
    parser.add_argument(
        "--pg-rows", type=_positive, default=1_000_000, help="audit rows on PostgreSQL"
    )
    parser.add_argument("--cases", type=_positive, default=100_000)
    parser.add_argument(
        "--screens", type=_positive, default=400, help="requests per /screen mode and run"
    )
    parser.add_argument(
        "--clients", type=_positive, default=6, help="concurrent clients (second setting)"
    )
    parser.add_argument(
        "--sweep",
        type=lambda t: [_positive(x) for x in t.split(",")],
        default=None,
        help="client counts to run, e.g. 1,6,12,24 (instead of 1 and --clients)",
    )
    parser.add_argument(
        "--repeats", type=_positive, default=3, help="runs per setting (median shown)"
    )
    rig = parser.add_mutually_exclusive_group()
    rig.add_argument(
        "--client-processes",
        dest="client_processes",
        action="store_true",
        default=True,
        help="clients as processes of their own (benchmarks/client_procs.py), each with its own "
        "interpreter lock, as real clients are (the default)",
    )
    rig.add_argument(
        "--client-threads",
        dest="client_processes",
        action="store_false",
        help="clients as threads of this process, one interpreter lock between them (the rig "
        "of the figures before 2026-12-06 15:00 UTC)",
    )
    parser.add_argument("--screen-only", action="store_true", help="only the /screen part")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument(
        "--spool",
        action="store_true",
        help="serve with the receipt spool (CLEARANCE_RECORD_SPOOL=true); each recorded round "
        "waits until its receipts are shipped, so their CPU is counted in it",
    )
    parser.add_argument(
        "--pg-durable",
        action="store_true",
        help="PostgreSQL with fsync, full-page writes and synchronous commit on (as deployed; "
        "the default is the tests' server, which has them off)",
    )
    parser.add_argument(
        "--pg-async-commit",
        action="store_true",
        help="PostgreSQL with fsync and full-page writes on but synchronous commit off (a commit "
        "answered before its WAL flush: the durability class of SQLite's WAL with "
        "synchronous = NORMAL, the SQLite default)",
    )
    args = parser.parse_args()
    if args.pg_durable and args.pg_async_commit:
        parser.error("--pg-durable and --pg-async-commit are two different clusters: name one")
    mode = "receipt spool" if args.spool else "answered after the commit"
    print(f"decisions benchmark, record=true {mode}  ({load()})")
    work = Path(tempfile.mkdtemp(prefix="clearance-decisions-bench-"))
    server = None
    try:
        home = make_home(work)
        sqlite = (f"sqlite:///{work / 'screen.db'}", f"sqlite:///{work / 'chain.db'}")
        if not args.no_sqlite:
            run_db("SQLite", sqlite, home, args)
        if not args.no_pg:
            from tests.pg import start_server

            server = start_server(durable=args.pg_durable, async_commit=args.pg_async_commit)
            pg = (server.new_database(), server.new_database())
            assert server.data is not None
            postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
            label = "PostgreSQL 15" + (
                " (durable)"
                if args.pg_durable
                else " (fsync on, synchronous commit off)"
                if args.pg_async_commit
                else " (fsync off)"
            )
            run_db(label, pg, home, args, postmaster)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
