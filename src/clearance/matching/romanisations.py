"""Is one romanised Korean or Chinese syllable another romanisation of the same syllable
(issue 11, class 8)? And a run-together pair of syllables held to that (since 1.30).

A syllable one letter off is another syllable ("ming" / "qing", 明 / 青), unless the letters
that differ are how two romanisations write one sound: Wade-Giles and pinyin ("yu" / "you" 有,
"tieh" / "tie" 铁, "kuei" / "gui" 贵, "chin" / "qin" 秦), McCune-Reischauer and Revised
Romanization ("chong" / "jong" 정, "kyong" / "gyeong" 경, "un" / "eun" 은). The word similarity
cannot tell them apart: both are one edit. :func:`same_syllable` can, by the syllable tables
(pypinyin's Wade-Giles, the Korean systems' onsets and vowels), and :func:`strict_merges`
holds a query's two syllable words paired with one listed word (or the other way) to it:
"Li Yu Min" is LI Youmin, "Wang Zhi Ming" is not WANG Zhiqing. Pure.
"""

from __future__ import annotations

from functools import cache, lru_cache

from clearance.matching.syllables import syllable_count
from clearance.matching.vocab import PINYIN_SYLLABLES

# The Korean systems' spellings of one onset: the South's voiced g / d / b and McCune-
# Reischauer's unvoiced k / t / p, and ch / j for ㅈ / ㅊ (MR "Chong", RR "Jeong" 정).
_KOREAN_ONSETS = {"g": "k", "d": "t", "b": "p", "j": "ch"}
# (pypinyin's table writes 铁 "t'oeh" and 欻 "ch`ua")
_WADE_GILES_FIXES = {"tie": "t'ieh", "chua": "ch'ua"}
_Pair = tuple[int, int, float, int, int]  # query word, listed word, similarity, spans


def wade_giles_of(syllable: str) -> str:
    """A pinyin syllable in Wade-Giles by pypinyin's table, lower case, u for ü, the
    aspiration's apostrophe kept ("chi": "ch'ih")."""
    from pypinyin import Style
    from pypinyin.style import convert

    wade = _WADE_GILES_FIXES.get(syllable) or str(convert(syllable, Style.WADEGILES, True))
    return wade.lower().replace("v", "u").replace("`", "'")


@cache
def _wade_giles() -> dict[str, frozenset[str]]:
    """A Wade-Giles syllable as typed (no apostrophe, u for ü) -> the pinyin syllables it
    writes, unaspirated and aspirated ("chih" zhi / chi, "yu" you / yu)."""
    out: dict[str, set[str]] = {}
    for syllable in sorted(PINYIN_SYLLABLES):
        typed = wade_giles_of(syllable).replace("'", "")
        if typed.isalpha():
            out.setdefault(typed, set()).add(syllable)
    return {typed: frozenset(found) for typed, found in out.items()}


def warm_up_syllables() -> None:
    """Read pypinyin's Wade-Giles table for :func:`pinyin_of` now (about 40 M instructions,
    15 ms), when the screener loads, not in the first query whose two syllable words pair
    with one listed word (or whose name may be Wade-Giles)."""
    _wade_giles()


@lru_cache(maxsize=20_000)
def pinyin_of(syllable: str) -> frozenset[str]:
    """The pinyin syllables ``syllable`` may write: itself if pinyin, and what it writes in
    Wade-Giles."""
    found = _wade_giles().get(syllable, frozenset())
    return found | {syllable} if syllable in PINYIN_SYLLABLES else found


@lru_cache(maxsize=20_000)
def korean_key(syllable: str) -> str:
    """A Korean syllable with the spellings the systems differ in made one: the South's eo /
    eu / oo as o / u / u, g / d / b as k / t / p and j as ch at the start."""
    word = syllable.replace("eo", "o").replace("eu", "u").replace("oo", "u")
    onset = _KOREAN_ONSETS.get(word[:1])
    return word if onset is None else onset + word[1:]


def same_syllable(one: str, other: str) -> bool:
    """Are ``one`` and ``other`` one syllable in two romanisations (or spelt alike)?"""
    return (
        one == other
        or korean_key(one) == korean_key(other)
        or not pinyin_of(one).isdisjoint(pinyin_of(other))
    )


def split_agrees(left: str, right: str, word: str) -> bool:
    """Is ``word`` two syllables run together that are ``left`` and ``right`` in some
    romanisation ("youmin" / "yu" "min")?"""
    return any(
        same_syllable(word[:cut], left) and same_syllable(word[cut:], right)
        for cut in range(1, len(word))
    )


def strict_merges(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    pairs: list[_Pair],
    syllabic: bool,
) -> None:
    """Two syllable words of one name paired with one word of the other at less than full
    similarity agree only when each syllable is a romanisation of the other side's: the
    pair's similarity is 0 otherwise ("Zhi Ming" / ZHIQING: another given name; in place).
    Names of syllables only (``syllabic``: read from Han or Hangul)."""
    for at, (qi, cj, sim, q_span, c_span) in enumerate(pairs):
        if q_span == c_span or sim >= 1.0:
            continue
        if not (syllabic or (syllable_count(q_words) and syllable_count(c_words))):
            return
        if q_span == 2:  # noqa: PLR2004
            agrees = split_agrees(q_words[qi], q_words[qi + 1], c_words[cj])
        else:
            agrees = c_span == 2 and split_agrees(c_words[cj], c_words[cj + 1], q_words[qi])  # noqa: PLR2004
        if not agrees:
            pairs[at] = (qi, cj, 0.0, q_span, c_span)
