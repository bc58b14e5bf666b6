"""Alembic environment: runs on the connection handed over by :mod:`clearance.db.migrate`,
or (developer use of the ``alembic`` command) on ``CLEARANCE_DATABASE_URL``."""

from __future__ import annotations

from alembic import context

from clearance.db.base import Base
from clearance.db.models import load_models

load_models()
config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    from clearance.db.engine import Database, database_url
    from clearance.settings import Settings

    db = Database(database_url(Settings.from_env()))
    with db.engine.begin() as conn:
        _run(conn)
