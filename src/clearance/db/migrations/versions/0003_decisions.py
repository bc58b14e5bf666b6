"""decisions: audit log, receipts, cases, good-guy list

Revision ID: 0003_decisions
Revises: 0001_foundation
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_decisions"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("decisions",)
depends_on: str | Sequence[str] | None = "0002_auth_users"


def upgrade() -> None:
    _audit_tables()
    _case_tables()
    _receipt_tables()
    _goodguy_table()


def _audit_tables() -> None:
    """The chain head (one row: count and hash of the last row) and the append-only log."""
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    head = sa.table(
        "audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.BigInteger),
        sa.column("hash", sa.String),
    )  # fmt: skip
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64}])  # the empty chain (GENESIS)
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_kind_ref", ["kind", "ref"], unique=False)


def _case_tables() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("open_key", sa.String(length=300), nullable=True),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column("subject_name", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("entity_name", sa.String(length=500), nullable=False),
        sa.Column("list", sa.String(length=40), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("snapshot_id", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("assignee", sa.String(length=64), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("proposal", sa.String(length=16), nullable=True),
        sa.Column("proposal_reason", sa.Text(), nullable=True),
        sa.Column("proposed_by", sa.String(length=64), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("open_key", name=op.f("uq_cases_open_key")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_assignee"), ["assignee"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_snapshot_id"), ["snapshot_id"], unique=False)
        batch_op.create_index("ix_cases_state_id", ["state", "id"], unique=False)
        batch_op.create_index("ix_cases_subject_entity", ["subject_key", "entity_id"], unique=False)


def _receipt_tables() -> None:
    """Screening receipts, and which receipts each case holds."""
    op.create_table(
        "receipts",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("snapshot_id", sa.String(length=80), nullable=False),
        sa.Column("alert", sa.Boolean(), nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=True),
        sa.Column("input_sha256", sa.String(length=64), nullable=False),
        sa.Column("run_id", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipts")),
    )
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_receipts_snapshot_id"), ["snapshot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_receipts_subject_key"), ["subject_key"], unique=False)

    op.create_table(
        "case_receipts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_receipts_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("case_id", "receipt_id", name=op.f("pk_case_receipts")),
    )


def _goodguy_table() -> None:
    op.create_table(
        "goodguy",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("facts_sha256", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.String(length=80), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_goodguy_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goodguy")),
    )
    with op.batch_alter_table("goodguy", schema=None) as batch_op:
        batch_op.create_index(
            "ix_goodguy_subject_entity", ["subject_key", "entity_id"], unique=False
        )


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table("goodguy", schema=None) as batch_op:
        batch_op.drop_index("ix_goodguy_subject_entity")

    op.drop_table("goodguy")
    op.drop_table("case_receipts")
    with op.batch_alter_table("receipts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receipts_subject_key"))
        batch_op.drop_index(batch_op.f("ix_receipts_snapshot_id"))

    op.drop_table("receipts")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_subject_entity")
        batch_op.drop_index("ix_cases_state_id")
        batch_op.drop_index(batch_op.f("ix_cases_snapshot_id"))
        batch_op.drop_index(batch_op.f("ix_cases_entity_id"))
        batch_op.drop_index(batch_op.f("ix_cases_assignee"))

    op.drop_table("cases")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_kind_ref")

    op.drop_table("audit_log")
    op.drop_table("audit_head")
    # ### end Alembic commands ###
