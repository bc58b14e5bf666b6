"""Legal forms in names: which words of a folded name are a legal form ("LLC", "G.M.B.H.",
"Obschestvo s ogranichennoi otvetstvennostyu", "Sdn Bhd") and of which equivalence class, from
the matcher's own table (``vocab.LEGAL_FORM_PHRASES``, with spellings by sound and by a trip
through Cyrillic) and rigour's ISO 20275 table; misspelt legal-form words corrected. Pure
functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names import extract_org_types

from clearance.matching.numerals import ROMAN
from clearance.matching.ocr import glyph_readings
from clearance.matching.phonetics import respell, sound
from clearance.matching.russian_generic import russian_kind_first
from clearance.matching.scripts import undouble
from clearance.matching.vocab import (
    ABBREVIATIONS,
    LEGAL_FORM_PHRASES,
    MAX_FORM_WORDS,
    TITLES,
    interior_form,
)

FORM_WORDS = frozenset(w for phrase in LEGAL_FORM_PHRASES for w in phrase)


def _form_class(words: list[str], *, iso: bool = True) -> str | None:
    """The legal-form class ``words`` spell, letter for letter or (for phrases of long words)
    by sound: "Publik Yoint-Stokk Kompany", "Publits Yoint-Stotsk Tsompany" are a "Public
    Joint Stock Company"."""
    return _phrase_class(tuple(words), iso)


def legal_form_class(phrase: tuple[str, ...]) -> str | None:
    """The legal-form class ``phrase`` (folded words) spells on its own, or ``None``."""
    return _phrase_class(phrase, True)


@lru_cache(maxsize=100_000)  # single words and short phrases recur across names
def _phrase_class(phrase: tuple[str, ...], iso: bool) -> str | None:
    if phrase in _NAMES:
        return None
    found = LEGAL_FORM_PHRASES.get(phrase)
    if found is None and len(phrase) > 1 and all(len(w) == 1 for w in phrase):
        found = LEGAL_FORM_PHRASES.get(("".join(phrase),))  # "F.Z.C.O.", "G.M.B.H."
    if found is None:
        found = _FORM_SPELLINGS.get(tuple(_form_key(w) for w in phrase))
    if found is None and _by_sound(phrase):
        found = _FORM_SOUNDS.get(_sound_key(phrase))
    if found is None and iso:
        found = iso_legal_form(phrase)
    if found is None and len(phrase) == 1 and len(phrase[0]) >= 3:
        found = _DOUBLED_FORMS.get(undouble(phrase[0]))  # "Lltd", "Jscc", "Oooo"
    return found


@lru_cache(maxsize=50_000)
def _form_key(word: str) -> str:
    """A legal-form word as it survives a trip through Cyrillic ("LLC" -> "ЛЛЦ"/"ЛЛК" ->
    "LLTs"/"LLK", "JSC" -> "YSK"): c, ts, k as one letter, j as y, w as v."""
    return respell(word).replace("c", "k").replace("j", "y").replace("w", "v").replace("q", "k")


# rigour's Normalize.CASEFOLD flag (its org_types module imports far more than this needs; the
# Rust core takes the flags as integers).


@lru_cache(maxsize=50_000)
def iso_legal_form(phrase: tuple[str, ...]) -> str | None:
    """The legal-form class of ``phrase`` in rigour's ISO 20275 based table ("sdn bhd", "ltd
    sti", "s a r l") when the whole phrase is one form. One or two letters are left to the own
    table ("as", "se", "oy" are too often words); a form the own table knows keeps its class."""
    text = " ".join(phrase)
    if len(text) < 3:
        return None
    found = extract_org_types(text)
    if len(found) != 1 or found[0][0] != text:
        return None
    specific = tuple(found[0][1].replace(".", " ").split())
    generic = extract_org_types(text, generic=True)
    return LEGAL_FORM_PHRASES.get(specific) or (generic[0][1] if generic else "".join(specific))


def split_legal_forms(words: list[str]) -> tuple[list[str], set[str]]:
    """Remove legal-form phrases at the start or end of ``words``, and distinctive ones inside;
    return (rest, classes). The matcher's own table first; the ISO 20275 table on what is
    left, so that a second form is found too ("Sdn Bhd Tic. Ltd. Şti."). A Roman numeral
    in a name with a legal form is its number (:func:`_numbered`). "NPO" before a Russian
    name is its kind, a word (h193: ``russian_generic.russian_kind_first``)."""
    if russian_kind_first(words):
        rest, forms = split_legal_forms(words[1:])
        return [words[0], *rest], forms
    rest, forms = _split_forms(words, iso=False)
    if not forms:
        rest, forms = _split_forms(words, iso=True)
    else:
        rest, forms = _split_iso_phrases(rest, forms)
    return _numbered(rest, words, forms), forms


def _numbered(rest: list[str], words: list[str], forms: set[str]) -> list[str]:
    """``rest`` (``words`` with its legal ``forms`` split off) with its Roman numerals of two
    letters or more written in digits (since 1.31): the last word when a legal form follows
    it ("NORD STREAM II AG" is NORD STREAM 2 AG, "TSZL VI OOO" number 6), and "II" or "III"
    after the first word of a name with a legal form ("PLANET II REACHING, INC."). One letter,
    "V" or "X", is as often an initial, a first word a name ("XI SHIPPING"), and "VI" inside
    a name two initials ("IMENI VI CHAPAEVA", V. I. Chapaev)."""
    if not forms or len(rest) < 2 or not _ROMAN_NUMBERS.keys() & rest[1:]:
        return rest
    tail = rest[-1]
    if tail in _ONES or (tail != words[-1] and tail in _ROMAN_NUMBERS):
        tail = _ROMAN_NUMBERS[tail]
    middle = [_ROMAN_NUMBERS[w] if w in _ONES else w for w in rest[1:-1]]
    return [rest[0], *middle, tail]


def _roman_numbers() -> dict[str, str]:
    """Roman numerals of two letters or more up to 39, by the number they write."""
    tens = ("", "x", "xx", "xxx")
    ones = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
    table = {tens[n // 10] + ones[n % 10]: str(n) for n in range(1, 40)}
    return {numeral: n for numeral, n in table.items() if len(numeral) >= 2}


_ROMAN_NUMBERS = _roman_numbers()
_ONES = frozenset(("ii", "iii"))  # numerals that are no initials of a name ("VI", "IV")


def _split_iso_phrases(words: list[str], forms: set[str]) -> tuple[list[str], set[str]]:
    """Beside a form of the own table, ISO 20275 forms of two or more words at the start or
    end ("Sdn Bhd"; a short ISO abbreviation there is more often a name: "STG Holding Ltd")."""
    forms = set(forms)
    changed = True
    while changed and len(words) > 2:
        changed = False
        for size in range(min(MAX_FORM_WORDS, len(words) - 1), 1, -1):
            for start in (len(words) - size, 0):
                found = iso_legal_form(tuple(words[start : start + size]))
                if found is not None:
                    forms.add(found)
                    words = words[:start] + words[start + size :]
                    changed = True
                    break
            if changed:
                break
    return words, forms


def _split_forms(words: list[str], *, iso: bool) -> tuple[list[str], set[str]]:
    forms: set[str] = set()
    changed = True
    while changed and len(words) > 1:
        changed = False
        heads = may_start_form(words, 0, iso=iso)  # (else no head below is a form)
        for size in range(min(MAX_FORM_WORDS, len(words) - 1), 0, -1):
            tail = _form_class(words[-size:], iso=iso)
            if tail is not None:
                forms.add(tail)
                words = words[:-size]
                changed = True
                break
            head = _form_class(words[:size], iso=iso) if heads else None
            if head is not None:
                forms.add(head)
                words = words[size:]
                changed = True
                break
    i = 1
    while i < len(words) - 1:
        for size in range(min(MAX_FORM_WORDS, len(words) - 1 - i), 0, -1):
            phrase = tuple(words[i : i + size])
            if phrase in LEGAL_FORM_PHRASES and interior_form(phrase):
                forms.add(LEGAL_FORM_PHRASES[phrase])
                words = words[:i] + words[i + size :]
                break
        else:
            i += 1
    return words, forms


def canonical_words(words: list[str], *, drop_titles: bool = False) -> list[str]:
    """Abbreviations expanded ("corp" -> "corporation"), misspelt legal-form words corrected
    ("Limtied", "Cmpany"; since h179 one pair of glyphs OCR misread: "Hmited"), two words of a
    legal form run together written apart (since h179: "LIABILITYCOMPANY", a space OCR lost:
    :data:`_GLUED_FORM_PAIRS`), and with ``drop_titles`` leading titles dropped ("President
    Putin"; only for queries: in "HAJJI, Muhammad" the title is a family name)."""
    out = [ABBREVIATIONS.get(w, w) for w in words]
    if _SAINT in words:
        out = _saint_before_names(words, out)
    if _AND in words:
        out = _without_letters_and(out)
    if "no" in out or "nr" in out or "number" in out:
        out = number_signs(out)
    if not _GLUED_FORM_PAIRS.keys().isdisjoint(out):
        out = [part for w in out for part in _GLUED_FORM_PAIRS.get(w, (w,))]
    if not _GLUED_NEXT.keys().isdisjoint(out[:-1]):
        out = _name_run_onto_form(out)
    out = [_correct_form_word(w, out, i) for i, w in enumerate(out)]
    start = 0
    while drop_titles and start < len(out) - 1 and out[start] in TITLES:
        start += 1
    return out[start:]


_SAINT = "st"  # expanded to "saint" (vocab.ABBREVIATIONS) before a name only
_NUMBER_SIGNS = frozenset(("no", "nr", "number"))


def number_signs(words: list[str]) -> list[str]:
    """``words`` with a number sign after the first word left out before its number, and a
    Roman numeral so numbered written in digits (since 1.34): "CONSTELLO NO. 1", "No 1", "#1"
    (whose sign folding drops) and "NO. I" are one name, "constello 1". A numeral of one
    letter ("I", "V", "X", an initial as often) only where the name or a legal form follows."""
    out = list(words)
    for i in range(len(words) - 2, 0, -1):
        after = words[i + 1]
        if words[i] not in _NUMBER_SIGNS:
            continue
        if after.isdigit():
            del out[i]
        elif after in ROMAN and (
            len(after) > 1 or i + 2 == len(words) or words[i + 2] in FORM_WORDS
        ):
            out[i : i + 2] = [str(ROMAN[after])]
    return out


_AND = "and"


def _without_letters_and(words: list[str]) -> list[str]:
    """``words`` without an "and" between two single letters: "S and D" is "S&D", whose
    ampersand folding drops (since 1.30: "S AND D SOLUTIONS L.L.C" / S&D SOLUTIONS LLC; the
    letters are initials, which alone reach no name)."""
    return [w for i, w in enumerate(words)
            if w != _AND or not 0 < i < len(words) - 1
            or len(words[i - 1]) != 1 or len(words[i + 1]) != 1]  # fmt: skip


def _saint_before_names(words: list[str], out: list[str]) -> list[str]:
    """``out`` (``words`` with abbreviations expanded) with "st" kept as written where no
    name follows it, at the end of the name or before a legal form (round two, h124): "ST.
    VITAMIN" is SAINT VITAMIN, but the ST of "ST, LTD" or "OSTEC-ST LTD" is letters, a
    code ("STC, LTD" misspelt), not a saint."""
    kept = list(out)
    for i, word in enumerate(words):
        if word == _SAINT:
            after = words[i + 1] if i + 1 < len(words) else ""
            if not after or after in FORM_WORDS or legal_form_class((after,)) is not None:
                kept[i] = word
    return kept


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _form_word_neighbours() -> dict[str, str]:
    table: dict[str, str] = {}
    for phrase in LEGAL_FORM_PHRASES:
        for word in phrase:
            if len(word) >= 5:
                for key in (word, *_deletions(word)):
                    table.setdefault(key, word)
    return table


_FORM_WORD_NEIGHBOURS = _form_word_neighbours()


def _form_spellings() -> dict[tuple[str, ...], str]:
    """Legal forms by :func:`_form_key` (abbreviations too: "Ko." / "Ink" / "Korp")."""
    phrases = dict(LEGAL_FORM_PHRASES)
    for short, full in ABBREVIATIONS.items():
        if (full,) in LEGAL_FORM_PHRASES:
            phrases[(short,)] = LEGAL_FORM_PHRASES[(full,)]
    table = {tuple(_form_key(w) for w in phrase): cls for phrase, cls in phrases.items()}
    for key in list(table):
        if key in LEGAL_FORM_PHRASES or key in _NOT_FORMS:
            del table[key]  # already a form as spelt, or a word in its own right
    return table


def one_word_forms() -> dict[str, str]:
    """The one-word legal forms of the matcher's own table, abbreviations included ("ltd",
    "co"), by class."""
    words = {p[0]: cls for p, cls in LEGAL_FORM_PHRASES.items() if len(p) == 1}
    for short, full in ABBREVIATIONS.items():
        if full in words:
            words.setdefault(short, words[full])
    return words


def _doubled_forms() -> dict[str, str]:
    """One-word legal forms (abbreviations included) by their letters written once: a doubled
    letter typed into one ("Lltd", "Jscc", "Oooo", "Bbvba") is still the form. A three-letter
    form needs no vowel or one letter repeated ("ltd", "ooo"): "Sall" is a name, not "SAL"."""
    table: dict[str, str] = {}
    for word, cls in one_word_forms().items():
        if len(word) < 3 or not word.isalpha():
            continue
        if len(word) >= 4 or not set(word) & set("aeiouy") or len(set(word)) == 1:
            table.setdefault(undouble(word), cls)
    return table


_NOT_FORMS = frozenset({("kia",)})  # "Kia Motors", not "Compañía Motors"
# Names that sound like, or with letters written once are, a legal form ("PrAT").
_NAMES = frozenset({("pratt",)})
_FORM_SPELLINGS = _form_spellings()
_DOUBLED_FORMS = _doubled_forms()
FORM_SOUND_LETTERS = 4  # letters from which a legal-form word may be matched by sound


def _by_sound(phrase: tuple[str, ...]) -> bool:
    """Is ``phrase`` matched by sound: all its words long, or two or more long words and a
    short one between ("Obschestvo s ogranichennoi otvetstvennostyu")?"""
    long = sum(len(w) >= FORM_SOUND_LETTERS for w in phrase)
    return long == len(phrase) or long >= 2


def _sound_key(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """Long words by sound, short words ("s", "z", "de") as written."""
    return tuple(sound(respell(w)) if len(w) >= FORM_SOUND_LETTERS else w for w in phrase)


def _glued(phrase: tuple[str, ...]) -> tuple[str, ...]:
    """``phrase`` with each one-letter word run into the next ("s ogranichennoi" written
    "sogranichennoi", "z obmezhenoyu" written "zobmezhenoyu")."""
    out: list[str] = []
    for i, word in enumerate(phrase):
        if i > 0 and len(phrase[i - 1]) == 1 and out:
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def _form_sounds() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for phrase, cls in LEGAL_FORM_PHRASES.items():
        bare = tuple(w for w in phrase if len(w) > 1)  # (a misspelt glued word is corrected
        for spelt in (phrase, _glued(phrase), bare):  # to the form word: "s" is then lost)
            if _by_sound(spelt):
                table.setdefault(_sound_key(spelt), cls)
    return table


_FORM_SOUNDS = _form_sounds()
_FORM_WORDS_LONG = frozenset(w for phrase in LEGAL_FORM_PHRASES for w in phrase if len(w) >= 5)
# Long form words that are a legal form alone ("limited", "company", "corporation")
# Long form words by their readings with one pair of glyphs OCR confuses ("hmited": limited;
# ocr.glyph_readings, its own inverse: one look per word, not a word's readings tried)
_FORM_WORD_GLYPHS = {read: w for w in sorted(_FORM_WORDS_LONG) for read in glyph_readings(w)
                     if read not in _FORM_WORDS_LONG}  # fmt: skip
_SOLO_FORM_WORDS = frozenset(w for (w, *rest) in LEGAL_FORM_PHRASES if not rest and len(w) >= 6)


def _correct_form_word(word: str, words: list[str], i: int) -> str:
    """A word one edit from a legal-form word ("limtied") becomes that word, when it is long
    (6+ letters) or stands next to another legal-form word with which it then makes part of a
    legal form ("Joint Stack Company"; since 1.12 not "Company Stork", which is no "Company
    Stock": a short name word after a form is a name, LIMITED LIABILITY COMPANY STORK).
    Since round two (h124) a long word becomes a form word that is a form only with others
    (not one of :data:`_SOLO_FORM_WORDS`) only beside one of them, by sound
    (:func:`_beside_form_word`): OTKRYTIE, a bank's name ("UK OTKRYTIE", "OTKRYTIE
    KAPITAL"), is no misspelt OTKRYTOE (of "Otkrytoe Aktsionernoe Obshchestvo"), which would
    make it a low-information word."""
    if len(word) < 4 or word in _FORM_WORDS_LONG or word.isdigit():
        return word
    if len(word) >= 6:
        target = nearest_form_word(word)
        if target == word or target in _SOLO_FORM_WORDS:  # (most words: no form word near)
            return target
        if _beside_form_word(target, words, i) or _glued_form_word(word, target):
            return target
        return word
    near = {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
    if not near & FORM_WORDS:
        return word
    target = nearest_form_word(word)
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if (before, target) in _FORM_BIGRAMS or (target, after) in _FORM_BIGRAMS:
        return target
    return word


def _beside_form_word(target: str, words: list[str], i: int) -> bool:
    """Does ``target`` (a form word) follow or precede, in a legal form, the word before or
    after ``i`` in ``words``, compared by sound (two misspelt form words side by side,
    "Zakritoe Aktsionernoe Obshestvo", still make a form)?"""
    key = _word_sound(target)
    before = _word_sound(words[i - 1]) if i > 0 else ""
    after = _word_sound(words[i + 1]) if i + 1 < len(words) else ""
    return (before, key) in _FORM_SOUND_BIGRAMS or (key, after) in _FORM_SOUND_BIGRAMS


def _glued_form_word(word: str, target: str) -> bool:
    """Is ``word`` the form word ``target`` with the word that follows it in a legal form run
    onto it ("Obshchestvos ogranichennoi otvetstvennostyu": obshchestvo s)?"""
    return word.startswith(target) and (target, word[len(target) :]) in _FORM_BIGRAMS


def _word_sound(word: str) -> str:
    return _sound_key((word,))[0]


# Two words that follow each other in a legal form ("joint stock", "stock company").
_FORM_BIGRAMS = frozenset(
    pair for phrase in LEGAL_FORM_PHRASES for pair in zip(phrase, phrase[1:], strict=False)
)
# Two long words of a legal form run together, by the two ("liabilitycompany", "jointstock";
# no listed word is one: tests hold it)
_GLUED_FORM_PAIRS = {a + b: (a, b) for a, b in _FORM_BIGRAMS if len(a) >= 4 and len(b) >= 4}


def _glued_next() -> dict[str, tuple[str, ...]]:
    """The long words (5+ letters) that follow a word in a legal form, longest first, by the
    word and by every spelling of it (by sound: "ogranichennoi" is followed by
    "otvetstvennostiu" and "otvetstvennostyu")."""
    by_sound: dict[str, set[str]] = {}
    for a, b in _FORM_BIGRAMS:
        if len(b) >= 5:  # noqa: PLR2004
            by_sound.setdefault(_word_sound(a), set()).add(b)
    return {a: tuple(sorted(by_sound[key], key=lambda b: (-len(b), b)))
            for a, _ in _FORM_BIGRAMS if (key := _word_sound(a)) in by_sound}  # fmt: skip


_GLUED_NEXT = _glued_next()
_GLUED_REST = 3  # letters the name word run onto a form's last word keeps


def _name_run_onto_form(words: list[str]) -> list[str]:
    """``words`` with a name word run onto the form word before it written apart, where that
    word follows the word before it in a legal form (since h185, a space OCR lost: "LIMITED
    LIABILITY COMPANYSBERBANK", "JOINT STOCKCOMMERCIAL BANK")."""
    out = [words[0]]
    for before, word in zip(words, words[1:], strict=False):
        for form in _GLUED_NEXT.get(before, ()):
            rest = word[len(form) :]
            if word.startswith(form) and len(rest) >= _GLUED_REST and rest.isalpha():
                out += [form, rest]
                break
        else:
            out.append(word)
    return out


_FORM_SOUND_BIGRAMS = frozenset((_word_sound(a), _word_sound(b)) for a, b in _FORM_BIGRAMS)


@lru_cache(maxsize=100_000)
def nearest_form_word(word: str) -> str:
    """The legal-form word one edit from ``word``, or (since h179) one pair of glyphs OCR
    confuses from it ("hmited" / LIMITED, "aktsiorieroe" / AKTSIONERNOE: ``ocr``); ``word``
    itself when there is none."""
    for key in (word, *_deletions(word)):
        target = _FORM_WORD_NEIGHBOURS.get(key)
        if target is not None and OSA.distance(word, target) == 1:
            return target
    return _FORM_WORD_GLYPHS.get(word, word)


def warm_up_forms() -> None:
    """Build the ISO 20275 legal-form table (rigour) now rather than on a first query."""
    iso_legal_form(("sdn", "bhd"))


def _first_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The first word of every phrase of the own table, as spelt, by :func:`_form_key` and as
    :func:`_sound_key` has it."""
    return (
        frozenset(p[0] for p in LEGAL_FORM_PHRASES if p),
        frozenset(k[0] for k in _FORM_SPELLINGS if k),
        frozenset(k[0] for k in _FORM_SOUNDS if k),
    )  # (a phrase of words is never empty)


_FIRST_AS_SPELT, _FIRST_BY_KEY, _FIRST_BY_SOUND = _first_words()


def may_start_form(words: Sequence[str], i: int, *, iso: bool = True) -> bool:
    """Can a legal form (:func:`legal_form_class`, of any length; without ``iso`` one of the
    own table only) start at ``words[i]``?
    ``False`` only when none can: one look at the word's first-word keys and one ISO 20275
    scan of the rest of the name, rather than every phrase tried through every spelling (most
    queried names start with a name word; tests hold it to :func:`legal_form_class`)."""
    word = words[i]
    if len(word) == 1 or word in _FIRST_AS_SPELT or _form_key(word) in _FIRST_BY_KEY:
        return True  # (one letter: "F.Z.C.O." read letter by letter)
    sounded = sound(respell(word)) if len(word) >= FORM_SOUND_LETTERS else word
    if sounded in _FIRST_BY_SOUND:
        return True
    if len(word) >= 3 and undouble(word) in _DOUBLED_FORMS:
        return True
    if not iso:
        return False
    # An ISO form starting here is found by a scan of the rest (leftmost match first).
    rest = " ".join(words[i:])
    return any(rest.startswith(found) for found, _ in extract_org_types(rest))
