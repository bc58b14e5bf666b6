"""Matching round two: every failure class, on a tuning split and a held-out split.

    .venv/bin/python benchmarks/bench_heldout.py                 # quality, both splits (~3 min)
    .venv/bin/python benchmarks/bench_heldout.py --speed         # + cold-pass speed, baselines
    .venv/bin/python benchmarks/bench_heldout.py --dump out.json # + every case's outcome

Listed entities are split in two by a hash of their id (fixed: no seed moves an entity from
one split to the other); variants of the ``held-out`` half are never looked at while tuning
(failures are printed for the ``tune`` half only). Unlisted names come from Faker with a
different seed per split. Targets: realistic variants >= 99 % (no class < 97 %),
cross-authority >= 99 %, the story 100 %, false alerts <= 1 % overall and <= 2 % in every
locale/script population, retrieval recall >= 99.5 %.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_data as bd  # noqa: E402
from bench_classes import CLASS_GENERATORS, NEGATIVE_GENERATORS, SLIP, Generator  # noqa: E402
from bench_metrics import console, pct, table  # noqa: E402
from bench_quality import Engine, Outcome  # noqa: E402
from bench_report import script_of  # noqa: E402
from bench_variants import GENERATORS  # noqa: E402
from bench_worker import LOCALES  # noqa: E402
from namesakes import Listed, is_namesake, listed_name_keys  # noqa: E402

from clearance.matching.engine import Screener  # noqa: E402
from clearance.model import Entity  # noqa: E402
from clearance.settings import Settings  # noqa: E402

SPLITS = ("tune", "held-out")
STORY = (  # (query, type, expected OFAC SDN 2023-12-28 id)
    ("Verus LLC, Moscow, Russia", "organization", "44544"),
    ("Versor s.r.o. (Slovakia)", "organization", "44579"),
    ("Versor, spol. s r.o., Bratislava, Slovakia", "organization", "44579"),
    ("ООО «Верус»", "organization", "44544"),
    ("OOO Verus", None, "44544"),
    ("Verus LLC", None, "44544"),
    ("TOO Defense Engineering", None, "44578"),
    ("Defense Engineering LLP, Almaty, Kazakhstan", "organization", "44578"),
    ("Defens Inzhiniring", None, "44578"),
    ("Versor sro", None, "44579"),
    ("Ashot Mkrtichev", "person", "41736"),
    ("Мкртычев Ашот", None, "41736"),
    ("Mkrtychev Ashot Ashotovich", "person", "41736"),
    ("Ashot Mkrtychev, Moscow", "person", "41736"),
)
STORY_NEGATIVE = (  # must not alert on the story's entities
    ("Ashot Petrosyan", "person"), ("Versa Systems s.r.o.", "organization"),
    ("Alpha Engineering LLP", "organization"), ("Defense Logistics LLP", "organization"),
    ("Castro S/A", "organization"), ("Hayrioglu Tic.", "organization"),
)  # fmt: skip


def split_of(entity_id: str) -> str:
    return SPLITS[hashlib.sha256(entity_id.encode()).digest()[0] % 2]


def generate(
    entities: Sequence[Entity],
    gens: dict[str, Generator],
    per_kind: int,
    seed: int,
    listed: Listed | None = None,
) -> list[bd.ListCase]:
    """``per_kind`` cases of each generator's class from ``entities`` (in a seeded order); a
    typing slip (:data:`bench_classes.SLIP`) that is exactly another entity's name of
    ``listed`` (every listed name, both splits) is that name, and makes no case."""
    order = list(range(len(entities)))
    random.Random(seed).shuffle(order)
    cases: list[bd.ListCase] = []
    for k, (kind, gen) in enumerate(gens.items()):
        rng = random.Random(seed * 1000 + k)
        found = 0
        for idx in order:
            entity = entities[idx]
            made = gen(entity, rng)
            text, note = made if isinstance(made, tuple) else (made, "")
            if text is None or not text.strip():
                continue
            if note == SLIP and listed is not None and _other_name(text, entity, listed):
                continue
            spec = bd.QuerySpec(text.strip(), entity.schema.value)
            cases.append(bd.ListCase(kind, spec, frozenset({entity.id}), entity.caption, note))
            found += 1
            if found >= per_kind:
                break
    return cases


def _other_name(text: str, entity: Entity, listed: Listed) -> bool:
    """Is ``text``, read by the engine, exactly a listed name (``listed``) and none of
    ``entity``'s own ("NIOC" for NICO; not "DSD, OOOO", which reads as its own DSD, OOO)?"""
    if not is_namesake({text}, False, listed):
        return False
    return not is_namesake({text}, False, listed_name_keys([entity]))


def faker_names(count: int, seed: int) -> list[dict[str, str]]:
    from faker import Faker

    rng = random.Random(seed)
    fakers: dict[str, Faker] = {}
    names: list[dict[str, str]] = []
    for i in range(count):
        locale = LOCALES[i % len(LOCALES)]
        if locale not in fakers:
            fakers[locale] = Faker(locale)
            fakers[locale].seed_instance(seed + len(fakers))
        fake = fakers[locale]
        if rng.random() < 0.3:
            names.append({"name": fake.company(), "type": "organization", "locale": locale})
        else:
            names.append({"name": fake.name(), "type": "person", "locale": locale})
    return names


class Split:
    """One split's cases and outcomes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positive: dict[str, list[Outcome]] = {}
        self.negative: dict[str, list[Outcome]] = {}
        self.unlisted: list[Outcome] = []
        self.cross: list[Outcome] = []


def run_split(name: str, engine: Engine, lists: bd.Lists, args: argparse.Namespace) -> Split:
    split = Split(name)
    ents = [e for e in lists.entities if split_of(e.id) == name]
    seed = args.seed + (0 if name == "tune" else 7919)
    cases = generate(ents, GENERATORS, args.per_kind, seed)
    listed = listed_name_keys(lists.entities)
    cases += generate(ents, CLASS_GENERATORS, args.per_kind, seed, listed)
    outs = engine.run(cases)
    engine.check_retrieval(outs)
    for out in outs:
        split.positive.setdefault(out.case.kind, []).append(out)
    for out in engine.run(generate(ents, NEGATIVE_GENERATORS, args.per_kind, seed)):
        split.negative.setdefault(out.case.kind, []).append(out)
    cross = [c for c in bd.cross_cases(lists) if c.kind == "uk->un"]
    cross = [c for c in cross if split_of(next(iter(c.expected))) == name]
    split.cross = engine.run(cross)
    engine.check_retrieval(split.cross)
    raw = faker_names(args.unlisted, seed)
    unlisted, _dropped = bd.unlisted_cases(raw, lists)
    split.unlisted = engine.run(unlisted)
    return split


def negative_alert(out: Outcome) -> bool:
    """A negative case fails when the entity it was made from alerts."""
    return any(m.alert and m.entity_id in out.case.expected for m in out.top)


def story(engine: Engine) -> tuple[int, int, list[str]]:
    ok, failures = 0, []
    total = len(STORY) + len(STORY_NEGATIVE)
    for text, kind, source_id in STORY:
        result = engine.screen(bd.QuerySpec(text, kind))
        first = result.matches[0] if result.matches else None
        if first is not None and first.alert and first.entity_id == f"ofac-sdn-{source_id}":
            ok += 1
        else:
            got = f"{first.entity_id} {first.score:.2f}" if first else "nothing"
            failures.append(f"{text!r} -> expected ofac-sdn-{source_id}, got {got}")
    story_ids = {f"ofac-sdn-{s}" for _, _, s in STORY}
    for text, kind in STORY_NEGATIVE:
        result = engine.screen(bd.QuerySpec(text, kind))
        bad = [m for m in result.matches if m.alert and m.entity_id in story_ids]
        if bad:
            failures.append(f"{text!r} alerts on {bad[0].entity_id} {bad[0].score:.2f}")
        else:
            ok += 1
    return ok, total, failures


def print_split(split: Split, show_failures: int) -> dict[str, float]:
    console.rule(f"[bold]split: {split.name}")
    rows: list[list[object]] = []
    realistic: list[Outcome] = []
    for kind, outs in split.positive.items():
        realistic += outs
        hits = sum(o.hit for o in outs)
        retr = [o.retrieved for o in outs if o.retrieved is not None]
        rows.append([kind, len(outs), pct(hits / max(1, len(outs))),
                     pct(sum(retr) / max(1, len(retr)))])  # fmt: skip
    for kind, outs in split.negative.items():
        bad = sum(negative_alert(o) for o in outs)
        rows.append([kind + " (must not alert)", len(outs), pct(1 - bad / max(1, len(outs))), ""])
    table(f"{split.name}: recall per class", ["class", "queries", "recall", "retrieved"], rows)
    retr_all = [o.retrieved for o in realistic + split.cross if o.retrieved is not None]
    figures = {
        "variants": sum(o.hit for o in realistic) / max(1, len(realistic)),
        "worst class": min(sum(o.hit for o in v) / max(1, len(v)) for v in split.positive.values()),
        "cross": sum(o.hit for o in split.cross) / max(1, len(split.cross)),
        "retrieval": sum(retr_all) / max(1, len(retr_all)),
        "false alerts": sum(o.alert for o in split.unlisted) / max(1, len(split.unlisted)),
    }
    figures.update(_populations(split))
    if show_failures:
        _failures(split, show_failures)
    return figures


def _populations(split: Split) -> dict[str, float]:
    """False alerts per locale and script, counted with namesakes and with them apart.

    A namesake (``bd.NAMESAKE``) is a generated name that is exactly a listed name or alias
    as the engine reads both ("김현우" / KIM Hyon U): a true name match that should alert, left
    out as the fold already leaves out Latin namesakes. The <= 2 % target is judged with
    namesakes apart. Prints the table; returns the worst shares both ways."""
    pops: dict[str, list[Outcome]] = defaultdict(list)
    for o in split.unlisted:
        pops["locale " + o.case.kind.split(":")[1]].append(o)
        pops["script " + script_of(o.case.query.name)].append(o)
    rows = []
    for pop, group in pops.items():
        kept = [o for o in group if o.case.note != bd.NAMESAKE]
        alerts, kept_alerts = sum(o.alert for o in group), sum(o.alert for o in kept)
        rows.append((pop, len(group), alerts, alerts / len(group), len(group) - len(kept),
                     kept_alerts, kept_alerts / max(1, len(kept))))  # fmt: skip
    rows.sort(key=lambda r: (-r[6], -r[3], r[0]))
    table(f"{split.name}: false alerts per population (unlisted Faker names; the target is "
          "judged with namesakes apart)",
          ["population", "names", "alerts", "share", "namesakes", "alerts, namesakes apart",
           "share, namesakes apart"],
          [[p, n, a, pct(s), k, ka, pct(ks)] for p, n, a, s, k, ka, ks in rows])  # fmt: skip
    worst = max(rows, key=lambda r: (r[3], r[1]), default=("-", 0, 0, 0.0, 0, 0, 0.0))
    apart = rows[0] if rows else ("-", 0, 0, 0.0, 0, 0, 0.0)
    console.print(f"worst population: {worst[0]} ({pct(worst[3])} of {worst[1]}); namesakes "
                  f"apart: {apart[0]} ({pct(apart[6])} of {apart[1] - apart[4]})")  # fmt: skip
    kept = [o for o in split.unlisted if o.case.note != bd.NAMESAKE]
    named = len(split.unlisted) - len(kept)
    named_alerts = sum(o.alert for o in split.unlisted) - sum(o.alert for o in kept)
    console.print(f"namesakes apart ({named} names, {named_alerts} of them alerting): false "
                  f"alerts {pct(sum(o.alert for o in kept) / max(1, len(kept)))}")  # fmt: skip
    return {
        "worst population": worst[3],
        "worst, namesakes apart": apart[6],
        "false alerts, namesakes apart": sum(o.alert for o in kept) / max(1, len(kept)),
    }


def _failures(split: Split, count: int) -> None:
    console.print("[bold]failures (tune split only)[/bold]")
    for kind, outs in {**split.positive, "uk->un": split.cross}.items():
        misses = [o for o in outs if not o.hit][:count]
        for o in misses:
            top = "; ".join(f"{m.name} {m.score:.2f}{'!' if m.alert else ''}" for m in o.top)
            console.print(f"  {kind}: {o.case.query.name!r} -> {o.case.source!r} "
                          f"[{o.diag_score:.2f} r{o.diag_rank}] got {top or o.error}",
                          markup=False, highlight=False)  # fmt: skip
    for kind, outs in split.negative.items():
        for o in [o for o in outs if negative_alert(o)][:count]:
            console.print(f"  {kind}: {o.case.query.name!r} alerts on {o.case.source!r}",
                          markup=False, highlight=False)  # fmt: skip
    alerts = sorted((o for o in split.unlisted if o.alert), key=lambda o: -o.top_score)
    for o in alerts[: count * 3]:
        m = o.top[0]
        line = f"  {o.case.kind}: {o.case.query.name!r} -> {m.name} via {m.matched_name!r}"
        console.print(f"{line} {m.score:.2f}", markup=False, highlight=False)


def dump(path: Path, splits: Sequence[Split]) -> None:
    """Every case's outcome (alert, top entities and scores), to compare two engine versions."""
    rows = []
    for split in splits:
        groups = [*split.positive.values(), *split.negative.values(), split.cross, split.unlisted]
        for outs in groups:
            for o in outs:
                rows.append({"split": split.name, "kind": o.case.kind, "query": o.case.query.name,
                             "alert": o.alert, "hit": o.hit,
                             "top": [[m.entity_id, round(m.score, 6)] for m in o.top]})  # fmt: skip
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    console.print(f"wrote {len(rows)} outcomes to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=150, help="queries per class and split")
    parser.add_argument("--unlisted", type=int, default=3000, help="Faker names per split")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--failures", type=int, default=5, help="failures shown (tune split)")
    parser.add_argument("--speed", action="store_true", help="also the cold-pass speed run")
    parser.add_argument("--speed-only", action="store_true", help="only the cold-pass speed run")
    parser.add_argument("--gc", choices=["default", "server", "interpreter", "both"],
                        default="default",
                        help="collector policy of the cold-pass process (default: the one a "
                             "Screener sets, what a user gets)")  # fmt: skip
    parser.add_argument("--speed-queries", type=int, default=3000, help="queries timed (cold)")
    parser.add_argument("--dump", type=Path, help="write every case's outcome to this file")
    args = parser.parse_args()
    started = time.perf_counter()
    console.print(f"load average {os.getloadavg()} on {os.cpu_count()} cores (machine shared)")
    settings = Settings(screen_cache=0)
    lists = bd.load_lists()
    if args.speed_only:
        from bench_cold import cold_speed

        cold_speed(lists, settings, args.seed, args.speed_queries, args.gc)
        return
    screener = Screener.build(lists.entities, settings.matching, lists=lists.published)
    console.print(f"engine {screener.algorithm} {screener.algorithm_version}")
    engine = Engine(screener, settings)
    splits = [run_split(name, engine, lists, args) for name in SPLITS]
    summary: dict[str, dict[str, float]] = {}
    for split in splits:
        summary[split.name] = print_split(split, args.failures if split.name == "tune" else 0)
    ok, total, failures = story(engine)
    for line in failures:
        console.print(f"  story: {line}", markup=False, highlight=False)
    targets = (("variants", 0.99, True), ("worst class", 0.97, True), ("cross", 0.99, True),
               ("retrieval", 0.995, True), ("false alerts", 0.01, False),
               ("false alerts, namesakes apart", 0.01, False),
               ("worst population", 0.02, False),
               ("worst, namesakes apart", 0.02, False))  # fmt: skip
    rows: list[list[object]] = []
    for key, target, higher in targets:
        values = [summary[s][key] for s in SPLITS]
        ok_all = all(v >= target if higher else v <= target for v in values)
        rows.append([key, *(pct(v) for v in values), f"{'≥' if higher else '≤'} {pct(target)}",
                     "ok" if ok_all else "MISS"])  # fmt: skip
    rows.append(["story (both splits)", f"{ok}/{total}", "", "100%",
                 "ok" if ok == total else "MISS"])  # fmt: skip
    table("Targets", ["figure", *SPLITS, "target", ""], rows)
    if args.dump:
        dump(args.dump, splits)
    if args.speed:
        from bench_cold import cold_speed

        cold_speed(lists, settings, args.seed, args.speed_queries, args.gc)
    elapsed = time.perf_counter() - started
    console.print(f"load average {os.getloadavg()}; whole run {elapsed:.0f} s")


if __name__ == "__main__":
    main()
