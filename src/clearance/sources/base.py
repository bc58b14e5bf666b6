"""What every list reader returns, and the helpers they share.

A reader turns one list's published file set into a :class:`ParsedList`: the mapped entities,
the files it read (with hashes), the publication date where the file carries one, and the
issues it met (unparsed remark fragments and the like) — counted and kept, never dropped.
"""

from __future__ import annotations

import builtins
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from clearance.errors import InputFileError
from clearance.model import Entity, Relationship


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file read into a snapshot: where from, and its SHA-256 for the audit."""

    path: str
    sha256: str
    size: int
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """Something a reader could not map fully (kept for the report)."""

    file: str
    record: str
    message: str
    fragment: str = ""


@dataclass
class ParsedList:
    """The result of reading one list's file set."""

    list: str
    format: str
    entities: builtins.list[Entity]
    files: builtins.list[SourceFile]
    published: str | None = None  # ISO date (or datetime) the publisher states
    issues: builtins.list[ParseIssue] = field(default_factory=builtins.list)
    # Signs the file set is partial (a file its set has missing, an end marker absent): the
    # install guard refuses the list unless forced. ``notes``: tolerated, shown as warnings.
    gaps: builtins.list[str] = field(default_factory=builtins.list)
    notes: builtins.list[str] = field(default_factory=builtins.list)

    def counts(self) -> dict[str, int]:
        by_schema: dict[str, int] = defaultdict(int)
        for entity in self.entities:
            by_schema[entity.schema.value] += 1
        return {
            "entities": len(self.entities),
            **{f"schema.{k}": v for k, v in sorted(by_schema.items())},
            "names": sum(len(e.names) for e in self.entities),
            "aliases": sum(len(e.names) - 1 for e in self.entities),
            "addresses": sum(len(e.addresses) for e in self.entities),
            "identifiers": sum(len(e.identifiers) for e in self.entities),
            "relationships": sum(len(e.relationships) for e in self.entities),
            "relationships_resolved": sum(
                1 for e in self.entities for r in e.relationships if r.target_id
            ),
            "unparsed_fragments": sum(len(e.unparsed) for e in self.entities),
            "issues": len(self.issues),
        }


class ListFormat(Protocol):
    """A reader for one published format. ``name`` is what ``--format`` takes."""

    name: str
    list_name: str
    description: str

    def detect(self, path: Path) -> bool:
        """True if ``path`` (a file or a folder) holds this format. Must be cheap."""
        ...

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        """Read and map the whole list; raise :class:`InputFileError` on bad input."""
        ...


def file_record(path: Path, url: str | None = None) -> SourceFile:
    """Hash a file for the snapshot manifest."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return SourceFile(str(path), digest.hexdigest(), path.stat().st_size, url)


def read_text(path: Path, encodings: Sequence[str] = ("utf-8",)) -> str:
    """Read a text file, trying ``encodings`` in order; a clear error if none fits or empty."""
    data = path.read_bytes()
    if not data.strip(b"\x00\x1a \r\n\t"):
        raise InputFileError(str(path), "file is empty")
    if b"\x00" in data[:4096]:
        raise InputFileError(str(path), "binary data where text was expected (wrong format?)")
    errors: list[str] = []
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            errors.append(f"not {encoding} (byte 0x{data[exc.start]:02x} at line {line})")
    raise InputFileError(str(path), "; ".join(errors))


def check_unique_ids(path: str, entities: Iterable[Entity]) -> None:
    """Raise if two records share a source id (a corrupt or concatenated file)."""
    seen: set[str] = set()
    for entity in entities:
        if entity.source_id in seen:
            raise InputFileError(path, "duplicated id", record=entity.source_id)
        seen.add(entity.source_id)


_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def name_key(text: str) -> str:
    """A crude key for resolving "Linked To:" style references to listed names."""
    if text.isascii():  # most names: nothing to decompose, no combining marks
        return _NON_WORD.sub(" ", text.casefold()).strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def name_keys(text: str) -> set[str]:
    """Keys for ``text`` and, for "FAMILY, Given" names, the un-inverted order."""
    keys = {name_key(text)}
    if "," in text:
        head, _, tail = text.partition(",")
        keys.add(name_key(f"{tail} {head}"))
    return keys - {""}


def resolve_relationships(entities: list[Entity]) -> list[Entity]:
    """Fill ``target_id`` of relationships whose target name matches exactly one listed entity.

    Names are compared on :func:`name_key` over every name of every entity in ``entities``;
    ambiguous or unknown targets keep ``target_id=None`` with the raw text.
    """
    index: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in entity.names:
            for key in name_keys(name.full):
                index[key].add(entity.id)
    resolved: list[Entity] = []
    for entity in entities:
        if not entity.relationships or all(r.target_id for r in entity.relationships):
            resolved.append(entity)
            continue
        edges: list[Relationship] = []
        for rel in entity.relationships:
            if rel.target_id is None:
                ids: set[str] = set()
                for key in name_keys(rel.target_name):
                    ids |= index.get(key, set())
                ids.discard(entity.id)
                if len(ids) == 1:
                    rel = replace(rel, target_id=next(iter(ids)))
            edges.append(rel)
        resolved.append(replace(entity, relationships=tuple(edges)))
    return resolved
