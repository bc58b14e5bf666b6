"""Cold-pass cuts (h130, issue 11; no outcome changes): a word's keys reaching more than
``FEW_RECORDS`` records merged with numpy (plain Python only up to it), and
``NameComparison.explain`` read from the comparison's own lists. Each agrees with the path it
replaces (written out here as 1.27 had it), on the edge cases of its own."""

from __future__ import annotations

import random

import numpy as np
import pytest

from clearance.matching import retrieve
from clearance.matching.bounds import SMALL_HITS
from clearance.matching.names import NameComparison, compare
from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.retrieve import FEW_RECORDS, _best_per_record
from clearance.matching.weights import weigh
from clearance.matching.wordsim import WordSimilarity
from tests.matching.test_cold_speed_h108 import _reference, _tables


def _explain_as_it_was(comp: NameComparison) -> str:
    """``NameComparison.explain`` as 1.27 wrote it (through ``pairs`` and the unmatched words'
    properties)."""
    parts = [
        p.query if p.sim >= 0.999 else f"{p.query}~{p.candidate} ({p.sim:.2f})" for p in comp.pairs
    ]
    text = ", ".join(parts) if parts else "no word in common"
    if comp.unmatched_query:
        text += "; query only: " + " ".join(comp.unmatched_query)
    if comp.unmatched_candidate:
        text += "; listed only: " + " ".join(comp.unmatched_candidate)
    if comp.number_conflict:
        text += "; numbers differ"
    return text


def test_the_plain_merge_stops_below_the_bounds_small_hits() -> None:
    assert 0 < FEW_RECORDS < SMALL_HITS


@pytest.mark.parametrize("seed", range(60))
def test_merges_on_either_side_of_few_records_agree_with_the_plain_maximum(seed: int) -> None:
    """Keys reaching FEW_RECORDS - 2 .. FEW_RECORDS + 2 records in all (either path), records
    reached by several keys at equal and at different similarities."""
    rng = random.Random(seed)
    total = FEW_RECORDS + rng.randint(-2, 2)
    records = rng.choice([FEW_RECORDS, 3 * FEW_RECORDS, 10_000])
    sizes = [1] * rng.randint(2, 5)
    for _ in range(total - len(sizes)):
        sizes[rng.randrange(len(sizes))] += 1
    postings = [sorted(rng.sample(range(records), min(size, records))) for size in sizes]
    tables = _tables(postings)
    sims = [0.5, 0.75, 0.8, 0.9, 1.0, 0.8333333333333334]  # (a float32 rounding too)
    keys = {k: rng.choice(sims) for k in range(len(postings))}
    ids, vals = _best_per_record(tables, keys)
    recs, best = _reference(postings, keys)
    assert ids.dtype == np.int32 and vals.dtype == np.float32
    assert ids.tolist() == recs
    assert vals.tolist() == best


def test_a_record_on_every_key_keeps_its_best_similarity_on_the_numpy_side() -> None:
    """FEW_RECORDS + 1 records: one record on all three keys, best on the middle one."""
    postings = [[7, *range(100, 100 + FEW_RECORDS - 3)], [1, 7], [7]]
    tables = _tables(postings)
    keys = {0: 0.8, 1: 0.95, 2: 0.7}
    assert sum(len(p) for p in postings) == FEW_RECORDS + 1
    ids, vals = _best_per_record(tables, keys)
    by_rec = dict(zip(ids.tolist(), vals.tolist(), strict=True))
    assert by_rec[7] == np.float32(0.95) and by_rec[1] == np.float32(0.95)
    assert ids.tolist() == sorted(by_rec)
    assert retrieve.FEW_RECORDS == FEW_RECORDS


def _compare(query: str, listed: str, person: bool) -> NameComparison:
    (q_form,) = analyse(query)
    (c_form,) = analyse(listed)
    sims = WordSimilarity(q_form.tokens, c_form.tokens)
    params = NameParams()
    return compare(weigh(q_form, params), weigh(c_form, params), sims, person=person,
                   params=params)  # fmt: skip


@pytest.mark.parametrize(
    ("query", "listed", "person"),
    [
        ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", True),  # listed only
        ("Mohamed Ali Hassan", "Muhammad Aly", True),  # similar words, query only
        ("Kory Bank", "KORYO BANK", False),  # a slip in a company's word
        ("Abdul Rahman", "ABDULRAHMAN", True),  # two query words, one listed word
        ("Abdulrahman Saleh", "ABDUL RAHMAN SALEH", True),  # one query word, two listed
        ("Xyz Qwerty", "ROSNEFT", False),  # no word in common
        ("Vessel 12", "VESSEL 13", False),  # numbers differ
        ("Sergei Ivanov", "Sergey IVANOV", True),
    ],
)
def test_explain_is_the_pairs_and_unmatched_words_explanation(
    query: str, listed: str, person: bool
) -> None:
    comp = _compare(query, listed, person)
    assert comp.explain() == _explain_as_it_was(comp)


@pytest.mark.parametrize(
    "sim",
    [1.0, 0.9995, 0.99899, 0.999049, 0.98765, 0.00499996, 0.125, 0.30000000000000004, 0.5],
)
def test_explain_rounds_a_similarity_as_the_word_pair_did(sim: float) -> None:
    """Rounded to four places first (a pair at 0.99899 is shown as 1.00 only after that
    rounding; 0.00499996 is 0.01), a pair of two words on either side joined by a space."""
    comp = NameComparison(0.7, [(1, 0, sim, 2, 1), (0, 1, 1.0, 1, 2)], ("a", "bb", "cc", "d"),
                          ("bbcc", "a", "x"), [True, True, True, False], [True, True, True],
                          True)  # fmt: skip
    text = comp.explain()
    assert text == _explain_as_it_was(comp)
    assert text.endswith("; query only: d; numbers differ")
