"""Reverse-index parts built per chunk and merged equal a shard built in one pass."""

from __future__ import annotations

from dataclasses import fields

import numpy as np

from clearance.monitor.bookforms import BookForms
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import FormsPart, indexed

NAMES = [
    ("Ivan Petrov", "person"), ("Petrov Trading LLC", "organization"), ("Anna Maria Petrova", None),
    ("OOO Verus", "organization"), ("Иван Петров", "person"), ("Ivan", "person"),
    ("Versor sro", "organization"), ("Maria Ivanova", "person"), ("Ivan Petrov", "person"),
    ("Defense Engineering", None), ("Ali Hassan Ahmed", "person"), ("Анна Иванова", "person"),
]  # fmt: skip


def _customers() -> list[BookCustomer]:
    return [
        BookCustomer(f"c{i}", name, kind, identifiers=(("passport", f"P{i % 4}"),) if i % 3 else ())
        for i, (name, kind) in enumerate(NAMES)
    ]


def _same(a: BookForms, b: BookForms) -> None:
    for f in fields(BookForms):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            assert x.dtype == y.dtype and np.array_equal(x, y), f.name
        else:
            assert x == y, f.name


def test_parts_merged_equal_one_pass() -> None:
    entries = [indexed(c) for c in _customers()]
    whole = BookForms.from_indexed(entries)
    parts = [(FormsPart.from_indexed(entries[i : i + 5]), None) for i in range(0, len(entries), 5)]
    _same(BookForms.from_parts(parts), whole)


def test_parts_keep_only_the_customers_written() -> None:
    """Customers left out of a part (unchanged, or a duplicate id) are not in the shard, and
    the word and pair ids are those of a pass over the customers kept."""
    entries = [indexed(c) for c in _customers()]
    keep = [[1, 2, 4], [], [0, 1]]  # per part of 5, 5 and 2 customers
    parts = [FormsPart.from_indexed(entries[i : i + 5]) for i in range(0, len(entries), 5)]
    kept = [entries[i * 5 + k] for i, ks in enumerate(keep) for k in ks]
    merged = BookForms.from_parts(list(zip(parts, keep, strict=True)))
    _same(merged, BookForms.from_indexed(kept))
    assert merged.ids == ["c1", "c2", "c4", "c10", "c11"]
    assert BookForms.from_parts([]).ids == []
