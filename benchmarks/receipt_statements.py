"""What appending receipts costs the PostgreSQL backend: instructions per statement, counted.

    .venv/bin/python benchmarks/receipt_statements.py [--batches 1,2,3,6] [--statements 300]
        [--known-head]

For each batch size, a PostgreSQL 15 is started under ``valgrind --tool=callgrind``
(``--trace-children=yes``: every backend is counted; fsync off, autovacuum off), the schema
upgraded, and the API's receipt writer's prepared statements
(:mod:`clearance.audit.async_writer`: the one-row statement for a batch of one, the batch
statement for more) run ``--warm`` times on one connection and ``--warm + --statements`` times
on another; the difference of the two backends' instruction counts divided by ``--statements`` is
what one statement costs, without the connection's start, the prepares or the server's. The
receipts are of the benchmark's kind (a 1.3 kB body: no candidates, OFAC's four file hashes).

Instruction counts do not move with the machine's load: an A/B of two versions of the writer
(``PYTHONPATH=OTHER/src`` runs this script over another tree's writer) agrees to a fraction of a
percent between runs, where CPU time on the shared cores wanders by a fifth. Needs ``valgrind``
and PostgreSQL 15's binaries (``CLEARANCE_TEST_PG_BIN``, as the tests); about 30 s per batch
size.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.pg: the binaries and the user the tests run them as

import psycopg  # noqa: E402
from psycopg import pq  # noqa: E402
from tests.pg import PG_BIN, RUN_AS, _as_user  # noqa: E402

from clearance.audit import pg_params as w  # noqa: E402
from clearance.audit.log import now_iso  # noqa: E402
from clearance.db import Database  # noqa: E402

FILES = [{"path": f"/data/ofac/sdn_csv_2023-12-28/{name}.csv", "sha256": "d" * 64}
         for name in ("sdn", "add", "alt", "sdn_comments")]  # fmt: skip
BODY: dict[str, Any] = {
    "actor": "svc", "kind": "screen", "source": "api", "run": None, "outcome": "no alert",
    "algorithm": {"name": "clearance-logic", "parameters_sha256": "1" * 64, "version": "1.18"},
    "candidates": [], "input_sha256": "5" * 64, "subject_key": "4" * 64, "threshold": 0.7,
    "input": {"country": [], "dob": None, "id": None, "identifiers": [], "lists": [],
              "name": "Elena Zhang Popov", "type": None},
    "lists": {"ofac-sdn": {"files": FILES, "version": "2026-12-05T07:48:41Z"}},
    "snapshot": "20261205T074841.346955Z-0e50dafb",
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_statements(url: str, size: int, count: int, known: bool = False) -> int:
    """Prepare the writer's statements on a new connection and run ``count`` of them, each
    appending ``size`` receipts; the backend's process id. ``known``: the statement the writer
    sends for a batch when it knows the chain head (``clearance.audit.row_arrays``)."""
    with psycopg.connect(url, autocommit=True) as conn:
        pgconn = conn.pgconn
        for name, sql in ((w.ONE_NAME, w.ONE_SQL), (w.BATCH_NAME, w.BATCH_SQL)):
            assert pgconn.prepare(name, sql).status == pq.ExecStatus.COMMAND_OK
        formats = getattr(w, "BATCH_FORMATS", None)  # (older writers sent only text)
        if known:
            return _known_head(conn, size, count)
        receipt = getattr(w, "receipt_row", None) or w.receipt_values  # (older: a dict)
        for _ in range(count):
            rows = [
                receipt({**BODY, "receipt": uuid.uuid4().hex, "at": now_iso()}, "svc")
                for _ in range(size)
            ]
            if size == 1:
                res = pgconn.exec_prepared(w.ONE_NAME, w.one_params(rows[0]))
            else:
                res = pgconn.exec_prepared(w.BATCH_NAME, w.batch_params(rows), formats)
            assert res.status == pq.ExecStatus.TUPLES_OK, res.error_message
        return int(pgconn.backend_pid)


def _known_head(conn: psycopg.Connection[Any], size: int, count: int) -> int:
    from clearance.audit import row_arrays as ra

    layout = ra.row_layout(conn.execute(ra.LAYOUT_SQL).fetchall())
    assert layout is not None
    pgconn = conn.pgconn
    assert pgconn.prepare(ra.ROWS_NAME, ra.ROWS_SQL).status == pq.ExecStatus.COMMAND_OK
    found = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    assert found is not None
    head = (int(found[0]), str(found[1]).encode())
    for _ in range(count):
        rows = [
            w.receipt_row({**BODY, "receipt": uuid.uuid4().hex, "at": now_iso()}, "svc")
            for _ in range(size)
        ]
        params, head = ra.rows_params(layout, head, rows)
        res = pgconn.exec_prepared(ra.ROWS_NAME, params, ra.ROWS_FORMATS)
        assert res.status == pq.ExecStatus.TUPLES_OK and res.ntuples == 1, res.error_message
    return int(pgconn.backend_pid)


def counted(out: Path, pid: int) -> int:
    """The instructions callgrind counted for process ``pid`` (written when it ends)."""
    path = out / f"cg.{pid}"
    for _ in range(120):
        if path.exists():
            for line in path.read_text().splitlines():
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
        time.sleep(0.5)
    raise RuntimeError(f"callgrind wrote no count for backend {pid} in {out}")


def backend_instructions(size: int, warm: int, statements: int, known: bool = False) -> float:
    """Instructions per statement of ``size`` receipts (see the module's docstring)."""
    root = Path(tempfile.mkdtemp(prefix="clearance-pg-callgrind-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(RUN_AS)
        os.chown(root, user.pw_uid, user.pw_gid)
    data, out, port = root / "data", root / "callgrind", free_port()
    pg = [*_as_user(), str(PG_BIN / "pg_ctl"), "-D", str(data)]
    run = [*_as_user(), str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    subprocess.run([*run, "-E", "UTF8", "-N"], check=True, capture_output=True)
    out.mkdir()
    if os.geteuid() == 0:
        shutil.chown(out, RUN_AS)
    options = (f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off "
               "-c synchronous_commit=off -c autovacuum=off")  # fmt: skip
    server = subprocess.Popen(
        [*_as_user(), "valgrind", "--tool=callgrind", "--trace-children=yes",
         f"--callgrind-out-file={out}/cg.%p", str(PG_BIN / "postgres"), "-D", str(data),
         *options.split()],
        stdout=subprocess.DEVNULL, stderr=(root / "log").open("wb"),
    )  # fmt: skip
    try:
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        for _ in range(600):
            try:
                psycopg.connect(url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                time.sleep(0.5)
        Database(url.replace("postgresql://", "postgresql+psycopg://")).upgrade()
        short = run_statements(url, size, warm, known)
        long = run_statements(url, size, warm + statements, known)
        return (counted(out, long) - counted(out, short)) / statements
    finally:
        subprocess.run([*pg, "-m", "immediate", "stop"], capture_output=True)
        server.wait(60)
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", default="1,2,3,6", help="receipts per statement")
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--warm", type=int, default=50, help="statements before counting")
    parser.add_argument(
        "--known-head", action="store_true", help="a batch as sent from a known chain head"
    )
    args = parser.parse_args()
    print(f"receipt writer of {w.__file__}" + (", from a known head" if args.known_head else ""))
    for size in (int(s) for s in args.batches.split(",")):
        per = backend_instructions(size, args.warm, args.statements, args.known_head)
        print(f"{size} receipt(s) a statement: {per:,.0f} instructions per statement, "
              f"{per / size:,.0f} per receipt (backend, callgrind)")  # fmt: skip


if __name__ == "__main__":
    main()
