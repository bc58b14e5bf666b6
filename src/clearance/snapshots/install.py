"""Writing a snapshot into its staging folder: list files, indexes, manifest, validation.

Everything here writes under a staging folder only; :mod:`clearance.snapshots.home` decides when
the folder becomes a snapshot and when ACTIVE switches to it.
"""

from __future__ import annotations

import builtins
import hashlib
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from clearance.errors import SnapshotError
from clearance.model.codec import entity_to_dict
from clearance.snapshots import layout
from clearance.snapshots.catalog import Snapshot, read_manifest
from clearance.snapshots.fields import field_digests

if TYPE_CHECKING:
    from clearance.sources.base import ParsedList, SourceFile


def _json_default(obj: object) -> str:
    """Source records may hold dates, decimals or sets: keep them as text rather than fail."""
    if isinstance(obj, set | frozenset):
        return str(sorted(obj, key=str))
    return str(obj)


def _dumps(data: object) -> bytes:
    return orjson.dumps(data, default=_json_default, option=orjson.OPT_NON_STR_KEYS)


def _write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@dataclass
class EncodedList:
    """One list serialised as the store writes it (see :func:`encode_list`).

    Made where the list was parsed (a worker process of ``clearance load``), so the parent
    receives bytes to write rather than entities to unpickle and serialise again.
    """

    list: str
    format: str
    files: builtins.list[SourceFile]
    published: str | None
    list_counts: dict[str, int]
    issue_count: int
    entities: bytes  # one entity_to_dict JSON document per line
    issues: bytes
    index: bytes
    edges: bytes
    gaps: builtins.list[str] = field(default_factory=builtins.list)
    notes: builtins.list[str] = field(default_factory=builtins.list)
    fields: bytes = b""  # {entity_id: its field digests} (see clearance.snapshots.fields)

    def counts(self) -> dict[str, int]:
        """The list's counts, as :meth:`ParsedList.counts` gave them."""
        return dict(self.list_counts)


def encode_list(parsed: ParsedList) -> EncodedList:
    """Serialise one list's entities, issues, index and edges; checks as :func:`write_list`."""
    name = layout.check_list_name(parsed.list)
    if not parsed.entities:
        raise SnapshotError(
            f"list {name}: no entities were read; refusing to install an empty list"
        )
    lines: list[bytes] = []
    index: dict[str, list[Any]] = {}
    digests: dict[str, str] = {}
    edges: dict[str, list[list[Any]]] = {}
    offset = 0
    for entity in parsed.entities:
        entity_id = entity.id
        if entity.list != name:
            raise SnapshotError(f"list {name}: entity {entity_id} belongs to list {entity.list}")
        if entity_id in index:
            raise SnapshotError(f"list {name}: entity id {entity_id} occurs twice")
        data = entity_to_dict(entity)
        try:
            line = _dumps(data) + b"\n"
        except TypeError as exc:  # e.g. a source record too deeply nested
            raise SnapshotError(f"list {name}: entity {entity_id} cannot be stored: {exc}") from exc
        digest = hashlib.blake2b(line, digest_size=8).hexdigest()
        index[entity_id] = [offset, len(line), digest]
        digests[entity_id] = field_digests(data)
        offset += len(line)
        lines.append(line)
        for rel in data.get("relationships", ()):
            target = rel.get("target_id")
            if target:
                edges.setdefault(target, []).append([entity_id, rel])
    issues = b"".join(
        _dumps({"file": i.file, "record": i.record, "message": i.message, "fragment": i.fragment})
        + b"\n"
        for i in parsed.issues
    )
    return EncodedList(
        list=name,
        format=parsed.format,
        files=list(parsed.files),
        published=parsed.published,
        list_counts=parsed.counts(),
        issue_count=len(parsed.issues),
        entities=b"".join(lines),
        issues=issues,
        index=_dumps(index),
        edges=_dumps(edges),
        gaps=list(parsed.gaps),
        notes=list(parsed.notes),
        fields=_dumps(digests),
    )


def write_list(
    staging: Path,
    parsed: ParsedList | EncodedList,
    *,
    snapshot_id: str,
    loaded_at: str,
    parse_seconds: float | None = None,
) -> dict[str, Any]:
    """Write one list's entities, issues, index and edges; return its manifest entry."""
    encoded = parsed if isinstance(parsed, EncodedList) else encode_list(parsed)
    name = layout.check_list_name(encoded.list)
    body = encoded.entities
    _write(staging / layout.entities_file(name), body)
    _write(staging / layout.issues_file(name), encoded.issues)
    _write(staging / layout.index_file(name), encoded.index)
    _write(staging / layout.edges_file(name), encoded.edges)
    if encoded.fields:
        _write(staging / layout.fields_file(name), encoded.fields)
    return {
        "format": encoded.format,
        "files": [
            {"path": f.path, "url": f.url, "sha256": f.sha256, "size": f.size}
            for f in encoded.files
        ],
        "published": encoded.published,
        "loaded_at": loaded_at,
        "loaded_in": snapshot_id,
        "counts": encoded.counts(),
        "issues": encoded.issue_count,
        "parse_seconds": round(parse_seconds, 3) if parse_seconds is not None else None,
        "entities_sha256": hashlib.sha256(body).hexdigest(),
        "entities_size": len(body),
    }


def entity_count(item: ParsedList | EncodedList) -> int:
    return item.list_counts["entities"] if isinstance(item, EncodedList) else len(item.entities)


def carry_list(staging: Path, parent: Snapshot, name: str) -> dict[str, Any]:
    """Bring a list unchanged from the parent snapshot (hard links where possible)."""
    for rel in layout.list_files(name):
        source = parent.path / rel
        if not source.exists():
            if rel in (layout.issues_file(name), layout.fields_file(name)):
                continue  # (a snapshot installed before field digests were kept has none)
            raise SnapshotError(f"snapshot {parent.id} is damaged: {rel} is missing")
        target = staging / rel
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)
    return dict(parent.manifest["lists"][name])


def totals(lists: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    out: dict[str, int] = {"lists": len(lists)}
    for entry in lists.values():
        for key, value in entry["counts"].items():
            out[key] = out.get(key, 0) + int(value)
    return out


def artifacts(staging: Path) -> dict[str, int]:
    """Files added by builders (anything outside the store's own layout), with sizes."""
    out: dict[str, int] = {}
    for path in sorted(staging.rglob("*")):
        rel = path.relative_to(staging).as_posix()
        if path.is_file() and rel != layout.MANIFEST_FILE and not rel.startswith("lists/"):
            out[rel] = path.stat().st_size
    return out


def write_manifest(staging: Path, manifest: Mapping[str, Any]) -> None:
    _write(staging / layout.MANIFEST_FILE, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))


def validate(staging: Path, snapshot_id: str) -> None:
    """Check a staged snapshot before it goes live: manifest, files, counts, unique ids."""
    manifest = read_manifest(staging)
    if manifest.get("snapshot_id") != snapshot_id:
        raise SnapshotError(f"staged manifest names {manifest.get('snapshot_id')!r}")
    snapshot = Snapshot(staging, manifest)
    seen: dict[str, str] = {}
    for info in snapshot.lists():
        entry = manifest["lists"][info.name]
        path = staging / layout.entities_file(info.name)
        if not path.is_file() or path.stat().st_size != entry["entities_size"]:
            raise SnapshotError(f"staged list {info.name}: entities file missing or wrong size")
        ids = list(snapshot.entity_ids(info.name))
        if len(ids) != info.entities:
            raise SnapshotError(
                f"staged list {info.name}: index has {len(ids)} ids, manifest {info.entities}"
            )
        for entity_id in ids:
            other = seen.setdefault(entity_id, info.name)
            if other != info.name:
                raise SnapshotError(
                    f"entity id {entity_id} is in both {other} and {info.name}; ids must be "
                    "unique across lists (load one of them under another --list name)"
                )


def file_seed(parsed: Sequence[ParsedList | EncodedList]) -> bytes:
    """Bytes that identify what is being installed (for the snapshot id's hash part)."""
    return "\n".join(
        f"{p.list}:{f.sha256}" for p in sorted(parsed, key=lambda p: p.list) for f in p.files
    ).encode()
