"""Typing slips in short names: what a one-letter slip in a company's legal form or in a
one-word name looks like, told apart from another name.

* A word at the start or end of a company name one letter away from a legal form ("Umatex
  SJC", "PJS Alrosa", "Alaxy BBVBA") is that form misspelt: :func:`misspelt_form_reading`
  gives the query read that way (trusted a little less, see
  :class:`~clearance.matching.params.TrustParams`).
* Two adjacent letters swapped, or one letter added or dropped in a short word, in a word
  the lists do not hold ("MEAI" for MAEI, "CJSC ZET" for CJSC ZEST) is a slip; a near-miss
  on a word the lists do hold ("Denis" for DENISE) is another name
  (:func:`single_word_sim`, for names of one distinctive word each).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from functools import lru_cache
from string import ascii_lowercase

from rapidfuzz.distance import OSA
from rigour.names import extract_org_types

from clearance.matching.legalforms import legal_form_class, one_word_forms
from clearance.matching.normalize import NameForm
from clearance.matching.pairing import supporting
from clearance.matching.params import NameParams
from clearance.matching.scripts import undouble
from clearance.matching.vocab import LOW_INFO_WORDS, PERSON_PARTICLES
from clearance.matching.wordsim import swapped

FORM_SLIP_MIN_LENGTH = 3  # letters a word and the form it is read as both need
FORM_SLIP_MAX_LENGTH = 5  # abbreviations ("bbvba"); a long form word is corrected as it is read


def _one_slip(word: str) -> list[str]:
    """``word`` with one letter dropped, one letter added, or two adjacent letters swapped
    (not one letter changed: "Tom" is not "Too", "Ono" is not "OOO"), each once, of at least
    FORM_SLIP_MIN_LENGTH letters (those shorter are not made)."""
    size, least = len(word), FORM_SLIP_MIN_LENGTH
    out = [word[:i] + word[i + 1 :] for i in range(size)] if size > least else []
    if size >= least:
        out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(size - 1)
                if word[i] != word[i + 1]]  # fmt: skip
    if size + 1 >= least:
        for i in range(size + 1):  # (each place's two halves cut once, not once per letter)
            head, tail = word[:i], word[i:]
            out += [f"{head}{c}{tail}" for c in ascii_lowercase]
    return list(dict.fromkeys(out))


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
    if legal_form_class((word,)) is not None:
        return None
    doubled = _DOUBLED_SHORT.get(word)  # "cco" for "co", "ssa" for "sa"
    if doubled is not None:
        return doubled
    found = _slip_classes(word)
    return next(iter(found)) if len(found) == 1 else None  # one reading, or it is no form


@lru_cache(maxsize=50_000)
def _slip_classes(word: str) -> frozenset[str]:
    """The legal-form classes of the forms one slip from ``word`` (three to five letters):
    the own table's, else rigour's ISO 20275 forms."""
    slips = _one_slip(word)
    found = {_OWN_SPELLINGS[v] for v in slips if v in _OWN_SPELLINGS}
    if not found:
        spelt = set(slips)
        hits = {m for m, _ in extract_org_types(" ".join(slips)) if m in spelt}
        found = {c for c in (legal_form_class((m,)) for m in hits) if c is not None}
    return frozenset(found)


def _short_form(word: str) -> str | None:
    """The legal-form class a two-letter word names when it is a three-letter form of the own
    table with a doubled letter typed once ("lc" -> llc, "oo" -> ooo, "od" -> ood), or, in a
    word without vowels, with its last letter dropped ("js" -> jsc) — one class, or ``None``.
    Since 1.13 also a three-letter form with another letter dropped that keeps the form's
    first letter ("ld" -> ltd, "jc" -> jsc, "oa" -> oao, "za" -> zao, "fe" -> fze) and a
    two-letter form with its letters swapped ("ga" -> ag), unless the word is a word or
    abbreviation of its own (:data:`_SHORT_WORDS`: "tv" is not TOV, "in" not INC) or a
    particle ("da", "de"). A letter changed or added elsewhere is another word."""
    if legal_form_class((word,)) is not None:
        return None
    doubled = {word[: i + 1] + word[i:] for i in range(len(word))}
    found = {_OWN_SPELLINGS[v] for v in doubled if v in _OWN_SPELLINGS}
    if not found and not any(c in _VOWELS for c in word):
        # its last letter dropped ("js" -> jsc) or, since 1.11, its first ("td" -> ltd)
        found = set(_cut_forms(word))
    if not found and word not in _SHORT_WORDS and not _plain(word):
        found = set(_SHORT_SLIPS.get(word, ()))
    return found.pop() if len(found) == 1 else None


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
            and word not in _DOUBLED_SHORT and legal_form_class((word,)) is None):  # fmt: skip
        return _slip_classes(word)
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
_SHORT_WORDS = frozenset({
    "ai", "an", "as", "at", "be", "by", "go", "he", "hr", "if", "in", "is", "it", "me", "my",
    "no", "on", "or", "pc", "pl", "pr", "so", "to", "tv", "up", "us", "we",
})  # fmt: skip


_VOWELS = frozenset("aeiouy")


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


def single_word_sim(
    query_word: str,
    listed_word: str,
    sim: float,
    listed: Container[str],
    params: NameParams,
    *,
    typed: bool = True,
    whole: bool = False,
    alone: bool = False,
    arabic: bool = False,
    person: bool = True,
) -> float:
    """How far a near-miss (``sim`` under ``params.distinctive_sim``) counts when each name
    has one distinctive word: mostly it makes the names different (``2 * sim - 1``); a typing
    slip (:func:`is_slip`, ``typed``: in a query typed in Latin letters; ``whole``: the rest
    of both names agrees) in a word the lists do not hold counts ``params.slip_sim``; a query
    word the lists hold is a name of its own, and a near-miss on it counts
    ``params.listed_word_miss`` of that. A word that is all the two names share (``alone``:
    no other word paired, no legal form in common) with a letter added or dropped is another
    name (1.12: "mn" is not MJN, "tmym LLC" not MYM), unless the letter is one typed twice
    ("HASSM" / HASM); two letters swapped stay a slip. A word read from Arabic script
    (``arabic``) whose consonants are not the listed word's (:func:`other_consonants`) is
    another name (1.20: "السادة", alsadt, is no القاعدة, alqadt; "پاكسان" no PARSHAN). In a
    company's name (not ``person``) a near-miss two edits or more off counts
    ``params.two_edit_miss`` of it (1.22)."""
    if arabic and other_consonants(query_word, listed_word):
        return 0.0
    different = max(0.0, 2 * sim - 1.0)
    if query_word in listed and not held_by_chance(query_word, listed_word):
        return different * params.listed_word_miss
    if not person and OSA.distance(query_word, listed_word, score_cutoff=1) > 1:
        # A company's word two edits or more off (since 1.22): two words that look alike,
        # not one misspelt ("Martins" / MARTYRS, "Dowerg" / DOVER, "Russneft" / ROSNEFT); a
        # person's may be a spelling of the name ("Shamsedin" / SHAMSUDDIN)
        return different * params.two_edit_miss
    if (alone and len(query_word) != len(listed_word)
            and undouble(query_word) != undouble(listed_word)):  # fmt: skip
        return different
    if is_slip(query_word, listed_word, params, typed=typed, whole=whole):
        return max(different, params.slip_sim)
    return different


# Latin letters by the Arabic-script consonant they may write, loosely (a romanisation's
# choices fall in one class: q/k/g/j, t/d/s/z with th/dh/sh/zh, b/p); vowels and the letters
# romanisations write or leave out (w, y, v, h, ') are no consonant here.
_CONSONANT_CLASSES = str.maketrans("qcgjxtdzpv", "kkkkksssb ", "aeiouywh' ")
_ARTICLE = "al"


@lru_cache(maxsize=4096)
def _consonant_classes(word: str) -> str:
    if not word.isascii():
        return ""
    text = word.lower().replace("ph", "f")
    if text.startswith(_ARTICLE) and len(text) > len(_ARTICLE) + 2:
        text = text[len(_ARTICLE) :]
    return undouble(text.translate(_CONSONANT_CLASSES).replace(" ", ""))


def other_consonants(query_word: str, listed_word: str) -> bool:
    """Do two romanised words write other consonants, however a romanisation may spell them
    (letters by class, vowels, w, y, v and h left out, an article al- and a last t or d, the
    ة a romanisation writes or leaves out, aside)? Not when either is not in Latin letters."""
    q, c = _consonant_classes(query_word), _consonant_classes(listed_word)
    if not q or not c or q == c:
        return False
    return q.removesuffix("s") != c.removesuffix("s")


def is_slip(a: str, b: str, params: NameParams, *, typed: bool = True, whole: bool = False) -> bool:
    """``a`` and ``b`` are one typing slip apart: two adjacent letters swapped, or, in a short
    word of a query typed in Latin letters (not one read from a script: "jrmt", عجرمة, is
    not JMT), one letter
    added or dropped ("ZET"/ZEST, "TIA"/TIVA); not one letter changed ("Tom" is not "Too").
    The shorter word has ``params.slip_min_length`` letters or more, and a letter added or
    dropped ``params.slip_short_length`` or fewer (in a longer word the near-miss counts as
    it is: "Sena" is not SENAT), or a letter dropped from the listed word when it has
    ``params.slip_whole_length`` letters or fewer without it and the rest of both names agrees
    (``whole``: "KORY BANK" / KORYO BANK; "Kaula LLC" is not KALA LIMITED)."""
    size, other = len(a), len(b)
    shorter = min(size, other)
    if shorter < params.slip_min_length or abs(size - other) > 1:
        return False
    longest = params.slip_whole_length if whole and size < other else params.slip_short_length
    if size != other and (not typed or shorter > longest):
        return False
    if OSA.distance(a, b, score_cutoff=1) != 1:
        return False
    return size != other or swapped(a, b)


def pair_code_slip(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    listed: Container[str],
    params: NameParams,
    *,
    typed: bool,
    exact_sim: float,
) -> None:
    """Pair a company's one short word left over on each side ("KB ALFA" / KGB ALFA, "VEB
    RRF" / VEB RF) at ``params.slip_sim`` when the two are a typing slip apart (:func:`is_slip`,
    the shorter of ``params.slip_short_length`` letters or fewer) and every other word (if any:
    "MM SARL" / MMT SARL) has paired closely. A query word the lists hold ("KB" is a bank's
    abbreviation) pairs so only beside other words that all pair as spelt (``exact_sim``),
    one of them distinctive, and not when it is a particle or a low-information word itself
    ("de", "la", "co")."""
    if q_used.count(False) != 1 or c_used.count(False) != 1:
        return
    i, j = q_used.index(False), c_used.index(False)
    a, b = q_words[i], c_words[j]
    if typed and code_letter(a, b):
        # "M BANK" / MB BANK: a letter of a two-letter code dropped, every other word spelt
        # the same (since 1.15; a one-letter word is listed as an initial, not as a name)
        if pairs and all(s >= exact_sim for _, _, s, _, _ in pairs):
            q_used[i] = c_used[j] = True
            pairs.append((i, j, params.slip_sim, 1, 1))
        return
    if min(len(a), len(b)) > params.slip_short_length:
        return
    if a in listed and (
        _plain(a)
        or any(s < exact_sim for _, _, s, _, _ in pairs)
        or (all(_plain(q_words[p[0]]) for p in pairs) and not held_by_chance(a, b))
    ):  # ("DE SOL" is no DEV SOL, "TIA GROUP" no TIVA GROUP when DE and TIA are listed)
        return
    if all(s >= params.supported_sim for _, _, s, _, _ in pairs) and is_slip(
        a, b, params, typed=typed
    ):
        q_used[i] = c_used[j] = True
        pairs.append((i, j, params.slip_sim, 1, 1))


CHANCE_CODE_LENGTH = 2  # letters of a code the lists hold by chance (see held_by_chance)


def held_by_chance(query_word: str, listed_word: str) -> bool:
    """Is ``query_word`` a two-letter code, ``listed_word`` (three letters) with one dropped
    ("VB" / VTB)? The lists hold half of all two-letter codes (323 of 676, inside longer names:
    "VB MANAGEMENT EOOD"): holding one says little, and its slip counts as an unheld code's
    (1.23, round two: "VB BANK" / VTB BANK); not a word of its own or a legal form ("IT",
    "AS"), and a held three-letter word stays a name ("TIA GROUP" is not TIVA GROUP)."""
    return (len(query_word) == CHANCE_CODE_LENGTH and len(listed_word) == CHANCE_CODE_LENGTH + 1
            and query_word.isalpha() and listed_word.isalpha() and query_word not in _SHORT_WORDS
            and legal_form_class((query_word,)) is None)  # fmt: skip


def code_letter(query_word: str, listed_word: str) -> bool:
    """Is ``query_word`` the first letter of ``listed_word``, a two-letter code of letters
    that is no particle or low-information word ("m" / MB; not "b" / MB, "d" / DE)?"""
    return (len(query_word) == 1 and len(listed_word) == 2 and listed_word[0] == query_word
            and listed_word.isalpha() and not _plain(listed_word))  # fmt: skip


def _plain(word: str) -> bool:
    """A word that names nothing by itself: one letter, a particle, a low-information word."""
    return len(word) == 1 or word in PERSON_PARTICLES or word in LOW_INFO_WORDS


def code_slip_words(tokens: Sequence[str], listed: Container[str], params: NameParams) -> list[str]:
    """The words of a query that :func:`pair_code_slip` may pair: short, and not held by the
    lists unless the query has other words and the word is no particle or low-information
    word (a letter may be a code's: :func:`code_letter`), or it is a two-letter code, which
    the lists hold by chance (:func:`held_by_chance`)."""
    many = len(tokens) > 1
    return [w for w in tokens if len(w) <= params.slip_short_length + 1
            and (w not in listed or ((many or len(w) == CHANCE_CODE_LENGTH) and not _plain(w))
                 or (many and len(w) == 1))]  # fmt: skip


def code_slip_possible(
    q_short: Sequence[str], c_words: Sequence[str], params: NameParams, *, typed: bool
) -> bool:
    """Could :func:`pair_code_slip` pair one of ``q_short`` (:func:`code_slip_words`) with a
    word of ``c_words``? (Then a bound without that pair is no bound.)"""
    short = params.slip_short_length
    for a in q_short:  # (plain loops: a generator's steps cost more than these tests)
        size = len(a)
        for b in c_words:
            other = len(b)
            if size - other > 1 or other - size > 1 or (size > short and other > short):
                continue
            if is_slip(a, b, params, typed=typed) or (typed and code_letter(a, b)):
                return True
    return False


class CodeSlips:
    """:func:`code_slip_possible` for one query name's short words (:func:`code_slip_words`),
    answered per listed word and memoised: listed words recur across the names a query is
    compared with."""

    def __init__(self, q_short: list[str], listed: object, params: NameParams, typed: bool) -> None:
        self.q_short, self.listed, self.params, self.typed = q_short, listed, params, typed
        self.words: dict[str, bool] = {}

    def possible(self, c_words: Sequence[str]) -> bool:
        """``code_slip_possible(q_short, c_words, ...)``."""
        if not self.q_short:
            return False
        for word in c_words:
            found = self.words.get(word)
            if found is None:
                found = self.words[word] = code_slip_possible(
                    self.q_short, (word,), self.params, typed=self.typed
                )
            if found:
                return True
        return False


def pair_leftovers(
    q_weights: Sequence[float],
    c_weights: Sequence[float],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    sim: Callable[[int, int], float],
    params: NameParams,
    q_patronymic: Sequence[bool],
) -> None:
    """Pair the one word each side has left over ("Mohamed Ale Nkalubo" / MOHAMED ALI NKALUBO,
    "Novikov Ian" / NOVIKOV Yan) at their similarity, however low (from
    ``params.leftover_sim``), when every other word has paired and enough of them agree
    closely: in a short word one slip is most of the word, but it is that word's slip.
    Since 1.22 an agreeing patronymic (``q_patronymic``, by query word) supports only the
    given name it follows ("Iuri Valentinovich Kovalchuk" / KOVALCHUK, Yuri Valentinovich):
    a given name and a father's given name say nothing of the family name, which thousands
    of people with both have ("Tarasova Irina Aleksandrovna" is not CHERKASOVA, Irina
    Aleksandrovna; :func:`~clearance.matching.pairing.supporting`)."""
    if q_used.count(False) != 1 or c_used.count(False) != 1:
        return
    i, j = q_used.index(False), c_used.index(False)
    if q_weights[i] < 1.0 or c_weights[j] < 1.0:
        return
    close = supporting(pairs, (), params.supported_sim, single=True)
    value = sim(i, j)
    if close >= params.leftover_support and value >= params.leftover_sim:
        if (supporting(pairs, q_patronymic, params.supported_sim, single=True)
                < params.leftover_support
                and not (i + 1 < len(q_patronymic) and q_patronymic[i + 1])):  # fmt: skip
            return
        q_used[i] = c_used[j] = True
        pairs.append((i, j, value, 1, 1))
