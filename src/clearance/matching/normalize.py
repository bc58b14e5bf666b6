"""Name normalisation: one published or queried name -> comparable forms.

``fold`` (:mod:`.folding`) gives lower-case ASCII words; ``analyse`` splits a name into its
name words, its legal forms (as equivalence-class tags), numbers, and per-word phonetic keys,
for every romanisation the name's script has. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from clearance.matching.arabic_article import abd_assimilated, din_split, sun_article
from clearance.matching.company_words import in_english
from clearance.matching.folding import caseless as caseless
from clearance.matching.folding import fold as fold
from clearance.matching.folding import strip_marks
from clearance.matching.legalforms import (
    canonical_words,
    legal_form_class,
    may_start_form,
    split_legal_forms,
)
from clearance.matching.queryparts import is_place as is_place
from clearance.matching.queryparts import is_qualifier as is_qualifier
from clearance.matching.queryparts import name_parts as name_parts
from clearance.matching.queryparts import query_parts as query_parts
from clearance.matching.scripts import (
    arabic_skeleton,
    latin_skeleton,
    romanise,
    romanise_mixed,
)
from clearance.matching.turkish_words import turkish_read
from clearance.matching.vocab import (
    MAX_FORM_WORDS,
    TITLES,
)
from clearance.scripts import ARABIC, LATIN, char_script, detect_script

# Arabic article and "abd" compounds written as one word or several:
# "Abd al-Rahman" / "Abdul Rahman" / "Abdel Rahman" / "Abdulrahman" -> "abdul rahman" (two
# words, so that "Abdul Agha" still meets "Abdul Rahman Agha"); "Abdullah" stays one word.
# Not "Abdu" / "Abdo" / "Abdou" (a vowel, no l) before a word without the article: a name of
# its own (Muhammad Abduh, Abdou Diouf; since 1.25, index format 28: "'ABDU, Abdallah" is no
# "abdul abdallah", "Adil Abdu Bin-Fari" no "abdul bin"), as "عبده" or "ابدو" writes it.
_ABD = re.compile(
    r"\babd(?!(?:[aeou]|ou)\s+(?![aeu]l\s))(?:u|e|a|o)?l?\s?(?:a|e|u)?l?\s+(?=[a-z]{3,})"
)
# (not "Abdullah" and its spellings and slips, "Abdullahi", "Abdullay": a rest of four
# letters or fewer that starts with l is Allah's name, no name of its own follows abd-ul-l)
_ABD_COMPACT = re.compile(r"\babd(?:u|e|a|o)l(?=[a-z]{3,})(?!l[a-z]{0,3}\b)")
# ... and "Abd alRahman" / "Abd elAziz": the article run into the word after "abd"
_ABD_GLUED = re.compile(r"\babd\s+(?:a|e|u)l(?=[a-z]{3,})(?!l[a-z]{0,3}\b)")
_ARTICLE = re.compile(r"\b(?:al|el|ul)\s+(?=[a-z]{3,})")
# the article of "X ud-Din" as spelt before Din (1.23, ``din_article``), run onto it as "al" is
# ("SALAH Ud-Din" -> "salah uddin", as SALAH EDDINE) or onto its word ("Nourud-Din" ->
# "nouruddin", as Noureddine; phonetics reads the -uddin family one way)
# (a word's "-ud-" only before a hyphen: "Mahmud Din" is two names)
_DIN_ARTICLE = re.compile(r"\b(ud|ed|ad|id)\s+(?=d(?:in|een|ine)\b)")
_DIN_HYPHEN = re.compile(r"(?i)(?<=[a-z][a-z][uea]d)-(?=d(?:in|een|ine)\b)")
_ARTICLE_WORD = re.compile(r"(?<!abd )\b(?:al|el|ul)\s+(?=[a-z]{3,})")
# German and French spellings of Slavic names ("Wiktor Michailowitsch Sawarsin", "Iouri
# Aleksandrovitch") read the English way: only names that show such a spelling get a reading.
_GERMAN_HINT = re.compile(r"tsch|witsch|wna\b|sch|w", re.IGNORECASE)
_FRENCH_HINT = re.compile(r"tch|ou|iou", re.IGNORECASE)
# A rule: (letters every match holds, the pattern or None when it is those letters alone,
# what a match is written as); a rule is applied only where its letters are (since 1.30,
# h153: str.replace for a plain pattern, no search where nothing can match).
Rule = tuple[str, re.Pattern[str] | None, str]


def _rules(*rules: tuple[str, str, str]) -> tuple[Rule, ...]:
    return tuple((held, None if src == held else re.compile(src), dst) for held, src, dst in rules)


_GERMAN = _rules(
    ("schtsch", "schtsch", "shCH"), ("tsch", "tsch", "CH"), ("sch", "sch", "SH"),
    ("ch", "ch", "kh"), ("w", "w", "v"), ("z", "z", "ts"),
    ("s", "(?<=[aeiouy])s(?=[aeiouy])", "z"), ("ss", "ss", "s"), ("j", "j(?=[aeiou])", "y"),
    ("j", "(?<=[aeiou])j\\b", "y"), ("CH", "CH", "ch"), ("SH", "SH", "sh"),
)  # fmt: skip
# German writes ж as "sch" too (Schukow, Breschnew: Zhukov, Brezhnev): a name with a "sch"
# (not "tsch") is also read with it as zh (since 1.28, h127: "Andrej Schuk" is Andrey ZHUK).
_GERMAN_ZH = (*_rules(("sch", "(?<![st])sch(?!tsch)", "ZH")), *_GERMAN, *_rules(("ZH", "ZH", "zh")))
_GERMAN_ZH_HINT = re.compile("(?<![st])sch(?!tsch)", re.IGNORECASE)
_FRENCH = _rules(
    ("chtch", "chtch", "SHCH"), ("tch", "tch", "CH"), ("ch", "ch", "sh"), ("iou", "iou", "yu"),
    ("ou", "ou", "u"), ("ss", "(?<=[aeiouy])ss(?=[aeiouy])", "s"),
    ("s", "(?<=[aeiouy])s(?=[aeiouy])", "z"), ("dj", "dj", "dzh"), ("j", "j", "zh"),
    ("ï", "ï", "y"), ("SHCH", "SHCH", "shch"), ("CH", "CH", "ch"),
)  # fmt: skip

# GOST 7.79 (System B) spellings read the passport way (1.23, ``gost_reading``): х "x", ц "cz",
# щ "shh", й "j" ("Marxaev Vyacheslav Mixajlovich" is MARKHAEV, Vyacheslav Mikhailovich).
# An x is read so only in a name with a Russian name ending (not "Axel Mielcarek", "Vaxt'ang
# Azaramyan"), and not in Alex-, Maxim (English writes Aleksandr, Maksim so, GOST never).
_GOST_HINT = re.compile(r"cz|shh|(?<!ale)(?<!\bma)x(?=.*(?:[oe]v|in|ich|[oe]vna|ij|ko|uk|i[xh])\b)"
                        r"|(?:[oe]v|in|ich|[oe]vna|ij|ko|uk)\b.*(?<!ale)(?<!\bma)x|[iy]x\b",
                        re.IGNORECASE)  # fmt: skip
_GOST = _rules(("shh", "shh", "shch"), ("cz", "cz", "ts"), ("x", "x", "kh"),
               ("j", "(?<=[aeiouy])j", "y"))  # fmt: skip


def apply_rules(rules: tuple[Rule, ...], text: str) -> str:
    """``text`` with each rule's pattern substituted in turn (a rule whose letters ``text``
    does not hold is passed over: it has no match)."""
    for held, pattern, dst in rules:
        if held in text:
            text = text.replace(held, dst) if pattern is None else pattern.sub(dst, text)
    return text


def _hinted(hint: re.Pattern[str], low: str, gost: bool) -> bool:
    """Does ``hint`` (a pattern of :func:`slavic_readings`) find a spelling in ``low``? The
    German and French ones are read by their words (every alternative holds one; in
    lower-cased text only ſ, the long s, is another letter to them: see :func:`caseless`)."""
    if hint is _GERMAN_HINT:
        return "w" in low or "sch" in low or "ſch" in low
    if hint is _FRENCH_HINT:
        return "tch" in low or "ou" in low
    if hint is _GOST_HINT:
        return gost and hint.search(low) is not None
    return ("sch" in low or "ſch" in low) and hint.search(low) is not None


def slavic_readings(text: str) -> list[str]:
    """``text`` read as a German or a French transliteration of a Russian name, or (since
    1.23) a GOST 7.79 one (none when it shows no such spelling): an alternative for the query
    only."""
    out: list[str] = []
    low = text.lower() if text.isascii() else strip_marks(text).lower()  # "Walérewitsch"
    gost = "x" in low or "cz" in low or "shh" in low  # (a look first: most names have none)
    for hint, rules in ((_GERMAN_HINT, _GERMAN), (_GERMAN_ZH_HINT, _GERMAN_ZH),
                        (_FRENCH_HINT, _FRENCH), (_GOST_HINT, _GOST)):  # fmt: skip
        if _hinted(hint, low, gost):
            value = apply_rules(rules, low)
            if value != low and value not in out:
                out.append(value)
    return out


def without_article(text: str) -> str | None:
    """A listed Latin name with the Arabic article left out of it, folded ("AL-AQSA
    FOUNDATION" -> "aqsa foundation", "AL-JAWLANI, Abu Muhammad" -> "jawlani abu muhammad"; not
    the article of an "abd" compound), or ``None`` when it has none: a query may leave the
    article out ("Aqsa Foundation", "Qaida"), and the canonical form runs it onto its word
    ("alaqsa"), two letters from "aqsa"."""
    if not text.isascii() and detect_script(text) != LATIN:
        return None
    folded = fold(text)
    bare = _ARTICLE_WORD.sub("", folded)
    return bare if bare != folded and bare.strip() else None


def canonical_arabic_forms(text: str) -> str:
    """Write Arabic ``abd al-``/``abdul`` compounds one way, so all spellings share a form
    (the article assimilated to a sun letter too, and "X al-Din" as two words: see
    :mod:`clearance.matching.arabic_article`)."""
    if "abd" in text:  # (each of these patterns starts with it)
        text = _ABD_GLUED.sub("abdul ", abd_assimilated(text))
        text = _ABD.sub("abdul ", text)
        text = _ABD_COMPACT.sub("abdul ", text)
    if " din" in text or " deen" in text:
        text = _DIN_ARTICLE.sub(r"\1", text)
    plain = text.isascii() and text.isprintable()  # (then a match is al, el or ul before a
    # space: its only white space here)
    if not plain or "al " in text or "el " in text or "ul " in text:
        text = _ARTICLE.sub("al", text)
    return din_split(text)


@dataclass(frozen=True, slots=True)
class NameForm:
    """One comparable rendering of a name."""

    tokens: tuple[str, ...]  # name words (legal forms removed), in written order
    forms: frozenset[str]  # legal-form classes found (e.g. {"llc"})
    script: str  # script of the original text
    native: bool = False  # tokens are in the original non-Latin script (not romanised)

    def __init__(
        self, tokens: tuple[str, ...], forms: frozenset[str], script: str, native: bool = False
    ) -> None:
        # (what the dataclass would write; written out, it compiles to a native __init__:
        # names are made thousands of times a cold pass)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "forms", forms)
        object.__setattr__(self, "script", script)
        object.__setattr__(self, "native", native)

    # (what the dataclass would write, the same values; written out, they compile to native
    # slots: the dataclass's ran as interpreted code, ~2,300 instructions a hash, and forms
    # are hashed thousands of times a cold pass as memo keys)
    def __hash__(self) -> int:
        return hash((self.tokens, self.forms, self.script, self.native))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, NameForm)
        return (self.tokens, self.forms, self.script, self.native) == (
            other.tokens, other.forms, other.script, other.native)  # fmt: skip

    @property
    def numbers(self) -> frozenset[str]:
        return frozenset(t for t in self.tokens if t.isdigit())


@lru_cache(maxsize=20_000)  # a query's name is read for its input check and for its forms
def _latin_form(text: str, script: str, split_forms: bool, drop_titles: bool) -> NameForm:
    words = list(_canonical(text))
    start = 0  # (as canonical_words drops titles)
    while drop_titles and start < len(words) - 1 and words[start] in TITLES:
        start += 1
    words = words[start:]
    if not split_forms:
        return NameForm(tuple(words), frozenset(), script)
    rest, forms = split_legal_forms(in_english(words))  # ("Sherkat-e X": h188)
    rest = turkish_read(rest, words)  # ("San. ve Tic.": h195; "Tic. Ltd. Şti." a form)
    return NameForm(tuple(rest), frozenset(forms), script)


@lru_cache(maxsize=20_000)
def _canonical(text: str) -> tuple[str, ...]:
    """The words of ``text`` as :func:`canonical_words` gives them (titles kept)."""
    if "-d" in text or "-D" in text:
        text = _DIN_HYPHEN.sub("", text)
    return tuple(canonical_words(canonical_arabic_forms(fold(sun_article(text))).split()))


def canonical_tokens(text: str) -> tuple[str, ...]:
    """The canonical words of a Latin ``text`` (titles and legal forms kept), memoised."""
    return _canonical(text)


# Urdu's own letters for Arabic ones (round two, h133): heh goal ہ is its heh ("ابراہیم",
# "اللہ"), ta marbuta goal ۃ its ta marbuta, yeh barree ے its final yeh. Read as the Arabic
# letters before anything else, an Urdu spelling of a name is its Arabic spelling (without,
# heh goal was no letter at all: "ابراہیم" was the skeleton "brm" and no table word).
_URDU_LETTERS = str.maketrans({"ہ": "ه", "ۃ": "ة", "ے": "ي", "ۓ": "ئ"})


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


def name_script(text: str) -> str:
    """:func:`~clearance.scripts.detect_script` of a name, memoised (a query's name is read
    for its input check first: its forms find its script here)."""
    return _script(text)


@lru_cache(maxsize=20_000)  # a query's name is read for its input check and for its forms
def _readings(text: str) -> tuple[str, NameForm | None, tuple[str, ...]]:
    """What :func:`analyse` reads ``text`` as, whatever its flags: its script, its native
    (Arabic-script) form, and the Latin texts its forms are made of."""
    script = _script(text)
    if script == LATIN:
        if not text.isascii() and any(
            c.isalpha() and ord(c) > 0x24F and char_script(c) not in (None, LATIN) for c in text
        ):
            text = romanise_mixed(text)  # "मंडल Group": romanise the non-Latin words too
        return script, None, (text,)
    if script == ARABIC:
        text = text.translate(_URDU_LETTERS)
    native = _native_arabic(text) if script == ARABIC else None
    return script, native, tuple(romanise(text, script))


def analyse(text: str, *, split_forms: bool = True, query: bool = False) -> list[NameForm]:
    """Every comparable form of ``text``: the Latin form(s), plus the native form for Arabic.

    ``split_forms=False`` keeps legal-form words as name words (person names: "A. S." are
    initials, not a joint-stock company); ``query=True`` also drops leading titles.
    """
    script, native, romans = _readings(text)
    if script == LATIN:
        form = _latin_form(romans[0], script, split_forms, query)
        return [form] if form.tokens else []
    out: list[NameForm] = []
    if native is not None and native.tokens:
        out.append(native)
    for roman in romans:
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
        words, i, kinds = list(form.tokens), 0, set()
        while i < len(words):
            if not may_start_form(words, i):
                return None  # (the cheap test: no phrase below could be a form)
            size, kind = next(
                ((n, k) for n in range(min(MAX_FORM_WORDS, len(words) - i), 0, -1)
                 if (k := legal_form_class(tuple(words[i : i + n]))) is not None),
                (0, None),
            )  # fmt: skip
            if size == 0:
                return None
            kinds.add(kind)
            i += size
        if len(kinds) > 1:
            return None  # two different forms: one is the name ("PJSC MMK", "OSK AO")
    return "is only a legal form, no name to screen"


def skeleton(token: str, script: str) -> str:
    """Consonant skeleton of a token (Arabic-script or romanised), for cross-script keys."""
    if script == ARABIC and not token.isascii():
        return arabic_skeleton(token)
    return latin_skeleton(token)
