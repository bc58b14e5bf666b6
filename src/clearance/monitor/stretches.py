"""Forked workers that each keep to their own stretch of an ordered list of tasks.

The monitor screens customers in :func:`~clearance.monitor.run.locality_order` (by country,
then name) so that the customers one process screens in a row share words, and the matcher's
word-level memos (per process) are hit. A pool handing out the chunks in turn gives each
worker every other chunk: both workers meet most words, and each works them out again (about
a tenth more CPU for 5,000 new customers, measured with two chunks against eight). Here worker
``k`` starts at the front of the ``k``-th equal stretch of the tasks and walks it in order; a
worker whose stretch is done takes the last task of the stretch with the most left, so the
workers still finish together on a busy machine.

The workers are forked: they inherit what the caller set up (the loaded screener) and get each
task by a queue, two at a time (one being worked on, one waiting), so they never wait for the
parent between tasks.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

from clearance.gcpause import bulk_worker
from clearance.procs import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT = 2  # tasks given to a worker at a time
POLL_SECONDS = 1.0  # how often the parent checks that its workers are alive while it waits


class WorkerFailed(RuntimeError):
    """A worker raised (its traceback is the message) or died."""


def stretches(count: int, workers: int) -> list[deque[int]]:
    """Task positions ``0..count-1`` cut into ``workers`` contiguous stretches, in order."""
    bounds = [count * k // workers for k in range(workers + 1)]
    return [deque(range(bounds[k], bounds[k + 1])) for k in range(workers)]


def next_task(own: int, left: list[deque[int]]) -> int | None:
    """The next task of worker ``own``: the front of its stretch, else the back of the stretch
    with the most tasks left (the lowest-numbered on a tie), else none."""
    if left[own]:
        return left[own].popleft()
    most = max(range(len(left)), key=lambda k: (len(left[k]), -k))
    return left[most].pop() if left[most] else None


def _serve(
    func: Callable[[Any], Any], tasks: Any, results: Any, own: int, parent: int
) -> None:  # fmt: skip
    die_with_parent(parent)
    bulk_worker()
    while True:
        item = tasks.get()
        if item is None:
            break
        position, task = item
        try:
            results.put((own, position, True, func(task)))
        except BaseException:  # noqa: BLE001 - sent to the parent, which raises it
            results.put((own, position, False, traceback.format_exc()))
    results.close()
    results.join_thread()


class Stretches(Generic[T, R]):
    """``func`` over ``tasks`` in ``workers`` forked processes; iterate for ``(position,
    result)`` pairs as they finish (not in order). ``func`` runs in the forked children and is
    not pickled."""

    def __init__(self, func: Callable[[T], R], tasks: Sequence[T], workers: int) -> None:
        self.func, self.tasks, self.workers = func, tasks, max(1, min(workers, len(tasks)))

    def __iter__(self) -> Iterator[tuple[int, R]]:
        context = multiprocessing.get_context("fork")
        results = context.Queue()
        inboxes = [context.Queue() for _ in range(self.workers)]
        procs = [
            context.Process(target=_serve, daemon=True,
                            args=(self.func, inboxes[k], results, k, os.getpid()))
            for k in range(self.workers)
        ]  # fmt: skip
        for proc in procs:
            proc.start()
        left = stretches(len(self.tasks), self.workers)
        try:
            pending = 0
            for k in range(self.workers):
                pending += self._give(k, left, inboxes, IN_FLIGHT)
            while pending:
                own, position, ok, payload = self._receive(results, procs)
                pending -= 1
                if not ok:
                    raise WorkerFailed(f"monitor worker {own} failed:\n{payload}")
                pending += self._give(own, left, inboxes, 1)
                yield position, payload
            for inbox in inboxes:
                inbox.put(None)
            for proc in procs:
                proc.join()
        finally:
            for proc in procs:
                if proc.is_alive():
                    proc.terminate()
                proc.join()
            for q in (results, *inboxes):
                q.close()
                q.cancel_join_thread()

    def _give(self, own: int, left: list[deque[int]], inboxes: list[Any], count: int) -> int:
        given = 0
        for _ in range(count):
            position = next_task(own, left)
            if position is None:
                break
            inboxes[own].put((position, self.tasks[position]))
            given += 1
        return given

    @staticmethod
    def _receive(results: Any, procs: list[Any]) -> tuple[int, int, bool, Any]:
        while True:
            try:
                item: tuple[int, int, bool, Any] = results.get(timeout=POLL_SECONDS)
                return item
            except queue.Empty:
                dead = [p for p in procs if p.exitcode is not None]
                if dead:
                    raise WorkerFailed(
                        f"monitor worker died (exit code {dead[0].exitcode})"
                    ) from None
