"""A book's query forms in parts: built where the names are analysed, merged into one shard.

An import validates and analyses its rows chunk by chunk in forked workers; each worker also
turns its chunk's forms into the arrays of a :class:`FormsPart` (a local vocabulary of words
and run-together pairs, per form its words, kind, trust and customer, and each pair's sound
keys), so the parent neither unpickles a tuple of forms per row nor walks every form again to
build the shard. :func:`merge` joins parts, keeping only the customers each part's import
wrote, into the arrays of :class:`~clearance.monitor.bookforms.BookForms`: word and pair ids are
given in order of first use, exactly as one pass over all the kept customers gives them.
The parent of an import joins each part as it comes (:class:`Merger`), while the workers
analyse the next chunks, so little is left to do once the last chunk is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from clearance.matching.engine import Algorithm, query_forms
from clearance.matching.exact import exact_key
from clearance.matching.index import clean_identifier
from clearance.matching.phonetics import phonetic, sound
from clearance.matching.query import Query
from clearance.matching.weights import word_table
from clearance.model import Schema
from clearance.monitor.customer import BookCustomer

Forms = list[tuple[int, float, tuple[str, ...]]]  # a name's query forms: kind, trust, words
Raw = tuple[str, bool, Forms]  # id, person, forms
Indexed = tuple[Raw, tuple[str, ...]]  # a customer's forms and exact-match keys
Analysis = tuple[bool, Forms, str]  # of a name and type: person, forms, exact probe
EXACT_PREFIX = "="  # no clean identifier holds it (see clean_identifier)


def _forms(name: str, schema: Schema | None) -> Forms:
    return [(f.kind, f.trust, f.form.tokens) for f in query_forms(Query(name=name, schema=schema))]


def customer_forms(customer: BookCustomer) -> Raw:
    """The query forms of one customer's name: (kind, trust, words) each."""
    schema = Schema(customer.type) if customer.type else None
    return customer.id, schema is Schema.PERSON, _forms(customer.name, schema)


def analysis(name: str, kind: str | None) -> Analysis:
    """What the reverse index keeps of a name of type ``kind`` (the same for every customer
    who bears them): whether it is a person's, its query forms and its exact probe."""
    schema = Schema(kind) if kind else None
    return schema is Schema.PERSON, _forms(name, schema), exact_probe(name)


def exact_probe(name: str) -> str:
    """The customer's name as written (see :mod:`clearance.matching.exact`), kept with its
    identifiers under a prefix no clean identifier has: a listed name written the same way
    is found by it whatever the word analysis makes of either ("" when nothing is left)."""
    key = exact_key(name)
    return EXACT_PREFIX + key if key else ""


def customer_keys(customer: BookCustomer, exact: str | None = None) -> tuple[str, ...]:
    """The customer's exact-match keys: its clean identifiers and its name as written
    (``exact``: its :func:`exact_probe`, worked out already)."""
    keys = [clean_identifier(value) for _type, value in customer.identifiers]
    keys.append(exact_probe(customer.name) if exact is None else exact)
    return tuple(k for k in keys if k)


def indexed(customer: BookCustomer) -> Indexed:
    """What the reverse index keeps of one customer (worked out where it is validated on
    import, so the index is not analysed again from the database)."""
    return customer_forms(customer), customer_keys(customer)


@dataclass
class FormsPart:
    """The query forms of some customers, with their own word and pair ids (see module doc)."""

    ids: list[str]
    person: npt.NDArray[np.bool_]
    words: list[tuple[int, str]]  # (kind, word), in order of first use
    form_start: npt.NDArray[np.int64]
    tok_word: npt.NDArray[np.int32]
    form_customer: npt.NDArray[np.int32]
    form_kind: npt.NDArray[np.int8]
    form_trust: npt.NDArray[np.float32]
    pairs: list[str]
    pair_word: npt.NDArray[np.int32]
    pair_form: npt.NDArray[np.int32]
    pair_weight: npt.NDArray[np.float32]
    pair_sounds: list[tuple[str, str]]
    identifiers: list[tuple[str, int]]  # (clean identifier, customer), in customer order

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_indexed(cls, entries: Sequence[Indexed]) -> FormsPart:
        """A part from customers analysed already (:func:`indexed`)."""
        keys = [(key, pos) for pos, (_raw, found) in enumerate(entries) for key in found]
        return cls.from_raw((raw for raw, _keys in entries), keys)

    @classmethod
    def from_raw(cls, raws: Iterable[Raw], identifiers: list[tuple[str, int]]) -> FormsPart:
        params = Algorithm().names
        table = word_table(params)  # per word, memoised without hashing ``params``
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
                        p_weight.append(table[tokens[i]][0] + table[tokens[i + 1]][0])
        return cls(
            ids, np.array(person, dtype=np.bool_), list(vocab), np.array(starts, dtype=np.int64),
            np.array(toks, dtype=np.int32), np.array(f_cust, dtype=np.int32),
            np.array(f_kind, dtype=np.int8), np.array(f_trust, dtype=np.float32),
            list(pair_vocab), np.array(p_word, dtype=np.int32),
            np.array(p_form, dtype=np.int32), np.array(p_weight, dtype=np.float32),
            [(phonetic(p), sound(p)) for p in pair_vocab], identifiers,
        )  # fmt: skip

    def kept(self, customers: Sequence[int] | None) -> FormsPart:
        """This part with only ``customers`` (positions, ascending; None: all of them)."""
        if customers is None or len(customers) == len(self.ids):
            return self
        keep = np.zeros(len(self.ids), dtype=np.bool_)
        keep[np.asarray(customers, dtype=np.int64)] = True
        new_pos = np.cumsum(keep) - 1
        form_keep = keep[self.form_customer]
        lengths = np.diff(self.form_start)
        tok_keep = np.repeat(form_keep, lengths)
        new_form = np.cumsum(form_keep) - 1
        pair_keep = form_keep[self.pair_form]
        return FormsPart(
            [cid for cid, k in zip(self.ids, keep.tolist(), strict=True) if k],
            self.person[keep], self.words,
            np.concatenate([[0], np.cumsum(lengths[form_keep])]).astype(np.int64),
            self.tok_word[tok_keep], new_pos[self.form_customer[form_keep]].astype(np.int32),
            self.form_kind[form_keep], self.form_trust[form_keep], self.pairs,
            self.pair_word[pair_keep], new_form[self.pair_form[pair_keep]].astype(np.int32),
            self.pair_weight[pair_keep], self.pair_sounds,
            [(key, int(new_pos[pos])) for key, pos in self.identifiers if keep[pos]],
        )  # fmt: skip


def _first_use(ids: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    """The distinct values of ``ids`` in order of first occurrence."""
    values, first = np.unique(ids, return_index=True)
    return values[np.argsort(first, kind="stable")].astype(np.int64)


def _renumber(
    ids: npt.NDArray[np.int32], local: Sequence[object], table: dict[object, int], whole: bool
) -> tuple[npt.NDArray[np.int32], list[int]]:
    """``ids`` (into ``local``) as ids into ``table`` (entries added in order of first use),
    and the local positions of the entries that were new to ``table``. ``whole``: ``ids`` are
    a whole part's, which uses every entry of ``local`` and in order (``FormsPart.from_raw``
    numbers them so), so their order of first use is their own."""
    firsts = range(len(local)) if whole else _first_use(ids).tolist()
    before = len(table)
    # (an entry new to ``table`` gets the next id, so exactly those from ``before`` on are new)
    found = [table.setdefault(local[pos], len(table)) for pos in firsts]
    mapping = np.zeros(len(local), dtype=np.int32)
    mapping[firsts] = found
    added = [pos for pos, got in zip(firsts, found, strict=True) if got >= before]
    return mapping[ids], added


class Merger:
    """Parts joined into one as they come, in order (:meth:`add`; an import adds each chunk's
    part as the chunk is written, so the joining is done when the import is): word and pair
    ids given in order of first use, and each clean identifier's customers gathered."""

    def __init__(self) -> None:
        self.vocab: dict[object, int] = {}
        self.pair_vocab: dict[object, int] = {}
        self.pair_sounds: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.identifiers: dict[str, list[int]] = {}  # in order of first use; customers ascending
        self.arrays: dict[str, list[npt.NDArray[np.generic]]] = {name: [] for name in _CONCAT}
        self.tokens = self.forms = 0

    def add(self, whole: FormsPart, keep: Sequence[int] | None = None) -> None:
        """Join ``whole``, keeping the customers at positions ``keep`` (None: all)."""
        part = whole.kept(keep)
        tok_word, _ = _renumber(part.tok_word, part.words, self.vocab, part is whole)
        pair_word, added = _renumber(part.pair_word, part.pairs, self.pair_vocab, part is whole)
        self.pair_sounds += [part.pair_sounds[pos] for pos in added]
        base, identifiers = len(self.ids), self.identifiers
        for key, pos in part.identifiers:
            found = identifiers.get(key)
            if found is None:
                identifiers[key] = [base + pos]
            else:
                found.append(base + pos)
        arrays = self.arrays
        arrays["person"].append(part.person)
        arrays["form_start"].append(part.form_start[:-1] + self.tokens)
        arrays["tok_word"].append(tok_word)
        arrays["form_customer"].append(part.form_customer + base)
        arrays["form_kind"].append(part.form_kind)
        arrays["form_trust"].append(part.form_trust)
        arrays["pair_word"].append(pair_word)
        arrays["pair_form"].append(part.pair_form + self.forms)
        arrays["pair_weight"].append(part.pair_weight)
        self.ids += part.ids
        self.tokens += len(part.tok_word)
        self.forms += len(part.form_kind)

    def result(self) -> FormsPart:
        """The parts added, as one (its identifiers are :attr:`identifiers`, not repeated)."""
        arrays = {name: [*self.arrays[name]] for name in _CONCAT}
        arrays["form_start"].append(np.array([self.tokens], dtype=np.int64))
        out: dict[str, npt.NDArray[Any]] = {
            name: np.concatenate(arrays[name] or [np.zeros(0)]).astype(dtype)
            for name, dtype in _CONCAT.items()
        }
        return FormsPart(
            self.ids, out["person"], [w for w in self.vocab if isinstance(w, tuple)],
            out["form_start"], out["tok_word"], out["form_customer"], out["form_kind"],
            out["form_trust"], [p for p in self.pair_vocab if isinstance(p, str)],
            out["pair_word"], out["pair_form"], out["pair_weight"], self.pair_sounds, [],
        )  # fmt: skip


_CONCAT = {
    "person": np.bool_, "form_start": np.int64, "tok_word": np.int32, "form_customer": np.int32,
    "form_kind": np.int8, "form_trust": np.float32, "pair_word": np.int32,
    "pair_form": np.int32, "pair_weight": np.float32,
}  # fmt: skip
