"""False alerts per locale and script population, on samples large enough to tell (issue 11).

    .venv/bin/python benchmarks/population_alerts.py                    # <= 3 min, 1 core
    .venv/bin/python benchmarks/population_alerts.py --seeds 3000,3100 --per 1000 --json out.json

``bench_heldout.py`` judges "<= 2 % false alerts in every locale/script population" on about
94 unlisted Faker names per locale, where one alert is 1.1 %: its worst population is mostly
sampling noise. This script makes unlisted names exactly as ``bench_heldout`` makes them
(``bench_heldout.faker_names``: Faker per locale, three in ten companies; then
``bench_data.unlisted_cases``: every third non-Latin name romanised by ICU, listed names
dropped, namesakes of listed names and aliases noted) from seeds neither split uses, for
every locale ``bench_heldout`` uses, screens them with the default engine and prints per
locale and per script: names, alerts, rate, its Wilson 95 % interval and the alerts at 1.00
that are namesakes (``bench_data.NAMESAKE``: a listed name or alias exactly, as the engine
reads both), and the alerts and rate with namesakes apart as ``bench_heldout`` counts them
(their names left out; the <= 2 % target is judged so). The worst population is named by
rate, by the upper bound of its interval (among populations of 100 names or more) and by the
rate with namesakes apart. Baseline in the same run: rapidfuzz brute force
(``bench_baselines.BruteForce``) on a small subsample, its alerts per script at the threshold
``matching_bench`` calibrates (the lowest of 0.80..1.00 with <= 1 % false alerts on that
subsample: calibrated on the same names, which favours it) and at 0.80, 0.85 and 0.90.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_data as bd  # noqa: E402
from bench_heldout import faker_names  # noqa: E402
from bench_metrics import console, pct, table  # noqa: E402
from bench_quality import Engine, Outcome  # noqa: E402
from bench_report import script_of  # noqa: E402
from bench_worker import LOCALES  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.settings import Settings  # noqa: E402

DEFAULT_SEEDS = "3000,3100,3200,3300,3400"  # Faker instance seeds seed+1..seed+32: no overlap
HELD_SEEDS = (20261203, 20261203 + 7919)  # bench_heldout's tune and held-out seeds
Z95 = 1.959963984540054
TOP_SCORE = 0.995  # an alert "at 1.00" as the tables print it
MIN_NAMES = 100  # the worst by upper bound among populations of at least this many names
SWEEP = (0.80, 0.85, 0.90)  # rapidfuzz thresholds shown beside the calibrated one


def wilson(alerts: int, names: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a binomial share (95 % by default)."""
    if names == 0:
        return 0.0, 1.0
    share = alerts / names
    denom = 1 + z * z / names
    centre = (share + z * z / (2 * names)) / denom
    half = z * math.sqrt(share * (1 - share) / names + z * z / (4 * names * names)) / denom
    low = 0.0 if alerts == 0 else max(0.0, centre - half)  # exact ends: no rounding error
    return low, 1.0 if alerts == names else min(1.0, centre + half)


def locale_of(out: Outcome) -> str:
    return out.case.kind.split(":", 1)[1]


def script_pop(out: Outcome) -> str:
    return script_of(out.case.query.name)


def namesake_at_one(out: Outcome) -> bool:
    """An alert at 1.00 on a namesake of a listed name or alias (bench_heldout's rule)."""
    if not out.alert or out.case.note != bd.NAMESAKE:
        return False
    return max((m.score for m in out.top if m.alert), default=0.0) >= TOP_SCORE


def make_cases(seeds: Sequence[int], per: int, locales: Sequence[str], lists: bd.Lists
               ) -> tuple[list[bd.ListCase], int]:  # fmt: skip
    """``per`` names per locale and seed, made as bench_heldout makes its unlisted names."""
    wanted = set(locales)
    cases: list[bd.ListCase] = []
    dropped = 0
    for seed in seeds:
        made, gone = bd.unlisted_cases(faker_names(per * len(LOCALES), seed), lists)
        cases += [c for c in made if c.kind.split(":", 1)[1] in wanted]
        dropped += gone
    return cases, dropped


def population_rows(outs: Sequence[Any], key: Callable[[Any], str],
                    alert: Callable[[Any], bool]) -> list[dict[str, Any]]:  # fmt: skip
    """One row per population: names, alerts, rate, Wilson interval, namesake alerts at 1.00."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for out in outs:
        groups[key(out)].append(out)
    rows = []
    for name, group in groups.items():
        alerts = sum(alert(o) for o in group)
        low, high = wilson(alerts, len(group))
        row = {"population": name, "names": len(group), "alerts": alerts,
               "rate": alerts / len(group), "low": low, "high": high}  # fmt: skip
        if isinstance(group[0], Outcome):
            row["namesakes_at_1"] = sum(namesake_at_one(o) for o in group)
            kept = [o for o in group if o.case.note != bd.NAMESAKE]  # bench_heldout's 2nd line
            row["namesakes"] = len(group) - len(kept)
            row["alerts_apart"] = sum(o.alert for o in kept)
            row["rate_apart"] = row["alerts_apart"] / max(1, len(kept))
        rows.append(row)
    return sorted(rows, key=lambda r: (-r["rate"], -r["high"], r["population"]))


def worst(rows: Sequence[dict[str, Any]]) -> dict[str, str]:
    by_rate = max(rows, key=lambda r: (r["rate"], r["high"]))
    sized = [r for r in rows if r["names"] >= MIN_NAMES] or list(rows)  # "none": 2 names
    by_high = max(sized, key=lambda r: (r["high"], r["rate"]))
    named = {"by_rate": by_rate["population"], "by_upper": by_high["population"]}
    if "rate_apart" in rows[0]:
        named["namesakes_apart"] = max(rows, key=lambda r: r["rate_apart"])["population"]
    return named


def interval(row: dict[str, Any]) -> str:
    return f"{pct(row['low'])}–{pct(row['high'])}"


def print_populations(kind: str, rows: Sequence[dict[str, Any]], title: str) -> dict[str, str]:
    cols = [kind, "names", "alerts", "rate", "Wilson 95 %", "namesakes", "namesakes at 1.00",
            "alerts, namesakes apart", "rate, namesakes apart"]  # fmt: skip
    table(title, cols, [[r["population"], f"{r['names']:,}", r["alerts"], pct(r["rate"]),
                         interval(r), r["namesakes"], r["namesakes_at_1"], r["alerts_apart"],
                         pct(r["rate_apart"])] for r in rows])  # fmt: skip
    named = worst(rows)
    at_rate = next(r for r in rows if r["population"] == named["by_rate"])
    at_high = next(r for r in rows if r["population"] == named["by_upper"])
    console.print(
        f"worst {kind} by rate: {at_rate['population']} {pct(at_rate['rate'])} "
        f"({at_rate['alerts']} of {at_rate['names']:,}); by upper bound: "
        f"{at_high['population']} {pct(at_high['high'])} (rate {pct(at_high['rate'])})"
    )
    apart = next(r for r in rows if r["population"] == named["namesakes_apart"])
    console.print(f"worst {kind}, namesakes apart (the <= 2 % target is judged so): "
                  f"{apart['population']} {pct(apart['rate_apart'])} "
                  f"({apart['alerts_apart']} of "
                  f"{apart['names'] - apart['namesakes']:,})")  # fmt: skip
    return named


def baseline(lists: bd.Lists, outs: Sequence[Outcome], per: int) -> dict[str, Any]:
    """rapidfuzz brute force on the first ``per`` names of each locale (first seed first)."""
    import bench_baselines as bl

    taken: dict[str, int] = defaultdict(int)
    sample: list[Outcome] = []
    for out in outs:
        if taken[locale_of(out)] < per:
            taken[locale_of(out)] += 1
            sample.append(out)
    started = time.perf_counter()
    brute = bl.BruteForce(lists.entities)
    scored = brute.run([o.case for o in sample])
    n = max(1, len(scored))
    threshold = next((t / 100 for t in range(80, 101)
                      if sum(s.top_score >= t / 100 for s in scored) / n <= 0.01), 1.0)  # fmt: skip
    rf_rows = population_rows(scored, lambda s: script_of(s.case.query.name),
                              lambda s: s.top_score >= threshold - 1e-9)  # fmt: skip
    ours = {r["population"]: r for r in population_rows(sample, script_pop, lambda o: o.alert)}
    sweep = {r["population"]: {} for r in rf_rows}
    for t in SWEEP:
        for row in population_rows(scored, lambda s: script_of(s.case.query.name),
                                   lambda s, t=t: s.top_score >= t - 1e-9):  # fmt: skip
            sweep[row["population"]][f"{t:.2f}"] = row["alerts"]
    table(f"rapidfuzz brute force, t={threshold:.2f}, beside Clearance ({len(sample):,} names)",
          ["script", "names", "rapidfuzz alerts", "rate", "Wilson 95 %",
           *(f"alerts at {t:.2f}" for t in SWEEP), "Clearance alerts"],
          [[r["population"], r["names"], r["alerts"], pct(r["rate"]), interval(r),
            *sweep[r["population"]].values(), ours[r["population"]]["alerts"]]
           for r in rf_rows])  # fmt: skip
    seconds = time.perf_counter() - started
    console.print(f"rapidfuzz WRatio at t={threshold:.2f}: the lowest of 0.80–1.00 with ≤ 1 % "
                  f"false alerts on these {len(sample):,} names; {seconds:.0f} s")  # fmt: skip
    return {"threshold": threshold, "names": len(sample), "seconds": seconds,
            "scripts": rf_rows, "sweep": sweep,
            "clearance_scripts": list(ours.values())}  # fmt: skip


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seeds",
        default=DEFAULT_SEEDS,
        help=f"comma-separated Faker seeds (default {DEFAULT_SEEDS})",
    )
    parser.add_argument("--per", type=int, default=800, help="names per locale and seed")
    parser.add_argument("--locales", help="comma-separated subset of bench_heldout's locales")
    parser.add_argument(
        "--baseline-per",
        type=int,
        default=8,
        help="names per locale screened by the rapidfuzz baseline (0: none)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    try:
        args.seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--seeds takes comma-separated whole numbers, not {args.seeds!r}")
    if not args.seeds:
        parser.error("--seeds names no seed")
    if set(args.seeds) & set(HELD_SEEDS):
        parser.error("seeds 20261203 and 20269122 are bench_heldout's tune and held-out seeds")
    args.locales = args.locales.split(",") if args.locales else list(LOCALES)
    unknown = sorted(set(args.locales) - set(LOCALES))
    if unknown:
        parser.error(f"not a bench_heldout locale: {', '.join(unknown)}")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()
    console.print(f"load average {load_before} on {os.cpu_count()} cores (machine shared)")
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    screener = Screener.build(lists.entities, settings.matching, lists=lists.published)
    console.print(f"engine {screener.algorithm} {screener.algorithm_version}; seeds "
                  f"{args.seeds}, {args.per} names per locale and seed")  # fmt: skip
    cases, dropped = make_cases(args.seeds, args.per, args.locales, lists)
    screen_started = time.perf_counter()
    outs = Engine(screener, settings).run(cases)
    screen_s = time.perf_counter() - screen_started
    alerts = sum(o.alert for o in outs)
    low, high = wilson(alerts, len(outs))
    kept = [o for o in outs if o.case.note != bd.NAMESAKE]
    kept_alerts = sum(o.alert for o in kept)
    console.print(f"{len(outs):,} unlisted names ({dropped} dropped as listed), {alerts} alerts "
                  f"({pct(alerts / max(1, len(outs)))}, {pct(low)}–{pct(high)}); screened in "
                  f"{screen_s:.0f} s")  # fmt: skip
    console.print(f"namesakes apart ({len(outs) - len(kept)} names that are a listed name or "
                  f"alias as the engine reads both): {kept_alerts} alerts "
                  f"({pct(kept_alerts / max(1, len(kept)))}); "
                  "the targets are judged so")  # fmt: skip
    result: dict[str, Any] = {
        "algorithm": screener.algorithm, "algorithm_version": screener.algorithm_version,
        "seeds": args.seeds, "per": args.per, "locales": args.locales, "names": len(outs),
        "dropped": dropped, "alerts": alerts, "rate": alerts / max(1, len(outs)),
        "low": low, "high": high, "load_before": list(load_before),
        "namesakes": len(outs) - len(kept), "alerts_apart": kept_alerts,
        "rate_apart": kept_alerts / max(1, len(kept)),
    }  # fmt: skip
    for kind, key in (("locale", locale_of), ("script", script_pop)):
        rows = population_rows(outs, key, lambda o: o.alert)
        title = f"False alerts per {kind} (unlisted Faker names)"
        result[kind] = {"rows": rows, "worst": print_populations(kind, rows, title)}
    if args.baseline_per > 0:
        result["baseline"] = baseline(lists, outs, args.baseline_per)
    result["load_after"] = list(os.getloadavg())
    result["seconds"] = time.perf_counter() - started
    console.print(f"load average {tuple(result['load_after'])}; whole run "
                  f"{result['seconds']:.0f} s")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        console.print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
