"""Reverse screening: which customers could the listed entities of a delta be?

Each customer's name is analysed once into the query forms the matcher screens it with, kept
as compact arrays (:class:`~clearance.monitor.bookforms.BookForms`). A delta's entities are
indexed on their own; every distinct book word is looked up in that small index once, and each
customer's forms bounded from above (see :mod:`clearance.monitor.bookforms`): the customers
left are provably all those a screening against the delta's entities can return a match for.
The monitor screens them forward (customer as the query), so every score is exactly a full
screening's.

The index of a book is kept in shards (:class:`BookIndex`): each covers the customers written
in a range of import ``seq`` numbers, so an import adds one shard for its new or changed
customers instead of rebuilding the whole index (a changed customer's old name may stay in an
older shard: a superset of candidates is harmless, as every candidate is screened forward).
A shard's names are analysed in ``workers`` forked processes. A stored shard is read in place
(memory-mapped, :mod:`clearance.monitor.lookups`): a delta reads what its keys reach.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from clearance.gcpause import paused_gc
from clearance.matching.engine import ALGORITHM_VERSION
from clearance.matching.index import NameIndex
from clearance.monitor.book import Book, ImportResult
from clearance.monitor.bookforms import BookForms

KEY_FILE = "book-state"
LAYOUT = "forms-5"  # the stored shard layout: an older one is rebuilt (5: files read in place)
FORMAT = f"{LAYOUT} {ALGORITHM_VERSION}"  # ... and so is one analysed by another algorithm
MAX_SHARDS = 8  # more: the whole index is rebuilt as one shard


def save_shard(forms: BookForms, folder: Path, key: str) -> None:
    """Store one shard (``key`` names the book state it was built from), atomically."""
    staging = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    forms.save(staging)
    (staging / KEY_FILE).write_text(f"{FORMAT} {key}", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)


def load_shard(folder: Path, key: str) -> BookForms | None:
    """The stored shard if it was built from the book state ``key``, else None."""
    try:
        if (folder / KEY_FILE).read_text(encoding="utf-8") != f"{FORMAT} {key}":
            return None
        return BookForms.load(folder)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # missing, unreadable or of an older layout: rebuilt by the caller


Progress = Callable[[str, int, int], None]


class BookIndex:
    """The reverse index of a whole book: shards named by the ``seq`` range they cover."""

    def __init__(self, shards: list[BookForms]) -> None:
        self.shards = shards

    def __len__(self) -> int:
        return sum(len(s) for s in self.shards)

    def candidates(
        self, index: NameIndex, threshold: float, full: NameIndex | None = None
    ) -> set[str]:
        """Customers whose screening against ``index`` (the delta's entities) can match; with
        ``full``, whose screening against the snapshot can match one of them."""
        found: set[str] = set()
        for shard in self.shards:
            found |= shard.candidates(index, threshold, full)
        return found

    @classmethod
    def refresh(
        cls, book: Book, home: Path, *, workers: int = 1, progress: Progress | None = None,
        imported: ImportResult | None = None,
    ) -> BookIndex:  # fmt: skip
        """The book's index in ``home``, a shard added for customers written since it was
        last brought up to date (rebuilt whole when the book went back or shards pile up).
        ``imported``: the import that just wrote the customers above the index, analysed as
        they were validated; its entries become the new shard without reading them back."""
        db_key = hashlib.blake2b(str(book.db.url).encode(), digest_size=8).hexdigest()
        folder = home / "monitor" / "customer-index" / db_key
        top = book.top_seq()
        shards = _shard_folders(folder)
        covered = max((hi for _lo, hi, _p in shards), default=0)
        if covered > top or len(shards) >= MAX_SHARDS:  # a reset book, or too many shards
            shutil.rmtree(folder, ignore_errors=True)
            shards, covered = [], 0
        if top > covered:
            fresh = imported.forms if imported is not None and imported.seq == top else None
            if fresh is not None and covered + 1 == top:  # exactly what the import wrote
                with paused_gc():  # (see below)
                    shard = BookForms.from_merger(fresh)
                count = len(shard)
            else:
                customers = [c for c, _ in book.iter_customers(above_seq=covered)]
                count = len(customers)
                if progress is not None:
                    progress("indexing customer names", 0, count)
                shard = BookForms.build(customers, workers)
            path = folder / f"shard-{covered + 1:012d}-{top:012d}"
            # The collector paused: merging and storing a shard makes tuples and lists by
            # the hundred thousand, none in a cycle, and each full collection walked the
            # caller's whole heap (a third of the step's CPU after a 100,000-row import).
            with paused_gc():
                save_shard(shard, path, str(top))
            shards.append((covered + 1, top, path))
            if progress is not None:
                progress("indexing customer names", count, count)
        loaded = [load_shard(p, str(hi)) for _lo, hi, p in shards]
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
