"""Cases, the receipts behind them, and the good-guy list (approved clears)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clearance.db.base import Base


class CaseRow(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_state_id", "state", "id"),
        Index("ix_cases_subject_entity", "subject_key", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # "subject|entity" while the case is not closed, else NULL: at most one open case per pair
    open_key: Mapped[str | None] = mapped_column(String(300), unique=True, nullable=True)
    subject_key: Mapped[str] = mapped_column(String(64), nullable=False)
    subject_name: Mapped[str] = mapped_column(String(500), nullable=False)
    subject: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    entity_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    entity_name: Mapped[str] = mapped_column(String(500), nullable=False)
    list_name: Mapped[str] = mapped_column("list", String(40), nullable=False)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)  # entity's matching data
    changes: Mapped[list[str]] = mapped_column(JSON, nullable=False)  # why a clear reopened
    score: Mapped[float] = mapped_column(Float, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    snapshot_id: Mapped[str] = mapped_column(String(80), nullable=False, index=True)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    assignee: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    proposal: Mapped[str | None] = mapped_column(String(16), nullable=True)
    proposal_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    proposed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decision_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)


class CaseReceiptRow(Base):
    __tablename__ = "case_receipts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    receipt_id: Mapped[str] = mapped_column(String(32), primary_key=True)


class GoodGuyRow(Base):
    """An approved clear of (subject, listed entity) and the entity's matching data then."""

    __tablename__ = "goodguy"
    __table_args__ = (Index("ix_goodguy_subject_entity", "subject_key", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_key: Mapped[str] = mapped_column(String(64), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(200), nullable=False)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    facts_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), nullable=False)
    snapshot_id: Mapped[str] = mapped_column(String(80), nullable=False)
    decided_by: Mapped[str] = mapped_column(String(64), nullable=False)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False)
