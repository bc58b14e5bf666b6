"""The entity page's network graph and ownership verdicts, from the ownership core
(:mod:`clearance.graph`, as ``GET /entities/{id}/network`` and ``GET /ownership/{id}``).

Both are fetched by the entity page after it has loaded (a JSON graph for Cytoscape.js, an HTML
fragment for the verdicts), so the page itself never waits for the blocked sets to be computed.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from clearance.api.auth import Principal
from clearance.api.errors import OrjsonResponse
from clearance.app import Clearance
from clearance.auth.keys import Role
from clearance.graph.blocked import BlockedSets
from clearance.graph.network import build_graph, neighbourhood, to_json
from clearance.graph.rules import Regime
from clearance.graph.service import ownership_of
from clearance.graph.verdicts import path_text
from clearance.web import deps
from clearance.web.deps import PREFIX, PageError, page_errors, render

router = APIRouter(prefix=PREFIX, include_in_schema=False)
MAX_HOPS = 3
MAX_NODES = 2000


class _GraphCache:
    """The graph of the current blocked sets, built once per computation (not per request)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._for: BlockedSets | None = None
        self._graph: nx.MultiDiGraph | None = None

    def get(self, clearance: Clearance) -> tuple[BlockedSets, nx.MultiDiGraph]:
        blocked = ownership_of(clearance).blocked()
        with self._lock:
            if self._for is not blocked or self._graph is None:
                self._graph, self._for = build_graph(blocked.universe), blocked
            return blocked, self._graph


_graphs = _GraphCache()


def network_json(clearance: Clearance, entity_id: str, hops: int) -> dict[str, Any]:
    blocked, graph = _graphs.get(clearance)
    if blocked.universe.resolve(entity_id) is None:
        raise PageError(404, f"no entity or ownership party {entity_id!r}")
    data = to_json(neighbourhood(graph, entity_id, hops), entity_id)
    truncated = len(data["nodes"]) > MAX_NODES
    if truncated:  # keep the nearest parties
        data["nodes"] = sorted(data["nodes"], key=lambda n: n.get("hops", 0))[:MAX_NODES]
        kept = {n["id"] for n in data["nodes"]}
        data["edges"] = [e for e in data["edges"] if e["source"] in kept and e["target"] in kept]
    return {**data, "hops": hops, "truncated": truncated}


@router.get("/entities/{entity_id}/network")
async def entity_network(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 1,
    _: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    clearance = deps.service(request).clearance
    with page_errors():
        data = await run_in_threadpool(network_json, clearance, entity_id, hops)
    return OrjsonResponse(data)


def ownership_view(clearance: Clearance, entity_id: str) -> dict[str, Any]:
    service = ownership_of(clearance)
    blocked = service.blocked()
    if blocked.universe.resolve(entity_id) is None:
        return {"verdicts": [], "owns_blocked": {}}
    regimes = list(Regime)
    verdicts = [
        {"verdict": v, "paths": [path_text(p) for p in v.paths]}
        for v in blocked.verdicts(entity_id, regimes)
    ]
    owns = {r.value: blocked.downstream(entity_id, r) for r in regimes}
    universe = blocked.universe
    parties = {i: (universe.caption(universe.index[i]), universe.index[i] in universe.lists)
               for ids in owns.values() for i in ids if i in universe.index}  # fmt: skip
    return {"verdicts": verdicts, "owns_blocked": owns, "parties": parties}


@router.get("/entities/{entity_id}/ownership")
async def entity_ownership(
    request: Request,
    entity_id: Annotated[str, Path(max_length=200)],
    _: Principal = Depends(deps.page(Role.VIEWER)),
) -> Response:
    clearance = deps.service(request).clearance
    with page_errors():
        context = await run_in_threadpool(ownership_view, clearance, entity_id)
    return render(request, "ownership.html", {"title": "Ownership", **context})
