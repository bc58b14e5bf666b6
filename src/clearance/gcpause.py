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


SERVING_FULL_EVERY = 3  # middle-generation collections per full collection in a server worker


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()


def serving_worker() -> None:
    """For a long-lived server worker: after every full collection the survivors join the
    permanent generation (``gc.freeze``), so the next full collection walks only what has
    survived since the last one.

    The matcher's word-level memos (bounded ``lru_cache`` tables) gain objects with every new
    query; left in the oldest generation they made each full collection walk all of them:
    150-380 ms after 2,000-6,000 distinct queries, about once per 400 queries — the API's
    latency tail. A full collection still runs first, so cyclic garbage is freed before its
    survivors are frozen; a frozen object is still freed by reference counting (an evicted memo
    entry, a finished request); only one that later becomes part of a garbage cycle is kept.
    A full collection every 3 collections of the middle generation (not 10): as much work in
    all, in pauses half as long (12-15 ms instead of 25-27 ms of CPU, loaded machine).
    Idempotent."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, SERVING_FULL_EVERY)
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


def screening_process() -> None:
    """The collector policy of a process that screens, set by every ``Screener``: what exists
    now (the loaded index, the interpreter's modules) joins the permanent generation, the rest
    is collected once (:func:`settle`), and from then on the serving policy
    (:func:`serving_worker`): each full collection walks only what survived since the last.
    Without it a cold pass spent ~6 % of its CPU in the collector, and a full collection over
    the memos grown since the index was frozen took 25-40 ms inside one query. Idempotent."""
    gc.freeze()
    settle()
    serving_worker()


_INTERPRETER = gc.get_threshold()  # (700, 10, 10) unless the process changed it first


def interpreter_policy() -> None:
    """Undo :func:`screening_process` (the interpreter's own schedule, nothing frozen after a
    full collection; what is frozen stays frozen): for comparisons."""
    gc.set_threshold(*_INTERPRETER)
    while _freeze_survivors in gc.callbacks:
        gc.callbacks.remove(_freeze_survivors)


def settle() -> None:
    """After a large build was frozen (a screener's index): one full collection of what is left
    unfrozen (cheap). The collector schedules a full collection when the objects promoted since
    the last one exceed a quarter of those that survived it; the last one ran during the build,
    over millions of objects since frozen, so without this the first full collection in service
    would wait for (and walk) hundreds of thousands of memo objects: 200+ ms at once."""
    gc.collect()
