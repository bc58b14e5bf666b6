"""Payment screening endpoints: ``POST /payments/screen`` (a raw MT or ISO 20022 body; the
content type decides) and ``POST /payments/screen/batch`` (JSON: many messages)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi import Query as QueryParam
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse, PayloadTooLarge, UnsupportedMediaType
from clearance.api.service import ApiService, Engine
from clearance.audit.receipts import pin_snapshot, screening_context
from clearance.auth.keys import Role
from clearance.messages import Message, ReadError, read_bytes
from clearance.payments import Decision, PaymentScreener, Policy, SnapshotLists
from clearance.payments.pacs002 import status_report
from clearance.payments.record import PaymentRecorder

router = APIRouter(tags=["screening"])
screener_role = Depends(require(Role.SCREENER))

XML_TYPES = {"application/xml", "text/xml", "application/iso20022+xml"}
MT_TYPES = {"text/plain", "application/x-swift-fin", "application/octet-stream"}


class BatchItem(BaseModel):
    id: str | None = None
    format: Literal["mt", "iso"] | None = Field(None, description="Sniffed when omitted.")
    body: str


class PaymentBatch(BaseModel):
    messages: list[BatchItem]
    pacs002: bool = False
    record: bool = Field(False, description="As `?record=true` on `/payments/screen`.")


RECORD_HELP = (
    "Write a receipt per message to the audit trail (the message as read and its canonical "
    "SHA-256, the decision, rule and every hit with its field path) and open or join a case "
    "per hit that stops the payment; each result gains `recorded` (receipt id, case ids, "
    "suppressed alerts). Always on when the server runs with `CLEARANCE_RECORD_PAYMENTS=true`."
)


def payment_screener(request: Request, engine: Engine) -> PaymentScreener:
    """One payment screener per loaded snapshot (rebuilt when the server switches)."""
    held: PaymentScreener | None = getattr(request.app.state, "payments", None)
    if held is None or held.lists.snapshot_id != engine.screener.snapshot_id:
        held = PaymentScreener(SnapshotLists(engine), Policy.load())
        request.app.state.payments = held
    return held


def payment_recorder(
    request: Request, engine: Engine, screener: PaymentScreener, who: Principal
) -> PaymentRecorder:
    """Receipts and cases for this caller (the database is opened on first use)."""
    decisions = request.app.state.decisions
    pin_snapshot(decisions.store, engine.snapshot.id)
    context = screening_context(engine.snapshot, engine.screener)
    return PaymentRecorder(decisions.cases(), context, who.actor, screener.policy,
                           entity=engine.snapshot.entity, source="api")  # fmt: skip


def kind_of(content_type: str) -> str:
    media = content_type.split(";", 1)[0].strip().lower()
    if media in XML_TYPES or media.endswith("+xml"):
        return "iso"
    if media in MT_TYPES:
        return "mt"
    raise UnsupportedMediaType(
        f"content type {media or 'missing'!r}: send ISO 20022 as application/xml and SWIFT FIN "
        "as text/plain"
    )


def screen_items(
    screener: PaymentScreener,
    items: list[Message | ReadError],
    pacs002: bool,
    ref: str | None,
    recorder: PaymentRecorder | None = None,
) -> list[dict[str, Any]]:
    out = []
    for item in items:
        if isinstance(item, ReadError):
            record = item.to_dict()
        else:
            decision = screener.screen(item)
            record = decision.to_dict()
            if pacs002 and decision.label == "reject":
                record["pacs002"] = _report(decision)
            if recorder is not None:
                record["recorded"] = recorder.record(decision).to_dict()
        if ref is not None:
            record["id"] = ref
        out.append(record)
    return out


def _report(decision: Decision) -> str:
    ref = decision.message.reference or "message"
    return status_report(decision, message_id=f"RJCT-{ref}"[:35]).decode()


def _answer(screener: PaymentScreener, results: list[dict[str, Any]]) -> dict[str, Any]:
    counts: dict[str, int] = {"clear": 0, "review": 0, "reject": 0, "block": 0, "errors": 0}
    for record in results:
        counts[record.get("decision", "errors")] += 1
    return {
        "counts": counts,
        "snapshot": screener.lists.snapshot_id,
        "algorithm": screener.lists.algorithm,
        "policy": screener.policy.describe(),
        "results": results,
    }


@router.post(
    "/payments/screen",
    summary="Screen payment messages",
    description=(
        "The body is one payment file: SWIFT FIN MT103 / MT202COV text (`text/plain`, one or "
        "many `$`-separated messages) or ISO 20022 XML (`application/xml`: pacs.008, pacs.009, "
        "pain.001, with or without the head.001 header). Each message gets a decision — "
        "block, reject, review or clear — with every hit's field path, matched entity, "
        "program, score, reason and rule; a message that cannot be read gets an error naming "
        "the field. `?pacs002=true` adds a pacs.002 RJCT report to each reject. Needs the "
        "`screener` role."
    ),
    response_model=None,
)
async def screen_payment(
    request: Request,
    pacs002: bool = False,
    record: bool = QueryParam(default=False, description=RECORD_HELP),
    who: Principal = screener_role,
) -> OrjsonResponse:
    service: ApiService = request.app.state.service
    kind = kind_of(request.headers.get("content-type", ""))
    body = await request.body()
    engine = service.engine()
    screener = payment_screener(request, engine)

    record = record or service.settings.decisions.record_payments

    def work() -> dict[str, Any]:
        recorder = payment_recorder(request, engine, screener, who) if record else None
        items = read_bytes(body, "body", kind=kind)
        return _answer(screener, screen_items(screener, items, pacs002, None, recorder))

    return OrjsonResponse(await run_in_threadpool(work))


@router.post(
    "/payments/screen/batch",
    summary="Screen many payment messages",
    description=(
        'JSON `{"messages": [{"id", "format": "mt"|"iso", "body"}], "pacs002"}`: '
        "each body is read and screened on its own (at most `CLEARANCE_API_MAX_BATCH`); the "
        "results carry the item's `id`. Needs the `screener` role."
    ),
    response_model=None,
)
async def screen_payment_batch(
    body: PaymentBatch, request: Request, who: Principal = screener_role
) -> OrjsonResponse:
    service: ApiService = request.app.state.service
    limit = service.settings.api.max_batch
    if len(body.messages) > limit:
        raise PayloadTooLarge(
            f"{len(body.messages)} messages in one batch; at most {limit} (CLEARANCE_API_MAX_BATCH)"
        )
    engine = service.engine()
    screener = payment_screener(request, engine)

    def work() -> dict[str, Any]:
        record = body.record or service.settings.decisions.record_payments
        recorder = payment_recorder(request, engine, screener, who) if record else None
        results: list[dict[str, Any]] = []
        for number, item in enumerate(body.messages, 1):
            source = f"messages[{number}]"
            items = read_bytes(item.body.encode("utf-8"), source, kind=item.format)
            results.extend(screen_items(screener, items, body.pacs002, item.id, recorder))
        return _answer(screener, results)

    return OrjsonResponse(await run_in_threadpool(work))
