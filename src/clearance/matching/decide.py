"""From an entity's best name to a match: the name the query writes exactly
(``exact_best``), a generation the listed person's other names write (``generation_checked``),
and the features and the alert decision (``decide``); what :class:`~.engine.Screener` does
with each entity it scored.
"""

from __future__ import annotations

from clearance.matching.algorithm import Algorithm
from clearance.matching.comparison import NameComparison
from clearance.matching.exact import exact_comparison
from clearance.matching.features import FEATURES, Candidate, alias_trust, combine
from clearance.matching.index import KIND_LATIN, EntityInfo, NameIndex, NameRecord
from clearance.matching.numerals import generation_conflict
from clearance.matching.query import Query
from clearance.matching.records import RecordMaker
from clearance.matching.result import FeatureResult, Match
from clearance.matching.retrieve import QueryForm


def generation_checked(
    index: NameIndex, algo: Algorithm, best: tuple[float, int, QueryForm, NameComparison],
    ent: int, generations: frozenset[int],
) -> tuple[float, int, QueryForm, NameComparison]:  # fmt: skip
    """``best`` with the number-conflict factor when the listed person's other names write
    another generation than the query's (:func:`numerals.generation_conflict`)."""
    key, rec, qform, comp = best
    tokens = index.rec_tokens
    kinds = index.rec_kind  # (a skeleton's words are no numerals: "three" -> "sr")
    others = [tokens[r] for r in index.entity_records(ent) if r != rec and kinds[r] == KIND_LATIN]
    if not generation_conflict(generations, tokens[rec], others):
        return best
    factor = algo.names.number_conflict_factor
    comp = comp.scaled(factor)
    comp.number_conflict = True
    return key * factor, rec, qform, comp


def exact_best(
    index: NameIndex,
    algo: Algorithm,
    best: tuple[float, int, QueryForm, NameComparison] | None,
    rec_ids: list[int],
    exact: dict[int, bool],
    weak_cap: float,
) -> tuple[float, int, QueryForm, NameComparison] | None:
    """``best``, or the entity's name that the query writes exactly (see :mod:`exact`)
    when that ranks higher: the query read as that name, every word paired, score 1.0
    (a weak a.k.a. ranked at most ``weak_cap``: :func:`weak_rank_cap`)."""
    for r in rec_ids:
        weak = exact.get(r)
        if weak is None:
            continue
        key = alias_trust(weak, algo.features) - (algo.weak_tie_break if weak else 0)
        key = min(key, weak_cap) if weak else key
        if best is None or key > best[0]:
            record = index.record(r)
            qform = QueryForm(record.name.form, index.rec_kind[r])
            best = (key, r, qform, exact_comparison(index.rec_tokens[r]))
    return best


def decide(
    algo: Algorithm,
    maker: RecordMaker,
    query: Query,
    info: EntityInfo,
    records: dict[int, NameRecord],
    best: tuple[float, int, QueryForm, NameComparison] | None,
    threshold: float,
    weak_alerts: bool,
    explain: bool,
) -> Match | None:
    if best is None:
        cand = Candidate(info, info.caption, None, None, None, False, explain)
    else:
        _, rec_id, qform, comp = best
        record = records.get(rec_id)
        if record is None:  # (bounded out, or its comparison shared: made now)
            record = records[rec_id] = maker.make(rec_id)
        cand = Candidate(info, record.text, record.form, qform.form, comp, record.weak, explain)
    results: list[FeatureResult] = []
    for feature in FEATURES:
        res = feature(query, cand, algo.features)
        if res is not None:
            results.append(res)
    score, id_match = combine(results, algo.features)
    if score < algo.min_reported and not id_match:
        return None
    alert = score >= threshold and (id_match or not cand.weak or weak_alerts)
    return Match(
        entity_id=info.id,
        list=info.list,
        source_id=info.source_id,
        schema=info.schema.value,
        name=info.caption,
        matched_name=cand.name_text,
        score=score,
        alert=alert,
        features=tuple(results) if explain else (),
    )
