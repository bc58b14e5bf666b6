"""Name normalisation: one published or queried name -> comparable forms.

``fold`` gives lower-case ASCII words; ``analyse`` splits a name into its name words, its legal
forms (as equivalence-class tags), numbers, and per-word phonetic keys, for every romanisation
the name's script has. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names import extract_org_types

from clearance.countries import country_code
from clearance.matching.scripts import (
    arabic_skeleton,
    latin_skeleton,
    romanise,
    romanise_mixed,
    undouble,
)
from clearance.matching.vocab import (
    ABBREVIATIONS,
    CITIES,
    LEGAL_FORM_PHRASES,
    LOW_INFO_WORDS,
    MAX_FORM_WORDS,
    NAME_FAMILY_OF,
    PLACE_QUALIFIERS,
    TITLES,
    interior_form,
)
from clearance.scripts import ARABIC, LATIN, char_script, detect_script

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u00b7`ʹʺ]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPLIT_NUMBER = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
# Arabic article and "abd" compounds written as one word or several:
# "Abd al-Rahman" / "Abdul Rahman" / "Abdel Rahman" / "Abdulrahman" -> "abdul rahman" (two
# words, so that "Abdul Agha" still meets "Abdul Rahman Agha"); "Abdullah" stays one word.
_ABD = re.compile(r"\babd(?:u|e|a|o)?l?\s?(?:a|e|u)?l?\s+(?=[a-z]{3,})")
_ABD_COMPACT = re.compile(r"\babd(?:u|e|a|o)l(?=[a-z]{3,})(?!lah?\b)")
_ARTICLE = re.compile(r"\b(?:al|el|ul)\s+(?=[a-z]{3,})")
_FORM_WORDS = frozenset(w for phrase in LEGAL_FORM_PHRASES for w in phrase)
_CAMEL_FAMILY = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")
_PARENS = re.compile(r"\(([^()]*)\)")


def name_parts(text: str, *, query: bool = False) -> list[str]:
    """A name with a parenthesised part ("ADF (ALLIED DEMOCRATIC FORCES)") also stands for
    the part outside and the part inside the parentheses (in a query, not a place inside:
    "Versor s.r.o. (Slovakia)")."""
    if "(" not in text:
        return [text]
    outside = _PARENS.sub(" ", text).strip()
    inside = [
        m.strip()
        for m in _PARENS.findall(text)
        if len(m.strip()) >= 2
        and not set(fold(m).split()) <= LOW_INFO_WORDS | _FORM_WORDS
        and not (query and is_place(m))
    ]
    return [text, *(p for p in (outside, *inside) if p and p != text)]


# Qualifiers that follow a party's name in a query: "c/o Bank X" (the rest is another party),
# "Branch Office in Dubai", "a/k/a Y" (two names for one party).
_CARE_OF = re.compile(r"\s*,?\s*(?<!\w)(?:c/o|c\.o\.|care of)\s.*$", re.IGNORECASE)
_OFFICE = re.compile(
    r"\s*,?\s*\b(?:branch|representative|regional|liaison)\s+office\s+(?:in|of|at)\s+[^,()]*",
    re.IGNORECASE,
)
_AKA = re.compile(
    r"\s*[,;]?\s*(?<!\w)(?:a/k/a|f/k/a|n/k/a|aka|fka|also known as|formerly known as)(?!\w)[\s.:]*",
    re.IGNORECASE,
)


def is_place(text: str) -> bool:
    """Is ``text`` a place or a qualified place ("Moscow", "Bratislava Slovakia", "Albania
    Branch", "resident of Tehran"), and nothing else?"""
    words = fold(text).split()
    if not words or country_code(text.strip()) is not None:
        return bool(words)
    named = False
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words) - i >= size and (
                country_code(phrase) is not None or (size < 3 and phrase in CITIES)
            ):
                named = True
                i += size
                break
        else:
            if words[i] not in PLACE_QUALIFIERS:
                return False
            i += 1
    return named


def query_parts(text: str) -> list[str]:
    """The names a query holds: the text as written, then the party's name without trailing
    places and qualifiers (", Moscow, Russia", "(Slovakia)", "c/o ...", "Branch Office in
    ..."), each a/k/a name apart, and the parts of :func:`name_parts`."""
    out = [text]
    for piece in _AKA.split(text):
        core = _OFFICE.sub("", _CARE_OF.sub("", piece)).strip(" ,;")
        segments = core.split(",")
        while len(segments) > 1 and is_place(segments[-1]):
            segments.pop()
        stripped = ",".join(segments).strip(" ,;")
        if len(fold(_PARENS.sub(" ", stripped)).split()) >= 2:
            core = stripped
        for part in name_parts(core, query=True):
            if part and part not in out:
                out.append(part)
    return out


# German and French spellings of Slavic names ("Wiktor Michailowitsch Sawarsin", "Iouri
# Aleksandrovitch") read the English way: only names that show such a spelling get a reading.
_GERMAN_HINT = re.compile(r"tsch|witsch|wna\b|sch|w", re.IGNORECASE)
_FRENCH_HINT = re.compile(r"tch|ou|iou", re.IGNORECASE)
_GERMAN = tuple(
    (re.compile(src), dst)
    for src, dst in (
        ("schtsch", "shCH"), ("tsch", "CH"), ("sch", "SH"), ("ch", "kh"), ("w", "v"),
        ("z", "ts"), ("(?<=[aeiouy])s(?=[aeiouy])", "z"), ("ss", "s"), ("j(?=[aeiou])", "y"),
        ("(?<=[aeiou])j\\b", "y"), ("CH", "ch"), ("SH", "sh"),
    )
)  # fmt: skip
_FRENCH = tuple(
    (re.compile(src), dst)
    for src, dst in (
        ("chtch", "SHCH"), ("tch", "CH"), ("ch", "sh"), ("iou", "yu"), ("ou", "u"),
        ("(?<=[aeiouy])ss(?=[aeiouy])", "s"), ("(?<=[aeiouy])s(?=[aeiouy])", "z"),
        ("dj", "dzh"), ("j", "zh"), ("ï", "y"), ("SHCH", "shch"), ("CH", "ch"),
    )
)  # fmt: skip


def slavic_readings(text: str) -> list[str]:
    """``text`` read as a German or a French transliteration of a Russian name (none when it
    shows no such spelling): an alternative for the query only."""
    out: list[str] = []
    low = text.lower()
    for hint, rules in ((_GERMAN_HINT, _GERMAN), (_FRENCH_HINT, _FRENCH)):
        if hint.search(low):
            value = low
            for pattern, dst in rules:
                value = pattern.sub(dst, value)
            if value != low and value not in out:
                out.append(value)
    return out


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (Latin text only; see ``analyse``)."""
    # "RezaTAGHIPOUR", "MinSHI": given name run into an upper-case family name.
    text = _CAMEL_FAMILY.sub(" ", text)
    if text.isascii():
        text = _APOSTROPHES.sub("", text).lower()
    else:
        text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
        text = _strip_marks(text).casefold()
        text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
        text = text.replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i")
    text = _NON_WORD.sub(" ", text)
    return _SPLIT_NUMBER.sub(" ", text).strip()


def canonical_arabic_forms(text: str) -> str:
    """Write Arabic ``abd al-``/``abdul`` compounds one way, so all spellings share a form."""
    text = _ABD.sub("abdul ", text)
    text = _ABD_COMPACT.sub("abdul ", text)
    return _ARTICLE.sub("al", text)


# Romanisation variants merged by the phonetic key. Order matters; upper-case letters are
# placeholders that later rules do not touch.
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "S"), ("sch", "S"), ("sh", "S"), ("tch", "C"), ("ch", "C"), ("cz", "C"),
    ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"),
    ("dh", "d"), ("ts", "Z"), ("tz", "Z"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("cy", "si"),
    ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("oe", "u"),
    ("ee", "i"), ("eo", "o"), ("eu", "u"), ("ie", "i"), ("iy", "i"), ("yi", "i"), ("ij", "i"),
    ("y", "i"),
)  # fmt: skip


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """A coarse key that merges romanisation variants (kh/h, ts/c, c/k, y/i, ye/e, doubled
    letters, Mohammed/Muhammad…). Short words are compared on it with less trust."""
    if token.isdigit():
        return token
    family = NAME_FAMILY_OF.get(token)
    if family is not None:
        return "=" + family
    return sound(token)


@lru_cache(maxsize=200_000)
def sound(token: str) -> str:
    """The phonetic key without the spelling-family table (for near-miss lookups)."""
    key = token
    if key.startswith("j") and len(key) > 1 and key[1] in "aeiou":  # Juri/Yuri, Jose/Yose
        key = "y" + key[1:]
    if key.startswith(("ye", "yo")) and len(key) > 3:  # Yelena/Elena, Yolkin/Elkin
        key = key[1:]
    for src, dst in _PHONETIC_RULES:
        key = key.replace(src, dst)
    out: list[str] = []
    for char in key:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out).lower()


# Letter-by-letter round trips through Cyrillic ("Changzhou" -> "Цхангзхоу" -> "Tskhangzkhou",
# "Manuel" -> "Manuyel", "Export" -> "Yeksport"): the Latin spelling they most likely came from.
_RESPELL_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(src), dst)
    for src, dst in (
        ("tskh", "ch"), ("skh", "sh"), ("zkh", "zh"), ("tkh", "th"), ("pkh", "ph"),
        ("gkh", "gh"), ("kkh", "kh"), ("yye", "je"), ("ts", "c"), ("^ye", "e"),
        ("(?<=[aeiou])ye", "e"), ("ks", "x"), ("^u(?=[aeio])", "w"),
    )
)  # fmt: skip
_RESPELL_HINT = re.compile(r"kh|ts|ye|ks|^u[aeio]")


@lru_cache(maxsize=200_000)
def respell(token: str) -> str:
    """``token`` with the artefacts of a letter-by-letter Cyrillic round trip undone (the
    token itself when it shows none). An alternative reading only: "Khalid" -> "Halid"."""
    if not _RESPELL_HINT.search(token):
        return token
    for pattern, dst in _RESPELL_RULES:
        token = pattern.sub(dst, token)
    return token


@dataclass(frozen=True, slots=True)
class NameForm:
    """One comparable rendering of a name."""

    tokens: tuple[str, ...]  # name words (legal forms removed), in written order
    forms: frozenset[str]  # legal-form classes found (e.g. {"llc"})
    script: str  # script of the original text
    native: bool = False  # tokens are in the original non-Latin script (not romanised)

    @property
    def numbers(self) -> frozenset[str]:
        return frozenset(t for t in self.tokens if t.isdigit())


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
    left, so that a second form is found too ("Sdn Bhd Tic. Ltd. Şti.")."""
    rest, forms = _split_forms(words, iso=False)
    if not forms:
        return _split_forms(words, iso=True)
    return _split_iso_phrases(rest, forms)


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
        for size in range(min(MAX_FORM_WORDS, len(words) - 1), 0, -1):
            tail = _form_class(words[-size:], iso=iso)
            if tail is not None:
                forms.add(tail)
                words = words[:-size]
                changed = True
                break
            head = _form_class(words[:size], iso=iso)
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
    ("Limtied", "Cmpany"), and with ``drop_titles`` leading titles dropped ("President
    Putin"; only for queries: in "HAJJI, Muhammad" the title is a family name)."""
    out = [ABBREVIATIONS.get(w, w) for w in words]
    out = [_correct_form_word(w, out, i) for i, w in enumerate(out)]
    start = 0
    while drop_titles and start < len(out) - 1 and out[start] in TITLES:
        start += 1
    return out[start:]


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


def _doubled_forms() -> dict[str, str]:
    """One-word legal forms (abbreviations included) by their letters written once: a doubled
    letter typed into one ("Lltd", "Jscc", "Oooo", "Bbvba") is still the form. A three-letter
    form needs no vowel or one letter repeated ("ltd", "ooo"): "Sall" is a name, not "SAL"."""
    words = {p[0]: cls for p, cls in LEGAL_FORM_PHRASES.items() if len(p) == 1}
    for short, full in ABBREVIATIONS.items():
        if full in words:
            words.setdefault(short, words[full])
    table: dict[str, str] = {}
    for word, cls in words.items():
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


def _correct_form_word(word: str, words: list[str], i: int) -> str:
    """A word one edit from a legal-form word ("limtied") becomes that word, when it is long
    (6+ letters) or stands next to another legal-form word ("Joint Stack Company")."""
    if len(word) < 4 or word in _FORM_WORDS_LONG or word.isdigit():
        return word
    if len(word) < 6:
        near = {words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)}
        if not near & _FORM_WORDS:
            return word
    return _nearest_form_word(word)


@lru_cache(maxsize=100_000)
def _nearest_form_word(word: str) -> str:
    """The legal-form word one edit from ``word`` (``word`` itself when there is none)."""
    for key in (word, *_deletions(word)):
        target = _FORM_WORD_NEIGHBOURS.get(key)
        if target is not None and OSA.distance(word, target) == 1:
            return target
    return word


@lru_cache(maxsize=20_000)  # a query's name is read for its input check and for its forms
def _latin_form(text: str, script: str, split_forms: bool, drop_titles: bool) -> NameForm:
    words = list(_canonical(text))
    start = 0  # (as canonical_words drops titles)
    while drop_titles and start < len(words) - 1 and words[start] in TITLES:
        start += 1
    words = words[start:]
    if not split_forms:
        return NameForm(tuple(words), frozenset(), script)
    rest, forms = split_legal_forms(words)
    return NameForm(tuple(rest), frozenset(forms), script)


@lru_cache(maxsize=20_000)
def _canonical(text: str) -> tuple[str, ...]:
    """The words of ``text`` as :func:`canonical_words` gives them (titles kept)."""
    return tuple(canonical_words(canonical_arabic_forms(fold(text)).split()))


def _native_arabic(text: str) -> NameForm:
    norm = unicodedata.normalize("NFKC", text)
    norm = "".join(c for c in norm if unicodedata.category(c)[0] in "LN" or c.isspace())
    for src, dst in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ی", "ي"), ("ک", "ك"),
                     ("ة", "ه")):  # fmt: skip
        norm = norm.replace(src, dst)
    return NameForm(tuple(norm.split()), frozenset(), ARABIC, native=True)


@lru_cache(maxsize=20_000)
def _script(text: str) -> str:
    return detect_script(text)


def analyse(text: str, *, split_forms: bool = True, query: bool = False) -> list[NameForm]:
    """Every comparable form of ``text``: the Latin form(s), plus the native form for Arabic.

    ``split_forms=False`` keeps legal-form words as name words (person names: "A. S." are
    initials, not a joint-stock company); ``query=True`` also drops leading titles.
    """
    script = _script(text)
    if script == LATIN:
        if not text.isascii() and any(
            c.isalpha() and ord(c) > 0x24F and char_script(c) not in (None, LATIN) for c in text
        ):
            text = romanise_mixed(text)  # "मंडल Group": romanise the non-Latin words too
        form = _latin_form(text, script, split_forms, query)
        return [form] if form.tokens else []
    out: list[NameForm] = []
    if script == ARABIC:
        native = _native_arabic(text)
        if native.tokens:
            out.append(native)
    for roman in romanise(text, script):
        form = _latin_form(roman, script, split_forms, query)
        if form.tokens and all(form.tokens != o.tokens for o in out):
            out.append(form)
    return out


def nothing_to_screen(text: str) -> str | None:
    """Why ``text`` holds no name to screen ("LLC", "ООО", "...", a zero-width space), or
    ``None`` when it holds one."""
    forms = [f for f in analyse(text, split_forms=False) if not f.native]
    if not forms:
        if any(c.isalpha() for c in text):
            return f"is written in a script the matcher cannot read ({detect_script(text)})"
        return "has no letters or digits to screen"
    for form in forms:
        words, i = list(form.tokens), 0
        while i < len(words):
            size = next(
                (n for n in range(min(MAX_FORM_WORDS, len(words) - i), 0, -1)
                 if _form_class(words[i : i + n]) is not None),
                0,
            )  # fmt: skip
            if size == 0:
                return None
            i += size
    return "is only a legal form, no name to screen"


def warm_up_forms() -> None:
    """Build the ISO 20275 legal-form table (rigour) now rather than on a first query."""
    iso_legal_form(("sdn", "bhd"))


def skeleton(token: str, script: str) -> str:
    """Consonant skeleton of a token (Arabic-script or romanised), for cross-script keys."""
    if script == ARABIC and not token.isascii():
        return arabic_skeleton(token)
    return latin_skeleton(token)
