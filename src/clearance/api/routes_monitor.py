"""Monitoring over HTTP: the customer book, alerts and monitoring runs.

A screener may read alerts; only an admin may change the book or run monitoring.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse
from clearance.api.schemas import ERRORS
from clearance.auth.keys import Role
from clearance.db import Database, open_database
from clearance.errors import ClearanceError, NotFoundError, QueryError
from clearance.matching.query import make_query
from clearance.monitor import Book, BookCustomer, Monitor, deliver
from clearance.monitor.alerts import list_alerts
from clearance.settings import Settings

router = APIRouter(tags=["monitoring"])
screener_role = Depends(require(Role.SCREENER))
admin_role = Depends(require(Role.ADMIN))


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.service.settings
    return settings


def _db(request: Request) -> Database:
    return open_database(_settings(request))


def _customer(item: Any, position: int) -> BookCustomer:
    if not isinstance(item, dict):
        raise QueryError(f"customers[{position}]: expected an object")
    known = {"id", "name", "type", "dob", "country", "identifiers"}
    try:
        query = make_query(
            str(item.get("name") or ""), type=item.get("type"), dob=item.get("dob"),
            country=item.get("country"), identifiers=item.get("identifiers"),
            id=str(item.get("id") or ""),
        )  # fmt: skip
    except ClearanceError as exc:
        raise QueryError(f"customers[{position}]: {exc.message}") from None
    if not query.id:
        raise QueryError(f"customers[{position}]: no id")
    extra = {k: v for k, v in item.items() if k not in known}
    return BookCustomer.from_query(query, extra)


@router.post(
    "/book/customers",
    summary="Add or update customers (upsert by id, one transaction)",
    description='Body: `{"customers": [{"id", "name", "type"?, "dob"?, "country"?, '
    '"identifiers"?, ...extra fields}]}`. Any invalid customer rejects the whole batch '
    "(422, naming its position). Needs the `admin` role.",
    response_model=None,
    responses=ERRORS,
)
async def upsert_customers(
    request: Request,
    body: Annotated[dict[str, Any], Body()],
    _: Principal = admin_role,
) -> OrjsonResponse:
    items = body.get("customers")
    if not isinstance(items, list) or not items:
        raise QueryError('expected {"customers": [...]} with at least one customer')
    limit = _settings(request).api_max_batch
    if len(items) > limit:
        raise QueryError(f"at most {limit} customers per request (CLEARANCE_API_MAX_BATCH)")
    customers = [_customer(item, i) for i, item in enumerate(items)]
    ids = [c.id for c in customers]
    if len(set(ids)) != len(ids):
        raise QueryError("the same customer id appears twice in the batch")
    result = await run_in_threadpool(Book(_db(request)).upsert, customers)
    return OrjsonResponse(result.to_dict())


@router.delete(
    "/book/customers/{customer_id}",
    summary="Remove a customer (its open alerts are closed)",
    description="Needs the `admin` role; 404 when the id is not in the book.",
    status_code=204,
    response_class=Response,
    responses=ERRORS,
)
async def delete_customer(
    request: Request,
    customer_id: Annotated[str, Path(max_length=200)],
    _: Principal = admin_role,
) -> Response:
    missing = await run_in_threadpool(Book(_db(request)).remove, [customer_id])
    if missing:
        raise NotFoundError(f"no customer {customer_id!r} in the book")
    return Response(status_code=204)


@router.get(
    "/alerts",
    summary="Monitoring alerts",
    description="Alerts raised by monitoring, oldest first: `since` (ISO time of creation) "
    "and `status` (open, closed, cleared) filter them. Needs the `screener` role.",
    response_model=None,
    responses=ERRORS,
)
async def alerts(
    request: Request,
    since: Annotated[datetime | None, Query()] = None,
    status: Annotated[str | None, Query(pattern="^(open|closed|cleared)$")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    _: Principal = screener_role,
) -> OrjsonResponse:
    db = _db(request)

    def read() -> list[dict[str, Any]]:
        with db.connect() as conn:
            return list_alerts(conn, since=since, status=status, limit=limit)

    return OrjsonResponse({"alerts": await run_in_threadpool(read)})


@router.post(
    "/monitor/run",
    summary="Run monitoring now",
    description="Screens what is new since the last run against the active snapshot (as "
    "`clearance monitor`), then posts new alerts to the configured webhook. Needs the "
    "`admin` role.",
    response_model=None,
    responses=ERRORS,
)
async def run_monitor(request: Request, _: Principal = admin_role) -> OrjsonResponse:
    settings = _settings(request)
    db = _db(request)
    snapshot = request.app.state.service.clearance.store.require_active()

    def run() -> dict[str, Any]:
        summary = Monitor(settings, db).run(snapshot)
        delivery = None
        if settings.webhook_url:
            delivery = deliver(db, settings.webhook_url, settings.webhook_secret,
                               run_id=summary.run_id).to_dict()  # fmt: skip
        return {**summary.to_dict(), "webhook": delivery}

    return OrjsonResponse(await run_in_threadpool(run))
