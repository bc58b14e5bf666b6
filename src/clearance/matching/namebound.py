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

The pairs it counts are every pair ``compare`` can make (h159, issue 11): the word
similarities' triples, the one word left on each side of a person's name that
:func:`~clearance.matching.slips.pair_leftovers` pairs under the least similarity
(:func:`leftover_pairs`), a typing slip of one distinctive word each at ``slip_sim``
(:func:`_slips`), and no bound where words may run together (:func:`joinable`). A listed word
no query word comes near costs at least the least rate of its least weight (a patronymic:
:func:`least_patronymic`). ("Mohamed Ale Nkalubo" / MOHAMED ALI NKALUBO was bounded at 0.615
and scores 0.767.)
"""

from __future__ import annotations

from clearance.matching.params import NameParams, WordParams
from clearance.matching.slips import is_slip
from clearance.matching.weights import WeightedName, query_joins
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import HAN, HANGUL, LATIN

SYLLABIC = frozenset({HAN, HANGUL})


def bound(
    query: WeightedName,
    candidate: WeightedName,
    triples: list[tuple[float, int, int]],
    params: NameParams,
    min_score: float,
    person: bool,
    sims: WordSimilarity,
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
    if person and nq == nc and nq > params.leftover_support and query.form.script not in SYLLABIC:
        # (the one word left on each side pairs however low: slips.pair_leftovers)
        extra = leftover_pairs(query, candidate, best, sims, params)
        if extra:
            triples = triples + extra
            for sim, qi, cj in extra:
                if sim > best[qi]:
                    best[qi] = sim
                if sim > c_best[cj]:
                    c_best[cj] = sim
    if query.strong == 1 and candidate.strong == 1:
        # (one distinctive word each: a typing slip counts params.slip_sim, single_word_sim)
        _slips(query, candidate, triples, best, c_best, params)
    # Each word pairs once: neither side can match more than its own best words.
    matched: float = min(dot(best, qw), dot(c_best, cw))
    # (run-together words are only paired later, so a possible merge disables the shortcut)
    cut = min_score - params.bound_margin
    full = query.total or 1.0  # (the least weight is no more: what reaches cut by it, does)
    words = sims.params
    if matched / full >= cut:
        lonely, alone = _lonely(c_best, cw, candidate.patronymic, params)
        if not alone or matched / (full + least_listed_rate(params) * lonely) >= cut:
            return None
    total = least_weight(query, _lightest(triples, cw, nq), person, params) or 1.0
    if matched / total < cut:  # (then the bound below is lower still: one merge test)
        return None if joinable(query, candidate, person, words) else matched / total
    # Listed words no query word comes near stay unpaired (at the lowest rate).
    lonely, alone = _lonely(c_best, cw, candidate.patronymic, params)
    if alone:
        reach = matched / (total + least_listed_rate(params) * lonely)
        if reach < cut and not joinable(query, candidate, person, words):
            return reach
    return None


def least_listed_rate(params: NameParams) -> float:
    """The least share of its weight a listed word left unpaired costs (``compare``'s
    ``_unpaired_listed_factor`` and syllable names)."""
    rate = params.unmatched_candidate_supported  # (plain comparisons: native, compiled)
    if params.unmatched_candidate_person < rate:
        rate = params.unmatched_candidate_person
    if params.unmatched_candidate_org < rate:
        rate = params.unmatched_candidate_org
    if params.unmatched_syllable < rate:
        rate = params.unmatched_syllable
    return rate


def least_patronymic(params: NameParams) -> float:
    """The least a patronymic weighs left unpaired (either side; two that disagree weigh
    more)."""
    return min(params.patronymic_weight, params.patronymic_conflict_weight)


def leftover_pairs(
    query: WeightedName,
    candidate: WeightedName,
    best: list[float],
    sims: WordSimilarity,
    params: NameParams,
) -> list[tuple[float, int, int]]:
    """The pairs :func:`~clearance.matching.slips.pair_leftovers` may add that the word
    similarities leave out (a person's name, as many words as the listed one, not syllables):
    when two query words or more may agree closely, two words of full weight under the least
    similarity (``sims.least``), from ``params.leftover_sim``. ("Mohamed Ale Nkalubo" /
    MOHAMED ALI NKALUBO: "ale" / ALI, 0.3, bounded out at 0.615, scores 0.767.)"""
    close = 0
    for sim in best:
        if sim >= params.supported_sim:
            close += 1
    if close < params.leftover_support:
        return []
    qw, cw = query.weights, candidate.weights
    rows, columns = sims.rows, sims.columns
    c_words = candidate.form.tokens
    low, least = params.leftover_sim, sims.least
    out: list[tuple[float, int, int]] = []
    for qi, word in enumerate(query.form.tokens):
        if qw[qi] < 1.0:
            continue
        row = rows[word]
        for cj, c_word in enumerate(c_words):
            sim = row[columns[c_word]]
            if cw[cj] >= 1.0 and low <= sim < least:
                out.append((sim, qi, cj))
    return out


def _slips(
    query: WeightedName,
    candidate: WeightedName,
    triples: list[tuple[float, int, int]],
    best: list[float],
    c_best: list[float],
    params: NameParams,
) -> None:
    """Raise ``best`` and ``c_best`` (in place) to ``params.slip_sim`` where a pair under it
    of a query word of full weight may be a typing slip (one distinctive word each:
    :func:`~clearance.matching.slips.single_word_sim`, with the rest of the names agreeing)."""
    slip = params.slip_sim
    qw = query.weights
    q_words, c_words = query.form.tokens, candidate.form.tokens
    typed = query.form.script == LATIN
    for sim, qi, cj in triples:
        if not (sim < slip and qw[qi] >= 1.0 and (best[qi] < slip or c_best[cj] < slip)):
            continue
        if is_slip(q_words[qi], c_words[cj], params, typed=typed, whole=True):
            if best[qi] < slip:
                best[qi] = slip
            if c_best[cj] < slip:
                c_best[cj] = slip


def _lonely(
    c_best: list[float], cw: tuple[float, ...], patronymic: tuple[bool, ...], params: NameParams
) -> tuple[float, bool]:
    """The least weight of the listed words no query word comes near (a patronymic at
    :func:`least_patronymic`), added in order as sum() adds them (a native loop compiled),
    and whether there is one."""
    lonely, alone = 0.0, False
    for j in range(len(c_best)):
        if not c_best[j] > 0.0:
            weight = cw[j]
            if patronymic[j]:
                least = least_patronymic(params)
                if least < weight:
                    weight = least
            lonely += weight
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
    both = query.alone
    if both is None:  # (memoised with the query name, as its joins)
        both = query.alone = (unpaired_least(query, True, params),
                              unpaired_least(query, False, params))  # fmt: skip
    alone = both[0] if person else both[1]
    qw = query.weights
    total = 0.0
    for i, weight in enumerate(alone):
        paired = qw[i] if qw[i] < lightest[i] else lightest[i]
        total += paired if paired < weight else weight
    return total


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
