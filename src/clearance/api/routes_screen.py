"""Native screening endpoints: ``POST /screen`` and ``POST /screen/batch``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi import Query as QueryParam
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse, PayloadTooLarge, error_code
from clearance.api.schemas import ERRORS, BatchRequest, BatchResponse, ScreenRequest, ScreenResponse
from clearance.api.service import ApiService, Engine
from clearance.app import Clearance
from clearance.auth.keys import Role
from clearance.errors import ClearanceError
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.matching.result import ScreeningResult

router = APIRouter(tags=["screening"])
screener_role = Depends(require(Role.SCREENER))


def to_query(body: ScreenRequest) -> Query:
    identifiers: Any = body.identifiers
    if isinstance(identifiers, list):
        identifiers = [i.model_dump() if hasattr(i, "model_dump") else i for i in identifiers]
    return make_query(
        body.name,
        type=body.type,
        dob=body.dob,
        country=body.country,
        identifiers=identifiers,
        id=body.id,
        lists=body.lists,
    )


def screen_one(core: Clearance, engine: Engine, body: ScreenRequest) -> ScreeningResult:
    """Screen through the application core (derived hits included) with the served engine."""
    query = to_query(body)
    engine.check_lists(query.lists)
    options = ScreenOptions(limit=body.limit, threshold=body.threshold)
    return core.screen_query(query, options, engine=engine)


@router.post(
    "/screen",
    summary="Screen one party",
    description=(
        "Screens a name (with optional type, date of birth, countries and identifiers) "
        "against every loaded list, or the lists named. Returns ranked matches with the "
        "per-feature reasons, the alert flag, and the algorithm, snapshot and list versions "
        "that produced the answer. Needs the `screener` role."
    ),
    response_model=None,
    responses={200: {"model": ScreenResponse}, **ERRORS},
)
async def screen(
    body: ScreenRequest,
    request: Request,
    who: Principal = screener_role,
    record: bool = QueryParam(
        default=False,
        description="Write a screening receipt to the audit trail and open (or join) a case "
        "per alert; the answer gains `recorded` (receipt id, case ids, suppressed alerts).",
    ),
) -> OrjsonResponse:
    service: ApiService = request.app.state.service
    engine = service.engine()
    result = screen_one(service.clearance, engine, body)
    request.app.state.metrics.observe_screenings("screen", 1, int(result.alert))
    if not record:
        return OrjsonResponse(result.to_dict())
    recorded = await request.app.state.decisions.record_async(engine, result, who)
    return OrjsonResponse({**result.to_dict(), "recorded": recorded.to_dict()})


def _item_error(index: int, item: Any, code: str, message: str) -> dict[str, Any]:
    ref = item.get("id") if isinstance(item, dict) else None
    return {
        "index": index,
        "id": ref if isinstance(ref, str) else None,
        "error": {"code": code, "message": message},
    }


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "query"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def screen_batch_blocking(core: Clearance, engine: Engine, items: list[Any]) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    alerts = errors = 0
    for index, item in enumerate(items):
        try:
            body = ScreenRequest.model_validate(item)
        except ValidationError as exc:
            results.append(_item_error(index, item, "invalid_request", _validation_message(exc)))
            errors += 1
            continue
        try:
            result = screen_one(core, engine, body)
        except ClearanceError as exc:
            results.append(_item_error(index, item, error_code(exc), exc.message))
            errors += 1
            continue
        alerts += result.alert
        results.append(result.to_dict())
    return {
        "count": len(items),
        "alerts": alerts,
        "errors": errors,
        "snapshot": engine.snapshot.id,
        "algorithm": {
            "name": engine.screener.algorithm,
            "version": engine.screener.algorithm_version,
        },
        "lists": engine.list_versions(),
        "results": results,
    }


@router.post(
    "/screen/batch",
    summary="Screen many parties",
    description=(
        "Screens up to `CLEARANCE_API_MAX_BATCH` (default 1000) queries against one snapshot. "
        "Each query is validated on its own: an invalid one gets an `error` item at its "
        "position and the others are screened. A larger batch is refused with 413. "
        "Needs the `screener` role."
    ),
    response_model=None,
    responses={200: {"model": BatchResponse}, **ERRORS},
)
async def screen_batch(
    body: BatchRequest, request: Request, _: Principal = screener_role
) -> OrjsonResponse:
    service: ApiService = request.app.state.service
    limit = service.settings.api.max_batch
    items: list[Any] = list(body.queries)
    if len(items) > limit:
        raise PayloadTooLarge(
            f"{len(items)} queries in one batch; at most {limit} (CLEARANCE_API_MAX_BATCH)"
        )
    engine = service.engine()
    answer = await run_in_threadpool(screen_batch_blocking, service.clearance, engine, items)
    request.app.state.metrics.observe_screenings(
        "batch", answer["count"] - answer["errors"], answer["alerts"]
    )
    return OrjsonResponse(answer)
