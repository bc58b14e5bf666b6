"""The book's screening forms as compact arrays, and which customers a set of listed entities
can reach.

A customer is screened through the *query forms* of its name (:func:`query_forms`: the
renderings the matcher retrieves with). They are analysed once, when the customer is indexed,
and kept as arrays: a vocabulary of distinct words (with their kind and weight), and per form
its words, its trust and its customer. The index of a book is a few bytes per word, not a
name index per customer.

**Which customers can a delta reach.** Forward retrieval (``matching.retrieve``) reaches a
listed name only through a query word's keys (:func:`word_records`) or a run-together pair of
words, and keeps it only when its bound — the query weight its words match, over the query's
total weight and the listed words left unpaired — passes the floor (lowered for a form with a
word no key leads to). For the small index of the delta's entities this module asks, once per
distinct book word, which names :func:`word_records` reaches and how closely, then bounds each
form from above, first word by word (each reached word's weight times its best similarity,
initials and pairs in full, times the form's trust, over its total weight), then name by name
for the forms that pass (what one listed name collects from the form's words, as retrieval
sums it; initials and reached pairs in full; the unpaired listed words as 0). A form under the
floor retrieval would hold it to (the lowered one only when a word of it reaches nothing and
its words reach at most ``rare_reach`` names) cannot retrieve a delta entity, so its customer
cannot match one: the
customers left are a superset of those a screening against the delta's entities returns a
match for. Identifiers are matched exactly, as the screener matches them. Which words reach
anything is found without looking every book word up: each word's *probes* (every key its
lookup may read) are stored hashed, and only words with a probe among the small index's keys
are looked up.
"""

from __future__ import annotations

import multiprocessing
import zlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from string import ascii_lowercase

import numpy as np
import numpy.typing as npt
import orjson

from clearance.gcpause import bulk_worker, frozen_for_fork
from clearance.matching.engine import Algorithm, query_forms
from clearance.matching.index import (
    KIND_LATIN,
    KIND_NATIVE,
    KIND_SKELETON,
    NameIndex,
    clean_identifier,
    deletions,
)
from clearance.matching.legalforms import warm_up_forms
from clearance.matching.names import word_weight
from clearance.matching.params import NameParams
from clearance.matching.phonetics import phonetic, respell, sound
from clearance.matching.query import Query
from clearance.matching.retrieve import word_records
from clearance.matching.scripts import warm_up
from clearance.model import Schema
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import FormsPart, Indexed, Raw, merge

ARRAYS = "forms.npz"
META = "forms.json"
PAIR_PREFIXES = ("c:", "t:", "n:", "s:")  # every prefix a run-together pair is looked up by
PREFIX = {KIND_LATIN: "t:", KIND_NATIVE: "n:", KIND_SKELETON: "s:"}  # as retrieval's keys
Hit = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]  # names a word reaches, and how


def customer_forms(customer: BookCustomer) -> Raw:
    """The query forms of one customer's name: (kind, trust, words) each."""
    schema = Schema(customer.type) if customer.type else None
    forms = query_forms(Query(name=customer.name, schema=schema))
    raw = [(f.kind, f.trust, f.form.tokens) for f in forms]
    return customer.id, schema is Schema.PERSON, raw


def indexed(customer: BookCustomer) -> Indexed:
    """What the reverse index keeps of one customer (worked out where it is validated on
    import, so the index is not analysed again from the database)."""
    keys = (clean_identifier(value) for _type, value in customer.identifiers)
    return customer_forms(customer), tuple(k for k in keys if k)


def word_probes(word: str, kind: int, near: int, slips: Collection[int] = ()) -> list[str]:
    """Every key retrieval's lookup of one query word (``retrieve._word_keys``) may read in an
    index's vocabulary or deletion-neighbour table: when none is there, the word reaches
    nothing (``near``: the letters a word needs to reach names one edit away; ``slips``: the
    lengths of short words that reach names one typing slip away)."""
    prefix = PREFIX[kind]
    out = [prefix + word]
    if kind != KIND_LATIN:
        if len(word) >= near:
            out += [prefix + v for v in deletions(word)]
        return out
    plain = sound(word)
    out += [f"p:{phonetic(word)}", f"p:{plain}", f"c:{word}"]
    alt = respell(word)
    if alt != word:
        out += [f"t:{alt}", f"p:{phonetic(alt)}"]
        if len(alt) >= near:
            out += [prefix + v for v in deletions(alt)]
    if len(plain) >= near:
        out += [f"p:{v}" for v in deletions(plain)]
    if len(word) >= near or len(word) in slips:
        out += [prefix + v for v in deletions(word)]
    if len(word) in slips:  # two adjacent letters swapped
        out += [prefix + word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                for i in range(len(word) - 1)]  # fmt: skip
    if slips and len(word) == min(slips):  # one letter added (looked up in the vocabulary)
        out += [prefix + word[:i] + c + word[i:] for i in range(len(word) + 1)
                for c in ascii_lowercase]  # fmt: skip
    return out


def key_hashes(keys: Iterable[str]) -> npt.NDArray[np.uint32]:
    """CRC-32 of keys (a collision only makes a word look reachable: checked exactly)."""
    return np.fromiter((zlib.crc32(k.encode()) for k in keys), dtype=np.uint32)


def _chunk_forms(customers: Sequence[BookCustomer]) -> list[Raw]:
    return [customer_forms(c) for c in customers]


def analyse_customers(customers: Sequence[BookCustomer], workers: int = 1) -> Iterable[Raw]:
    """Every customer's forms, analysed in ``workers`` forked processes for large sets."""
    if workers <= 1 or len(customers) < 4000:
        return _chunk_forms(customers)
    warm_up()  # script tables loaded once, before the workers fork, not in each
    warm_up_forms()
    size = 5000
    chunks = [customers[i : i + size] for i in range(0, len(customers), size)]
    with (
        frozen_for_fork(),
        multiprocessing.get_context("fork").Pool(workers, initializer=bulk_worker) as pool,
    ):
        parts = pool.map(_chunk_forms, chunks)
    return [raw for part in parts for raw in part]


def lowest_floor(threshold: float, algorithm: Algorithm) -> tuple[float, float]:
    """Retrieval's floor for ``threshold`` (the screener's, from the declared parameters) and
    the lowest one a form with an unreached word may be held to (``rare_floor``)."""
    floor = algorithm.floor(threshold)
    rare = algorithm.retrieval.rare_floor
    return floor, min(floor, max(rare, floor - rare))


@dataclass
class BookForms:
    """The query forms of some customers of a book (one shard of its reverse index)."""

    ids: list[str]
    person: npt.NDArray[np.bool_]  # per customer
    words: list[str]  # distinct (kind, word): the word ...
    word_kind: npt.NDArray[np.int8]  # ... and its kind
    form_start: npt.NDArray[np.int64]  # form f's words: tok_word[form_start[f]:form_start[f+1]]
    tok_word: npt.NDArray[np.int32]
    form_customer: npt.NDArray[np.int32]
    form_kind: npt.NDArray[np.int8]
    form_trust: npt.NDArray[np.float32]
    pairs: list[str]  # distinct run-together pairs of adjacent words
    pair_word: npt.NDArray[np.int32]
    pair_form: npt.NDArray[np.int32]
    pair_weight: npt.NDArray[np.float32]  # the two words' weights
    probe_hash: npt.NDArray[np.uint32]  # every key a word's lookup may read (hashed) ...
    probe_word: npt.NDArray[np.int32]  # ... and the word
    identifiers: dict[str, list[int]]  # clean identifier -> customers
    # each pair's sound keys (retrieval also reaches a pair by sound): worked out once, stored
    pair_sounds: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.pair_sounds) != len(self.pairs):  # built now, or a shard saved without them
            self.pair_sounds = [(phonetic(p), sound(p)) for p in self.pairs]

    def __len__(self) -> int:
        return len(self.ids)

    # -- building and storing ----------------------------------------------------------------
    @classmethod
    def build(cls, customers: Sequence[BookCustomer], workers: int = 1) -> BookForms:
        keys = [
            (key, pos)
            for pos, customer in enumerate(customers)
            for _type, value in customer.identifiers
            if (key := clean_identifier(value))
        ]
        part = FormsPart.from_raw(analyse_customers(customers, workers), keys)
        return cls.from_parts([(part, None)])

    @classmethod
    def from_indexed(cls, entries: Sequence[Indexed]) -> BookForms:
        """A shard from customers analysed already (:func:`indexed`)."""
        return cls.from_parts([(FormsPart.from_indexed(entries), None)])

    @classmethod
    def from_parts(cls, parts: Iterable[tuple[FormsPart, Sequence[int] | None]]) -> BookForms:
        """A shard from parts analysed already, each with the positions of the customers to
        keep (None: all); the same as one built from those customers in one pass."""
        m = merge(parts)
        identifiers: dict[str, list[int]] = {}
        for key, pos in m.identifiers:
            identifiers.setdefault(key, []).append(pos)
        return cls(
            m.ids, m.person, [w for _k, w in m.words],
            np.array([k for k, _w in m.words], dtype=np.int8), m.form_start, m.tok_word,
            m.form_customer, m.form_kind, m.form_trust, m.pairs, m.pair_word, m.pair_form,
            m.pair_weight, *_probes(m.words), identifiers, m.pair_sounds,
        )  # fmt: skip

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"ids": self.ids, "words": self.words, "pairs": self.pairs,
                "pair_sounds": self.pair_sounds, "identifiers": self.identifiers}  # fmt: skip
        (folder / META).write_bytes(orjson.dumps(meta))
        with (folder / ARRAYS).open("wb") as handle:
            np.savez(handle, **{name: getattr(self, name) for name in _ARRAYS})

    @classmethod
    def load(cls, folder: Path) -> BookForms:
        meta = orjson.loads((folder / META).read_bytes())
        with np.load(folder / ARRAYS) as arrays:
            data = {name: arrays[name] for name in _ARRAYS}
        sounds = [(a, b) for a, b in meta.get("pair_sounds", [])]
        return cls(ids=meta["ids"], words=meta["words"], pairs=meta["pairs"],
                   identifiers=meta["identifiers"], pair_sounds=sounds, **data)  # fmt: skip

    def reached(
        self, index: NameIndex, algo: Algorithm, hits: dict[int, Hit] | None = None
    ) -> npt.NDArray[np.int64]:
        """Per word: how many names of ``index`` retrieval's lookup of it reaches (-1: none),
        and in ``hits`` (when given) the names and similarities themselves. Only the words with
        a probe among the index's keys are looked up (the rest reach nothing)."""
        keys = key_hashes(chain(index.vocab, index.neighbour_keys))
        maybe = np.unique(self.probe_word[np.isin(self.probe_hash, keys)])
        out = np.full(len(self.words), -1, dtype=np.int64)
        return self._reach(index, maybe, algo, out, hits)

    def _reach(
        self, index: NameIndex, positions: npt.NDArray[np.int32], algo: Algorithm,
        out: npt.NDArray[np.int64], hits: dict[int, Hit] | None = None,
    ) -> npt.NDArray[np.int64]:  # fmt: skip
        """``out`` with the reach in ``index`` of the words at ``positions`` filled in (and
        ``hits`` with what they reach)."""
        for pos in positions.tolist():
            word = self.words[pos]
            if len(word) < 2:  # not looked up by retrieval
                continue
            kind = int(self.word_kind[pos])
            hit = word_records(index, word, kind, algo.retrieval, algo.words)
            out[pos] = len(hit[0]) if hit is not None else -1
            if hits is not None and hit is not None:
                hits[pos] = hit
        return out

    # -- reverse screening -------------------------------------------------------------------
    def candidates(
        self, index: NameIndex, threshold: float, full: NameIndex | None = None
    ) -> set[str]:
        """Ids of the customers whose screening against ``index`` (the delta's entities) can
        return a match: a form's retrieval bound reaches the floor, or an identifier is the
        same (a superset: the monitor screens each forward, retrieval and scoring included).
        With ``full`` (the whole snapshot's index, which holds the delta's entities): those
        whose screening against ``full`` can return a match with one of the delta's entities
        (the floor is lowered only as retrieval in ``full`` lowers it)."""
        algo = Algorithm()
        floor, low = lowest_floor(threshold, algo)
        possible = self._bounded(index, floor, low, algo, full)
        found = {self.ids[pos] for pos in np.unique(self.form_customer[possible]).tolist()}
        for value in index.identifiers:
            found.update(self.ids[pos] for pos in self.identifiers.get(value, ()))
        return found

    def _bounded(
        self, index: NameIndex, floor: float, low: float, algo: Algorithm,
        full: NameIndex | None = None,
    ) -> npt.NDArray[np.int64]:  # fmt: skip
        """Forms whose retrieval bound against ``index`` can reach the floor (see the module
        docstring): the upper bound of every name of ``index`` at once."""
        params, near = algo.names, algo.retrieval.near_min_length
        found: dict[int, Hit] = {}
        reach = self.reached(index, algo, found)
        reached = reach >= 0
        best = np.zeros(len(self.words), dtype=np.float64)
        for pos, (_recs, sims) in found.items():
            best[pos] = float(sims.max())
        joined = {key[2:] for key in index.vocab if key[:2] in PAIR_PREFIXES}
        sounds = {key[2:] for key in index.vocab if key[:2] == "p:"}
        # A pair is also reached by sound ("lozitskii" / "lozitskiy": retrieve._joined_keys).
        pair_hit = np.fromiter(
            (p in joined or key in sounds or plain in sounds
             for p, (key, plain) in zip(self.pairs, self.pair_sounds, strict=True)),
            np.bool_, len(self.pairs),
        )  # fmt: skip
        forms = len(self.form_customer)
        tok_form = np.repeat(np.arange(forms), np.diff(self.form_start))
        tok_hit = reached[self.tok_word]
        p_hit = pair_hit[self.pair_word]
        hits = np.bincount(tok_form, weights=tok_hit, minlength=forms)
        hits += np.bincount(self.pair_form, weights=p_hit, minlength=forms)
        # Only a form a word or pair of which reaches a name can pass (``able``): the words'
        # weights and lengths are worked out for the words of those forms alone (the rest of
        # the book's vocabulary is left at 0, and its forms are not able).
        weight, short, long = self._word_facts(hits[tok_form] > 0, params, near)
        tok_w = weight[self.tok_word]
        total = np.bincount(tok_form, weights=tok_w, minlength=forms)
        # A reached word adds at most its weight times the best similarity it reaches a name
        # with; an initial is credited in full (as retrieval credits it to every name); a
        # run-together pair reaches a name once, at the best of its keys (at most 1).
        credit = np.where(short, 1.0, best)[self.tok_word]
        got = np.bincount(tok_form, weights=tok_w * credit, minlength=forms)
        got += np.bincount(self.pair_form, weights=self.pair_weight * p_hit, minlength=forms)
        # A match through a form counts its trust (retrieval bounds ``matched * trust``).
        got = got * self.form_trust.astype(np.float64)
        missed = np.bincount(tok_form, weights=~tok_hit & long[self.tok_word], minlength=forms)
        # The floor is lowered only for a form reaching few names: at least as many as its
        # most reaching word does.
        most = np.zeros(forms, dtype=np.int64)
        np.maximum.at(most, tok_form, reach[self.tok_word])
        lowered = (missed > 0) & (most <= algo.retrieval.rare_reach)
        able = (hits > 0) & (total > 0)
        slack = 1e-5 * total + 1e-6  # float32 roundings of retrieval's sums, and then some
        relaxed = able & lowered & (got >= low * total - slack)  # may be held to ``low``
        if full is not None and relaxed.any():
            relaxed &= self._lowered_in(full, relaxed, tok_form, long, algo, tok_w)
        # Then name by name: what one name of ``index`` collects (the words' parts summed as
        # retrieval sums them; initials, and pairs reaching anything, credited in full).
        extra = np.bincount(tok_form, weights=tok_w * short[self.tok_word], minlength=forms)
        extra += np.bincount(self.pair_form, weights=self.pair_weight * p_hit, minlength=forms)
        possible = np.flatnonzero(able & (got >= floor * total - slack) | relaxed)
        cut = np.where(relaxed, low, floor)[possible] * total[possible] - slack[possible]
        best_name = (
            np.concatenate(
                [self._per_name(part, found, tok_w)[0] for part in _parts(possible)]
                or [np.zeros(0)]
            )
            + extra[possible]
        )
        return possible[best_name * self.form_trust[possible] >= cut]

    def _word_facts(
        self, touched: npt.NDArray[np.bool_], params: NameParams, near: int
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Per word: its weight, whether it is an initial (shorter than 2) and whether it has
        ``near`` letters, for the words of the ``touched`` tokens (0 / False elsewhere)."""
        size = len(self.words)
        weight = np.zeros(size, dtype=np.float64)
        short = np.zeros(size, dtype=np.bool_)
        long = np.zeros(size, dtype=np.bool_)
        needed = np.unique(self.tok_word[touched]).tolist()
        words = [self.words[w] for w in needed]
        weight[needed] = [word_weight(w, params) for w in words]
        short[needed] = [len(w) < 2 for w in words]
        long[needed] = [len(w) >= near for w in words]
        return weight, short, long

    def _per_name(
        self, forms: npt.NDArray[np.int64], hits: dict[int, Hit], tok_w: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """Per form of ``forms``, through its words' ``hits`` (word -> names and similarities):
        the most weight one name collects (retrieval's sum of each word's weight times its
        similarity to that name), and how many distinct names its words reach."""
        starts, ends = self.form_start[forms], self.form_start[forms + 1]
        tok = _ranges(starts, ends - starts)
        words = self.tok_word[tok]
        order = np.fromiter(hits, np.int64, len(hits))
        sizes = np.zeros(len(self.words), dtype=np.int64)
        sizes[order] = [len(hits[w][0]) for w in order.tolist()]
        offset = np.zeros(len(self.words), dtype=np.int64)
        offset[order] = np.cumsum(sizes[order]) - sizes[order]
        parts = [hits[w] for w in order.tolist()]
        recs = np.concatenate([p[0] for p in parts] or [np.zeros(0, np.int32)]).astype(np.int64)
        sims = np.concatenate([p[1] for p in parts] or [np.zeros(0, np.float32)])
        count = sizes[words]
        entry = _ranges(offset[words], count)
        owner = np.repeat(np.repeat(np.arange(len(forms)), ends - starts), count)
        value = np.repeat(tok_w[tok], count) * sims[entry].astype(np.float64)
        span = int(recs.max(initial=0)) + 1
        pairs, where = np.unique(owner * span + recs[entry], return_inverse=True)
        summed = np.bincount(where, weights=value, minlength=len(pairs))
        pair_form = pairs // span
        best = np.zeros(len(forms), dtype=np.float64)
        np.maximum.at(best, pair_form, summed)
        return best, np.bincount(pair_form, minlength=len(forms))

    def _lowered_in(
        self, full: NameIndex, forms: npt.NDArray[np.bool_], tok_form: npt.NDArray[np.int64],
        long: npt.NDArray[np.bool_], algo: Algorithm, tok_w: npt.NDArray[np.float64],
    ) -> npt.NDArray[np.bool_]:  # fmt: skip
        """Which of ``forms`` retrieval in ``full`` holds to the lowered floor: a word of
        ``near_min_length`` letters reaches nothing there, and the form reaches at most
        ``rare_reach`` names (at least as many as its most reaching word does, and as many as
        its words reach together, the run-together pairs left out). A word that reaches
        nothing in ``full`` reaches nothing in the delta's index, which it contains."""
        count, rare = len(forms), algo.retrieval.rare_reach
        needed = np.unique(self.tok_word[forms[tok_form]])
        hits: dict[int, Hit] = {}
        reach = self._reach(full, needed, algo, np.full(len(self.words), -1, dtype=np.int64),
                            hits)  # fmt: skip
        missed = np.bincount(tok_form, weights=(reach < 0)[self.tok_word] & long[self.tok_word],
                             minlength=count)  # fmt: skip
        most = np.zeros(count, dtype=np.int64)
        np.maximum.at(most, tok_form, reach[self.tok_word])
        out = forms & (missed > 0) & (most <= rare)
        few = np.flatnonzero(out)  # their words reach at most ``rare`` names each
        kept = {w: h for w, h in hits.items() if len(h[0]) <= rare}
        out[few] = self._per_name(few, kept, tok_w)[1] <= rare
        return out


def _parts(forms: npt.NDArray[np.int64], size: int = 20_000) -> list[npt.NDArray[np.int64]]:
    """``forms`` in slices (a slice's (form, name) pairs stay a few MB)."""
    return [forms[i : i + size] for i in range(0, len(forms), size)]


def _ranges(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
            ) -> npt.NDArray[np.int64]:  # fmt: skip
    """The positions ``starts[i] .. starts[i] + lengths[i]`` of every ``i``, concatenated."""
    ends = np.cumsum(lengths)
    size = int(ends[-1]) if len(ends) else 0
    return np.repeat(starts - ends + lengths, lengths) + np.arange(size)


def _probes(
    vocab: list[tuple[int, str]],
) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int32]]:
    retrieval = Algorithm().retrieval
    near, slips = retrieval.near_min_length, retrieval.short_slip_lengths
    hashes: list[int] = []
    owners: list[int] = []
    for pos, (kind, word) in enumerate(vocab):
        if len(word) >= 2:  # shorter words are not looked up
            probes = word_probes(word, kind, near, slips)
            hashes += (zlib.crc32(p.encode()) for p in probes)
            owners += [pos] * len(probes)
    return np.array(hashes, dtype=np.uint32), np.array(owners, dtype=np.int32)


_ARRAYS = ("person", "word_kind", "form_start", "tok_word", "form_customer", "form_kind",
           "form_trust", "pair_word", "pair_form", "pair_weight", "probe_hash",
           "probe_word")  # fmt: skip
