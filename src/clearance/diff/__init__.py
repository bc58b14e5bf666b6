"""What changed between two snapshots: entities added, removed and changed, field by field.

``diff_snapshots(old, new)`` compares two :class:`~clearance.snapshots.Snapshot` objects;
``diff_store(store, old_id, new_id)`` does it by id (default: previous vs active). Pure
comparison of stored entities lives in :mod:`clearance.diff.compare`.
"""

from clearance.diff.compare import MATCHING_FIELDS, FieldChange, compare_entities
from clearance.diff.snapshots import (
    EntityChange,
    EntityRef,
    ListChanges,
    SnapshotChanges,
    diff_snapshots,
    diff_store,
    missing_files,
    previous_snapshot,
)

__all__ = [
    "MATCHING_FIELDS",
    "EntityChange",
    "EntityRef",
    "FieldChange",
    "ListChanges",
    "SnapshotChanges",
    "compare_entities",
    "diff_snapshots",
    "diff_store",
    "missing_files",
    "previous_snapshot",
]
