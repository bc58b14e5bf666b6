"""Cold-pass cuts on the retrieval side (h147, issue 11; no outcome changes): a repeated word's
best similarities per listed name kept in one float32 array per word (``retrieve._slots``,
read a column at a time), agreeing with the per-name arrays they replace (written out here
as 1.30 had them) over real listed names; ``same_length_edits`` reading the listed word in
place after its key's prefix; a form's trust made a numpy scalar once (``_float32``).
(h147's letter bits for ``phonetics.sound`` came to ``main`` from h153 first: dropped.)"""

from __future__ import annotations

import random
from array import array
from pathlib import Path

import numpy as np
import pytest

from clearance.matching.engine import Screener
from clearance.matching.index import KIND_LATIN, KIND_NATIVE, KIND_SKELETON, NameIndex
from clearance.matching.retrieve import (
    _COPIES,
    _float32,
    _slots,
    word_records,
)
from clearance.matching.wordkeys import same_length_edits, word_keys
from clearance.matching.wordsim import similarity_rows
from clearance.settings import MatchingPolicy
from clearance.sources import read_path


@pytest.fixture(scope="module")
def screener(data_dir: Path) -> Screener:
    parsed = read_path(data_dir / "ofac" / "sdn_csv_2023-12-28")
    return Screener.build(parsed.entities, MatchingPolicy(screen_cache=0))


def _rows_as_they_were(
    index: NameIndex, word: str, kind: int, recs: list[int], screener: Screener
) -> list[array[float]]:
    """1.30's ``_slots``: each record's ``_COPIES`` best similarities, as an array of its own."""
    params, words = screener.algo.retrieval, screener.algo.words
    texts = index.key_texts
    keys = word_keys(index.key_tables, word, kind, params, words)
    joined = {texts[k] for k in keys if texts[k][0] == "c"}
    distinct = sorted({t for rec in recs for t in index.rec_tokens[rec]})
    latin = kind == KIND_LATIN
    (row,) = similarity_rows([word], distinct, dense_script=kind == KIND_NATIVE,
                             initials=latin, respelt=latin, table=index.word_info,
                             params=words)  # fmt: skip
    sim = dict(zip(distinct, row, strict=True))
    out = []
    for rec in recs:
        tokens = index.rec_tokens[rec]
        vals = [sim[t] for t in tokens]
        if joined and len(tokens) > 1:
            pairs = zip(tokens, tokens[1:], strict=False)
            vals += [1.0 for a, b in pairs if "c:" + a + b in joined]
            if 2 < len(tokens) <= 5 and "c:" + "".join(tokens) in joined:
                vals.append(1.0)
        vals.sort(reverse=True)
        out.append(array("f", (vals + [0.0] * _COPIES)[:_COPIES]))
    return out


def _common_words(index: NameIndex, kind: int, count: int) -> list[str]:
    """The words most listed names of the kind ``kind`` hold."""
    seen: dict[str, int] = {}
    for rec_kind, tokens in zip(index.rec_kind, index.rec_tokens, strict=True):
        if rec_kind == kind:
            for token in set(tokens):
                if len(token) >= 2:
                    seen[token] = seen.get(token, 0) + 1
    return sorted(seen, key=lambda w: (-seen[w], w))[:count]


@pytest.mark.parametrize("kind", [KIND_LATIN, KIND_SKELETON])
def test_slots_are_the_per_name_rows_they_replace(screener: Screener, kind: int) -> None:
    index, algo = screener.index, screener.algo
    index.__dict__.pop("_repeat_slots", None)
    rng = random.Random(131)
    checked = 0
    for word in _common_words(index, kind, 12):
        hit = word_records(index, word, kind, algo.retrieval, algo.words)
        if hit is None:
            continue
        recs = hit[0].tolist()
        # a part first, then all (the memo's records read again), in a shuffled order
        part = rng.sample(recs, min(len(recs), 40))
        rng.shuffle(recs)
        for asked in (part, recs):
            want = _rows_as_they_were(index, word, kind, asked, screener)
            for col in range(_COPIES):
                got = _slots(index, word, kind, asked, algo.retrieval, algo.words, col)
                assert got == [row[col] for row in want]
        checked += len(recs)
    assert checked > 500  # (common words of real names: many names each)


def test_same_length_edits_read_in_place_are_those_of_the_word(screener: Screener) -> None:
    rng = random.Random(7)
    words = [w for w in _common_words(screener.index, KIND_LATIN, 400) if len(w) >= 3]
    letters = "aeiouhkmnrstl"
    for word in words:
        for _ in range(8):
            other = list(word)
            for _ in range(rng.randint(0, 2)):  # a letter changed, or two swapped
                at = rng.randrange(len(other))
                if rng.random() < 0.5 and at + 1 < len(other):
                    other[at], other[at + 1] = other[at + 1], other[at]
                else:
                    other[at] = rng.choice(letters)
            text = "".join(other)
            for prefix in ("", "t:", "p:"):
                assert same_length_edits(word, prefix + text, len(prefix)) == same_length_edits(
                    word, text
                )


def test_a_trust_made_once_is_numpys_scalar() -> None:
    for value in (1.0, 0.9, 0.85, 0.0, 0.7333333333333333, 1e-9):
        got = _float32(value)
        assert type(got) is np.float32 and got == np.float32(value)
        assert _float32(value) is got  # (made once)
