"""decisions: the chain head keeps the hash it replaced (``audit_head.prev_hash``).

PostgreSQL appends a row by updating the head first — ``seq + 1``, ``prev_hash`` the old
``hash``, ``hash`` the new row's, all computed from the old row in the one ``UPDATE`` — and
inserting the row from what that ``UPDATE`` returns: no separate ``FOR UPDATE`` scan of the
head, no join of the new row back to it. ``prev_hash`` is scratch for that statement (the
``RETURNING`` of PostgreSQL 15 gives only the new row's values); no reader relies on it, rows
and hashes are untouched, the chain verifies as before.

Revision ID: 20261205_audit_head_prev
Revises: 20261203_audit_lean_indexes
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_audit_head_prev"
down_revision: str | Sequence[str] | None = "20261203_audit_lean_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_head", sa.Column("prev_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("prev_hash")
