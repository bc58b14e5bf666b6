"""The matcher's snapshot artifact: the name index stored inside each snapshot, and its loader.

:class:`MatcherIndexBuilder` runs as a snapshot builder (before a new snapshot goes live) and
writes the merged index into the snapshot's ``index/`` folder; :func:`load_screener` reads it
back, or rebuilds it in memory (logging why) when it is missing, damaged or outdated.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from clearance.matching.engine import Algorithm, Screener
from clearance.matching.index import NameIndex
from clearance.matching.index_build import PartialIndex, build_partial, merge_partials
from clearance.model import Entity
from clearance.settings import MatchingPolicy
from clearance.snapshots import Snapshot

log = logging.getLogger("clearance.matching")

INDEX_DIR = "index"


def save_index(
    snapshot_dir: Path, parts: Iterable[PartialIndex], snapshot_id: str, lists: dict[str, str]
) -> Path:
    """Merge per-list partial indexes and store the result inside a snapshot folder."""
    index = merge_partials(parts, snapshot_id, Algorithm().names)
    index.lists = dict(lists)
    return index.save(snapshot_dir / INDEX_DIR)


def build_index(snapshot_dir: Path, entities: Iterable[Entity], snapshot_id: str,
                lists: dict[str, str]) -> Path:  # fmt: skip
    """Build and store the matcher index inside a (staging) snapshot folder."""
    return save_index(snapshot_dir, [build_partial(entities)], snapshot_id, lists)


def load_index(snapshot_dir: Path) -> NameIndex:
    """The index stored inside a snapshot folder."""
    return NameIndex.load(snapshot_dir / INDEX_DIR)


class MatcherIndexBuilder:
    """Snapshot artifact builder: the matcher index, stored inside the new snapshot.

    Lists parsed in this run may hand over partial indexes built where they were parsed
    (``with_partials``); the other lists of the snapshot are indexed from its files.
    """

    def __init__(self, partials: dict[str, PartialIndex] | None = None) -> None:
        self.partials = dict(partials or {})

    def with_partials(self, partials: dict[str, PartialIndex]) -> MatcherIndexBuilder:
        return MatcherIndexBuilder({**self.partials, **partials})

    def __call__(self, staging: Path, snapshot: Snapshot) -> None:
        parts = [
            self.partials.get(name) or build_partial(snapshot.iter_entities(name))
            for name in snapshot.list_names()
        ]
        save_index(staging, parts, snapshot.id, snapshot.list_versions())


index_builder = MatcherIndexBuilder()


def load_screener(snapshot: Snapshot, policy: MatchingPolicy) -> Screener:
    """The stored index of ``snapshot``; rebuilt in memory if it is missing or outdated."""
    try:
        return Screener(load_index(snapshot.path), policy)
    except Exception as exc:  # noqa: BLE001 - a missing, damaged or outdated index is rebuilt
        log.warning(
            "snapshot %s: stored matcher index not usable (%s: %s); rebuilding it in memory",
            snapshot.id, type(exc).__name__, exc,
        )  # fmt: skip
        return Screener.build(
            snapshot.iter_entities(), policy, snapshot_id=snapshot.id,
            lists=snapshot.list_versions(),
        )  # fmt: skip
