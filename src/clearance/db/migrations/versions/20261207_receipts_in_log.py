"""decisions: a receipt's index row is its audit row (the receipts table becomes a view).

Each receipt row of the table ``receipts`` (``id``, ``audit_seq``) repeated its audit row's
``ref`` and ``seq``: every recorded screening wrote a second heap row and its primary-key entry
(on PostgreSQL a third insert in the receipt's statement, about a tenth of the backend's
instructions for it). The audit log now finds a receipt itself: a unique index on ``ref`` over
its receipt rows (``ux_audit_log_receipt``, ``WHERE kind = 'receipt'``: no two receipts share an
id, as the table's primary key ensured), and ``receipts`` is a view over those rows with the
same two columns, so readers (``GET /receipts/{id}``, exports, SQL) are unchanged.

Before the table is dropped every one of its rows is checked against the log (the row it names
is a receipt row with that id): a database where they disagree is not upgraded. Rows of the
audit log and their hashes are untouched, so the chain verifies as before, over rows written
before and after this migration. The downgrade creates the table again, filled from the log.

Revision ID: 20261207_receipts_in_log
Revises: 20261206_receipts_lean
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clearance.db.engine import DatabaseError

revision: str = "20261207_receipts_in_log"
down_revision: str | Sequence[str] | None = "20261206_receipts_lean"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECEIPT_ROWS = "kind = 'receipt'"  # clearance.audit.tables.RECEIPT_ROWS, as written then
VIEW = (
    "CREATE VIEW receipts AS SELECT ref AS id, seq AS audit_seq FROM audit_log "
    f"WHERE {RECEIPT_ROWS}"
)
UNMATCHED = (
    "SELECT r.id FROM receipts r LEFT JOIN audit_log a ON a.seq = r.audit_seq "
    "AND a.ref = r.id AND a.kind = 'receipt' WHERE a.seq IS NULL"
)


def upgrade() -> None:
    conn = op.get_bind()
    bad = conn.execute(sa.text(UNMATCHED + " LIMIT 5")).scalars().all()
    if bad:
        raise DatabaseError(  # (the CLI prints it: no traceback)
            "cannot move the receipts index into the audit log: receipts "
            f"{', '.join(map(repr, bad))} do not name a receipt row of the log with their id"
        )
    op.create_index(
        "ux_audit_log_receipt",
        "audit_log",
        ["ref"],
        unique=True,
        postgresql_where=sa.text(RECEIPT_ROWS),
        sqlite_where=sa.text(RECEIPT_ROWS),
    )
    op.drop_table("receipts")
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW receipts")
    op.create_table(
        "receipts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
    )
    op.execute(
        f"INSERT INTO receipts (id, audit_seq) SELECT ref, seq FROM audit_log WHERE {RECEIPT_ROWS}"
    )
    op.drop_index("ux_audit_log_receipt", table_name="audit_log")
