"""Forked workers keeping to their own stretch of the tasks (``monitor.stretches``)."""

from __future__ import annotations

import os
import time

import pytest

from clearance.monitor.stretches import Stretches, WorkerFailed, next_task, stretches


def test_each_worker_walks_its_stretch_then_takes_from_the_back_of_the_longest() -> None:
    left = stretches(10, 2)
    assert [list(s) for s in left] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
    taken_by_1 = [next_task(1, left) for _ in range(5)]
    assert taken_by_1 == [5, 6, 7, 8, 9]  # its own stretch, in order
    assert next_task(1, left) == 4  # then the back of worker 0's
    assert next_task(0, left) == 0
    assert [next_task(1, left) for _ in range(4)] == [3, 2, 1, None]
    assert next_task(0, left) is None


def test_stretches_cover_every_task_once() -> None:
    for count in (0, 1, 7, 100):
        for workers in (1, 2, 3):
            cut = stretches(count, workers)
            assert [p for s in cut for p in s] == list(range(count))


def _square_and_pid(value: int) -> tuple[int, int]:
    time.sleep(0.01)  # (both workers get to work)
    return value * value, os.getpid()


def test_every_task_done_once_in_forked_workers_each_mostly_in_its_own_stretch() -> None:
    tasks = list(range(40))
    got = dict(Stretches(_square_and_pid, tasks, 2))
    assert sorted(got) == tasks
    assert all(got[t][0] == t * t for t in tasks)
    pids = {pid for _, pid in got.values()}
    assert os.getpid() not in pids and len(pids) == 2
    assert got[0][1] != got[20][1]  # the first task of each stretch is its own worker's


def _fail_on_seven(value: int) -> int:
    if value == 7:
        raise ValueError("seven")
    return value


def test_a_failing_task_raises_in_the_parent_with_the_workers_traceback() -> None:
    with pytest.raises(WorkerFailed, match="ValueError: seven"):
        list(Stretches(_fail_on_seven, list(range(12)), 2))


def _die(value: int) -> int:
    os._exit(3)


def test_a_dead_worker_is_reported_not_waited_for() -> None:
    with pytest.raises(WorkerFailed, match="died"):
        list(Stretches(_die, [1, 2, 3], 2))


def test_stopping_early_ends_the_workers() -> None:
    from clearance.procs import pid_alive

    results = iter(Stretches(_square_and_pid, list(range(40)), 2))
    _position, (_square, pid) = next(results)
    results.close()  # type: ignore[attr-defined]
    assert not pid_alive(pid)
