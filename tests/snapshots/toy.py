"""A tiny test-only list format (``*.toy.json``) so store and CLI tests need no real reader.

File shape::

    {"list": "toy-a", "published": "2024-01-01",
     "entities": [{"id": "1", "name": "Ivan PETROV", "schema": "person",
                   "aliases": ["Ivan PETROFF"], "links": ["2"]}],
     "issues": ["an unparsed remark"]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clearance.errors import InputFileError
from clearance.model import Entity, Name, NameKind, RelationKind, Relationship, Schema
from clearance.sources.base import ParsedList, ParseIssue, file_record
from clearance.sources.registry import FORMATS


class ToyFormat:
    name = "toy-json"
    list_name = "toy"
    description = "test-only JSON list"

    def detect(self, path: Path) -> bool:
        return path.is_file() and path.name.endswith(".toy.json")

    def read(self, path: Path, *, list_name: str | None = None) -> ParsedList:
        try:
            data = json.loads(path.read_bytes())
            name = list_name or data["list"]
            entities = [
                Entity(
                    list=name,
                    source_id=str(row["id"]),
                    schema=Schema(row.get("schema", "person")),
                    names=(Name(row["name"]),)
                    + tuple(Name(a, kind=NameKind.AKA) for a in row.get("aliases", ())),
                    relationships=tuple(
                        Relationship(RelationKind.LINKED_TO, f"target {t}", target_id=f"{name}-{t}")
                        for t in row.get("links", ())
                    ),
                    remarks=row.get("remarks"),
                    programs=tuple(row.get("programs", ())),
                    source_record=row,
                )
                for row in data["entities"]
            ]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputFileError(str(path), f"not a toy list: {exc}") from exc
        issues = [ParseIssue(str(path), "-", text) for text in data.get("issues", ())]
        return ParsedList(
            list=name,
            format=self.name,
            entities=entities,
            files=[file_record(path)],
            published=data.get("published"),
            issues=issues,
        )


TOY = ToyFormat()


def toy_data(
    list_name: str, count: int, *, prefix: str = "Person", links: bool = True
) -> dict[str, Any]:
    """A toy list of ``count`` entities; entity i links to i+1 when ``links``."""
    return {
        "list": list_name,
        "published": "2024-01-01",
        "entities": [
            {
                "id": str(i),
                "name": f"{prefix} {i}",
                "aliases": [f"{prefix} alias {i}"],
                "links": [str(i + 1)] if links and i + 1 < count else [],
                "programs": ["TEST"],
            }
            for i in range(count)
        ],
        "issues": ["fragment nobody parsed"],
    }


def write_toy(folder: Path, list_name: str, count: int, **kwargs: Any) -> Path:
    path = folder / f"{list_name}-{count}.toy.json"
    path.write_text(json.dumps(toy_data(list_name, count, **kwargs)), encoding="utf-8")
    return path


def parsed_toy(folder: Path, list_name: str, count: int, **kwargs: Any) -> ParsedList:
    return TOY.read(write_toy(folder, list_name, count, **kwargs))


@pytest.fixture
def toy_format() -> Iterator[ToyFormat]:
    """Register the toy format in front of the real ones for one test."""
    FORMATS.insert(0, TOY)
    try:
        yield TOY
    finally:
        FORMATS.remove(TOY)
