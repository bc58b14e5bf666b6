"""Numerals in listed names as writers write them (``bench_wild``'s ``w-roman`` and, since
h163, the must-not-alert ``n-other-numeral``).

A numeral that ends a name, or stands before its legal form only ("SEA STAR II", "KARIM III",
"NORD STREAM 2 AG"), is written the other way, Roman for digits and digits for Roman
("SEA STAR 2", "KARIM 3"); not a numeral inside a name, which is as often a count or an
ordinal ("COMPANIA GANADERA 5 MANANTIALES": cinco, not V) or initials ("IMENI VI CHAPAEVA":
V. I. Chapaev), nor a number written with leading zeros ("FU YUAN YU 005", a hull number).
Another number's numeral in the same place ("SEA STAR III" for SEA STAR II) names another
vessel, company or person: it must not alert. This file's own tables, never the matcher's.
"""

from __future__ import annotations

import random

_ONES = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
_TENS = ("", "X", "XX", "XXX")
ROMAN = {_TENS[n // 10] + _ONES[n % 10]: n for n in range(1, 40)}
_NUMBERS = {n: r for r, n in ROMAN.items()}
# legal forms a numeral may stand before (as the lists write them; this file's own)
_FORMS = frozenset(("llc", "ltd", "limited", "inc", "co", "corp", "corporation", "company",
                    "sa", "s.a.", "ag", "gmbh", "jsc", "pjsc", "plc", "ooo", "oao", "zao", "ao",
                    "fze", "fzco", "llp", "lp", "bv", "b.v.", "nv", "srl", "s.r.l.", "spa",
                    "s.p.a.", "sas", "sarl", "pte", "sdn", "bhd", "kg"))  # fmt: skip
MAX_NUMERAL = 20  # (a numeral a writer writes in Roman letters: "XXXIX" for 39 no one does)


def _numeral_at(words: list[str], person: bool) -> tuple[int, int] | None:
    """Where the numeral that ends ``words`` (before legal forms only) stands and its value:
    Roman of two letters or more (one letter for an organisation or vessel: a person's I or V
    is an initial), or digits 1-39 without leading zeros."""
    end = len(words)
    while end > 1 and words[end - 1].lower().strip(".,") in _FORMS:
        end -= 1
    if end < 2:  # noqa: PLR2004 (a numeral after a name's first word)
        return None
    word = words[end - 1]
    bare = word.rstrip(".,")
    if len(bare) == 1 and (person or word != bare):
        return None  # an initial ("PUTIN, Vladimir V.", "SHIPPING V. LTD"), not a numeral
    if bare.upper() == bare and bare in ROMAN:
        value = ROMAN[bare]
    elif bare.isdigit() and bare[0] != "0":
        value = int(bare)
    else:
        return None
    return (end - 1, value) if 1 <= value <= MAX_NUMERAL else None


def numeral_key(text: str, person: bool) -> tuple[str, int] | None:
    """A name ending in a numeral as its other words (lower case) and the numeral's value
    ("SEA STAR II" and "Sea Star 2": ("sea star", 2)), else None."""
    words = text.split()
    found = _numeral_at(words, person)
    if found is None:
        return None
    i, value = found
    return " ".join(w.lower().strip(".,") for w in words[:i] + words[i + 1 :]), value


def _write(word: str, value: int, roman: bool) -> str:
    bare = word.rstrip(".,")
    return (_NUMBERS[value] if roman else str(value)) + word[len(bare) :]


def roman_swapped(text: str, person: bool) -> str | None:
    """``text`` with the numeral that ends it written the other way ("SEA STAR II" -> "SEA
    STAR 2", "KARIM 3" -> "KARIM III"), else None."""
    words = text.split()
    found = _numeral_at(words, person)
    if found is None:
        return None
    i, value = found
    roman = words[i].rstrip(".,").isdigit()
    if value == 1 and roman and person:
        return None  # (I: an initial)
    words[i] = _write(words[i], value, roman)
    return " ".join(words)


def other_numeral(text: str, person: bool, rng: random.Random) -> str | None:
    """``text`` with the numeral that ends it another number's, one to three apart, written
    either way ("SEA STAR II" -> "SEA STAR III" / "SEA STAR 4"), else None."""
    words = text.split()
    found = _numeral_at(words, person)
    if found is None:
        return None
    i, value = found
    other = max(2, value + rng.choice((-3, -2, -1, 1, 2, 3)))
    if other == value or other > MAX_NUMERAL:
        other = value - 1 if value > 2 else value + 1  # noqa: PLR2004
    words[i] = _write(words[i], other, rng.random() < 0.5)
    return " ".join(words)
