"""Where the vowels of a name word stand among its consonants (the spelled-skeleton check of
:mod:`clearance.matching.spelled`).

A word's vowels are placed by gap: gap 0 before its first consonant, gap n after the n-th, its
consonants counted as its consonant skeleton counts them (:func:`~clearance.matching.scripts.
latin_skeleton`: "kh" one consonant, a consonant repeated with or without vowels between
once: "Khalalu" has the skeleton "kl", its "u" stands in gap 2). An Arabic-script word's
written long vowels are read from its letters (1.16; not from a romanisation, in which "ده"
reads "dh", a consonant of its own).
"""

from __future__ import annotations

from functools import lru_cache

from clearance.matching.scripts import (
    ARABIC_SKELETON_LETTERS,
    LATIN_SKELETON_PAIRS,
    arabic_skeleton,
    latin_skeleton,
)

_VOWELS = frozenset("aeiouyw")
_LIKE = {"a": "aeo", "w": "ouw", "y": "iey", "e": "eia", "i": "iey", "o": "ouw", "u": "ouw"}
_ANY = "*"  # an alif that starts a word (after its article too) carries any vowel: "إمن" Iman
_ALIF = frozenset("اآأإ")
_WAW = frozenset("وؤ")
_YA = frozenset("يىیئ")

Gaps = frozenset[tuple[int, str]]


@lru_cache(maxsize=50_000)
def vowel_gaps(word: str) -> Gaps:
    """The vowels (and w/y) of a Latin ``word`` by where they stand among its consonants
    ("btrfy": (4, y); "batarfi": (1, a), (2, a), (4, i)); a French silent e is none
    (:func:`silent_e`)."""
    text = silent_e("".join(c for c in word.lower() if c.isascii() and c.isalpha()))
    for src, dst in LATIN_SKELETON_PAIRS:  # (counted as the skeleton counts them)
        text = text.replace(src, dst)
    gaps: set[tuple[int, str]] = set()
    count, last = 0, ""
    for c in text:
        if c in _VOWELS:
            gaps.add((count, c))
        elif c != last:  # (a consonant repeated counts once, as in the skeleton)
            count, last = count + 1, c
    return frozenset(gaps)


SILENT_E_MIN_LENGTH = 4  # letters of a word whose last e may be silent (silent_e)


def silent_e(text: str) -> str:
    """``text`` (a Latin word, lower case) without a last e that follows a consonant after a
    vowel, the silent e of French spellings of Arabic names (round two, h124: "Noure" /
    نور, nur; "Yassine" / ياسين, yasin; "Amine", "Karime"): Arabic script writes no vowel
    there, and a vowel the Latin spelling only seems to have is no vowel that must stand."""
    if len(text) < SILENT_E_MIN_LENGTH or text[-1] != "e" or text[-2] in _VOWELS:
        return text
    # (round two, h128, ``doubled_silent_e``: after a doubled consonant too, the French
    # spelling of a single one, "Ilyasse" / الياس, ilyas; "Moussasse", "Hassane" stand alike)
    before = 4 if text[-3] == text[-2] and len(text) > SILENT_E_MIN_LENGTH else 3
    return text[:-1] if text[-before] in _VOWELS else text


@lru_cache(maxsize=20_000)
def arabic_vowel_gaps(word: str) -> Gaps:
    """The long vowels written in an Arabic-script ``word`` (alif a, waw w, ya y) by where
    they stand among its consonants; an alif that starts the word or follows its article
    ("الابيدي", al-Ubaydi) carries any vowel."""
    start = 2 if word.startswith("ال") and len(word) > 3 else 0
    gaps: set[tuple[int, str]] = set()
    count, last = 0, ""
    for i, c in enumerate(word):
        consonant = ARABIC_SKELETON_LETTERS.get(c, "")
        if consonant:
            if consonant != last:
                count, last = count + 1, consonant
        elif c in _ALIF:
            gaps.add((count, _ANY if count == 0 or i == start else "a"))
        elif c in _WAW:
            gaps.add((count, "w"))
        elif c in _YA:
            gaps.add((count, "y"))
    return frozenset(gaps)


_CONSONANT_END = frozenset("bcdfghjklmnpqrstvxz")  # a Latin word's last letter, no vowel
_NISBA_END = frozenset("iy")  # ... a nisba's
_VOWEL_END = frozenset("aiou")  # ... a vowel's (not a silent e: "ياسين", Yassine)
_BARE_END = frozenset(c for c, v in ARABIC_SKELETON_LETTERS.items() if v and c not in "هةھ")
_CLOSED_END = _CONSONANT_END - frozenset("ht")  # ... which a listed word cannot end so
_HA = frozenset("هة")  # an Arabic-script word's last letter read as -a, -ah, -at, -eh or -h
_LATIN_VOWEL_START = frozenset("aeiou")  # a listed word's first letter, a vowel ...
_VOWEL_CARRIERS = _ALIF | _WAW | _YA | frozenset("عءٱ")  # ... which Arabic script writes so
_AIN = "ع"  # (a word's first letter a Latin writer writes as a vowel: Omar, Ali, Eid)
_DOUBLED_LONG = {"e": "y", "i": "y", "o": "w", "u": "w"}  # a vowel written twice: its letter
_DAD = "ض"  # (read d, and z in Persian and Urdu names: see _stands)


def _nisba(native: str) -> bool:
    """Does the Arabic-script ``native`` end in a written long -i after a consonant?"""
    return len(native) > 2 and native[-1] in _YA and native[-2] not in _ALIF | _WAW | _YA


def _has_like(have: Gaps, gap: int, vowel: str) -> bool:
    """Is there a vowel like ``vowel`` in gap ``gap`` of ``have``?"""
    if vowel == _ANY:
        return any(n == gap for n, _ in have)
    return any((gap, v) in have for v in _LIKE[vowel])


def long_vowels_agree(native: str, listed: tuple[str, ...]) -> bool:
    """Does a listed word with the skeleton of the Arabic-script word ``native`` have a like
    vowel wherever ``native`` writes a long one, and ``native`` a long vowel wherever the
    listed word has a w or y (which Arabic script writes: "كركي" is no KURAYKI; since 1.19
    the same letter, waw or ya: "زارع" is no ZEYAR) or a vowel written twice ("زارع" is no
    DHEERE), and does it start alike (:func:`initials_agree`)? (A word without consonants is
    not matched on its skeleton: nothing to agree with.)"""
    return not arabic_skeleton(native) or any(_stands(native, word) for word in listed)


@lru_cache(maxsize=100_000)  # (a family's listed names share their words)
def _stands(native: str, word: str) -> bool:
    """Has the listed ``word`` the skeleton of ``native`` and its long vowels (see above)?"""
    if _nisba(native) and word[-1:] in _CONSONANT_END:
        return False  # (since 1.17: "عزيزي", Azizi, is no AZIZ; see compounds._nisba)
    if native[-1:] in _HA and word[-1:] in _NISBA_END:
        return False  # (since 1.18: a ta marbuta or an h, "السادة" is no AL-SAUDI, a nisba)
    if word[-1:] in _VOWEL_END and native[-1:] in _BARE_END:
        return False  # (since 1.18: a name's last vowel is written, "معروف" is no MAYOROVA)
    if native[-1:] in _HA and word[-1:] in _CLOSED_END:
        return False  # (since 1.24, ``ta_marbuta``: a ta marbuta or an h ends a name in a
        # vowel, -h or -t, "حميضة", Humayda, is no HAMED, "كنانة", Kinana, no QAN'AN)
    if not initials_agree(native, word):
        return False  # (since 1.19: "زارع" is no AZHAR, "عجل" no JULIO; long vowels below:
        # "زارع" is no DHEERE, whose "ee" an Arabic writer writes with a ya)
    listed = latin_skeleton(word)
    if (
        listed != arabic_skeleton(native)
        and listed != arabic_skeleton(native.replace("ج", "گ"))
        and listed != arabic_skeleton(native.replace(_DAD, "ز"))
        and not (
            native[-1:] == "ه"
            and listed[-1:] == "t"
            and listed == arabic_skeleton(native[:-1] + "ت")
        )
    ):
        # (ج is also the g of Egyptian and Levantine names, since 1.17; since 1.23 a ta
        # marbuta (a normalised heh) is also the t of a construct, compounds.construct_state:
        # "جماعه" stands in JAMAAT; since 1.28, ``dad_as_z``, its ض also the z of Persian and
        # Urdu names, as forms._skeleton_words reads it: "فضال" stands in FAZAL)
        return False
    gaps, have = arabic_vowel_gaps(native), vowel_gaps(word)
    return (
        all(_has_like(have, n, c) for n, c in gaps)
        and all((n, c) in gaps for n, c in have if c in "wy")
        and all((n, c) in gaps for n, c in long_vowels(word))
        and digraphs_agree(native, word)  # (since 1.24, ``digraphs``: "خثعم" is no QASSIM)
    )


@lru_cache(maxsize=50_000)
def long_vowels(word: str) -> Gaps:
    """The long vowels a Latin ``word`` writes twice ("Saeed", "Mahmood": ee and ii as a
    written ya, oo and uu as a written waw), by gap as :func:`vowel_gaps` places them; not
    "aa", often an a with an ain beside it ("Jaafar", "Saad")."""
    text = "".join(c for c in word.lower() if c.isascii() and c.isalpha())
    for src, dst in LATIN_SKELETON_PAIRS:  # (counted as the skeleton counts them)
        text = text.replace(src, dst)
    out: set[tuple[int, str]] = set()
    count, last, prev = 0, "", ""
    for c in text:
        if c in _VOWELS:
            if c == prev and c in _DOUBLED_LONG:
                out.add((count, _DOUBLED_LONG[c]))
        elif c != last:
            count, last = count + 1, c
        prev = c
    return frozenset(out)


def initials_agree(native: str, word: str) -> bool:
    """Do the Arabic-script ``native`` and the listed ``word`` start alike: a word that starts
    with a vowel in Latin letters starts with a letter that carries one in Arabic script (an
    alif, hamza, ain, waw or ya: "أزهر" is Azhar, "زارع" is not), and a word that starts with
    an ain starts with a vowel in Latin letters ("عجل" is no Julio)? (Since 1.19.)"""
    first = native[:1]
    if word[:1] in _LATIN_VOWEL_START:
        return first in _VOWEL_CARRIERS
    return first != _AIN


@lru_cache(maxsize=50_000)
def spelt_alike(reading: str, word: str) -> bool:
    """Is the listed ``word`` the table's ``reading`` of a name word spelt another usual way:
    the same skeleton, vowels in the same gaps, and like ones ("muhsin" / Mohsen, "nasir" /
    Naser, "isa" / Essa; not "muhammadi" / Muhammad, "mahmud" / Muhammad), or so spelt with
    the vowel Urdu and Persian speak in its last two consonants (:func:`epenthetic`)?"""
    if _spelt_alike(reading, word):
        return True
    spoken = epenthetic(reading)
    if spoken is None or not _spelt_alike(spoken, word) or not _digraphs_alike(spoken, word):
        return False
    # (the spoken vowel an a as spelt, no e: "nasr" is no NASER, ناصر)
    gaps = {n for n, _ in vowel_gaps(spoken)} - {n for n, _ in vowel_gaps(reading)}
    return {c for n, c in vowel_gaps(word) if n in gaps} == {_CLUSTER_VOWEL}


_CLUSTER_VOWEL = "a"  # (the vowel an Urdu or Persian spelling speaks in a last cluster)
_DIGRAPHS = tuple(src for src, _ in LATIN_SKELETON_PAIRS if len(src) == 2)  # (kh: one letter)


def epenthetic(reading: str) -> str | None:
    """The table's ``reading`` of a word that ends in a short vowel and two consonants with an
    a spoken between them, as Urdu and Persian spellings write it (round two, h128,
    ``cluster_vowel``: "fadl" / FAZAL (its d a z, ض), "badr" / BADAR; the script writes no
    short vowel, the Latin spelling only speaks one, an a; :func:`spelt_alike` asks no more:
    "nasr" is no NASER, ناصر); None for another word
    (a digraph or a long vowel before the last consonant: "shaykh", "mahmud")."""
    text = reading.lower()
    if (len(text) < 4 or not text.isalpha() or text[-1] in _VOWELS or text[-2] in _VOWELS
            or text[-3] not in _VOWELS or text[-4] in _VOWELS or text[-2] == text[-1]
            or any(pair in (text[-2:], text[-3:-1]) for pair in _DIGRAPHS)):  # fmt: skip
        return None
    return text[:-1] + _CLUSTER_VOWEL + text[-1]


def _digraphs_alike(reading: str, word: str) -> bool:
    """Do ``reading`` and the listed ``word`` write kh and sh in the same places ("nasr", نصر,
    is no NASHAR, its s no ش)?"""
    ours, theirs = _latin_units(reading), _latin_units(word)
    return [u in _DIGRAPH_LETTERS for u in ours] == [u in _DIGRAPH_LETTERS for u in theirs]


def _spelt_alike(reading: str, word: str) -> bool:
    """:func:`spelt_alike` without the spoken vowel."""
    if latin_skeleton(reading) != latin_skeleton(word):
        return False
    mine, theirs = vowel_gaps(reading), vowel_gaps(word)
    if {n for n, _ in mine} != {n for n, _ in theirs}:
        return False
    return all(
        any(_has_like(theirs, n, _ANY if n == 0 and c == "a" else c) for m, c in mine if m == n)
        for n in {n for n, _ in mine}
    )


_VOWEL_CLASS = {"a": "a", "i": "i", "y": "i", "u": "u", "w": "u"}  # (e and o: any, as spelt)


@lru_cache(maxsize=50_000)
def other_vowels(reading: str, word: str) -> bool:
    """Has the listed ``word`` the consonants of the table's ``reading`` and, in a place where
    both have a vowel, another of a, i and u (round two, ``table_vowels``: "karimi" / KARAMI,
    "کریمی" writes its long i; not "hamdi" / HAMADI, whose a the script may leave unwritten,
    nor "yusuf" / YOUSEF, "muhsin" / MOHSEN: an e or o may spell any of them)?"""
    if latin_skeleton(reading) != latin_skeleton(word):
        return False
    mine, theirs = vowel_gaps(reading), vowel_gaps(word)
    for gap in {n for n, _ in mine} & {n for n, _ in theirs}:
        ours = {_VOWEL_CLASS.get(c, "") for n, c in mine if n == gap}
        other = {_VOWEL_CLASS.get(c, "") for n, c in theirs if n == gap}
        if "" not in ours and "" not in other and not ours & other:
            return True
    return False


# The letters the lists write with a digraph of their own, kh and sh (since 1.24,
# ``digraphs``): a consonant skeleton reads them as k and s, as it reads q, k and c, and s
# and th, but a Latin writer writes خ "kh" and ش "sh", and no other letter so ("خثعم",
# Khatham, is no QASSIM; "سماوات", Samawat, no SHAMMOUT).
_DIGRAPH_LETTERS = {"kh": "خ", "sh": "ش"}
_OWN_DIGRAPH = {"خ": "kh", "ش": "sh"}


def _unit_consonant(unit: str) -> str:
    """The skeleton letter of one Latin consonant or digraph ("" for a vowel, w or y)."""
    for src, dst in LATIN_SKELETON_PAIRS:
        if unit == src:
            return dst
    return "" if unit in _VOWELS else unit


@lru_cache(maxsize=50_000)
def _latin_units(word: str) -> tuple[str, ...]:
    """The consonants of a Latin ``word`` as its skeleton counts them, each as written ("kh",
    "q", "sh"; a consonant repeated once: "shammout" is sh, m, t; a last h left out)."""
    text = "".join(c for c in word.lower() if c.isascii() and c.isalpha())
    units: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        unit = pair if any(pair == src for src, _ in LATIN_SKELETON_PAIRS) else text[i]
        i += len(unit)
        consonant = _unit_consonant(unit)
        if consonant and (not units or _unit_consonant(units[-1]) != consonant):
            units.append(unit)
    return tuple(units[:-1] if units and units[-1] == "h" else units)


def _native_units(native: str) -> list[str]:
    """The consonant letters of an Arabic-script word as its skeleton counts them."""
    units: list[str] = []
    for c in native:
        consonant = ARABIC_SKELETON_LETTERS.get(c, "")
        if consonant and (not units or ARABIC_SKELETON_LETTERS[units[-1]] != consonant):
            units.append(c)
    return units[:-1] if units and ARABIC_SKELETON_LETTERS[units[-1]] == "h" else units


def digraphs_agree(native: str, word: str) -> bool:
    """Does the listed ``word`` write kh and sh where the Arabic-script ``native`` (with its
    skeleton) writes خ and ش, and only there?"""
    letters, units = _native_units(native), _latin_units(word)
    if len(letters) != len(units) or not (
        not _OWN_DIGRAPH.keys().isdisjoint(letters) or not _DIGRAPH_LETTERS.keys().isdisjoint(units)
    ):
        return True  # (no digraph, or no one-to-one reading: the skeleton decides)
    for letter, unit in zip(letters, units, strict=True):
        if (letter in _OWN_DIGRAPH) != (unit in _DIGRAPH_LETTERS):
            return False
    return True
