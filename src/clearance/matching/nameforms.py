"""Given names in another form (issue 11 class 2; h174's guards, h180's table): "Ihar" /
IGOR, "Siarhei" / SERGEY, "Volodymyr" / VLADIMIR, which agree by what they name, not by their
letters.

The forms are the Russian, Ukrainian and Belarusian forms of the common East Slavic given names
(:data:`~clearance.matching.slavic_given.GIVEN_NAMES`, in Cyrillic), each romanised at import
the ways the engine reads Cyrillic (``scripts.romanise``: BGN/PCGN by the letters a form
shows, ICU's general rule), by the BGN/PCGN rule of its own language, and the passport ways
(:func:`passport_spellings`: ICAO 9303 and the Ukrainian and Belarusian national schemes,
which write г "h" and an iotated vowel "ia" / "ya"): :data:`FORMS`, each Latin spelling -> the
spellings of its name's other forms.

The word similarity (``wordsim.WordSimilarity``) gives such a pair of words at least
``WordParams.given_form_sim`` (reduced: two forms of one name are weaker evidence than one
spelling, and the bounds see it), retrieval reaches a query word's other forms at that
similarity (both read them, with the nicknames, from ``equivalents``, since h189), and
:func:`keep_forms` undoes a pair that agrees only so unless the listed word is a given name and
every word of the name's family name agrees as spelt: never for a family name ("Ihar" / IHAROV
is no form), never alone, never in an organisation's name.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from itertools import product

import icu

from clearance.matching.nicknames import LATIN, RUSSIAN
from clearance.matching.normalize import canonical_tokens
from clearance.matching.slavic_given import GIVEN_NAMES

FormTable = dict[str, tuple[str, ...]]

# The passport schemes, letter by letter (ICAO 9303; Ukraine's 2010 scheme and Belarus's
# passports write an iotated vowel or й "y" where ICAO writes "i", at a word's start above all)
_LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "д": ("d",), "ж": ("zh",), "з": ("z",), "к": ("k",),
    "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",),
    "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh",), "ц": ("ts",), "ч": ("ch",),
    "ш": ("sh",), "щ": ("shch",), "ь": ("",), "ъ": ("",), "'": ("",), "э": ("e",), "ы": ("y",),
    "і": ("i",), "ї": ("i", "yi"), "ў": ("u", "w"), "й": ("i", "y"), "ю": ("iu", "yu"),
    "я": ("ia", "ya"), "є": ("ie", "ye"), "ё": ("e", "yo", "io"), "ґ": ("g",), "е": ("e",),
}  # fmt: skip
# Russian г is "g" and и "i"; Ukrainian and Belarusian г "h", Ukrainian и "y"; Russian and
# Belarusian е "ye" at a word's start or after a vowel
_LANGUAGE: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"г": ("g",), "и": ("i",)},
    "uk": {"г": ("h",), "и": ("y",)},
    "be": {"г": ("h",), "и": ("i",)},
}
_BGN = {
    "ru": "Russian-Latin/BGN; Latin-ASCII",
    "uk": "Ukrainian-Latin/BGN; Latin-ASCII",
    "be": "Belarusian-Latin/BGN; Latin-ASCII",
}
_VOWELS = frozenset("аеёиоуыэюяіїєў'ьъ")
_MOST = 64  # (passport spellings of one form, at most)


def passport_spellings(form: str, language: str) -> list[str]:
    """The Latin spellings of a Cyrillic given name ``form`` of ``language`` ("ru", "uk",
    "be") by the passport schemes (see :data:`_LETTERS`); a final -ий / -ій / -ый also
    without its last letter ("Yurii", "Yuri")."""
    own = _LANGUAGE[language]
    choices: list[tuple[str, ...]] = []
    low = form.lower()
    for k, letter in enumerate(low):
        if letter == "е" and language != "uk" and (k == 0 or low[k - 1] in _VOWELS):
            choices.append(("e", "ye"))
        else:
            choices.append(own.get(letter) or _LETTERS.get(letter, (letter,)))
    spellings: list[str] = []
    for parts in product(*choices):
        word = "".join(parts)
        spellings.append(word)
        if word[-2:] in ("iy", "ii", "yy", "yi"):
            spellings.append(word[:-1])
        if len(spellings) >= _MOST:
            break
    return spellings


@cache
def _bgn(language: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(_BGN[language])


def _spellings(form: str, language: str) -> set[str]:
    """Every Latin word ``form`` may be written as (see the module)."""
    texts = passport_spellings(form, language)
    for rule in ("ru", language) if language != "ru" else ("ru",):
        texts.append(str(_bgn(rule).transliterate(form)))
    words: set[str] = set()
    for text in texts:
        if not text.isascii():
            continue  # (a letter the rule leaves unread: "Іgar" by Russian's rule)
        tokens = canonical_tokens(text)
        if len(tokens) == 1 and tokens[0].isalpha() and len(tokens[0]) > 2:
            words.add(tokens[0])
    return words


def build_forms() -> FormTable:
    """:data:`FORMS`, worked out from the Cyrillic table (at import)."""
    others: dict[str, set[str]] = defaultdict(set)
    for row in GIVEN_NAMES:
        spelt: set[str] = set()
        for language, forms in zip(("ru", "uk", "be"), row, strict=True):
            for form in forms.split():
                spelt |= _spellings(form, language)
        if len(spelt) > 1:
            for word in spelt:
                others[word] |= spelt
    return {w: tuple(sorted(o - {w})) for w, o in sorted(others.items())}


FORMS: FormTable = build_forms()


def _words(text: str) -> set[str]:
    """The words of a row of :mod:`~clearance.matching.nicknames`: a Latin word as it is
    read, a Cyrillic (Russian) one as it is romanised (:func:`_spellings`; a final -iy also
    "y": "Dmitry", "Yury")."""
    out: set[str] = set()
    for word in text.split():
        if word.isascii():
            out |= set(canonical_tokens(word))
            continue
        spelt = _spellings(word, "ru")
        out |= spelt | {w[:-2] + "y" for w in spelt if w.endswith("iy")}
    return out


def build_nicknames() -> FormTable:
    """:data:`NICKNAMES`, worked out from :mod:`~clearance.matching.nicknames` (at import):
    each nickname -> its full forms (and their other forms by :data:`FORMS`), each full form
    -> its nicknames; a word of two letters is none."""
    others: dict[str, set[str]] = defaultdict(set)
    for row in LATIN + RUSSIAN:
        full, nicks = (_words(part) for part in row.split(":"))
        full |= {other for word in full for other in FORMS.get(word, ())}
        for nick in nicks - full:
            if len(nick) > 2:  # (already so: "Al", "Ed", "Jo" name too many)
                others[nick] |= full
                for word in full:
                    others[word].add(nick)
    return {w: tuple(sorted(o - {w})) for w, o in sorted(others.items())}


# A nickname's full forms, a full form's nicknames ("bill" <-> "william"; h183)
NICKNAMES: FormTable = build_nicknames()


def keep_forms(
    pairs: list[tuple[int, int, float, int, int]],
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    columns: dict[str, int],
    raised: dict[tuple[str, int], float],
    q_used: list[bool],
    c_used: list[bool],
    person: bool,
    family: int,
    agree: float,
    least: float,
) -> None:
    """Undo (in place) each pair of ``pairs`` that agrees only as forms of one given name
    (``raised``) unless the name is a person's, the listed word is not its family name's
    (``family``: bit per listed word, 0 unknown: then not its last word) and every word of its
    family name (when known; else another word) agrees at least ``agree`` (as spelt: a form
    and a fuzzy family name are too little): the pair as its letters agree, when they do
    (``least``), else none."""
    undo: list[int] = []
    for k in range(len(pairs)):
        qi, cj, _, q_span, c_span = pairs[k]
        letters = raised.get((q_words[qi], columns[c_words[cj]])) if q_span == c_span == 1 else None
        if letters is None or (person and _given_agreeing(pairs, k, len(c_words), family, agree)):
            continue
        if letters >= least:
            pairs[k] = (qi, cj, letters, 1, 1)
        else:
            undo.append(k)
    for k in reversed(undo):
        qi, cj, _, _, _ = pairs.pop(k)
        q_used[qi] = c_used[cj] = False


def _given_agreeing(
    pairs: list[tuple[int, int, float, int, int]], k: int, nc: int, family: int, agree: float
) -> bool:
    """Is pair ``k``'s listed word a given name's, and does every word of the family name
    (when known; else another pair) agree at least ``agree``? (A population check: "Michael
    Hernandez" is not LOZA HERNANDEZ, Miguel.)"""
    cj = pairs[k][1]
    if family:
        if (family >> cj) & 1:
            return False  # (a family name's word: no form of a given name)
    elif cj == nc - 1:
        return False
    agreeing = 0  # (the listed words, a bit each, of the other pairs that agree)
    for m in range(len(pairs)):
        other = pairs[m]
        if m != k and other[2] >= agree and other[4] == 1:
            agreeing |= 1 << other[1]
    return bool(agreeing) and (family & agreeing) == family
