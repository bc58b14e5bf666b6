"""``/metrics`` shows the event loop's receipt writers' group commit: transactions, receipts,
batches sent behind another, and the seconds from sending a batch to its result."""

from __future__ import annotations

import re

from clearance.db.engine import forget_databases
from tests.decisions.test_api import api, as_, home  # noqa: F401 - fixtures

Api = tuple[object, dict[str, str]]


def _counter(text: str, name: str) -> float:
    found = re.search(rf"^clearance_receipt_writer_{name}_total (\S+)$", text, re.MULTILINE)
    assert found is not None, text
    return float(found.group(1))


def test_metrics_count_the_receipt_writers_batches_and_receipts(api: Api) -> None:  # noqa: F811
    client, keys = api
    for i in range(4):  # the first pins the snapshot (in a worker thread), the rest the writer's
        res = client.post(  # type: ignore[attr-defined]
            "/screen?record=true", json={"name": f"Jane Citizen {i}"}, headers=as_(keys["svc"])
        )
        assert res.status_code == 200 and res.json()["recorded"]["cases"] == []
        if i == 0:
            before = client.get("/metrics").text  # type: ignore[attr-defined]
    text = client.get("/metrics").text  # type: ignore[attr-defined]
    assert _counter(text, "receipts") - _counter(before, "receipts") == 3
    assert 1 <= _counter(text, "batches") - _counter(before, "batches") <= 3
    assert _counter(text, "behind") == 0  # one request at a time: nothing in flight before
    assert _counter(text, "flight_seconds") >= 0
    # one at a time: no batch to hash from the head the writer knows, none sent from a stale one
    assert _counter(text, "known_head") == _counter(text, "stale") == 0
    forget_databases()
