"""Phonetic keys of folded Latin words: ``phonetic`` (with the name-family table: Mohammed and
Muhammad share a key), ``sound`` (letters only) and ``respell`` (the artefacts of a
letter-by-letter round trip through Cyrillic undone). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from clearance.matching.scripts import has_run
from clearance.matching.vocab import NAME_FAMILY_OF

# Romanisation variants merged by the phonetic key. Order matters; upper-case letters are
# placeholders that later rules do not touch.
_PHONETIC_RULES: Final[tuple[tuple[str, str], ...]] = (
    ("shch", "S"), ("sch", "S"), ("sh", "S"), ("tch", "C"), ("ch", "C"), ("cz", "C"),
    ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("dh", "d"), ("ts", "Z"), ("tz", "Z"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("cy", "si"),
    ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("oe", "u"),
    ("ee", "i"), ("eo", "o"), ("eu", "u"), ("ie", "i"), ("iy", "i"), ("yi", "i"), ("ij", "i"),
    ("y", "i"),
)  # fmt: skip


def letter_bits(text: str) -> int:
    """One bit for each byte of ``text`` in UTF-8 (modulo 32: a and A, or q and a digit, share
    one; an ASCII letter is its byte): a text whose bits do not cover an ASCII word's does not
    hold the word."""
    data = text.encode("utf-8", "surrogatepass")  # (a lone surrogate too: three bytes)
    bits = 0
    for i in range(len(data)):
        bits |= 1 << (data[i] & 31)
    return bits


# (h190: the tables Final, read by the compiled module as its own statics, not looked up in
# its globals' dictionary per use, ~140 instructions each: 7 a word)
# _PHONETIC_RULES' bits (since 1.30, h153): a rule is looked for only when the word's bits
# (those of what it was, and of what each rule wrote) cover its own
_RULE_NEEDS: Final[tuple[int, ...]] = tuple(letter_bits(src) for src, _ in _PHONETIC_RULES)
_RULE_WROTE: Final[tuple[int, ...]] = tuple(letter_bits(dst) for _, dst in _PHONETIC_RULES)


_LISTED: Final[dict[str, str]] = {}
"""The keys of listed words an index holds (``NameIndex.token_phonetic``: :func:`phonetic` of
each word when the index was built by this release), taken when a screener loads it
(:func:`know_listed`): a query word the lists hold needs no key worked out (h190: ~1,700 a
cold pass of 600 queries, ~8,000 instructions each)."""


def know_listed(keys: dict[str, str]) -> None:
    """Take an index's listed words' phonetic keys (see :data:`_LISTED`; the same values
    :func:`phonetic` gives, read rather than worked out)."""
    _LISTED.update(keys)


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """A coarse key that merges romanisation variants (kh/h, ts/c, c/k, y/i, ye/e, doubled
    letters, Mohammed/Muhammad…). Short words are compared on it with less trust."""
    listed = _LISTED.get(token)
    if listed is not None:
        return listed
    if token.isdigit():
        return token
    family = NAME_FAMILY_OF.get(token)
    if family is not None:
        return "=" + family
    return sound(token)


ARTICLES = ("al", "el", "ul")  # the Arabic article as a word carries it, run into it
_VOWELS: Final = frozenset("aeiouy")


# An "X al-Din" compound run together sounds one way however its article is spelt (1.23,
# ``din_sound``): Alaeddin, Alauddin, Aladdin, "Alaud-Din" (run together by the pair keys),
# ALA AL-DIN (ditto) all as "alauddin"; Noureddine, Nouruddin, Nouraddin as "nouruddin".
_DIN_WORD: Final = re.compile(r"^([a-z]{2,}?)(?:ud|ed|ad|id|od|al|el|ul)d(?:i|ee)ne?$")
_DIN_ENDS = ("din", "dine", "deen", "deene")
# ... and the compound's second word alone ("SALAH Ud-Din", SALAH EDDINE), not "al-Din"
_DIN_ALONE: Final = frozenset({"uddin", "eddin", "eddine", "addin", "iddin", "uddeen", "eddeen"})
# An initial e that French and Persian romanisations write for a kasra (issue 11, h164): before
# one consonant then a ("Emad" / Imad عماد, "Eyad" / Iyad, "Ehab" / Ihab), or h or s and
# another ("Ehsan" / Ihsan, "Esmail" / Ismail, "Eslam" / Islam), as Arabic names' patterns
# write it; not before v or w ("Evan" is no Ivan, "Eva" no Iva), another vowel ("Egor" is no
# Igor; "Emil", "Elias", "Eric" keep their e) or other pairs of consonants ("Elsa", "Edna");
# read after a y dropped ("Yekaterina" as "Ekaterina")
_KASRA_E: Final = re.compile(r"e(?:[^aeiouvw]|[hs][^aeiouy])a")


@lru_cache(maxsize=200_000)
def sound(token: str) -> str:
    """The phonetic key without the spelling-family table (for near-miss lookups)."""
    listed = _LISTED.get(token)  # (a listed word's key is its sound but for a family's)
    if listed is not None and listed[:1] != "=" and not token.isdigit():
        return listed
    key = token
    if key.endswith(_DIN_ENDS):  # (see _DIN_WORD)
        if key in _DIN_ALONE:
            key = "uddin"
        elif (m := _DIN_WORD.match(key)) is not None:
            key = m.group(1) + "uddin"
    if key.startswith("j") and len(key) > 1 and key[1] in "aeiou":  # Juri/Yuri, Jose/Yose
        key = "y" + key[1:]
    elif key.startswith(ARTICLES) and len(key) > 4 and key[2] == "j" and key[3] in "aeiou":
        key = key[:2] + "y" + key[3:]  # ... after an Arabic article run into the word
        # (the canonical form writes "al-Jawlani" "aljawlani"): "Al-Yaulani" / AL-JAWLANI
    elif len(key) > 2 and key[0] == "e" and key[1] == key[2] and key[1] not in _VOWELS:
        key = "i" + key[1:]  # a kasra before a doubled consonant: Ezz / Izz, Essam / Issam
    if key.startswith(("ye", "yo")) and len(key) > 3:  # Yelena/Elena, Yolkin/Elkin
        key = key[1:]
    if key[:1] == "e" and len(key) > 3 and _KASRA_E.match(key):
        key = "i" + key[1:]  # ... and before one consonant or two, then a: Emad / Imad
    bits = letter_bits(key)
    for i, need in enumerate(_RULE_NEEDS):
        if need & bits == need:
            src, dst = _PHONETIC_RULES[i]
            if src in key:  # (a look costs less than a replace that finds nothing)
                key = key.replace(src, dst)
                bits |= _RULE_WROTE[i]
    if not has_run(key):  # (most keys: no letter written twice in a row)
        return key.lower()
    out: list[str] = []
    for char in key:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out).lower()


# Letter-by-letter round trips through Cyrillic ("Changzhou" -> "Цхангзхоу" -> "Tskhangzkhou",
# "Manuel" -> "Manuyel", "Export" -> "Yeksport"): the Latin spelling they most likely came from.
# (each with the letters its every match holds, and no pattern when it is those letters:
# see normalize.apply_rules)
_RESPELL_RULES: Final[tuple[tuple[str, re.Pattern[str] | None, str], ...]] = tuple(
    (held, None if src == held else re.compile(src), dst)
    for held, src, dst in (
        ("tskh", "tskh", "ch"), ("skh", "skh", "sh"), ("zkh", "zkh", "zh"), ("tkh", "tkh", "th"),
        ("pkh", "pkh", "ph"), ("gkh", "gkh", "gh"), ("kkh", "kkh", "kh"), ("yye", "yye", "je"),
        ("ts", "ts", "c"), ("ye", "^ye", "e"), ("ye", "(?<=[aeiou])ye", "e"), ("ks", "ks", "x"),
        ("u", "^u(?=[aeio])", "w"),
        # English w is Cyrillic у: between vowels ("Liua" / LIWA, "Auuad" / AWWAD) and in a
        # final ew ("Neu" / NEW) it was a w (since 1.30)
        ("u", "(?<=[aeio])u(?=[aeio])", "w"), ("uu", "(?<=[aeio])uu(?=[aeio])", "ww"),
        ("eu", "eu$", "ew"),
        ("qh", "qh", "ch"),  # ... and through Hebrew: "Chang" -> "קהנג" -> "Qhang"
    )
)  # fmt: skip
_RESPELL_HINT: Final = re.compile(r"kh|ts|ye|ks|^u[aeio]|qh|[aeio]uu?[aeio]|eu$")


@lru_cache(maxsize=200_000)
def respell(token: str) -> str:
    """``token`` with the artefacts of a letter-by-letter Cyrillic round trip undone (the
    token itself when it shows none). An alternative reading only: "Khalid" -> "Halid"."""
    if not (
        "kh" in token or "ts" in token or "ye" in token or "ks" in token or "qh" in token
        or ("u" in token and (token[0] == "u" or "au" in token or "eu" in token
                              or "iu" in token or "ou" in token))
    ):  # fmt: skip
        return token  # (every match of the hint holds one of these: a look first)
    if not _RESPELL_HINT.search(token):
        return token
    for held, pattern, dst in _RESPELL_RULES:
        if held in token:
            token = token.replace(held, dst) if pattern is None else pattern.sub(dst, token)
    return token
