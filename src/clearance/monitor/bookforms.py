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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from string import ascii_lowercase

import numpy as np
import numpy.typing as npt

from clearance.gcpause import bulk_worker, frozen_for_fork
from clearance.matching.engine import Algorithm
from clearance.matching.equivalents import equivalent_probes
from clearance.matching.index import (
    KIND_LATIN,
    KIND_NATIVE,
    KIND_SKELETON,
    NameIndex,
    deletions,
)
from clearance.matching.legalforms import warm_up_forms
from clearance.matching.params import NameParams
from clearance.matching.phonetics import phonetic, respell, sound
from clearance.matching.retrieve import word_records
from clearance.matching.scripts import warm_up
from clearance.matching.weights import word_weight
from clearance.monitor.customer import BookCustomer
from clearance.monitor.formparts import (
    EXACT_PREFIX,
    FormsPart,
    Indexed,
    Merger,
    Raw,
    customer_forms,
    customer_keys,
)
from clearance.monitor.lookups import (
    Grouped,
    Identifiers,
    Lookups,
    StringPairs,
    build_lookups,
    load_array,
    load_lookups,
    load_strings,
    ranges,
    save_array,
    save_lookups,
    save_strings,
)

PAIR_PREFIXES = ("c:", "t:", "n:", "s:")  # every prefix a run-together pair is looked up by
PREFIX = {KIND_LATIN: "t:", KIND_NATIVE: "n:", KIND_SKELETON: "s:"}  # as retrieval's keys
Hit = tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]  # names a word reaches, and how


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
    out += equivalent_probes(word)  # its forms, nicknames, translations (``equivalents``)
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

    ids: Sequence[str]
    person: npt.NDArray[np.bool_]  # per customer
    words: Sequence[str]  # distinct (kind, word): the word ...
    word_kind: npt.NDArray[np.int8]  # ... and its kind
    form_start: npt.NDArray[np.int64]  # form f's words: tok_word[form_start[f]:form_start[f+1]]
    tok_word: npt.NDArray[np.int32]
    form_customer: npt.NDArray[np.int32]
    form_kind: npt.NDArray[np.int8]
    form_trust: npt.NDArray[np.float32]
    pairs: Sequence[str]  # distinct run-together pairs of adjacent words
    pair_word: npt.NDArray[np.int32]
    pair_form: npt.NDArray[np.int32]
    pair_weight: npt.NDArray[np.float32]  # the two words' weights
    probe_hash: npt.NDArray[np.uint32]  # every key a word's lookup may read (hashed) ...
    probe_word: npt.NDArray[np.int32]  # ... and the word
    identifiers: Mapping[str, list[int]]  # clean identifier -> customers
    # each pair's sound keys (retrieval also reaches a pair by sound): worked out once, stored
    pair_sounds: Sequence[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lookups: Lookups | None = None
        if len(self.pair_sounds) != len(self.pairs):  # built now, or a shard saved without them
            self.pair_sounds = [(phonetic(p), sound(p)) for p in self.pairs]

    def __len__(self) -> int:
        return len(self.ids)

    # -- building and storing ----------------------------------------------------------------
    @classmethod
    def build(cls, customers: Sequence[BookCustomer], workers: int = 1) -> BookForms:
        keys = [(key, pos) for pos, customer in enumerate(customers)
                for key in customer_keys(customer)]  # fmt: skip
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
        merger = Merger()
        for part, keep in parts:
            merger.add(part, keep)
        return cls.from_merger(merger)

    @classmethod
    def from_merger(cls, merger: Merger) -> BookForms:
        """A shard from the parts joined by ``merger``."""
        m = merger.result()
        return cls(
            m.ids, m.person, [w for _k, w in m.words],
            np.array([k for k, _w in m.words], dtype=np.int8), m.form_start, m.tok_word,
            m.form_customer, m.form_kind, m.form_trust, m.pairs, m.pair_word, m.pair_form,
            m.pair_weight, *_probes(m.words), merger.identifiers, m.pair_sounds,
        )  # fmt: skip

    def save(self, folder: Path) -> None:
        """Store the shard as files read in place when loaded (:mod:`.lookups`)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in _ARRAYS:
            save_array(folder, name, getattr(self, name))
        save_strings(folder, "ids", self.ids)
        save_strings(folder, "words", self.words)
        save_strings(folder, "pairs", self.pairs)
        save_strings(folder, "pair_phonetic", (a for a, _ in self.pair_sounds))
        save_strings(folder, "pair_sound", (b for _, b in self.pair_sounds))
        keys = list(self.identifiers)
        members = [self.identifiers[k] for k in keys]
        save_strings(folder, "identifiers", keys)
        start = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum([len(m) for m in members], out=start[1:])
        save_array(folder, "identifier_members", np.fromiter(chain(*members), np.int64))
        save_array(folder, "identifier_start", start)
        save_lookups(folder, self.lookups())

    @classmethod
    def load(cls, folder: Path) -> BookForms:
        """A stored shard, memory-mapped: what a delta reads of it is what it reaches."""
        lookups = load_lookups(folder)
        members = Grouped(load_array(folder, "identifier_members"),
                          load_array(folder, "identifier_start"))  # fmt: skip
        identifiers = Identifiers(load_strings(folder, "identifiers"), lookups.identifier_keys,
                                  members)  # fmt: skip
        sounds = StringPairs(load_strings(folder, "pair_phonetic"),
                             load_strings(folder, "pair_sound"))  # fmt: skip
        forms = cls(ids=load_strings(folder, "ids"), words=load_strings(folder, "words"),
                    pairs=load_strings(folder, "pairs"), identifiers=identifiers,
                    pair_sounds=sounds, **{n: load_array(folder, n) for n in _ARRAYS})  # fmt: skip
        forms._lookups = lookups
        return forms

    def lookups(self) -> Lookups:
        """The shard's sorted lookups (stored with it; built once for one built in memory)."""
        if self._lookups is None:
            self._lookups = build_lookups(self)
        return self._lookups

    def reached(
        self, index: NameIndex, algo: Algorithm, hits: dict[int, Hit] | None = None
    ) -> npt.NDArray[np.int64]:
        """Per word: how many names of ``index`` retrieval's lookup of it reaches (-1: none),
        and in ``hits`` (when given) the names and similarities themselves. Only the words with
        a probe among the index's keys are looked up (the rest reach nothing)."""
        keys = key_hashes(chain(index.vocab, index.neighbour_keys))
        maybe = self.lookups().probes.find(keys)
        out = np.full(len(self.words), -1, dtype=np.int64)
        return self._reach(index, maybe, algo, out, hits)

    def _reach(
        self, index: NameIndex, positions: npt.NDArray[np.int64], algo: Algorithm,
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

    def pairs_reached(self, index: NameIndex) -> npt.NDArray[np.bool_]:
        """Per run-together pair: whether retrieval reaches a name of ``index`` through it (by
        its letters, or by sound: "lozitskii" / "lozitskiy", ``retrieve._joined_keys``). The
        pairs whose hashed keys are among the index's are checked exactly."""
        joined = {key[2:] for key in index.vocab if key[:2] in PAIR_PREFIXES}
        sounds = {key[2:] for key in index.vocab if key[:2] == "p:"}
        out = np.zeros(len(self.pairs), dtype=np.bool_)
        maybe = self.lookups().pair_keys.find(key_hashes(chain(joined, sounds)))
        for pos in maybe.tolist():
            key, plain = self.pair_sounds[pos]
            out[pos] = self.pairs[pos] in joined or key in sounds or plain in sounds
        return out

    # -- reverse screening -------------------------------------------------------------------
    def candidates(
        self, index: NameIndex, threshold: float, full: NameIndex | None = None
    ) -> set[str]:
        """Ids of the customers whose screening against ``index`` (the delta's entities) can
        return a match: a form's retrieval bound reaches the floor, an identifier is the same
        or the name is written as listed (a superset: the monitor screens each forward).
        With ``full`` (the whole snapshot's index, which holds the delta's entities): those
        whose screening against ``full`` can return a match with one of the delta's entities
        (the floor is lowered only as retrieval in ``full`` lowers it)."""
        algo = Algorithm()
        floor, low = lowest_floor(threshold, algo)
        possible = self._bounded(index, floor, low, algo, full)
        found = {self.ids[pos] for pos in np.unique(self.form_customer[possible]).tolist()}
        for value in chain(index.identifiers, (EXACT_PREFIX + key for key in index.exact)):
            found.update(self.ids[pos] for pos in self.identifiers.get(value, ()))
        return found

    def touching(
        self, words: npt.NDArray[np.int64], pairs: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        """The forms (ascending) with one of ``words`` or of the run-together ``pairs``."""
        found = self.lookups()
        tokens = found.word_tokens.items(words)
        by_word = np.searchsorted(self.form_start, tokens, side="right") - 1
        by_pair = self.pair_form[found.pair_entries.items(pairs)]
        return np.unique(np.concatenate([by_word, by_pair]).astype(np.int64))

    def _bounded(
        self, index: NameIndex, floor: float, low: float, algo: Algorithm,
        full: NameIndex | None = None,
    ) -> npt.NDArray[np.int64]:  # fmt: skip
        """Forms whose retrieval bound against ``index`` can reach the floor (see the module
        docstring): the upper bound of every name of ``index`` at once. Only the forms with a
        word or pair that reaches a name can pass; they alone are read (``sub``, and the
        arrays of their tokens and pairs, numbered locally)."""
        params, near = algo.names, algo.retrieval.near_min_length
        found: dict[int, Hit] = {}
        reach = self.reached(index, algo, found)
        reached = reach >= 0
        best = np.zeros(len(self.words), dtype=np.float64)
        for pos, (_recs, sims) in found.items():
            best[pos] = float(sims.max())
        pair_hit = self.pairs_reached(index)
        sub = self.touching(np.flatnonzero(reached), np.flatnonzero(pair_hit))
        forms = len(sub)
        lengths = self.form_start[sub + 1] - self.form_start[sub]
        tok_word = self.tok_word[ranges(self.form_start[sub], lengths)]
        tok_form = np.repeat(np.arange(forms), lengths)
        first = np.searchsorted(self.pair_form, sub, side="left")
        counts = np.searchsorted(self.pair_form, sub, side="right") - first
        entries = ranges(first, counts)
        pair_form = np.repeat(np.arange(forms), counts)
        p_hit = pair_hit[self.pair_word[entries]]
        pair_weight = self.pair_weight[entries].astype(np.float64)
        tok_hit = reached[tok_word]
        hits = np.bincount(tok_form, weights=tok_hit, minlength=forms)
        hits += np.bincount(pair_form, weights=p_hit, minlength=forms)
        weight, short, long = self._word_facts(tok_word, params, near)
        tok_w = weight[tok_word]
        total = np.bincount(tok_form, weights=tok_w, minlength=forms)
        # A reached word adds at most its weight times the best similarity it reaches a name
        # with; an initial is credited in full (as retrieval credits it to every name); a
        # run-together pair reaches a name once, at the best of its keys (at most 1).
        credit = np.where(short, 1.0, best)[tok_word]
        got = np.bincount(tok_form, weights=tok_w * credit, minlength=forms)
        got += np.bincount(pair_form, weights=pair_weight * p_hit, minlength=forms)
        # A match through a form counts its trust (retrieval bounds ``matched * trust``).
        got = got * self.form_trust[sub].astype(np.float64)
        missed = np.bincount(tok_form, weights=~tok_hit & long[tok_word], minlength=forms)
        # The floor is lowered only for a form reaching few names: at least as many as its
        # most reaching word does.
        most = np.zeros(forms, dtype=np.int64)
        np.maximum.at(most, tok_form, reach[tok_word])
        lowered = (missed > 0) & (most <= algo.retrieval.rare_reach)
        able = (hits > 0) & (total > 0)
        slack = 1e-5 * total + 1e-6  # float32 roundings of retrieval's sums, and then some
        relaxed = able & lowered & (got >= low * total - slack)  # may be held to ``low``
        if full is not None and relaxed.any():
            relaxed &= self._lowered_in(full, sub, relaxed, tok_word, tok_form, long, algo,
                                        weight)  # fmt: skip
        # Then name by name: what one name of ``index`` collects (the words' parts summed as
        # retrieval sums them; initials, and pairs reaching anything, credited in full).
        extra = np.bincount(tok_form, weights=tok_w * short[tok_word], minlength=forms)
        extra += np.bincount(pair_form, weights=pair_weight * p_hit, minlength=forms)
        possible = np.flatnonzero(able & (got >= floor * total - slack) | relaxed)
        cut = np.where(relaxed, low, floor)[possible] * total[possible] - slack[possible]
        best_name = (
            np.concatenate(
                [self._per_name(part, found, weight)[0] for part in _parts(sub[possible])]
                or [np.zeros(0)]
            )
            + extra[possible]
        )
        return sub[possible[best_name * self.form_trust[sub[possible]] >= cut]]

    def _word_facts(
        self, tok_word: npt.NDArray[np.int32], params: NameParams, near: int
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Per word: its weight, whether it is an initial (shorter than 2) and whether it has
        ``near`` letters, for the words of ``tok_word`` (0 / False elsewhere)."""
        size = len(self.words)
        weight = np.zeros(size, dtype=np.float64)
        short = np.zeros(size, dtype=np.bool_)
        long = np.zeros(size, dtype=np.bool_)
        needed = np.unique(tok_word).tolist()
        words = [self.words[w] for w in needed]
        weight[needed] = [word_weight(w, params) for w in words]
        short[needed] = [len(w) < 2 for w in words]
        long[needed] = [len(w) >= near for w in words]
        return weight, short, long

    def _per_name(
        self, forms: npt.NDArray[np.int64], hits: dict[int, Hit], weight: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """Per form of ``forms``, through its words' ``hits`` (word -> names and similarities):
        the most weight one name collects (retrieval's sum of each word's weight times its
        similarity to that name), and how many distinct names its words reach."""
        starts, ends = self.form_start[forms], self.form_start[forms + 1]
        tok = ranges(starts, ends - starts)
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
        entry = ranges(offset[words], count)
        owner = np.repeat(np.repeat(np.arange(len(forms)), ends - starts), count)
        value = np.repeat(weight[words], count) * sims[entry].astype(np.float64)
        span = int(recs.max(initial=0)) + 1
        pairs, where = np.unique(owner * span + recs[entry], return_inverse=True)
        summed = np.bincount(where, weights=value, minlength=len(pairs))
        pair_form = pairs // span
        best = np.zeros(len(forms), dtype=np.float64)
        np.maximum.at(best, pair_form, summed)
        return best, np.bincount(pair_form, minlength=len(forms))

    def _lowered_in(
        self, full: NameIndex, sub: npt.NDArray[np.int64], forms: npt.NDArray[np.bool_],
        tok_word: npt.NDArray[np.int32], tok_form: npt.NDArray[np.int64],
        long: npt.NDArray[np.bool_], algo: Algorithm, weight: npt.NDArray[np.float64],
    ) -> npt.NDArray[np.bool_]:  # fmt: skip
        """Which of ``forms`` (a mask over ``sub``, whose tokens are ``tok_word`` /
        ``tok_form``) retrieval in ``full`` holds to the lowered floor: a word of
        ``near_min_length`` letters reaches nothing there, and the form reaches at most
        ``rare_reach`` names (at least as many as its most reaching word does, and as many as
        its words reach together, the run-together pairs left out). A word that reaches
        nothing in ``full`` reaches nothing in the delta's index, which it contains."""
        count, rare = len(forms), algo.retrieval.rare_reach
        needed = np.unique(tok_word[forms[tok_form]]).astype(np.int64)
        hits: dict[int, Hit] = {}
        reach = self._reach(full, needed, algo, np.full(len(self.words), -1, dtype=np.int64),
                            hits)  # fmt: skip
        missed = np.bincount(tok_form, weights=(reach < 0)[tok_word] & long[tok_word],
                             minlength=count)  # fmt: skip
        most = np.zeros(count, dtype=np.int64)
        np.maximum.at(most, tok_form, reach[tok_word])
        out = forms & (missed > 0) & (most <= rare)
        few = np.flatnonzero(out)  # their words reach at most ``rare`` names each
        kept = {w: h for w, h in hits.items() if len(h[0]) <= rare}
        out[few] = self._per_name(sub[few], kept, weight)[1] <= rare
        return out


def _parts(forms: npt.NDArray[np.int64], size: int = 20_000) -> list[npt.NDArray[np.int64]]:
    """``forms`` in slices (a slice's (form, name) pairs stay a few MB)."""
    return [forms[i : i + size] for i in range(0, len(forms), size)]


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
