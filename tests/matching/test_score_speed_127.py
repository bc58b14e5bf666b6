"""Cold-pass cuts on the scoring side (h123, issue 11): each agrees with the general path it
replaces (written out here as it was). A name's bound adds the query's weights once per query
name (``WeightedName.total``) and the lonely listed words' weights in a native loop; the array
bounds read the single-precision similarities as computed (``WordSimilarity.arrays``) rather
than converting the rows' Python floats back; the name-word table is read letter by letter
when the screener loads, not on the first Arabic-script query."""

from __future__ import annotations

import random

import numpy as np

from clearance.matching import compounds
from clearance.matching.alignment import word_pairs
from clearance.matching.engine import Screener
from clearance.matching.namebound import bound as _bound
from clearance.matching.namebound import least_weight
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams, WordParams
from clearance.matching.slips import is_slip
from clearance.matching.weights import WeightedName, weigh
from clearance.matching.wordsim import WordSimilarity, similarity_rows
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

_WORDS = ("jong", "un", "jongun", "kim", "il", "sung", "abdul", "rahman", "abdulrahman", "al",
          "rashid", "mohammed", "muhammad", "bin", "laden", "a", "k", "s", "holding", "co",
          "company", "ltd", "neft", "gaz", "neftegaz", "ivan", "ivanov", "ivanovich", "12",
          "wei", "vei", "khalid", "halid", "zhang", "yang", "trading", "group", "petrov",
          "aleksandr", "alexander", "sergeevich", "hassan", "hasan", "ali", "aly")  # fmt: skip


def _weighed(words: tuple[str, ...], params: NameParams) -> WeightedName:
    (form,) = [f for f in analyse(" ".join(words), split_forms=False) if not f.native][:1]
    return weigh(form, params)


def _bound_as_summed(
    query: WeightedName,
    candidate: WeightedName,
    triples: list[tuple[float, int, int]],
    params: NameParams,
    min_score: float,
    person: bool,
    sims: WordSimilarity,
) -> tuple[float, float] | None:
    """The bound's two figures as 1.26 worked them out (``sum()``; the run-together veto is
    the same call in both and left out): ``(matched / total, reach)``, or ``None``; divided
    by the least weight of the query's words (h146, issue 11); with the pairs a person's
    leftovers may add, a slip of one distinctive word each at ``slip_sim`` and a listed
    patronymic left over at its least (h159, issue 11)."""
    q_words, c_words = query.form.tokens, candidate.form.tokens
    nq, nc = len(q_words), len(c_words)
    qw, cw = query.weights, candidate.weights
    firm = [max([s for s, i, _ in triples if i == qi], default=0.0) for qi in range(nq)]
    if person and nq == nc > 2 and sum(b >= params.supported_sim for b in firm) >= 2:
        triples = triples + [
            (s, i, j) for i in range(nq) for j in range(nc)
            if qw[i] >= 1.0 and cw[j] >= 1.0
            and params.leftover_sim <= (s := sims.rows[q_words[i]][sims.columns[c_words[j]]]) < 0.5
        ]  # fmt: skip
    if query.strong == 1 and candidate.strong == 1:
        triples = [(params.slip_sim if s < params.slip_sim and qw[i] >= 1.0
                    and is_slip(q_words[i], c_words[j], params, whole=True) else s, i, j)
                   for s, i, j in triples]  # fmt: skip
    best = [0.0] * nq
    c_best = [0.0] * nc
    for sim, qi, cj in triples:
        best[qi] = max(best[qi], sim)
        c_best[cj] = max(c_best[cj], sim)
    c_hit = [b > 0.0 for b in c_best]
    matched = min(sum(map(float.__mul__, best, query.weights)),
                  sum(map(float.__mul__, c_best, candidate.weights)))  # fmt: skip
    lightest = [min([candidate.weights[j] for _, i, j in triples if i == qi], default=2.0)
                for qi in range(nq)]  # fmt: skip
    total = least_weight(query, lightest, person, params) or 1.0
    cut = min_score - params.bound_margin
    if matched / total < cut:
        return matched / total, matched / total
    if not all(c_hit):
        lonely = sum(min(w, 0.35) if p else w
                     for w, p, hit in zip(cw, candidate.patronymic, c_hit, strict=True)
                     if not hit)  # fmt: skip
        reach = matched / (total + params.unmatched_candidate_supported * lonely)
        if reach < cut:
            return matched / total, reach
    return None


def test_bounds_agree_with_the_bounds_summed_as_before() -> None:
    rng = random.Random(127)
    params, words = NameParams(), WordParams()
    seen = {"none": 0, "bound": 0}
    for _ in range(300):
        q = tuple(rng.sample(_WORDS, rng.randint(1, 4)))
        c = tuple(rng.sample(_WORDS, rng.randint(1, 5)))
        query, cand = _weighed(q, params), _weighed(c, params)
        assert query.total == sum(query.weights)
        sims = WordSimilarity(query.form.tokens, cand.form.tokens, params=words)
        for person in (True, False):
            triples = word_pairs(query.form.tokens, cand.form.tokens, sims, person)
            for min_score in (0.3, 0.6, 0.9):
                got = _bound(query, cand, list(triples), params, min_score, person, sims)
                want = _bound_as_summed(query, cand, triples, params, min_score, person, sims)
                if want is None:
                    assert got is None, (q, c, person, min_score)
                    seen["none"] += 1
                elif got is not None:  # (else vetoed: a run-together pair, the same test)
                    assert got in want, (q, c, person, min_score, got, want)
                    seen["bound"] += 1
    assert seen["none"] > 50 and seen["bound"] > 50


def test_a_word_similarity_keeps_its_rows_as_single_precision_arrays() -> None:
    rng = random.Random(5)
    for _ in range(100):
        q = sorted(set(rng.sample(_WORDS, rng.randint(1, 5))))
        c = sorted(set(rng.sample(_WORDS, rng.randint(1, 30))))
        sims = WordSimilarity(q, c)
        rows = similarity_rows(q, c, respelt=True)
        assert [sims.rows[w] for w in q] == rows
        for w, row in zip(q, rows, strict=True):
            widened = np.frombuffer(sims.arrays[w], dtype=np.float32).astype(np.float64)
            # (the array bounds' matrix, as it was made from the rows' Python floats)
            assert np.array_equal(widened, np.array(row, dtype=np.float64))
            assert widened.tolist() == row


def test_the_name_word_table_is_read_when_the_screener_loads() -> None:
    compounds._letter_readings.cache_clear()
    Screener.build([e("person", "Ali Reza Balali")], MatchingPolicy(screen_cache=0))
    assert compounds._letter_readings.cache_info().currsize == 1
    assert compounds.common_word("rda")
