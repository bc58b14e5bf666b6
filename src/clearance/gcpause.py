"""Pausing Python's cyclic garbage collector around bulk builds.

Reading a list and indexing it make millions of small container objects (tuples, entities,
names) and free them by reference counting; almost none form cycles. The cyclic collector still
walks every live container each time enough of them pile up, which costs about a tenth of
``clearance load``'s CPU. Pausing it for the length of such a build costs a few MB at most (the
few cycles are collected once it is back on).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Turn the cyclic collector off inside the block (back on after, if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def frozen_for_fork() -> Iterator[None]:
    """Around forking worker processes: the parent's heap goes to the collector's permanent
    generation (``gc.freeze``), so neither the parent nor a forked worker walks it again — a
    worker would also copy every page it walks (copy-on-write). Unfrozen after the block."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def bulk_worker() -> None:
    """Pool initializer for a forked bulk worker: its many short-lived containers are freed by
    reference counting; the cyclic collector runs seldom (as the batch workers set it)."""
    gc.set_threshold(50_000, 20, 100)
