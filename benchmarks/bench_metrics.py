"""Metrics (precision, recall, F1, best-F1 threshold, percentiles) and table printing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

console = Console(width=140)


@dataclass(frozen=True, slots=True)
class PRF:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def prf(predicted: Sequence[bool], labels: Sequence[bool]) -> PRF:
    tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels, strict=True) if not p and y)
    return PRF(tp, fp, fn, len(labels) - tp - fp - fn)


def best_f1(scores: Sequence[float], labels: Sequence[bool]) -> tuple[float, PRF]:
    """The threshold (0.01 grid) with the best F1 (the highest such threshold on ties)."""
    best_t, best = 1.0, prf([s >= 1.0 for s in scores], labels)
    for step in range(100, -1, -1):
        t = step / 100
        res = prf([s >= t - 1e-9 for s in scores], labels)
        if res.f1 > best.f1 + 1e-12:
            best_t, best = t, res
    return best_t, best


def pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[idx]


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    out = Table(title=title, title_justify="left", title_style="bold")
    for i, col in enumerate(columns):
        out.add_column(col, justify="left" if i == 0 else "right", overflow="fold")
    for row in rows:
        out.add_row(*(str(c) for c in row))
    console.print(out)


def mark(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "[green]ok[/green]" if ok else "[red]MISS[/red]"
