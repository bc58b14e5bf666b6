"""The embedded snapshot store: loaded lists on disk, switched atomically.

``SnapshotStore(settings)`` owns the home directory; ``Snapshot`` reads one snapshot;
``refresh`` downloads official files through a :class:`Fetcher` and installs them.
"""

from clearance.store.fetch import Fetcher, HttpFetcher, MemoryFetcher
from clearance.store.home import Builder, SnapshotStore
from clearance.store.refresh import RefreshFailure, RefreshResult, refresh
from clearance.store.snapshots import ListDiff, ListInfo, Snapshot, SnapshotDiff, SnapshotInfo

__all__ = [
    "Builder",
    "Fetcher",
    "HttpFetcher",
    "ListDiff",
    "ListInfo",
    "MemoryFetcher",
    "RefreshFailure",
    "RefreshResult",
    "Snapshot",
    "SnapshotDiff",
    "SnapshotInfo",
    "SnapshotStore",
    "refresh",
]
