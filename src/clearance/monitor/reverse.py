"""Reverse screening: which customers could a listed entity be?

The customer names are indexed with the matcher's own index machinery (each customer a
one-name "entity"), so a listed name finds customers through the same keys — words, phonetic
keys, run-together pairs, deletion neighbours — that would let the customer's name find it.
The listed entity's names are then run as queries with a low floor: the result is a superset
of candidates, which the monitor then screens forward (customer as the query) so every score is
exactly the one a full screening gives. Identifiers are matched exactly on the side.

The index of a book is kept in shards (:class:`BookIndex`): each covers the customers written
in a range of import ``seq`` numbers, so an import adds one shard for its new or changed
customers instead of rebuilding the whole index (a changed customer's old name may stay in an
older shard: a superset of candidates is harmless, as every candidate is screened forward).
A shard is built in ``workers`` forked processes (partial indexes merged).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import orjson

from clearance.matching.engine import Algorithm, query_forms
from clearance.matching.index import NameIndex, clean_identifier
from clearance.matching.index_build import PartialIndex, build_partial, merge_partials
from clearance.matching.query import Query
from clearance.matching.retrieve import retrieve
from clearance.model import Entity, Name, Schema
from clearance.monitor.book import Book
from clearance.monitor.customer import BookCustomer

IDS_FILE = "identifiers.json"
KEY_FILE = "book-state"
MAX_SHARDS = 8  # more: the whole index is rebuilt as one shard
REVERSE_FLOOR = 0.1  # a sixth of the forward floor (0.6): see the module docstring
BOOK_LIST = "book"


def customer_entity(customer: BookCustomer) -> Entity:
    schema = Schema(customer.type) if customer.type else Schema.ORGANIZATION
    return Entity(BOOK_LIST, customer.id, schema, (Name(customer.name),))


def _partial(customers: Sequence[BookCustomer]) -> PartialIndex:
    return build_partial((customer_entity(c) for c in customers), Algorithm().names)


class CustomerIndex:
    """The names (and identifiers) of some customers of a book, for reverse screening."""

    def __init__(self, index: NameIndex, identifiers: dict[str, list[str]]) -> None:
        self.index = index
        self.identifiers = identifiers
        self.algorithm = Algorithm()

    @classmethod
    def build(cls, customers: Iterable[BookCustomer], workers: int = 1) -> CustomerIndex:
        """The index of ``customers``; their names analysed in ``workers`` forked processes."""
        listed = list(customers)
        identifiers: dict[str, list[str]] = defaultdict(list)
        for customer in listed:
            for _type, value in customer.identifiers:
                if key := clean_identifier(value):
                    identifiers[key].append(customer.id)
        size = max(1, -(-len(listed) // max(1, workers)))
        parts = [listed[i : i + size] for i in range(0, len(listed), size)] or [[]]
        if len(parts) > 1:
            with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
                partials = pool.map(_partial, parts)
        else:
            partials = [_partial(parts[0])]
        return cls(merge_partials(partials, "book", Algorithm().names), dict(identifiers))

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


Progress = Callable[[str, int, int], None]


class BookIndex:
    """The reverse index of a whole book: shards named by the ``seq`` range they cover."""

    def __init__(self, shards: list[CustomerIndex]) -> None:
        self.shards = shards

    def __len__(self) -> int:
        return sum(len(s) for s in self.shards)

    def candidates(self, entity: Entity) -> set[str]:
        found: set[str] = set()
        for shard in self.shards:
            found |= shard.candidates(entity)
        return found

    @classmethod
    def refresh(
        cls, book: Book, home: Path, *, workers: int = 1, progress: Progress | None = None
    ) -> BookIndex:
        """The book's index in ``home``, a shard added for customers written since it was
        last brought up to date (rebuilt whole when the book went back or shards pile up)."""
        db_key = hashlib.blake2b(str(book.db.url).encode(), digest_size=8).hexdigest()
        folder = home / "monitor" / "customer-index" / db_key
        stats = book.stats()
        top = int(stats["seq"])
        shards = _shard_folders(folder)
        covered = max((hi for _lo, hi, _p in shards), default=0)
        if covered > top or len(shards) >= MAX_SHARDS:  # a reset book, or too many shards
            shutil.rmtree(folder, ignore_errors=True)
            shards, covered = [], 0
        if top > covered:
            customers = [c for c, _ in book.iter_customers(above_seq=covered)]
            if progress is not None:
                progress("indexing customer names", 0, len(customers))
            shard = CustomerIndex.build(customers, workers)
            path = folder / f"shard-{covered + 1:012d}-{top:012d}"
            shard.save(path, str(top))
            shards.append((covered + 1, top, path))
            if progress is not None:
                progress("indexing customer names", len(customers), len(customers))
        loaded = [CustomerIndex.load(p, str(hi)) for _lo, hi, p in shards]
        if any(s is None for s in loaded):  # unreadable: start again
            shutil.rmtree(folder, ignore_errors=True)
            return cls.refresh(book, home, workers=workers, progress=progress)
        return cls([s for s in loaded if s is not None])


def _shard_folders(folder: Path) -> list[tuple[int, int, Path]]:
    out = []
    for path in sorted(folder.glob("shard-*")):
        parts = path.name.split("-")
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
            out.append((int(parts[1]), int(parts[2]), path))
    return out
