"""Self-screening: every listed name, screened exactly as the list writes it, must find its entity.

    python benchmarks/self_screen.py [--list PATH ...] [--show 60] [--threshold 0.7]

Loads the given list files (default: OFAC SDN 2023-12-28, the UN XML and the UK 2025 workbook)
into a temporary home, then screens each name of each entity (primary names and aliases, with
the entity's type) and counts, per list and type:

- ``alert``: the entity is found and alerts;
- ``weak``: found at or above the threshold but not alerting because the name is a weak
  a.k.a. (by policy: OFAC's weak aliases do not alert by themselves);
- ``low``: found below the threshold;
- ``absent``: the entity is not among the results at all;
- ``refused``: the name is refused as input (for example "is only a legal form").

A listed name written exactly as listed should never be ``low``, ``absent`` or ``refused``: those
rows are listed (``--show N``) with the reason. The baseline from the same run is the same
engine on the same index without its exact-name table (``Algorithm(exact_names=False)``): what
the word analysis alone finds. Time per query (the engine as configured) and the machine's load
are printed too.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

from clearance.app import Clearance
from clearance.app import open as open_home
from clearance.errors import QueryError
from clearance.matching.engine import Algorithm, Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))
DEFAULT = [
    DATA / "ofac" / "sdn_csv_2023-12-28",
    DATA / "un" / "2026-02-27" / "consolidated.xml",
    DATA / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx",
]
OUTCOMES = ("alert", "weak", "low", "absent", "refused")
Counts = dict[tuple[str, str], collections.Counter[str]]  # outcomes by (list, type)
Miss = tuple[str, ...]  # entity id, type, name, outcome


def load_avg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}/{fifteen:.1f} on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", dest="lists", type=Path, action="append", metavar="PATH")
    parser.add_argument("--show", type=int, default=60, help="misses to print (default 60)")
    parser.add_argument("--threshold", type=float, default=None)
    args = parser.parse_args()
    paths = args.lists or DEFAULT
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"error: no list file at {missing[0]} (see CLEARANCE_TEST_DATA)", file=sys.stderr)
        return 2
    print(f"self-screen: {len(paths)} list file(s); {load_avg()}")
    with tempfile.TemporaryDirectory(prefix="clearance-self-") as home:
        app = open_home(home)
        app.load(paths)
        counts, base, misses, seconds = run(app, args.threshold)
    report(counts, base, misses, seconds, args.show)
    print(f"done; {load_avg()}")
    return 0


def outcome(screener: Screener, entity: Entity, text: str, options: ScreenOptions) -> str:
    """What screening ``text`` (a name of ``entity``, as written) finds of ``entity``."""
    try:
        result = screener.screen(make_query(text, type=entity.schema.value), options)
    except QueryError as exc:
        return f"refused: {exc}"
    match = next((m for m in result.matches if m.entity_id == entity.id), None)
    if match is None:
        return "absent"
    if match.alert:
        return "alert"
    cutoff = result.threshold
    return "weak" if match.score >= cutoff else f"low (score {match.score:.3f})"


def run(
    app: Clearance, threshold: float | None
) -> tuple[Counts, collections.Counter[str], list[Miss], list[float]]:
    """Screen every listed name of ``app``'s snapshot as written: outcomes by (list, type),
    the baseline's outcomes, the misses and the engine's time per query."""
    engine = app.screener
    baseline = Screener(engine.index, engine.policy, Algorithm(exact_names=False))
    options = ScreenOptions(limit=100, threshold=threshold)
    counts: Counts = collections.defaultdict(collections.Counter)
    base: collections.Counter[str] = collections.Counter()
    misses: list[Miss] = []
    seconds: list[float] = []
    for entity in app.snapshot.iter_entities():
        for name in entity.names:
            start = time.perf_counter()
            found = outcome(engine, entity, name.full, options)
            seconds.append(time.perf_counter() - start)
            kind = found.split(" ")[0].rstrip(":")
            counts[(entity.list, entity.schema.value)][kind] += 1
            base[outcome(baseline, entity, name.full, options).split(" ")[0].rstrip(":")] += 1
            if kind in ("low", "absent", "refused"):
                misses.append((entity.id, entity.schema.value, name.full, found))
    return counts, base, misses, seconds


def report(
    counts: Counts,
    base: collections.Counter[str],
    misses: list[Miss],
    seconds: list[float],
    show: int,
) -> None:
    print(f"\n{'list':<14} {'type':<13} {'names':>7} " + " ".join(f"{o:>8}" for o in OUTCOMES))
    total: collections.Counter[str] = collections.Counter()
    for (lst, schema), counter in sorted(counts.items()):
        total.update(counter)
        row = " ".join(f"{counter[o]:>8,}" for o in OUTCOMES)
        print(f"{lst:<14} {schema:<13} {sum(counter.values()):>7,} {row}")
    names = sum(total.values())
    print(f"{'all':<14} {'':<13} {names:>7,} " + " ".join(f"{total[o]:>8,}" for o in OUTCOMES))
    print(f"{'baseline':<14} {'no exact':<13} {names:>7,} "
          + " ".join(f"{base[o]:>8,}" for o in OUTCOMES))  # fmt: skip
    bad, was = (sum(c[o] for o in ("low", "absent", "refused")) for c in (total, base))
    print(f"\nnames not found as written: {bad:,} of {names:,} ({100 * bad / max(names, 1):.2f} %)"
          f"; baseline without the exact-name table: {was:,}")  # fmt: skip
    ordered = sorted(seconds)
    if ordered:
        p50 = ordered[len(ordered) // 2] * 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        print(f"time per query: p50 {p50:.2f} ms, p99 {p99:.2f} ms, "
              f"{len(ordered) / sum(ordered):,.0f} queries/s")  # fmt: skip
    for miss in misses[:show]:
        print("  " + " | ".join(miss))
    if len(misses) > show:
        print(f"  ... {len(misses) - show:,} more (--show N)")


if __name__ == "__main__":
    raise SystemExit(main())
