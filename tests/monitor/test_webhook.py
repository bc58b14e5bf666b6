"""Webhook delivery against a real local HTTP receiver that fails, then recovers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
from sqlalchemy import insert

from clearance.db import open_database
from clearance.monitor import deliver, verify
from clearance.monitor.alerts import ALERTS, NewAlert
from clearance.settings import Settings
from tests.monitor.receiver import Receiver


def _alert(customer: str, run: int) -> dict[str, object]:
    new = NewAlert(customer, "Versor sro", "ofac-sdn-44579", "ofac-sdn", "VERSOR S.R.O.", 0.93,
                   ({"name": "name_similarity", "score": 0.93, "reason": "versor"},), "snap",
                   "v1", "clearance-logic 1.1", "new designation", "d")  # fmt: skip
    return new.row(run, datetime.now(UTC))


def test_undelivered_alerts_wait_and_go_with_the_next_delivery(tmp_path: Path) -> None:
    db = open_database(Settings(home=tmp_path))
    receiver = Receiver(fail=10)
    sleeps: list[float] = []
    try:
        with db.connect(write=True) as conn:
            conn.execute(insert(ALERTS), [_alert("c1", 1)])
        first = deliver(db, receiver.url, "s3cret", run_id=1, attempts=3, sleep=sleeps.append)
        assert not first.ok and first.pending == 1 and first.attempts == 3
        assert "HTTP 503" in (first.error or "")
        assert sleeps == [0.5, 1.0]  # exponential backoff between the tries
        receiver.fail = 1  # the receiver recovers after one more failure
        with db.connect(write=True) as conn:
            conn.execute(insert(ALERTS), [_alert("c2", 2)])
        second = deliver(db, receiver.url, "s3cret", run_id=2, attempts=3, sleep=sleeps.append)
        assert second.ok and second.delivered == 2 and second.attempts == 2
        assert len(receiver.bodies) == 1
        body, signature = receiver.bodies[0]
        assert verify(body, "s3cret", signature)
        assert not verify(body, "other", signature)
        sent = orjson.loads(body)
        assert sent["run"] == 2
        assert [a["customer_id"] for a in sent["alerts"]] == ["c1", "c2"]
        # Delivered alerts are not sent again.
        assert deliver(db, receiver.url, "s3cret", attempts=1).delivered == 0
        assert len(receiver.bodies) == 1
    finally:
        receiver.close()


def test_unreachable_receiver_is_a_clear_failure(tmp_path: Path) -> None:
    db = open_database(Settings(home=tmp_path))
    with db.connect(write=True) as conn:
        conn.execute(insert(ALERTS), [_alert("c1", 1)])
    receiver = Receiver()
    url = receiver.url
    receiver.close()
    result = deliver(db, url, "k", attempts=2, sleep=lambda _s: None)
    assert not result.ok and result.pending == 1
    assert result.error is not None and result.error.startswith(f"webhook {url} failed after 2")
