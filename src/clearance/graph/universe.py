"""Every party and holding the rules see, numbered: listed entities, loaded ownership nodes,
holdings from the files and those published on the lists. Pure (no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from clearance.graph.model import UNKNOWN_SHARE, Holding, Link, Node, Share
from clearance.graph.rules import Arrays, Regime
from clearance.model import Entity, RelationKind

# Lists whose entries each regime treats as designated. ``all``: every loaded sanctions list
# (a bank applying each regime's ownership test to every list it screens); ``own``: only
# the lists that regime itself enforces. OFAC's non-SDN consolidated list blocks nothing.
NON_BLOCKING = frozenset({"ofac-cons"})
OWN_LISTS: dict[Regime, tuple[str, ...]] = {
    Regime.OFAC: ("ofac-sdn",),
    Regime.EU: ("eu", "un"),
    Regime.UK: ("uk", "un"),
}
TIE_MERGE = 0.9  # a matcher tie at or above this score is taken as the listed entity itself


def list_label(entity_id: str, list_name: str, source_id: str) -> str:
    """How a proof names a listed party: ``SDN 44579``, else the entity id."""
    return f"SDN {source_id}" if list_name == "ofac-sdn" else entity_id


@dataclass
class Universe:
    """Numbered nodes with their captions, the holdings and the seeds of each regime."""

    ids: list[str] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    lists: dict[int, str] = field(default_factory=dict)  # node -> list name (listed nodes)
    labels: dict[int, str] = field(default_factory=dict)  # node -> "SDN 44579" / entity id
    nodes: dict[str, Node] = field(default_factory=dict)  # unlisted nodes by id
    holdings: list[Holding] = field(default_factory=list)  # every holding (proofs, export)
    links: list[Link] = field(default_factory=list)  # list relationships (network)
    alias: dict[str, str] = field(default_factory=dict)  # tied node id -> listed id
    maybe: dict[str, tuple[str, float]] = field(default_factory=dict)  # weak tie -> (id, score)
    possible: set[int] = field(default_factory=set)  # nodes that may be designated
    arrays: Arrays | None = None

    def add(self, node_id: str, name: str) -> int:
        idx = self.index.get(node_id)
        if idx is None:
            idx = self.index[node_id] = len(self.ids)
            self.ids.append(node_id)
            self.names.append(name)
        return idx

    def resolve(self, node_id: str) -> int | None:
        return self.index.get(self.alias.get(node_id, node_id))

    def seeds(self, regime: Regime, scope: str = "all") -> tuple[np.ndarray, np.ndarray]:
        """(designated nodes, nodes that may be designated: ``possible``, set by callers)."""
        wanted = set(OWN_LISTS[regime]) if scope == "own" else None

        def counts(list_name: str) -> bool:
            if wanted is not None:
                return list_name in wanted
            return list_name not in NON_BLOCKING

        seeds = [i for i, name in self.lists.items() if counts(name)]
        return np.array(sorted(seeds), dtype=np.int64), np.array(
            list(self.possible), dtype=np.int64
        )

    def caption(self, idx: int) -> str:
        label = self.labels.get(idx)
        return f"{self.names[idx]} ({label})" if label else self.names[idx]


def add_entities(universe: Universe, entities: Iterable[Entity]) -> None:
    """Listed entities as nodes; their published relationships as links, "owned by" edges
    as holdings of unknown share (the lists publish no percentages)."""
    for entity in entities:
        idx = universe.add(entity.id, entity.caption)
        universe.lists[idx] = entity.list
        universe.labels[idx] = list_label(entity.id, entity.list, entity.source_id)
        for rel in entity.relationships:
            if not rel.target_id:
                continue
            universe.links.append(Link(entity.id, rel.target_id, rel.kind.value, entity.list,
                                       rel.raw, rel.share))  # fmt: skip
            if rel.kind is RelationKind.OWNER:
                share = UNKNOWN_SHARE if rel.share is None else Share(rel.share, rel.share)
                universe.holdings.append(
                    Holding(
                        rel.target_id,
                        entity.id,
                        share,
                        source=f"{entity.list}: {rel.raw or 'owner'}",
                    )
                )


def add_ownership(universe: Universe, nodes: Iterable[Node], holdings: Iterable[Holding]) -> None:
    """Loaded nodes and holdings. A strong matcher tie (score >= TIE_MERGE) makes a node the
    listed entity itself; a weaker one is kept for display (``maybe``) and decides nothing: a
    subsidiary's name often resembles its parent's ("Versor Trading Ltd" / "VERSOR S.R.O.")."""
    for node in nodes:
        universe.nodes[node.id] = node
        if node.tie and node.tie in universe.index and node.tie_score is not None:
            if node.tie_score >= TIE_MERGE:
                universe.alias[node.id] = node.tie
                continue
            universe.maybe[node.id] = (node.tie, node.tie_score)
        universe.add(node.id, node.name)
    universe.holdings.extend(holdings)


def counted(holding: Holding) -> bool:
    """Holdings the rules count: not a summary of a chain in the data, not future-dated."""
    return not holding.summary and not any(f.startswith("future") for f in holding.flags)


def compile_arrays(universe: Universe) -> Arrays:
    """The counted holdings as arrays (unknown ids were refused on load; a holding whose
    party left the lists since is skipped here and shows as flagged in the proof data)."""
    src: list[int] = []
    dst: list[int] = []
    lo: list[float] = []
    hi: list[float] = []
    ctrl: list[bool] = []
    ref: list[int] = []
    for i, h in enumerate(universe.holdings):
        a, b = universe.resolve(h.owner), universe.resolve(h.owned)
        if a is None or b is None or a == b or not counted(h):
            continue
        src.append(a)
        dst.append(b)
        lo.append(h.share.lo)
        hi.append(h.share.hi)
        ctrl.append(bool(h.control))
        ref.append(i)
    n = len(universe.ids)
    joint = np.zeros(n, dtype=np.bool_)
    for node_id, node in universe.nodes.items():
        if node.kind == "arrangement" and (idx := universe.resolve(node_id)) is not None:
            joint[idx] = True
    arrays = Arrays.build(
        n, np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64), np.array(lo),
        np.array(hi), np.array(ctrl, dtype=np.bool_), joint, np.array(ref, dtype=np.int64),
    )  # fmt: skip
    universe.arrays = arrays
    return arrays
