"""Korean and Chinese names written in Latin letters: the syllables the lists romanise them
with (McCune-Reischauer, the South's Revised Romanization and passport spellings, pinyin and
Wade-Giles), and the tests :func:`clearance.matching.names.compare` and the query forms make
of them (is a name all syllables, how many, are two swapped)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from clearance.matching.params import NameParams
from clearance.matching.scripts import hangul_syllable
from clearance.matching.vocab import PINYIN_SYLLABLES, WADE_GILES_SYLLABLES


def _syllables() -> frozenset[str]:
    """Korean syllables as the lists romanise them (McCune-Reischauer without marks, and the
    South's spellings of the common ones) and Chinese pinyin syllables."""
    korean = {hangul_syllable(chr(code)) for code in range(0xAC00, 0xD7A4)}
    for ini in _RR_INITIALS:  # the South's Revised Romanization
        for vowel in _RR_VOWELS:
            korean.update(ini + vowel + fin for fin in _RR_FINALS)
    korean |= _KOREAN_USUAL
    return frozenset(w for w in korean | PINYIN_SYLLABLES if w.isalpha())


_RR_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
                "k", "t", "p", "h")  # fmt: skip
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_RR_FINALS = ("", "k", "n", "l", "m", "p", "ng", "t")
# Spellings Koreans use in passports beside the systems ("Park Young Soo", "Lee Jung Hoon").
_KOREAN_USUAL = frozenset(
    """
    young joon jun soo hee sung jung kyung hyun chul seung yoon woo moon shin lee park choi
    kwang hoon hyung sook suk seok jae dong myung chang kyu gyu bum yeol yul jee kee
    """.split()  # noqa: SIM905
)

SYLLABLES = _syllables()
# A listed name's syllables may be Wade-Giles too ("CHEN, Shih Huan": three syllables).
LISTED_SYLLABLES = SYLLABLES | WADE_GILES_SYLLABLES


@lru_cache(maxsize=100_000)
def syllable_name(words: tuple[str, ...]) -> bool:
    """Is every word a Korean or Chinese syllable as romanised ("kim kyong ok", "won hong")?"""
    return all_syllables(words)


def all_syllables(words: tuple[str, ...]) -> bool:
    """:func:`syllable_name`, not memoised (for a compiled caller, ``names.compare``: a few
    set look-ups cost less than a call through the memo, a tuple hashed)."""
    return len(words) >= 2 and all(w in SYLLABLES for w in words)


@lru_cache(maxsize=100_000)
def syllable_count(words: tuple[str, ...]) -> int:
    """The syllables of a Korean or Chinese name whose given name may be written as one word
    ("li jiadong", "wang guoying": 3), or 0 when a word is neither a syllable nor two."""
    count = 0
    known = LISTED_SYLLABLES
    for word in words:
        if word in known:
            count += 1
        elif any(word[:i] in known and word[i:] in known for i in range(1, len(word))):
            count += 2
        else:
            return 0
    return count if len(words) >= 2 else 0


def swapped_syllables(pairs: Sequence[tuple[int, int, float, int, int]]) -> bool:
    """Two adjacent query syllables paired with two adjacent listed ones in reverse order."""
    at = {qi: cj for qi, cj, _, qs, cs in pairs if qs == 1 and cs == 1}
    return any(qi + 1 in at and at[qi + 1] == cj - 1 for qi, cj in at.items())


def left_and_missed(
    pairs: Sequence[tuple[int, int, float, int, int]],
    q_words: Sequence[str],
    c_used: Sequence[bool],
    params: NameParams,
) -> bool:
    """Does a query leave a syllable of a listed Korean or Chinese name (of
    ``params.syllable_name_words`` syllables or more) unpaired while it pairs another only as
    a near-miss (under ``params.supported_sim``)? Two differences in a name of three
    syllables, each another character: another person's name (since 1.22; a query of words
    that are not all such syllables, as a Vietnamese name: "Kim Hoàng" is not KIM Won Hong,
    "Kim Vũ" not KIM Hyon Wu), and the syllable left out counts in full
    (``params.unmatched_syllable``). An initial is no near-miss here ("C. KO" / KO Chol Man)."""
    if all(c_used):
        return False
    return any(sim < params.supported_sim and len(q_words[qi]) > 1 for qi, _, sim, _, _ in pairs)
