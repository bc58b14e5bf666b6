"""Webhook delivery of new alerts: one signed JSON POST per monitoring run.

The body is ``{"run", "sent_at", "alerts": [...]}`` holding every alert not delivered yet (this
run's and any earlier run's whose delivery failed: they wait in the database). The header
``X-Clearance-Signature: sha256=<hex>`` is the HMAC-SHA256 of the exact body bytes under
``CLEARANCE_WEBHOOK_SECRET``. A failed POST (network error or non-2xx) is retried with
exponential backoff; alerts are marked delivered only after a 2xx answer.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
from sqlalchemy import select, update

from clearance.db import Database
from clearance.monitor.alerts import ALERTS, alert_dict

SIGNATURE_HEADER = "X-Clearance-Signature"


def sign(body: bytes, secret: str) -> str:
    """The signature header value for ``body``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(body: bytes, secret: str, header: str) -> bool:
    """What a receiver does: compare the signature in constant time."""
    return hmac.compare_digest(sign(body, secret), header)


@dataclass(frozen=True, slots=True)
class Delivery:
    """The outcome of one delivery: alerts sent (or pending), attempts, last error."""

    delivered: int
    pending: int
    attempts: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "delivered": self.delivered,
            "pending": self.pending,
            "attempts": self.attempts,
            "error": self.error,
        }


def deliver(
    db: Database,
    url: str,
    secret: str,
    *,
    run_id: int | None = None,
    attempts: int = 4,
    backoff: float = 0.5,
    timeout: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Delivery:
    """POST every undelivered alert to ``url`` (see the module docstring)."""
    with db.connect() as conn:
        rows = conn.execute(
            select(ALERTS).where(ALERTS.c.delivered.is_(False)).order_by(ALERTS.c.id)
        ).all()
    alerts = [alert_dict(r._mapping) for r in rows]
    if not alerts:
        return Delivery(0, 0, 0)
    body = orjson.dumps({"run": run_id, "sent_at": datetime.now(UTC).isoformat(), "alerts": alerts})
    headers = {"content-type": "application/json", SIGNATURE_HEADER: sign(body, secret)}
    error: str | None = None
    tried = 0
    with httpx.Client(timeout=timeout) as client:
        for attempt in range(attempts):
            tried = attempt + 1
            try:
                response = client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            else:
                if 200 <= response.status_code < 300:
                    error = None
                    break
                error = f"HTTP {response.status_code}"
            if attempt + 1 < attempts:
                sleep(backoff * (2**attempt))
    if error is not None:
        return Delivery(0, len(alerts), tried, f"webhook {url} failed after {tried} tries: {error}")
    ids = [a["id"] for a in alerts]
    with db.connect(write=True) as conn:
        for start in range(0, len(ids), 900):
            conn.execute(
                update(ALERTS)
                .where(ALERTS.c.id.in_(ids[start : start + 900]))
                .values(delivered=True)
            )
    return Delivery(len(alerts), 0, tried)
