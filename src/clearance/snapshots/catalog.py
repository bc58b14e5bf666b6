"""Reading one snapshot: its manifest, its entities (streamed or by id) and its edges.

A :class:`Snapshot` is immutable on disk. Random access by entity id goes through the per-list
index files written at install (``{id: [offset, length, hash]}``), so fetching one entity reads
one line; reverse edges come from the per-list edge files (``{target: [[source, rel], ...]}``).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from clearance.errors import SnapshotError
from clearance.model import Entity, RelationKind, Relationship
from clearance.model.codec import entity_from_dict
from clearance.snapshots import layout

if TYPE_CHECKING:  # importing clearance.sources loads every reader: keep reads light
    from clearance.sources.base import SourceFile


@dataclass(frozen=True, slots=True)
class ListInfo:
    """One list inside a snapshot, as its manifest records it."""

    name: str
    format: str
    files: tuple[SourceFile, ...]
    published: str | None
    loaded_at: str
    loaded_in: str  # the snapshot the list was loaded in (this one, or the one it came from)
    counts: dict[str, int]
    issues: int
    parse_seconds: float | None = None

    @property
    def entities(self) -> int:
        return self.counts.get("entities", 0)

    @classmethod
    def from_manifest(cls, name: str, data: dict[str, Any]) -> ListInfo:
        from clearance.sources.base import SourceFile

        return cls(
            name=name,
            format=data["format"],
            files=tuple(
                SourceFile(f["path"], f["sha256"], f["size"], f.get("url")) for f in data["files"]
            ),
            published=data.get("published"),
            loaded_at=data["loaded_at"],
            loaded_in=data["loaded_in"],
            counts=dict(data["counts"]),
            issues=data["issues"],
            parse_seconds=data.get("parse_seconds"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "list": self.name,
            "format": self.format,
            "published": self.published,
            "loaded_at": self.loaded_at,
            "loaded_in": self.loaded_in,
            "counts": self.counts,
            "issues": self.issues,
            "files": [
                {"path": f.path, "url": f.url, "sha256": f.sha256, "size": f.size}
                for f in self.files
            ],
        }


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """A one-line summary of a snapshot for listings."""

    id: str
    created_at: str
    parent: str | None
    lists: dict[str, int]  # list name -> entity count
    entities: int
    active: bool
    path: Path

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "parent": self.parent,
            "active": self.active,
            "entities": self.entities,
            "lists": self.lists,
        }


@dataclass(frozen=True, slots=True)
class ListDiff:
    """What changed in one list between two snapshots (ids only)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class SnapshotDiff:
    """Changes from an older snapshot to a newer one, per list."""

    old: str
    new: str
    lists: dict[str, ListDiff] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "lists": {
                name: {"added": d.added, "removed": d.removed, "changed": d.changed}
                for name, d in self.lists.items()
            },
        }


def read_manifest(path: Path) -> dict[str, Any]:
    """Load and sanity-check ``manifest.json`` of the snapshot folder ``path``."""
    try:
        data = orjson.loads((path / layout.MANIFEST_FILE).read_bytes())
    except FileNotFoundError:
        raise SnapshotError(f"snapshot {path.name} is damaged: no manifest") from None
    except (OSError, orjson.JSONDecodeError) as exc:
        raise SnapshotError(
            f"snapshot {path.name} is damaged: unreadable manifest ({exc})"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("lists"), dict):
        raise SnapshotError(f"snapshot {path.name} is damaged: manifest has no lists")
    version = data.get("format_version")
    if version != layout.MANIFEST_VERSION:
        raise SnapshotError(
            f"snapshot {path.name} has manifest version {version!r}; "
            f"this Clearance reads version {layout.MANIFEST_VERSION}"
        )
    return data


class Snapshot:
    """A complete, immutable set of loaded lists at one moment."""

    def __init__(self, path: Path, manifest: dict[str, Any] | None = None) -> None:
        self.path = path
        self.manifest: dict[str, Any] = manifest if manifest is not None else read_manifest(path)
        self.id: str = self.manifest["snapshot_id"]
        self._indexes: dict[str, dict[str, list[Any]]] = {}
        self._incoming: dict[str, list[tuple[str, dict[str, Any]]]] | None = None

    def __repr__(self) -> str:
        return f"Snapshot({self.id!r})"

    @property
    def created_at(self) -> str:
        return str(self.manifest["created_at"])

    @property
    def parent(self) -> str | None:
        parent = self.manifest.get("parent")
        return str(parent) if parent else None

    @property
    def totals(self) -> dict[str, int]:
        return dict(self.manifest.get("totals", {}))

    def lists(self) -> list[ListInfo]:
        return [ListInfo.from_manifest(k, v) for k, v in sorted(self.manifest["lists"].items())]

    def list_names(self) -> builtins.list[str]:
        return sorted(self.manifest["lists"])

    def list_versions(self) -> dict[str, str]:
        """Per list, the version that goes with every result: published date, else load time."""
        return {info.name: info.published or info.loaded_at for info in self.lists()}

    def list_info(self, name: str) -> ListInfo | None:
        data = self.manifest["lists"].get(name)
        return ListInfo.from_manifest(name, data) if data is not None else None

    def __len__(self) -> int:
        return sum(info.entities for info in self.lists())

    # -- entities ---------------------------------------------------------------------------

    def _names(self, list: str | None) -> builtins.list[str]:
        if list is None:
            return self.list_names()
        if list not in self.manifest["lists"]:
            known = ", ".join(self.list_names()) or "none"
            raise SnapshotError(f"list {list!r} is not in snapshot {self.id} (loaded: {known})")
        return [list]

    def iter_dicts(self, list: str | None = None) -> Iterator[dict[str, Any]]:
        """Stream entities as stored (``entity_to_dict`` form), one list after another."""
        for name in self._names(list):
            with (self.path / layout.entities_file(name)).open("rb") as handle:
                for line in handle:
                    yield orjson.loads(line)

    def iter_entities(self, list: str | None = None) -> Iterator[Entity]:
        """Stream every entity of the snapshot, or of one list."""
        for data in self.iter_dicts(list):
            yield entity_from_dict(data)

    def field_digests(self, name: str) -> dict[str, str] | None:
        """Per entity of list ``name``, the digests of its compared fields
        (:func:`~clearance.snapshots.fields.field_digests`); None when the snapshot has none
        (installed before they were kept) or they are unreadable."""
        try:
            found = orjson.loads((self.path / layout.fields_file(name)).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return found if isinstance(found, dict) else None

    def _index(self, name: str) -> dict[str, builtins.list[Any]]:
        index = self._indexes.get(name)
        if index is None:
            try:
                index = orjson.loads((self.path / layout.index_file(name)).read_bytes())
            except (OSError, orjson.JSONDecodeError) as exc:
                raise SnapshotError(
                    f"snapshot {self.id}: index of {name} unreadable: {exc}"
                ) from exc
            assert isinstance(index, dict)
            self._indexes[name] = index
        return index

    def entity_ids(self, list: str | None = None) -> Iterator[str]:
        for name in self._names(list):
            yield from self._index(name)

    def _locate(self, entity_id: str) -> tuple[str, builtins.list[Any]] | None:
        names = self.list_names()
        # Ids are "<list>-<source id>": look in the list the prefix names first.
        likely = [n for n in names if entity_id.startswith(n + "-")]
        likely.sort(key=len, reverse=True)
        for name in likely + [n for n in names if n not in likely]:
            entry = self._index(name).get(entity_id)
            if entry is not None:
                return name, entry
        return None

    def __contains__(self, entity_id: object) -> bool:
        return isinstance(entity_id, str) and self._locate(entity_id) is not None

    def entity_dict(self, entity_id: str) -> dict[str, Any] | None:
        """The stored dict of one entity (one seek and one line read), or None."""
        found = self._locate(entity_id)
        if found is None:
            return None
        name, (offset, length, _hash) = found
        with (self.path / layout.entities_file(name)).open("rb") as handle:
            handle.seek(offset)
            data = orjson.loads(handle.read(length))
        assert isinstance(data, dict)
        return data

    def list_dicts(self, name: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored dicts of the entities ``ids`` of list ``name`` that it holds: one file
        opened, one seek and read per entity in file order (not the whole list decoded)."""
        index = self._index(name) if name in self.manifest["lists"] else {}
        found = sorted((index[i][0], index[i][1], i) for i in set(ids) if i in index)
        out: dict[str, dict[str, Any]] = {}
        if not found:
            return out
        with (self.path / layout.entities_file(name)).open("rb") as handle:
            for offset, length, entity_id in found:
                handle.seek(offset)
                out[entity_id] = orjson.loads(handle.read(length))
        return out

    def entity(self, entity_id: str) -> Entity | None:
        data = self.entity_dict(entity_id)
        return entity_from_dict(data) if data is not None else None

    def caption(self, entity_id: str) -> str | None:
        data = self.entity_dict(entity_id)
        return str(data["caption"]) if data is not None else None

    def incoming_dicts(self, entity_id: str) -> builtins.list[tuple[str, dict[str, Any]]]:
        if self._incoming is None:
            merged: dict[str, builtins.list[tuple[str, dict[str, Any]]]] = {}
            for name in self.list_names():
                try:
                    edges = orjson.loads((self.path / layout.edges_file(name)).read_bytes())
                except (OSError, orjson.JSONDecodeError) as exc:
                    raise SnapshotError(
                        f"snapshot {self.id}: edges of {name} unreadable: {exc}"
                    ) from exc
                for target, sources in edges.items():
                    merged.setdefault(target, []).extend((s, r) for s, r in sources)
            self._incoming = merged
        return builtins.list(self._incoming.get(entity_id, ()))

    def incoming(self, entity_id: str) -> builtins.list[tuple[str, Relationship]]:
        """Edges pointing at ``entity_id``: ``(source entity id, relationship)`` pairs."""
        return [
            (source, Relationship(**{**rel, "kind": RelationKind(rel["kind"])}))
            for source, rel in self.incoming_dicts(entity_id)
        ]

    def issues(self, list: str) -> Iterator[dict[str, Any]]:
        """The parse issues the reader reported for ``list``."""
        for name in self._names(list):
            path = self.path / layout.issues_file(name)
            if path.exists():
                with path.open("rb") as handle:
                    for line in handle:
                        yield orjson.loads(line)

    # -- ids ----------------------------------------------------------------------------------

    def resolve_id(self, text: str) -> str | None:
        """Find an entity id from what a user typed.

        Accepts the exact id (``ofac-sdn-41736``), any letter case, a bare source id
        (``41736``) when one list has it, and OpenSanctions-style ids (``ofac-41736``)
        when they point at one entity.
        """
        text = text.strip()
        if text in self:
            return text
        wanted = text.casefold()
        candidates: set[str] = set()
        for name in self.list_names():
            for entity_id in self._index(name):
                folded = entity_id.casefold()
                source = folded[len(name) + 1 :]
                if folded == wanted or source == wanted:
                    candidates.add(entity_id)
                elif "-" in wanted:
                    prefix, _, rest = wanted.rpartition("-")
                    if rest == source and name.startswith(prefix):
                        candidates.add(entity_id)
        return candidates.pop() if len(candidates) == 1 else None

    def suggest_ids(self, text: str, limit: int = 5) -> builtins.list[str]:
        """Ids close to ``text`` (for "did you mean" hints)."""
        from rapidfuzz import fuzz, process

        ids = builtins.list(self.entity_ids())
        found = process.extract(text, ids, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        return [match for match, _score, _index in found]

    # -- diff ---------------------------------------------------------------------------------

    def diff(self, other: Snapshot) -> SnapshotDiff:
        """What changed from ``other`` (older) to this snapshot, per list, by entity id."""
        result: dict[str, ListDiff] = {}
        for name in sorted(set(self.list_names()) | set(other.list_names())):
            new = self._index(name) if name in self.manifest["lists"] else {}
            old = other._index(name) if name in other.manifest["lists"] else {}
            diff = ListDiff(
                added=tuple(sorted(new.keys() - old.keys())),
                removed=tuple(sorted(old.keys() - new.keys())),
                changed=tuple(sorted(k for k in new.keys() & old.keys() if new[k][2] != old[k][2])),
            )
            if diff:
                result[name] = diff
        return SnapshotDiff(old=other.id, new=self.id, lists=result)

    def info(self, active: bool = False) -> SnapshotInfo:
        lists = {info.name: info.entities for info in self.lists()}
        return SnapshotInfo(
            id=self.id,
            created_at=self.created_at,
            parent=self.parent,
            lists=lists,
            entities=sum(lists.values()),
            active=active,
            path=self.path,
        )
