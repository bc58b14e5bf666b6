"""The Python entry point: ``clearance.open(home)`` -> :class:`Clearance`.

Ties the embedded snapshot store to the screening engine. Shells (CLI, API, batch) use this
object; it holds no global state, so several can live in one process (e.g. tests).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from clearance.errors import SnapshotError
from clearance.matching.artifact import MatcherIndexBuilder, index_builder, load_screener
from clearance.matching.engine import Screener
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.matching.result import ScreeningResult
from clearance.model import Entity, Relationship
from clearance.settings import Settings
from clearance.snapshots import Snapshot, SnapshotStore


class Clearance:
    """Screening over the active snapshot of a home directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = SnapshotStore(settings)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._screener: Screener | None = None

    # -- snapshot / engine lifecycle -------------------------------------------------------
    def reload(self) -> bool:
        """Switch to the store's active snapshot if it changed; True when it did.

        The new screener is built (loaded from the snapshot's stored index) before the swap, so
        concurrent callers see either the old engine or the new one, never a half-loaded one.
        """
        active = self.store.active()
        current = self._snapshot
        if active is None or (current is not None and current.id == active.id):
            return False
        screener = load_screener(active, self.settings)
        with self._lock:
            self._snapshot, self._screener = active, screener
        return True

    @property
    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self.reload()
        if self._snapshot is None:
            raise SnapshotError(
                f"no lists loaded in {self.settings.home}; run `clearance load` or "
                "`clearance refresh` first"
            )
        return self._snapshot

    @property
    def screener(self) -> Screener:
        if self._screener is None:
            self.snapshot  # noqa: B018 - loads or raises
        assert self._screener is not None
        return self._screener

    # -- screening ----------------------------------------------------------------------------
    def screen(
        self,
        name: str,
        *,
        type: str | None = None,
        dob: str | None = None,
        country: str | list[str] | None = None,
        identifiers: Any = None,
        limit: int = 10,
        threshold: float | None = None,
        lists: list[str] | None = None,
        id: str | None = None,
    ) -> ScreeningResult:
        """Screen one party. Raises :class:`~clearance.errors.QueryError` on invalid input."""
        query = make_query(
            name, type=type, dob=dob, country=country, identifiers=identifiers, id=id, lists=lists
        )
        return self.screen_query(query, ScreenOptions(limit=limit, threshold=threshold))

    def screen_query(self, query: Query, options: ScreenOptions | None = None) -> ScreeningResult:
        options = options or ScreenOptions()
        result = self.screener.screen(query, options)
        if (self.settings.home / "ownership").is_dir():  # parties blocked by ownership rules
            from clearance.graph.screening import with_derived_hits

            result = with_derived_hits(self, query, options, result)
        return result

    # -- browsing -----------------------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity | None:
        return self.snapshot.entity(entity_id)

    def incoming(self, entity_id: str) -> list[tuple[str, Relationship]]:
        return self.snapshot.incoming(entity_id)


def list_versions(snapshot: Snapshot) -> dict[str, str]:
    """Per list, the version that goes with every result: published date, else load time."""
    return snapshot.list_versions()


def open(home: str | Path | None = None, settings: Settings | None = None) -> Clearance:  # noqa: A001
    """Open a Clearance home directory (default: ``CLEARANCE_HOME`` or the user data dir)."""
    if settings is None:
        settings = Settings.from_env(home=Path(home) if home is not None else None)
    elif home is not None:
        from dataclasses import replace

        settings = replace(settings, home=Path(home))
    return Clearance(settings)


__all__ = [
    "Clearance",
    "MatcherIndexBuilder",
    "index_builder",
    "list_versions",
    "load_screener",
    "open",
]
