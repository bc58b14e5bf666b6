"""The upper bound :func:`clearance.matching.names.compare` returns instead of a score that
cannot reach the floor (and :mod:`clearance.matching.prebound` works out for many names at
once, float for float).

The score is the agreement of the paired words over the weight of the words: a paired word
weighs what the lighter side says, and an unpaired query word may weigh less than the query
says (a middle name, a patronymic, a one-letter syllable). So the bound divides the best
agreement by the least weight the words can have (:func:`least_weight`): a query word weighed
in full ("internationla", 1.0) pairs with a low-information listed word ("international",
0.25) at the listed word's weight (issue 11, h146: "A.T.E. INTERNATIONLA LTD." bounded
at 0.43 scores 0.97).
"""

from __future__ import annotations

from clearance.matching.params import NameParams, WordParams
from clearance.matching.weights import WeightedName, query_joins
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import HAN, HANGUL

SYLLABIC = frozenset({HAN, HANGUL})


def bound(
    query: WeightedName,
    candidate: WeightedName,
    triples: list[tuple[float, int, int]],
    params: NameParams,
    min_score: float,
    person: bool,
    words: WordParams,
) -> float | None:
    """An upper bound on the score when it cannot reach ``min_score`` (else ``None``)."""
    nq, nc = len(query.form.tokens), len(candidate.form.tokens)
    qw, cw = query.weights, candidate.weights
    best = [0.0] * nq
    c_best = [0.0] * nc
    for sim, qi, cj in triples:
        if sim > best[qi]:
            best[qi] = sim
        if sim > c_best[cj]:
            c_best[cj] = sim
    # Each word pairs once: neither side can match more than its own best words.
    matched: float = min(dot(best, qw), dot(c_best, cw))
    # (margin: slips may pair words the triples leave out; run-together words are only
    # paired later, so a possible merge disables the shortcut)
    cut = min_score - params.bound_margin
    lam = params.unmatched_candidate_supported
    full = query.total or 1.0  # (the least weight is no more: what reaches cut by it, does)
    if matched / full >= cut:
        lonely, alone = _lonely(c_best, cw)
        if not alone or matched / (full + lam * lonely) >= cut:
            return None
    total = least_weight(query, _lightest(triples, cw, nq), person, params) or 1.0
    if matched / total < cut:  # (then the bound below is lower still: one merge test)
        return None if joinable(query, candidate, person, words) else matched / total
    # Listed words no query word comes near stay unpaired (at the lowest rate).
    lonely, alone = _lonely(c_best, cw)
    if alone:
        reach = matched / (total + lam * lonely)
        if reach < cut and not joinable(query, candidate, person, words):
            return reach
    return None


def _lonely(c_best: list[float], cw: tuple[float, ...]) -> tuple[float, bool]:
    """The weight of the listed words no query word comes near, added in order as sum() adds
    them (a native loop compiled), and whether there is one."""
    lonely, alone = 0.0, False
    for j in range(len(c_best)):
        if not c_best[j] > 0.0:
            lonely += cw[j]
            alone = True
    return lonely, alone


def _lightest(triples: list[tuple[float, int, int]], cw: tuple[float, ...], nq: int) -> list[float]:
    """Per query word, the weight of its lightest possible partner (2.0: none)."""
    lightest = [2.0] * nq
    for _, qi, cj in triples:
        if cw[cj] < lightest[qi]:
            lightest[qi] = cw[cj]
    return lightest


def unpaired_least(query: WeightedName, person: bool, params: NameParams) -> list[float]:
    """Per query word, the least it weighs left unpaired (``compare``'s
    ``_add_unpaired_query``: a patronymic, a one-letter syllable, a middle name weigh less)."""
    q_words, qw = query.form.tokens, query.weights
    nq = len(q_words)
    syllabic = query.form.script in SYLLABIC
    least = min(params.patronymic_weight, params.patronymic_conflict_weight)
    out: list[float] = []
    for i in range(nq):
        weight = qw[i]
        if query.patronymic[i] and least < weight:
            weight = least
        if person and syllabic and len(q_words[i]) == 1 and q_words[i].isalpha():
            weight = min(weight, params.one_letter_syllable_weight)
        middle = 0 < i < nq - 1 and len(q_words[i]) >= params.middle_name_length
        if person and middle and not syllabic:  # (typed syllables keep it: lower still)
            weight = min(weight, qw[i] * params.middle_name_weight)
        out.append(weight)
    return out


def least_weight(
    query: WeightedName, lightest: list[float], person: bool, params: NameParams
) -> float:
    """The least weight the query's words can have: each word paired at its lightest
    partner's weight (``lightest``, 2.0: none) or left unpaired at its least."""
    alone = _alone(query, person, params)
    qw = query.weights
    total = 0.0
    for i, weight in enumerate(alone):
        paired = qw[i] if qw[i] < lightest[i] else lightest[i]
        total += paired if paired < weight else weight
    return total


def _alone(query: WeightedName, person: bool, params: NameParams) -> list[float]:
    """:func:`unpaired_least`, memoised with the query name (as its joins)."""
    both = query.alone
    if both is None:
        both = query.alone = (unpaired_least(query, True, params),
                              unpaired_least(query, False, params))  # fmt: skip
    return both[0] if person else both[1]


def dot(sims: list[float], weights: tuple[float, ...]) -> float:
    """``sum(map(mul, sims, weights))``, summed in the same order (a native loop compiled)."""
    total = 0.0
    for i, sim in enumerate(sims):
        total += sim * weights[i]
    return total


def joinable(query: WeightedName, candidate: WeightedName, person: bool, words: WordParams) -> bool:
    """Could two adjacent words on one side be one word on the other (closely enough for
    :func:`clearance.matching.pairing.merge_adjacent` to pair them)? Only pairs whose length
    is within two letters of the word and that share its first or last letter are compared
    (two edits, one at each end, are not looked for): :func:`clearance.matching.pairing.
    joinable`, its answers for the listed words and word pairs memoised with the query name."""
    return query_joins(query, words).joinable(candidate.form.tokens, person)


def exact_bound(
    query: WeightedName,
    candidate: WeightedName,
    triples: list[tuple[float, int, int]],
    sims: WordSimilarity,
    params: NameParams,
    min_score: float,
    person: bool,
) -> float | None:
    """An upper bound on the score when it is under ``min_score`` (else ``None``), with no
    margin: what :func:`bound` leaves to the full comparison (since 1.32, h155; about half
    the names compared in full scored under the floor).

    Exact because each pair :func:`~clearance.matching.names.compare` can make is one of
    ``triples`` (its word pairs from ``min_word_sim``) at its similarity or less, or, in a
    person's names, the pair of two full-weight words left over, from ``leftover_sim``, when
    two other query words agree closely (:func:`~clearance.matching.slips.pair_leftovers`).
    The pairs it cannot see are ruled out by the caller: two words run together
    (:func:`joinable`, here), a company's code slip or spelt initials, and one distinctive
    word each, whose near-miss may count as a slip (:func:`~clearance.matching.slips.
    single_word_sim`). A listed word no query word can pair with stays unpaired, at the
    lowest rate a listed word costs (a person's: the rate of a query whose words all pair,
    unless one of them cannot); numbers that differ scale the score by
    ``number_conflict_factor``."""
    if query.strong == 1 and candidate.strong == 1:
        return None
    nq, nc = len(query.form.tokens), len(candidate.form.tokens)
    qw, cw = query.weights, candidate.weights
    best = [-1.0] * nq  # (-1.0: no word of the other side can pair with it)
    c_best = [-1.0] * nc
    lightest = [2.0] * nq
    for sim, qi, cj in triples:
        if sim > best[qi]:
            best[qi] = sim
        if sim > c_best[cj]:
            c_best[cj] = sim
        if cw[cj] < lightest[qi]:
            lightest[qi] = cw[cj]
    if person:
        _leftovers(query, candidate, sims, params, best, c_best, lightest)
    # The score reaches ``aim`` only if matched - aim * total does: per query word, the most
    # it adds to that, paired (at its best similarity, at the weight that counts most) or
    # unpaired (at its least weight), and what the listed words no query word comes near take.
    scale = 1.0
    q_nums, c_nums = query.numbers, candidate.numbers
    if (q_nums or c_nums) and q_nums != c_nums:
        scale = params.number_conflict_factor
    if scale <= 0.0:
        return None
    aim = min_score / scale
    alone = _alone(query, person, params)
    gain, stays = 0.0, False  # (stays: a query word no listed word can pair with)
    for i in range(nq):
        unpaired = -aim * alone[i]
        sim = best[i]
        if sim > 0.0:
            light = qw[i] if qw[i] < lightest[i] else lightest[i]
            paired = (sim - aim) * (qw[i] if sim >= aim else light)
            gain += paired if paired > unpaired else unpaired
        else:
            gain += unpaired
            stays = True
    lonely, most = 0.0, 0.0
    for j in range(nc):
        weight = cw[j]
        most += max(weight, params.conflict_word_weight)
        if c_best[j] <= 0.0:
            if candidate.patronymic[j]:
                weight = min(weight, params.patronymic_weight, params.patronymic_conflict_weight)
            lonely += weight
    gain -= aim * _least_rate(params, person, stays) * lonely
    if gain >= -BOUND_EPSILON or joinable(query, candidate, person, sims.params):
        return None
    # matched / total <= aim + gain / total, and the total is at most every word at the most
    # it can weigh: the bound returned (under ``min_score``)
    high = max(params.conflict_word_weight, params.one_letter_syllable_weight)
    most *= _most_rate(params)
    for i in range(nq):
        most += qw[i] if qw[i] > high else high
    return scale * (aim + gain / most)


def _leftovers(
    query: WeightedName,
    candidate: WeightedName,
    sims: WordSimilarity,
    params: NameParams,
    best: list[float],
    c_best: list[float],
    lightest: list[float],
) -> None:
    """The pairs :func:`~clearance.matching.slips.pair_leftovers` may add to a person's names,
    into ``best``, ``c_best`` and ``lightest`` (in place): a full-weight query word with a
    full-weight listed word from ``leftover_sim``, when two other query words may agree
    closely, not patronymics unless a patronymic follows the word (``pairing.supporting``)."""
    close, patronymic = params.supported_sim, query.patronymic
    nq = len(best)
    agree, plain = 0, 0  # (query words that may agree closely; of them not patronymics)
    for i in range(nq):
        if best[i] >= close:
            agree += 1
            if not patronymic[i]:
                plain += 1
    if agree < params.leftover_support:
        return
    q_words, c_words = query.form.tokens, candidate.form.tokens
    qw, cw = query.weights, candidate.weights
    low, support = params.leftover_sim, params.leftover_support
    columns = sims.columns
    for i in range(nq):
        if qw[i] < 1.0:
            continue
        mine = 1 if best[i] >= close else 0  # (the word itself is no support of its own)
        if agree - mine < support:
            continue
        own = 1 if mine and not patronymic[i] else 0
        if plain - own < support and not (i + 1 < nq and patronymic[i + 1]):
            continue
        row = sims.rows[q_words[i]]
        for j in range(len(c_words)):
            sim = row[columns[c_words[j]]]
            if sim >= low and cw[j] >= 1.0:
                if sim > best[i]:
                    best[i] = sim
                if sim > c_best[j]:
                    c_best[j] = sim
                if cw[j] < lightest[i]:
                    lightest[i] = cw[j]


def _least_rate(params: NameParams, person: bool, stays: bool) -> float:
    """The least share of its weight a listed word left unpaired costs (``names.
    _unpaired_listed_factor``; ``stays``: a query word stays unpaired)."""
    if not person:
        return params.unmatched_candidate_org
    lam = params.unmatched_candidate_person
    if params.unmatched_syllable < lam:
        lam = params.unmatched_syllable
    if not stays and params.unmatched_candidate_supported < lam:
        lam = params.unmatched_candidate_supported
    return lam


def _most_rate(params: NameParams) -> float:
    """The most share of its weight a listed word left unpaired costs."""
    return max(params.unmatched_candidate_person, params.unmatched_candidate_org,
               params.unmatched_candidate_supported, params.unmatched_syllable)  # fmt: skip


BOUND_EPSILON = 1e-9  # (sums in another order: a bound a rounding off the score stays above it)
