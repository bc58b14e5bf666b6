"""The embedded snapshot store: loaded lists on disk, switched atomically.

``SnapshotStore(settings)`` owns the home directory; ``Snapshot`` reads one snapshot;
``refresh`` downloads official files through a :class:`Fetcher` and installs them.
"""

from clearance.snapshots.catalog import ListDiff, ListInfo, Snapshot, SnapshotDiff, SnapshotInfo
from clearance.snapshots.fetch import Fetcher, HttpFetcher, MemoryFetcher
from clearance.snapshots.home import Builder, SnapshotStore
from clearance.snapshots.refresh import RefreshFailure, RefreshResult, refresh

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
