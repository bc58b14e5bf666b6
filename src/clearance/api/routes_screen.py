"""Native screening endpoints: ``POST /screen`` and ``POST /screen/batch``."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match, Route
from starlette.types import Scope

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


# ``POST /screen`` takes only the request: FastAPI's dependency and body solving cost more than
# the rest of the request path together, so the route authenticates, reads its one query
# parameter and validates the body itself (the same checks, statuses and messages, documented
# in the OpenAPI spec below).
SCREEN_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScreenRequest"}}},
    },
    "parameters": [
        {
            "name": "record",
            "in": "query",
            "required": False,
            "description": "Write a screening receipt to the audit trail and open (or join) a "
            "case per alert; the answer gains `recorded` (receipt id, case ids, suppressed "
            "alerts).",
            "schema": {"type": "boolean", "default": False, "title": "Record"},
        }
    ],
    "security": [{"ApiKey": []}],
}
_flag = TypeAdapter(bool)


def _invalid(errors: Any, where: str) -> RequestValidationError:
    return RequestValidationError([{**e, "loc": (where, *e.get("loc", ()))} for e in errors])


def screen_request(raw: bytes) -> ScreenRequest:
    """The body as a :class:`ScreenRequest`, or the 400/422 FastAPI would have answered."""
    try:
        data = orjson.loads(raw) if raw else None
    except orjson.JSONDecodeError:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body",)}]) from None
    if data is None:
        raise _invalid([{"type": "missing", "loc": (), "msg": "Field required"}], "body")
    try:
        return ScreenRequest.model_validate(data)
    except ValidationError as exc:
        raise _invalid(exc.errors(include_url=False), "body") from None


# The query strings clients send, read as they are: Starlette's ``query_params`` (decoding,
# ``parse_qsl``, a multi-dict) cost 4-12 µs a request, twice as much with ``record=true`` as
# without; any other query string goes through it.
_USUAL_QUERIES = {b"": False, b"record=true": True, b"record=false": False}


def record_flag(request: Request) -> bool:
    usual = _USUAL_QUERIES.get(request.scope.get("query_string", b""))
    if usual is not None:
        return usual
    value = request.query_params.get("record")
    if value is None:
        return False
    if value in ("true", "false"):  # the usual spellings, without the validator
        return value == "true"
    try:
        return _flag.validate_python(value)
    except ValidationError as exc:
        raise _invalid([{**e, "loc": ("record",)} for e in exc.errors()], "query") from None


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
    openapi_extra=SCREEN_OPENAPI,
)
async def screen(request: Request) -> OrjsonResponse:
    state = request.app.state
    who = state.auth.authorize(request.headers.get("authorization"), Role.SCREENER)
    record = record_flag(request)
    body = screen_request(await request.body())
    service: ApiService = state.service
    engine = service.engine()
    result = screen_one(service.clearance, engine, body)
    state.metrics.observe_screenings("screen", 1, int(result.alert))
    answer = result.to_dict()
    if not record:
        return OrjsonResponse(answer)
    # the receipt's candidates are the answer's matches, built once
    started = state.decisions.start_record(engine, result, who, answer["matches"])
    if started is None:  # alerts (cases), the receipt spool, the first receipt
        recorded = await state.decisions.record_rest(engine, result, who, answer["matches"])
        answer["recorded"] = recorded.to_dict()
        return OrjsonResponse(answer)
    # the answer rendered while the receipt's statement runs; sent once it has committed
    recorded, committed = started
    answer["recorded"] = recorded.to_dict()
    response = OrjsonResponse(answer)
    await committed
    return response


class _LeanRoute(Route):
    """A plain Starlette route that names itself in the scope (the metrics' route label)."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child = super().matches(scope)
        if match is not Match.NONE:
            child["route"] = self
        return match, child


def install_lean_screen(app: FastAPI) -> None:
    """Serve ``POST /screen`` through a plain Starlette route ahead of every other route.

    The FastAPI route above stays, for the OpenAPI spec only (it is never reached: the router
    takes the first route that matches). FastAPI's router walks its included routers and solves
    an (empty) dependency set per request; the plain route runs the same function with the same
    exception handlers (the app's ``ExceptionMiddleware``), for about a third less CPU on the
    path around the matcher (``benchmarks/api_path.py``)."""
    app.router.routes.insert(0, _LeanRoute("/screen", screen, methods=["POST"], name="screen"))


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
