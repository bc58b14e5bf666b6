"""Typing slips in short names, told apart from another name: two adjacent letters swapped,
or one letter added or dropped in a short word, in a word the lists do not hold ("MEAI" for
MAEI, "CJSC ZET" for CJSC ZEST) is a slip; a near-miss on a word the lists do hold ("Denis"
for DENISE) is another name (:func:`single_word_sim`, for names of one distinctive word
each); a short code's slip (:func:`pair_code_slip`). Slips in legal forms are
:mod:`clearance.matching.formslips`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from clearance.matching.formslips import SHORT_WORDS, plain_word
from clearance.matching.legalforms import legal_form_class
from clearance.matching.ocr import one_glyph_apart
from clearance.matching.pairing import supporting
from clearance.matching.params import NameParams
from clearance.matching.scripts import undouble
from clearance.matching.wordsim import swapped


def single_word_sim(
    query_word: str,
    listed_word: str,
    sim: float,
    listed: Container[str],
    params: NameParams,
    *,
    typed: bool = True,
    whole: bool = False,
    alone: bool = False,
    arabic: bool = False,
    person: bool = True,
) -> float:
    """How far a near-miss (``sim`` under ``params.distinctive_sim``) counts when each name
    has one distinctive word: mostly it makes the names different (``2 * sim - 1``); a typing
    slip (:func:`is_slip`, ``typed``: in a query typed in Latin letters; ``whole``: the rest
    of both names agrees) in a word the lists do not hold counts ``params.slip_sim``; a query
    word the lists hold is a name of its own, and a near-miss on it counts
    ``params.listed_word_miss`` of that. A word one pair of glyphs OCR confuses off in a
    typed query counts as a slip (since h179: "ARNANA" / AMANA, ``ocr.one_glyph_apart``). A
    word that is all the two names share (``alone``: no other word paired, no legal form in
    common) with a letter added or dropped is another
    name (1.12: "mn" is not MJN, "tmym LLC" not MYM), unless the letter is one typed twice
    ("HASSM" / HASM); two letters swapped stay a slip. A word read from Arabic script
    (``arabic``) whose consonants are not the listed word's (:func:`other_consonants`) is
    another name (1.20: "السادة", alsadt, is no القاعدة, alqadt; "پاكسان" no PARSHAN). In a
    company's name (not ``person``) a near-miss two edits or more off counts
    ``params.two_edit_miss`` of it (1.22)."""
    if arabic and other_consonants(query_word, listed_word):
        return 0.0
    different = max(0.0, 2 * sim - 1.0)
    if query_word in listed and not held_by_chance(query_word, listed_word):
        return different * params.listed_word_miss
    if typed and one_glyph_apart(query_word, listed_word):  # "ARNANA" / AMANA (ocr, h179)
        return max(different, params.slip_sim)
    if not person and OSA.distance(query_word, listed_word, score_cutoff=1) > 1:
        # A company's word two edits or more off (since 1.22): two words that look alike,
        # not one misspelt ("Martins" / MARTYRS, "Dowerg" / DOVER, "Russneft" / ROSNEFT); a
        # person's may be a spelling of the name ("Shamsedin" / SHAMSUDDIN)
        return different * params.two_edit_miss
    if (alone and len(query_word) != len(listed_word)
            and undouble(query_word) != undouble(listed_word)):  # fmt: skip
        return different
    if is_slip(query_word, listed_word, params, typed=typed, whole=whole):
        return max(different, params.slip_sim)
    return different


# Latin letters by the Arabic-script consonant they may write, loosely (a romanisation's
# choices fall in one class: q/k/g/j, t/d/s/z with th/dh/sh/zh, b/p); vowels and the letters
# romanisations write or leave out (w, y, v, h, ') are no consonant here.
_CONSONANT_CLASSES = str.maketrans("qcgjxtdzpv", "kkkkksssb ", "aeiouywh' ")
_ARTICLE = "al"


@lru_cache(maxsize=4096)
def _consonant_classes(word: str) -> str:
    if not word.isascii():
        return ""
    text = word.lower().replace("ph", "f")
    if text.startswith(_ARTICLE) and len(text) > len(_ARTICLE) + 2:
        text = text[len(_ARTICLE) :]
    return undouble(text.translate(_CONSONANT_CLASSES).replace(" ", ""))


def other_consonants(query_word: str, listed_word: str) -> bool:
    """Do two romanised words write other consonants, however a romanisation may spell them
    (letters by class, vowels, w, y, v and h left out, an article al- and a last t or d, the
    ة a romanisation writes or leaves out, aside)? Not when either is not in Latin letters."""
    q, c = _consonant_classes(query_word), _consonant_classes(listed_word)
    if not q or not c or q == c:
        return False
    return q.removesuffix("s") != c.removesuffix("s")


_S_BASE_END = frozenset("bcdfghjklmnpqrtvwxz")  # a listed word an English -s surname is built on


def s_surname(query_word: str, listed_word: str) -> bool:
    """Is ``query_word`` (typed in Latin letters) the listed word with an "s" added at its
    end, a listed word of four letters or more that ends in a consonant (round two,
    ``s_surnames``)? English surnames are built so from given names, and each is a name of
    its own: "Adams" is not ADAM, "Williams" not WILLIAM, "Peters" not PETER. Asked of
    persons' names only (names.compare): a company's word with an s is a plural or a slip
    ("Versors s.r.o." is VERSOR S.R.O.)."""
    return (len(listed_word) >= 4 and len(query_word) == len(listed_word) + 1
            and query_word[-1] == "s" and listed_word[-1] in _S_BASE_END
            and query_word.startswith(listed_word))  # fmt: skip


def is_slip(a: str, b: str, params: NameParams, *, typed: bool = True, whole: bool = False) -> bool:
    """``a`` and ``b`` are one typing slip apart: two adjacent letters swapped, or, in a short
    word of a query typed in Latin letters (not one read from a script: "jrmt", عجرمة, is
    not JMT), one letter
    added or dropped ("ZET"/ZEST, "TIA"/TIVA); not one letter changed ("Tom" is not "Too").
    The shorter word has ``params.slip_min_length`` letters or more, and a letter added or
    dropped ``params.slip_short_length`` or fewer (in a longer word the near-miss counts as
    it is: "Sena" is not SENAT), or a letter dropped from the listed word when it has
    ``params.slip_whole_length`` letters or fewer without it and the rest of both names agrees
    (``whole``: "KORY BANK" / KORYO BANK; "Kaula LLC" is not KALA LIMITED)."""
    size, other = len(a), len(b)
    shorter = min(size, other)
    if shorter < params.slip_min_length or abs(size - other) > 1:
        return False
    longest = params.slip_whole_length if whole and size < other else params.slip_short_length
    if size != other and (not typed or shorter > longest):
        return False
    if OSA.distance(a, b, score_cutoff=1) != 1:
        return False
    return size != other or swapped(a, b)


def pair_code_slip(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    listed: Container[str],
    params: NameParams,
    *,
    typed: bool,
    exact_sim: float,
) -> None:
    """Pair a company's one short word left over on each side ("KB ALFA" / KGB ALFA, "VEB
    RRF" / VEB RF) at ``params.slip_sim`` when the two are a typing slip apart (:func:`is_slip`,
    the shorter of ``params.slip_short_length`` letters or fewer) and every other word (if any:
    "MM SARL" / MMT SARL) has paired closely. A query word the lists hold ("KB" is a bank's
    abbreviation) pairs so only beside other words that all pair as spelt (``exact_sim``),
    one of them distinctive, and not when it is a particle or a low-information word itself
    ("de", "la", "co")."""
    if q_used.count(False) != 1 or c_used.count(False) != 1:
        return
    i, j = q_used.index(False), c_used.index(False)
    a, b = q_words[i], c_words[j]
    if typed and code_letter(a, b):
        # "M BANK" / MB BANK: a letter of a two-letter code dropped, every other word spelt
        # the same (since 1.15; a one-letter word is listed as an initial, not as a name)
        if pairs and all(s >= exact_sim for _, _, s, _, _ in pairs):
            q_used[i] = c_used[j] = True
            pairs.append((i, j, params.slip_sim, 1, 1))
        return
    if min(len(a), len(b)) > params.slip_short_length:
        return
    if a in listed and (
        plain_word(a)
        or any(s < exact_sim for _, _, s, _, _ in pairs)
        or (all(plain_word(q_words[p[0]]) for p in pairs) and not held_by_chance(a, b))
    ):  # ("DE SOL" is no DEV SOL, "TIA GROUP" no TIVA GROUP when DE and TIA are listed)
        return
    if all(s >= params.supported_sim for _, _, s, _, _ in pairs) and is_slip(
        a, b, params, typed=typed
    ):
        q_used[i] = c_used[j] = True
        pairs.append((i, j, params.slip_sim, 1, 1))


CHANCE_CODE_LENGTH = 2  # letters of a code the lists hold by chance (see held_by_chance)


def held_by_chance(query_word: str, listed_word: str) -> bool:
    """Is ``query_word`` a two-letter code, ``listed_word`` (three letters) with one dropped
    ("VB" / VTB)? The lists hold half of all two-letter codes (323 of 676, inside longer names:
    "VB MANAGEMENT EOOD"): holding one says little, and its slip counts as an unheld code's
    (1.24, round two: "VB BANK" / VTB BANK); not a word of its own or a legal form ("IT",
    "AS"), and a held three-letter word stays a name ("TIA GROUP" is not TIVA GROUP)."""
    return (len(query_word) == CHANCE_CODE_LENGTH and len(listed_word) == CHANCE_CODE_LENGTH + 1
            and query_word.isalpha() and listed_word.isalpha() and query_word not in SHORT_WORDS
            and legal_form_class((query_word,)) is None)  # fmt: skip


def code_letter(query_word: str, listed_word: str) -> bool:
    """Is ``query_word`` the first letter of ``listed_word``, a two-letter code of letters
    that is no particle or low-information word ("m" / MB; not "b" / MB, "d" / DE)?"""
    return (len(query_word) == 1 and len(listed_word) == 2 and listed_word[0] == query_word
            and listed_word.isalpha() and not plain_word(listed_word))  # fmt: skip


def code_slip_words(tokens: Sequence[str], listed: Container[str], params: NameParams) -> list[str]:
    """The words of a query that :func:`pair_code_slip` may pair: short, and not held by the
    lists unless the query has other words and the word is no particle or low-information
    word (a letter may be a code's: :func:`code_letter`), or it is a two-letter code, which
    the lists hold by chance (:func:`held_by_chance`)."""
    many = len(tokens) > 1
    return [w for w in tokens if len(w) <= params.slip_short_length + 1
            and (w not in listed or ((many or len(w) == CHANCE_CODE_LENGTH) and not plain_word(w))
                 or (many and len(w) == 1))]  # fmt: skip


def code_slip_possible(
    q_short: Sequence[str], c_words: Sequence[str], params: NameParams, *, typed: bool
) -> bool:
    """Could :func:`pair_code_slip` pair one of ``q_short`` (:func:`code_slip_words`) with a
    word of ``c_words``? (Then a bound without that pair is no bound.)"""
    short = params.slip_short_length
    for a in q_short:  # (plain loops: a generator's steps cost more than these tests)
        size = len(a)
        for b in c_words:
            other = len(b)
            if size - other > 1 or other - size > 1 or (size > short and other > short):
                continue
            if is_slip(a, b, params, typed=typed) or (typed and code_letter(a, b)):
                return True
    return False


class CodeSlips:
    """:func:`code_slip_possible` for one query name's short words (:func:`code_slip_words`),
    answered per listed word and memoised: listed words recur across the names a query is
    compared with."""

    def __init__(self, q_short: list[str], listed: object, params: NameParams, typed: bool) -> None:
        self.q_short, self.listed, self.params, self.typed = q_short, listed, params, typed
        self.words: dict[str, bool] = {}

    def possible(self, c_words: Sequence[str]) -> bool:
        """``code_slip_possible(q_short, c_words, ...)``."""
        if not self.q_short:
            return False
        for word in c_words:
            found = self.words.get(word)
            if found is None:
                found = self.words[word] = code_slip_possible(
                    self.q_short, (word,), self.params, typed=self.typed
                )
            if found:
                return True
        return False


def pair_leftovers(
    q_weights: Sequence[float],
    c_weights: Sequence[float],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    sim: Callable[[int, int], float],
    params: NameParams,
    q_patronymic: Sequence[bool],
    q_words: Sequence[str] = (),
) -> None:
    """Pair the one word each side has left over ("Mohamed Ale Nkalubo" / MOHAMED ALI NKALUBO,
    "Novikov Ian" / NOVIKOV Yan) at their similarity, however low (from
    ``params.leftover_sim``), when every other word has paired and enough of them agree
    closely: in a short word one slip is most of the word, but it is that word's slip.
    Since 1.22 an agreeing patronymic (``q_patronymic``, by query word) supports only the
    given name it follows ("Iuri Valentinovich Kovalchuk" / KOVALCHUK, Yuri Valentinovich):
    a given name and a father's given name say nothing of the family name, which thousands
    of people with both have ("Tarasova Irina Aleksandrovna" is not CHERKASOVA, Irina
    Aleksandrovna; :func:`~clearance.matching.pairing.supporting`). The "al-Din" half of a
    query's compound (``q_words``) supports nothing on its own."""
    if q_used.count(False) != 1 or c_used.count(False) != 1:
        return
    i, j = q_used.index(False), c_used.index(False)
    if q_weights[i] < 1.0 or c_weights[j] < 1.0:
        return
    close = supporting(pairs, (), params.supported_sim, single=True, q_words=q_words)
    value = sim(i, j)
    if close >= params.leftover_support and value >= params.leftover_sim:
        if (supporting(pairs, q_patronymic, params.supported_sim, single=True, q_words=q_words)
                < params.leftover_support
                and not (i + 1 < len(q_patronymic) and q_patronymic[i + 1])):  # fmt: skip
            return
        q_used[i] = c_used[j] = True
        pairs.append((i, j, value, 1, 1))
