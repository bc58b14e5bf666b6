"""Alembic, run programmatically: the scripts ship in ``clearance/db/migrations`` and no
``alembic.ini`` is needed at runtime.

``upgrade`` goes to every head (each capability keeps its own branch, see :mod:`clearance.db`)
inside one transaction, holding a lock so two processes starting at once do not both migrate
(PostgreSQL: an advisory lock; SQLite: ``BEGIN IMMEDIATE``). For developers,
``alembic -c src/clearance/db/migrations/alembic.ini …`` works on ``CLEARANCE_DATABASE_URL``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from clearance.db.engine import Database, DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_KEY = 0x636C6561  # advisory lock id for schema upgrades ("clea")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


@dataclass(frozen=True)
class Status:
    url: str
    current: tuple[str, ...]
    heads: tuple[str, ...]
    pending: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        return not self.pending


def _current(conn: Connection) -> tuple[str, ...]:
    return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def status(db: Database) -> Status:
    script = _script()
    with db.connect() as conn:
        current = _current(conn)
    unknown = [r for r in current if script.get_revision(r) is None] if current else []
    if unknown:
        raise DatabaseError(
            f"database {db.url} is at revision {', '.join(unknown)}, which this version of "
            "clearance does not know (it was upgraded by a newer one)"
        )
    applied: set[str] = set()
    for rev in current:
        applied.update(r.revision for r in script.iterate_revisions(rev, "base"))
    pending = [r.revision for r in script.walk_revisions() if r.revision not in applied]
    return Status(db.url, current, tuple(sorted(script.get_heads())), tuple(reversed(pending)))


def upgrade(db: Database) -> list[str]:
    """Apply every pending revision; returns the revisions applied (oldest first)."""
    before = status(db)
    if before.up_to_date:
        return []
    with db.connect(write=True) as conn:
        if db.is_postgres:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
        command.upgrade(alembic_config(conn), "heads")
    return list(before.pending)
