"""The ownership data model: nodes (listed or not), holdings with a share interval, and the
list relationships kept with their type and source. Pure: standard library only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from clearance.errors import ClearanceError


class OwnershipError(ClearanceError):
    """Bad ownership input: one line naming the file, the record and the field."""


class Control(StrEnum):
    """Control held without (or beside) shares."""

    BOARD_MAJORITY = "board_majority"  # right to appoint or remove a majority of the board
    VOTING_RIGHTS = "voting_rights"  # a majority of the voting rights
    SIGNIFICANT_INFLUENCE = "significant_influence"  # dominant influence / control in practice


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage as known: exact (``lo == hi``), a band (``25-50``) or unknown (0-100)."""

    lo: float
    hi: float

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    @property
    def known(self) -> bool:
        return not (self.lo == 0.0 and self.hi == 100.0)

    def __str__(self) -> str:
        if self.exact:
            return f"{self.lo:g} %"
        if not self.known:
            return "share unknown"
        return f"{self.lo:g}-{self.hi:g} %"

    def to_dict(self) -> dict[str, float]:
        return {"min": self.lo, "max": self.hi}


UNKNOWN_SHARE = Share(0.0, 100.0)
NO_SHARE = Share(0.0, 0.0)

_NUMBER = r"\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*"
_BAND = re.compile(rf"^{_NUMBER}(?:-|–|to){_NUMBER}$")
_EXACT = re.compile(rf"^{_NUMBER}$")


def parse_share(text: str | None) -> Share:
    """``60``, ``60 %``, ``12.5``, a band ``25-50`` / ``25 to 50``; empty means unknown.

    Raises ValueError with the reason for negative, over-100 or unreadable values.
    """
    raw = (text or "").strip()
    if not raw or raw.lower() in {"?", "unknown", "n/a"}:
        return UNKNOWN_SHARE
    if m := _EXACT.match(raw):
        lo = hi = float(m.group(1).replace(",", "."))
    elif m := _BAND.match(raw):
        lo, hi = (float(g.replace(",", ".")) for g in m.groups())
    else:
        raise ValueError(f"not a share or band: {raw!r}")
    return make_share(lo, hi)


def make_share(lo: float, hi: float) -> Share:
    if lo < 0 or hi < 0:
        raise ValueError(f"negative share: {lo:g}-{hi:g}")
    if lo > 100 or hi > 100:
        raise ValueError(f"share over 100 %: {max(lo, hi):g}")
    if lo > hi:
        raise ValueError(f"band ends below its start: {lo:g}-{hi:g}")
    return Share(lo, hi)


@dataclass(frozen=True, slots=True)
class Node:
    """A party in the graph. Listed entities keep their entity id; others get ``own-…`` ids.

    ``tie`` is the listed entity the matcher tied an unlisted node to, with its score.
    ``kind``: ``person``, ``organization`` or ``arrangement`` (a joint holding).
    """

    id: str
    name: str
    kind: str = "organization"
    identifiers: tuple[str, ...] = ()
    country: str | None = None
    source: str = ""
    tie: str | None = None
    tie_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "identifiers": list(self.identifiers),
            "country": self.country,
            "source": self.source,
            "tie": self.tie,
            "tie_score": self.tie_score,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data.get("kind", "organization"),
            identifiers=tuple(data.get("identifiers") or ()),
            country=data.get("country"),
            source=data.get("source", ""),
            tie=data.get("tie"),
            tie_score=data.get("tie_score"),
        )


@dataclass(frozen=True, slots=True)
class Holding:
    """``owner`` holds ``share`` of ``owned`` (and/or the ``control`` rights), per ``source``.

    ``direct`` is False for a holding declared as indirect; ``via`` lists the intermediaries'
    ids when the source names them (then the chain itself carries the stake and this record
    is kept for the proof only). ``flags`` hold data problems found on load (never dropped).
    """

    owner: str
    owned: str
    share: Share = UNKNOWN_SHARE
    direct: bool = True
    control: frozenset[Control] = frozenset()
    source: str = ""
    date: str | None = None
    via: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def summary(self) -> bool:
        """An indirect holding whose intermediaries are in the data: the chain counts."""
        return not self.direct and bool(self.via)

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "owned": self.owned,
            "share": self.share.to_dict(),
            "direct": self.direct,
            "control": sorted(c.value for c in self.control),
            "source": self.source,
            "date": self.date,
            "via": list(self.via),
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Holding:
        share = data.get("share") or {}
        return cls(
            owner=data["owner"],
            owned=data["owned"],
            share=Share(float(share.get("min", 0.0)), float(share.get("max", 100.0))),
            direct=bool(data.get("direct", True)),
            control=frozenset(Control(c) for c in data.get("control") or ()),
            source=data.get("source", ""),
            date=data.get("date"),
            via=tuple(data.get("via") or ()),
            flags=tuple(data.get("flags") or ()),
        )


@dataclass(frozen=True, slots=True)
class Link:
    """A relationship published on a list (Linked To, Owned or Controlled By, associate…)."""

    source_id: str
    target_id: str
    kind: str
    origin: str  # the list it came from
    raw: str | None = None
    share: float | None = None


@dataclass
class OwnershipData:
    """What one loaded file holds: nodes, holdings and the data problems flagged on the way."""

    name: str
    nodes: dict[str, Node] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def add_node(self, node: Node) -> None:
        if node.id not in self.nodes:
            self.nodes[node.id] = node


def slug_id(name: str) -> str:
    """A node id for an unlisted party: ``own-versor-trading-ltd``."""
    slug = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")
    return "own-" + (slug or "unnamed")
