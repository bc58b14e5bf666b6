"""Roman numerals in names (issue 11, round two, h163): "SEA STAR II" is "SEA STAR 2" (the
query forms read a numeral the other way, ``honorifics.numerals_read``), and not "SEA STAR
III": two names whose numerals, Roman or Arabic digits, are other numbers name two vessels,
two companies or two persons ("KARIM III" / KARIM IV), however alike their letters.

Digits alone are compared by ``WeightedName.numbers``; here a name's Roman numerals (after its
first word, of two letters or more; a single I, V or X is a person's initial, but an
organisation's or vessel's numeral) are read as numbers and compared with the other name's
numerals, Roman or digits, when both names have one.
"""

from __future__ import annotations

_ONES = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_TENS = ("", "x", "xx", "xxx")
BY_VALUE = tuple(_TENS[n // 10] + _ONES[n % 10] for n in range(1, 40))  # i, ii, ... xxxix
ROMAN: dict[str, int] = {numeral: n for n, numeral in enumerate(BY_VALUE, start=1)}
LETTERS = frozenset(("i", "v", "x"))  # numerals that are also a person's initial


def _values(words: tuple[str, ...], letters: bool) -> set[int]:
    out: set[int] = set()
    for word in words[1:]:
        if word.isdigit():
            out.add(int(word))
        elif word in ROMAN and (letters or word not in LETTERS):
            out.add(ROMAN[word])
    return out


def numerals_differ(q_words: tuple[str, ...], c_words: tuple[str, ...], person: bool) -> bool:
    """Do both names hold a numeral after their first word (Roman or digits) and name other
    numbers ("sea star iii" / "sea star ii", "karim 3" / "karim iv")? Asked when either name
    ends in a Roman numeral (see :func:`ends_in_roman`)."""
    q_values = _values(q_words, not person)
    if not q_values:
        return False
    c_values = _values(c_words, not person)
    return bool(c_values) and q_values != c_values


def ends_in_roman(words: tuple[str, ...]) -> bool:
    """Does a name of two words or more end in a Roman numeral (the cheap look first)?"""
    return len(words) > 1 and words[-1] in ROMAN
