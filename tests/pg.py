"""A real PostgreSQL 15 for the tests: ``initdb`` into a temporary folder, ``pg_ctl`` on
127.0.0.1 and a free port, stopped at the end of the session.

Fixtures (imported by ``tests/conftest.py``, so every test package can use them):

* ``pg_server`` (session): the running server; ``pg_server.new_database()`` gives the URL of a
  fresh, empty database.
* ``db_url``: parametrised over ``sqlite`` (a file in ``tmp_path``) and ``postgresql`` (a fresh
  database on the session's server) — a test taking ``db_url`` runs on both.

``CLEARANCE_TEST_PG_URL=postgresql+psycopg://USER@HOST:PORT/postgres`` uses an existing server
instead (databases are created in it). If PostgreSQL cannot be started the PostgreSQL tests
FAIL; they are skipped only when ``CLEARANCE_TEST_NO_PG=1`` is set explicitly. As root, the
server runs as the ``postgres`` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

PG_BIN = Path(os.environ.get("CLEARANCE_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
RUN_AS = "postgres"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """A PostgreSQL server for one test session."""

    def __init__(self, admin_url: str, root: Path | None = None, data: Path | None = None) -> None:
        self.admin_url = admin_url  # a superuser URL on the maintenance database
        self.root = root
        self.data = data
        self._names = itertools.count(1)

    def url(self, database: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{database}"

    def new_database(self) -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        plain = self.admin_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.data is not None:
            _run_pg(["pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"], check=False)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", RUN_AS, "--"]


def _run_pg(args: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [*_as_user(), str(PG_BIN / args[0]), *args[1:]]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr.strip() or result.stdout}")
    return result


# The tests' server trades durability for speed; ``durable=True`` (benchmarks) keeps
# PostgreSQL's defaults: fsync, full-page writes and synchronous commit on, as deployed.
# ``async_commit=True`` (benchmarks) keeps fsync and full-page writes but answers a commit
# before its WAL flush (``synchronous_commit=off``): a crash of the database server or the
# machine may lose the last moments of commits, never corrupts — the durability class of
# SQLite's WAL with ``synchronous = NORMAL``, Clearance's SQLite default.
FAST = "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
ASYNC_COMMIT = "-c synchronous_commit=off "


def start_server(durable: bool = False, async_commit: bool = False) -> PgServer:
    root = Path(tempfile.mkdtemp(prefix="clearance-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(RUN_AS)
        os.chown(root, user.pw_uid, user.pw_gid)
    data = root / "data"
    try:
        _run_pg(["initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "-N"])
        last_error = ""
        for _attempt in range(3):
            port = _free_port()
            fast = ASYNC_COMMIT if async_commit else "" if durable else FAST
            opts = f"-h 127.0.0.1 -p {port} -k {root} {fast}-c max_connections=200"
            args = ["pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60"]
            result = _run_pg([*args, "-o", opts, "start"], check=False)
            if result.returncode == 0:
                return PgServer(
                    f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", root, data
                )
            log = root / "log"
            last_error = log.read_text(errors="replace")[-2000:] if log.exists() else result.stderr
        raise RuntimeError(f"pg_ctl start failed: {last_error}")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if os.environ.get("CLEARANCE_TEST_NO_PG") == "1":
        pytest.skip("PostgreSQL tests disabled (CLEARANCE_TEST_NO_PG=1)")
    if url := os.environ.get("CLEARANCE_TEST_PG_URL"):
        yield PgServer(url)
        return
    try:
        server = start_server()
    except (OSError, RuntimeError, subprocess.SubprocessError, KeyError) as exc:
        pytest.fail(
            f"cannot start PostgreSQL 15 from {PG_BIN}: {exc} "
            "(set CLEARANCE_TEST_NO_PG=1 to skip the PostgreSQL tests)"
        )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file, and a database on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'clearance.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database()
