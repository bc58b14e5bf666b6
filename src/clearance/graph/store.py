"""Loaded ownership data on disk: one JSON-lines file per dataset under ``<home>/ownership/``.

The first line is a header (dataset name, source file, load time, snapshot the matcher ties
were made against); then one ``{"node": …}`` or ``{"holding": …}`` per line. Loading a file
again under the same name replaces that dataset. Writes are atomic (temp file + rename).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from clearance.graph.model import Holding, Node, OwnershipData, OwnershipError

DIR = "ownership"
SUFFIX = ".jsonl"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")


@dataclass
class Dataset:
    name: str
    header: dict[str, Any]
    nodes: list[Node]
    holdings: list[Holding]


class OwnershipStore:
    def __init__(self, home: Path) -> None:
        self.root = home / DIR

    def exists(self) -> bool:
        return self.root.is_dir() and any(self.root.glob(f"*{SUFFIX}"))

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name.removesuffix(SUFFIX) for p in self.root.glob(f"*{SUFFIX}"))

    def version(self) -> str:
        """Changes whenever a dataset is loaded, replaced or removed."""
        parts = []
        for name in self.names():
            st = (self.root / f"{name}{SUFFIX}").stat()
            parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]

    def save(self, data: OwnershipData, file: Path, snapshot: str | None) -> Path:
        if not NAME.match(data.name):
            raise OwnershipError(f"dataset name {data.name!r}: use letters, digits, . _ -")
        self.root.mkdir(parents=True, exist_ok=True)
        header = {
            "dataset": data.name,
            "file": str(file),
            "loaded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "snapshot": snapshot,
            "flags": data.flags,
        }
        lines = [orjson.dumps(header)]
        lines += [orjson.dumps({"node": n.to_dict()}) for n in data.nodes.values()]
        lines += [orjson.dumps({"holding": h.to_dict()}) for h in data.holdings]
        target = self.root / f"{data.name}{SUFFIX}"
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(b"\n".join(lines) + b"\n")
        os.replace(tmp, target)
        return target

    def load(self, name: str) -> Dataset:
        path = self.root / f"{name}{SUFFIX}"
        if not path.is_file():
            raise OwnershipError(f"no ownership dataset {name!r} (loaded: {self.names()})")
        header: dict[str, Any] = {}
        nodes: list[Node] = []
        holdings: list[Holding] = []
        for number, line in enumerate(path.read_bytes().splitlines(), start=1):
            try:
                record = orjson.loads(line)
                if number == 1:
                    header = record
                elif "node" in record:
                    nodes.append(Node.from_dict(record["node"]))
                else:
                    holdings.append(Holding.from_dict(record["holding"]))
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise OwnershipError(f"{path}: line {number}: damaged ({exc})") from exc
        return Dataset(name, header, nodes, holdings)

    def datasets(self) -> list[Dataset]:
        return [self.load(name) for name in self.names()]

    def remove(self, name: str) -> None:
        path = self.root / f"{name}{SUFFIX}"
        if not path.is_file():
            raise OwnershipError(f"no ownership dataset {name!r} (loaded: {self.names()})")
        path.unlink()
