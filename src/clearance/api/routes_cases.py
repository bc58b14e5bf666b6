"""Cases, receipts and the audit trail over HTTP: ``/cases…``, ``/receipts/{id}``,
``/audit/head``, ``/audit/verify``. Every endpoint authenticates the caller; the case core
checks their roles and the four-eyes rule (403), a decision that lost a race gets 409, an
unknown case or receipt 404, and a database that cannot be reached 503."""

from __future__ import annotations

import asyncio
import logging
import threading
import weakref
from collections.abc import Awaitable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse
from clearance.api.schemas import ERRORS
from clearance.api.service import Engine
from clearance.audit.loop_writer import LoopReceiptWriter, sqlite_path
from clearance.audit.receipts import (
    ScreeningContext,
    is_pinned,
    load_receipt,
    pin_snapshot,
    screening_context,
)
from clearance.audit.spool import ReceiptSpool
from clearance.audit.spool_file import ship_orphans, spool_dir
from clearance.auth.keys import Role
from clearance.auth.roles import Action
from clearance.auth.roles import require as require_role
from clearance.auth.users import UserStore
from clearance.cases.service import CaseService, Recorded
from clearance.db import Database
from clearance.db.engine import LazyDatabase, database_url
from clearance.errors import ClearanceError
from clearance.matching.result import ScreeningResult
from clearance.settings import Settings
from clearance.snapshots import SnapshotStore

if TYPE_CHECKING:  # psycopg (the db extra) is imported only for a PostgreSQL database
    from clearance.audit.async_writer import AsyncReceiptWriter

Writer: TypeAlias = "AsyncReceiptWriter | LoopReceiptWriter"

log = logging.getLogger("clearance.api")
router = APIRouter(tags=["cases"])
# no upper bound here: a number beyond the database's integers is simply no case (404, from
# the case core, without asking the database)
CaseId = Annotated[int, PathParam(ge=1, description="The case number.")]
caller = Depends(require(Role.VIEWER))


class Decisions:
    """The database side of the API: users, cases, receipts (opened on first use)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = SnapshotStore(settings)
        self.lazy = LazyDatabase(settings)
        self._users: UserStore | None = None
        self._cases: CaseService | None = None
        self._lock = threading.Lock()
        # one PostgreSQL receipt writer per event loop (a server worker has one)
        self._writers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Writer] = (
            weakref.WeakKeyDictionary()
        )
        self._spool: ReceiptSpool | None = None  # CLEARANCE_RECORD_SPOOL
        # start_record's checks that passed: the engine, the case service, the context
        self._hot: tuple[Engine, CaseService, ScreeningContext] | None = None
        # the writer last used and its loop (a weak reference: the loop may go)
        self._last: tuple[weakref.ref[asyncio.AbstractEventLoop], Writer] | None = None

    def spool(self, db: Database) -> ReceiptSpool | None:
        """This process's receipt spool when ``CLEARANCE_RECORD_SPOOL`` is on (else None)."""
        if not self.settings.decisions.record_spool:
            return None
        with self._lock:
            if self._spool is None or self._spool.db is not db:
                d = self.settings.decisions
                self._spool = ReceiptSpool(
                    db, spool_dir(self.settings.home, db), fsync=d.record_spool_fsync,
                    limit=d.record_spool_limit, max_seconds=d.record_spool_seconds,
                    interval=d.record_spool_interval,
                )  # fmt: skip
            return self._spool

    def ship_spooled(self) -> None:
        """At start: ship what stopped servers left in the spool (whether or not the spool is
        on now), the database reachable; else a warning and the shipper retries later."""
        try:
            folder = spool_dir(self.settings.home, database_url(self.settings))
            if not folder.is_dir():
                return
            done = ship_orphans(self.lazy.get(), folder)
        except ClearanceError as exc:
            log.warning("receipt spool not shipped at start: %s", exc.message)
            return
        except Exception:  # a bad URL is reported by the first request that needs it
            log.exception("receipt spool not shipped at start")
            return
        for message in done.rejected:
            log.error("receipt spool: %s", message)

    def load_receipt(self, receipt_id: str) -> dict[str, Any]:
        """A receipt from the database, or from the spool before it is shipped."""
        db = self.lazy.get()
        return load_receipt(db, receipt_id, spool=spool_dir(self.settings.home, db))

    def users(self) -> UserStore:
        with self._lock:
            if self._users is None:
                self._users = UserStore(self.lazy.get())
            return self._users

    def cases(self) -> CaseService:
        with self._lock:
            if self._cases is None:
                self._cases = CaseService(self.lazy.get())
            return self._cases

    def record(self, engine: Engine, result: ScreeningResult, principal: Principal) -> Recorded:
        context = screening_context(engine.snapshot, engine.screener)
        pin_snapshot(self.store, engine.snapshot.id)
        return self.cases().record(
            result, context, principal.actor, entity=engine.snapshot.entity, source="api"
        )

    def start_record(
        self,
        engine: Engine,
        result: ScreeningResult,
        principal: Principal,
        candidates: list[dict[str, Any]] | None = None,
    ) -> tuple[Recorded, Awaitable[object]] | None:
        """A result without alerts, the snapshot already pinned, on PostgreSQL or a SQLite
        file, no receipt spool: its receipt handed to this event loop's group-commit writer
        (:class:`~clearance.audit.async_writer.AsyncReceiptWriter` sends a lone receipt's
        statement at once; :class:`~clearance.audit.loop_writer.LoopReceiptWriter` writes at
        the loop's next turn), and what the caller must await before answering (the commit);
        ``candidates``: the answer's matches, reused in the receipt. None otherwise: use
        :meth:`record_async`. The caller can render its answer meanwhile: the receipt id is
        known, and a result without alerts opens no case."""
        cases = self._cases
        if cases is None:
            return None
        hot = self._hot
        if hot is None or hot[0] is not engine or hot[1] is not cases:
            if self.settings.decisions.record_spool:
                return None
            if not is_pinned(self.store, engine.snapshot.id):
                return None
            if not cases.db.is_postgres and sqlite_path(cases.db) is None:
                return None
            # what holds for as long as the engine and the case service do (a pin stays)
            hot = self._hot = (engine, cases, screening_context(engine.snapshot, engine.screener))
        receipt = cases.plain_receipt(
            result, hot[2], principal.actor, source="api", candidates=candidates
        )
        if receipt is None:
            return None
        return receipt[1], self._async_writer(cases).submit(receipt[0], principal.name)

    async def record_async(
        self,
        engine: Engine,
        result: ScreeningResult,
        principal: Principal,
        candidates: list[dict[str, Any]] | None = None,
    ) -> Recorded:
        """:meth:`record` without a worker thread when the result has no alert (the snapshot
        already pinned; ``candidates``: the answer's matches, reused in the receipt): the
        receipt goes to a group-commit writer and this awaits its
        commit on this event loop, with no thread at all (PostgreSQL:
        :class:`~clearance.audit.async_writer.AsyncReceiptWriter`; a SQLite file:
        :class:`~clearance.audit.loop_writer.LoopReceiptWriter`, which hands a locked
        database to the writer thread). With ``CLEARANCE_RECORD_SPOOL`` the receipt is
        written to this process's :class:`~clearance.audit.spool.ReceiptSpool` instead and
        the request is answered without waiting for the database."""
        started = self.start_record(engine, result, principal, candidates)
        if started is not None:
            await started[1]
            return started[0]
        return await self.record_rest(engine, result, principal, candidates)

    async def record_rest(
        self,
        engine: Engine,
        result: ScreeningResult,
        principal: Principal,
        candidates: list[dict[str, Any]] | None = None,
    ) -> Recorded:
        """:meth:`record_async` for what :meth:`start_record` leaves (it returned None): the
        receipt spool, an in-memory SQLite database, a result with alerts or the snapshot not
        yet pinned (a worker thread: :meth:`record`)."""
        if is_pinned(self.store, engine.snapshot.id) and self._cases is not None:
            cases = self._cases
            context = screening_context(engine.snapshot, engine.screener)
            if cases.db.is_postgres or sqlite_path(cases.db) is not None:
                spool = self.spool(cases.db)  # (else alerts: below)
                receipt = cases.plain_receipt(
                    result, context, principal.actor, source="api", candidates=candidates
                )
                if receipt is not None and spool is not None:
                    await spool.put(receipt[0], principal.name)
                    return receipt[1]
            else:  # an in-memory SQLite database: only the pool's connection sees it
                queued = cases.submit(result, context, principal.actor, source="api")
                if queued is not None:
                    await asyncio.wrap_future(queued[1])
                    return queued[0]
        recorded: Recorded = await run_in_threadpool(self.record, engine, result, principal)
        return recorded

    async def aclose(self) -> None:
        """Close this event loop's receipt writer connection and ship the spool (server
        shutdown)."""
        spool, self._spool = self._spool, None
        if spool is not None:
            await run_in_threadpool(spool.close)
        self._last = None
        writer = self._writers.pop(asyncio.get_running_loop(), None)
        if writer is not None:
            await writer.close()

    def writer_stats(self) -> dict[str, float]:
        """This process's receipt writers' counters, summed (``/metrics``)."""
        names = ("batches", "receipts", "behind", "flight_seconds", "known_head", "stale")
        totals = dict.fromkeys(names, 0.0)
        for writer in list(self._writers.values()):
            totals["batches"] += writer.batches
            totals["receipts"] += writer.written
            totals["behind"] += getattr(writer, "behind", 0)
            totals["flight_seconds"] += getattr(writer, "flight_seconds", 0.0)
            totals["known_head"] += getattr(writer, "from_known_head", 0)
            totals["stale"] += getattr(writer, "stale", 0)
        return totals

    def _async_writer(self, cases: CaseService) -> Writer:
        loop = asyncio.get_running_loop()
        last = self._last
        if last is not None and last[0]() is loop and last[1].db is cases.db:
            return last[1]  # (the weak-keyed look-up makes a weak reference every time)
        found = self._writers.get(loop)
        if found is None or found.db is not cases.db:
            if cases.db.is_postgres:
                from clearance.audit.async_writer import AsyncReceiptWriter

                found = self._writers[loop] = AsyncReceiptWriter(cases.db, loop=loop)
            else:
                found = self._writers[loop] = LoopReceiptWriter(cases.db)
        self._last = (weakref.ref(loop), found)
        return found


def _decisions(request: Request) -> Decisions:
    found: Decisions = request.app.state.decisions
    return found


class AssignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    assignee: str | None = Field(default=None, max_length=64, description="User; null unassigns.")
    due: date | None = Field(default=None, description="Due date (YYYY-MM-DD).")


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=10_000)


class ProposeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: str = Field(
        description="block, reject (true match), clear (false positive), escalate."
    )
    reason: str = Field(max_length=10_000, description="Why (required).")
    version: int | None = Field(
        default=None, description="The case version you saw (409 if stale)."
    )


class DecideIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(default=None, max_length=10_000)
    version: int | None = Field(
        default=None, description="The case version you saw (409 if stale)."
    )


async def _run(fn: Any, *args: Any) -> OrjsonResponse:
    return OrjsonResponse(await run_in_threadpool(fn, *args))


@router.get("/cases", summary="List cases", responses=ERRORS)
async def list_cases(
    request: Request,
    state: str | None = Query(
        default=None, description="open, in_review, proposed, approved, returned"
    ),
    assignee: str | None = Query(default=None, max_length=64),
    entity_id: str | None = Query(default=None, max_length=200),
    subject: str | None = Query(default=None, max_length=300, description="Subject key or name."),
    limit: int = Query(default=50, ge=1, le=1000),
    before: int | None = Query(
        default=None, ge=1, le=2_147_483_648, description="Page: cases with a smaller id."
    ),
    who: Principal = caller,
) -> OrjsonResponse:
    service = _decisions(request).cases()

    def run() -> dict[str, Any]:
        rows = service.list_cases(  # an unknown state is a CaseInputError (422)
            who.actor,
            state=state,
            assignee=assignee,
            entity_id=entity_id,
            subject=subject,
            limit=limit,
            before=before,
        )
        return {"cases": rows, "next": rows[-1]["id"] if len(rows) == limit else None}

    return await _run(run)


@router.get("/cases/{case_id}", summary="A case with its receipts and history", responses=ERRORS)
async def get_case(case_id: CaseId, request: Request, who: Principal = caller) -> OrjsonResponse:
    return await _run(_decisions(request).cases().get, who.actor, case_id)


@router.post(
    "/cases/{case_id}/assign", summary="Assign a case / set its due date", responses=ERRORS
)
async def assign(
    case_id: CaseId, body: AssignIn, request: Request, who: Principal = caller
) -> OrjsonResponse:
    decisions = _decisions(request)

    def run() -> dict[str, Any]:
        if body.assignee:
            decisions.users().get(body.assignee)
        data = decisions.cases().assign(case_id, who.actor, body.assignee)
        if body.due is not None:
            data = decisions.cases().set_due(case_id, who.actor, body.due)
        return data

    return await _run(run)


@router.post("/cases/{case_id}/review", summary="Start reviewing a case", responses=ERRORS)
async def review(case_id: CaseId, request: Request, who: Principal = caller) -> OrjsonResponse:
    return await _run(_decisions(request).cases().start_review, case_id, who.actor)


@router.post("/cases/{case_id}/comments", summary="Comment on a case", responses=ERRORS)
async def comment(
    case_id: CaseId, body: TextIn, request: Request, who: Principal = caller
) -> OrjsonResponse:
    return await _run(_decisions(request).cases().comment, case_id, who.actor, body.text)


@router.post("/cases/{case_id}/propose", summary="Propose a decision (analyst)", responses=ERRORS)
async def propose(
    case_id: CaseId, body: ProposeIn, request: Request, who: Principal = caller
) -> OrjsonResponse:
    service = _decisions(request).cases()
    return await _run(service.propose, case_id, who.actor, body.decision, body.reason, body.version)


@router.post(
    "/cases/{case_id}/approve", summary="Approve a proposal (another supervisor)", responses=ERRORS
)
async def approve(
    case_id: CaseId, body: DecideIn, request: Request, who: Principal = caller
) -> OrjsonResponse:
    service = _decisions(request).cases()
    return await _run(service.approve, case_id, who.actor, body.reason, body.version)


@router.post(
    "/cases/{case_id}/return", summary="Send a proposal back (supervisor)", responses=ERRORS
)
async def send_back(
    case_id: CaseId, body: DecideIn, request: Request, who: Principal = caller
) -> OrjsonResponse:
    service = _decisions(request).cases()
    return await _run(service.send_back, case_id, who.actor, body.reason or "", body.version)


@router.get("/cases/{case_id}/export", summary="Examiner's export of a case", responses=ERRORS)
async def export(case_id: CaseId, request: Request, who: Principal = caller) -> OrjsonResponse:
    from clearance.cases.export import export_case

    return await _run(export_case, _decisions(request).cases(), who.actor, case_id)


@router.get(
    "/cases/{case_id}/report",
    summary="OFAC blocked-property / rejected-transaction report",
    responses=ERRORS,
    response_model=None,
)
async def report(
    case_id: CaseId,
    request: Request,
    format: str = Query(default="json", pattern="^(json|csv|html)$"),
    holder: str = Query(default="", max_length=300),
    property: str | None = Query(default=None, max_length=1000),
    value: str | None = Query(default=None, max_length=100),
    who: Principal = caller,
) -> Response:
    from clearance.audit.reports import report_csv, report_html
    from clearance.cases.export import ofac_report

    service = _decisions(request).cases()
    data = await run_in_threadpool(
        lambda: ofac_report(
            service, who.actor, case_id, holder=holder, property_text=property, value=value
        )
    )
    if format == "csv":
        return PlainTextResponse(report_csv(data), media_type="text/csv")
    if format == "html":
        return HTMLResponse(report_html(data))
    return OrjsonResponse(data)


@router.get("/receipts/{receipt_id}", summary="A screening receipt", responses=ERRORS)
async def receipt(receipt_id: str, request: Request, who: Principal = caller) -> OrjsonResponse:
    require_role(who.name, who.roles, Action.READ_CASES)
    return await _run(_decisions(request).load_receipt, receipt_id)


@router.get("/audit/head", summary="The audit chain head (keep a copy)", responses=ERRORS)
async def audit_head(request: Request, who: Principal = caller) -> OrjsonResponse:
    from clearance.audit.log import read_head

    require_role(who.name, who.roles, Action.READ_AUDIT)
    head = await run_in_threadpool(read_head, _decisions(request).lazy.get())
    return OrjsonResponse(head.to_dict())


@router.get("/audit/verify", summary="Verify the whole audit chain", responses=ERRORS)
async def audit_verify(request: Request, who: Principal = caller) -> OrjsonResponse:
    from clearance.audit.log import verify

    require_role(who.name, who.roles, Action.READ_AUDIT)
    verdict = await run_in_threadpool(verify, _decisions(request).lazy.get())
    return OrjsonResponse(verdict.to_dict(), status_code=200 if verdict.ok else 409)
