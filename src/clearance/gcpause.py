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
FULL, MIDDLE = 2, 1  # the generations after whose collection the survivors are frozen


class _Policy:
    freeze_from = FULL  # the youngest generation whose collection freezes its survivors
    server = False  # serving_worker was called: full collections only, whatever comes after


def _freeze_survivors(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] >= _Policy.freeze_from:
        gc.freeze()


def _freeze_after(generation: int) -> None:
    _Policy.freeze_from = generation
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, SERVING_FULL_EVERY)
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)


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
    A server has requests in flight (asyncio's tasks and futures hold cycles) whenever the
    collector runs, so it freezes after full collections only, also once a Screener has set
    :func:`screening_process`'s policy (before or after this call). Idempotent."""
    _Policy.server = True
    _freeze_after(FULL)


def screening_process() -> None:
    """The collector policy of a process that screens, set by every ``Screener``: what exists
    now (the loaded index, the interpreter's modules) joins the permanent generation, the rest
    is collected once (:func:`settle`), and from then on survivors are frozen as in
    :func:`serving_worker`: a collection walks only what survived since the last freeze.
    Without it a cold pass spent ~6 % of its CPU in the collector, and a full collection over
    the memos grown since the index was frozen took 25-40 ms inside one query.

    Outside a server (the CLI, batch, a library caller's loop) the survivors of a
    middle-generation collection are frozen too: what survives two young collections while
    screening is the memos the queries grow (word similarities, query forms, records), and a
    screening pass makes no cyclic garbage (3,000 cold queries: 0 objects collected, and
    ``gc.unfreeze(); gc.collect()`` after the pass finds what it finds after freezing at
    full collections only: the import's and load's), so no full collection is needed
    and each memo object is walked twice (young, middle) instead of three times. The cold pass's
    collector share: 5.4-6.6 % -> 3.0-3.4 % of its CPU (``bench_cold``'s collector line).
    The price, as for :func:`serving_worker`'s freezing: an object alive at such a collection
    that later becomes part of a garbage cycle is never freed (a server, with requests in flight
    at every collection, keeps to full collections). Idempotent."""
    gc.freeze()
    settle()
    _freeze_after(FULL if _Policy.server else MIDDLE)


_INTERPRETER = gc.get_threshold()  # (700, 10, 10) unless the process changed it first


def interpreter_policy() -> None:
    """Undo :func:`screening_process` (the interpreter's own schedule, nothing frozen after a
    collection; what is frozen stays frozen): for comparisons."""
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
