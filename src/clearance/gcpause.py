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
