"""Bounding the names a query form reaches, before they are scored: each name's best possible
score through the form from the similarities of the words it holds (a name that cannot reach
the floor is never scored), in numpy for many names and in plain Python, float for float, for
a few; and the names every word of a skeleton reaches exactly, which its spelled trust may lift
(:mod:`clearance.matching.spelled`). Called by :func:`clearance.matching.retrieve.retrieve`."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from clearance.matching.index import NameIndex
from clearance.matching.params import NameParams, RetrievalParams

Part = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32], float]
"""What one query word reaches: the records, their similarities, the word's weight."""

BOUND_MARGIN = 8 * float(np.finfo(np.float32).eps)  # a few float32 roundings (not a weight)
SMALL_HITS = 200
"""Up to this many (record, word) hits per query form, bounds are added up in plain Python
(a numpy call costs more than a few thousand additions); both ways give the same floats."""
FEW = 4  # records bounded one by one (numpy scalars) rather than as arrays


Narrow = Callable[[npt.NDArray[np.int32]], npt.NDArray[np.int32]]
"""Of a crowded skeleton's records, those whose vowels may agree (``spelled.agreeing_records``)."""


def form_bounds(
    index: NameIndex, parts: list[Part], form: FormBound, lift: FormBound | None,
    singles: tuple[str, ...] = (), narrow: Narrow | None = None, every: bool = False,
    full: npt.NDArray[np.int32] | None = None,
) -> list[tuple[int, float]]:  # fmt: skip
    """(record, bound) of the records of ``parts`` reaching the form's floor, then those
    reaching it at a skeleton's spelled trust (``lift``: see :func:`spelled_bounds`; ``full``:
    what :func:`exactly_reached` gives for ``parts`` at ``lift``, when worked out already)."""
    hits = sum(len(p[0]) for p in parts)
    if hits <= SMALL_HITS:
        bounds = bounds_small(index, parts, form)
    else:
        bounds = _bounds_pruned(index, parts, form, hits)
    if lift is not None:
        bounds += spelled_bounds(index, parts, lift, singles, narrow, every, full)
    return bounds


def spelled_bounds(
    index: NameIndex, parts: list[Part], form: FormBound, singles: tuple[str, ...] = (),
    narrow: Narrow | None = None, every: bool = False,
    full: npt.NDArray[np.int32] | None = None,
) -> list[tuple[int, float]]:  # fmt: skip
    """(record, bound) at a skeleton's spelled trust (``form.trust``) of the records every word
    of the form reaches exactly: only those can be trusted so far
    (:func:`clearance.matching.spelled.record_trust`: every query word paired exactly): see
    :func:`exactly_reached`. Past ``RetrievalParams.spelled_names`` such names, only those of
    them the spelled trust can bring to the floor that ``narrow`` keeps are (their vowels may
    agree: index format 27, looked up in the index's words of crowded skeletons), and none
    when more than ``spelled_names`` of them are. ``every``: ``narrow`` keeps them however
    few (a Hebrew-script reading's: its vowels are looked up name by name, in
    :func:`clearance.matching.hebrew.agreeing_hebrew`, cheaper than scoring the others).
    ``full``: :func:`exactly_reached` of ``parts`` at ``form``, when the caller has it (a
    repeated word's form needs it twice, a crowded query's once more: worked out once).
    """
    if full is None:
        full = exactly_reached(index, parts, form, singles)
    cap = form.retrieval.spelled_names
    crowded = len(full) > cap
    if not len(full) or (crowded and narrow is None):
        return []  # (a skeleton as many names agree with as a common word's says little)
    wanted = full.copy()
    wanted.sort()
    kept = [(p[0][keep], p[1][keep], p[2]) for p in parts if (keep := members(p[0], wanted)).any()]
    bounds = bounds_large(index, kept, form)
    if (crowded or every) and bounds and narrow is not None:  # (the vowels looked up where
        # they count)
        agree = set(narrow(np.array([rec for rec, _ in bounds], dtype=np.int32)).tolist())
        bounds = (
            [(rec, bound) for rec, bound in bounds if rec in agree] if len(agree) <= cap else []
        )
    return bounds


def exactly_reached(
    index: NameIndex, parts: list[Part], form: FormBound, singles: tuple[str, ...] = ()
) -> npt.NDArray[np.int32]:
    """The records every word of the form reaches exactly (the weights of the parts reaching
    them at similarity 1 add up to the form's). A one-letter word (``singles``) retrieves
    nothing: a record must hold it ("l" of "علي" pairs exactly only with a listed "l") unless
    it is run together with a word beside it ("sf l" / "sfl", Seifollah; since 1.17: before,
    "l ns" was any name with "ns")."""
    exact = [(p[0][p[1] >= 1.0], p[2]) for p in parts]
    need = form.total * (1.0 - BOUND_MARGIN) - form.skipped
    if sum(w for ids, w in exact if len(ids)) < need:
        return np.zeros(0, dtype=np.int32)  # (a word reaches no name exactly)
    if sum(len(ids) for ids, _ in exact) <= SMALL_HITS:
        acc: dict[int, float] = {}
        for ids, w in exact:
            for rec in ids.tolist():
                acc[rec] = acc.get(rec, 0.0) + w
        full = np.array([rec for rec, m in acc.items() if m >= need], dtype=np.int32)
        whole = {rec for rec, m in acc.items() if m >= need + form.skipped} if singles else set()
    else:
        ids = np.concatenate([e[0] for e in exact])
        weights = np.array([e[1] for e in exact]).repeat([len(e[0]) for e in exact])
        uniq, group = _unique(ids)
        sums = np.bincount(group, weights=weights)
        full = uniq[sums >= need]
        whole = set(uniq[sums >= need + form.skipped].tolist()) if singles else set()
    if singles and len(full) > 0:
        full = np.array(_holding(index.rec_tokens, full.tolist(), whole, singles), dtype=np.int32)
    return full


def _holding(
    tokens: list[tuple[str, ...]], recs: list[int], whole: set[int], singles: tuple[str, ...]
) -> list[int]:
    """Those of ``recs`` in ``whole`` or whose words hold every one-letter word of ``singles``
    (a loop, no generator per record: a skeleton whose one-letter words are credited to every
    name, "محمد ولی محمد عوض" / "mhmd l mhmd d", reaches every Muhammad exactly, about 2,500
    names asked on each call)."""
    kept: list[int] = []
    for rec in recs:
        if rec not in whole:
            held = tokens[rec]
            missing = False
            for single in singles:
                if single not in held:
                    missing = True
                    break
            if missing:
                continue
        kept.append(rec)
    return kept


def members(ids: npt.NDArray[np.int32], wanted: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """Which of ``ids`` ``wanted`` (ascending, not empty) holds, as ``np.isin`` says, by a
    binary search (``np.isin`` is Python code, and tests a few wanted ids one by one: two
    numpy calls each)."""
    at = wanted.searchsorted(ids)
    np.minimum(at, len(wanted) - 1, out=at)
    found: npt.NDArray[np.bool_] = wanted[at] == ids
    return found


def _unique(ids: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.intp]]:
    """``np.unique(ids, return_inverse=True)`` (``ids`` not empty) with array methods (a stable
    sort of sorted runs is a merge), without ``np.unique``'s Python code."""
    order = ids.argsort(kind="stable")
    ranked = ids[order]
    first = np.empty(len(ranked), dtype=bool)
    first[0] = True
    np.not_equal(ranked[1:], ranked[:-1], out=first[1:])
    group = np.empty(len(ids), dtype=np.intp)
    group[order] = first.cumsum() - 1
    return ranked[first], group


def warm_up_arrays() -> None:
    """Have numpy load now what its set routines (``np.unique``, ``np.isin``) import on their
    first call (``numpy.ma``, about 15 ms), so that no query waits for it (once per process)."""
    ids = np.array([3, 1, 3, 2], dtype=np.int32)
    np.unique(ids, return_inverse=True)
    np.unique(ids)  # (as np.isin calls it on many names: this one imports numpy.ma)


@dataclass(frozen=True, slots=True)
class FormBound:
    """What bounding the records one query form reaches needs."""

    floor: float
    total: float  # the query form's word weight
    skipped: float  # weight of its initials (credited to every name)
    pairable: int  # listed words its words can pair (see :func:`retrieve`)
    unreached: bool  # a word of four or more letters reached nothing
    trust: np.float32
    person: bool
    params: NameParams
    retrieval: RetrievalParams

    def __init__(
        self, floor: float, total: float, skipped: float, pairable: int, unreached: bool,
        trust: np.float32, person: bool, params: NameParams, retrieval: RetrievalParams,
    ) -> None:  # fmt: skip
        # (what the dataclass would write; written out, it compiles to a native __init__, as
        # NameForm's: one is made per query form)
        object.__setattr__(self, "floor", floor)
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "skipped", skipped)
        object.__setattr__(self, "pairable", pairable)
        object.__setattr__(self, "unreached", unreached)
        object.__setattr__(self, "trust", trust)
        object.__setattr__(self, "person", person)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "retrieval", retrieval)

    def form_floor(self, reached: int) -> float:
        if self.unreached and reached <= self.retrieval.rare_reach:
            # "Olaf Schulze" / "Olaf Scholz": the other words are rare enough that every name
            # they reach can be scored, so a word two edits away is not lost at retrieval.
            return max(self.retrieval.rare_floor, self.floor - self.retrieval.rare_floor)
        return self.floor


PRUNE_MARGIN = 1e-6  # (relative: far above the rounding of a few float32 sums and products)


def _bounds_pruned(
    index: NameIndex, parts: list[Part], form: FormBound, hits: int
) -> list[tuple[int, float]]:
    """:func:`bounds_large`, the same records and floats, the hits of the most common words
    first cut down to the records another word reaches, when those words together (at
    similarity 1) cannot bring a record to the first cut: a common word reaches thousands of
    names, few of which its rarer neighbours reach. Each record keeps its hits in the order of
    ``parts`` (the same sums); the floor is the form's whatever the records reached, as it is
    when more than ``rare_reach`` are (else, and when little is cut, as it was)."""
    sizes = [len(p[0]) for p in parts]
    trust = float(form.trust)
    if trust <= 0.0 or (form.unreached and max(sizes) <= form.retrieval.rare_reach):
        return bounds_large(index, parts, form)
    # the matched weight a record needs to pass the first cut of bounds_large
    need = form.floor * form.total * (1.0 - BOUND_MARGIN) / trust * (1.0 - PRUNE_MARGIN)
    common = [False] * len(parts)
    most = form.skipped  # the most a record only the common words reach can match
    kept = hits
    for i in sorted(range(len(parts)), key=lambda k: -sizes[k]):  # the most hits first
        most += parts[i][2] * (1.0 + PRUNE_MARGIN)  # (a similarity is at most 1)
        if most >= need:
            break
        common[i] = True
        kept -= sizes[i]
    if kept == 0:
        return []  # (only common words: no record can pass)
    if kept > PRUNE_KEPT or kept * PRUNE_SHARE > hits:
        return bounds_large(index, parts, form)  # (little to cut: a cut costs more)
    others = [parts[i][0] for i in range(len(parts)) if not common[i]]
    wanted = others[0]  # the records other words reach, ascending (one twice is no matter)
    if len(others) > 1:
        wanted = np.concatenate(others)
        wanted.sort()
    cut: list[Part] = []
    for i, part in enumerate(parts):
        cut.append(_among(part, wanted) if common[i] else part)
    return bounds_large(index, cut, form, form.floor)


PRUNE_KEPT = 2048  # the hits of the rarer words past which the common words' are not cut
PRUNE_SHARE = 4  # ... nor when they are more than a quarter of all


def _among(part: Part, wanted: npt.NDArray[np.int32]) -> Part:
    """``part``'s hits of the records ``wanted`` holds (both ascending), in order: taken by
    their places (a common word's hits are many times the records its rarer neighbours reach:
    no pass over all of them, as a mask of them would make)."""
    ids = part[0]
    at = np.minimum(ids.searchsorted(wanted), len(ids) - 1)
    places = at[ids[at] == wanted]  # (ascending; a record two words reach, twice)
    if len(places) > 1:
        fresh = np.empty(len(places), dtype=bool)
        fresh[0] = True
        np.not_equal(places[1:], places[:-1], out=fresh[1:])
        places = places[fresh]
    return ids[places], part[1][places], part[2]


def bounds_large(
    index: NameIndex, parts: list[Part], form: FormBound, form_floor: float | None = None
) -> list[tuple[int, float]]:
    """(record, bound) of the records reaching the form's floor, ascending (numpy arrays;
    ``form_floor``: the floor, when not the form's for the records reached)."""
    ids = np.concatenate([p[0] for p in parts])
    vals = np.concatenate([p[1] if p[2] == 1.0 else p[1] * p[2] for p in parts])
    # Records in order, each one's hits in the order of ``parts`` (a stable sort of sorted runs
    # is a merge: far cheaper than np.unique), then each record's sum in that order. (Array
    # methods rather than numpy's functions, which are Python code around them.)
    order = ids.argsort(kind="stable")
    ids = ids[order]
    first = np.empty(len(ids), dtype=bool)
    first[0] = True
    np.not_equal(ids[1:], ids[:-1], out=first[1:])
    uniq = ids[first]
    # (each record's group from 1: bin 0 stays empty, and no array minus a number is made)
    sums = np.bincount(first.cumsum(), weights=vals[order], minlength=len(uniq) + 1)
    matched = cast("npt.NDArray[np.float64]", sums)[1:]  # (weighted: float64)
    if form.skipped != 0.0:  # (adding 0.0 changes no sum: no numpy call for it)
        matched = matched + form.skipped
    if form_floor is None:
        form_floor = form.form_floor(len(uniq))
    # A score through this form counts ``trust`` (skeletons, query parts: see the
    # engine), so its bound does too: a name that cannot reach the floor is not scored.
    trust = form.trust
    # The listed words left unpaired only lower a bound: names that fail even without
    # them are dropped first (a margin far above float32 rounding keeps this exact).
    reach = matched if trust == 1.0 else matched * trust  # (times 1.0: the same floats)
    near = (reach >= form_floor * form.total * (1.0 - BOUND_MARGIN)).nonzero()[0]
    if len(near) <= FEW:  # (most often: a common word reaches many names, few pass)
        return bound_few(index, uniq[near].tolist(), matched[near].tolist(), form, form_floor)
    return bound_near(index, uniq[near], matched[near], form, form_floor)


def bound_near(
    index: NameIndex,
    uniq: npt.NDArray[np.int32] | npt.NDArray[np.int64],
    matched: npt.NDArray[np.floating[Any]],
    form: FormBound,
    form_floor: float,
) -> list[tuple[int, float]]:
    """(record, bound) of the records ``uniq`` that matched ``matched`` of the form's weight,
    with their listed words left unpaired counted (those reaching ``form_floor``)."""
    rec_weight, rec_person = index.record_profile
    params = form.params
    unpaired = np.maximum(rec_weight[uniq] - form.pairable, 0.0)
    lam = (
        np.float32(params.unmatched_candidate_supported)
        if form.person
        else np.where(
            rec_person[uniq],
            np.float32(params.unmatched_candidate_supported),
            np.float32(params.unmatched_candidate_org),
        )
    )
    sums = matched / (form.total + lam * unpaired)
    keep = (sums if form.trust == 1.0 else sums * form.trust) >= form_floor
    return list(zip(uniq[keep].tolist(), sums[keep].tolist(), strict=True))


def bounds_small(index: NameIndex, parts: list[Part], form: FormBound) -> list[tuple[int, float]]:
    """:func:`bounds_large` in plain Python, float for float: sums in the same order as
    ``np.bincount``, float32 steps as numpy scalars (a few records pass the first cut)."""
    # (the records as the objects the lists hold: compiled, an int would be unboxed and boxed
    # again for the dictionary; loops by place: a zip with strict= is a Python call)
    acc: dict[object, float] = {}
    for ids, sims, weight in parts:
        recs: list[object] = ids.tolist()
        vals: list[float] = sims.tolist()
        if weight != 1.0:  # float32 * weight, rounded to float32 as numpy does
            w32 = array("f", (weight,))[0]
            vals = array("f", [v * w32 for v in vals]).tolist()
        if not acc:  # (the first part's records: 0.0 + val is val)
            for k in range(len(recs)):
                acc[recs[k]] = vals[k]
            continue
        for k in range(len(recs)):
            rec = recs[k]
            acc[rec] = acc.get(rec, 0.0) + vals[k]
    return _small_cut(index, cast("dict[int, float]", acc), form)


def _small_cut(index: NameIndex, acc: dict[int, float], form: FormBound) -> list[tuple[int, float]]:
    """:func:`bounds_small`'s records ``acc`` (record -> matched weight) that reach the floor."""
    form_floor = form.form_floor(len(acc))
    skipped = form.skipped
    cut = form_floor * form.total * (1.0 - BOUND_MARGIN)
    t64 = float(form.trust)
    most = 0.0
    for m in acc.values():
        if m > most:
            most = m
    # (most often no record passes: when the most matched stays well under the cut, none does)
    if (most + skipped) * t64 < cut * (1.0 - BOUND_MARGIN):
        return []
    near = sorted([rec for rec, m in acc.items() if (m + skipped) * t64 >= cut])
    if len(near) > FEW:
        matched = np.array([acc[rec] for rec in near], dtype=np.float64) + skipped
        return bound_near(index, np.array(near, dtype=np.int64), matched, form, form_floor)
    return bound_few(index, near, [acc[rec] + skipped for rec in near], form, form_floor)


def bound_few(
    index: NameIndex, recs: list[int], matched: list[float], form: FormBound, form_floor: float
) -> list[tuple[int, float]]:
    """:func:`bound_near` one record at a time, float for float, cheaper for a few records:
    each float32 step of numpy's rounded to float32 through a one-item array (exact: the
    double result of one operation on two float32 values rounds to numpy's float32 one)."""
    rec_weight, rec_person = index.record_plain
    params = form.params
    f32 = array("f", (params.unmatched_candidate_supported, params.unmatched_candidate_org,
                      form.total, form.pairable))  # fmt: skip
    supported, org, total, pairable = f32  # (a Python number beside a float32 is one)
    trust = float(form.trust)
    out: list[tuple[int, float]] = []
    for rec, reached in zip(recs, matched, strict=True):
        f32[0] = rec_weight[rec] - pairable
        unpaired = f32[0] if f32[0] > 0.0 else 0.0
        f32[0] = (supported if form.person or rec_person[rec] else org) * unpaired
        f32[0] = total + f32[0]
        bound = reached / f32[0]
        if bound * trust >= form_floor:
            out.append((rec, bound))
    return out
