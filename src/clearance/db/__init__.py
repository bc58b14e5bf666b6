"""The shared database: SQLAlchemy 2 engine and sessions, a declarative ``Base``, and Alembic
migrations shipped inside the package (``clearance/db/migrations``).

The URL comes from ``CLEARANCE_DATABASE_URL``; by default a SQLite file ``clearance.db`` in the
home directory (nothing to install). PostgreSQL is named as ``postgresql+psycopg://user@host/db``
(psycopg 3). ``clearance db upgrade`` brings the schema up to date and every command or server
that needs the database runs the same upgrade when it opens it (:func:`open_database`);
``clearance db status`` shows the current and the newest revisions.

Usage::

    from clearance.db import open_database
    db = open_database(settings)          # engine + migrations applied
    with db.session() as s:               # one transaction: committed, or rolled back on error
        s.add(MyRow(...))
    with db.session(write=True) as s:     # a writer: SQLite takes its write lock up front
        ...

Adding tables for another capability (e.g. monitoring):

1. A model module in your package, e.g. ``clearance/monitoring/tables.py``, with classes that
   subclass :class:`clearance.db.Base` (``from clearance.db import Base``). Keep SQL types
   portable (SQLite and PostgreSQL); use ``sqlalchemy.JSON`` for documents and
   ``DateTime(timezone=True)`` for times.
2. A migration revision in ``clearance/db/migrations/versions/``, named
   ``<yyyymmdd>_<capability>_<what>.py``. Each capability keeps its own branch of the one
   history, so parallel work never makes conflicting heads: the capability's first revision has
   ``down_revision = "0001_foundation"`` and ``branch_labels = ("<capability>",)``; later ones
   have ``down_revision`` = the capability's previous revision. If your tables reference
   another capability's (foreign keys to ``users``, say), add ``depends_on`` naming that
   revision. ``upgrade`` always goes to every head (``heads``).
   Write the revision by hand with ``op.create_table`` (copy an existing one), or generate
   it: ``alembic -c src/clearance/db/migrations/alembic.ini revision --autogenerate
   --head <capability>@head -m what`` (see :mod:`clearance.db.migrate`).
3. Import your model module in ``clearance.db.models.MODEL_MODULES`` (one line) so
   autogenerate and the schema test see it.
4. Tests: use the ``db_url`` fixture (``tests/pg.py``, parametrised over SQLite and a real
   PostgreSQL 15) and ``open_database(Settings(..., database_url=db_url))``.
"""

from clearance.db.base import Base
from clearance.db.engine import Database, DatabaseError, DatabaseUnavailable, open_database

__all__ = ["Base", "Database", "DatabaseError", "DatabaseUnavailable", "open_database"]
