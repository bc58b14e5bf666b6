"""An entity's designation network for the graph view: the list relationships, ``hops`` deep.

Both directions are followed (an entity's own links and the links other listings make to it),
through the snapshot's stored entity records (one read per party) and reverse-edge files.
Unresolved links (a name the list did not tie to a listing) are leaves. The walk stops adding
parties at ``max_nodes`` and says so.
"""

from __future__ import annotations

from typing import Any

from clearance.snapshots import Snapshot

MAX_HOPS = 3


class _Walk:
    def __init__(self, snapshot: Snapshot, max_nodes: int) -> None:
        self.snapshot = snapshot
        self.max_nodes = max_nodes
        self.nodes: dict[str, dict[str, Any]] = {}
        self.records: dict[str, dict[str, Any] | None] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.truncated = False

    def record(self, entity_id: str) -> dict[str, Any] | None:
        if entity_id not in self.records:
            self.records[entity_id] = self.snapshot.entity_dict(entity_id)
        return self.records[entity_id]

    def add(self, node_id: str, hop: int) -> bool:
        """Add a listed party; False when the walk is full."""
        if node_id in self.nodes:
            return True
        if len(self.nodes) >= self.max_nodes:
            self.truncated = True
            return False
        data = self.record(node_id) or {}
        self.nodes[node_id] = {"id": node_id, "label": str(data.get("caption") or node_id),
                               "hop": hop, "schema": str(data.get("schema", "")),
                               "listed": True}  # fmt: skip
        return True

    def leaf(self, source: str, name: str, kind: str, hop: int) -> None:
        node_id = f"unresolved:{source}:{name}"
        if node_id not in self.nodes:
            if len(self.nodes) >= self.max_nodes:
                self.truncated = True
                return
            self.nodes[node_id] = {"id": node_id, "label": name, "hop": hop,
                                   "schema": "unresolved", "listed": False}  # fmt: skip
        self.edge(source, node_id, kind)

    def edge(self, source: str, target: str, kind: str) -> None:
        self.edges[(source, target, kind)] = {"source": source, "target": target, "kind": kind}

    def expand(self, entity_id: str, hop: int) -> list[str]:
        """Add the parties linked to ``entity_id`` at distance ``hop``; the new ones."""
        new: list[str] = []
        data = self.record(entity_id) or {}
        links = [(entity_id, r.get("target_id"), r.get("target_name", ""), r["kind"], True)
                 for r in data.get("relationships", ())]  # fmt: skip
        links += [(source, source, "", r["kind"], False)
                  for source, r in self.snapshot.incoming_dicts(entity_id)]  # fmt: skip
        for start, other, name, kind, outgoing in links:
            if other is None:
                self.leaf(entity_id, str(name), kind, hop)
                continue
            seen = other in self.nodes
            if not self.add(other, hop):
                continue
            if not seen:
                new.append(other)
            if outgoing:
                self.edge(start, other, kind)
            else:
                self.edge(other, entity_id, kind)
        return new


def neighbourhood(
    snapshot: Snapshot, entity_id: str, hops: int, max_nodes: int = 2000
) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...], "truncated": bool}`` in Cytoscape's element shape."""
    walk = _Walk(snapshot, max_nodes)
    if walk.record(entity_id) is None:
        return {"nodes": [], "edges": [], "truncated": False}
    walk.add(entity_id, 0)
    frontier = [entity_id]
    for hop in range(1, hops + 1):
        frontier = [new for node in frontier for new in walk.expand(node, hop)]
    return {"nodes": list(walk.nodes.values()), "edges": list(walk.edges.values()),
            "truncated": walk.truncated}  # fmt: skip
