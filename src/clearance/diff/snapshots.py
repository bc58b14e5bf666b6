"""What changed between two snapshots, per list: entities added, removed and changed.

Built on :meth:`clearance.snapshots.Snapshot.diff` (ids whose stored record hash differs); each
candidate is then compared field by field (:mod:`clearance.diff.compare`), like with like: when
one side's list file set is partial (an OFAC folder with only ``sdn.csv``), the fields the
missing files carry are not compared, and the result says what the file set lacks.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.diff.compare import (
    MATCHING_FIELDS,
    REMARK_FIELDS,
    FieldChange,
    compare_entities,
    remarks_cut_short,
)
from clearance.errors import SnapshotError
from clearance.snapshots import ListDiff, ListInfo, Snapshot, SnapshotStore
from clearance.snapshots.fields import differing_fields

# OFAC legacy CSV sets: optional file -> (what it carries, fields taken from it).
OFAC_OPTIONAL = {
    "add.csv": ("addresses", frozenset({"addresses"})),
    "alt.csv": ("aliases", frozenset({"aliases"})),
    "sdn_comments.csv": ("remark continuations", frozenset()),
    "cons_add.csv": ("addresses", frozenset({"addresses"})),
    "cons_alt.csv": ("aliases", frozenset({"aliases"})),
    "cons_comments.csv": ("remark continuations", frozenset()),
}
_SETS = {
    "sdn.csv": ("add.csv", "alt.csv", "sdn_comments.csv"),
    "cons_prim.csv": ("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
}


def missing_files(info: ListInfo | None) -> list[str]:
    """Optional files of the list's file set that were not loaded (OFAC CSV sets)."""
    if info is None or info.format != "ofac-csv":
        return []
    present = {Path(f.path).name.lower() for f in info.files}
    for primary, optional in _SETS.items():
        if primary in present:
            return [name for name in optional if name not in present]
    return []


@dataclass(frozen=True, slots=True)
class EntityRef:
    """An added or removed entity: its id, primary name, schema and listing date."""

    id: str
    name: str
    schema: str
    listed_on: str | None = None
    programs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "schema": self.schema,
            "listed_on": self.listed_on,
            "programs": list(self.programs),
        }


@dataclass(frozen=True, slots=True)
class EntityChange:
    """A changed entity: the fields that changed and the fields that could not be compared."""

    id: str
    name: str
    changes: tuple[FieldChange, ...]
    not_compared: tuple[str, ...] = ()

    @property
    def matching_changed(self) -> bool:
        """Whether a field the matcher reads changed (names, DOBs, identifiers…)."""
        return any(c.field in MATCHING_FIELDS for c in self.changes)

    def describe(self) -> str:
        return "; ".join(c.describe() for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "changes": [c.to_dict() for c in self.changes],
        }
        if self.not_compared:
            data["not_compared"] = list(self.not_compared)
        return data


@dataclass(frozen=True, slots=True)
class ListChanges:
    """Changes in one list between two snapshots."""

    list: str
    old_version: str | None
    new_version: str | None
    added: tuple[EntityRef, ...] = ()
    removed: tuple[EntityRef, ...] = ()
    changed: tuple[EntityChange, ...] = ()
    lacks: dict[str, builtins.list[str]] = field(default_factory=dict)  # side -> missing files
    not_compared: tuple[str, ...] = ()  # fields left out for the whole list
    remarks_cut: int = 0  # entities whose remark-derived fields were left out

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
        }

    def notes(self) -> builtins.list[str]:
        """Plain sentences about what could not be compared, and why."""
        out = []
        for side, files in self.lacks.items():
            if files:
                what = ", ".join(f"{f} ({OFAC_OPTIONAL[f][0]})" for f in files)
                out.append(f"the {side} file set of {self.list} lacks {what}")
        if self.not_compared:
            out.append(f"not compared: {', '.join(self.not_compared)}")
        if self.remarks_cut:
            out.append(
                f"{self.remarks_cut} entities' remarks were cut short on one side (no comments "
                "file): their remark-derived fields were not compared"
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.list,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "counts": self.counts(),
            "lacks": self.lacks,
            "not_compared": list(self.not_compared),
            "notes": self.notes(),
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [e.to_dict() for e in self.changed],
        }


@dataclass(frozen=True, slots=True)
class SnapshotChanges:
    """Changes from an older snapshot to a newer one, per list."""

    old: str
    new: str
    lists: dict[str, ListChanges]

    def counts(self) -> dict[str, dict[str, int]]:
        return {name: changes.counts() for name, changes in self.lists.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "lists": {name: changes.to_dict() for name, changes in self.lists.items()},
        }


def _ref(data: dict[str, Any]) -> EntityRef:
    return EntityRef(
        id=data["id"],
        name=str(data.get("caption") or data["names"][0]["full"]),
        schema=data["schema"],
        listed_on=data.get("listed_on"),
        programs=tuple(data.get("programs", ())),
    )


def _version(info: ListInfo | None) -> str | None:
    return None if info is None else (info.published or info.loaded_at)


def _dicts(snapshot: Snapshot, name: str, wanted: set[str]) -> dict[str, dict[str, Any]]:
    if not wanted or name not in snapshot.list_names():
        return {}
    return snapshot.list_dicts(name, wanted)


def _compared_changes(
    old: Snapshot, new: Snapshot, name: str, changed: set[str], skip: frozenset[str]
) -> set[str]:
    """The entities of ``changed`` (stored records differ) that may differ in a compared field:
    by the field digests both snapshots keep (those of every other entity are equal in each
    field not in ``skip``, so they have no change to report), else all of them."""
    if not changed:
        return changed
    before, after = old.field_digests(name), new.field_digests(name)
    if before is None or after is None:
        return changed
    out = set()
    for entity_id in changed:
        a, b = before.get(entity_id), after.get(entity_id)
        if a is None or b is None or len(a) != len(b) or differing_fields(a, b) - skip:
            out.add(entity_id)
    return out


def diff_list(old: Snapshot, new: Snapshot, name: str, ids: ListDiff) -> ListChanges:
    """Compare list ``name`` of two snapshots given the id-level diff ``ids``."""
    old_info, new_info = old.list_info(name), new.list_info(name)
    lacks = {"old": missing_files(old_info), "new": missing_files(new_info)}
    lacking = set(lacks["old"]) | set(lacks["new"])
    skip = frozenset().union(*(OFAC_OPTIONAL[f][1] for f in lacking))
    cut_comments = any(f.endswith("comments.csv") for f in lacking)
    candidates = _compared_changes(old, new, name, set(ids.changed), skip)
    olds = _dicts(old, name, candidates | set(ids.removed))
    news = _dicts(new, name, candidates | set(ids.added))
    changed: list[EntityChange] = []
    cut = 0
    for entity_id in sorted(candidates):
        before, after = olds[entity_id], news[entity_id]
        extra: frozenset[str] = frozenset()
        if cut_comments and remarks_cut_short(before, after):
            extra, cut = REMARK_FIELDS, cut + 1
        changes = compare_entities(before, after, skip=skip | extra)
        if changes:
            name_text = str(after.get("caption") or after["names"][0]["full"])
            changed.append(EntityChange(entity_id, name_text, changes, tuple(sorted(extra))))
    return ListChanges(
        list=name,
        old_version=_version(old_info),
        new_version=_version(new_info),
        added=tuple(_ref(news[i]) for i in ids.added),
        removed=tuple(_ref(olds[i]) for i in ids.removed),
        changed=tuple(changed),
        lacks={side: files for side, files in lacks.items() if files},
        not_compared=tuple(sorted(skip)),
        remarks_cut=cut,
    )


def diff_snapshots(
    old: Snapshot, new: Snapshot, *, lists: Iterable[str] | None = None
) -> SnapshotChanges:
    """What changed from ``old`` to ``new`` (optionally only in ``lists``)."""
    wanted = set(lists) if lists is not None else None
    if wanted is not None:
        known = set(old.list_names()) | set(new.list_names())
        unknown = sorted(wanted - known)
        if unknown:
            raise SnapshotError(
                f"list {', '.join(unknown)} is in neither snapshot {old.id} nor {new.id}"
            )
    by_id = new.diff(old)
    out: dict[str, ListChanges] = {}
    for name, ids in by_id.lists.items():
        if wanted is not None and name not in wanted:
            continue
        changes = diff_list(old, new, name, ids)
        if changes.added or changes.removed or changes.changed or changes.lacks:
            out[name] = changes
    return SnapshotChanges(old=old.id, new=new.id, lists=out)


def previous_snapshot(store: SnapshotStore, snapshot: Snapshot) -> Snapshot:
    """The snapshot ``snapshot`` replaced (its parent), else the one installed before it."""
    ids = store.snapshot_ids()
    parent = snapshot.parent
    if parent and parent in ids:
        return store.get(parent)
    older = [i for i in ids if i < snapshot.id]
    if not older:
        raise SnapshotError(f"snapshot {snapshot.id} has no earlier snapshot to compare with")
    return store.get(older[-1])


def diff_store(
    store: SnapshotStore,
    old: str | None = None,
    new: str | None = None,
    *,
    lists: Iterable[str] | None = None,
) -> SnapshotChanges:
    """Diff two snapshots of a home by id (defaults: the previous and the active one)."""
    new_snapshot = store.get(new) if new else store.require_active()
    old_snapshot = store.get(old) if old else previous_snapshot(store, new_snapshot)
    return diff_snapshots(old_snapshot, new_snapshot, lists=lists)
