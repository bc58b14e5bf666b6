"""Ownership over a home: load files, tie names to listed entities, keep the blocked sets
current, answer exposure and network queries. :func:`ownership_of` gives the one service of a
:class:`~clearance.app.Clearance` (recomputed when its snapshot or the ownership data change).
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.graph.blocked import BlockedSets, Change, became_blocked
from clearance.graph.load_bods import looks_like_bods, read_bods
from clearance.graph.load_csv import read_csv
from clearance.graph.model import Node, OwnershipData, OwnershipError
from clearance.graph.rules import Regime
from clearance.graph.store import OwnershipStore
from clearance.graph.universe import Universe, add_entities, add_ownership
from clearance.graph.verdicts import Verdict
from clearance.matching.query import ScreenOptions, make_query

if TYPE_CHECKING:
    from clearance.app import Clearance

ID_SHAPE = ("ofac-", "un-", "uk-", "eu-", "own-", "bods-")


@dataclass
class LoadReport:
    dataset: str
    path: Path
    nodes: int
    holdings: int
    ties: list[tuple[str, str, float]]  # (node, listed id, score)
    flags: list[str]


class Ownership:
    def __init__(self, clearance: Clearance) -> None:
        self.clearance = clearance
        self.store = OwnershipStore(clearance.settings.home)
        self._lock = threading.Lock()
        self._key: tuple[str, str, str] | None = None
        self._blocked: BlockedSets | None = None
        self._previous: BlockedSets | None = None
        self.scope = "all"

    # -- loading -----------------------------------------------------------------------------
    def load_file(self, path: Path, name: str | None = None, fmt: str | None = None,
                  today: dt.date | None = None) -> LoadReport:  # fmt: skip
        if not path.is_file():
            raise OwnershipError(f"{path}: no such file")
        snapshot = self.clearance.snapshot
        fmt = fmt or ("bods" if looks_like_bods(path) else "csv")
        if fmt == "bods":
            data = read_bods(path, today)
        elif fmt == "csv":
            data = read_csv(path, self._id_check, today)
        else:
            raise OwnershipError(f"unknown ownership format {fmt!r} (csv or bods)")
        if name:
            data.name = name
        flag_totals(data)
        ties = self._tie(data)
        self.store.save(data, path, snapshot.id)
        return LoadReport(data.name, path, len(data.nodes), len(data.holdings), ties, data.flags)

    def _id_check(self, text: str) -> bool | None:
        snapshot = self.clearance.snapshot
        if text in snapshot:
            return True
        shaped = " " not in text and text.lower().startswith(ID_SHAPE) and any(
            ch.isdigit() for ch in text
        )  # fmt: skip
        return False if shaped else None

    def _tie(self, data: OwnershipData) -> list[tuple[str, str, float]]:
        """Tie unlisted nodes to listed entities by the matcher (name + identifiers)."""
        ties = []
        for node_id, node in list(data.nodes.items()):
            if node.kind == "arrangement":
                continue
            kind = "person" if node.kind == "person" else "organization"
            idents = [i.split(":", 1)[-1] for i in node.identifiers]
            query = make_query(node.name, type=kind, identifiers=idents or None)
            result = self.clearance.screener.screen(query, ScreenOptions(limit=1))
            if result.matches and result.matches[0].alert:
                top = result.matches[0]
                data.nodes[node_id] = replace(node, tie=top.entity_id, tie_score=top.score)
                ties.append((node_id, top.entity_id, round(top.score, 4)))
        return ties

    # -- the blocked sets --------------------------------------------------------------------
    def universe(self) -> Universe:
        snapshot = self.clearance.snapshot
        universe = Universe()
        add_entities(universe, snapshot.iter_entities())
        for dataset in self.store.datasets():
            add_ownership(universe, dataset.nodes, dataset.holdings)
        return universe

    def blocked(self) -> BlockedSets:
        """The current sets; recomputed when the snapshot or the ownership data changed."""
        key = (self.clearance.snapshot.id, self.store.version(), self.scope)
        with self._lock:
            if self._blocked is None or self._key != key:
                self._previous = self._blocked
                self._blocked = BlockedSets.compute(self.universe(), self.scope)
                self._key = key
            return self._blocked

    def changes(self) -> list[Change]:
        """Parties newly blocked by ownership since the previous computation (monitoring)."""
        current = self.blocked()
        return became_blocked(self._previous, current)

    # -- queries -----------------------------------------------------------------------------
    def resolve(self, text: str) -> list[str]:
        """Node ids for an id or a name (listed matches and loaded unlisted parties)."""
        blocked = self.blocked()
        if blocked.universe.resolve(text) is not None:
            return [text]
        found = self.clearance.snapshot.resolve_id(text)
        if found:
            return [found]
        result = self.clearance.screen(text, limit=5)  # listed and derived (see .screening)
        ids = [m.entity_id for m in result.matches if m.alert]
        folded = text.casefold().strip()
        ids += [n for n, node in blocked.universe.nodes.items()
                if node.name.casefold() == folded and n not in ids]  # fmt: skip
        return [i for i in ids if blocked.universe.resolve(i) is not None]

    def exposure(self, text: str, regimes: list[Regime] | None = None) -> list[Verdict]:
        ids = self.resolve(text)
        if not ids:
            raise OwnershipError(f"no listed entity or ownership party matches {text!r}")
        blocked = self.blocked()
        return [v for node in ids for v in blocked.verdicts(node, regimes)]

    def node_info(self, node_id: str) -> dict[str, Any]:
        universe = self.blocked().universe
        idx = universe.resolve(node_id)
        if idx is None:
            raise OwnershipError(f"unknown party {node_id!r}")
        node: Node | None = universe.nodes.get(node_id)
        return {
            "id": universe.ids[idx],
            "name": universe.names[idx],
            "list": universe.lists.get(idx),
            "tie": None if node is None else node.tie,
            "tie_score": None if node is None else node.tie_score,
        }


_SERVICES: weakref.WeakKeyDictionary[Clearance, Ownership] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def ownership_of(clearance: Clearance) -> Ownership:
    with _GUARD:
        service = _SERVICES.get(clearance)
        if service is None:
            service = _SERVICES[clearance] = Ownership(clearance)
        return service


def flag_totals(data: OwnershipData) -> None:
    """Flag owned parties whose direct holdings add up to more than 100 % (kept, flagged)."""
    totals: dict[str, float] = {}
    for h in data.holdings:
        if h.direct:
            totals[h.owned] = totals.get(h.owned, 0.0) + h.share.lo
    over = {k: v for k, v in totals.items() if v > 100.0 + 1e-9}
    if not over:
        return
    for owned, total in sorted(over.items()):
        data.flags.append(f"{owned}: direct holdings add up to {total:g} % (over 100 %)")
    data.holdings = [
        replace(h, flags=(*h.flags, f"owned party's holdings total {over[h.owned]:g} %"))
        if h.owned in over else h
        for h in data.holdings
    ]  # fmt: skip
