"""A query's candidate names before they are compared: the similarities of the query's words
with theirs (``word_sims``), and per query form the names that cannot reach the floor, with
their bounds (``prebound_names``), read from the index's columns.
"""

from __future__ import annotations

from clearance.matching.algorithm import Algorithm
from clearance.matching.comparison import NameComparison
from clearance.matching.index import KIND_LATIN, KIND_NATIVE, NameIndex
from clearance.matching.prebound import MIN_NAMES, bound_names
from clearance.matching.query import Query
from clearance.matching.retrieve import QueryForm
from clearance.matching.weights import WeightedName, word_table
from clearance.matching.wordsim import WordSimilarity
from clearance.model import Schema


def word_sims(
    index: NameIndex, algo: Algorithm, forms: list[QueryForm], by_entity: dict[int, list[int]]
) -> dict[int, WordSimilarity]:
    """Per kind of form: the similarities of the query's words with the candidates'."""
    rec_kind, rec_tokens = index.rec_kind, index.rec_tokens
    sims: dict[int, WordSimilarity] = {}
    for kind in {f.kind for f in forms}:
        q_words = sorted({w for f in forms if f.kind == kind for w in f.form.tokens})
        c_words = sorted(
            {
                w
                for rec_ids in by_entity.values()
                for r in rec_ids
                if rec_kind[r] == kind
                for w in rec_tokens[r]
            }
        )
        sims[kind] = WordSimilarity(
            q_words, c_words, dense_script=kind == KIND_NATIVE, initials=kind == KIND_LATIN,
            table=index.word_info, params=algo.words,
        )  # fmt: skip
    return sims


def prebound_names(
    index: NameIndex,
    algo: Algorithm,
    query: Query,
    weighted: list[tuple[QueryForm, WeightedName]],
    by_entity: dict[int, list[int]],
    sims: dict[int, WordSimilarity],
    floor: float,
) -> list[dict[int, NameComparison]]:
    """Per query form: the names of its kind that cannot reach ``floor``, with the bound
    :func:`compare` would return for them, when there are many (see :mod:`prebound`). The
    names are read from the index's columns: most of them are bounded out, and those need
    no record object."""
    rec_kind, rec_tokens = index.rec_kind, index.rec_tokens
    table = word_table(algo.names)
    query_person = query.schema is Schema.PERSON
    # (the names of one kind, their weights and types: the same for every form of it)
    of_kind: dict[int, tuple[list[int], list[tuple[str, ...]], list[list[float]], list[bool]]]
    of_kind = {}
    out: list[dict[int, NameComparison]] = []
    for qform, qname in weighted:
        kind = qform.kind
        names_of = of_kind.get(kind)
        if names_of is None:
            rec_ids = [r for rs in by_entity.values() for r in rs if rec_kind[r] == kind]
            names = [rec_tokens[r] for r in rec_ids] if len(rec_ids) >= MIN_NAMES else []
            weights = [[table[w][0] for w in tokens] for tokens in names]
            ent_schema, rec_entity = index.ent_schema, index.rec_entity
            persons = [query_person or ent_schema[rec_entity[r]] == "person"
                       for r in rec_ids] if names else []  # fmt: skip
            names_of = of_kind[kind] = (rec_ids, names, weights, persons)
        rec_ids, names, weights, persons = names_of
        if len(rec_ids) < MIN_NAMES:
            out.append({})
            continue
        found = bound_names(qname, names, weights, persons, sims[kind], algo.names,
                            floor)  # fmt: skip
        bounded: dict[int, NameComparison] = {}
        for k in range(len(rec_ids)):  # (by place: a zip is a generic iterator compiled)
            comp = found[k]
            if comp is not None:
                bounded[rec_ids[k]] = comp
        out.append(bounded)
    return out
