"""The case service: record screenings (receipt + cases for the alerts), list and show cases,
and apply the rules of :mod:`clearance.cases.model` under a row lock, each change written with
its audit-log row in one transaction (both or neither).

Entry points for other capabilities:

* :meth:`CaseService.record` — a screening result → one receipt, and for each alerting match
  a case opened or joined (unless an approved clear still holds: see the good-guy list).
* :meth:`CaseService.open_alert` — inside your own write transaction, open or join the case
  for one alert (monitoring, payments).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from clearance.audit.log import (
    Event,
    append,
    append_commit_pg,
    append_pg,
    entries,
    now_iso,
)
from clearance.audit.receipts import (
    ScreeningContext,
    new_id,
    pg_receipt,
    query_input,
    receipt_body,
    subject_key,
    write_receipt,
)
from clearance.audit.writer import receipt_writer
from clearance.auth.roles import Action, Actor, require
from clearance.cases import model
from clearance.cases.alerts import CASE, case_for, link_row
from clearance.cases.goodguy import GoodGuyVerdict, facts_hash, goodguy_checks
from clearance.cases.model import CaseView, Change, Proposal, State
from clearance.cases.tables import CaseReceiptRow, CaseRow, GoodGuyRow
from clearance.db import Database
from clearance.errors import NotFoundError
from clearance.matching.result import Match, ScreeningResult
from clearance.model import Entity

MAX_CASE_ID = 2_147_483_647  # cases.id is a 32-bit integer on PostgreSQL
EntityLookup = Callable[[str], Entity | None]


@dataclass(frozen=True, slots=True)
class Recorded:
    receipt: str
    cases: list[int] = field(default_factory=list)
    suppressed: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"receipt": self.receipt, "cases": self.cases, "suppressed": self.suppressed}


def _now() -> datetime:
    return datetime.now(UTC)


def case_dict(row: CaseRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "state": row.state,
        "subject": row.subject,
        "subject_name": row.subject_name,
        "subject_key": row.subject_key,
        "entity_id": row.entity_id,
        "entity_name": row.entity_name,
        "list": row.list_name,
        "score": row.score,
        "source": row.source,
        "snapshot": row.snapshot_id,
        "assignee": row.assignee,
        "due": row.due.isoformat() if row.due else None,
        "proposal": row.proposal,
        "proposal_reason": row.proposal_reason,
        "proposed_by": row.proposed_by,
        "decided_by": row.decided_by,
        "decision_reason": row.decision_reason,
        "reopened_because": row.changes,
        "programs": row.facts.get("programs", []),
        "created": row.created.isoformat(),
        "updated": row.updated.isoformat(),
        "version": row.version,
    }


def known_case_id(case_id: int) -> int:
    """``case_id`` if a case could have it; else the "no case" error (no database asked)."""
    if not 1 <= case_id <= MAX_CASE_ID:
        raise NotFoundError(f"no case {case_id}")
    return case_id


def parse_state(state: str) -> State:
    try:
        return State(state)
    except ValueError:
        names = ", ".join(s.value for s in State)
        raise model.CaseInputError(f"{state!r} is not a case state ({names})") from None


def _view(row: CaseRow) -> CaseView:
    return CaseView(
        row.id,
        State(row.state),
        Proposal(row.proposal) if row.proposal else None,
        row.proposed_by,
        row.decided_by,
    )


class CaseService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- recording ---------------------------------------------------------------------------
    def record(
        self,
        result: ScreeningResult,
        context: ScreeningContext,
        actor: Actor,
        *,
        entity: EntityLookup,
        source: str = "screen",
    ) -> Recorded:
        """One receipt for ``result``; a case opened or joined per alerting match, unless an
        approved clear of the same subject and entity still holds. One transaction."""
        queued = self.submit(result, context, actor, source=source)
        if queued is not None:
            recorded, done = queued
            done.result()  # committed
            return recorded
        with self.db.session(write=True) as s:
            return self._record_in(s, result, context, actor, entity, source, commit=True)

    def submit(
        self,
        result: ScreeningResult,
        context: ScreeningContext,
        actor: Actor,
        *,
        source: str = "screen",
    ) -> tuple[Recorded, Future[int]] | None:
        """A result without alerts: its receipt queued for the group-commit writer
        (:mod:`clearance.audit.writer`); the future resolves once it is committed. None for a
        result with alerts (those need :meth:`record`: cases in the same transaction)."""
        receipt = self.plain_receipt(result, context, actor, source=source)
        if receipt is None:
            return None
        body, recorded = receipt
        return recorded, receipt_writer(self.db).submit(body, actor.name)

    def plain_receipt(
        self,
        result: ScreeningResult,
        context: ScreeningContext,
        actor: Actor,
        *,
        source: str = "screen",
        candidates: list[dict[str, Any]] | None = None,
    ) -> tuple[dict[str, Any], Recorded] | None:
        """The receipt body of a result without alerts (for a writer to append), or None for
        a result with alerts (see :meth:`submit`); the caller's role is checked."""
        require(actor.name, actor.roles, Action.RECORD)
        if any(m.alert for m in result.matches):
            return None
        rid = new_id()
        body = receipt_body(
            result, context, receipt_id=rid, actor=actor.name, source=source, kind="screen",
            candidates=candidates,
        )  # fmt: skip
        return body, Recorded(rid)

    def record_batch(
        self,
        alerts: Sequence[ScreeningResult],
        context: ScreeningContext,
        actor: Actor,
        *,
        entity: EntityLookup,
        run: dict[str, Any],
        source: str = "batch",
    ) -> tuple[str, list[Recorded]]:
        """A batch run: one receipt for the run (``run``: ``input_sha256``, ``output_sha256``,
        ``counts``) and one per alerting result, with its cases, in one transaction."""
        require(actor.name, actor.roles, Action.RECORD)
        run_id = new_id()
        body = {
            "receipt": run_id, "kind": "batch-run", "source": source, "run": None,
            "at": now_iso(), "actor": actor.name, "input": {"file_sha256": run["input_sha256"]},
            "input_sha256": run["input_sha256"], "output_sha256": run["output_sha256"],
            "counts": dict(run["counts"]), "snapshot": context.snapshot, "lists": context.lists,
            "algorithm": context.algorithm, "outcome": f"{len(alerts)} alerts",
        }  # fmt: skip
        with self.db.session(write=True) as s:
            write_receipt(s, body, actor.name)
            out = [
                self._record_in(s, r, context, actor, entity, source, "alert", run_id)
                for r in alerts
            ]
        return run_id, out

    def _record_in(
        self,
        s: Session,
        result: ScreeningResult,
        context: ScreeningContext,
        actor: Actor,
        entity: EntityLookup,
        source: str,
        kind: str = "screen",
        run_id: str | None = None,
        *,
        commit: bool = False,
    ) -> Recorded:
        """``commit``: on PostgreSQL, the rows are appended and the transaction committed in
        one round trip (nothing may follow in it)."""
        rid = new_id()
        body = receipt_body(
            result, context, receipt_id=rid, actor=actor.name, source=source, kind=kind,
            run_id=run_id,
        )  # fmt: skip
        alerts = [m for m in result.matches if m.alert]
        entities = {m.entity_id: entity(m.entity_id) for m in alerts}
        known = [e for e in entities.values() if e is not None]
        found = goodguy_checks(s, body["subject_key"], known) if known else {}
        verdicts: dict[str, tuple[GoodGuyVerdict, Entity | None]] = {
            k: (found[e.id] if e else GoodGuyVerdict(False), e) for k, e in entities.items()
        }
        if verdicts:
            body["goodguy"] = {k: v[0].to_dict() for k, v in verdicts.items() if v[0].cleared}
        # the cases first (their rows locked in open-key order), the chain head last: it stays
        # locked from the receipt's row to the commit, and every other recorder waits for it
        opened: dict[int, tuple[int, dict[str, Any]]] = {}
        for i in sorted(range(len(alerts)), key=lambda i: alerts[i].entity_id):
            verdict, listed = verdicts[alerts[i].entity_id]
            if not verdict.suppressed:
                opened[i] = case_for(
                    s, body["input"], alerts[i], receipt=rid, snapshot=context.snapshot,
                    source=source, listed=listed, changes=verdict.changes,
                )  # fmt: skip
        cases, suppressed, links = [], [], []
        for i, match in enumerate(alerts):
            if i not in opened:
                case = verdicts[match.entity_id][0].case_id
                suppressed.append({"entity_id": match.entity_id, "case": case})
                continue
            links.append(opened[i])
            cases.append(opened[i][0])
        if commit and self.db.is_postgres:
            rows = [link_row(case_id, rid, actor.name, event) for case_id, event in links]
            append_commit_pg(s.connection(), [pg_receipt(body, actor.name), *rows])
            return Recorded(rid, cases, suppressed)
        write_receipt(s, body, actor.name)
        for case_id, event in links:
            self._link(s, case_id, rid, actor.name, event)
        return Recorded(rid, cases, suppressed)

    def open_alert(
        self,
        s: Session,
        subject: dict[str, Any],
        match: Match,
        *,
        receipt: str,
        snapshot: str,
        source: str,
        actor: str,
        listed: Entity | None = None,
        changes: list[str] | None = None,
    ) -> int:
        """Open the case for (subject, listed entity), or join the open one; returns its id.
        Runs inside the caller's write transaction."""
        case_id, event = case_for(
            s, subject, match, receipt=receipt, snapshot=snapshot, source=source, listed=listed,
            changes=changes,
        )  # fmt: skip
        self._link(s, case_id, receipt, actor, event)
        return case_id

    def _link(
        self, s: Session, case_id: int, receipt: str, actor: str, event: dict[str, Any]
    ) -> None:
        """The receipt linked to the case and the case's audit row, both in the caller's
        transaction (on PostgreSQL one statement)."""
        conn = s.connection()
        entry, link, params = link_row(case_id, receipt, actor, event)
        if self.db.is_postgres:
            append_pg(conn, entry, link, params)
            return
        conn.execute(insert(CaseReceiptRow), {"case_id": case_id, "receipt_id": receipt})
        append(conn, [entry])

    # -- reading -----------------------------------------------------------------------------
    def list_cases(
        self,
        actor: Actor,
        *,
        state: str | None = None,
        assignee: str | None = None,
        entity_id: str | None = None,
        subject: str | None = None,
        limit: int = 50,
        before: int | None = None,
    ) -> list[dict[str, Any]]:
        """Cases, newest first, filtered; page with ``before`` (the last id seen)."""
        require(actor.name, actor.roles, Action.READ_CASES)
        q = select(CaseRow)
        if state:
            q = q.where(CaseRow.state == parse_state(state).value)
        if assignee:
            q = q.where(CaseRow.assignee == assignee)
        if entity_id:
            q = q.where(CaseRow.entity_id == entity_id)
        if subject:  # a subject key, or a name (matched as the key of that name alone)
            key = subject if len(subject) == 64 else subject_key({"name": subject})
            q = q.where(CaseRow.subject_key == key)
        if before:
            q = q.where(CaseRow.id < min(before, MAX_CASE_ID + 1))
        with self.db.session() as s:
            return [case_dict(r) for r in s.scalars(q.order_by(CaseRow.id.desc()).limit(limit))]

    def count(self, actor: Actor, state: str | None = None) -> int:
        require(actor.name, actor.roles, Action.READ_CASES)
        q = select(func.count()).select_from(CaseRow)
        if state:
            q = q.where(CaseRow.state == parse_state(state).value)
        with self.db.session() as s:
            return int(s.scalar(q) or 0)

    def get(self, actor: Actor, case_id: int) -> dict[str, Any]:
        """The case with its receipts and full history (from the audit log)."""
        require(actor.name, actor.roles, Action.READ_CASES)
        known_case_id(case_id)
        with self.db.session() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFoundError(f"no case {case_id}")
            data = case_dict(row)
            data["receipts"] = list(
                s.scalars(
                    select(CaseReceiptRow.receipt_id).where(CaseReceiptRow.case_id == case_id)
                )
            )
        data["history"] = entries(self.db, CASE, str(case_id))
        return data

    # -- changing ----------------------------------------------------------------------------
    def _apply(
        self,
        case_id: int,
        actor: Actor,
        rule: Callable[[CaseView], Change],
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        known_case_id(case_id)
        with self.db.session(write=True) as s:
            row = s.scalars(select(CaseRow).where(CaseRow.id == case_id).with_for_update()).first()
            if row is None:
                raise NotFoundError(f"no case {case_id}")
            if expected_version is not None and row.version != expected_version:
                raise model.CaseConflict(
                    f"case {case_id} changed since you read it (version {row.version}, "
                    f"you had {expected_version}); reload and try again"
                )
            change = rule(_view(row))
            for name, value in change.fields.items():
                setattr(row, name, value.value if isinstance(value, State | Proposal) else value)
            row.version += 1
            row.updated = _now()
            body = {"case": case_id, "version": row.version, **change.event}
            if change.event["event"] == "approved" and row.proposal == Proposal.CLEAR.value:
                self._clear(s, row, actor.name)
                body["goodguy"] = {
                    "entity_id": row.entity_id,
                    "facts_sha256": facts_hash(row.facts),
                }
            append(s, [Event(CASE, str(case_id), actor.name, body)])
            return case_dict(row)

    def _clear(self, s: Session, row: CaseRow, actor: str) -> None:
        old = s.scalars(
            select(GoodGuyRow).where(
                GoodGuyRow.subject_key == row.subject_key,
                GoodGuyRow.entity_id == row.entity_id,
                GoodGuyRow.active.is_(True),
            )
        )
        for prior in old:
            prior.active = False
        s.add(
            GoodGuyRow(
                subject_key=row.subject_key,
                entity_id=row.entity_id,
                facts=row.facts,
                facts_sha256=facts_hash(row.facts),
                case_id=row.id,
                snapshot_id=row.snapshot_id,
                decided_by=actor,
                decided_at=_now(),
                active=True,
            )
        )

    def start_review(self, case_id: int, actor: Actor) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.start_review(c, actor))

    def assign(self, case_id: int, actor: Actor, assignee: str | None) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.assign(c, actor, assignee))

    def set_due(self, case_id: int, actor: Actor, due: date | None) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.set_due(c, actor, due))

    def comment(self, case_id: int, actor: Actor, text: str) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.comment(c, actor, text))

    def propose(
        self, case_id: int, actor: Actor, proposal: str, reason: str, version: int | None = None
    ) -> dict[str, Any]:
        parsed = Proposal.parse(proposal)
        return self._apply(
            case_id, actor, lambda c: model.propose(c, actor, parsed, reason), version
        )

    def approve(
        self, case_id: int, actor: Actor, reason: str | None = None, version: int | None = None
    ) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.approve(c, actor, reason), version)

    def send_back(
        self, case_id: int, actor: Actor, reason: str, version: int | None = None
    ) -> dict[str, Any]:
        return self._apply(case_id, actor, lambda c: model.send_back(c, actor, reason), version)


def subject_of(result: ScreeningResult) -> dict[str, Any]:
    return query_input(result.query)
