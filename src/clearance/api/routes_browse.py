"""Browsing and operations: entities, name search, lists, health, readiness, metrics, reload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from clearance.api.auth import Principal, require
from clearance.api.errors import NotReady, OrjsonResponse
from clearance.api.ftm_render import entity_ftm
from clearance.api.schemas import (
    ERRORS,
    EntityResponse,
    ErrorResponse,
    ListsResponse,
    ReloadResponse,
    SearchResponse,
    StatusResponse,
)
from clearance.api.service import ApiService, Engine
from clearance.auth.keys import Role
from clearance.errors import NotFoundError
from clearance.matching.query import ScreenOptions, make_query
from clearance.model.codec import entity_to_dict

router = APIRouter()
viewer_role = Depends(require(Role.VIEWER))
admin_role = Depends(require(Role.ADMIN))

SEARCH_THRESHOLD = 0.3  # browse: show weaker candidates than screening would alert on


def _service(request: Request) -> ApiService:
    service: ApiService = request.app.state.service
    return service


def entity_native(engine: Engine, entity_id: str) -> dict[str, Any]:
    snap = engine.snapshot
    entity = snap.entity(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity {entity_id!r} in snapshot {snap.id}")
    data = entity_to_dict(entity)
    data.pop("relationships", None)
    outgoing = [
        {
            "kind": rel.kind.value,
            "entity_id": rel.target_id,
            "caption": (snap.caption(rel.target_id) if rel.target_id else None) or rel.target_name,
            "share": rel.share,
            "raw": rel.raw,
        }
        for rel in entity.relationships
    ]
    incoming = [
        {
            "kind": rel.kind.value,
            "entity_id": source,
            "caption": snap.caption(source),
            "share": rel.share,
            "raw": rel.raw,
        }
        for source, rel in snap.incoming(entity.id)
    ]
    return {**data, "snapshot": snap.id, "outgoing": outgoing, "incoming": incoming}


@router.get(
    "/entities/{entity_id}",
    tags=["browse"],
    summary="One listed entity",
    description=(
        "Every published field of a listed entity (names, dates, identifiers, addresses, "
        "programs, remarks, source record) and its relationships in both directions, each "
        "with the other side's caption. With `format=ftm`, or the `nested` parameter that "
        "yente clients send, the entity is rendered as a FollowTheMoney entity as yente "
        "returns it. Needs the `viewer` role."
    ),
    response_model=None,
    responses={200: {"model": EntityResponse}, 404: {"model": ErrorResponse}, **ERRORS},
)
async def get_entity(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    format: Annotated[
        str, Query(pattern="^(clearance|ftm)$", description="`clearance` (default) or `ftm`.")
    ] = "clearance",
    nested: Annotated[
        bool | None, Query(description="yente: include adjacent entities (implies `ftm`).")
    ] = None,
    _: Principal = viewer_role,
) -> OrjsonResponse:
    engine = _service(request).engine()
    if format == "ftm" or nested is not None:
        data = await run_in_threadpool(entity_ftm, engine, entity_id, nested is not False)
    else:
        data = await run_in_threadpool(entity_native, engine, entity_id)
    return OrjsonResponse(data)


@router.get(
    "/search",
    tags=["browse"],
    summary="Find listed entities by name",
    description=(
        "Browse by name: runs the screener with a low threshold and returns the closest "
        "listed entities. Use `POST /screen` for compliance decisions. Needs the `viewer` role."
    ),
    response_model=None,
    responses={200: {"model": SearchResponse}, **ERRORS},
)
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=1000, description="A name, any script.")],
    type: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    lists: Annotated[list[str] | None, Query(max_length=50)] = None,
    _: Principal = viewer_role,
) -> OrjsonResponse:
    engine = _service(request).engine()
    query = make_query(q, type=type, lists=lists)
    engine.check_lists(query.lists)
    result = engine.screener.screen(
        query, ScreenOptions(limit=limit, threshold=SEARCH_THRESHOLD, explain=False)
    )
    request.app.state.metrics.observe_screenings("search", 1, 0)
    return OrjsonResponse(
        {
            "query": query.name,
            "snapshot": result.snapshot,
            "algorithm": {"name": result.algorithm, "version": result.algorithm_version},
            "lists": result.lists,
            "results": [m.to_dict() for m in result.matches],
        }
    )


@router.get(
    "/lists",
    tags=["browse"],
    summary="Loaded lists and versions",
    description="The active snapshot and, per list, its published date, load time, entity "
    "counts and source file hashes. Needs the `viewer` role.",
    response_model=None,
    responses={200: {"model": ListsResponse}, **ERRORS},
)
async def lists(request: Request, _: Principal = viewer_role) -> OrjsonResponse:
    return OrjsonResponse(_service(request).list_info())


@router.get(
    "/healthz",
    tags=["operations"],
    summary="Liveness",
    description="200 while the process is up. No key needed.",
    response_model=StatusResponse,
)
async def healthz() -> OrjsonResponse:
    return OrjsonResponse({"status": "ok"})


@router.get(
    "/readyz",
    tags=["operations"],
    summary="Readiness",
    description="200 once every worker of the server has a snapshot loaded and its index "
    "ready to screen; 503 before. No key needed.",
    response_model=StatusResponse,
    responses={503: {"model": ErrorResponse}},
)
async def readyz(request: Request) -> OrjsonResponse:
    service = _service(request)
    engine = service.engine()
    missing = service.not_ready()
    if missing is not None:  # another worker of this server is not ready yet
        raise NotReady(missing)
    return OrjsonResponse({"status": "ok", "snapshot": engine.snapshot.id})


@router.get(
    "/metrics",
    tags=["operations"],
    summary="Prometheus metrics",
    description="Request counts and latency by route and status, screenings, alerts, reloads "
    "and the active snapshot (info). No key needed.",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}}},
)
async def metrics(request: Request) -> Response:
    body, content_type = request.app.state.metrics.render()
    return Response(body, media_type=content_type)


@router.post(
    "/admin/reload",
    tags=["operations"],
    summary="Switch to the newest installed snapshot now",
    description="Checks the store's ACTIVE pointer and, if it names a new snapshot, loads it "
    "fully and swaps it in (the server also does this every CLEARANCE_API_RELOAD_SECONDS). "
    "Needs the `admin` role.",
    response_model=None,
    responses={200: {"model": ReloadResponse}, **ERRORS},
)
async def reload(request: Request, _: Principal = admin_role) -> OrjsonResponse:
    service = _service(request)
    changed = await service.reload()
    return OrjsonResponse({"reloaded": changed, "snapshot": service.engine().snapshot.id})
