"""What payment screening needs of the loaded lists, behind one small interface.

:class:`ListView` is the interface (a fake in unit tests); :class:`SnapshotLists` serves it from
an opened :class:`clearance.Clearance`: names through its screener, BICs and IMO numbers from the
identifiers on the lists (type SWIFT/BIC and IMO in the entity model), programs from the
snapshot, and the words of listed names that may start a window in running text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from clearance.matching.query import Query, ScreenOptions
from clearance.matching.result import ScreeningResult
from clearance.model import IdType

if TYPE_CHECKING:
    from clearance.app import Clearance

RARE_WORD = 80  # a listed-name word in fewer names than this can anchor a text window


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

    def is_name_word(self, word: str) -> bool: ...


class SnapshotLists:
    """:class:`ListView` over the active snapshot of a :class:`Clearance` home."""

    def __init__(self, engine: Clearance) -> None:
        self.engine = engine
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
        self._words: dict[str, bool] = {}

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

    def is_name_word(self, word: str) -> bool:
        """Whether ``word`` (folded) is a word of listed names that few names share."""
        found = self._words.get(word)
        if found is None:
            if len(self._words) > 200_000:
                self._words.clear()
            index = self.screener.index
            key = index.vocab.get("t:" + word)
            found = key is not None and 0 < len(index.posting(key)) < RARE_WORD
            self._words[word] = found
        return found
