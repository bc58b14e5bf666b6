"""The audit trail's tables: the append-only log, its head row, and the receipts index."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clearance.db.base import Base


class AuditRow(Base):
    """One row of the hash chain (never updated or deleted by the program)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_kind_ref", "kind", "ref"),)

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


class ReceiptRow(Base):
    """Where a screening receipt is in the log, with the fields it is looked up by."""

    __tablename__ = "receipts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    audit_seq: Mapped[int] = mapped_column(BigInteger, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # screen | batch-run | alert
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    snapshot_id: Mapped[str] = mapped_column(String(80), nullable=False, index=True)
    alert: Mapped[bool] = mapped_column(Boolean, nullable=False)
    subject_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    input_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    run_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
