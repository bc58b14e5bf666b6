"""Tables of monitoring: the customer book, alerts, the monitor's state and webhook outbox."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clearance.db import Base


class Customer(Base):
    """One customer of the book. ``seq`` grows with every insert or change (the monitor
    screens customers whose ``seq`` is above the one it last saw)."""

    __tablename__ = "book_customers"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str | None] = mapped_column(String(20))
    dob: Mapped[str | None] = mapped_column(String(20))
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    identifiers: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    digest: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Alert(Base):
    """A customer that may be a listed entity. ``status``: open, closed (listing removed,
    customer removed) or cleared (a reviewer decided it is not a match)."""

    __tablename__ = "monitor_alerts"
    __table_args__ = (Index("ix_monitor_alerts_pair", "customer_id", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    customer_id: Mapped[str] = mapped_column(String(200))
    entity_id: Mapped[str] = mapped_column(String(200), index=True)
    list: Mapped[str] = mapped_column(String(100))
    entity_name: Mapped[str] = mapped_column(Text)
    customer_name: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[builtins.list[dict[str, Any]]] = mapped_column(JSON, default=builtins.list)
    snapshot: Mapped[str] = mapped_column(String(100))
    list_version: Mapped[str | None] = mapped_column(String(100))
    algorithm: Mapped[str] = mapped_column(String(100))
    cause: Mapped[str] = mapped_column(Text)
    entity_digest: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int] = mapped_column(Integer)
    delivered: Mapped[bool] = mapped_column(default=False, index=True)


class MonitorRun(Base):
    """One ``clearance monitor`` run and what it screened."""

    __tablename__ = "monitor_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    snapshot: Mapped[str | None] = mapped_column(String(100))
    algorithm: Mapped[str] = mapped_column(String(100))
    threshold: Mapped[float] = mapped_column(Float)
    customer_seq: Mapped[int] = mapped_column(BigInteger)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
