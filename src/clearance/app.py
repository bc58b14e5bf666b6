"""The application core: ``clearance.open(home)`` -> :class:`Clearance`, the one service every
surface calls (CLI, API, batch, Spark; next the web pages, monitoring and payments).

It loads and refreshes lists into the home's snapshot store (running the snapshot builders,
e.g. the matcher index, before a snapshot goes live), hands out one consistent
:class:`Engine` (a snapshot and the screener built from it), screens, and looks entities up.
It holds no global state, so several can live in one process (e.g. tests).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance import loading
from clearance.errors import NotFoundError, QueryError
from clearance.matching.artifact import MatcherIndexBuilder, index_builder, load_screener
from clearance.matching.engine import Screener
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.matching.result import ScreeningResult
from clearance.model import Entity, Relationship
from clearance.settings import Settings
from clearance.snapshots import (
    Builder,
    Fetcher,
    HttpFetcher,
    RefreshResult,
    Snapshot,
    SnapshotStore,
)
from clearance.snapshots import refresh as refresh_lists
from clearance.snapshots.guard import InstallGuard
from clearance.snapshots.leases import Lease

# Artifact builders run inside every new snapshot before it goes live (load and refresh).
# A capability that stores something with each snapshot appends its builder here.
SNAPSHOT_BUILDERS: list[Builder] = [index_builder]
OWNERSHIP_DIR = "ownership"  # under the home: loaded ownership data (see clearance.graph.store)


@dataclass(frozen=True, slots=True)
class Engine:
    """One consistent pair: a snapshot and the screener built from it."""

    snapshot: Snapshot
    screener: Screener
    renders: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def list_names(self) -> list[str]:
        return self.snapshot.list_names()

    def check_lists(self, names: list[str] | tuple[str, ...] | None) -> None:
        """Raise a QueryError naming any list that is not loaded."""
        if not names:
            return
        loaded = set(self.snapshot.manifest["lists"])
        unknown = [n for n in names if n not in loaded]
        if unknown:
            raise QueryError(
                f"unknown list {unknown[0]!r} (loaded: {', '.join(sorted(loaded)) or 'none'})"
            )

    def list_versions(self) -> dict[str, str]:
        return self.snapshot.list_versions()


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What a load installed: the new snapshot, one summary row per list, and timings."""

    snapshot: Snapshot
    lists: list[dict[str, Any]]
    read_seconds: float
    seconds: float
    warnings: list[str] = field(default_factory=list)


class Clearance:
    """Loading, screening and look-ups over the active snapshot of a home directory."""

    def __init__(self, settings: Settings, *, builders: Sequence[Builder] | None = None) -> None:
        self.settings = settings
        self.store = SnapshotStore(settings)
        self.builders = list(SNAPSHOT_BUILDERS if builders is None else builders)
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._leases: list[Lease] = []  # the current snapshot's and the one before (in flight)
        self._ownership_dir = str(settings.home / OWNERSHIP_DIR)  # derived hits when present

    # -- loading ----------------------------------------------------------------------------
    def load(
        self,
        paths: Sequence[str | Path] = (),
        *,
        format_name: str | None = None,
        list_name: str | None = None,
        demo: bool = False,
        allow_shrink: bool = False,
    ) -> LoadResult:
        """Read list files (format detected) into a new snapshot and make it active.

        The install guard refuses a list that looks partial against the active snapshot
        (``CLEARANCE_MIN_COUNT_RATIO``) unless ``allow_shrink``; what it tolerates comes back
        as warnings."""
        files = [Path(p) for p in paths]
        if not files and not demo:
            raise QueryError("give at least one path to load, or demo=True")
        start = time.perf_counter()
        with loading.demo_path() if demo else nullcontext(None) as extra:
            if extra is not None:
                files.append(extra)
            parsed, seconds, partials = loading.parse_and_index(files, format_name, list_name)
        read = time.perf_counter() - start
        builders = [
            b.with_partials(partials) if isinstance(b, MatcherIndexBuilder) else b
            for b in self.builders
        ]
        guard = InstallGuard(self.settings.snapshots.min_count_ratio, allow_shrink)
        snapshot = self.store.install(parsed, builders=builders, parse_seconds=seconds, guard=guard)
        total = time.perf_counter() - start
        rows = loading.summary(parsed, seconds)
        return LoadResult(snapshot, rows, read, total, guard.warnings)

    def refresh(
        self,
        lists: Sequence[str] | None = None,
        *,
        keep_going: bool = False,
        allow_shrink: bool = False,
        fetcher: Fetcher | None = None,
    ) -> RefreshResult:
        """Download each list's official files, check them, and install a new snapshot."""
        if fetcher is None:
            with HttpFetcher.from_settings(self.settings) as own:
                return self.refresh(
                    lists, keep_going=keep_going, allow_shrink=allow_shrink, fetcher=own
                )
        return refresh_lists(
            self.store,
            fetcher,
            lists,
            builders=self.builders,
            keep_going=keep_going,
            allow_shrink=allow_shrink,
        )

    # -- the active snapshot and its screener --------------------------------------------------
    def active_snapshot(self) -> Snapshot:
        """The active snapshot (without loading a screener), or a clear error."""
        return self.store.require_active()

    def reload(self) -> bool:
        """Switch to the store's active snapshot if it changed; True when it did.

        The new screener is built (loaded from the snapshot's stored index) before the swap, so
        concurrent callers see either the old engine or the new one, never a half-loaded one.
        The snapshot in use (and the one before, for requests still in flight) is leased, so
        retention does not delete it under this process (see :mod:`clearance.snapshots.leases`).
        """
        held = self.store.lease_active("screening")
        if held is None:
            return False
        active, lease = held
        current = self._engine
        if current is not None and current.snapshot.id == active.id:
            lease.release()
            return False
        try:
            engine = Engine(active, load_screener(active, self.settings.matching))
        except BaseException:
            lease.release()
            raise
        with self._lock:
            self._engine = engine
            self._leases, old = self._leases[-1:] + [lease], self._leases[:-1]
        for stale in old:
            stale.release()
        return True

    def close(self) -> None:
        """Release this object's leases (a process that dies leaves stale ones, ignored)."""
        with self._lock:
            held, self._leases = self._leases, []
        for lease in held:
            lease.release()

    def engine(self) -> Engine:
        """The current snapshot and its screener, one consistent pair (loaded on first use)."""
        if self._engine is None:
            self.reload()
        engine = self._engine
        if engine is None:
            self.store.require_active()  # raises the clear "no lists loaded" error
            raise AssertionError("unreachable")
        return engine

    @property
    def snapshot(self) -> Snapshot:
        return self.engine().snapshot

    @property
    def screener(self) -> Screener:
        return self.engine().screener

    def list_versions(self) -> dict[str, str]:
        """Per list, the version that goes with every result."""
        return self.engine().list_versions()

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

    def screen_query(
        self, query: Query, options: ScreenOptions | None = None, *, engine: Engine | None = None
    ) -> ScreeningResult:
        """Screen one query with ``engine`` (default: the current one), derived hits included.

        Every surface (Python, CLI, API, yente routes, batch) screens through this method or
        :meth:`screen_many`, so all of them report parties blocked only by ownership."""
        return self.screen_many([query], options, engine=engine)[0]

    def screen_many(
        self,
        queries: Sequence[Query],
        options: ScreenOptions | None = None,
        *,
        engine: Engine | None = None,
    ) -> list[ScreeningResult]:
        """Screen several queries against one engine, derived hits included."""
        options = options or ScreenOptions()
        screener = (engine or self.engine()).screener
        results = list(screener.screen_many(queries, options))
        if not os.path.isdir(self._ownership_dir):
            return results  # no ownership data: one stat per call, nothing else
        from clearance.graph.screening import derived_hits

        add = derived_hits(self)
        if add is None:
            return results
        return [add(q, options, r) for q, r in zip(queries, results, strict=True)]

    def pin(self, engine: Engine) -> Clearance:
        """Screen with this engine (e.g. a batch worker's snapshot) instead of the active one."""
        with self._lock:
            self._engine = engine
        return self

    # -- look-ups -----------------------------------------------------------------------------
    def entity(self, entity_id: str) -> Entity | None:
        return self.snapshot.entity(entity_id)

    def incoming(self, entity_id: str) -> list[tuple[str, Relationship]]:
        return self.snapshot.incoming(entity_id)

    def entity_view(self, entity_id: str) -> dict[str, Any]:
        """One entity of the active snapshot as stored (an id or a unique prefix), with captions
        on both sides of its edges."""
        return entity_view(self.active_snapshot(), entity_id)


def entity_view(snapshot: Snapshot, entity_id: str) -> dict[str, Any]:
    """The entity as stored, with captions on both sides of its edges (for ``show``)."""
    resolved = snapshot.resolve_id(entity_id)
    data = snapshot.entity_dict(resolved) if resolved else None
    if resolved is None or data is None:
        close = snapshot.suggest_ids(entity_id)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"no entity {entity_id!r} in snapshot {snapshot.id}{hint}")
    outgoing = [
        rel
        | {"target_caption": snapshot.caption(rel["target_id"]) if rel.get("target_id") else None}
        for rel in data.get("relationships", [])
    ]
    incoming = [
        {"source_id": source, "source_caption": snapshot.caption(source)} | rel
        for source, rel in snapshot.incoming_dicts(resolved)
    ]
    return data | {"relationships": outgoing, "incoming": incoming, "snapshot": snapshot.id}


def list_versions(snapshot: Snapshot) -> dict[str, str]:
    """Per list, the version that goes with every result: published date, else load time."""
    return snapshot.list_versions()


def open(  # noqa: A001
    home: str | Path | None = None,
    settings: Settings | None = None,
    *,
    builders: Sequence[Builder] | None = None,
) -> Clearance:
    """Open a Clearance home directory (default: ``CLEARANCE_HOME`` or the user data dir)."""
    if settings is None:
        settings = Settings.from_env(home=Path(home) if home is not None else None)
    elif home is not None:
        settings = settings.replace(home=Path(home))
    return Clearance(settings, builders=builders)


__all__ = [
    "SNAPSHOT_BUILDERS",
    "Clearance",
    "Engine",
    "LoadResult",
    "MatcherIndexBuilder",
    "entity_view",
    "index_builder",
    "list_versions",
    "load_screener",
    "open",
]
