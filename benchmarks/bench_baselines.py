"""Baselines on the same queries: rapidfuzz brute force, and logic-v2 over its candidates.

(a) ``fuzz.WRatio`` of the query against every listed name (rapidfuzz's default processing),
alert when the best score clears a threshold. (b) nomenklatura ``logic-v2`` scoring the
entities behind the top 20 names of (a); it runs in the separate benchmark venv.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from bench_data import ListCase, PairCase, QuerySpec
from bench_venv import worker_json
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from clearance.ftm import entity_to_ftm
from clearance.model import Entity

TOP_NAMES = 20
CHUNK = 64
FTM_SCHEMAS = {
    "person": "Person",
    "organization": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}


@dataclass
class BaseOutcome:
    """One list-level query scored by a baseline (scores on a 0..1 scale)."""

    case: ListCase
    expected_score: float = 0.0
    top_score: float = 0.0
    top_other: float = 0.0
    top_name: str = ""
    candidates: list[int] = field(default_factory=list)  # entity indexes, best first

    def hit(self, threshold: float) -> bool:
        return self.expected_score >= threshold

    def rank1(self, threshold: float) -> bool:
        return self.hit(threshold) and self.expected_score >= self.top_other - 1e-9


class BruteForce:
    """WRatio over every listed name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        self.ids = [e.id for e in entities]
        names: list[str] = []
        raw: list[str] = []
        owner: list[int] = []
        for i, entity in enumerate(entities):
            for name in entity.names:
                processed = default_process(name.full)
                if processed:
                    names.append(processed)
                    raw.append(name.full)
                    owner.append(i)
        self.names = names
        self.raw = raw
        self.owner = np.asarray(owner, dtype=np.int32)
        self.rows_of: dict[str, npt.NDArray[np.intp]] = {}
        order = np.argsort(self.owner, kind="stable")
        starts = np.searchsorted(self.owner[order], np.arange(len(self.ids)))
        ends = np.searchsorted(self.owner[order], np.arange(len(self.ids)), side="right")
        for i, entity_id in enumerate(self.ids):
            self.rows_of[entity_id] = order[starts[i] : ends[i]]

    def run(self, cases: Sequence[ListCase]) -> list[BaseOutcome]:
        outcomes: list[BaseOutcome] = []
        for start in range(0, len(cases), CHUNK):
            chunk = cases[start : start + CHUNK]
            queries = [default_process(c.query.name) for c in chunk]
            matrix = process.cdist(queries, self.names, scorer=fuzz.WRatio, processor=None,
                                   dtype=np.float32, workers=-1)  # fmt: skip
            for case, row in zip(chunk, matrix, strict=True):
                outcomes.append(self._outcome(case, row / 100.0))
        return outcomes

    def _outcome(self, case: ListCase, row: npt.NDArray[np.float32]) -> BaseOutcome:
        out = BaseOutcome(case)
        rows = [self.rows_of[e] for e in case.expected if e in self.rows_of]
        expected_rows = np.concatenate(rows) if rows else np.empty(0, dtype=np.intp)
        if len(expected_rows):
            out.expected_score = float(row[expected_rows].max())
        best = int(row.argmax())
        out.top_score = float(row[best])
        out.top_name = self.raw[best]
        masked = row.copy()
        masked[expected_rows] = -1.0
        out.top_other = max(0.0, float(masked.max()))
        top = np.argpartition(-row, TOP_NAMES)[:TOP_NAMES]
        top = top[np.argsort(-row[top], kind="stable")]
        seen: dict[int, None] = {}
        for r in top.tolist():
            seen.setdefault(int(self.owner[r]), None)
        out.candidates = list(seen)
        return out

    def time_per_query(self, specs: Sequence[QuerySpec]) -> tuple[float, float]:
        """Mean wall and CPU seconds per query of ``process.extract`` (top 20, one thread)."""
        started, cpu = time.perf_counter(), time.thread_time()
        for spec in specs:
            process.extract(default_process(spec.name), self.names, scorer=fuzz.WRatio,
                            processor=None, limit=TOP_NAMES)  # fmt: skip
        n = max(1, len(specs))
        return (time.perf_counter() - started) / n, (time.thread_time() - cpu) / n


def pair_wratio(case: PairCase) -> float:
    query = default_process(case.query.name)
    names = [default_process(n.full) for n in case.candidate.names]
    return max((fuzz.WRatio(query, n) for n in names if n), default=0.0) / 100.0


# -- logic-v2 -------------------------------------------------------------------------------
def query_ftm(spec: QuerySpec) -> dict[str, object]:
    schema = FTM_SCHEMAS.get(spec.schema or "", "LegalEntity")
    props: dict[str, list[str]] = {"name": [spec.name]}
    if spec.dob and schema == "Person":
        props["birthDate"] = [spec.dob]
    if spec.countries:
        props["country"] = [c.lower() for c in spec.countries]
    return {"schema": schema, "properties": props}


@dataclass
class LogicV2Run:
    scores: list[list[float]]
    seconds_per_pair: float  # CPU
    seconds_per_query: float  # CPU
    warmup_seconds: float
    wall_seconds: float


def logic_v2(tasks: list[dict[str, object]]) -> LogicV2Run:
    started = time.perf_counter()
    answer = worker_json("logic-v2", {"tasks": tasks})
    wall = time.perf_counter() - started
    pairs = max(1, answer["pairs"])
    per_query = answer["per_query"]
    return LogicV2Run(
        answer["scores"],
        answer["cpu_seconds"] / pairs,
        sum(per_query) / max(1, len(per_query)),
        answer["warmup_seconds"],
        wall,
    )


def logic_v2_tasks(
    brute: BruteForce, outcomes: Sequence[BaseOutcome], cache: dict[int, dict[str, object]]
) -> list[dict[str, object]]:
    tasks: list[dict[str, object]] = []
    for out in outcomes:
        cands = []
        for idx in out.candidates:
            if idx not in cache:
                cache[idx] = entity_to_ftm(brute.entities[idx])
            cands.append(cache[idx])
        tasks.append({"query": query_ftm(out.case.query), "candidates": cands})
    return tasks


def logic_v2_outcomes(
    brute: BruteForce, outcomes: Sequence[BaseOutcome], scores: Sequence[Sequence[float]]
) -> list[BaseOutcome]:
    """logic-v2's view of each query: its scores over the brute-force candidates."""
    result: list[BaseOutcome] = []
    for out, row in zip(outcomes, scores, strict=True):
        lv = BaseOutcome(out.case, candidates=out.candidates)
        for idx, score in zip(out.candidates, row, strict=True):
            entity = brute.entities[idx]
            if entity.id in out.case.expected:
                lv.expected_score = max(lv.expected_score, score)
            else:
                lv.top_other = max(lv.top_other, score)
            if score > lv.top_score:
                lv.top_score, lv.top_name = score, entity.caption
        result.append(lv)
    return result


def pair_tasks(cases: Sequence[PairCase]) -> list[dict[str, object]]:
    return [
        {"query": query_ftm(c.query), "candidates": [entity_to_ftm(c.candidate)]} for c in cases
    ]
