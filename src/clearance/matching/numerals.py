"""Numbers in names (issue 11, round two, h163 and h172): "SEA STAR II" is "SEA STAR 2" (the
query forms read a numeral the other way, ``honorifics.numerals_read``), and not "SEA STAR
III": two names whose numerals, Roman, Arabic digits or (an organisation's) English number
words, are other numbers name two vessels, two companies or two persons ("KARIM III" / KARIM
IV), however alike their letters.

Digits alone are compared by ``WeightedName.numbers``; here a name's Roman numerals (after its
first word, of two letters or more; a single I, V or X is a person's initial, but an
organisation's or vessel's numeral) and an organisation's number words ("ASIA BRIDGE FIVE")
are read as numbers and compared with the other name's numerals when both names have one.
Since h172 an organisation's numeral that no listed word pairs with, facing a listed name that
writes no number, is another number too ("ASIA BRIDGE V" / ASIA BRIDGE: "ASIA BRIDGE 5" was
already, by its digits); a person's is not (lists leave a person's "Jr." or "III" out: "John
SMITH III" may be the listed John SMITH), unless the listed person's other names write another
generation (:func:`generation_conflict`: UN's "Hilarion Del Rosario SANTOS, III" is not the
"... SANTOS II" his other name "HILARION DEL ROSARIO SANTOS" would otherwise match). A person's
"Jr." and "Sr." are two generations as well (father and son: another person, the score halved
as for other numbers, not vetoed: a list or a writer may have the suffix wrong).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ONES = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_TENS = ("", "x", "xx", "xxx")
BY_VALUE = tuple(_TENS[n // 10] + _ONES[n % 10] for n in range(1, 40))  # i, ii, ... xxxix
ROMAN: dict[str, int] = {numeral: n for n, numeral in enumerate(BY_VALUE, start=1)}
LETTERS = frozenset(("i", "v", "x"))  # numerals that are also a person's initial
# English number words one to twenty, read as numbers in organisation names only
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty"), start=1)}  # fmt: skip
# a person's generation written as a word (a number of its own, never another's; since h196
# spelt out and as an ordinal too)
GENERATIONS: dict[str, int] = {"jr": -1, "jnr": -1, "junior": -1, "sr": -2, "snr": -2,
                               "senior": -2, "2nd": 2, "3rd": 3, "4th": 4}  # fmt: skip
_ENDS = frozenset((*ROMAN, *NUMBER_WORDS, *GENERATIONS))  # what a numbered name may end in


def _values(words: Sequence[str], person: bool, digits: bool = True) -> set[int]:
    out: set[int] = set()
    for word in words[1:]:
        if word.isdigit():
            if digits:
                out.add(int(word))
        elif word in ROMAN:
            if not person or word not in LETTERS:
                out.add(ROMAN[word])
        elif person:
            if word in GENERATIONS:
                out.add(GENERATIONS[word])
        elif word in NUMBER_WORDS:
            out.add(NUMBER_WORDS[word])
    return out


def numerals_differ(
    q_words: Sequence[str],
    c_words: Sequence[str],
    person: bool,
    q_used: Sequence[bool] | None = None,
    c_formed: bool = False,
) -> bool:
    """Do both names hold a numeral after their first word (Roman, digits, an organisation's
    number words, a person's Jr. / Sr.) and name other numbers ("sea star iii" / "sea star
    ii", "karim 3" / "karim iv", "reyes sr" / "reyes jr"), or does an organisation's query
    write a number no listed word pairs with where the listed name writes none ("asia bridge
    v" / "asia bridge")? Asked when either name ends in a numeral (see :func:`ends_in_numeral`).
    (``q_used``: which query words are paired, without it every word is; ``c_formed``: the
    listed name has a legal form, which a lone I, V or X left over may be what is left of:
    "AL-AQSA .V." for AL-AQSA E.V.)"""
    q_values = _values(q_words, person)
    if not q_values:
        return False
    c_values = _values(c_words, person)
    if c_values:
        return _differ(q_values, c_values, person)
    if person or q_used is None:
        return False
    return any(
        not used and (word.isdigit() or (word in _ENDS and not (c_formed and word in LETTERS)))
        for word, used in zip(q_words[1:], q_used[1:], strict=True)
    )


def _differ(q_values: set[int], c_values: set[int], person: bool) -> bool:
    """Other numbers (a person's Jr. / Sr. differ only from each other: "SMITH Jr." may be
    the listed SMITH II)."""
    if q_values == c_values:
        return False
    if not person:
        return True
    q_kinds = {v < 0 for v in q_values}
    return q_kinds == {v < 0 for v in c_values} and len(q_kinds) == 1


def ends_in_numeral(words: Sequence[str]) -> bool:
    """Does a name of two words or more end in a Roman numeral, a number word or a Jr. / Sr.
    (the cheap look first)?"""
    return len(words) > 1 and words[-1] in _ENDS


def generation(words: Sequence[str]) -> frozenset[int]:
    """A person query's numbers (generations) after its first word, if it ends in one."""
    return frozenset(_values(words, True)) if ends_in_numeral(words) else frozenset()


def generation_conflict(
    q_values: frozenset[int], best_words: Sequence[str], others: Sequence[Sequence[str]]
) -> bool:
    """Does a listed person whose best name for a query of generation ``q_values`` writes
    another generation (``best_words``; since h196 the query may have been read without its
    suffix, :func:`without_generation`, so the name's numbers were not compared), or writes
    none and one of its ``others`` names (Latin names: a skeleton's "sr" is no Sr.) does? A
    person is of one generation: UN's HILARION DEL ROSARIO SANTOS is also "Hilarion Del
    Rosario Santos, III" (not the query's II), OFAC's "DELOS REYES, Feleciano Semborio" also
    "..., Jr." (not the query's Sr.); a nickname's number is none ("EL 63")."""
    own = _values(best_words, True)
    if own:
        return _differ(set(q_values), own, True)
    for words in others:  # (asked only for a query that ends in a generation: rare)
        values = _values(words, True, digits=False)
        if values and _differ(set(q_values), values, True):
            return True
    return False


# A person's generation written after the name (since h196): the numbers above and the words
# of writers who spell it out or abbreviate it otherwise; a word that is also a family name
# ("Neto", "Sobrinho") is not one.
_GENERATION_WORDS = frozenset((*GENERATIONS, "ii", "iii", "iv", "filho"))
_GENERATION_PHRASES = (("the", "younger"), ("the", "elder"))
_GENERATION_TAIL = re.compile(r"[\s,]+(?:the\s+(?:younger|elder)|[^\W_]+)\.?\s*$", re.IGNORECASE)


def without_generation(text: str) -> str | None:
    """A person's name without the generation written after it ("John SMITH Jr.", "Atul
    GUPTA II", "Herve FOURCAND, Junior", "Pieter Bruegel the Younger" -> "Pieter
    Bruegel"), when two words or more are left, else ``None``. (A further reading of the
    query: the name as written keeps its generation, which :func:`generation_conflict`
    compares with the listed person's.)"""
    tail = _GENERATION_TAIL.search(text)
    if tail is None:
        return None
    words = tail.group().lower().strip(" ,.").split()
    if len(words) == 1 and words[0] not in _GENERATION_WORDS:
        return None
    if len(words) > 1 and tuple(words) not in _GENERATION_PHRASES:
        return None
    out = text[: tail.start()].rstrip(" ,;")
    return out if len(out.split()) >= 2 else None  # noqa: PLR2004
