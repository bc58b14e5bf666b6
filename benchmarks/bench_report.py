"""Printing: quality tables, failure listings grouped by cause, and the side-by-side tables."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from bench_baselines import BaseOutcome
from bench_data import Lists
from bench_metrics import best_f1, console, pct, prf, table
from bench_quality import Outcome, PairOutcome


def pair_rows(
    name: str,
    labels: Sequence[bool],
    systems: Sequence[tuple[str, Sequence[bool], Sequence[float]]],
) -> list[list[object]]:
    """One row per system: P/R/F1 at its default threshold, and the best-F1 threshold."""
    rows: list[list[object]] = []
    for system, alerts, scores in systems:
        at = prf(alerts, labels)
        row: list[object] = [f"{name} · {system}", len(labels), sum(labels), pct(at.precision),
                             pct(at.recall), f"{at.f1:.3f}"]  # fmt: skip
        if all(labels):  # positives only: no threshold trade-off to find
            row += ["-", "-", "-", "-"]
        else:
            t, best = best_f1(scores, labels)
            row += [f"{t:.2f}", pct(best.precision), pct(best.recall), f"{best.f1:.3f}"]
        rows.append(row)
    return rows


PAIR_COLUMNS = ["set · system", "pairs", "pos", "P@default", "R@default", "F1@default",
                "best t", "P@best", "R@best", "F1@best"]  # fmt: skip


def pair_failures(outcomes: Sequence[PairOutcome], count: int, threshold: float) -> None:
    misses = [o for o in outcomes if o.case.match and not o.alert]
    false = [o for o in outcomes if not o.case.match and o.alert]
    lost = sum(o.score >= threshold for o in misses)
    if lost:
        console.print(
            f"  {outcomes[0].case.set}: {lost} of {len(misses)} missed positives score ≥ "
            f"{threshold} once retrieved at a lower floor (lost by retrieval at the default)"
        )
    for title, items, reverse in (("missed", misses, True), ("false alerts", false, True)):
        if not items:
            continue
        items = sorted(items, key=lambda o: o.score, reverse=reverse)[:count]
        console.print(f"  [bold]{outcomes[0].case.set} {title}[/bold] ({len(items)} shown)")
        for o in items:
            cand = o.case.candidate.names[0].full
            extra = f" [{o.case.group}]" if o.case.group else ""
            console.print(
                f"    {o.case.query.name!r} vs {cand!r}: score {o.score:.2f}{extra}",
                highlight=False,
                markup=False,
            )


def cause(out: Outcome, threshold: float) -> str:
    if out.error:
        return "query refused"
    if out.retrieved is False:
        if out.diag_score >= threshold:
            return "lost by retrieval (alerts once retrieved at a lower floor)"
        return "not retrieved (scores < threshold anyway)"
    if out.diag_rank == 0:
        return "retrieved, scored < 0.3"
    if out.diag_score < threshold:
        return "scored below threshold"
    if out.diag_rank > 10:
        return "outranked (not in top 10)"
    return "best name a weak a.k.a. (no alert)"


def list_quality(title: str, groups: dict[str, list[Outcome]]) -> None:
    rows = []
    for kind, outs in groups.items():
        n = len(outs)
        hits = sum(o.hit for o in outs)
        rank1 = sum(o.rank1 for o in outs)
        retrieved = [o.retrieved for o in outs if o.retrieved is not None]
        rows.append([kind, n, pct(hits / n), pct(rank1 / n), n - hits,
                     pct(sum(retrieved) / len(retrieved)) if retrieved else "-"])  # fmt: skip
    table(title, ["kind", "queries", "recall", "rank-1", "missed", "retrieval recall"], rows)


def typo_ops(outs: Sequence[Outcome]) -> None:
    """Typo recall by the kind of edit."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outs:
        groups[o.case.note].append(o)
    rows = [[op, len(g), pct(sum(o.hit for o in g) / len(g)),
             pct(sum(bool(o.retrieved) for o in g) / len(g))]
            for op, g in sorted(groups.items())]  # fmt: skip
    table("Typo recall by edit", ["edit", "queries", "recall", "retrieval recall"], rows)


def list_failures(
    groups: dict[str, list[Outcome]], lists: Lists, threshold: float, count: int
) -> Counter[str]:
    """Print up to ``count`` misses per kind with their cause; return (kind, cause) counts."""
    causes: Counter[str] = Counter()
    for kind, outs in groups.items():
        misses = [o for o in outs if not o.hit]
        if not misses:
            continue
        console.print(f"  [bold]{kind}[/bold]: {len(misses)} missed")
        for o in misses:
            causes[f"{kind}: {cause(o, threshold)}"] += 1
        for o in misses[:count]:
            expected = ", ".join(f"{lists.by_id[e].caption} ({e})" for e in sorted(o.case.expected))
            got = "; ".join(f"{m.name} {m.score:.2f}{'!' if m.alert else ''}" for m in o.top)
            console.print(
                f"    {o.case.query.name!r} -> expected {expected} [{cause(o, threshold)}, "
                f"score {o.diag_score:.2f}, rank {o.diag_rank or '-'}]; got: {got or 'nothing'}",
                highlight=False,
                markup=False,
            )
    return causes


def worst_false_alerts(outs: Sequence[Outcome], count: int) -> None:
    alerts = sorted((o for o in outs if o.alert), key=lambda o: -o.top_score)
    console.print(f"  [bold]worst false alerts[/bold] ({min(count, len(alerts))} of {len(alerts)})")
    for o in alerts[:count]:
        m = o.top[0]
        console.print(
            f"    {o.case.query.name!r} ({o.case.kind.split(':')[1]}, {o.case.query.schema}) -> "
            f"{m.name} via {m.matched_name!r} ({m.entity_id}) {m.score:.2f}",
            highlight=False,
            markup=False,
        )


def script_of(text: str) -> str:
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            for script in ("LATIN", "CYRILLIC", "ARABIC", "HANGUL", "CJK", "HEBREW", "GREEK"):
                if name.startswith(script):
                    return script.lower()
            return "other"
    return "none"


def false_alert_causes(outs: Sequence[Outcome]) -> None:
    """False alerts grouped by the query's script and length, and whether it was a company."""
    groups: Counter[str] = Counter()
    for o in outs:
        if not o.alert:
            continue
        words = len(o.case.query.name.split())
        size = "one word" if words == 1 else f"{min(words, 3)}{'+' if words >= 3 else ''} words"
        kind = "company" if o.case.query.schema != "person" else "person"
        groups[f"{script_of(o.case.query.name)} {kind}, {size}"] += 1
    table("False alerts by query script, type and length", ["group", "alerts"],
          groups.most_common())  # fmt: skip


def by_locale(outs: Sequence[Outcome]) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outs:
        groups[o.case.kind.split(":")[1]].append(o)
    rows = sorted(
        ([loc, len(g), sum(o.alert for o in g), pct(sum(o.alert for o in g) / len(g))]
         for loc, g in groups.items()),
        key=lambda r: -int(str(r[2])),
    )  # fmt: skip
    table("False alerts by Faker locale", ["locale", "names", "alerts", "share"], rows)


def side_by_side(
    listed: Mapping[str, Sequence[tuple[Outcome, BaseOutcome, BaseOutcome]]],
    unlisted: Sequence[tuple[Outcome, BaseOutcome, BaseOutcome]],
    rf_threshold: float,
    lv_threshold: float,
) -> list[list[object]]:
    """Recall per kind and false alerts, for the three systems on the same queries."""
    rows: list[list[object]] = []
    all_rows: list[tuple[Outcome, BaseOutcome, BaseOutcome]] = []
    for kind, items in listed.items():
        all_rows.extend(items)
        rows.append(_recall_row(kind, items, rf_threshold, lv_threshold))
    rows.append(_recall_row("ALL listed", all_rows, rf_threshold, lv_threshold))
    n = len(unlisted)
    if n:
        rows.append([
            "false alerts (unlisted)", n,
            pct(sum(c.alert for c, _, _ in unlisted) / n),
            pct(sum(r.top_score >= rf_threshold for _, r, _ in unlisted) / n),
            pct(sum(lv.top_score >= lv_threshold for _, _, lv in unlisted) / n),
        ])  # fmt: skip
    return rows


def _recall_row(
    kind: str,
    items: Sequence[tuple[Outcome, BaseOutcome, BaseOutcome]],
    rf_threshold: float,
    lv_threshold: float,
) -> list[object]:
    n = len(items)
    return [
        kind,
        n,
        pct(sum(c.hit for c, _, _ in items) / n),
        pct(sum(r.hit(rf_threshold) for _, r, _ in items) / n),
        pct(sum(lv.hit(lv_threshold) for _, _, lv in items) / n),
    ]


def sweep_rows(
    listed: Sequence[float], unlisted: Sequence[float], thresholds: Sequence[float]
) -> list[list[object]]:
    rows: list[list[object]] = []
    for t in thresholds:
        recall = sum(s >= t - 1e-9 for s in listed) / max(1, len(listed))
        fa = sum(s >= t - 1e-9 for s in unlisted) / max(1, len(unlisted))
        rows.append([f"{t:.2f}", pct(recall), pct(fa)])
    return rows
