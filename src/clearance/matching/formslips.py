"""Typing slips in legal forms: a word at the start or end of a company name one letter away
from a legal form ("Umatex SJC", "PJS Alrosa", "Alaxy BBVBA") is that form misspelt, and
a form written with its dots doubled or dropped is that form. :func:`misspelt_form_reading`
gives the query read that way (trusted a little less, see
:class:`~clearance.matching.params.TrustParams`); slips in names are
:mod:`clearance.matching.slips`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from string import ascii_lowercase

from rigour.names import extract_org_types

from clearance.matching.legalforms import legal_form_class, one_word_forms
from clearance.matching.normalize import NameForm
from clearance.matching.numerals import NUMBER_WORDS
from clearance.matching.scripts import undouble
from clearance.matching.vocab import LOW_INFO_WORDS, PERSON_PARTICLES

FORM_SLIP_MIN_LENGTH = 3  # letters a word and the form it is read as both need
FORM_SLIP_MAX_LENGTH = 5  # abbreviations ("bbvba"); a long form word is corrected as it is read


def _one_slip(word: str) -> list[str]:
    """``word`` with one letter dropped, one letter added, or two adjacent letters swapped
    (not one letter changed: "Tom" is not "Too", "Ono" is not "OOO"), each once, of at least
    FORM_SLIP_MIN_LENGTH letters (those shorter are not made)."""
    out = _cut_or_swapped(word)
    if len(word) + 1 >= FORM_SLIP_MIN_LENGTH:
        for i in range(len(word) + 1):  # (each place's two halves cut once, not once per letter)
            head, tail = word[:i], word[i:]
            out += [f"{head}{c}{tail}" for c in ascii_lowercase]
    return list(dict.fromkeys(out))


def _cut_or_swapped(word: str) -> list[str]:
    """The slips of :func:`_one_slip` other than a letter added: a letter dropped, two
    adjacent letters swapped (in its order, not deduplicated)."""
    size, least = len(word), FORM_SLIP_MIN_LENGTH
    out = [word[:i] + word[i + 1 :] for i in range(size)] if size > least else []
    if size >= least:
        out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(size - 1)
                if word[i] != word[i + 1]]  # fmt: skip
    return out


def _slips_text(word: str) -> str:
    """:func:`_one_slip`'s spellings of ``word`` as one text for rigour's scan, separated by
    spaces: the letters added made by one join per place ("a" + "ltd bltd ... zltd" for "ltd"
    at the start), not a string per spelling (a spelling may come twice: no matter to the
    scan, whose hits are kept as a set)."""
    parts = _cut_or_swapped(word)
    if len(word) + 1 >= FORM_SLIP_MIN_LENGTH:
        for i in range(len(word) + 1):
            head, tail = word[:i], word[i:]
            parts.append(head + (tail + " " + head).join(_LETTERS) + tail)
    return " ".join(parts)


_LETTERS = list(ascii_lowercase)


def _own_spellings() -> dict[str, str]:
    """One-word legal forms of the matcher's own table (abbreviations included) by class."""
    words = one_word_forms()
    return {w: c for w, c in words.items() if len(w) >= FORM_SLIP_MIN_LENGTH and w.isalpha()}


_OWN_SPELLINGS = _own_spellings()


@lru_cache(maxsize=50_000)
def misspelt_form(word: str) -> str | None:
    """The legal-form class ``word`` names with one slip ("sjc" -> jsc, "bbvba" -> llc), or
    ``None`` (also when ``word`` is a form as written, longer than an abbreviation, or not a
    word of letters). The own
    table by look-up, rigour's ISO 20275 table in one pass over all the slips."""
    if len(word) == FORM_SLIP_MIN_LENGTH - 1 and word.isalpha():
        return _short_form(word)
    if not FORM_SLIP_MIN_LENGTH <= len(word) <= FORM_SLIP_MAX_LENGTH or not word.isalpha():
        return None
    if legal_form_class((word,)) is not None or word in NUMBER_WORDS:
        return None  # (a number word is a number: "SPARTA FIVE" is no SPARTA FIE, since h172)
    doubled = _DOUBLED_SHORT.get(word)  # "cco" for "co", "ssa" for "sa"
    if doubled is not None:
        return doubled
    found = _slip_classes(word) or _changed_classes(word)
    return next(iter(found)) if len(found) == 1 else None  # one reading, or it is no form


@lru_cache(maxsize=50_000)
def _slip_classes(word: str) -> frozenset[str]:
    """The legal-form classes of the forms one slip from ``word`` (three to five letters):
    the own table's, else rigour's ISO 20275 forms."""
    found = {_OWN_SPELLINGS[v] for v in _cut_or_swapped(word) if v in _OWN_SPELLINGS}
    if len(word) + 1 >= FORM_SLIP_MIN_LENGTH:  # (the own forms a letter added makes)
        found.update(_OWN_ADDED.get(word, ()))
    if not found:
        # (the spellings themselves only for what the scan found: most words find nothing)
        matched = extract_org_types(_slips_text(word))
        if matched:
            spelt = set(_one_slip(word))
            hits = {m for m, _ in matched if m in spelt}
            found = {c for c in (legal_form_class((m,)) for m in hits) if c is not None}
    return frozenset(found)


def _own_added() -> dict[str, frozenset[str]]:
    """The classes of the own table's one-word forms (:data:`_OWN_SPELLINGS`) by each spelling
    with one of its letters a to z dropped: the words that form is one letter added to."""
    table: dict[str, set[str]] = {}
    for form, cls in _OWN_SPELLINGS.items():
        for i, letter in enumerate(form):
            if letter in ascii_lowercase:
                table.setdefault(form[:i] + form[i + 1 :], set()).add(cls)
    return {word: frozenset(classes) for word, classes in table.items()}


_OWN_ADDED = _own_added()
_CHANGED_MIN_LENGTH = 4  # letters of a consonant abbreviation read with one letter changed


def _changed_classes(word: str) -> frozenset[str]:
    """The classes of the consonant abbreviations ``word`` is with one letter changed, when it
    has one vowel at most (:func:`_own_changed`)."""
    if len(word) < _CHANGED_MIN_LENGTH or sum(1 for c in word if c in _VOWELS) > 1:
        return frozenset()
    return frozenset(c for i in range(len(word))
                     for c in _OWN_CHANGED.get(word[:i] + "?" + word[i + 1 :], ()))  # fmt: skip


def _own_changed() -> dict[str, frozenset[str]]:
    """The classes of the own table's consonant abbreviations of four or five letters (three
    consonants in a row: PJSC, DMCC, GMBH, LTDA; not CORP or SARL, which a letter changed makes
    words of: "corn", "sari") by each spelling with one letter changed, written with a "?" in
    its place (since 1.30: "BANK URALSIB PISC" / PJSC, "ZR ENERGY IMCC" / DMCC). A word is
    read so only when it has one vowel at most (:func:`_changed_classes`: "lida" is no LTDA)."""
    table: dict[str, set[str]] = {}
    for form, cls in _OWN_SPELLINGS.items():
        if _changeable(form):
            for i in range(len(form)):
                table.setdefault(form[:i] + "?" + form[i + 1 :], set()).add(cls)
    return {word: frozenset(classes) for word, classes in table.items()}


def _changeable(form: str) -> bool:
    """A consonant abbreviation of four or five letters (:func:`_own_changed`)."""
    size = len(form)
    return _CHANGED_MIN_LENGTH <= size <= FORM_SLIP_MAX_LENGTH and bool(_CONSONANT_RUN.search(form))


_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{3}")


def _short_form(word: str) -> str | None:
    """The legal-form class a two-letter word names when it is a three-letter form of the own
    table with a doubled letter typed once ("lc" -> llc, "oo" -> ooo, "od" -> ood), or, in a
    word without vowels, with its last letter dropped ("js" -> jsc) — one class, or ``None``.
    Since 1.13 also a three-letter form with another letter dropped that keeps the form's
    first letter ("ld" -> ltd, "jc" -> jsc, "oa" -> oao, "za" -> zao, "fe" -> fze) and a
    two-letter form with its letters swapped ("ga" -> ag), unless the word is a word or
    abbreviation of its own (:data:`SHORT_WORDS`: "tv" is not TOV, "in" not INC) or a
    particle ("da", "de"). A letter changed or added elsewhere is another word."""
    if legal_form_class((word,)) is not None or word in NUMBER_WORDS:
        return None  # (a number word is a number: "SPARTA FIVE" is no SPARTA FIE, since h172)
    doubled = {word[: i + 1] + word[i:] for i in range(len(word))}
    found = {_OWN_SPELLINGS[v] for v in doubled if v in _OWN_SPELLINGS}
    if not found and not any(c in _VOWELS for c in word):
        # its last letter dropped ("js" -> jsc) or, since 1.11, its first ("td" -> ltd)
        found = set(_cut_forms(word))
    if not found and word not in SHORT_WORDS and not plain_word(word):
        found = set(_SHORT_SLIPS.get(word, ()))
    if not found:
        found = set(_FREE_ZONE_CUTS.get(word, ()))
    return found.pop() if len(found) == 1 else None


FREE_ZONE = "fz"  # the start of the free-zone forms (FZE, FZC, FZCO: United Arab Emirates)


def _free_zone_cuts() -> dict[str, frozenset[str]]:
    """Three-letter free-zone forms of the own table with their first letter dropped (1.25,
    round two: "PETRO ROYAL ZE" is PETRO ROYAL FZE; the vowel left, which keeps
    :func:`_cut_forms` from reading other cuts, "te" or "al", makes no word here)."""
    return {form[1:]: frozenset({cls}) for form, cls in one_word_forms().items()
            if len(form) == FORM_SLIP_MIN_LENGTH and form.startswith(FREE_ZONE)}  # fmt: skip


_FREE_ZONE_CUTS = _free_zone_cuts()


def _cut_forms(word: str) -> frozenset[str]:
    """Classes of the own table's three-letter forms that are ``word`` with their last or
    first letter dropped ("js" -> jsc, "td" -> ltd; "ll" -> llc and llp)."""
    return frozenset(c for v, c in _OWN_SPELLINGS.items()
                     if len(v) == FORM_SLIP_MIN_LENGTH and word in (v[:-1], v[1:]))  # fmt: skip


def misspelt_forms(word: str) -> frozenset[str]:
    """The legal-form classes ``word`` may name with one slip: :func:`misspelt_form`'s one,
    or, since 1.15, the two a two-letter word without vowels names with a three-letter
    form's last or first letter dropped ("LL TRIBIT": LLC or LLP, "sr": SRO or SRL), or,
    since 1.23, the classes of the forms a word of three to five letters is one slip from
    when they are several ("TAWU VBA": BVBA, an LLC, or CVBA, a cooperative)."""
    one = misspelt_form(word)
    if one is not None:
        return frozenset({one})
    if (FORM_SLIP_MIN_LENGTH <= len(word) <= FORM_SLIP_MAX_LENGTH and word.isalpha()
            and word not in _DOUBLED_SHORT and word not in NUMBER_WORDS
            and legal_form_class((word,)) is None):  # fmt: skip
        return _slip_classes(word) or _changed_classes(word)
    if len(word) != 2 or not word.isalpha() or any(c in _VOWELS for c in word):
        return frozenset()
    return frozenset() if legal_form_class((word,)) is not None else _cut_forms(word)


def _short_slips() -> dict[str, frozenset[str]]:
    """Two-letter spellings of the own table's short forms one slip away (1.13): a
    three-letter form with a letter after its first dropped ("ltd" -> "ld", "lt"), a
    two-letter form with its letters swapped ("ag" -> "ga"), with the classes they name."""
    table: dict[str, set[str]] = {}
    for form, cls in one_word_forms().items():
        if not form.isalpha():
            continue
        if len(form) == FORM_SLIP_MIN_LENGTH:
            for i in (1, 2):
                table.setdefault(form[:i] + form[i + 1 :], set()).add(cls)
        elif len(form) == 2 and form[0] != form[1]:
            table.setdefault(form[::-1], set()).add(cls)
    return {w: frozenset(c) for w, c in table.items()}


_SHORT_SLIPS = _short_slips()
# two-letter words and abbreviations of their own in company names, no misspelt form
SHORT_WORDS = frozenset({
    "ai", "an", "as", "at", "be", "by", "go", "he", "hr", "if", "in", "is", "it", "me", "my",
    "no", "on", "or", "pc", "pl", "pr", "so", "to", "tv", "up", "us", "we",
})  # fmt: skip


_VOWELS = frozenset("aeiouy")
_OWN_CHANGED = _own_changed()


def _doubled_short_forms() -> dict[str, str]:
    """Two-letter legal forms of the own table with their first letter, a consonant, typed
    twice ("cco" -> co, "ssa" -> sa, "bbv" -> bv), by that spelling. (A doubled vowel or last
    letter makes words: "aas", "coo", "add", "ass".)"""
    table: dict[str, str] = {}
    for word, cls in one_word_forms().items():
        if len(word) == 2 and word.isalpha() and word[0] not in _VOWELS:
            table[word[0] + word] = cls
    return table


_DOUBLED_SHORT = _doubled_short_forms()


def misspelt_form_reading(form: NameForm, *, organization: bool = False) -> NameForm | None:
    """``form`` (a company name with its legal forms split off) with its first or last word
    read as a misspelt legal form, when one is ("UMATEX SJC" -> "umatex" + jsc); in a name
    known to be an organisation's (``organization``) also a dotted abbreviation with a letter
    dropped or doubled (a name of unknown type may end in a person's initials, "PETROV S.
    P.")."""
    tokens = form.tokens
    if form.native or len(tokens) < 2:
        return None
    dotted = _dotted_doubled_form(tokens)  # "EDYJU, SS.A."
    if dotted is not None:
        return NameForm(tokens[: dotted[0]], form.forms | {dotted[1]}, form.script, form.native)
    start, classes = _dotted_dropped_form(tokens) if organization else (None, frozenset())
    if start is not None:  # "MANIA D..O.", "ADP, SS.C."
        rest = tokens[:start] if classes else _undoubled_run(tokens, start)
        return NameForm(rest, form.forms | classes, form.script, form.native)
    for i in (len(tokens) - 1, 0):
        found = misspelt_forms(tokens[i])
        if found:
            rest = tokens[:i] + tokens[i + 1 :]
            return NameForm(rest, form.forms | found, form.script, form.native)
    return None


def first_word_form_reading(form: NameForm) -> NameForm | None:
    """``form`` with its first word read as a misspelt legal form when its last word reads as
    one too (since 1.22: "JC TPE" is JSC TPE or JC PTE; :func:`misspelt_form_reading` reads
    the last word, and this the other way), or ``None``."""
    tokens = form.tokens
    if form.native or len(tokens) < 2 or not misspelt_forms(tokens[-1]):
        return None
    found = misspelt_forms(tokens[0])
    return NameForm(tokens[1:], form.forms | found, form.script, form.native) if found else None


def _dotted_doubled_form(tokens: Sequence[str]) -> tuple[int, str] | None:
    """Where a dotted legal form with one letter typed twice ends the name ("EDYJU, SS.A.",
    "RENTA AA.S.", "MANARA SS.A.S.": letters of one or two, one of them a letter doubled),
    and its class: ``(start, class)``, or ``None``."""
    start = len(tokens)
    while start > 1 and len(tokens[start - 1]) <= 2 and tokens[start - 1].isalpha():
        start -= 1
    run = tokens[start:]
    if len(run) < 2 or sum(len(t) == 2 and t[0] == t[1] for t in run) != 1:
        return None
    if any(len(t) == 2 and t[0] != t[1] for t in run):
        return None  # (two letters of one dotted abbreviation are one letter each)
    cls = _ALL_ONE_WORD_FORMS.get(undouble("".join(run)))
    return None if cls is None else (start, cls)


_ALL_ONE_WORD_FORMS = {w: c for w, c in one_word_forms().items() if w.isalpha()}


def _dotted_dropped_form(tokens: Sequence[str]) -> tuple[int | None, frozenset[str]]:
    """Where a run of one-letter words (a dotted abbreviation) that ends the name starts, and
    what it is (since 1.15): a legal form of three or four letters with one letter dropped
    ("MANIA D..O.", "VERSOR .R.O.": its classes), or an abbreviation with one letter typed
    twice that is no form ("ADP, SS.C.", "ISSA EE.U.": no class, the letter is read once);
    ``(None, ...)`` when neither."""
    start = len(tokens)
    while start > 1 and len(tokens[start - 1]) <= 2 and tokens[start - 1].isalpha():
        start -= 1
    run = tokens[start:]
    if len(run) < 2:
        return None, frozenset()
    doubled = [t for t in run if len(t) == 2]
    if not doubled:
        word = "".join(run)  # (letters, not a word: "D.O." is no "do")
        found = _DROPPED_DOTTED.get(word, frozenset())
        return (start if found else None), found
    if len(doubled) == 1 and doubled[0][0] == doubled[0][1]:
        return start, frozenset()
    return None, frozenset()


def _undoubled_run(tokens: Sequence[str], start: int) -> tuple[str, ...]:
    return (*tokens[:start], *(t[0] for t in tokens[start:]))


def _dropped_dotted() -> dict[str, frozenset[str]]:
    """Forms of the own table of three or four letters with one letter dropped, by that
    spelling, when it is no form itself."""
    table: dict[str, set[str]] = {}
    for form, cls in _ALL_ONE_WORD_FORMS.items():
        if 3 <= len(form) <= 4:
            for i in range(len(form)):
                cut = form[:i] + form[i + 1 :]
                if cut not in _ALL_ONE_WORD_FORMS:
                    table.setdefault(cut, set()).add(cls)
    return {w: frozenset(c) for w, c in table.items()}


_DROPPED_DOTTED = _dropped_dotted()


def plain_word(word: str) -> bool:
    """A word that names nothing by itself: one letter, a particle, a low-information word."""
    return len(word) == 1 or word in PERSON_PARTICLES or word in LOW_INFO_WORDS
