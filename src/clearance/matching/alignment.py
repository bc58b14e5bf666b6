"""Which words of two names pair: the pairs that may be made (``word_pairs``), each word
paired at most once, best pairs first, with run-together words merged (``pair_words``),
and the words left over paired by the slips a name's kind allows (``pair_more``); what
:func:`clearance.matching.names.compare` weighs.
"""

from __future__ import annotations

from clearance.matching.compounds import read_from_arabic, undo_arabic_pairs, undo_other_consonants
from clearance.matching.initials import first_initial, given_twice, last_full_word
from clearance.matching.memo import sim_rows
from clearance.matching.pairing import (
    loose,
    may_merge_closely,
    merge_adjacent,
    mergeable,
    pair_initial_runs,
)
from clearance.matching.params import NameParams, WordParams
from clearance.matching.romanisations import strict_merges
from clearance.matching.slips import pair_code_slip, pair_leftovers
from clearance.matching.weights import WeightedName, query_joins
from clearance.matching.wordsim import WordSimilarity
from clearance.scripts import HAN, HANGUL, LATIN

SYLLABIC_SCRIPTS = frozenset({HAN, HANGUL})


def word_pairs(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    sims: WordSimilarity,
    person: bool,
    family: int = 0,
) -> list[tuple[float, int, int]]:
    """``(similarity, query word, listed word)`` for every pair that may be paired (an
    initial before the query's last full word not with a word of the listed ``family`` name:
    people abbreviate given names, ``clearance.matching.initials``)."""
    columns = sims.columns
    cols = [columns[w] for w in c_words]
    least, same = sims.least, sims.same
    triples: list[tuple[float, int, int]] = []
    # An initial stands for a word only in a person's name: in "S.O.C." or "Zeel - M" a
    # letter is an abbreviation or a designator, not the first letter of the query's word.
    c_single: list[bool] | None = None
    c_initial = False  # (a listed initial; a plain loop: any() of a list is a generic call)
    if not person:
        c_single = [len(w) == 1 for w in c_words]
        for single in c_single:
            c_initial = c_initial or single
    rows = sims.rows
    last = first = -1
    twice = 0  # (its family's word written twice: "ISSA, Issa Osman")
    if family and person:
        first = first_initial(q_words)  # (most queries have none: nothing more to do)
        if first >= 0:
            last, twice = last_full_word(q_words), given_twice(c_words, family)
    for qi, word in enumerate(q_words):
        row = rows[word]
        initial = qi < last and len(word) == 1
        if initial or (twice and first < qi and len(word) > 1):
            for cj, col in enumerate(cols):
                sim = row[col]
                if sim >= least and not (
                    ((family >> cj) & 1 and len(c_words[cj]) > 1) if initial else (twice >> cj) & 1
                ):
                    triples.append((sim, qi, cj))
            continue
        if c_single is not None and (len(word) == 1 or c_initial):
            q_single = len(word) == 1
            for cj, col in enumerate(cols):
                sim = row[col]
                if sim >= least and (q_single == c_single[cj] or sim >= same):
                    triples.append((sim, qi, cj))
            continue
        for cj, col in enumerate(cols):  # (a plain loop: mypyc indexes the lists natively)
            sim = row[col]
            if sim >= least:
                triples.append((sim, qi, cj))
    return triples


def pair_words(
    triples: list[tuple[float, int, int]],
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    person: bool,
    words: WordParams,
    query: WeightedName | None = None,
) -> tuple[list[tuple[int, int, float, int, int]], list[bool], list[bool]]:
    """Pair each word at most once, best pairs first; run-together words merged (``query``:
    the query name, whose run-together test rules the close merges out without a look)."""
    nq, nc = len(q_words), len(c_words)
    triples.sort(reverse=True)
    q_used = [False] * nq
    c_used = [False] * nc
    pairs: list[tuple[int, int, float, int, int]] = []  # qi, cj, sim, q_span, c_span
    rows = sim_rows(words)
    close = words.close_sim
    may_merge = nq != nc and loose(triples, nq, nc, close)
    if may_merge and query is not None:  # (the query's run-together test rules most out)
        may_merge = may_merge_closely(query_joins(query, words), c_words, person, close)
    if may_merge:
        # "Jongun" / "Jong Un": run-together words first, when they agree closely.
        merge_adjacent(q_words, c_words, q_used, c_used, pairs, close, person, rows)
    for sim, qi, cj in triples:
        if not q_used[qi] and not c_used[cj]:
            q_used[qi] = c_used[cj] = True
            pairs.append((qi, cj, sim, 1, 1))
    if len(pairs) < nq and len(pairs) < nc and mergeable(q_used, c_used):
        merge_adjacent(q_words, c_words, q_used, c_used, pairs, words.merge_sim, person, rows)
    return pairs, q_used, c_used


def pair_more(
    query: WeightedName,
    candidate: WeightedName,
    sims: WordSimilarity,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
    person: bool,
    syllables: bool,
    params: NameParams,
) -> None:
    """After :func:`pair_words`: the words left over paired by the slips a name's kind allows, and
    pairs that only agree on letters Arabic script does not write undone (in place)."""
    q_words, c_words = query.form.tokens, candidate.form.tokens
    if person and not syllables:
        # (in Korean or Chinese names a syllable one letter off is another syllable)
        pair_leftovers(query.weights, candidate.weights, q_used, c_used, pairs,
                       lambda i, j: sims.rows[q_words[i]][sims.columns[c_words[j]]],
                       params, query.patronymic, q_words)  # fmt: skip
    elif not person:  # "KB ALFA" / KGB ALFA: a slip in a short code
        pair_initial_runs(q_words, c_words, q_used, c_used, pairs)  # "cmv" / "C.M.V."
        pair_code_slip(q_words, c_words, q_used, c_used, pairs, sims.listed, params,
                       typed=query.form.script == LATIN,
                       exact_sim=sims.params.exact_sim)  # fmt: skip
    undo_arabic_pairs(query.form.script, q_words, c_words, q_used, c_used, pairs)
    if person and query.form.script == LATIN and read_from_arabic(LATIN, q_words):
        # (a person's name in Latin letters read from Arabic script: "shryf anmar")
        undo_other_consonants(q_words, c_words, q_used, c_used, pairs, params.supported_sim)
    if person:  # (since 1.30) "Zhi Ming" is not ZHIQING, "Yu Min" is YOUMIN: romanisations
        strict_merges(q_words, c_words, pairs, query.form.script in SYLLABIC_SCRIPTS)
