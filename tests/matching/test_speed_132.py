"""The collector while screening (issue 11, cold pass; ``clearance.gcpause.screening_process``).

A Screener freezes what it loaded; outside a server, what survives a middle-generation
collection (the memos queries grow) is frozen too, so a screening pass runs no full collection
and walks each memo object twice instead of three times. Cyclic garbage is still collected; an
API worker (``serving_worker``) keeps to freezing after full collections. Each case runs in a
fresh interpreter: the collector's state is process-wide.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SETUP = """
import gc, json
from clearance.matching.engine import Screener
from clearance.matching.query import make_query
from clearance.model import Entity, Name, Schema
from clearance.settings import MatchingPolicy

listed = [Entity(list="t", source_id=str(i), schema=Schema.PERSON,
                 names=(Name(f"Ivan Petrov{i} Sidorov"),)) for i in range(60)]
{server_before}
screener = Screener.build(listed, MatchingPolicy(screen_cache=0))
{server_after}
collections = [0, 0, 0]
def count(phase, info):
    if phase == "stop":
        collections[info["generation"]] += 1
gc.callbacks.append(count)
frozen = gc.get_freeze_count()
kept = []
for i in range(300):  # new queries, and containers that live on as the matcher's memos do
    screener.screen(make_query(f"Ivan Petrov{i % 70} Sidorov{i}"))
    kept.extend([i, j] for j in range(200))
class Node:
    pass
a, b = Node(), Node()
a.other, b.other = b, a
del a, b  # cyclic garbage, then a middle-generation collection
collected = gc.collect(1)
gc.callbacks.remove(count)
print(json.dumps({"collections": collections, "collected": collected,
                  "newly_frozen": gc.get_freeze_count() - frozen,
                  "unfrozen": len(gc.get_objects())}))
"""


def run(server_before: str = "", server_after: str = "") -> dict[str, object]:
    code = SETUP.replace("{server_before}", server_before).replace("{server_after}", server_after)
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def test_a_screening_pass_runs_no_full_collection() -> None:
    out = run()
    collections = out["collections"]
    assert isinstance(collections, list)
    young, middle, full = collections
    assert young > 50 and middle > 5  # the pass's memo-like survivors: 60,000 lists
    assert full == 0  # main: 3 full collections over the same pass
    assert isinstance(out["newly_frozen"], int) and out["newly_frozen"] >= 50_000
    assert isinstance(out["unfrozen"], int) and out["unfrozen"] < 20_000


def test_cyclic_garbage_is_still_collected() -> None:
    collected = run()["collected"]
    assert isinstance(collected, int) and collected >= 2  # the cycle, not frozen


def test_a_server_freezes_after_full_collections_only() -> None:
    """An API worker has requests in flight (cycles among them) at every collection: it keeps
    to full collections, whether ``serving_worker`` comes before or after the Screener."""
    for before, after in (("", "serving_worker()"), ("serving_worker()", "")):
        imports = "from clearance.gcpause import serving_worker\n"
        out = run(imports + before, after)
        collections = out["collections"]
        assert isinstance(collections, list) and collections[2] >= 1
        assert isinstance(out["collected"], int) and out["collected"] >= 2
