"""The relationship graph (networkx): list relationships with their type and source, loaded
holdings with share and source, matcher ties; neighbourhoods, GraphML and FollowTheMoney
``Ownership`` / ``Directorship`` export."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from typing import Any

import networkx as nx

from clearance.graph.model import Control
from clearance.graph.universe import Universe


def build_graph(universe: Universe) -> nx.MultiDiGraph:
    """Every node that has an edge, every edge (direction: owner/lister -> owned/linked)."""
    g = nx.MultiDiGraph()

    def node(node_id: str) -> str:
        if node_id not in g:
            idx = universe.index.get(node_id)
            name = universe.names[idx] if idx is not None else node_id
            listed = universe.lists.get(idx, "") if idx is not None else ""
            unlisted = universe.nodes.get(node_id)
            g.add_node(node_id, name=name, list=listed,
                       kind=unlisted.kind if unlisted else "listed")  # fmt: skip
        return node_id

    for link in universe.links:
        g.add_edge(node(link.source_id), node(link.target_id), kind=link.kind,
                   origin=link.origin, raw=link.raw or "")  # fmt: skip
    for h in universe.holdings:
        attrs = {"kind": "ownership", "share": str(h.share), "share_min": h.share.lo,
                 "share_max": h.share.hi, "direct": h.direct, "origin": h.source,
                 "control": ",".join(sorted(c.value for c in h.control)),
                 "date": h.date or "", "flags": "; ".join(h.flags)}  # fmt: skip
        g.add_edge(node(h.owner), node(h.owned), **attrs)
    for node_id, listed in universe.alias.items():
        score = universe.nodes[node_id].tie_score or 0.0
        g.add_edge(node(node_id), node(listed), kind="same_as", origin="matcher", score=score)
    for node_id, (listed, score) in universe.maybe.items():
        g.add_edge(node(node_id), node(listed), kind="possibly_same_as", origin="matcher",
                   score=score)  # fmt: skip
    return g


def neighbourhood(g: nx.MultiDiGraph, center: str, hops: int) -> nx.MultiDiGraph:
    """Nodes within ``hops`` edges of ``center`` in either direction, with their edges."""
    if center not in g:
        sub = nx.MultiDiGraph()
        sub.add_node(center)
        return sub
    dist = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center,
                                                 cutoff=hops)  # fmt: skip
    sub = g.subgraph(dist).copy()
    for n, d in dist.items():
        sub.nodes[n]["hops"] = d
    return sub


def to_json(g: nx.MultiDiGraph, center: str) -> dict[str, Any]:
    return {
        "center": center,
        "nodes": [{"id": n, **attrs} for n, attrs in sorted(g.nodes(data=True))],
        "edges": [{"source": a, "target": b, **attrs}
                  for a, b, attrs in sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))],
    }  # fmt: skip


def to_graphml(g: nx.MultiDiGraph) -> str:
    clean = nx.MultiDiGraph()
    for n, attrs in g.nodes(data=True):
        clean.add_node(n, **{k: v for k, v in attrs.items() if v is not None})
    for a, b, attrs in g.edges(data=True):
        clean.add_edge(a, b, **{k: v for k, v in attrs.items() if v is not None})
    buffer = io.BytesIO()
    nx.write_graphml(clean, buffer)
    return buffer.getvalue().decode()


def _ftm_id(*parts: str) -> str:
    return "clearance-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:24]


FTM_SCHEMA = {"person": "Person", "organization": "Company", "arrangement": "LegalEntity"}


def ftm_ownership(universe: Universe) -> Iterator[dict[str, Any]]:
    """Unlisted parties (``Person`` / ``Company`` / ``LegalEntity``), each holding as an FtM
    ``Ownership`` (owner, asset, percentage, startDate) and each board-majority right as a
    ``Directorship`` (director, organization). Listed parties keep their entity ids (see
    ``clearance export --ftm`` for their records)."""
    for node in sorted(universe.nodes.values(), key=lambda n: n.id):
        props: dict[str, list[str]] = {"name": [node.name]}
        if node.country:
            props["jurisdiction" if node.kind != "person" else "country"] = [node.country.lower()]
        if node.identifiers:
            props["registrationNumber" if node.kind != "person" else "idNumber"] = list(
                node.identifiers
            )
        yield {"id": node.id, "schema": FTM_SCHEMA.get(node.kind, "LegalEntity"),
               "properties": props, "datasets": [node.source or "ownership"]}  # fmt: skip
    for h in universe.holdings:
        owner = universe.alias.get(h.owner, h.owner)
        owned = universe.alias.get(h.owned, h.owned)
        if h.share.hi > 0:
            props = {"owner": [owner], "asset": [owned], "role": [_role(h.direct, h.control)],
                     "sourceUrl": [h.source]}  # fmt: skip
            if h.share.known:
                props["percentage"] = [str(h.share).removesuffix(" %")]
            if h.date:
                props["startDate"] = [h.date]
            yield {
                "id": _ftm_id("own", owner, owned, h.source, str(h.share)),
                "schema": "Ownership",
                "properties": props,
                "datasets": ["ownership"],
            }
        if Control.BOARD_MAJORITY in h.control:
            yield {"id": _ftm_id("dir", owner, owned, h.source), "schema": "Directorship",
                   "properties": {"director": [owner], "organization": [owned],
                                  "role": ["right to appoint a majority of the board"]},
                   "datasets": ["ownership"]}  # fmt: skip


def _role(direct: bool, control: frozenset[Control]) -> str:
    role = "direct shareholder" if direct else "indirect shareholder"
    if control:
        role += " with " + ", ".join(sorted(c.value.replace("_", " ") for c in control))
    return role
