"""An entity's designation network for the graph view: the list relationships, ``hops`` deep.

Both directions are followed (an entity's own links and the links other listings make to it),
through the snapshot's entity and reverse-edge files. Unresolved links (a name the list did not
tie to a listing) are leaves. The walk stops adding nodes at ``max_nodes``.
"""

from __future__ import annotations

from typing import Any

from clearance.snapshots import Snapshot

MAX_HOPS = 3


def neighbourhood(
    snapshot: Snapshot, entity_id: str, hops: int, max_nodes: int = 2000
) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...], "truncated": bool}`` in Cytoscape's element shape."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    truncated = False

    def add_node(node_id: str, label: str, hop: int, **extra: Any) -> bool:
        nonlocal truncated
        if node_id in nodes:
            return True
        if len(nodes) >= max_nodes:
            truncated = True
            return False
        nodes[node_id] = {"id": node_id, "label": label, "hop": hop, **extra}
        return True

    root = snapshot.entity(entity_id)
    if root is None:
        return {"nodes": [], "edges": [], "truncated": False}
    add_node(root.id, root.caption, 0, schema=root.schema.value, listed=True)
    frontier = [root.id]
    for hop in range(1, hops + 1):
        following: list[str] = []
        for source_id in frontier:
            entity = snapshot.entity(source_id)
            links: list[tuple[str, str | None, str, str]] = []  # (from, to id, to name, kind)
            if entity is not None:
                links += [
                    (source_id, rel.target_id, rel.target_name, rel.kind.value)
                    for rel in entity.relationships
                ]
            links += [
                (other, source_id, "", rel.kind.value)
                for other, rel in snapshot.incoming(source_id)
            ]
            for start, target, target_name, kind in links:
                other = start if target == source_id else target
                if other is None:  # unresolved: a named leaf
                    leaf = f"unresolved:{source_id}:{target_name}"
                    if add_node(leaf, target_name, hop, schema="unresolved", listed=False):
                        edges[(source_id, leaf, kind)] = {"source": source_id, "target": leaf,
                                                          "kind": kind}  # fmt: skip
                    continue
                if other not in nodes:
                    caption = snapshot.caption(other) or other
                    other_entity_schema = _schema(snapshot, other)
                    if not add_node(other, caption, hop, schema=other_entity_schema, listed=True):
                        continue
                    following.append(other)
                src, dst = (start, target) if target is not None else (start, other)
                edges[(src, dst, kind)] = {"source": src, "target": dst, "kind": kind}
        frontier = following
    return {"nodes": list(nodes.values()), "edges": list(edges.values()), "truncated": truncated}


def _schema(snapshot: Snapshot, entity_id: str) -> str:
    data = snapshot.entity_dict(entity_id)
    return str(data.get("schema", "")) if data else ""
