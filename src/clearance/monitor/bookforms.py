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
distinct book word, whether :func:`word_records` reaches anything, then bounds each form from
above: the weight of its reached words, initials and pairs (every similarity taken as 1, the
unpaired listed words as 0) over its total weight. A form under the lowest floor retrieval
could use cannot retrieve a delta entity, so its customer cannot match one: the customers left
are a superset of those a screening against the delta's entities returns a match for, and
retrieval itself is then run on their forms to keep only those it reaches. Identifiers are
matched exactly, as the screener matches them.
"""

from __future__ import annotations

import multiprocessing
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import orjson

from clearance.matching.engine import Algorithm, query_forms
from clearance.matching.index import NameIndex, clean_identifier
from clearance.matching.names import word_weight
from clearance.matching.normalize import NameForm
from clearance.matching.query import Query
from clearance.matching.retrieve import QueryForm, retrieve, word_records
from clearance.model import Schema
from clearance.monitor.customer import BookCustomer

ARRAYS = "forms.npz"
META = "forms.json"
RARE_FLOOR = 0.3  # retrieval's floor for a rare form with an unreached word (see retrieve)
PAIR_PREFIXES = ("c:", "t:", "n:", "s:")  # every prefix a run-together pair is looked up by
Raw = tuple[str, bool, list[tuple[int, float, tuple[str, ...]]]]  # id, person, forms


def customer_forms(customer: BookCustomer) -> Raw:
    """The query forms of one customer's name: (kind, trust, words) each."""
    schema = Schema(customer.type) if customer.type else None
    forms = query_forms(Query(name=customer.name, schema=schema))
    raw = [(f.kind, f.trust, f.form.tokens) for f in forms]
    return customer.id, schema is Schema.PERSON, raw


def _chunk_forms(customers: Sequence[BookCustomer]) -> list[Raw]:
    return [customer_forms(c) for c in customers]


def analyse_customers(customers: Sequence[BookCustomer], workers: int = 1) -> Iterable[Raw]:
    """Every customer's forms, analysed in ``workers`` forked processes for large sets."""
    if workers <= 1 or len(customers) < 4000:
        return _chunk_forms(customers)
    size = 5000
    chunks = [customers[i : i + size] for i in range(0, len(customers), size)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.map(_chunk_forms, chunks)
    return [raw for part in parts for raw in part]


def lowest_floor(threshold: float, algorithm: Algorithm) -> tuple[float, float]:
    """Retrieval's floor for ``threshold`` (as the screener computes it) and the lowest one a
    form with an unreached word may be held to."""
    floor = max(
        algorithm.min_floor,
        min(threshold, algorithm.max_floor_threshold) - algorithm.retrieval_margin,
    )
    return floor, min(floor, max(RARE_FLOOR, floor - RARE_FLOOR))


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
    identifiers: dict[str, list[int]]  # clean identifier -> customers

    def __len__(self) -> int:
        return len(self.ids)

    # -- building and storing ----------------------------------------------------------------
    @classmethod
    def build(cls, customers: Sequence[BookCustomer], workers: int = 1) -> BookForms:
        identifiers: dict[str, list[int]] = defaultdict(list)
        for pos, customer in enumerate(customers):
            for _type, value in customer.identifiers:
                if key := clean_identifier(value):
                    identifiers[key].append(pos)
        return cls.from_raw(analyse_customers(customers, workers), dict(identifiers))

    @classmethod
    def from_raw(cls, raws: Iterable[Raw], identifiers: dict[str, list[int]]) -> BookForms:
        params = Algorithm().names
        vocab: dict[tuple[int, str], int] = {}
        pair_vocab: dict[str, int] = {}
        ids: list[str] = []
        person: list[bool] = []
        starts: list[int]
        toks: list[int]
        f_cust: list[int]
        f_kind: list[int]
        p_word: list[int]
        p_form: list[int]
        starts, toks, f_cust, f_kind, p_word, p_form = [0], [], [], [], [], []
        f_trust: list[float] = []
        p_weight: list[float] = []
        for pos, (cid, is_person, forms) in enumerate(raws):
            ids.append(cid)
            person.append(is_person)
            for kind, trust, tokens in forms:
                form = len(f_cust)
                toks += [vocab.setdefault((kind, t), len(vocab)) for t in tokens]
                starts.append(len(toks))
                f_cust.append(pos)
                f_kind.append(kind)
                f_trust.append(trust)
                for i in range(len(tokens) - 1):
                    if len(tokens[i]) >= 2:  # retrieval looks pairs up from such words only
                        p_word.append(pair_vocab.setdefault(tokens[i] + tokens[i + 1],
                                                            len(pair_vocab)))  # fmt: skip
                        p_form.append(form)
                        p_weight.append(word_weight(tokens[i], params)
                                        + word_weight(tokens[i + 1], params))  # fmt: skip
        return cls(
            ids, np.array(person, dtype=np.bool_), [w for _k, w in vocab],
            np.array([k for k, _w in vocab], dtype=np.int8), np.array(starts, dtype=np.int64),
            np.array(toks, dtype=np.int32), np.array(f_cust, dtype=np.int32),
            np.array(f_kind, dtype=np.int8), np.array(f_trust, dtype=np.float32),
            list(pair_vocab), np.array(p_word, dtype=np.int32),
            np.array(p_form, dtype=np.int32), np.array(p_weight, dtype=np.float32), identifiers,
        )  # fmt: skip

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"ids": self.ids, "words": self.words, "pairs": self.pairs,
                "identifiers": self.identifiers}  # fmt: skip
        (folder / META).write_bytes(orjson.dumps(meta))
        with (folder / ARRAYS).open("wb") as handle:
            np.savez(handle, **{name: getattr(self, name) for name in _ARRAYS})

    @classmethod
    def load(cls, folder: Path) -> BookForms:
        meta = orjson.loads((folder / META).read_bytes())
        with np.load(folder / ARRAYS) as arrays:
            data = {name: arrays[name] for name in _ARRAYS}
        return cls(ids=meta["ids"], words=meta["words"], pairs=meta["pairs"],
                   identifiers=meta["identifiers"], **data)  # fmt: skip

    # -- reverse screening -------------------------------------------------------------------
    def candidates(self, index: NameIndex, threshold: float) -> set[str]:
        """Ids of the customers whose screening against ``index`` (the delta's entities) can
        return a match: retrieval reaches one of its names, or an identifier is the same."""
        floor, low = lowest_floor(threshold, Algorithm())
        possible = self._bounded(index, floor, low)
        found: set[str] = set()
        params = Algorithm().names
        form_start, tok_word, words = self.form_start, self.tok_word, self.words
        by_customer: dict[int, list[QueryForm]] = defaultdict(list)
        for form in possible.tolist():
            tokens = tuple(words[t] for t in tok_word[form_start[form] : form_start[form + 1]])
            qform = QueryForm(NameForm(tokens, frozenset(), ""), int(self.form_kind[form]),
                              float(self.form_trust[form]))  # fmt: skip
            by_customer[int(self.form_customer[form])].append(qform)
        for pos, forms in by_customer.items():
            if retrieve(index, forms, floor=floor, params=params, person=bool(self.person[pos]),
                        max_records=10**9):  # fmt: skip
                found.add(self.ids[pos])
        for value in index.identifiers:
            found.update(self.ids[pos] for pos in self.identifiers.get(value, ()))
        return found

    def _bounded(self, index: NameIndex, floor: float, low: float) -> npt.NDArray[np.int64]:
        """Forms whose retrieval bound against ``index`` can reach the floor (see the module
        docstring): the upper bound of every name of ``index`` at once."""
        params = Algorithm().names
        reached = np.fromiter(
            (len(w) >= 2 and word_records(index, w, int(k)) is not None
             for w, k in zip(self.words, self.word_kind.tolist(), strict=True)),
            dtype=np.bool_, count=len(self.words),
        )  # fmt: skip
        vocab = index.vocab
        pair_hit = np.fromiter(
            (any(p + joined in vocab for p in PAIR_PREFIXES) for joined in self.pairs),
            dtype=np.bool_, count=len(self.pairs),
        )  # fmt: skip
        weight = np.fromiter((word_weight(w, params) for w in self.words), np.float64,
                             len(self.words))  # fmt: skip
        short = np.fromiter((len(w) < 2 for w in self.words), np.bool_, len(self.words))
        long = np.fromiter((len(w) >= 4 for w in self.words), np.bool_, len(self.words))
        forms = len(self.form_customer)
        tok_form = np.repeat(np.arange(forms), np.diff(self.form_start))
        tok_w = weight[self.tok_word]
        tok_hit = reached[self.tok_word]
        p_hit = pair_hit[self.pair_word]
        total = np.bincount(tok_form, weights=tok_w, minlength=forms)
        # A pair is looked up under two prefixes at most (Latin: "c:" and "t:"), each credited.
        got = np.bincount(tok_form, weights=tok_w * (tok_hit | short[self.tok_word]),
                          minlength=forms)  # fmt: skip
        got += np.bincount(self.pair_form, weights=2.0 * self.pair_weight * p_hit,
                           minlength=forms)  # fmt: skip
        hits = np.bincount(tok_form, weights=tok_hit, minlength=forms)
        hits += np.bincount(self.pair_form, weights=p_hit, minlength=forms)
        missed = np.bincount(tok_form, weights=~tok_hit & long[self.tok_word], minlength=forms)
        need = np.where(missed > 0, low, floor) * total - 1e-6
        ok = (hits > 0) & (total > 0) & (got >= need)
        return np.flatnonzero(ok)


_ARRAYS = ("person", "word_kind", "form_start", "tok_word", "form_customer", "form_kind",
           "form_trust", "pair_word", "pair_form", "pair_weight")  # fmt: skip
