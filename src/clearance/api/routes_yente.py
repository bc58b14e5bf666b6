"""yente-compatible endpoints: ``/match/{dataset}``, ``/search/{dataset}``, ``/catalog``,
``/algorithms`` (``/entities/{id}`` is shared with the native API, see ``routes_browse``).

Datasets: ``default`` is every loaded list; each list (``ofac-sdn``, ``un``, ``uk``...) is a
dataset of its own; any other name is a 404. Request and response shapes follow yente (as used
by the ``yente-client`` SDK); each answer also carries the algorithm, snapshot and list versions.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, SkipValidation
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import MalformedRequest, OrjsonResponse, PayloadTooLarge
from clearance.api.ftm_render import SCHEMATA, ftm_queries, rendered
from clearance.api.schemas import ERRORS, ErrorResponse
from clearance.api.service import ApiService, Engine
from clearance.app import Clearance
from clearance.auth.keys import Role
from clearance.compiled import state
from clearance.errors import NotFoundError, QueryError
from clearance.graph.screening import DERIVED_LIST
from clearance.matching.query import ScreenOptions, make_query
from clearance.matching.result import Match

router = APIRouter(tags=["yente compatibility"])
screener_role = Depends(require(Role.SCREENER))
viewer_role = Depends(require(Role.VIEWER))

DatasetPath = Annotated[
    str,
    Path(
        max_length=100,
        description="`default` (every loaded list) or one list name such as `ofac-sdn`.",
        examples=["default"],
    ),
]
ListParam = Annotated[list[str] | None, Query(max_length=50)]


class EntityQuery(BaseModel):
    """A FollowTheMoney example entity."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    schema_: str = Field(alias="schema", description=", ".join(SCHEMATA))
    properties: dict[str, list[str]]


class MatchRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "queries": {
                        "q1": {
                            "schema": "Person",
                            "properties": {
                                "name": ["Ashot Mkrtichev"],
                                "birthDate": ["1966-05-07"],
                                "nationality": ["sk"],
                                "passportNumber": ["BD3843329"],
                            },
                        }
                    }
                }
            ]
        },
    )

    queries: dict[str, SkipValidation[EntityQuery]]
    weights: dict[str, float] = Field(default_factory=dict, description="Accepted, not used.")
    config: dict[str, Any] = Field(default_factory=dict, description="Accepted, not used.")


def _service(request: Request) -> ApiService:
    service: ApiService = request.app.state.service
    return service


def resolve_lists(
    engine: Engine, dataset: str, include: list[str] | None, exclude: list[str] | None
) -> list[str]:
    """The lists a dataset scope covers (yente: path dataset + include_dataset - exclude)."""
    loaded = engine.list_names
    scope: set[str] = set()
    for index, name in enumerate([dataset, *(include or []), *(exclude or [])]):
        if name != "default" and name not in loaded:
            known = ", ".join(["default", *loaded])
            raise NotFoundError(f"unknown dataset {name!r} (available: {known})")
        members = set(loaded) if name == "default" else {name}
        if index <= len(include or []):
            scope |= members
        else:
            scope -= members
    return sorted(scope)


def check_algorithm(engine: Engine, algorithm: str | None) -> None:
    allowed = {"best", "default", engine.screener.algorithm}
    if algorithm is not None and algorithm not in allowed:
        raise QueryError(
            f"unknown algorithm {algorithm!r} (available: {engine.screener.algorithm}, best)"
        )


def _scored(engine: Engine, match: Match) -> dict[str, Any] | None:
    data = rendered(engine, match.entity_id)
    if data is None and match.list == DERIVED_LIST:  # unlisted, blocked by ownership
        data = {"id": match.entity_id, "schema": match.schema, "caption": match.name,
                "properties": {"name": [match.name]}, "datasets": [DERIVED_LIST],
                "referents": [], "target": True}  # fmt: skip
    if data is None:
        return None
    data.update(
        score=round(match.score, 4),
        match=match.alert,
        matched_name=match.matched_name,
        features={f.name: round(f.score, 4) for f in match.features},
        explanations={
            f.name: {"score": round(f.score, 4), "detail": f.reason} for f in match.features
        },
    )
    return data


def match_blocking(
    core: Clearance,
    engine: Engine,
    queries: dict[str, Any],
    lists: list[str],
    opts: dict[str, Any],
) -> dict[str, Any]:
    limit: int = opts["limit"]
    exclude_ids = set(opts["exclude_entity_ids"] or ())
    exclude_schema = set(opts["exclude_schema"] or ())
    topics = opts["topics"]
    restrict = [] if set(lists) == set(engine.list_names) else lists
    parsed = {key: ftm_queries(key, data, restrict) for key, data in queries.items()}
    responses: dict[str, Any] = {}
    alerts = screened = 0
    for key, (qs, echo) in parsed.items():
        best: dict[str, Match] = {}
        if lists and (not topics or "sanction" in topics):
            options = ScreenOptions(limit=limit + len(exclude_ids), threshold=opts["threshold"])
            for query in qs:
                for m in core.screen_query(query, options, engine=engine).matches:
                    if m.entity_id not in best or m.score > best[m.entity_id].score:
                        best[m.entity_id] = m
        ranked = sorted(best.values(), key=lambda m: -m.score)
        if opts["cutoff"] is not None:
            ranked = [m for m in ranked if m.score >= opts["cutoff"]]
        results = []
        for m in ranked:
            if m.entity_id in exclude_ids:
                continue
            item = _scored(engine, m)
            if item is None or item["schema"] in exclude_schema:
                continue
            results.append(item)
            if len(results) >= limit:
                break
        screened += 1
        alerts += any(r["match"] for r in results)
        responses[key] = {
            "status": 200,
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "query": echo,
        }
    return {
        "responses": responses,
        "limit": limit,
        "algorithm": {
            "name": engine.screener.algorithm,
            "version": engine.screener.algorithm_version,
        },
        "snapshot": engine.snapshot.id,
        "lists": engine.list_versions(),
        "_counts": (screened, alerts),
    }


@router.post(
    "/match/{dataset}",
    summary="yente: match entities by example",
    description=(
        "yente's matching API: a map of FollowTheMoney example entities "
        "(`schema` Person, Organization, Company, LegalEntity, Vessel, Airplane or Thing; "
        "properties such as name, alias, birthDate, nationality, country, passportNumber, "
        "idNumber, registrationNumber, imoNumber) in, ranked scored entities per query out. "
        "`threshold` sets the `match` flag; `cutoff` drops weaker results. Needs the "
        "`screener` role."
    ),
    response_model=None,
    responses={404: {"model": ErrorResponse}, **ERRORS},
)
async def match(
    request: Request,
    body: MatchRequest,
    dataset: DatasetPath,
    threshold: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    cutoff: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
    algorithm: Annotated[str | None, Query(max_length=50)] = None,
    include_dataset: ListParam = None,
    exclude_dataset: ListParam = None,
    exclude_schema: ListParam = None,
    exclude_entity_ids: ListParam = None,
    topics: ListParam = None,
    changed_since: Annotated[str | None, Query(max_length=40)] = None,
    _: Principal = screener_role,
) -> OrjsonResponse:
    service = _service(request)
    engine = service.engine()
    lists = resolve_lists(engine, dataset, include_dataset, exclude_dataset)
    check_algorithm(engine, algorithm)
    queries: dict[str, Any] = dict(body.queries)
    if not queries:
        raise MalformedRequest("queries is empty: send at least one query entity")
    if len(queries) > service.settings.api.max_batch:
        raise PayloadTooLarge(
            f"{len(queries)} queries; at most {service.settings.api.max_batch} "
            "(CLEARANCE_API_MAX_BATCH)"
        )
    opts = {
        "limit": limit,
        "threshold": threshold,
        "cutoff": cutoff,
        "exclude_entity_ids": exclude_entity_ids,
        "exclude_schema": exclude_schema,
        "topics": topics,
    }
    if len(queries) == 1:  # one query: cheaper on the event loop than a thread hop
        answer = match_blocking(service.clearance, engine, queries, lists, opts)
    else:
        answer = await run_in_threadpool(
            match_blocking, service.clearance, engine, queries, lists, opts
        )
    screened, alerts = answer.pop("_counts")
    request.app.state.metrics.observe_screenings("match", screened, alerts)
    return OrjsonResponse(answer)


@router.get(
    "/search/{dataset}",
    summary="yente: search entities by name",
    description="yente's search API. Runs the screener with a low threshold over the dataset's "
    "lists; `schema` and `countries` filter the results. Needs the `viewer` role.",
    response_model=None,
    responses={404: {"model": ErrorResponse}, **ERRORS},
)
async def search(
    request: Request,
    dataset: DatasetPath,
    q: Annotated[str, Query(max_length=1000)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=100)] = 0,
    schema: Annotated[str | None, Query(max_length=40)] = None,
    countries: ListParam = None,
    include_dataset: ListParam = None,
    exclude_dataset: ListParam = None,
    topics: ListParam = None,
    _: Principal = viewer_role,
) -> OrjsonResponse:
    engine = _service(request).engine()
    lists = resolve_lists(engine, dataset, include_dataset, exclude_dataset)
    type_ = None
    if schema is not None:
        if schema not in SCHEMATA:
            raise QueryError(f"unsupported schema {schema!r} (use one of: {', '.join(SCHEMATA)})")
        mapped = SCHEMATA[schema]
        type_ = mapped.value if mapped is not None else None
    restrict = [] if set(lists) == set(engine.list_names) else lists
    query = make_query(q, type=type_, lists=restrict)
    wanted = {c.lower() for c in countries or ()}
    results: list[dict[str, Any]] = []
    if lists and (not topics or "sanction" in topics):
        options = ScreenOptions(limit=offset + limit, threshold=0.3, explain=False)
        for m in engine.screener.screen(query, options).matches[offset:]:
            item = rendered(engine, m.entity_id)
            if item is None:
                continue
            if wanted and not wanted & _countries(item):
                continue
            results.append(item)
    request.app.state.metrics.observe_screenings("search", 1, 0)
    return OrjsonResponse(
        {
            "results": results,
            "facets": {},
            "total": {"value": offset + len(results), "relation": "gte" if results else "eq"},
            "limit": limit,
            "offset": offset,
            "snapshot": engine.snapshot.id,
        }
    )


def _countries(item: dict[str, Any]) -> set[str]:
    props = item["properties"]
    return {c for p in ("country", "nationality", "citizenship", "flag") for c in props.get(p, ())}


@router.get(
    "/catalog",
    summary="yente: datasets",
    description="The loaded lists as yente datasets (plus the `default` collection of all "
    "of them), with versions and entity counts. Needs the `viewer` role.",
    response_model=None,
    responses=ERRORS,
)
async def catalog(request: Request, _: Principal = viewer_role) -> OrjsonResponse:
    engine = _service(request).engine()
    snap = engine.snapshot
    datasets: list[dict[str, Any]] = []
    for info in snap.lists():
        datasets.append(
            {
                "name": info.name,
                "title": info.name,
                "version": info.published or info.loaded_at,
                "entity_count": info.entities,
                "updated_at": info.loaded_at,
                "load": True,
                "index_current": True,
                "index_version": snap.id,
                "children": [],
            }
        )
    names = [d["name"] for d in datasets]
    datasets.insert(
        0,
        {
            "name": "default",
            "title": "All loaded lists",
            "version": snap.id,
            "entity_count": sum(d["entity_count"] for d in datasets),
            "updated_at": snap.created_at,
            "load": True,
            "index_current": True,
            "index_version": snap.id,
            "children": names,
        },
    )
    return OrjsonResponse(
        {
            "datasets": datasets,
            "current": ["default", *names],
            "outdated": [],
            "index_stale": False,
            "snapshot": snap.id,
        }
    )


@router.get(
    "/algorithms",
    summary="yente: matching algorithms",
    description="The one algorithm this server runs (name and version; its description says "
    "whether the matcher runs compiled or as pure Python); `best` and `default` name it too. "
    "Needs the `viewer` role.",
    response_model=None,
    responses=ERRORS,
)
async def algorithms(request: Request, _: Principal = viewer_role) -> OrjsonResponse:
    screener = _service(request).engine().screener
    name = screener.algorithm
    return OrjsonResponse(
        {
            "algorithms": [
                {
                    "name": name,
                    "description": f"Clearance screening algorithm {name} "
                    f"version {screener.algorithm_version}, {state()}",
                    "docs": screener.algo.describe(),
                }
            ],
            "default": name,
            "best": name,
        }
    )
