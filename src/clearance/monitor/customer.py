"""A customer as the book keeps it: validated fields, its digest and its screening query."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from clearance.matching.query import Query, QueryIdentifier
from clearance.model import FuzzyDate, IdType, Schema


@dataclass(frozen=True, slots=True)
class BookCustomer:
    """A customer as the book keeps it (validated, normalised by the screening query rules)."""

    id: str
    name: str
    type: str | None = None
    dob: str | None = None
    countries: tuple[str, ...] = ()
    identifiers: tuple[tuple[str | None, str], ...] = ()  # (type or None, value)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: Query, extra: Mapping[str, Any]) -> BookCustomer:
        return cls(
            id=query.id or "",
            name=query.name,
            type=query.schema.value if query.schema else None,
            dob=str(query.birth_date) if query.birth_date else None,
            countries=tuple(query.countries),
            identifiers=tuple(
                (i.type.value if i.type else None, i.value) for i in query.identifiers
            ),
            extra=dict(extra),
        )

    @classmethod
    def from_row(cls, row: Mapping[Any, Any]) -> BookCustomer:
        return cls(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            dob=row["dob"],
            countries=tuple(row["countries"] or ()),
            identifiers=tuple((i.get("type"), i["value"]) for i in row["identifiers"] or ()),
            extra=row["extra"] or {},
        )

    def query(self) -> Query:
        """The screening query for this customer. The book holds customers validated by
        :func:`make_query` on import, so the query is rebuilt from them without validating
        (and analysing the name) again."""
        return Query(
            name=self.name,
            schema=Schema(self.type) if self.type else None,
            birth_date=FuzzyDate.parse(self.dob) if self.dob else None,
            countries=self.countries,
            identifiers=tuple(
                QueryIdentifier(v, IdType(t) if t else None) for t, v in self.identifiers
            ),
            id=self.id,
        )

    def digest(self) -> str:
        data = [self.name, self.type, self.dob, self.countries, self.identifiers, self.extra]
        return hashlib.blake2b(
            orjson.dumps(data, option=orjson.OPT_SORT_KEYS, default=str), digest_size=16
        ).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "dob": self.dob,
            "countries": list(self.countries),
            "identifiers": self.identifier_dicts(),
            "extra": dict(self.extra),
        }

    def identifier_dicts(self) -> list[dict[str, str]]:
        return [{"type": t, "value": v} if t else {"value": v} for t, v in self.identifiers]
