"""Monitoring alerts into casework: one receipt per run in the audit chain, and a case opened
(or the open case of the same customer and entity joined) for every new alert, through the
case service of the decisions capability, inside the run's own write transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import now_iso
from clearance.audit.receipts import ScreeningContext, new_id, write_receipt
from clearance.cases.service import CaseService
from clearance.db import Database
from clearance.matching.result import Match
from clearance.monitor.alerts import NewAlert
from clearance.snapshots import Snapshot

ACTOR = "monitor"
SOURCE = "monitor"


def run_receipt(
    run_id: int, context: ScreeningContext, alerts: Sequence[NewAlert], mode: str, reason: str
) -> dict[str, Any]:
    """The receipt of one monitoring run: what it screened against and what it raised."""
    raised = [
        {"customer": a.customer_id, "entity_id": a.entity_id, "score": round(a.score, 4),
         "cause": a.cause}
        for a in alerts
    ]  # fmt: skip
    data = {"monitor_run": run_id, "mode": mode, "reason": reason}
    return {
        "receipt": new_id(), "kind": "monitor-run", "source": SOURCE, "run": None,
        "at": now_iso(), "actor": ACTOR, "input": data,
        "input_sha256": sha256_hex(canonical(data)), "snapshot": context.snapshot,
        "lists": context.lists, "algorithm": context.algorithm,
        "outcome": "alert" if alerts else "no alert", "alerts": raised,
    }  # fmt: skip


def open_cases(
    conn: Connection,
    db: Database,
    snapshot: Snapshot,
    context: ScreeningContext,
    alerts: Sequence[NewAlert],
    *,
    run_id: int,
    mode: str,
    reason: str,
) -> tuple[str, dict[tuple[str, str], int]]:
    """Write the run's receipt and open or join a case per alert, in ``conn``'s transaction;
    returns the receipt id and the case of each (customer, entity) pair."""
    body = run_receipt(run_id, context, alerts, mode, reason)
    service = CaseService(db)
    cases: dict[tuple[str, str], int] = {}
    with Session(bind=conn, join_transaction_mode="create_savepoint") as s:
        write_receipt(s, body, ACTOR)
        for alert in alerts:
            listed = snapshot.entity(alert.entity_id)
            match = Match(
                entity_id=alert.entity_id, list=alert.list,
                source_id=listed.source_id if listed else alert.entity_id,
                schema=listed.schema.value if listed else "", name=alert.entity_name,
                matched_name=alert.entity_name, score=alert.score, alert=True,
            )  # fmt: skip
            reopened = [alert.cause] if "re-raised" in alert.cause else []
            cases[(alert.customer_id, alert.entity_id)] = service.open_alert(
                s, {"id": alert.customer_id, "name": alert.customer_name}, match,
                receipt=body["receipt"], snapshot=snapshot.id, source=SOURCE, actor=ACTOR,
                listed=listed, changes=reopened,
            )  # fmt: skip
        s.commit()
    return body["receipt"], cases
