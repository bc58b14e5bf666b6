"""Payments page: paste or upload a SWIFT MT or ISO 20022 message → the decision (block /
reject / review / clear) with each field's hits, from the payment core (:mod:`clearance.payments`,
the same screener as ``POST /payments/screen``); with "Record" ticked (users who may record:
not an auditor), a receipt per message and a case per stopping hit, as ``?record=true``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.api.routes_payments import payment_recorder, payment_screener
from clearance.auth.keys import Role
from clearance.messages import Message, ReadError, read_bytes
from clearance.payments import PaymentScreener
from clearance.payments.record import PaymentRecorder
from clearance.web import deps
from clearance.web.deps import PREFIX, page_errors, render

router = APIRouter(prefix=PREFIX, include_in_schema=False)
MAX_MESSAGE = 1_000_000


@router.get("/payments")
async def payments_page(
    request: Request, _: Principal = Depends(deps.page(Role.SCREENER))
) -> Response:
    context = {"title": "Payments", "text": "", "results": None, "record": False}
    return render(request, "payments.html", context)


async def _body(form: FormData) -> tuple[bytes, str]:
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        return await upload.read(MAX_MESSAGE + 1), upload.filename
    return str(form.get("message") or "").encode("utf-8"), "pasted message"


def screen_body(
    screener: PaymentScreener, body: bytes, source: str, recorder: PaymentRecorder | None = None
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in read_bytes(body, source):
        if isinstance(item, ReadError):
            out.append({"error": item})
        elif isinstance(item, Message):
            decision = screener.screen(item)
            recorded = recorder.record(decision) if recorder is not None else None
            out.append({"decision": decision, "recorded": recorded})
    return out


@router.post("/payments")
async def screen_payment(
    request: Request,
    posted: tuple[Principal, FormData] = Depends(deps.action(Role.SCREENER)),
) -> Response:
    who, form = posted
    body, source = await _body(form)
    text = body.decode("utf-8", errors="replace") if len(body) <= 200_000 else ""
    record = form.get("record") == "on" or deps.service(request).settings.decisions.record_payments
    context: dict[str, Any] = {"title": "Payments", "text": text, "source": source,
                               "record": record}  # fmt: skip
    if not body.strip():
        context["error"] = "Paste a message or choose a file."
        return render(request, "payments.html", {**context, "results": None}, status=422)
    if len(body) > MAX_MESSAGE:
        context["error"] = f"{source}: larger than {MAX_MESSAGE:,} bytes."
        return render(request, "payments.html", {**context, "results": None}, status=413)
    engine = deps.engine(request)
    screener = payment_screener(request, engine)  # the API's, per snapshot

    def work() -> list[dict[str, Any]]:
        # the recorder checks the user's roles (an auditor may not record) before anything
        recorder = payment_recorder(request, engine, screener, who) if record else None
        return screen_body(screener, body, source, recorder)

    with page_errors():
        results = await run_in_threadpool(work)
    return render(request, "payments.html", {**context, "results": results})
