"""Payment screening benchmark: messages/s and latency (parsing included) for pacs.008 and MT103,
memory while streaming one large file, and story parties in every field position.

    .venv/bin/python benchmarks/payments_bench.py                     # ~3-5 minutes
    .venv/bin/python benchmarks/payments_bench.py --stream 1000000 --stream-only \
        --stream-kind pacs.008                                        # the 1,000,000 run

Lists: OFAC SDN 2023-12-28 (``--lists all`` adds OFAC consolidated, UN and UK) from
``../shared/data`` (``CLEARANCE_TEST_DATA``), loaded into a temporary home as ``clearance load``
does. Baseline from the same run: the same parties screened as plain names (no parsing, no
BICs, places or free text). One process, one thread: one core.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import payments_data as pd  # noqa: E402

import clearance  # noqa: E402
from clearance.app import Clearance, index_builder  # noqa: E402
from clearance.matching.query import ScreenOptions, make_query  # noqa: E402
from clearance.messages import Message, read_bytes, read_path  # noqa: E402
from clearance.payments import PaymentScreener, SnapshotLists  # noqa: E402
from clearance.settings import Settings  # noqa: E402
from clearance.snapshots import SnapshotStore  # noqa: E402
from clearance.sources import read_path as read_list  # noqa: E402

DATA = Path(
    os.environ.get("CLEARANCE_TEST_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
LISTS = {
    "sdn": ["ofac/sdn_csv_2023-12-28"],
    "all": ["ofac/sdn_csv_2023-12-28", "ofac/cons_csv_2025-12-19", "un/2026-02-27/consolidated.xml",
            "uk/ofsi_conlist_2025-04-10/ConList.xlsx"],
}  # fmt: skip


def load(home: Path, which: str) -> float:
    start = time.perf_counter()
    parsed = [read_list(DATA / rel) for rel in LISTS[which]]
    SnapshotStore(Settings(home=home)).install(parsed, builders=[index_builder])
    return time.perf_counter() - start


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(label: str, bodies: list[Any], screen: Callable[[Any], object]) -> dict[str, float]:
    lat = []
    start = time.perf_counter()
    cpu0 = time.process_time()
    for body in bodies:
        t0 = time.perf_counter()
        screen(body)
        lat.append(time.perf_counter() - t0)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    out = {"n": len(bodies), "per_s": len(bodies) / wall, "cpu_per_s": len(bodies) / cpu,
           "p50_ms": 1000 * pct(lat, 0.5), "p99_ms": 1000 * pct(lat, 0.99)}  # fmt: skip
    print(f"  {label:<44} {out['per_s']:8.0f} msg/s  ({out['cpu_per_s']:6.0f} per CPU-s)  "
          f"p50 {out['p50_ms']:6.2f} ms  p99 {out['p99_ms']:6.2f} ms")  # fmt: skip
    return out


def speed(engine: Clearance, kind: str, count: int, pool: list[pd.Party], seed: int) -> None:
    rng = random.Random(seed)
    if kind == "pacs.008":
        bodies = [pd.pacs008(i, rng, pool) for i in range(count)]
    else:
        bodies = [pd.mt103(i, rng, pool).encode() for i in range(count)]
    payments = PaymentScreener(SnapshotLists(engine))
    parsed = [m for b in bodies for m in read_bytes(b) if isinstance(m, Message)]
    assert len(parsed) == count, "generated messages must read"
    names = [[(n.value, p.kind) for p in m.parties for n in p.names] for m in parsed]

    def full(body: bytes) -> object:
        return [payments.screen(m) for m in read_bytes(body) if isinstance(m, Message)]

    options = ScreenOptions(limit=5, threshold=payments.policy.review)

    def plain(index: int) -> object:
        return [engine.screener.screen(make_query(n), options) for n, _ in names[index]]

    per_msg = sum(len(n) for n in names) / count
    print(f"\n{kind}: {count} messages, {per_msg:.1f} names each, parties from a pool of "
          f"{len(pool)} (load average {os.getloadavg()[0]:.1f})")  # fmt: skip
    decisions = [payments.screen(m) for m in parsed]
    false = [d for d in decisions if d.label != "clear"]
    print(f"  clean generated messages not cleared: {len(false)} of {count}")
    classes = Counter(f"{h.check} {h.rule}: {h.value!r} ~ {h.entity_name!r}" for d in false
                      for h in d.hits[:1])  # fmt: skip
    for reason, times in classes.most_common(8):
        print(f"    {times:4} x {reason}")
    engine.screener._cache.clear()
    timed("parsing alone", bodies, read_bytes)
    timed("payment screening (parse + every check)", bodies, full)
    timed("  again (result cache warm: repeat parties)", bodies, full)
    warm = engine.screener.policy
    engine.screener.policy = warm.model_copy(update={"screen_cache": 0})
    timed("payment screening, result cache off", bodies, full)
    idx = list(range(count))
    timed("baseline: the same names as plain names, cache off", idx, plain)
    engine.screener.policy = warm


def story(engine: Clearance, pool: list[pd.Party], seed: int) -> int:
    payments = PaymentScreener(SnapshotLists(engine))
    rng = random.Random(seed)
    missed = 0
    total = 0
    print("\nstory parties in every field position:")
    for kind in ("pacs.008", "MT103"):
        for slot, name, body in pd.story_messages(kind, rng, pool):
            total += 1
            (msg,) = read_bytes(body)
            assert isinstance(msg, Message), msg
            decision = payments.screen(msg)
            want = pd.STORY[name]
            found = [h for h in decision.hits if h.entity_id == want]
            ok = decision.label != "clear" and any(slot in h.field for h in found)
            if not ok:
                missed += 1
                fields = [h.field for h in decision.hits]
                print(f"  MISSED {kind} {slot} {name}: {decision.label} {fields}")
    print(f"  {total - missed} of {total} found at the right field ({missed} missed)")
    return missed


def stream(
    engine: Clearance, count: int, pool: list[pd.Party], seed: int, work: Path, kinds: list[str]
) -> None:
    """Stream ``count`` messages of each kind from one generated file (the result cache on:
    parties repeat from a pool, as in a bank's traffic) and print the RSS at every tenth."""
    payments = PaymentScreener(SnapshotLists(engine))
    rng = random.Random(seed)
    files = {"pacs.008": "bulk.xml", "MT103": "bulk.rje"}
    for kind, name in ((k, files[k]) for k in kinds):
        path = work / name
        with path.open("wb") as out:
            if kind == "pacs.008":
                out.write(b"<Batch>")
                for i in range(count):
                    out.write(pd.pacs008(i, rng, pool))
                out.write(b"</Batch>")
            else:
                for i in range(count):
                    out.write(pd.mt103(i, rng, pool).encode() + b"$")
        size = path.stat().st_size / 1e6
        print(f"\nstreaming {count:,} {kind} from one {size:,.0f} MB file, result cache on "
              f"({engine.screener.policy.screen_cache:,} entries; parties from a pool of "
              f"{len(pool):,}) (load average {os.getloadavg()[0]:.1f}):")  # fmt: skip
        gc.collect()
        marks = {count * k // 10 for k in range(1, 11)}
        start, errors = time.perf_counter(), 0
        print(f"  {'messages':>10} {'RSS MB':>8} {'msg/s':>8} {'load':>5}")
        print(f"  {0:>10,} {rss_mb():8.1f}")
        for n, item in enumerate(read_path(path), 1):
            if isinstance(item, Message):
                payments.screen(item)
            else:
                errors += 1
            if n in marks:
                rate = n / (time.perf_counter() - start)
                print(f"  {n:>10,} {rss_mb():8.1f} {rate:8.0f} {os.getloadavg()[0]:5.1f}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        print(f"  read errors: {errors}; peak RSS of the process {peak:.0f} MB")
        path.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lists", choices=sorted(LISTS), default="all")
    parser.add_argument("--messages", type=int, default=3000, help="messages timed per type")
    parser.add_argument("--pool", type=int, default=2000, help="distinct parties to draw from")
    parser.add_argument("--stream", type=int, default=100_000, help="messages streamed per type")
    parser.add_argument("--stream-kind", choices=["pacs.008", "MT103", "both"], default="both")
    parser.add_argument("--stream-only", action="store_true", help="only the streaming run")
    parser.add_argument("--seed", type=int, default=20231228)
    args = parser.parse_args()
    print(f"payments benchmark: {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="payments-bench-") as tmp:
        home = Path(tmp) / "home"
        print(f"loading lists ({args.lists}) ... {load(home, args.lists):.1f} s")
        engine = clearance.open(settings=Settings(home=home))
        t0 = time.perf_counter()
        SnapshotLists(engine)
        print(f"payment screener ready in {time.perf_counter() - t0:.1f} s; RSS {rss_mb():.0f} MB")
        pool = pd.parties(args.pool, args.seed)
        missed = 0
        if not args.stream_only:
            missed = story(engine, pool, args.seed)
            for kind in ("pacs.008", "MT103"):
                speed(engine, kind, args.messages, pool, args.seed)
        if args.stream:
            kinds = ["pacs.008", "MT103"] if args.stream_kind == "both" else [args.stream_kind]
            stream(engine, args.stream, pool, args.seed, Path(tmp), kinds)
    print(f"\nload average at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
