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
rows are listed (``--show N``) with the reason. The baseline from the same run is an exact
lookup of the name as written (case and punctuation folded), which finds every name by
construction; the figure to read is how far the engine is from it. Time per query and the
machine's load are printed too.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from clearance.app import Clearance
from clearance.app import open as open_home
from clearance.errors import QueryError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEARANCE_TEST_DATA", ROOT.parent / "shared" / "data"))
DEFAULT = [
    DATA / "ofac" / "sdn_csv_2023-12-28",
    DATA / "un" / "2026-02-27" / "consolidated.xml",
    DATA / "uk" / "ofsi_conlist_2025-04-10" / "ConList.xlsx",
]
OUTCOMES = ("alert", "weak", "low", "absent", "refused")


def load_avg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}/{fifteen:.1f} on {os.cpu_count()} cores"


def exact_key(text: str) -> str:
    """The baseline's key: the name with case, accents and punctuation folded."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in folded if c.isalnum())


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
        counts, misses, seconds, keys = run(app, args.threshold)
    report(counts, misses, seconds, keys, args.show)
    print(f"done; {load_avg()}")
    return 0


Counts = dict[tuple[str, str], collections.Counter[str]]


def run(
    app: Clearance, threshold: float | None
) -> tuple[Counts, list[tuple[str, ...]], list[float], int]:
    """Screen every listed name of ``app``'s snapshot as written; outcomes by (list, type)."""
    counts: Counts = collections.defaultdict(collections.Counter)
    misses: list[tuple[str, ...]] = []
    seconds: list[float] = []
    baseline: dict[str, set[str]] = collections.defaultdict(set)
    cutoff = app.screener.policy.threshold if threshold is None else threshold
    for entity in app.snapshot.iter_entities():
        schema = entity.schema.value
        for name in entity.names:
            text = name.full
            baseline[exact_key(text)].add(entity.id)
            start = time.perf_counter()
            try:
                result = app.screen(text, type=schema, limit=100, threshold=threshold)
            except QueryError as exc:
                seconds.append(time.perf_counter() - start)
                counts[(entity.list, schema)]["refused"] += 1
                misses.append((entity.id, schema, text, f"refused: {exc}"))
                continue
            seconds.append(time.perf_counter() - start)
            match = next((m for m in result.matches if m.entity_id == entity.id), None)
            if match is None:
                outcome = "absent"
            elif match.alert:
                outcome = "alert"
            elif match.score >= cutoff:
                outcome = "weak"
            else:
                outcome = "low"
            counts[(entity.list, schema)][outcome] += 1
            if outcome in ("low", "absent"):
                score = "" if match is None else f" (score {match.score:.3f})"
                misses.append((entity.id, schema, text, outcome + score))
    return counts, misses, seconds, len(baseline)


def report(
    counts: Counts,
    misses: list[tuple[str, ...]],
    seconds: list[float],
    keys: int,
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
    bad = total["low"] + total["absent"] + total["refused"]
    print(f"\nnames not found as written: {bad:,} of {names:,} ({100 * bad / max(names, 1):.2f} %)"
          f"; baseline (exact lookup, {keys:,} distinct keys): 0 of {names:,}")  # fmt: skip
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
