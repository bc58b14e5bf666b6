"""The audit trail's tables: the append-only log, its head row, and the receipts view."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clearance.db.base import Base

# The rows that ix_audit_log_kind_ref holds: every kind but receipts (looked up by id through
# the receipts table), so a recorded screening adds no entry to it. A query that wants the
# index names this predicate, word for word (SQLite and PostgreSQL's generic plans need it).
EVENT_ROWS = "kind <> 'receipt'"
# The rows that ux_audit_log_receipt holds: the receipts, each found by its id (``ref``), which
# no two receipts share. The receipts view names this predicate (migration 20261207).
RECEIPT_ROWS = "kind = 'receipt'"


class AuditRow(Base):
    """One row of the hash chain (never updated or deleted by the program)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index(
            "ix_audit_log_kind_ref",
            "kind",
            "ref",
            postgresql_where=text(EVENT_ROWS),
            sqlite_where=text(EVENT_ROWS),
        ),
        Index(
            "ux_audit_log_receipt",
            "ref",
            unique=True,
            postgresql_where=text(RECEIPT_ROWS),
            sqlite_where=text(RECEIPT_ROWS),
        ),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    ref: Mapped[str] = mapped_column(String(64), nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[str] = mapped_column(String(40), nullable=False)  # ISO 8601 UTC, as hashed
    body: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON, as hashed
    body_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    row_hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditHeadRow(Base):
    """The chain head (one row, id 1): writers lock it, so the chain never forks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    # the hash the last PostgreSQL append replaced (scratch of clearance.audit.log.PG_APPEND)
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class _Views(DeclarativeBase):
    """Views over the tables above (not in ``Base.metadata``: the migrations create them)."""


class ReceiptRow(_Views):
    """Where a screening receipt is in the log (looked up by id): the view ``receipts`` over
    the audit log's receipt rows (``id`` is the row's ``ref``, ``audit_seq`` its ``seq``;
    migration ``20261207_receipts_in_log``, which replaced the table of the two columns that
    every receipt wrote a row to). What it was about (kind, time, snapshot, outcome,
    subject…) is read from the row's body (:func:`clearance.audit.receipts.receipt_index`)."""

    __tablename__ = "receipts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    audit_seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
