"""Small in-memory universes for rule tests: designated parties and holdings as tuples."""

from __future__ import annotations

from clearance.graph.blocked import BlockedSets
from clearance.graph.model import Control, Holding, Node, Share, parse_share
from clearance.graph.universe import Universe, add_ownership


def universe(
    designated: dict[str, str],
    holdings: list[tuple[str, str, str] | tuple[str, str, str, set[Control]]],
    kinds: dict[str, str] | None = None,
) -> Universe:
    """``designated``: id -> list name; ``holdings``: (owner, owned, share[, control])."""
    u = Universe()
    for node_id, list_name in designated.items():
        idx = u.add(node_id, node_id.upper())
        u.lists[idx] = list_name
    names = {h[0] for h in holdings} | {h[1] for h in holdings}
    nodes = [Node(n, n.upper(), (kinds or {}).get(n, "organization"))
             for n in sorted(names - set(designated))]  # fmt: skip
    hs = []
    for h in holdings:
        control = frozenset(h[3]) if len(h) == 4 else frozenset()  # type: ignore[misc]
        share = parse_share(h[2]) if h[2] != "-" else Share(0.0, 0.0)
        hs.append(Holding(h[0], h[1], share, control=control, source="test"))
    add_ownership(u, nodes, hs)
    return u


def sets(designated: dict[str, str], holdings: list, **kw: object) -> BlockedSets:  # type: ignore[type-arg]
    return BlockedSets.compute(universe(designated, holdings, **kw))  # type: ignore[arg-type]
