"""A Latin name that went through Russian: written in Cyrillic letter by letter (as a Russian
document writes a foreign company or person, "c" as ц, "h" as х, "j" as й) and romanised back
the BGN/PCGN way, which spells ц "ts", х "kh", an initial or post-vowel е "ye" and separates й
from a following vowel with a dot: "TSOMPANY" (company), "KHOLDING" (holding), "YEL" (el),
"PROPERTIYES" (properties), "Y·UAN" (Juan), "YOINT" (joint).

:func:`bgn_reading` reads such a name back the English way, for the query only (the lists keep
their own spelling); the reading is trusted a little less than the name as written
(:class:`~clearance.matching.params.TrustParams`). Pure functions, no I/O.
"""

from __future__ import annotations

import re

# Only a name that shows one of BGN's spellings gets a reading.
_HINT = re.compile(r"kh|ts|·|\bye|(?<=[iu])ye", re.IGNORECASE)
# One pass, left to right: "kkh" (Latin "kh", кх) before "kh" (х), "ts" (ц) before "kh", so
# that "tskh" (Latin "ch", цх) is read "ch"; "ye" after "i" or "u" ("PROPERTIYES", "Manuyel";
# not after other vowels: "Boyer", "Meyer" are names as they are); й before a vowel ("y·",
# "yo", "yi" at a word's start) is the j of the Latin name.
_RULES = {"kkh": "kh", "kh": "h", "ts": "c", "y·": "j", "·": "", "ye": "e", "yo": "jo", "yi": "ji"}
_PATTERN = re.compile(r"kkh|kh|ts|y·|·|(?:(?<![\w·])|(?<=[iu]))ye|\byo|\byi")


def bgn_reading(text: str) -> str | None:
    """``text`` (a Latin name) read back as the Latin name BGN/PCGN's romanisation of its
    Russian writing came from ("KOM YENERGY GENERATION" -> "kom energy generation",
    "TSOMPANY" -> "company"), or ``None`` when it shows no such spelling."""
    if text.isascii():  # (then the pattern's case folding is ``lower``: a cheaper look first)
        low = text.lower()
        if not ("kh" in low or "ts" in low or "ye" in low):  # ("·" is not ASCII)
            return None
    if not _HINT.search(text):
        return None
    low = text.lower()
    value = _PATTERN.sub(lambda m: _RULES[m.group(0)], low)
    return value if value != low else None
