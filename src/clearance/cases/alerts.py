"""The alert path's steps on the database, inside the recorder's write transaction: open the
case of (subject, listed entity) or join the open one (:func:`case_for`), then its audit row
with the receipt's link (:func:`link_row`).

A recorder opens or joins its cases first and appends to the chain last: the chain head is
locked from the first appended row to the commit, and every other recorder (the API's
group-commit writer too) waits for it meanwhile; case decisions also lock the case's row before
the head.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Executable
from sqlalchemy.orm import Session

from clearance.audit.log import Event, driver_rows
from clearance.audit.receipts import subject_key
from clearance.cases.goodguy import matching_facts
from clearance.cases.model import State
from clearance.cases.statements import JOIN, OPEN, PG_JOIN, PG_OPEN, join_params, pg_params
from clearance.errors import ClearanceError
from clearance.matching.result import Match
from clearance.model import Entity

CASE = "case"
# PostgreSQL: a case's receipt link written by the statement that appends the case's audit row
PG_LINK = (
    "l AS (INSERT INTO case_receipts (case_id, receipt_id) "
    "VALUES (CAST(:l_case AS integer), CAST(:l_receipt AS text)))"
)


def _now() -> datetime:
    return datetime.now(UTC)


def case_for(
    s: Session,
    subject: dict[str, Any],
    match: Match,
    *,
    receipt: str,
    snapshot: str,
    source: str,
    listed: Entity | None,
    changes: list[str] | None,
) -> tuple[int, dict[str, Any]]:
    """The case for (subject, listed entity) opened, or the open one joined (its row locked
    until the commit): its id, and the event its audit row records."""
    key = subject_key(subject)
    open_key = f"{key}|{match.entity_id}"
    facts = matching_facts(listed) if listed else {}
    conn = s.connection()
    # join the open case in one statement (UPDATE … RETURNING locks and changes its row)
    join = JOIN[bool(facts)]
    params = join_params(open_key, match.score, snapshot, _now(), facts)
    joined = _scalar(conn, join, PG_JOIN[bool(facts)], params)
    if joined is None:
        now = _now()
        values = {"open_key": open_key, "subject_key": key,
                  "subject_name": subject.get("name", ""), "subject": subject,
                  "entity_id": match.entity_id, "entity_name": match.name,
                  "list": match.list, "facts": facts, "changes": list(changes or []),
                  "score": match.score, "source": source, "snapshot_id": snapshot,
                  "state": State.OPEN.value, "created": now, "updated": now,
                  "version": 1}  # fmt: skip
        # one statement, no savepoint: a case another writer opened first is joined below
        opened = _scalar(conn, OPEN[conn.dialect.name], PG_OPEN, values)
        if opened is not None:
            event = {
                "event": "opened",
                "receipt": receipt,
                "entity_id": match.entity_id,
                "score": match.score,
                "snapshot": snapshot,
                "source": source,
                "reopened_because": list(changes or []),
            }
            return int(opened), event
        params = join_params(open_key, match.score, snapshot, _now(), facts)
        joined = _scalar(conn, join, PG_JOIN[bool(facts)], params)
        if joined is None:  # opened by another writer, so it is there: it locks it
            raise ClearanceError(f"case of {open_key} neither opened nor joined")
    event = {
        "event": "alert joined",
        "receipt": receipt,
        "score": match.score,
        "snapshot": snapshot,
        "source": source,
    }
    return int(joined), event


def _scalar(conn: Connection, statement: Executable, pg_sql: str, params: dict[str, Any]) -> Any:
    """The first column of the first row of ``statement`` (None: no row); on PostgreSQL its
    SQL ``pg_sql`` run on the driver's connection (see :mod:`.statements`)."""
    if conn.dialect.name == "postgresql":
        rows = driver_rows(conn, pg_sql, pg_params(params))
        return rows[0][0] if rows else None
    return conn.execute(statement, params).scalar()


def link_row(
    case_id: int, receipt: str, actor: str, event: dict[str, Any]
) -> tuple[Event, str, dict[str, Any]]:
    """A case's audit row with its receipt's link (PostgreSQL: :data:`PG_LINK` and its
    parameters, as :func:`~clearance.audit.log.append_pg` takes them)."""
    entry = Event(CASE, str(case_id), actor, {"case": case_id, **event})
    return entry, PG_LINK, {"l_case": case_id, "l_receipt": receipt}
