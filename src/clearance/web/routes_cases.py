"""Alerts and cases: the queue, the case page and its actions, recording a screening.

Every page and action calls the case core (:class:`clearance.cases.service.CaseService`, as the
API's ``/cases…`` routes do), which checks the user's roles and the four-eyes rule itself: a
button the user may not use is not shown, and posting its form anyway is refused by the core
(403). Every form carries the session's CSRF token (:func:`clearance.web.deps.action`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.api.errors import status_of
from clearance.api.routes_cases import Decisions
from clearance.api.routes_screen import screen_one
from clearance.audit.receipts import load_receipt
from clearance.auth.keys import Role
from clearance.auth.roles import Action, allowed
from clearance.cases.goodguy import matching_facts
from clearance.cases.model import CaseInputError, Proposal, State
from clearance.cases.queue import UNASSIGNED, QueueFilter, queue
from clearance.errors import ClearanceError
from clearance.web import deps
from clearance.web.audit_state import chain_state
from clearance.web.deps import PREFIX, PageError, page_errors, redirect, render
from clearance.web.present import show_candidate
from clearance.web.routes_pages import SCREEN_FIELDS, screen_request

router = APIRouter(prefix=PREFIX, include_in_schema=False)
QUEUE_PAGE = 50
CaseId = Annotated[int, PathParam(ge=1, le=2_147_483_647)]
DONE = {
    "recorded": "The screening was recorded.",
    "assigned": "Assignment saved.",
    "due": "Due date saved.",
    "review": "Review started.",
    "comment": "Comment added.",
    "proposed": "Decision proposed; a supervisor must approve it.",
    "approved": "Decision approved.",
    "returned": "Proposal returned to the analyst.",
}
STATES = [s.value for s in State]
PROPOSALS = [p.value for p in Proposal]


decisions = deps.decisions_of


def _day(text: str, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CaseInputError(f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None


# -- the queue --------------------------------------------------------------------------------
def queue_view(
    request: Request, who: Principal, where: QueueFilter, before: int | None
) -> dict[str, Any]:
    d = decisions(request)
    rows = queue(d.cases(), who.actor, where, limit=QUEUE_PAGE, before=before)
    users = [u.name for u in d.users().users() if u.active]
    filters = {"state": where.state or "", "assignee": where.assignee or ""}
    filters["due"] = where.due_by.isoformat() if where.due_by else ""
    more = {k: v for k, v in filters.items() if v}
    next_url = None
    if len(rows) == QUEUE_PAGE:
        next_url = f"{PREFIX}/cases?" + urlencode({**more, "before": rows[-1]["id"]})
    return {
        "title": "Cases", "cases": rows, "users": users, "filters": filters, "states": STATES,
        "unassigned": UNASSIGNED, "next_url": next_url, "paged": before is not None,
        "first_url": f"{PREFIX}/cases?" + urlencode(more),
        "here": str(request.url.path) + ("?" + request.url.query if request.url.query else ""),
    }  # fmt: skip


@router.get("/cases")
async def cases_page(
    request: Request,
    state: Annotated[str, Query(max_length=20)] = "",
    assignee: Annotated[str, Query(max_length=64)] = "",
    due: Annotated[str, Query(max_length=20)] = "",
    before: Annotated[int | None, Query(ge=1, le=2_147_483_648)] = None,
    who: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    with page_errors():
        if state and state not in STATES:
            raise CaseInputError(f"unknown case state {state!r} ({', '.join(STATES)})")
        where = QueueFilter(state or None, assignee or None, _day(due, "due"))
        context = await run_in_threadpool(queue_view, request, who, where, before)
    return render(request, "cases.html", context)


# -- one case ---------------------------------------------------------------------------------
def evidence(d: Decisions, case: dict[str, Any]) -> dict[str, Any] | None:
    """The latest receipt behind the case and, in it, the candidate for the case's entity."""
    receipt_ids = [e["body"]["receipt"] for e in case["history"] if e["body"].get("receipt")]
    if not receipt_ids:
        return None
    body = load_receipt(d.lazy.get(), receipt_ids[-1])
    found = [c for c in body.get("candidates", []) if c.get("entity_id") == case["entity_id"]]
    if not found:
        return None
    query_name = str(body["input"].get("name") or "")
    query_pieces, listed_pieces = show_candidate(query_name, found[0])
    return {
        "receipt": body, "candidate": found[0], "query_pieces": query_pieces,
        "listed_pieces": listed_pieces,
    }  # fmt: skip


def case_view(request: Request, who: Principal, case_id: int) -> dict[str, Any]:
    d = decisions(request)
    case = d.cases().get(who.actor, case_id)
    roles = who.roles
    mine = case["proposed_by"] == who.name
    may_decide = allowed(roles, Action.APPROVE) and case["state"] == State.PROPOSED and not mine
    listed = deps.engine(request).snapshot.entity(case["entity_id"])
    return {
        "title": f"Case {case_id}",
        "case": case,
        "evidence": evidence(d, case),
        "listed": matching_facts(listed) if listed else None,  # as the good-guy list keeps it
        "users": [u.name for u in d.users().users() if u.active],
        "proposals": PROPOSALS,
        "closed": case["state"] == State.APPROVED,
        "may_work": allowed(roles, Action.WORK_CASE) and case["state"] != State.APPROVED,
        "may_propose": allowed(roles, Action.PROPOSE)
        and case["state"] in (State.OPEN, State.IN_REVIEW, State.RETURNED),
        "may_decide": may_decide,
        "proposed_by_me": mine and case["state"] == State.PROPOSED,
        "chain": chain_state(d.lazy.get()) if allowed(roles, Action.READ_AUDIT) else None,
    }


@router.get("/cases/{case_id}")
async def case_page(
    request: Request,
    case_id: CaseId,
    done: Annotated[str, Query(max_length=20)] = "",
    who: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    with page_errors():
        context = await run_in_threadpool(case_view, request, who, case_id)
    context["notice"] = DONE.get(done)
    return render(request, "case.html", context)


Posted = tuple[Principal, FormData]
posted_by = Depends(deps.action(Role.VIEWER))  # signed in + CSRF; the core checks the roles


async def _act(
    request: Request, who: Principal, case_id: int, done: str, change: Callable[[], Any]
) -> Response:
    """Run one core change; back to the case page (a refusal shown there with its status)."""
    try:
        await run_in_threadpool(change)
    except ClearanceError as exc:
        status = status_of(exc)[0]
        if status == 404 or status >= 500:
            raise PageError(status, exc.message) from exc
        with page_errors():
            context = await run_in_threadpool(case_view, request, who, case_id)
        return render(request, "case.html", {**context, "error": exc.message}, status)
    return redirect(f"{PREFIX}/cases/{case_id}?done={done}")


def _text(form: FormData, name: str) -> str:
    return str(form.get(name) or "").strip()


def _version(form: FormData) -> int | None:
    value = _text(form, "version")
    return int(value) if value.isdigit() else None


@router.post("/cases/{case_id}/assign")
async def assign(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted
    d = decisions(request)
    assignee = _text(form, "assignee") or None

    def change() -> None:
        if assignee:
            d.users().get(assignee)  # an unknown user is a 404, as in the API
        d.cases().assign(case_id, who.actor, assignee)

    back = _text(form, "back")
    if back.startswith(f"{PREFIX}/cases?") or back == f"{PREFIX}/cases":
        await run_in_threadpool(_checked, change)
        return redirect(back)
    return await _act(request, who, case_id, "assigned", change)


def _checked(change: Callable[[], Any]) -> None:
    with page_errors():
        change()


@router.post("/cases/{case_id}/due")
async def set_due(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted

    def change() -> None:
        day = _day(_text(form, "due"), "due date")
        decisions(request).cases().set_due(case_id, who.actor, day)

    return await _act(request, who, case_id, "due", change)


@router.post("/cases/{case_id}/review")
async def review(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, _ = posted
    service = decisions(request).cases()
    return await _act(
        request, who, case_id, "review", lambda: service.start_review(case_id, who.actor)
    )


@router.post("/cases/{case_id}/comment")
async def comment(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted
    service = decisions(request).cases()
    text = _text(form, "text")
    return await _act(
        request, who, case_id, "comment", lambda: service.comment(case_id, who.actor, text)
    )


@router.post("/cases/{case_id}/propose")
async def propose(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted
    service = decisions(request).cases()
    decision, reason, version = _text(form, "decision"), _text(form, "reason"), _version(form)
    return await _act(
        request,
        who,
        case_id,
        "proposed",
        lambda: service.propose(case_id, who.actor, decision, reason, version),
    )


@router.post("/cases/{case_id}/approve")
async def approve(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted
    service = decisions(request).cases()
    reason, version = _text(form, "reason") or None, _version(form)
    return await _act(
        request,
        who,
        case_id,
        "approved",
        lambda: service.approve(case_id, who.actor, reason, version),
    )


@router.post("/cases/{case_id}/return")
async def send_back(request: Request, case_id: CaseId, posted: Posted = posted_by) -> Response:
    who, form = posted
    service = decisions(request).cases()
    reason, version = _text(form, "reason"), _version(form)
    return await _act(
        request,
        who,
        case_id,
        "returned",
        lambda: service.send_back(case_id, who.actor, reason, version),
    )


@router.post("/audit/verify")
async def verify_chain(request: Request, posted: Posted = posted_by) -> Response:
    """Verify the whole audit chain now (auditor, supervisor, admin); back to the case."""
    who, form = posted
    db = decisions(request).lazy

    def run() -> None:
        from clearance.auth.roles import require

        require(who.name, who.roles, Action.READ_AUDIT)
        chain_state(db.get(), verify_now=True)

    with page_errors():
        await run_in_threadpool(run)
    back = _text(form, "back")
    return redirect(back if back.startswith(f"{PREFIX}/cases/") else f"{PREFIX}/cases")


# -- recording a screening --------------------------------------------------------------------
@router.post("/screen/record")
async def record(
    request: Request, posted: tuple[Principal, FormData] = Depends(deps.action(Role.SCREENER))
) -> Response:
    """Screen again with the same input and record it (receipt + cases), as
    ``POST /screen?record=true`` does; to the first case opened, when the user may read it."""
    who, form = posted
    engine = deps.engine(request)
    d = decisions(request)
    with page_errors():
        body = screen_request(form)
        core = request.app.state.service.clearance
        result = await run_in_threadpool(screen_one, core, engine, body)
        recorded = await run_in_threadpool(d.record, engine, result, who)
    request.app.state.metrics.observe_screenings("web", 1, int(result.alert))
    if recorded.cases and allowed(who.roles, Action.READ_CASES):
        return redirect(f"{PREFIX}/cases/{recorded.cases[0]}?done=recorded")
    cases = ", ".join(f"#{c}" for c in recorded.cases) or "none"
    notice = f"Recorded as receipt {recorded.receipt}; cases opened or joined: {cases}"
    if recorded.suppressed:
        notice += f"; {len(recorded.suppressed)} alert(s) suppressed by an approved clear"
    shown = {k: str(form.get(k) or "") for k in SCREEN_FIELDS}
    context = {"title": "Screen", "form": shown, "result": None, "notice": notice + "."}
    return render(request, "screen.html", context)
