"""Engine and session factory: one :class:`Database` per URL, migrations applied on open.

SQLite runs in WAL mode with a busy timeout and foreign keys on; a writing session
(``session(write=True)``) starts with ``BEGIN IMMEDIATE`` so writers queue instead of failing
half-way. PostgreSQL runs through psycopg 3. Connection failures become
:class:`DatabaseUnavailable` (HTTP 503) with the URL shown without its password.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from clearance.errors import ClearanceError
from clearance.settings import Settings

DB_FILE = "clearance.db"
SQLITE_BUSY_MS = 30_000


class DatabaseError(ClearanceError):
    """The database refused an operation (bad URL, schema newer than this program…)."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be reached; nothing was written."""


def database_url(settings: Settings) -> str:
    """``CLEARANCE_DATABASE_URL``, or the SQLite file in the home directory."""
    if settings.database.url:
        return settings.database.url
    return f"sqlite:///{Path(settings.home) / DB_FILE}"


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun by the "begin" hook below
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("clearance_write", False)
        # straight to the driver: this runs for every transaction (recorded screenings too)
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


def engine_url(url: str) -> URL:
    """``url`` as the engine opens it (PostgreSQL through psycopg 3); ``DatabaseError`` when
    it is not a database URL."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"CLEARANCE_DATABASE_URL is not a database URL: {exc}") from None
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str) -> Engine:
    parsed = engine_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False})
        _sqlite_events(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(
            # no pre-ping (a round trip per checkout): a connection the server dropped fails
            # once as DatabaseUnavailable and the pool is then refreshed
            parsed,
            pool_size=10,
            connect_args={"connect_timeout": 10},
        )
    raise DatabaseError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DB"
    )


class Database:
    """An engine plus the session factory; cheap to share between threads."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.url = self.engine.url.render_as_string(hide_password=True)
        self.dialect = self.engine.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def unavailable(self, exc: Exception) -> DatabaseUnavailable:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0:1]
        return DatabaseUnavailable(
            f"database {self.url} unavailable: {reason[0] if reason else type(exc).__name__}"
        )

    @contextmanager
    def connect(self, *, write: bool = False, single: bool = False) -> Iterator[Connection]:
        """A connection inside one transaction (committed on success).

        ``single``: the caller runs ONE writing statement, which is atomic by itself — on
        PostgreSQL it then runs without BEGIN/COMMIT (autocommit: one round trip, not three);
        elsewhere this is an ordinary transaction."""
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(clearance_write=True)
                if single and self.is_postgres:
                    conn.execution_options(isolation_level="AUTOCOMMIT")
                with conn.begin():
                    yield conn
        except (OperationalError, InterfaceError) as exc:
            raise self.unavailable(exc) from None

    @contextmanager
    def session(self, *, write: bool = False, single: bool = False) -> Iterator[Session]:
        """An ORM session inside one transaction: committed on success, else rolled back
        (``single``: see :meth:`connect`)."""
        with (
            self.connect(write=write, single=single) as conn,
            Session(bind=conn, expire_on_commit=False) as s,
        ):
            yield s
            s.flush()

    def upgrade(self) -> list[str]:
        from clearance.db.migrate import upgrade

        return upgrade(self)

    def dispose(self) -> None:
        self.engine.dispose()


_opened: dict[str, Database] = {}
_opened_lock = threading.Lock()


def open_database(settings: Settings, *, upgrade: bool = True) -> Database:
    """The database named by the settings, its schema brought up to date (once per process)."""
    url = database_url(settings)
    with _opened_lock:
        db = _opened.get(url)
        if db is None:
            db = Database(url)
            if upgrade:
                db.upgrade()
            _opened[url] = db
    return db


def forget_databases() -> None:
    """Dispose of every cached engine (tests, forked workers)."""
    with _opened_lock:
        for db in _opened.values():
            db.dispose()
        _opened.clear()


class LazyDatabase:
    """The database of a server, opened (and upgraded) on first use: a server whose database
    is down still serves what needs no database, and answers 503 for what does."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: Database | None = None
        self._lock = threading.Lock()

    def get(self) -> Database:
        if self._db is None:
            with self._lock:
                if self._db is None:
                    self._db = open_database(self.settings)
        return self._db
