"""Word similarity: how alike two words are, calibrated on edit distance *and* word length.

One typo in a long word is nearly the same word, one letter off in a three-letter word is
another word. The edit distances of all (query word, candidate word) pairs of a query come from
rapidfuzz's compiled ``cdist``; the rules on top (swapped letters, sound, romanisation letters,
initials, numbers, first letters) are plain arithmetic per pair.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from clearance.matching.normalize import phonetic, respell
from clearance.matching.scripts import undouble

MIN_WORD_SIM = 0.5  # below this two words are not the same word
MERGE_SIM = 0.8  # run-together words must agree at least this well
INITIAL_SIM = 0.9
PHONETIC_SIM = 0.95
SWAP_SIM = 0.7
LETTERS_SIM = 0.9  # words that differ in w/v or an initial j/y only
RESPELL_SIM = 0.97  # a word read back from a letter-by-letter transliteration
DOUBLED_SIM = 0.95  # words that differ only in a letter written once or twice ("Amiif"/"Amif")

# Similarity by (edit distance, longer word length); lengths beyond the table use its last entry.
_BY_DISTANCE: dict[int, tuple[float, ...]] = {
    #     len: 0    1    2    3    4    5     6    7    8    9    10   11
    1: (0.0, 0.0, 0.0, 0.3, 0.5, 0.8, 0.9, 0.9, 0.9, 0.92, 0.92, 0.92),
    2: (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.7, 0.8, 0.8, 0.82, 0.85),
    3: (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.6, 0.7),
}
SIM_BY_DISTANCE = np.zeros((5, 12), dtype=np.float32)
SIM_BY_DISTANCE[0, :] = 1.0
for _d, _row in _BY_DISTANCE.items():
    SIM_BY_DISTANCE[_d, :] = _row
SIM_BY_DISTANCE[4, 11] = 0.6  # four edits only in very long words


SIM_ROWS: tuple[tuple[float, ...], ...] = tuple(
    tuple(float(v) for v in row) for row in SIM_BY_DISTANCE.tolist()
)


def word_sim(dist: int, length: int) -> float:
    """Similarity of two words ``dist`` edits apart, the longer ``length`` letters long."""
    if dist >= 4 and dist * 4 > length:
        return 0.0
    return SIM_ROWS[min(dist, 4)][min(length, 11)]


def swapped(a: str, b: str) -> bool:
    """Two words one edit apart by OSA are two adjacent letters swapped when plain
    Levenshtein counts two edits ("aitf" / "atif")."""
    return Levenshtein.distance(a, b, score_cutoff=2) == 2


def similarity_rows(
    q: Sequence[str],
    c: Sequence[str],
    *,
    dense_script: bool = False,
    initials: bool = True,
    respelt: bool = False,
    table: Mapping[str, _Info] | None = None,
) -> list[list[float]]:
    """Word similarities of every query word against every candidate word (0..1).

    Edit distance is OSA (an adjacent swap is one edit). ``dense_script`` is for words written
    without vowels (Arabic script), where one letter carries more of the word. With
    ``respelt``, a query word that looks like a letter-by-letter Cyrillic round trip
    ("Tsompany") is also compared as the spelling it came from ("Company"), at a small cost.
    The edit distances of all pairs come from rapidfuzz's compiled ``cdist``; the rules on
    top are plain arithmetic per pair (cheaper than array operations at these sizes).
    """
    if not q or not c:
        return [[0.0] * len(c) for _ in q]
    rows = _similarity(q, c, dense_script, initials, table)
    if respelt:
        for i, word in enumerate(q):
            alt = respell(word)
            if alt != word:
                (other,) = _similarity([alt], c, dense_script, initials, table)
                rows[i] = [max(a, b * RESPELL_SIM) for a, b in zip(rows[i], other, strict=True)]
    return [array("f", row).tolist() for row in rows]


_Info = tuple[int, str, bool, str, str, bool, str]


def _info(word: str, key: str) -> _Info:
    """What the similarity needs of one word with phonetic key ``key``: length, phonetic key,
    spelling family, first letter, first sound, number, w/v-j/y spelling."""
    return (len(word), key, key.startswith("="), word[:1], key[:1], word.isdigit(),
            _letters(word))  # fmt: skip


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> _Info:
    """:func:`_info` of a query word, worked out once."""
    return _info(word, phonetic(word))


class WordInfo(dict[str, _Info]):
    """:func:`_info` of the words of an index, from their phonetic keys stored in the index
    (worked out on first use; a word not in the table gets its key computed)."""

    def __init__(self, keys: Mapping[str, str]) -> None:
        super().__init__()
        self.phonetic = keys

    def __missing__(self, word: str) -> _Info:
        key = self.phonetic.get(word)
        value = self[word] = _info(word, phonetic(word) if key is None else key)
        return value


def _similarity(
    q: Sequence[str],
    c: Sequence[str],
    dense_script: bool,
    initials: bool,
    table: Mapping[str, _Info] | None = None,
) -> list[list[float]]:
    q_info = [_word_info(w) for w in q]
    c_info = [_word_info(w) for w in c] if table is None else [table[w] for w in c]
    dist_rows = process.cdist(q, c, scorer=OSA.distance, dtype=np.int32).tolist()
    sound_rows = process.cdist(
        [i[1] for i in q_info], [i[1] for i in c_info], scorer=OSA.distance, dtype=np.int32
    ).tolist()
    rows: list[list[float]] = []
    for qword, (ql, qp, qfam, qfirst, qsound, qnum, qlet), dists, sounds in zip(
        q, q_info, dist_rows, sound_rows, strict=True
    ):
        row: list[float] = []
        for cword, (cl, cp, cfam, cfirst, csound, cnum, clet), dist, pdist in zip(
            c, c_info, dists, sounds, strict=True
        ):
            if qnum or cnum:  # numbers agree or they do not
                row.append(1.0 if dist == 0 else 0.0)
                continue
            if initials and (ql == 1 or cl == 1):
                row.append((1.0 if ql == cl else INITIAL_SIM) if qfirst == cfirst else 0.0)
                continue
            if dist == 0:
                row.append(1.0)
                continue
            longer = ql if ql > cl else cl
            if dist > 2 and pdist > 2 and longer < 9 and len(qp) < 9 > len(cp) and qlet != clet:
                row.append(0.0)  # three edits apart in spelling and sound: another word
                continue
            shorter = cl if ql > cl else ql
            if dense_script:
                longer = (longer * 7) // 10
            sim = word_sim(dist, longer)
            # A swap of two adjacent letters is a typical typo, even in a four-letter word.
            if dist == 1 and shorter == longer >= 4 and swapped(qword, cword):
                sim = max(sim, SWAP_SIM)
            # A letter typed twice (or once where the list doubles it) is the same word, the
            # most common typo and transliteration difference, even in a short word or code.
            elif dist == 1 and shorter >= 3 and longer == shorter + 1 and doubled(qword, cword):
                sim = max(sim, DOUBLED_SIM)
            # Phonetic equality is trusted for names of five letters and more ("Yan"/"Jian"
            # and "Yang"/"Zhang" are different names), and always for spelling families.
            if pdist == 0:
                same = (qfam and cfam) or shorter >= 5
                psim = PHONETIC_SIM if same else 0.6 if shorter == 4 else 0.3
            else:
                psim = word_sim(pdist, max(len(qp), len(cp))) * 0.95
            sim = max(sim, psim)
            # Words that differ only in letters romanisations swap (w/v, an initial j/y:
            # "Wei" / "Vei", "Jo" / "Yo") are one word written two ways, however short.
            if initials and qlet == clet:
                sim = max(sim, LETTERS_SIM)
            # OFAC's own search requires the first letter to agree; a different first letter
            # (and first sound) makes a near-miss less likely to be the same name.
            if qfirst != cfirst and qsound != csound:
                sim *= 0.85
            row.append(sim)
        rows.append(row)
    return rows


def doubled(a: str, b: str) -> bool:
    """``a`` and ``b`` differ only in one letter written once or twice."""
    return undouble(a) == undouble(b)


@lru_cache(maxsize=100_000)
def _letters(word: str) -> str:
    """``word`` with w as v and an initial j as y (see :func:`similarity_rows`)."""
    word = word.replace("w", "v")
    return "y" + word[1:] if word.startswith("j") else word


class WordSimilarity:
    """Similarities of one query's words against a set of candidate words, as Python lists."""

    __slots__ = ("columns", "rows")

    def __init__(
        self,
        query_words: Sequence[str],
        candidate_words: Sequence[str],
        *,
        dense_script: bool = False,
        initials: bool = True,
        table: Mapping[str, _Info] | None = None,
    ) -> None:
        rows = similarity_rows(
            query_words,
            candidate_words,
            dense_script=dense_script,
            initials=initials,
            respelt=initials,
            table=table,
        )
        self.columns = {w: i for i, w in enumerate(candidate_words)}
        self.rows: dict[str, list[float]] = dict(zip(query_words, rows, strict=True))
