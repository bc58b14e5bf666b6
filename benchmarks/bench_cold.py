"""Cold-pass speed on new queries of a realistic mix, per script, beside the baselines.

The index is written to a snapshot folder and loaded by a fresh interpreter (``Screener.load``,
as a server or batch worker starts), which then screens queries it has never seen, once each:
a third in non-Latin scripts, long Arabic and Russian company names among them. The probe runs
with the cyclic collector policy a Screener sets (``gcpause.screening_process``: what a user
gets); ``--gc both`` runs it again with the interpreter's own (one line). Per query the
thread's CPU time for what a caller pays (``make_query`` validating the input, then
``Screener.screen``) is recorded, with the query's script; the first query of each
script is reported apart (no first-query penalty: what scripts need loads with the screener).
Under the table a line says where else the pass's CPU went: the collector's collections per
generation with their CPU, page faults, system CPU and context switches (on shared cores the
CPU an instruction costs rises with the machine's load: benchmarks/README.md, h154).
The probe imports ``clearance`` as the interpreter finds it — the installed package (a regular
install: the wheel, compiled or pure), else the sources (an editable install, ``PYTHONPATH=src``):
the summary line names its build and folder.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import bench_baselines as bl
import bench_data as bd
from bench_metrics import console, percentile, table
from bench_report import script_of
from bench_venv import WORK_DIR

from clearance.matching.artifact import build_index
from clearance.settings import Settings

_PROBE = """
import json, sys, time
from pathlib import Path
import clearance
from clearance.compiled import state
from clearance.errors import QueryError
from clearance.matching.artifact import load_index
from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.settings import MatchingPolicy
started = time.process_time()
screener = Screener(load_index(Path(sys.argv[1])), MatchingPolicy(screen_cache=0))
if sys.argv[3] == "server":
    from clearance.gcpause import serving_worker
    serving_worker()  # an API worker's call (clearance serve): frozen after full collections only
elif sys.argv[3] == "interpreter":
    from clearance.gcpause import interpreter_policy
    interpreter_policy()  # the Screener's collector policy undone
load_cpu = time.process_time() - started
import gc, resource
collections = [[0, 0.0], [0, 0.0], [0, 0.0]]  # per generation: count, thread CPU seconds
began = [0.0]
def collector(phase, info):
    if phase == "start":
        began[0] = time.thread_time()
    else:
        collections[info["generation"]][0] += 1
        collections[info["generation"]][1] += time.thread_time() - began[0]
options = ScreenOptions(limit=10)
out = []
items = json.loads(Path(sys.argv[2]).read_text())
gc.callbacks.append(collector)
usage0 = resource.getrusage(resource.RUSAGE_SELF)
process0 = time.process_time()
wall0 = time.perf_counter()
for item in items:
    c0 = time.thread_time()  # what a caller pays: validating the query, then screening it
    try:
        screener.screen(make_query(item["name"], type=item["type"]), options)
    except QueryError:
        pass  # rejected ("only a legal form"): its cost still counts
    out.append(time.thread_time() - c0)
wall = time.perf_counter() - wall0
process = time.process_time() - process0
usage1 = resource.getrusage(resource.RUSAGE_SELF)
gc.callbacks.remove(collector)
usage = {k: getattr(usage1, k) - getattr(usage0, k)
         for k in ("ru_minflt", "ru_majflt", "ru_nvcsw", "ru_nivcsw", "ru_stime")}
print(json.dumps({"load_cpu": load_cpu, "cpu": out, "wall": wall, "process": process,
                  "collections": collections, "usage": usage,
                  "version": screener.algorithm_version, "build": state(),
                  "package": str(Path(clearance.__file__).parent)}))
"""
_NON_LATIN = ("ru_RU", "uk_UA", "ar_AA", "fa_IR", "zh_CN", "ko_KR", "he_IL", "el_GR", "hi_IN",
              "th_TH", "ja_JP", "bg_BG")  # fmt: skip
_LATIN = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "tr_TR", "pl_PL", "pt_BR",
          "nl_NL", "id_ID", "vi_VN")  # fmt: skip
_AR_COMPANY = ("شركة {} للتجارة العامة والمقاولات ذ.م.م", "مؤسسة {} للاستيراد والتصدير",
               "شركة {} القابضة للاستثمارات العقارية والصناعية")  # fmt: skip
_RU_COMPANY = ("Общество с ограниченной ответственностью «{}»",
               "Акционерное общество «Научно-производственное объединение {}»",
               "ООО «Торговый дом {} Трейдинг Групп»")  # fmt: skip


def realistic_mix(count: int, seed: int, lists: bd.Lists) -> list[dict[str, str]]:
    """``count`` queries no run has seen: a third non-Latin (long Arabic and Russian company
    names among them), the rest Latin, a fifth of them variants of listed names."""
    from faker import Faker

    rng = random.Random(seed)
    fakers: dict[str, Faker] = {}

    def fake(locale: str) -> Faker:
        if locale not in fakers:
            fakers[locale] = Faker(locale)
            fakers[locale].seed_instance(seed + len(fakers) * 31)
        return fakers[locale]

    listed = [n.full for e in lists.entities for n in e.names if not n.weak]
    out: list[dict[str, str]] = []
    for i in range(count):
        pick = i % 15
        if pick < 5:
            locale = _NON_LATIN[rng.randrange(len(_NON_LATIN))]
            if pick == 0 and locale in ("ar_AA", "fa_IR"):
                word = fake(locale).last_name()
                name, kind = rng.choice(_AR_COMPANY).format(word), "organization"
            elif pick == 0 and locale in ("ru_RU", "uk_UA", "bg_BG"):
                word = fake("ru_RU").last_name()
                name, kind = rng.choice(_RU_COMPANY).format(word), "organization"
            else:
                name, kind = fake(locale).name(), "person"
        elif pick < 8:
            name, kind = rng.choice(listed), ""
            words = name.split()
            if len(words) > 1 and rng.random() < 0.5:
                rng.shuffle(words)
                name = " ".join(words)
        else:
            locale = _LATIN[rng.randrange(len(_LATIN))]
            if rng.random() < 0.3:
                name, kind = fake(locale).company(), "organization"
            else:
                name, kind = fake(locale).name(), "person"
        out.append({"name": name, "type": kind})
    return out


def _probe(snapshot: Path, path: Path, gc_policy: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(snapshot), str(path), gc_policy],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"cold probe failed:\n{done.stderr[-3000:]}")
    probe: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return probe


def _pass_line(probe: dict[str, Any]) -> str:
    """Where a pass's CPU went besides the matcher: the cyclic collector's collections (count
    and thread CPU per generation, its share of the summed per-query CPU), the process's CPU
    beside the per-query sum (the timer's own cost and what runs between queries), page faults
    (first touches of memory the pass grows), context switches (involuntary: another process
    had the core, and the caches)."""
    cpu = sum(probe["cpu"])
    gens = probe["collections"]
    spent = sum(seconds for _, seconds in gens)
    usage = probe["usage"]
    per_gen = ", ".join(f"gen {g} {n} ({s * 1e3:.1f} ms)" for g, (n, s) in enumerate(gens))
    return (
        f"  the pass: collector {per_gen}, {spent / cpu:.1%} of the per-query CPU; "
        f"process CPU {probe['process']:.2f} s vs per-query sum {cpu:.2f} s; "
        f"page faults {usage['ru_minflt']} minor, {usage['ru_majflt']} major; system CPU "
        f"{usage['ru_stime']:.2f} s; context switches {usage['ru_nivcsw']} involuntary, "
        f"{usage['ru_nvcsw']} voluntary"
    )


def _tail_line(queries: list[dict[str, str]], cpu: list[float], shown: int = 5) -> str:
    """The pass's tail: p99.9 and the ``shown`` slowest queries with their script (what the
    slowest 1 % are: see benchmarks/README.md, "Profiling the cold pass")."""
    slowest = sorted(range(len(cpu)), key=lambda i: -cpu[i])[:shown]
    named = "; ".join(f"{cpu[i] * 1e3:.1f} ms {script_of(queries[i]['name'])} "
                      f"{queries[i]['name'][:32]!r}" for i in slowest)  # fmt: skip
    return f"  the tail: p99.9 {percentile(cpu, 99.9) * 1e3:.2f} ms; slowest: {named}"


def cold_speed(
    lists: bd.Lists, settings: Settings, seed: int, count: int = 3000, gc: str = "default"
) -> None:
    """``gc``: the cyclic collector policy of the probe process — ``default`` (the one a
    Screener sets, :func:`clearance.gcpause.screening_process`), ``server`` (an API worker's
    call, :func:`clearance.gcpause.serving_worker`, on top: survivors frozen after full
    collections only), ``interpreter`` (the Screener's undone) or ``both`` (default first, with
    the table; then interpreter, one line)."""
    console.rule("[bold]Cold pass: new queries, realistic mix, fresh process")
    queries = realistic_mix(count, seed + 104729, lists)
    WORK_DIR.mkdir(exist_ok=True)
    policies = ["default", "interpreter"] if gc == "both" else [gc]
    with tempfile.TemporaryDirectory(dir=WORK_DIR) as tmp:
        snapshot = Path(tmp) / "snapshot"
        build_index(snapshot, lists.entities, "bench", lists.published)
        path = Path(tmp) / "queries.json"
        path.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        load = os.getloadavg()[0]
        probes = [(policy, _probe(snapshot, path, policy)) for policy in policies]
    policy, probe = probes[0]
    cpu: list[float] = probe["cpu"]
    by_script: dict[str, list[float]] = defaultdict(list)
    first: dict[str, float] = {}
    for item, seconds in zip(queries, cpu, strict=True):
        script = script_of(item["name"])
        by_script[script].append(seconds)
        first.setdefault(script, seconds)
    rows = [
        [s, len(v), f"{percentile(v, 50) * 1e3:.2f}", f"{percentile(v, 99) * 1e3:.2f}",
         f"{max(v) * 1e3:.1f}", f"{first[s] * 1e3:.2f}"]
        for s, v in sorted(by_script.items(), key=lambda kv: -len(kv[1]))
    ]  # fmt: skip
    rows.append(["ALL", len(cpu), f"{percentile(cpu, 50) * 1e3:.2f}",
                 f"{percentile(cpu, 99) * 1e3:.2f}", f"{max(cpu) * 1e3:.1f}", ""])  # fmt: skip
    table(f"CPU ms per query by script (load average {load:.1f} on {os.cpu_count()} cores)",
          ["script", "queries", "p50", "p99", "max", "first query"], rows)  # fmt: skip
    qps = len(cpu) / sum(cpu)
    console.print(
        f"clearance {probe['version']}, {probe['build']} ({policy} collector policy; "
        f"{probe['package']}): "
        f"{qps:.0f} queries/s on one core (CPU), "
        f"{len(cpu) / probe['wall']:.0f}/s wall; Screener.load {probe['load_cpu']:.2f} s CPU; "
        f"targets ≥ 2,000 q/s, p99 ≤ 5 ms, "
        f"every script p99 ≤ 10 ms"
    )
    console.print(_pass_line(probe))
    console.print(_tail_line(queries, cpu), markup=False, highlight=False)
    for other, extra in probes[1:]:
        cpu_o: list[float] = extra["cpu"]
        console.print(
            f"  same queries, {other} collector policy: {len(cpu_o) / sum(cpu_o):.0f} queries/s "
            f"(CPU), p99 {percentile(cpu_o, 99) * 1e3:.2f} ms, max {max(cpu_o) * 1e3:.1f} ms"
        )
        console.print(_pass_line(extra))
    brute = bl.BruteForce(lists.entities)
    specs = [bd.QuerySpec(q["name"], q["type"] or None) for q in queries[:40]]
    _wall, brute_s = brute.time_per_query(specs)
    cases = [bd.ListCase("speed", s) for s in specs]
    lv = bl.logic_v2(bl.logic_v2_tasks(brute, brute.run(cases), {}))
    lv_s = brute_s + lv.seconds_per_query
    table("Same queries, baselines (CPU per query, one core)", ["system", "ms", "queries/s"], [
        ["clearance (cold pass)", f"{1e3 / qps:.2f}", f"{qps:.0f}"],
        ["rapidfuzz WRatio brute force", f"{brute_s * 1e3:.1f}", f"{1 / brute_s:.1f}"],
        ["logic-v2 over brute-force candidates", f"{lv_s * 1e3:.1f}", f"{1 / lv_s:.1f}"],
    ])  # fmt: skip
