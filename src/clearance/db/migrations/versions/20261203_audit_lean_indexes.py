"""decisions: fewer index entries per screening receipt.

The receipts table keeps its primary key (receipts are looked up by id) and loses the indexes on
``snapshot_id`` and ``subject_key``, which no query reads; the audit log's ``(kind, ref)`` index
(a case's history) leaves out the receipt rows, which are found through the receipts table.
A recorded screening then writes two index entries instead of five. Rows and hashes are
untouched: the chain verifies as before.

Revision ID: 20261203_audit_lean_indexes
Revises: 0003_decisions
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261203_audit_lean_indexes"
down_revision: str | Sequence[str] | None = "0003_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOT_RECEIPTS = "kind <> 'receipt'"  # clearance.audit.tables.EVENT_ROWS, as it was written then


def upgrade() -> None:
    op.drop_index("ix_receipts_snapshot_id", table_name="receipts")
    op.drop_index("ix_receipts_subject_key", table_name="receipts")
    op.drop_index("ix_audit_log_kind_ref", table_name="audit_log")
    op.create_index(
        "ix_audit_log_kind_ref",
        "audit_log",
        ["kind", "ref"],
        postgresql_where=sa.text(NOT_RECEIPTS),
        sqlite_where=sa.text(NOT_RECEIPTS),
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_kind_ref", table_name="audit_log")
    op.create_index("ix_audit_log_kind_ref", "audit_log", ["kind", "ref"])
    op.create_index("ix_receipts_subject_key", "receipts", ["subject_key"])
    op.create_index("ix_receipts_snapshot_id", "receipts", ["snapshot_id"])
