"""Word similarity: how alike two words are, calibrated on edit distance *and* word length.

One typo in a long word is nearly the same word, one letter off in a three-letter word is
another word. The edit distances of all (query word, candidate word) pairs of a query come from
rapidfuzz's compiled ``cdist``; the rules on top (swapped letters, sound, romanisation letters,
initials, numbers, first letters) are plain arithmetic per pair.
"""

from __future__ import annotations

from array import array
from collections.abc import Container, Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Final, cast

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from clearance.matching.equivalents import equivalents, raise_equivalents
from clearance.matching.memo import LastAsked, by_identity, sim_rows
from clearance.matching.ocr import GLYPH_MIN_LENGTH, glyph_split
from clearance.matching.params import WordParams
from clearance.matching.phonetics import ARTICLES as _ARTICLES
from clearance.matching.phonetics import phonetic, respell
from clearance.matching.wordletters import _letters, first_dropped
from clearance.matching.wordletters import doubled as doubled  # (re-exported: read here too)

WORDS = WordParams()  # the declared defaults (the engine passes its algorithm's)


def word_sim(dist: int, length: int, rows: tuple[tuple[float, ...], ...]) -> float:
    """Similarity of two words ``dist`` edits apart, the longer ``length`` letters long, by
    the table ``rows`` (:func:`~clearance.matching.params.sim_rows`)."""
    if dist >= 4 and dist * 4 > length:
        return 0.0
    return rows[min(dist, 4)][min(length, 11)]


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
    params: WordParams = WORDS,
) -> list[list[float]]:
    """Word similarities of every query word against every candidate word (0..1).

    Edit distance is OSA (an adjacent swap is one edit). ``dense_script`` is for words written
    without vowels (Arabic script), where one letter carries more of the word. With
    ``respelt``, a query word that looks like a letter-by-letter Cyrillic round trip
    ("Tsompany") is also compared as the spelling it came from ("Company"), at a small cost.
    The edit distances of all pairs come from rapidfuzz's compiled ``cdist``; the rules on
    top are plain arithmetic per pair (cheaper than array operations at these sizes).
    """
    return [row.tolist() for row in _float_rows(q, c, dense_script, initials, respelt, table,
                                                params)]  # fmt: skip


def _float_rows(
    q: Sequence[str],
    c: Sequence[str],
    dense_script: bool,
    initials: bool,
    respelt: bool,
    table: Mapping[str, _Info] | None,
    params: WordParams,
) -> list[array[float]]:
    """:func:`similarity_rows` as single-precision arrays (what a :class:`WordSimilarity`
    keeps for :mod:`~clearance.matching.prebound`, which reads them as numpy arrays)."""
    if not q or not c:
        return [array("f", [0.0] * len(c)) for _ in q]
    rows = _similarity(q, c, dense_script, initials, table, params)
    if respelt:
        factor = params.respell_sim
        for i, word in enumerate(q):
            alt = respell(word)
            if alt != word:
                (other,) = _similarity([alt], c, dense_script, initials, table, params)
                rows[i] = [max(a, b * factor) for a, b in zip(rows[i], other, strict=True)]
    return [array("f", row) for row in rows]


_Info = tuple[int, str, bool, str, str, bool, str]


def _info(word: str, key: str) -> _Info:
    """What the similarity needs of one word with phonetic key ``key``: length, phonetic key,
    spelling family, first letter, first sound, number, w/v-j/y spelling."""
    return (len(word), key, key.startswith("="), word[:1], key[:1], word.isdigit(),
            _letters(word))  # fmt: skip
    # (``_letters`` not memoised: a query word's _info is (_word_info), a listed word's is
    # kept by WordInfo; a memo's lookup and insertion cost more than the two string methods)


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> _Info:
    """:func:`_info` of a query word, worked out once."""
    return _info(word, phonetic(word))


class WordInfo(dict[str, _Info]):
    """:func:`_info` of the words of an index, from their phonetic keys stored in the index
    (worked out on first use; a word not in the table gets its key computed)."""

    def __init__(self, keys: Mapping[str, str], listed: Container[str] | None = None) -> None:
        super().__init__()
        # (a dict: read natively compiled, not through a generic method call)
        self.phonetic: dict[str, str] = keys if isinstance(keys, dict) else dict(keys)
        self.listed: Container[str] = keys if listed is None else listed

    def __missing__(self, word: str) -> _Info:
        key = self.phonetic.get(word)
        value = self[word] = _info(word, phonetic(word) if key is None else key)
        return value

    def complete(self) -> WordInfo:
        """Every indexed word's :func:`_info` now, as a first use would make it (a screener
        loading its index: a cold pass's queries otherwise pay for the listed words they meet
        first, ~3,500 instructions a word; 47,000 words, ~4 MB)."""
        for word, key in self.phonetic.items():
            if word not in self:
                self[word] = _info(word, key)
        return self


def _similarity(
    q: Sequence[str],
    c: Sequence[str],
    dense_script: bool,
    initials: bool,
    table: Mapping[str, _Info] | None,
    params: WordParams,
    whole: bool = True,
) -> list[list[float]]:
    q_info = [_word_info(w) for w in q]
    c_info = [_word_info(w) for w in c] if table is None else [table[w] for w in c]
    q_sounds, c_sounds = [i[1] for i in q_info], [i[1] for i in c_info]
    c_sound_len = [len(s) for s in c_sounds]
    nq, nc = len(q), len(c)
    rows = [[0.0] * nc for _ in range(nq)]  # (a pair left at 0.0 is another word)
    by_distance = sim_rows(params)
    dist_rows, sound_rows, todo = _distances(q, c, q_sounds, c_sounds, dense_script, initials,
                                             params)  # fmt: skip
    every = list(range(nc))  # (a list of places: iterated natively compiled, not a range object)
    for i in range(nq):
        _row_similarity(rows[i], q[i], q_info[i], c, c_info, c_sound_len, dist_rows[i],
                        sound_rows[i], every if todo is None else todo[i], dense_script,
                        initials, whole, params, by_distance)  # fmt: skip
    _article_free(rows, q, c, dense_script, initials, params)
    return rows


def _distances(
    q: Sequence[str],
    c: Sequence[str],
    q_sounds: list[str],
    c_sounds: list[str],
    dense_script: bool,
    initials: bool,
    p: WordParams,
) -> tuple[list[list[int]], list[list[int]], list[list[int]] | None]:
    """OSA distances of every (query word, candidate word) pair, in spelling and in sound,
    and, for many pairs, the candidate columns of each row left after :func:`_far_apart`
    (None: every column)."""
    nq, nc = len(q), len(c)
    todo: list[list[int]] | None = None
    dist_rows: list[list[int]]
    sound_rows: list[list[int]]
    if nq * nc < CDIST_PAIRS:  # (the same distances: cdist's fixed cost is ~20 pairs' worth)
        osa = OSA.distance
        dist_rows = [[osa(a, b) for b in c] for a in q]
        sound_rows = [[osa(a, b) for b in c_sounds] for a in q_sounds]
    else:
        dist_m = process.cdist(q, c, scorer=OSA.distance, dtype=np.int32)
        sound_m = process.cdist(q_sounds, c_sounds, scorer=OSA.distance, dtype=np.int32)
        if nq * nc >= MASKED_PAIRS:
            # Many pairs, nearly all far apart: the two rules that find a pair another word
            # from its lengths and distances alone are applied to all pairs at once (numpy),
            # and only the pairs left are looked at one by one below.
            far = _far_apart(dist_m, sound_m, q, c, q_sounds, c_sounds, dense_script, initials, p)
            todo = [[] for _ in range(nq)]
            left_i, left_j = np.nonzero(~far)  # (row by row, in order)
            for i, j in zip(left_i.tolist(), left_j.tolist(), strict=True):
                todo[i].append(j)
        dist_rows = dist_m.tolist()
        sound_rows = sound_m.tolist()
    return dist_rows, sound_rows, todo


def _row_similarity(
    row: list[float],
    word: str,
    info: _Info,
    c: Sequence[str],
    c_info: list[_Info],
    c_sound_len: list[int],
    dists: list[int],
    sounds: list[int],
    columns: list[int],
    dense_script: bool,
    initials: bool,
    whole: bool,
    p: WordParams,
    by_distance: tuple[tuple[float, ...], ...],
) -> None:
    """One query word's similarities to the candidate words of ``columns``, into ``row``:
    numbers, initials, the same spelling, and the two far-apart rules (another word, 0.0);
    a pair left is :func:`_near_similarity`."""
    edits, short = p.distinct_edits, p.distinct_length
    dense_num, dense_den = _dense_ratio(p) if dense_script else (1, 1)  # (a memo's call)
    ql, _qp, _qfam, qfirst, _qsound, qnum, qlet = info
    qpl = len(info[1])
    for j in columns:
        cl, _cp, _cfam, cfirst, _csound, cnum, clet = c_info[j]
        dist, pdist = dists[j], sounds[j]
        if qnum or cnum:  # numbers agree or they do not
            if dist == 0:
                row[j] = 1.0
            continue
        if initials and (ql == 1 or cl == 1):
            if qfirst == cfirst:
                row[j] = 1.0 if ql == cl else p.initial_sim
            continue
        if dist == 0:
            row[j] = 1.0
            continue
        cpl = c_sound_len[j]
        longer = ql if ql > cl else cl
        if (dist > edits and pdist > edits and longer < short and qpl < short > cpl
                and qlet != clet):  # fmt: skip
            continue  # three edits apart in spelling and sound: another word
        shorter = cl if ql > cl else ql
        if dense_script:
            longer = (longer * dense_num) // dense_den
        if (dist >= 4 and dist * 4 > longer and pdist >= 4
                and pdist * 4 > (qpl if qpl > cpl else cpl)
                and not (initials and qlet == clet)):  # fmt: skip
            continue  # far apart in spelling and sound: no rule below lifts it
        row[j] = _near_similarity(word, c[j], info, c_info[j], dist, pdist, longer, shorter,
                                  cpl, initials, whole, p, by_distance)  # fmt: skip


def _near_similarity(
    qw: str,
    cw: str,
    q_info: _Info,
    c_info: _Info,
    dist: int,
    pdist: int,
    longer: int,
    shorter: int,
    cpl: int,
    initials: bool,
    whole: bool,
    p: WordParams,
    by_distance: tuple[tuple[float, ...], ...],
) -> float:
    """The similarity of a pair no far-apart rule made another word: by edit distance and
    length, lifted by a swap, a doubled letter, sound or romanisation letters, lowered by a
    different first letter."""
    ql, qkey, qfam, qfirst, qsound, _qnum, qlet = q_info
    cl, _ck, cfam, cfirst, csound, _cnum, clet = c_info
    qpl = len(qkey)
    swap_len = p.swap_min_length
    sim = word_sim(dist, longer, by_distance)
    # A swap of two adjacent letters is a typical typo, even in a four-letter word
    # (in a three-letter code it pairs: "MTK" / TMK, see slips.single_word_sim).
    slip = 0.0  # (a swap is a slip wherever it is, the first two letters included)
    if dist == 1 and shorter == longer >= min(p.short_swap_length, swap_len) and swapped(qw, cw):
        slip = p.swap_sim if longer >= swap_len else p.short_swap_sim
        sim = max(sim, slip)
    # A letter typed twice (or once where the list doubles it) is the same word, the
    # most common typo and transliteration difference, even in a short word or code.
    elif dist == 1 and abs(ql - cl) == 1 and shorter >= p.doubled_min_length and doubled(qw, cw):
        sim = max(sim, p.doubled_sim)
    # One letter OCR read as two glyphs, or two as one ("moharnmed", "clavid": ocr) is one
    # edit, wherever it is (since h173)
    elif dist == 2 and abs(ql - cl) == 1 and shorter >= GLYPH_MIN_LENGTH and glyph_split(qw, cw):
        slip = word_sim(1, longer, by_distance)
        sim = max(sim, slip)
    # Phonetic equality is trusted for names of five letters and more ("Yan"/"Jian"
    # and "Yang"/"Zhang" are different names), and always for spelling families.
    if pdist == 0:
        same = (qfam and cfam) or shorter >= p.phonetic_min_length
        if same:
            psim = p.phonetic_sim
        elif shorter == p.phonetic_min_length - 1:
            psim = p.phonetic_sim_four
        else:
            psim = p.phonetic_sim_short
    else:
        psim = word_sim(pdist, qpl if qpl > cpl else cpl, by_distance) * p.phonetic_scale
    sim = max(sim, psim)
    # Words that differ only in letters romanisations swap (w/v, an initial j/y:
    # "Wei" / "Vei", "Jo" / "Yo") are one word written two ways, however short.
    if initials and qlet == clet:
        sim = max(sim, p.letters_sim)
    # OFAC's own search requires the first letter to agree; a different first letter
    # (and first sound) makes a near-miss less likely to be the same name.
    if qfirst != cfirst and qsound != csound and not (whole and first_dropped(qw, cw)):
        sim = max(sim * p.first_letter_factor, slip)
    return sim


MASKED_PAIRS = 2048  # from this many word pairs the far-apart ones are found with numpy
# (compiled, the loop below is native: numpy's two dozen calls cost more than it does on
# fewer pairs, ~10 % of a query's word similarities at 128 on a cold pass; callgrind, 1.26)
CDIST_PAIRS = 20  # from this many word pairs the edit distances come from rapidfuzz's cdist


def _far_apart(
    dist_m: np.ndarray,
    sound_m: np.ndarray,
    q: Sequence[str],
    c: Sequence[str],
    q_sounds: list[str],
    c_sounds: list[str],
    dense_script: bool,
    initials: bool,
    p: WordParams,
) -> np.ndarray:
    """Pairs :func:`_similarity`'s two far-apart rules make another word (0.0), found at once:
    not the same spelling, not an initial, and three edits apart in spelling and sound (short
    words) or four and a quarter of the word (any). (Words of one length are left to the
    rules one by one: the rules ask whether their w/v, j/y spellings differ, and spellings
    of two lengths always do. Numbers need no test: two numbers that differ are 0.0.)"""
    ql = np.fromiter(map(len, q), np.int32, len(q))[:, None]
    cl = np.fromiter(map(len, c), np.int32, len(c))[None, :]
    qpl = np.fromiter(map(len, q_sounds), np.int32, len(q))[:, None]
    cpl = np.fromiter(map(len, c_sounds), np.int32, len(c))[None, :]
    plain = (dist_m != 0) & (ql != cl)
    if initials:
        plain &= (ql != 1) & (cl != 1)
    longer = np.maximum(ql, cl)
    edits, short = p.distinct_edits, p.distinct_length
    far = (dist_m > edits) & (sound_m > edits) & (longer < short) & (qpl < short) & (cpl < short)
    if dense_script:
        num, den = _dense_ratio(p)
        longer = (longer * num) // den
    very_far = (dist_m >= 4) & (dist_m * 4 > longer) & (sound_m >= 4)
    very_far &= sound_m * 4 > np.maximum(qpl, cpl)
    result: np.ndarray = plain & (far | very_far)
    return result


def _article_free(
    rows: list[list[float]],
    q: Sequence[str],
    c: Sequence[str],
    dense_script: bool,
    initials: bool,
    params: WordParams,
) -> None:
    """A glued Arabic article adds no agreement: two words that both carry one ("aladnani" /
    "aljawlani", as the canonical form writes "al-Adnani") are as alike as their stems, never
    more than the whole words (the article would lift the pair over the first-letter rule
    and the length calibration)."""
    stem = params.article_stem_length
    q_glued = [(i, w[2:]) for i, w in enumerate(q) if len(w) - 2 >= stem and w[:2] in _ARTICLES]
    if not q_glued:
        return
    c_glued = [(j, w[2:]) for j, w in enumerate(c) if len(w) - 2 >= stem and w[:2] in _ARTICLES]
    if not c_glued:
        return
    q_stems, c_stems = [s for _, s in q_glued], [s for _, s in c_glued]
    # (whole=False: a stem's first letter is not a word's, first_dropped does not apply)
    stems = _similarity(q_stems, c_stems, dense_script, initials, None, params, whole=False)
    for (i, _), stem_row in zip(q_glued, stems, strict=True):
        row = rows[i]
        for (j, _), sim in zip(c_glued, stem_row, strict=True):
            if sim < row[j]:
                row[j] = sim


@by_identity  # once per parameter set, not per query
def _dense_fraction(params: WordParams) -> tuple[int, int]:
    return Fraction(params.dense_script_length).limit_denominator(100).as_integer_ratio()


_DENSE_ASKED: Final = LastAsked()


def _dense_ratio(params: WordParams) -> tuple[int, int]:
    """``dense_script_length`` as a fraction (integer arithmetic on word lengths; the set
    asked last answered first, in a native call: :class:`~clearance.matching.memo.LastAsked`)."""
    last = _DENSE_ASKED
    if params is last.params:
        return cast("tuple[int, int]", last.value)
    ratio = _dense_fraction(params)
    last.params, last.value = params, ratio
    return ratio


class SpeltWords:
    """The words the lists spell (index keys "t:word" and "n:word"), not the consonant
    skeletons of Arabic-script names, which no one types: a code ("FDRL", "TMK") is all
    consonants too, and its slip is still a slip; nor (since 1.23) the Latin words held only
    as the reading of an Arabic-script name (``read_only``: "spah" of "سپاه"), for the same
    reason."""

    __slots__ = ("read_only", "vocab")

    def __init__(self, vocab: Mapping[str, int], read_only: Container[str] = frozenset()) -> None:
        self.vocab = vocab
        self.read_only = read_only

    def __contains__(self, word: object) -> bool:
        vocab = self.vocab
        return (f"t:{word}" in vocab and word not in self.read_only) or f"n:{word}" in vocab


class WordSimilarity:
    """Similarities of one query's words against a set of candidate words, as Python lists."""

    __slots__ = ("arrays", "columns", "least", "listed", "params", "raised", "rows", "same")

    def __init__(
        self,
        query_words: Sequence[str],
        candidate_words: Sequence[str],
        *,
        dense_script: bool = False,
        initials: bool = True,
        table: Mapping[str, _Info] | None = None,
        params: WordParams = WORDS,
    ) -> None:
        self.params = params  # the pairing reads its thresholds from here
        # (the two names.compare reads per name: native floats, no attribute look-up on the
        # parameters, an interpreted class, per name compared)
        self.least: float = params.min_word_sim
        self.same: float = params.exact_sim
        # the words the lists hold (a query word among them is a name, not a typo)
        self.listed: Container[str] = table.listed if isinstance(table, WordInfo) else {}
        arrays = _float_rows(query_words, candidate_words, dense_script, initials, initials,
                             table, params)  # fmt: skip
        self.columns = {w: i for i, w in enumerate(candidate_words)}
        self.rows: dict[str, list[float]] = {}
        # (the same similarities, single precision as computed: prebound reads them as arrays)
        self.arrays: dict[str, array[float]] = {}
        for i in range(len(arrays)):  # (by place: a zip is a generic iterator compiled)
            word, row = query_words[i], arrays[i]
            self.rows[word] = row.tolist()
            self.arrays[word] = row
        # words that agree by what they name (``equivalents``: a given name's forms, h180, and
        # nicknames, h183, at given_form_sim / nickname_sim; a Russian kind word and its
        # translation, h184, and two English words of one kind, h193, at kind_translation_sim),
        # in single precision as the rest (the bounds read the arrays, the score the rows)
        self.raised = raise_equivalents(equivalents(params), query_words, self.columns,
                                        self.rows, self.arrays)  # fmt: skip
