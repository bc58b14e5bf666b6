"""What payment screening needs of the loaded lists, behind one small interface.

:class:`ListView` is the interface (a fake in unit tests); :class:`SnapshotLists` serves it from
an opened :class:`clearance.Clearance`: names through its screener, BICs and IMO numbers from the
identifiers on the lists (type SWIFT/BIC and IMO in the entity model), programs from the
snapshot, and how common a word is in listed names (for windows in running text).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from clearance.matching.query import Query, ScreenOptions
from clearance.matching.result import ScreeningResult
from clearance.model import IdType

if TYPE_CHECKING:
    from clearance.matching.engine import Screener
    from clearance.snapshots import Snapshot


class LoadedLists(Protocol):
    """A consistent snapshot and screener pair: :class:`clearance.Clearance`, the API's engine."""

    @property
    def screener(self) -> Screener: ...

    @property
    def snapshot(self) -> Snapshot: ...


@dataclass(frozen=True, slots=True)
class Listed:
    """A listed entity found by an exact identifier (a BIC, an IMO number)."""

    entity_id: str
    list: str
    name: str
    value: str  # the identifier as listed


class ListView(Protocol):
    snapshot_id: str
    algorithm: str

    def screen(self, query: Query, options: ScreenOptions) -> ScreeningResult: ...

    def by_bic(self, bic: str) -> list[Listed]: ...

    def by_imo(self, number: str) -> list[Listed]: ...

    def programs(self, entity_id: str) -> tuple[str, ...]: ...

    def word_reach(self, word: str) -> int: ...


class SnapshotLists:
    """:class:`ListView` over a loaded snapshot (an opened :class:`clearance.Clearance`)."""

    def __init__(self, engine: LoadedLists) -> None:
        screener = engine.screener
        self.screener = screener
        self.snapshot = engine.snapshot
        self.snapshot_id = screener.snapshot_id
        self.algorithm = f"{screener.algorithm} {screener.algorithm_version}"
        index = screener.index
        self._bic: dict[str, list[Listed]] = defaultdict(list)
        self._imo: dict[str, list[Listed]] = defaultdict(list)
        for ent, identifiers in enumerate(index.ent_identifiers):
            for id_type, value in identifiers:
                if id_type == IdType.SWIFT_BIC.value and len(value) >= 8:
                    self._bic[value[:8]].append(self._listed(ent, value))
                elif id_type == IdType.IMO.value:
                    self._imo[value].append(self._listed(ent, value))
        self._programs: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, int] = {}

    def _listed(self, ent: int, value: str) -> Listed:
        index = self.screener.index
        return Listed(index.ent_id[ent], index.ent_list[ent], index.ent_caption[ent], value)

    def screen(self, query: Query, options: ScreenOptions) -> ScreeningResult:
        return self.screener.screen(query, options)

    def by_bic(self, bic: str) -> list[Listed]:
        """Listed entities holding this institution's BIC (8-character match: a listed head
        office covers its branches, a listed branch its head office's payments)."""
        return self._bic.get(bic[:8], [])

    def by_imo(self, number: str) -> list[Listed]:
        return self._imo.get(number, [])

    def programs(self, entity_id: str) -> tuple[str, ...]:
        found = self._programs.get(entity_id)
        if found is None:
            entity = self.snapshot.entity(entity_id)
            found = self._programs[entity_id] = entity.programs if entity is not None else ()
        return found

    def word_reach(self, word: str) -> int:
        """In how many listed names ``word`` (folded) occurs as a word (0: in none)."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) > 200_000:
                self._words.clear()
            index = self.screener.index
            key = index.vocab.get("t:" + word)
            found = self._words[word] = 0 if key is None else len(index.posting(key))
        return found
