"""Run the Clearance engine over benchmark cases and collect outcomes.

Everything goes through the public engine API (``Screener.screen``); retrieval recall uses
``clearance.matching.retrieve.retrieve`` with the floor the engine itself computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bench_data import ListCase, PairCase, QuerySpec

from clearance.errors import QueryError
from clearance.matching.engine import Screener, query_forms
from clearance.matching.query import Query, ScreenOptions, make_query
from clearance.matching.result import Match, ScreeningResult
from clearance.matching.retrieve import retrieve
from clearance.model import Schema
from clearance.settings import Settings

SWEEP_THRESHOLD = 0.5  # a low threshold: scores of near misses are returned for the sweep
DIAG_THRESHOLD = 0.3  # misses are screened again this low to see where the expected entity went
LIMIT = 10


def to_query(spec: QuerySpec) -> Query:
    """The engine query for ``spec``; a DOB or country the engine refuses is left out."""
    try:
        return make_query(spec.name, type=spec.schema, dob=spec.dob, country=list(spec.countries))
    except QueryError:
        pass
    try:
        return make_query(spec.name, type=spec.schema, dob=spec.dob)
    except QueryError:
        return make_query(spec.name, type=spec.schema)


def alertable(match: Match) -> bool:
    """A match that alerts once its score clears the threshold (not a weak a.k.a. alone)."""
    return not any(f.name == "weak_alias" for f in match.features)


@dataclass
class Outcome:
    """One list-level query: did the expected entity alert, and what came back."""

    case: ListCase
    hit: bool = False  # an expected entity alerted within the returned matches
    rank1: bool = False  # ... and scored as high as the first match
    alert: bool = False  # anything alerted
    expected_score: float = 0.0  # best score of an expected entity (low-threshold screen)
    top_score: float = 0.0  # best alertable score of any entity (low-threshold screen)
    top_other: float = 0.0  # best alertable score of an entity not expected
    top: list[Match] = field(default_factory=list)
    retrieved: bool | None = None  # expected entity among the retrieved candidates
    error: str | None = None
    diag_score: float = 0.0  # for misses: the expected entity's score at a low threshold
    diag_rank: int = 0  # ... and its rank there (0: not returned)


def judge(case: ListCase, result: ScreeningResult, low: ScreeningResult | None) -> Outcome:
    out = Outcome(case, alert=result.alert, top=list(result.matches[:3]))
    first = result.matches[0].score if result.matches else 0.0
    for match in result.matches:
        if match.entity_id in case.expected and match.alert:
            out.hit = True
            out.rank1 = match.score >= first - 1e-9
            break
    for match in (low or result).matches:
        if match.entity_id in case.expected:
            out.expected_score = max(out.expected_score, match.score)
        if alertable(match):
            out.top_score = max(out.top_score, match.score)
            if match.entity_id not in case.expected:
                out.top_other = max(out.top_other, match.score)
    return out


class Engine:
    """A Screener plus the helpers the benchmark needs."""

    def __init__(self, screener: Screener, settings: Settings) -> None:
        self.screener = screener
        self.settings = settings

    def screen(
        self, spec: QuerySpec, threshold: float | None = None, limit: int = LIMIT
    ) -> ScreeningResult:
        return self.screener.screen(to_query(spec), ScreenOptions(limit=limit, threshold=threshold))

    def run(self, cases: Sequence[ListCase], sweep: bool = False) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for case in cases:
            try:
                result = self.screen(case.query)
                low = self.screen(case.query, SWEEP_THRESHOLD) if sweep else None
            except QueryError as exc:
                outcomes.append(Outcome(case, error=str(exc)))
                continue
            out = judge(case, result, low)
            if case.expected and not out.hit:
                diag = self.screen(case.query, DIAG_THRESHOLD, limit=100)
                for rank, match in enumerate(diag.matches, 1):
                    if match.entity_id in case.expected:
                        out.diag_score, out.diag_rank = match.score, rank
                        break
            outcomes.append(out)
        return outcomes

    def retrieved_entities(self, spec: QuerySpec) -> set[str]:
        """Entity ids among the candidates retrieved before scoring, at the engine's floor."""
        screener = self.screener
        algo = screener.algo
        floor = algo.floor(self.settings.threshold)
        query = to_query(spec)
        forms = query_forms(query, algo.trust, screener.index.vocab)  # (as the engine screens)
        records = retrieve(screener.index, forms, floor=floor,
                           params=algo.names, retrieval=algo.retrieval, words=algo.words,
                           person=query.schema is Schema.PERSON)  # fmt: skip
        index: Any = screener.index
        if hasattr(index, "rec_entity"):  # columnar index layout
            return {index.ent_id[index.rec_entity[r]] for r in records}
        return {index.entities[index.records[r].entity].id for r in records}

    def check_retrieval(self, outcomes: Sequence[Outcome]) -> None:
        for out in outcomes:
            if out.case.expected and out.error is None:
                out.retrieved = bool(self.retrieved_entities(out.case.query) & out.case.expected)


@dataclass
class PairOutcome:
    case: PairCase
    alert: bool  # alert at the default threshold
    score: float  # best alertable score (low-threshold screen), for the sweep
    matched: str = ""


def run_pairs(cases: Sequence[PairCase], settings: Settings) -> list[PairOutcome]:
    """Score each pair's query against an index holding only its candidate."""
    outcomes: list[PairOutcome] = []
    for case in cases:
        screener = Screener.build([case.candidate], settings.matching)
        try:
            query = to_query(case.query)
        except QueryError:
            outcomes.append(PairOutcome(case, False, 0.0, "query refused"))
            continue
        result = screener.screen(query, ScreenOptions(limit=1))
        low = screener.screen(query, ScreenOptions(limit=1, threshold=SWEEP_THRESHOLD))
        score = max((m.score for m in low.matches if alertable(m)), default=0.0)
        matched = low.matches[0].matched_name if low.matches else ""
        outcomes.append(PairOutcome(case, result.alert, score, matched))
    return outcomes
