"""The one script detector: which writing system (ISO 15924 code) a name or a letter is in.

Readers tag each name with its script; the matcher picks its romanisations by it. The common
scripts of sanctions lists are found by a code-point table (fast, no ICU call per letter); any
other letter asks ICU for its script code. Pure: no web, SQL or HTTP code.
"""

from __future__ import annotations

from functools import cache

import icu

ETHIOPIC, THAI, DEVANAGARI, MYANMAR = "Ethi", "Thai", "Deva", "Mymr"
LATIN, CYRILLIC, ARABIC, HAN, HANGUL, GREEK, ARMENIAN, GEORGIAN, HEBREW, KANA, OTHER = (
    "Latn",
    "Cyrl",
    "Arab",
    "Hani",
    "Hang",
    "Grek",
    "Armn",
    "Geor",
    "Hebr",
    "Kana",
    "Zyyy",
)

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, LATIN),
    (0x1E00, 0x1EFF, LATIN),
    (0x0370, 0x03FF, GREEK),
    (0x1F00, 0x1FFF, GREEK),
    (0x0400, 0x052F, CYRILLIC),
    (0x0530, 0x058F, ARMENIAN),
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0x0E00, 0x0E7F, THAI),
    (0x1000, 0x109F, MYANMAR),
    (0x10A0, 0x10FF, GEORGIAN),
    (0x1200, 0x139F, ETHIOPIC),
    (0x2D80, 0x2DDF, ETHIOPIC),
    (0x1100, 0x11FF, HANGUL),
    (0x3130, 0x318F, HANGUL),
    (0xAC00, 0xD7AF, HANGUL),
    (0x3040, 0x30FF, KANA),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xF900, 0xFAFF, HAN),
)


def char_script(char: str) -> str | None:
    code = ord(char)
    if code < 0x41:
        return None
    for start, end, script in _RANGES:
        if start <= code <= end:
            return script if char.isalpha() or script in (HAN, HANGUL) else None
    return _icu_script(char) if char.isalpha() else None


_NEUTRAL = frozenset({"Zyyy", "Zinh", "Zzzz"})


@cache
def _icu_script(char: str) -> str:
    """ICU's script code for a letter outside the table (``OTHER`` for common/inherited)."""
    code = str(icu.Script.getScript(char).getShortName())
    return OTHER if code in _NEUTRAL else code


_SCRIPT_OF: dict[str, str] = {}  # char_script of each character seen ("" for None)


def detect_script(text: str) -> str:
    """The dominant script of ``text`` (ISO 15924 code); Latin for empty/ASCII text."""
    if text.isascii():
        return LATIN
    counts: dict[str, int] = {}
    # each character once, in the order it first appears (the scripts' order, which breaks a
    # tie, is the one a look at every character gives), with how often it appears
    for char in dict.fromkeys(text):
        script = _SCRIPT_OF.get(char)
        if script is None:
            script = _SCRIPT_OF[char] = char_script(char) or ""
        if script:
            counts[script] = counts.get(script, 0) + text.count(char)
    if not counts:
        return LATIN
    # Kana mixed with Han is Japanese; report Kana so Han is not read as Chinese.
    if KANA in counts and HAN in counts:
        return KANA
    return max(counts.items(), key=lambda kv: kv[1])[0]


def letter_script(text: str) -> str | None:
    """:func:`detect_script`, but ``None`` when ``text`` holds no letter at all."""
    if not any(char.isalpha() for char in text):
        return None
    return detect_script(text)
