"""decisions: on PostgreSQL the audit log's bodies are compressed with LZ4, not pglz.

PostgreSQL compresses a row's long values once the row passes about 2 kB — a receipt with a few
candidates, an alert's receipt, a case event with the entity's matching data. With its default
method (pglz) that compression cost the backend about as much as the rest of the receipt's
statement: a 2.9 kB receipt body 465k instructions a statement against 239k uncompressed and
270k with LZ4 (``benchmarks/receipt_statements.py``, callgrind). Rows written before keep
their pglz values (both read the same); the stored text, and so every hash, is unchanged. A
server built without LZ4 keeps pglz. SQLite has no such compression: nothing changes there.

Revision ID: 20261207_audit_body_lz4
Revises: 20261207_receipts_in_log
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261207_audit_body_lz4"
down_revision: str | Sequence[str] | None = "20261207_receipts_in_log"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HAS_LZ4 = (
    "SELECT count(*) FROM pg_settings "
    "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql" or not conn.execute(sa.text(HAS_LZ4)).scalar():
        return
    op.execute("ALTER TABLE audit_log ALTER COLUMN body SET COMPRESSION lz4")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log ALTER COLUMN body SET COMPRESSION DEFAULT")
