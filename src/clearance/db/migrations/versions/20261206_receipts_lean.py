"""decisions: the receipts table keeps only where a receipt is (``id``, ``audit_seq``).

Its other columns — kind, created, actor, snapshot_id, alert, subject_key, input_sha256 and
run_id — repeated fields of the receipt's canonical body, which the audit row holds and hashes;
no query read them (a receipt is found by id, its content read from the audit row). Each
recorded screening wrote them again, cast on the server: the one-row receipt statement's
executor built a projection of ten columns (a timestamp parsed) for the index row. They are
read from the body now (:func:`clearance.audit.receipts.receipt_index`). Rows of the audit log
and their hashes are untouched: the chain verifies as before, over rows written before and
after this migration. The downgrade adds the columns back, filled from the bodies.

Revision ID: 20261206_receipts_lean
Revises: 20261205_audit_head_prev
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "20261206_receipts_lean"
down_revision: str | Sequence[str] | None = "20261205_audit_head_prev"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the dropped columns, as 0003_decisions created them
COLUMNS = (
    ("kind", sa.String(16)),
    ("created", sa.DateTime(timezone=True)),
    ("actor", sa.String(64)),
    ("snapshot_id", sa.String(80)),
    ("alert", sa.Boolean()),
    ("subject_key", sa.String(64)),
    ("input_sha256", sa.String(64)),
    ("run_id", sa.String(32)),
)
NOT_NULL = ("kind", "created", "actor", "snapshot_id", "alert", "input_sha256")


def upgrade() -> None:
    with op.batch_alter_table("receipts") as batch:
        for name, _ in COLUMNS:
            batch.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("receipts") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    conn = op.get_bind()
    receipts = sa.table("receipts", sa.column("id"), *(sa.column(n, t) for n, t in COLUMNS))
    rows = conn.execute(
        sa.text(
            "SELECT r.id, a.actor, a.body FROM receipts r JOIN audit_log a ON a.seq = r.audit_seq"
        )
    ).all()
    for rid, actor, text in rows:
        body = json.loads(text)
        conn.execute(
            receipts.update().where(receipts.c.id == rid),
            {
                "kind": body["kind"],
                "created": datetime.fromisoformat(body["at"]),
                "actor": actor,
                "snapshot_id": body.get("snapshot") or "",
                "alert": body.get("outcome") == "alert",
                "subject_key": body.get("subject_key"),
                "input_sha256": body.get("input_sha256") or "",
                "run_id": body.get("run"),
            },
        )
    with op.batch_alter_table("receipts") as batch:
        for name, kind in COLUMNS:
            if name in NOT_NULL:
                batch.alter_column(name, existing_type=kind, nullable=False)
