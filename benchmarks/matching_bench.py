"""The matching benchmark: quality, retrieval, false alerts, speed and baselines in one run.

    .venv/bin/python benchmarks/matching_bench.py            # full run (~5 minutes)
    .venv/bin/python benchmarks/matching_bench.py --quick    # subset (~1-2 minutes)

Data come from ``/work/shared/data`` (override with ``CLEARANCE_TEST_DATA``). The baselines
(rapidfuzz brute force; nomenklatura logic-v2) run on the same queries; logic-v2 and Faker live
in a separate venv (``.bench/venv``) that this script creates. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_baselines as bl  # noqa: E402
import bench_data as bd  # noqa: E402
import bench_report as rep  # noqa: E402
from bench_metrics import console, mark, pct, percentile, table  # noqa: E402
from bench_quality import Engine, Outcome, PairOutcome, run_pairs  # noqa: E402
from bench_speed import Latency, StoredIndex, latency, stored_index  # noqa: E402
from bench_variants import GENERATORS, generate  # noqa: E402
from bench_venv import ensure_venv, faker_names  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.settings import Settings  # noqa: E402

LV_THRESHOLD = 0.7  # logic-v2's usual alert threshold (yente's default)
OS_PAIRS = (
    ("opensanctions_pairs_sample_1000.json", "os-pairs"),
    ("opensanctions_pairs_sample_1000_shuffled.json", "os-pairs-shuffled"),
)
Triple = tuple[Outcome, bl.BaseOutcome, bl.BaseOutcome]


@dataclass(frozen=True)
class Plan:
    per_kind: int  # variant queries per variant kind
    unlisted: int  # Faker names
    pairs: int  # max pairs per pair set
    cmp_per_kind: int  # per variant kind, in the side-by-side subset
    cmp_unlisted: int
    cmp_cross: int
    cmp_putin: int
    speed: int  # queries timed
    brute_timed: int  # queries timed for the brute-force baseline
    failures: int  # failures printed per kind


FULL = Plan(300, 5000, 10_000, 100, 1500, 200, 81, 3000, 40, 6)
QUICK = Plan(40, 600, 250, 8, 100, 20, 20, 600, 10, 4)


@dataclass
class Run:
    """Everything one benchmark run measured, filled section by section."""

    plan: Plan
    seed: int
    settings: Settings
    lists: bd.Lists
    screener: Screener
    build_s: float
    build_cpu: float
    engine: Engine = field(init=False)
    pair_out: dict[str, list[PairOutcome]] = field(default_factory=dict)
    variants: list[bd.ListCase] = field(default_factory=list)
    unlisted: list[bd.ListCase] = field(default_factory=list)
    groups: dict[str, list[Outcome]] = field(default_factory=dict)  # variant kind -> outcomes
    cross: dict[str, list[Outcome]] = field(default_factory=dict)  # cross kinds + putin
    unl_out: list[Outcome] = field(default_factory=list)
    lat: Latency | None = None
    stored: StoredIndex | None = None

    def __post_init__(self) -> None:
        self.engine = Engine(self.screener, self.settings)

    @property
    def threshold(self) -> float:
        return self.settings.threshold


def section(title: str) -> None:
    console.rule(f"[bold]{title}")


def engine_digest() -> str:
    """A short hash of the matcher's source, to tie printed figures to the code measured."""
    folder = Path(str(sys.modules[Screener.__module__].__file__)).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def setup(plan: Plan, seed: int) -> Run:
    section("Lists and index")
    # The result cache is off: every figure here is the engine's own work on each query.
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    t0, c0 = time.perf_counter(), time.process_time()
    screener = Screener.build(lists.entities, settings, lists=lists.published)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    names = sum(len(e.names) for e in lists.entities)
    rows: list[list[object]] = [[k, v, lists.published[k]] for k, v in lists.counts.items()]
    rows.append(["all", len(lists.entities), f"{names} names, read in {lists.read_seconds:.1f} s"])
    table("Loaded lists", ["list", "entities", "published"], rows)
    console.print(
        f"engine {screener.algorithm} {screener.algorithm_version} (source {engine_digest()}); "
        f"default threshold "
        f"{settings.threshold}; index built in {build_s:.1f} s ({build_cpu:.1f} s CPU); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    return Run(plan, seed, settings, lists, screener, build_s, build_cpu)


def pair_sets(run: Run) -> dict[str, list[bd.PairCase]]:
    sets: dict[str, list[bd.PairCase]] = {"name-bench": bd.name_bench()}
    for file, label in OS_PAIRS:
        cases, skipped = bd.opensanctions_pairs(file, label)
        sets[label] = cases
        console.print(f"{label}: {len(cases)} pairs used, {skipped} skipped (no name / schema)")
    sets["entity-checks"] = bd.entity_checks()
    sets["watchman-xscript"] = bd.watchman_pairs()
    rng = random.Random(run.seed)
    return {k: rng.sample(v, run.plan.pairs) if len(v) > run.plan.pairs else v
            for k, v in sets.items()}  # fmt: skip


def list_queries(run: Run) -> None:
    """Sections 2-5 on the engine: variants, cross-authority, Putin, unlisted names."""
    run.variants = generate(run.lists.entities, run.plan.per_kind, run.seed)
    cross = bd.cross_cases(run.lists)
    putin = bd.putin_cases(run.lists)
    run.unlisted, dropped = bd.unlisted_cases(faker_names(run.plan.unlisted, run.seed), run.lists)
    console.print(
        f"unlisted names: {len(run.unlisted)} ({dropped} dropped: equal to a listed name)"
    )
    outs = run.engine.run(run.variants + cross + putin)
    run.engine.check_retrieval(outs)
    for out in outs:
        kind = "putin spellings" if out.case.kind == "putin" else out.case.kind
        target = run.groups if out.case.kind in GENERATORS else run.cross
        target.setdefault(kind, []).append(out)
    run.unl_out = run.engine.run(run.unlisted)


def side_by_side_cases(run: Run) -> tuple[list[bd.ListCase], list[bd.ListCase]]:
    listed: list[bd.ListCase] = []
    per: Counter[str] = Counter()
    for case in run.variants:
        if per[case.kind] < run.plan.cmp_per_kind:
            per[case.kind] += 1
            listed.append(case)
    uk_un = [o.case for o in run.cross.get("uk->un", [])]
    listed += random.Random(run.seed).sample(uk_un, min(run.plan.cmp_cross, len(uk_un)))
    listed += [o.case for o in run.cross.get("putin spellings", [])][: run.plan.cmp_putin]
    return listed, run.unlisted[: run.plan.cmp_unlisted]


# -- printing ---------------------------------------------------------------------------------
def print_pairs(run: Run, rf_threshold: float, lv_pairs: dict[str, list[float]]) -> None:
    section("1. Labelled pair sets (query vs a one-entity index)")
    rows: list[list[object]] = []
    for key, outs in run.pair_out.items():
        labels = [o.case.match for o in outs]
        rf = [bl.pair_wratio(o.case) for o in outs]
        lv = lv_pairs[key]
        rows += rep.pair_rows(key, labels, [
            ("clearance", [o.alert for o in outs], [o.score for o in outs]),
            (f"rapidfuzz≥{rf_threshold:.2f}", [s >= rf_threshold for s in rf], rf),
            (f"logic-v2≥{LV_THRESHOLD}", [s >= LV_THRESHOLD for s in lv], lv),
        ])  # fmt: skip
    title = "Pair sets: P / R / F1 at each system's default threshold and at its best-F1 threshold"
    table(title, rep.PAIR_COLUMNS, rows)
    wm = run.pair_out["watchman-xscript"]
    ok = sum(o.score >= float(o.case.group) for o in wm)
    console.print(f"watchman-xscript (positives only): {ok}/{len(wm)} reach watchman's own minimum")
    for outs in run.pair_out.values():
        rep.pair_failures(outs, run.plan.failures, run.threshold)


def print_lists(run: Run) -> dict[str, float]:
    section("2-4. Variants of listed names, cross-authority pairs, retrieval recall")
    title = (
        f"Variants of listed names (recall = the expected entity alerts at t={run.threshold}, "
        "within the top 10; target ≥ 99%)"
    )
    rep.list_quality(title, run.groups)
    rep.typo_ops(run.groups.get("typo", []))
    title = (
        "Cross-authority (one list's primary name + DOB -> the other list's record) "
        "and Putin spellings"
    )
    rep.list_quality(title, run.cross)
    var_out = [o for outs in run.groups.values() for o in outs]
    everything = var_out + [o for outs in run.cross.values() for o in outs]
    retr = [bool(o.retrieved) for o in everything if o.retrieved is not None]
    uk_un = run.cross.get("uk->un", [])
    figures = {
        "variants": sum(o.hit for o in var_out) / max(1, len(var_out)),
        "cross": sum(o.hit for o in uk_un) / max(1, len(uk_un)),
        "retrieval": sum(retr) / max(1, len(retr)),
    }
    console.print(
        f"variants overall: recall {pct(figures['variants'])} over {len(var_out)} queries; "
        f"retrieval recall (variants + cross + putin) {pct(figures['retrieval'])} over {len(retr)}"
    )
    section("Failures (query -> expected [cause, its score]; got: top 3, ! = alert)")
    causes = rep.list_failures({**run.groups, **run.cross}, run.lists, run.threshold,
                               run.plan.failures)  # fmt: skip
    table("Misses by kind and cause (ranked)", ["kind: cause", "misses"], causes.most_common())
    overall: Counter[str] = Counter()
    for key, count in causes.items():
        overall[key.split(": ", 1)[1]] += count
    table("Misses by cause, all kinds", ["cause", "misses"], overall.most_common())
    return figures


def print_unlisted(run: Run) -> float:
    section("5. False alerts on unlisted Faker names")
    outs = run.unl_out
    share = sum(o.alert for o in outs) / max(1, len(outs))
    persons = [o for o in outs if o.case.query.schema == "person"]
    orgs = [o for o in outs if o.case.query.schema != "person"]
    console.print(
        f"{len(outs)} names; alerts {sum(o.alert for o in outs)} = {pct(share)} (persons "
        f"{pct(sum(o.alert for o in persons) / max(1, len(persons)))}, companies "
        f"{pct(sum(o.alert for o in orgs) / max(1, len(orgs)))}); target ≤ 1%"
    )
    rep.by_locale(outs)
    rep.false_alert_causes(outs)
    rep.worst_false_alerts(outs, run.plan.failures * 4)
    return share


def measure_speed(run: Run) -> None:
    specs = [c.query for c in run.variants] + [c.query for c in run.unlisted]
    random.Random(run.seed).shuffle(specs)
    specs = specs[: run.plan.speed]
    run.lat = latency(run.screener, specs)
    run.stored = stored_index(run.lists.entities, run.lists.published, specs[:500])


def print_speed(run: Run) -> None:
    section("6. Speed and memory")
    lat, stored = run.lat, run.stored
    assert lat is not None and stored is not None
    p50, p99 = percentile(lat.cpu, 50) * 1000, percentile(lat.cpu, 99) * 1000
    w50, w99 = percentile(lat.seconds, 50) * 1000, percentile(lat.seconds, 99) * 1000
    rows = [
        ["index build (all lists, in memory)", f"{run.build_cpu:.2f} s", f"{run.build_s:.2f} s",
         "≤ 10 s", mark(run.build_cpu, 10, False)],
        ["index write (build_index to a snapshot)", "", f"{stored.write_s:.2f} s", "", ""],
        ["stored index size", "", f"{stored.size_mb:.0f} MB", "", ""],
        ["load_index of the stored index (fresh process)", f"{stored.load_cpu_s:.2f} s",
         f"{stored.load_s:.2f} s", "≤ 1 s", mark(stored.load_cpu_s, 1, False)],
        ["query p50 (in process)", f"{p50:.2f} ms", f"{w50:.2f} ms", "≤ 1 ms", mark(p50, 1, False)],
        ["query p99", f"{p99:.2f} ms", f"{w99:.2f} ms", "≤ 10 ms", mark(p99, 10, False)],
        ["query max", f"{max(lat.cpu) * 1000:.1f} ms", f"{max(lat.seconds) * 1000:.1f} ms", "", ""],
        ["queries/s, one core", f"{lat.qps_cpu:.0f}", f"{lat.qps:.0f}", "≥ 2,000",
         mark(lat.qps_cpu, 2000)],
        ["RSS peak after load + 500 queries (fresh process)", "", f"{stored.peak_mb:.0f} MB",
         "≤ 500 MB", mark(stored.peak_mb, 500, False)],
        ["  RSS of Python + clearance imports", "", f"{stored.base_mb:.0f} MB", "", ""],
        ["  RSS right after load_index", "", f"{stored.loaded_mb:.0f} MB", "", ""],
    ]  # fmt: skip
    table(f"Speed ({len(lat.seconds)} queries, variants and unlisted mixed; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: CPU = the query thread's CPU "
          f"time, wall includes waiting for a core)",
          ["figure", "CPU", "wall / size", "target", ""], rows)  # fmt: skip


def print_side_by_side(
    run: Run, cmp: tuple[list[Outcome], list[bl.BaseOutcome], list[bl.BaseOutcome]],
    n_listed: int, rf_threshold: float, speeds: tuple[float, bl.LogicV2Run, int],
) -> None:  # fmt: skip
    section("7. Side by side on the same queries")
    cl, rf, lv = cmp
    groups: dict[str, list[Triple]] = defaultdict(list)
    for c, r, v in zip(cl[:n_listed], rf[:n_listed], lv[:n_listed], strict=True):
        groups[c.case.kind].append((c, r, v))
    unl = list(zip(cl[n_listed:], rf[n_listed:], lv[n_listed:], strict=True))
    rows = rep.side_by_side(groups, unl, rf_threshold, LV_THRESHOLD)
    table(f"Recall per kind and false alerts (clearance t={run.threshold}; rapidfuzz WRatio "
          f"t={rf_threshold:.2f}, the lowest with ≤ 1% false alerts; logic-v2 t={LV_THRESHOLD} "
          f"over the entities of rapidfuzz's top {bl.TOP_NAMES} names)",
          ["kind", "queries", "clearance", "rapidfuzz", "logic-v2"], rows)  # fmt: skip
    grids = (
        ("clearance", cl, [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]),
        ("rapidfuzz WRatio", rf, [0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 1.0]),
        ("logic-v2", lv, [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9]),
    )
    for name, outs, grid in grids:
        listed = [o.expected_score for o in outs[:n_listed]]
        unlisted = [o.top_score for o in outs[n_listed:]]
        rows = rep.sweep_rows(listed, unlisted, grid)
        title = f"{name}: threshold sweep on the side-by-side subset"
        table(title, ["threshold", "recall", "false alerts"], rows)
    brute_s, lv_run, n_names = speeds
    lat = run.lat
    assert lat is not None
    lv_query = brute_s + lv_run.seconds_per_query
    rows_speed = [
        ["clearance", f"{lat.mean_cpu * 1000:.2f} ms", f"{lat.qps_cpu:.0f}", "index + scorer"],
        ["rapidfuzz WRatio brute force", f"{brute_s * 1000:.1f} ms", f"{1 / brute_s:.1f}",
         f"over {n_names} names, process.extract top {bl.TOP_NAMES}, one thread"],
        ["logic-v2 (brute-force candidates)", f"{lv_query * 1000:.1f} ms", f"{1 / lv_query:.1f}",
         f"{lv_run.seconds_per_pair * 1e6:.0f} µs per pair + the brute force; warm-up "
         f"{lv_run.warmup_seconds:.1f} s"],
    ]  # fmt: skip
    table("Speed per query (CPU time, one core)", ["system", "mean", "queries/s", "note"],
          rows_speed)  # fmt: skip
    n_unl = max(1, len(cl) - n_listed)
    cl_rec = sum(c.hit for c in cl[:n_listed]) / max(1, n_listed)
    lv_rec = sum(v.hit(LV_THRESHOLD) for v in lv[:n_listed]) / max(1, n_listed)
    cl_fa = sum(c.alert for c in cl[n_listed:]) / n_unl
    lv_fa = sum(v.top_score >= LV_THRESHOLD for v in lv[n_listed:]) / n_unl
    console.print(
        f"[bold]Clearance vs logic-v2: {100 * (cl_rec - lv_rec):+.1f} pp recall, "
        f"{100 * (cl_fa - lv_fa):+.1f} pp false alerts, {lv_query / lat.mean_cpu:.0f}× "
        f"faster[/bold] (recall {pct(cl_rec)} vs {pct(lv_rec)}, false alerts {pct(cl_fa)} vs "
        f"{pct(lv_fa)})"
    )


def print_summary(run: Run, figures: dict[str, float], false_alerts: float) -> None:
    section("Summary against targets")
    lat, stored = run.lat, run.stored
    assert lat is not None and stored is not None
    p50, p99 = percentile(lat.cpu, 50) * 1000, percentile(lat.cpu, 99) * 1000
    rows = [
        ["variant recall (all kinds)", pct(figures["variants"]), "≥ 99%",
         mark(figures["variants"], 0.99)],
        ["cross-authority UK->UN recall", pct(figures["cross"]), "≥ 99%",
         mark(figures["cross"], 0.99)],
        ["retrieval recall", pct(figures["retrieval"]), "≥ 99.5%",
         mark(figures["retrieval"], 0.995)],
        ["false alerts (unlisted)", pct(false_alerts), "≤ 1%", mark(false_alerts, 0.01, False)],
        ["p50 / p99 (CPU)", f"{p50:.2f} / {p99:.2f} ms", "≤ 1 / 10 ms",
         mark(max(p50, p99 / 10), 1, False)],
        ["queries/s (CPU)", f"{lat.qps_cpu:.0f}", "≥ 2,000", mark(lat.qps_cpu, 2000)],
        ["build / load (CPU)", f"{run.build_cpu:.1f} / {stored.load_cpu_s:.2f} s",
         "≤ 10 / 1 s", mark(max(run.build_cpu / 10, stored.load_cpu_s), 1, False)],
        ["RSS", f"{stored.peak_mb:.0f} MB", "≤ 500 MB", mark(stored.peak_mb, 500, False)],
    ]  # fmt: skip
    table("Targets", ["figure", "value", "target", ""], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 1-2 minute subset")
    parser.add_argument("--seed", type=int, default=20260227, help="sampling seed")
    args = parser.parse_args()
    started = time.perf_counter()
    ensure_venv(console.print)
    run = setup(QUICK if args.quick else FULL, args.seed)

    sets = pair_sets(run)
    run.pair_out = {k: run_pairs(v, run.settings) for k, v in sets.items()}
    list_queries(run)

    # Side by side: the same queries through the three systems.
    listed, unlisted = side_by_side_cases(run)
    cl_cmp = run.engine.run(listed + unlisted, sweep=True)
    brute = bl.BruteForce(run.lists.entities)
    rf_cmp = brute.run(listed + unlisted)
    lv_tasks = bl.logic_v2_tasks(brute, rf_cmp, {})
    pair_tasks = {k: bl.pair_tasks(v) for k, v in sets.items()}
    lv_run = bl.logic_v2(lv_tasks + [t for v in pair_tasks.values() for t in v])
    lv_cmp = bl.logic_v2_outcomes(brute, rf_cmp, lv_run.scores[: len(lv_tasks)])
    lv_pairs: dict[str, list[float]] = {}
    offset = len(lv_tasks)
    for key, tasks in pair_tasks.items():
        rows = lv_run.scores[offset : offset + len(tasks)]
        lv_pairs[key] = [row[0] if row else 0.0 for row in rows]
        offset += len(tasks)
    # rapidfuzz's threshold: the lowest of 0.80..1.00 with at most 1% false alerts.
    rf_unl = [o.top_score for o in rf_cmp[len(listed) :]]
    n_unl = max(1, len(rf_unl))
    rf_threshold = next(
        (t / 100 for t in range(80, 101) if sum(s >= t / 100 for s in rf_unl) / n_unl <= 0.01),
        1.0,
    )
    measure_speed(run)
    specs = [c.query for c in listed + unlisted]
    random.Random(run.seed).shuffle(specs)
    _wall, brute_s = brute.time_per_query(specs[: run.plan.brute_timed])

    print_pairs(run, rf_threshold, lv_pairs)
    figures = print_lists(run)
    false_alerts = print_unlisted(run)
    print_speed(run)
    console.print(f"side-by-side subset: {len(listed)} listed + {len(unlisted)} unlisted queries")
    print_side_by_side(run, (cl_cmp, rf_cmp, lv_cmp), len(listed), rf_threshold,
                       (brute_s, lv_run, len(brute.names)))  # fmt: skip
    print_summary(run, figures, false_alerts)
    console.print(f"whole run {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
