"""Candidate retrieval: which indexed names could a query mean, without scoring every name.

For each query word the index gives the names holding the same word, its phonetic key, a
run-together form, or a word one edit away (deletion neighbourhood). Each name collects an
upper bound of the share of the query's weight it can match; names whose bound stays under the
floor cannot reach the alert threshold and are dropped. No fixed top-N: what passes the floor
is scored (a generous safety cap only applies to pathological queries).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
import numpy.typing as npt

from clearance.matching.bounds import (
    FormBound,
    Narrow,
    Part,
    exactly_reached,
    form_bounds,
    members,
)
from clearance.matching.equivalents import equivalent_keys, equivalents
from clearance.matching.index import KIND_LATIN, KIND_NATIVE, NameIndex, WordHitCache
from clearance.matching.keytables import KeyTables
from clearance.matching.listed_compounds import ABD_READING
from clearance.matching.normalize import NameForm
from clearance.matching.params import NameParams, RetrievalParams, TrustParams, WordParams
from clearance.matching.reach import keep_reach, rare_parts
from clearance.matching.weights import word_table
from clearance.matching.wordhits import FEW_RECORDS as FEW_RECORDS  # (read here: re-exported)
from clearance.matching.wordhits import _best_per_record as _best_per_record
from clearance.matching.wordhits import _Hit
from clearance.matching.wordhits import gathered as gathered
from clearance.matching.wordkeys import glyph_joined, joined_keys, word_keys
from clearance.matching.wordsim import similarity_rows
from clearance.scripts import ARABIC, HEBREW

Reached = Callable[[], npt.NDArray[np.int32]]
"""The records a skeleton form reaches exactly, worked out when called (see ``retrieve``)."""

_DROPPED_KIND = 8  # (a kind of its own in the word memo: a company's short word, see word_records)
_PAIR_KIND = 16  # (... and two words run together, see _pair_records)


@dataclass(frozen=True, slots=True)
class QueryForm:
    """One rendering of the query name, matched against index records of the same kind."""

    form: NameForm
    kind: int
    trust: float = 1.0  # a score through this form counts this much (skeletons, query parts)
    spelled: float = 0.0  # a skeleton's trust when its table-read words agree with the listed
    reading: tuple[str, ...] = ()  # ... words: those words as the table spells them
    person: bool = False  # ... or, a person's with none the table reads, their long vowels

    def __init__(
        self,
        form: NameForm,
        kind: int,
        trust: float = 1.0,
        spelled: float = 0.0,
        reading: tuple[str, ...] = (),
        person: bool = False,
    ) -> None:
        # (what the dataclass would write; written out, it compiles to a native __init__, as
        # NameForm's: the dataclass's own ran as interpreted code, ~9,000 instructions a form)
        object.__setattr__(self, "form", form)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "trust", trust)
        object.__setattr__(self, "spelled", spelled)
        object.__setattr__(self, "reading", reading)
        object.__setattr__(self, "person", person)


def word_records(
    index: NameIndex, word: str, kind: int, params: RetrievalParams, words: WordParams,
    company: bool = False,
) -> _Hit | None:  # fmt: skip
    """Records reachable from one query word, with the best similarity for each (``company``:
    of a query that is not a person's, whose three-letter words also reach the listed words
    one letter longer: "MOKU GOD" / MOKU GOLD; in a person's name such a word is mostly a
    syllable of another name, "wei jia" / WEI Jiao, and is left as it was).

    Memoised per index: names repeat across queries (common given names and surnames), and a
    whole customer book screened in batch repeats them far more.
    """
    return _word_records(index.key_tables, index.word_hits, word, kind, params, words, company)


def _word_records(
    tables: KeyTables, cache: WordHitCache, word: str, kind: int, params: RetrievalParams,
    words: WordParams, company: bool,
) -> _Hit | None:  # fmt: skip
    """:func:`word_records` with the index's tables and memo at hand."""
    dropped = (company and kind == KIND_LATIN
               and params.dropped_min_length <= len(word) < params.near_min_length)  # fmt: skip
    short = company and kind == KIND_LATIN and len(word) < params.near_min_length
    key = (kind + _DROPPED_KIND if short else kind, word)
    found, hit = cache.get(key)
    if found:
        return hit
    keys = word_keys(tables, word, kind, params, words, dropped, short)
    if kind == KIND_LATIN:  # (a given name's other forms and nicknames, a kind word's
        equivalent_keys(tables, equivalents(words), word, keys)  # translations: ``equivalents``)
    hit = _best_per_record(tables, keys) if keys else None
    cache.put(key, hit)
    return hit


def _pair_records(
    tables: KeyTables, cache: WordHitCache, joined: str, kind: int, params: RetrievalParams
) -> _Hit | None:
    """Records two query words run together reach (see :func:`_form_hits`), memoised with
    the words (a pair comes again in a query's other forms, and in other queries)."""
    key = (kind + _PAIR_KIND, joined)
    found, hit = cache.get(key)
    if found:
        return hit
    keys = joined_keys(tables, joined, kind, params)
    hit = _best_per_record(tables, keys) if keys else None
    cache.put(key, hit)
    return hit


def repeat_records(
    index: NameIndex, word: str, kind: int, hit: _Hit, copy: int, least: float,
    params: RetrievalParams, words: WordParams, among: Collection[int] | None = None,
) -> _Hit | None:  # fmt: skip
    """What the ``copy``-th copy of a repeated query word can add to the records ``hit`` (what
    ``word`` reaches; ``among``: to those of them only), with the similarity (``None``:
    nothing).

    The scorer pairs each listed word once (two adjacent words run together once), so the
    ``copy`` copies of the word pair at most with the ``copy`` listed words most like it: the
    ``copy``-th is credited the ``copy``-th best similarity of a name's words to it (as the
    scorer rates them), when it is at least ``least`` (the least similarity a pair can have).
    """
    recs = hit[0].tolist() if among is None else _records_among(hit[0], among)
    col = min(copy, _COPIES) - 1  # (the c-th best is at most the 4th best)
    sims = np.array(_slots(index, word, kind, recs, params, words, col), dtype=np.float32)
    where = np.flatnonzero(sims >= least)
    return (np.array(recs, dtype=np.int32)[where], sims[where]) if len(where) else None


def _records_among(ids: npt.NDArray[np.int32], among: Collection[int]) -> list[int]:
    """Those of ``ids`` (ascending) that ``among`` holds, in order: by a binary search in
    ``among`` sorted (a common word reaches thousands of names, of which ``among`` holds a
    few: testing each of them in Python cost more than the copies' similarities)."""
    if not among:
        return []
    wanted = np.fromiter(among, np.int32, len(among))
    wanted.sort()
    found: list[int] = ids[members(ids, wanted)].tolist()
    return found


_COPIES = 4  # best similarities kept per record (copies of a word bounded one by one)
_SLOT_RECORDS = 200_000  # (word, record) similarities kept per index (then started afresh)


class _Slots:
    """What :func:`_slots` has worked out for one word: its run-together keys, its similarity
    to each listed word met so far, and each record's best similarities."""

    __slots__ = ("best", "joined", "records", "sims")

    def __init__(self, joined: set[str]) -> None:
        self.joined = joined
        self.sims: dict[str, float] = {}
        # Each record's place in ``best``, where its _COPIES best similarities follow one
        # another (float32: exact for the similarities; one array for them all: no object
        # made, nor one for the collector, per record)
        self.records: dict[int, int] = {}
        self.best: array[float] = array("f")


class _SlotMemo:
    """The :class:`_Slots` of the repeated words of one index, and how many records they hold."""

    __slots__ = ("held", "words")

    def __init__(self) -> None:
        self.words: dict[tuple[int, str], _Slots] = {}
        self.held = 0


def _slots(
    index: NameIndex, word: str, kind: int, recs: list[int], params: RetrievalParams,
    words: WordParams, col: int,
) -> list[float]:  # fmt: skip
    """For each record of ``recs``: the ``col``-th (from 0) of the :data:`_COPIES` best
    similarities of ``word`` to its words (the scorer's), to an adjacent pair of them or the
    whole name run together (a key of ``word`` leads to them: 1), best first (0.0: none).
    Worked out once per word and record (a common word reaches thousands of names, of which a
    query needs a few: see :func:`retrieve`); a similarity does not depend on the other words
    it is computed with."""
    memo: _SlotMemo | None = index.__dict__.get("_repeat_slots")
    if memo is None:
        memo = index.__dict__["_repeat_slots"] = _SlotMemo()
    found = memo.words.get((kind, word))
    if found is None:
        texts = index.key_texts
        keys = word_keys(index.key_tables, word, kind, params, words)
        found = memo.words[kind, word] = _Slots({texts[k] for k in keys if texts[k][0] == "c"})
    if memo.held + len(recs) > _SLOT_RECORDS:  # (memory stays bounded)
        memo.words.clear()
        found = memo.words[kind, word] = _Slots(found.joined)
        memo.held = 0
    done = found.records
    todo = [rec for rec in recs if rec not in done]
    memo.held += len(todo)
    if todo:
        _fill_slots(index, word, kind, todo, found, words)
    best = found.best
    return [best[done[rec] + col] for rec in recs]


def _fill_slots(
    index: NameIndex, word: str, kind: int, todo: list[int], found: _Slots, words: WordParams
) -> None:
    """:func:`_slots`' similarities of the records ``todo`` (not worked out yet) into
    ``found``."""
    rec_tokens, done, sim, best = index.rec_tokens, found.records, found.sims, found.best
    distinct = sorted({t for rec in todo for t in rec_tokens[rec] if t not in sim})
    if distinct:
        latin = kind == KIND_LATIN
        (row,) = similarity_rows([word], distinct, dense_script=kind == KIND_NATIVE,
                                 initials=latin, respelt=latin, table=index.word_info,
                                 params=words)  # fmt: skip
        sim.update(zip(distinct, row, strict=True))
    joined = found.joined
    pad = [0.0] * _COPIES
    for rec in todo:
        tokens = rec_tokens[rec]
        vals = [sim[t] for t in tokens]
        if joined and len(tokens) > 1:
            pairs = zip(tokens, tokens[1:], strict=False)
            vals += [1.0 for a, b in pairs if "c:" + a + b in joined]
            if 2 < len(tokens) <= 5 and "c:" + "".join(tokens) in joined:
                vals.append(1.0)
        vals.sort(reverse=True)
        done[rec] = len(best)
        if len(vals) < _COPIES:
            vals += pad
        best.fromlist(vals[:_COPIES] if len(vals) > _COPIES else vals)


def _form_hits(
    index: NameIndex,
    qform: QueryForm,
    weights: list[float],
    params: RetrievalParams,
    words: WordParams,
    company: bool = False,
) -> tuple[list[Part], bool, list[_Repeat]]:
    """Records each word of a query form reaches, with the similarity and the word's weight,
    run-together pairs of words included; whether a word of four or more letters reached
    nothing (a word no key leads to: its listed spelling may be further away); and the parts
    that are copies of a repeated word, credited fully here (see :func:`_repeat_parts`)."""
    tokens = qform.form.tokens
    tables, cache = index.key_tables, index.word_hits
    parts: list[Part] = []
    repeats: list[_Repeat] = []
    unreached = False  # a word no key leads to: its listed spelling may be further away
    copies: dict[str, int] = {}  # how often each word came so far (a repeated word)
    for i, word in enumerate(tokens):
        if len(word) < 2:
            continue  # initials are scored, not retrieved
        hit = _word_records(tables, cache, word, qform.kind, params, words, company)
        copy = copies[word] = copies.get(word, 0) + 1
        if hit is not None and copy > 1:
            # Words pair one to one: a second copy of a word only counts for the names where
            # it reaches a second listed word (or word pair), and so on; at most fully.
            repeats.append((len(parts), word, hit, copy))
            parts.append((hit[0], np.ones(len(hit[0]), dtype=np.float32), weights[i]))
        elif hit is not None:
            parts.append((hit[0], hit[1], weights[i]))
        elif len(word) >= params.near_min_length and copy == 1:
            unreached = True
        if i + 1 < len(tokens):
            # Two query words written as one listed word ("Jin Ping" / "Jinping"), spelt
            # alike or by sound ("Lozits Kii" / "Lozitskiy"), as the scorer pairs them.
            pair = _pair_records(tables, cache, word + tokens[i + 1], qform.kind, params)
            if pair is not None:  # each name reached once, at its best key
                parts.append((pair[0], pair[1], weights[i] + weights[i + 1]))
    return parts, unreached, repeats


REPEATS_AMONG_PASSING = True
"""A repeated word's copies are bounded for the names that pass with them credited fully only
(tests compare it with bounding them for every name the word reaches)."""
_Repeat = tuple[int, str, _Hit, int]  # a part's place, the word, what it reaches, which copy


def _repeat_parts(
    index: NameIndex, kind: int, parts: list[Part], repeats: list[_Repeat],
    among: set[int] | None, least: float, params: RetrievalParams, words: WordParams,
) -> list[Part]:  # fmt: skip
    """``parts`` with each copy of a repeated word credited as :func:`repeat_records` says, for
    the records ``among`` only (those that reach the floor with the copies credited fully;
    ``None``: all); the copies that pair nowhere left out."""
    real: dict[int, _Hit | None] = {
        at: repeat_records(index, word, kind, hit, copy, least, params, words, among)
        for at, word, hit, copy in repeats
    }
    out: list[Part] = []
    for at, part in enumerate(parts):
        if at not in real:
            out.append(part)
        elif (hit := real[at]) is not None:
            out.append((hit[0], hit[1], part[2]))
    return out


def retrieve(
    index: NameIndex,
    forms: Sequence[QueryForm],
    *,
    floor: float,
    params: NameParams,
    retrieval: RetrievalParams = RetrievalParams(),  # noqa: B008 (frozen: one shared default)
    words: WordParams = WordParams(),  # noqa: B008
    person: bool = False,
    max_records: int | None = None,
    threshold: float = 0.0,
    trust: TrustParams = TrustParams(),  # noqa: B008
    reached: list[Reached] | None = None,
    cut: bool = False,
    reach: dict[int, float] | None = None,
) -> dict[int, float]:
    """Record id -> upper bound of the score a record can reach (only those >= floor).

    The bound is the share of the query's weight its words can match, with the listed words
    that no query word can pair (beyond one per query word, two where a query word is a
    run-together pair) counted as the scorer counts them: a short query does not reach a long
    organisation name by one shared word. A skeleton's record is bounded at its spelled trust
    only where that can lift it to the alert ``threshold`` (the floor when not given). Given
    ``reached``, what works out the records every word of an Arabic-script skeleton reaches
    exactly (those its spelled trust may lift) is added to it, one call per form (see
    :mod:`clearance.matching.crowded`: worked out only for a crowded query). ``cut``: the
    query is a name a payment field cut off (``fieldtail.field_cut``): the listed words past
    the cut cost nothing, and a cut last word no listed word is may begin any listed word.
    Given ``reach``, each record's reach is put there: the highest floor that keeps it,
    whatever the threshold (see :func:`~clearance.matching.reach.keep_reach`; h191).
    """
    out: dict[int, float] = {}
    table = word_table(params)
    for qform in forms:
        found = _bound_form(index, qform, [table[w][0] for w in qform.form.tokens], floor,
                            params, retrieval, words, person, threshold, trust, cut)  # fmt: skip
        if found is None:
            continue
        bounds, full, rare = found
        if reached is not None and full is not None and qform.form.script == ARABIC:
            reached.append(partial(_given, full))  # (worked out by form_bounds already)
        _keep_bounds(index, qform, bounds, out)
        if reach is not None:
            keep_reach(float(_float32(qform.trust)), qform.spelled, bounds,
                       retrieval.rare_floor if rare else 0.0, reach)  # fmt: skip
    cap = retrieval.max_records if max_records is None else max_records
    if len(out) > cap:
        best = sorted(out.items(), key=lambda kv: -kv[1])[:cap]
        out = dict(best)
    return out


_CUT_PAIRABLE = 1 << 20  # (a cut query's listed words past the cut: none charged)
_FLOAT32: dict[float, np.float32] = {}  # (a form's trust: a few values, made once each)


def _float32(value: float) -> np.float32:
    """``np.float32(value)``, each value's made once (a numpy scalar costs about 2,000
    instructions to make; numpy scalars are immutable)."""
    got = _FLOAT32.get(value)
    if got is None:
        if len(_FLOAT32) >= 256:  # (a bound on what odd trusts can add)
            _FLOAT32.clear()
        got = _FLOAT32[value] = np.float32(value)
    return got


_FormBounds = tuple[list[tuple[int, float]], npt.NDArray[np.int32] | None, bool]


def _given(full: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """``full`` (a :data:`Reached` of what :func:`exactly_reached` gave already)."""
    return full


def _bound_form(
    index: NameIndex, qform: QueryForm, weights: list[float], floor: float, params: NameParams,
    retrieval: RetrievalParams, words: WordParams, person: bool, threshold: float,
    trust: TrustParams, cut: bool = False,
) -> _FormBounds | None:  # fmt: skip
    """The (record, bound) pairs of one query form (see :func:`retrieve`; ``weights``: its
    words'), with the records every word of a skeleton's form reaches exactly (``None``: not a
    skeleton's; :func:`exactly_reached` of the parts at its spelled trust, worked out once for
    the bounds, the copies of a repeated word and a crowded query) and whether the form's
    floor was lowered for a rare form with a word no key leads to (``FormBound.form_floor``);
    ``None`` when it reaches nothing."""
    tokens = qform.form.tokens
    total = sum(weights)
    if total <= 0:
        return None
    # A copy of a repeated word pairs from the least similarity of a pair, or from the
    # leftover's when the form has words enough for one word left over on each side
    # to pair (:func:`~clearance.matching.slips.pair_leftovers`).
    leftover = len(tokens) > params.leftover_support
    least = min(params.leftover_sim, words.min_word_sim) if leftover else words.min_word_sim
    parts, unreached, repeats = _form_hits(index, qform, weights, retrieval, words,
                                           not person)  # fmt: skip
    if not parts:
        return None
    # Initials and unretrieved words can still match: credit their weight to every name.
    skipped = sum(w for w, word in zip(weights, tokens, strict=True) if len(word) < 2)
    tables = index.key_tables
    pairable = len(tokens) + sum(
        1 for w in tokens if tables.key_id("c:" + w) >= 0 or glyph_joined(tables, w)
    )  # (h185: "karneldjermane")
    if cut:  # (h171: the cut word may begin any listed word; the words past it are free;
        pairable = _CUT_PAIRABLE  # h178: a listed word as it stands may be a cut one too)
        skipped += weights[-1]
    form = FormBound(floor, total, skipped, pairable, unreached, _float32(qform.trust),
                     person, params, retrieval)  # fmt: skip
    lift, narrow = None, None
    if qform.spelled > qform.trust:  # (dataclasses.replace's fields, without its Python code)
        lift = FormBound(max(floor, threshold), total, skipped, pairable, unreached,
                         _float32(qform.spelled), person, params, retrieval)  # fmt: skip
        narrow = _narrow(index, qform, trust.spelled_word_sim, words)
    singles = tuple({w for w in tokens if len(w) == 1})  # (see bounds.spelled_bounds)
    hebrew = qform.form.script == HEBREW  # (its lift narrowed however few: see bounds)
    full = None if lift is None else exactly_reached(index, parts, lift, singles)
    bounds = form_bounds(index, parts, form, lift, singles, narrow, hebrew, full)
    if repeats:
        # The copies of a repeated word were credited fully: what they add (their
        # similarities to each name's words: a common word reaches thousands of names) is
        # worked out for the names that passed so, and those every word may reach
        # exactly (see bounds.spelled_bounds); the others cannot pass with less.
        among: set[int] | None = None
        if REPEATS_AMONG_PASSING:
            among = {rec for rec, _ in bounds}
            if full is not None:
                among.update(full.tolist())
        parts = _repeat_parts(index, qform.kind, parts, repeats, among, least, retrieval,
                              words)  # fmt: skip
        full = None if lift is None else exactly_reached(index, parts, lift, singles)
        bounds = form_bounds(index, parts, form, lift, singles, narrow, hebrew, full)
    return bounds, full, unreached and rare_parts(parts, retrieval.rare_reach)


def _keep_bounds(
    index: NameIndex, qform: QueryForm, bounds: list[tuple[int, float]], out: dict[int, float]
) -> None:
    """Each record's bound through ``qform`` into ``out`` where it is the record's best so far
    (at most 1)."""
    # An Arabic-script query's romanised forms have their article: the records of names
    # with the article left out ("aqsa foundation") are only for a Latin query, but for
    # a listed abd compound the list split where an abd al- compound took it (_split_abd).
    bare = index.rec_bare if qform.form.script == ARABIC else None
    split = bare is not None and ABD_READING in qform.form.tokens
    rec_tokens = index.rec_tokens
    for rec, bound in bounds:
        if bound > out.get(rec, 0.0) and (
            bare is None or not bare[rec] or (split and _split_abd(rec_tokens[rec]))
        ):
            out[rec] = min(1.0, bound)


def _split_abd(listed: tuple[str, ...]) -> bool:
    """Has a listed name's form without its article a lone "abd"? A romanised Arabic-script
    name with an abd al- compound ("abdul rahman" of "عبد الرحمن": the article went into its
    abdul) also reaches such a form (since 1.25, index format 28): the list split the
    compound, its article kept on the second word and "Abd" put among the given names ("AL
    RAHMAN, Shaykh Umar Abd", whose bare form "rahman shaykh umar abd" is the query's)."""
    return "abd" in listed


def _narrow(index: NameIndex, qform: QueryForm, cut: float, words: WordParams) -> Narrow:
    """Of a crowded skeleton's records, those whose vowels may agree with the skeleton
    ``qform``'s (:func:`clearance.matching.spelled.agreeing_records`, index format 27)."""

    def narrow(full: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
        from clearance.matching.spelled import agreeing_records  # (spelled imports this module)

        if qform.form.script == HEBREW:
            from clearance.matching.hebrew import agreeing_hebrew  # (it imports this module)

            return agreeing_hebrew(index, qform.reading, full)
        return agreeing_records(index, qform, full, cut, words)

    return narrow
