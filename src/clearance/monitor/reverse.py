"""Reverse screening: which customers could a listed entity be?

The customer names are indexed with the matcher's own index machinery (each customer a
one-name "entity"), so a listed name finds customers through the same keys — words, phonetic
keys, run-together pairs, deletion neighbours — that would let the customer's name find it.
The listed entity's names are then run as queries with a low floor: the result is a superset
of candidates, which the monitor then screens forward (customer as the query) so every score is
exactly the one a full screening gives. Identifiers are matched exactly on the side.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import orjson

from clearance.matching.engine import Algorithm, query_forms
from clearance.matching.index import IndexBuilder, NameIndex, clean_identifier
from clearance.matching.query import Query
from clearance.matching.retrieve import retrieve
from clearance.model import Entity, Name, Schema
from clearance.monitor.customer import BookCustomer

IDS_FILE = "identifiers.json"
KEY_FILE = "book-state"
REVERSE_FLOOR = 0.1  # a sixth of the forward floor (0.6): see the module docstring
BOOK_LIST = "book"


def customer_entity(customer: BookCustomer) -> Entity:
    schema = Schema(customer.type) if customer.type else Schema.ORGANIZATION
    return Entity(BOOK_LIST, customer.id, schema, (Name(customer.name),))


class CustomerIndex:
    """The customers' names (and identifiers) of a book, for reverse screening."""

    def __init__(self, index: NameIndex, identifiers: dict[str, list[str]]) -> None:
        self.index = index
        self.identifiers = identifiers
        self.algorithm = Algorithm()

    @classmethod
    def build(cls, customers: Iterable[BookCustomer]) -> CustomerIndex:
        algorithm = Algorithm()
        builder = IndexBuilder("book", algorithm.names)
        identifiers: dict[str, list[str]] = defaultdict(list)
        for customer in customers:
            builder.add(customer_entity(customer))
            for _type, value in customer.identifiers:
                if key := clean_identifier(value):
                    identifiers[key].append(customer.id)
        return cls(builder.build(), dict(identifiers))

    def __len__(self) -> int:
        return self.index.entity_count

    def save(self, folder: Path, key: str) -> None:
        """Store the index (``key`` names the book state it was built from)."""
        staging = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(staging, ignore_errors=True)
        self.index.save(staging)
        (staging / IDS_FILE).write_bytes(orjson.dumps(self.identifiers))
        (staging / KEY_FILE).write_text(key, encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        staging.rename(folder)

    @classmethod
    def load(cls, folder: Path, key: str) -> CustomerIndex | None:
        """The stored index if it was built from the book state ``key``, else None."""
        try:
            if (folder / KEY_FILE).read_text(encoding="utf-8") != key:
                return None
            identifiers = orjson.loads((folder / IDS_FILE).read_bytes())
            return cls(NameIndex.load(folder), identifiers)
        except (OSError, ValueError, orjson.JSONDecodeError):
            return None  # missing or unreadable: rebuilt by the caller

    def candidates(self, entity: Entity) -> set[str]:
        """Ids of customers whose names or identifiers could match ``entity``."""
        index = self.index
        found: set[str] = set()
        person = entity.schema is Schema.PERSON
        for name in entity.names:
            forms = query_forms(Query(name=name.full, schema=entity.schema))
            records = retrieve(
                index,
                forms,
                floor=REVERSE_FLOOR,
                params=self.algorithm.names,
                person=person,
                max_records=10**9,
            )
            for rec_id in records:
                found.add(index.ent_source_id[index.rec_entity[rec_id]])
        for identifier in entity.identifiers:
            found.update(self.identifiers.get(clean_identifier(identifier.value), ()))
        return found
