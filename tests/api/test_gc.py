"""The collector policy of server workers (``clearance.gcpause.serving_worker``): a full
collection walks only what survived since the previous one, and cyclic garbage is still freed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clearance.api.service import ApiService
from clearance.app import Clearance
from clearance.settings import Settings

SRC = Path(__file__).resolve().parents[2] / "src"

CYCLE = """
class Node:
    pass


a, b = Node(), Node()
a.other, b.other = b, a
del a, b  # cyclic garbage
collected = gc.collect()
callbacks = sum(getattr(cb, "__name__", "") == "_freeze_survivors" for cb in gc.callbacks)
"""

POLICY = """
import gc, json
from clearance.gcpause import serving_worker

serving_worker()
serving_worker()  # idempotent
gc.collect()
gc.freeze()
base = gc.get_freeze_count()
kept = [[i] for i in range(50_000)]  # long-lived containers, as the matcher's memos
"""
POLICY += (
    CYCLE
    + """
print(json.dumps({"collected": collected, "full_every": gc.get_threshold()[2],
                  "frozen": gc.get_freeze_count() - base, "unfrozen": len(gc.get_objects()),
                  "callbacks": callbacks}))
"""
)

WORKER = """
import gc, json
from clearance.api.app import app_from_env

app_from_env()
print(json.dumps([getattr(cb, "__name__", "") for cb in gc.callbacks]))
"""


SCREENER = """
import gc, json
from clearance.matching.engine import Screener
from clearance.model import Entity, Name, Schema
from clearance.settings import MatchingPolicy

listed = [Entity(list="t", source_id=str(i), schema=Schema.PERSON, names=(Name(f"Ivan Petrov{i}"),))
          for i in range(50)]
Screener.build(listed, MatchingPolicy(screen_cache=0))
before = gc.get_freeze_count()
Screener.build(listed, MatchingPolicy(screen_cache=0))  # a second screener: idempotent
"""
SCREENER += (
    CYCLE
    + """
print(json.dumps({"callbacks": callbacks, "full_every": gc.get_threshold()[2],
                  "collected": collected, "frozen": before > 0}))
"""
)


def run_python(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(SRC), **env},
        capture_output=True,
        text=True,
        timeout=300,  # a cold import of the app on a loaded machine
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_full_collection_frees_cycles_then_freezes_survivors() -> None:
    out = json.loads(run_python(POLICY))
    assert out["callbacks"] == 1
    assert out["full_every"] == 3  # shorter full collections, as often as needed
    assert out["collected"] >= 2  # the cycle was collected, not frozen
    assert out["frozen"] >= 50_000  # the survivors left the collector's walk
    assert out["unfrozen"] < 5_000  # the next full collection walks only what is new


def test_server_workers_get_the_policy(tmp_path: Path) -> None:
    callbacks = json.loads(run_python(WORKER, CLEARANCE_HOME=str(tmp_path)))
    assert "_freeze_survivors" in callbacks


def test_a_loaded_snapshot_restarts_the_collector_schedule(
    small_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settled: list[bool] = []
    monkeypatch.setattr("clearance.api.service.settle", lambda: settled.append(True))
    settings = Settings.from_env({}, home=small_home)
    service = ApiService(settings, Clearance(settings))
    service._load_blocking()
    assert settled == [True]
    service._load_blocking()  # the same snapshot: nothing new to settle
    assert settled == [True]


def test_a_screener_sets_the_screening_policy() -> None:
    """What a library user gets: the Screener freezes what is loaded and keeps the memos that
    queries grow out of later full collections; cyclic garbage is still freed."""
    out = json.loads(run_python(SCREENER))
    assert out["callbacks"] == 1 and out["full_every"] == 3 and out["frozen"]
    assert out["collected"] >= 2  # the cycle was collected, not frozen
