"""``GET /entities/{id}/network`` and ``GET /ownership/{id}``: the relationship graph around a
party and its ownership verdicts (OFAC, EU, UK) with every proof path."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from clearance.api.auth import Principal, require
from clearance.api.errors import OrjsonResponse
from clearance.api.schemas import ERRORS, ErrorResponse
from clearance.auth.keys import Role
from clearance.errors import NotFoundError, QueryError
from clearance.graph.network import build_graph, neighbourhood, to_json
from clearance.graph.rules import Regime
from clearance.graph.service import ownership_of

router = APIRouter()


def _network(request: Request, entity_id: str, hops: int) -> dict[str, Any]:
    service = ownership_of(request.app.state.service.clearance)
    universe = service.blocked().universe
    if universe.resolve(entity_id) is None:
        raise NotFoundError(f"no entity or ownership party {entity_id!r}")
    return to_json(neighbourhood(build_graph(universe), entity_id, hops), entity_id)


def _ownership(request: Request, entity_id: str, regimes: list[Regime]) -> dict[str, Any]:
    service = ownership_of(request.app.state.service.clearance)
    blocked = service.blocked()
    if blocked.universe.resolve(entity_id) is None:
        raise NotFoundError(f"no entity or ownership party {entity_id!r}")
    return {
        "party": service.node_info(entity_id),
        "verdicts": [v.to_dict() for v in blocked.verdicts(entity_id, regimes)],
        "owns_blocked": {r.value: blocked.downstream(entity_id, r) for r in regimes},
    }


@router.get(
    "/entities/{entity_id}/network",
    tags=["browse"],
    summary="The relationship graph around a party",
    description=(
        "Parties within `hops` edges (either direction) of a listed entity or a loaded "
        "ownership party: list relationships with their type and source list, loaded holdings "
        "with share, control and source, and matcher ties. Needs the `viewer` role."
    ),
    response_model=None,
    responses={404: {"model": ErrorResponse}, **ERRORS},
)
async def network(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    hops: Annotated[int, Query(ge=1, le=6)] = 1,
    _: Principal = Depends(require(Role.VIEWER)),
) -> OrjsonResponse:
    return OrjsonResponse(await run_in_threadpool(_network, request, entity_id, hops))


@router.get(
    "/ownership/{entity_id}",
    tags=["browse"],
    summary="Ownership verdicts with proof",
    description=(
        "Blocked / not blocked / cannot tell under OFAC's 50 percent rule, the EU and the UK "
        "ownership-or-control tests, each with the reason, the rule's citation and every "
        "chain of holdings from a designated person; plus the parties it causes to be "
        "blocked. `regime` limits to one regime. Needs the `viewer` role."
    ),
    response_model=None,
    responses={404: {"model": ErrorResponse}, **ERRORS},
)
async def ownership(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    regime: Annotated[str, Query(max_length=10)] = "all",
    _: Principal = Depends(require(Role.VIEWER)),
) -> OrjsonResponse:
    try:
        regimes = list(Regime) if regime == "all" else [Regime(regime)]
    except ValueError:
        raise QueryError(f"regime: {regime!r} is not ofac, eu, uk or all") from None
    return OrjsonResponse(await run_in_threadpool(_ownership, request, entity_id, regimes))
