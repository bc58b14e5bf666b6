"""The guard's Latin spellings of a Hebrew word as the regular expression 1.29 compiled
(``hebrew.spelling_pattern``, retired in 1.30): the reference :func:`~clearance.matching.
hebrew_vowels.spelling_node` is compared with (tests/matching/test_hebrew_129.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from clearance.matching.hebrew_vowels import (
    _FINAL_HE,
    _FINAL_VOWEL_LETTERS,
    _SPELT,
    _SPELT_GERESH,
    _bare,
    _spelt_letters,
)

# between letters, one short vowel (a y before a vowel is י), or two Hebrew writes none of
# (Nikolaevich, "ניקולביץ'"; Laureano, "לורנו"; Paez, "פז")
_GAP = "'?(?:[aeiou]|a[eo]|e[ao]|y(?![aeiou]))?'?"
_VAV = f"(?:o|u|ou|oo|ow|uw|au|eu|{_GAP}(?:v|w|f))"
_YOD = f"(?:i|e|y|j|ee|ie|ei|ey|ai|ay|iy|{_GAP}y)"


@lru_cache(maxsize=4096)
def spelling_pattern(word: str) -> re.Pattern[str] | None:
    """The Latin spellings of a Hebrew word whose written vowels (matres lectionis) stand
    where the Latin word has such a vowel, as a regular expression."""
    word = _bare(word)
    parts: list[str] = []
    letters = _spelt_letters(word)
    for kind, c in letters:
        if kind == "vv":
            parts.append(f"{_GAP}(?:v|w|f)+{_GAP}")
        elif kind == "yy":  # יי: a diphthong or y ("חיים", Haim, Chayim)
            parts.append(f"{_YOD}{_GAP}y?{_GAP}")
        elif kind == "geresh":
            parts.append(_SPELT_GERESH.get(c, _SPELT.get(c, "")) + _GAP)
        elif kind == "vav":
            parts.append(_VAV + _GAP)
        elif kind == "yod":
            parts.append(_YOD + _GAP)
        else:
            parts.append(_SPELT[c] + _GAP)
    if not parts:
        return None
    if word[-1] not in _FINAL_VOWEL_LETTERS or letters[-1][0] == "vav":
        parts[-1] = parts[-1].removesuffix(_GAP)
    elif word[-1] == "ה" and len(parts) > 1 and parts[-2].endswith(_GAP):
        final = f"(?:{_FINAL_HE}|h)" if word[-2] in "וי" else _FINAL_HE
        parts[-2], parts[-1] = parts[-2].removesuffix(_GAP), final
    return re.compile("".join(parts))
