"""Cold-pass speed, query side, outcome-identical (issue 11, h153): each fast path gives what
the code it replaces gave, on the real listed names (OFAC SDN, the UN list: Latin, Arabic,
Cyrillic and Han script), their romanisations, names in the other scripts, and those names
with the characters each fast path must mind written into them.

``normalize.fold`` folds with str methods and one byte table (no pattern but its CamelCase one,
where a lower-case letter precedes two capitals, and its numbers); ``caseless`` is the
look before ``_aka_split`` and ``_without_qualifiers`` in any script; ``slavic_readings``,
``phonetics.respell`` and ``canonical_arabic_forms`` look for a rule's letters before its
pattern (and replace plain letters with ``str.replace``); ``phonetics.sound`` looks for a
rule only when the word's letter bits cover it; ``detect_script`` looks at each character once
(counting it), in the order the characters first appear. The references below are the 1.30
code.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from clearance.matching import arabic_article, normalize, phonetics, queryparts
from clearance.matching.normalize import canonical_arabic_forms, caseless, fold, slavic_readings
from clearance.matching.phonetics import _PHONETIC_RULES, respell, sound
from clearance.matching.scripts import has_run, romanise
from clearance.scripts import HAN, KANA, LATIN, char_script, detect_script
from clearance.sources import read_path

# -- the 1.30 code ------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u00b7`ʹʺ]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPLIT_NUMBER = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")
_DIGIT = re.compile(r"[0-9]")
_CAMEL_FAMILY = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def fold_reference(text: str) -> str:
    if not (text.islower() or text.isupper() or text.istitle()):
        text = _CAMEL_FAMILY.sub(" ", text)
    if text.isascii():
        text = _APOSTROPHES.sub("", text).lower()
    else:
        text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text))
        text = _strip_marks(text).casefold()
        text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
        text = text.replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i")
    text = _NON_WORD.sub(" ", text)
    if _DIGIT.search(text) is None:
        return text.strip()
    return _SPLIT_NUMBER.sub(" ", text).strip()


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
_GERMAN_ZH = ((re.compile("(?<![st])sch(?!tsch)"), "ZH"), *_GERMAN, (re.compile("ZH"), "zh"))
_GERMAN_ZH_HINT = re.compile("(?<![st])sch(?!tsch)", re.IGNORECASE)
_FRENCH = tuple(
    (re.compile(src), dst)
    for src, dst in (
        ("chtch", "SHCH"), ("tch", "CH"), ("ch", "sh"), ("iou", "yu"), ("ou", "u"),
        ("(?<=[aeiouy])ss(?=[aeiouy])", "s"), ("(?<=[aeiouy])s(?=[aeiouy])", "z"),
        ("dj", "dzh"), ("j", "zh"), ("ï", "y"), ("SHCH", "shch"), ("CH", "ch"),
    )
)  # fmt: skip
_GOST_HINT = re.compile(r"cz|shh|(?<!ale)(?<!\bma)x(?=.*(?:[oe]v|in|ich|[oe]vna|ij|ko|uk|i[xh])\b)"
                        r"|(?:[oe]v|in|ich|[oe]vna|ij|ko|uk)\b.*(?<!ale)(?<!\bma)x|[iy]x\b",
                        re.IGNORECASE)  # fmt: skip
_GOST = tuple(
    (re.compile(src), dst)
    for src, dst in (("shh", "shch"), ("cz", "ts"), ("x", "kh"), ("(?<=[aeiouy])j", "y"))
)  # fmt: skip


def slavic_reference(text: str) -> list[str]:
    out: list[str] = []
    low = text.lower() if text.isascii() else _strip_marks(text).lower()
    gost = "x" in low or "cz" in low or "shh" in low
    for hint, rules in ((_GERMAN_HINT, _GERMAN), (_GERMAN_ZH_HINT, _GERMAN_ZH),
                        (_FRENCH_HINT, _FRENCH), (_GOST_HINT, _GOST)):  # fmt: skip
        if (gost or hint is not _GOST_HINT) and hint.search(low):
            value = low
            for pattern, dst in rules:
                value = pattern.sub(dst, value)
            if value != low and value not in out:
                out.append(value)
    return out


_ARTICLE = re.compile(r"\b(?:al|el|ul)\s+(?=[a-z]{3,})")


def aka_reference(text: str) -> list[str]:
    if text.isascii():
        low = text.lower()
        if not any(cue in low for cue in queryparts._AKA_CUES):  # (h200: trading names)
            return [text]
    parts = queryparts._AKA.split(text)
    return parts if len(parts) == 1 else [queryparts._unbracketed(p) for p in parts]


def qualifiers_reference(piece: str) -> str:
    if piece.isascii():
        low = piece.lower()
        if not ("c/o" in low or "c.o." in low or "care of" in low):
            return piece if "office" not in low else queryparts._OFFICE.sub("", piece)
    return queryparts._OFFICE.sub("", queryparts._CARE_OF.sub("", piece))


def sound_reference(token: str) -> str:
    key = token
    if key.endswith(phonetics._DIN_ENDS):
        if key in phonetics._DIN_ALONE:
            key = "uddin"
        elif (m := phonetics._DIN_WORD.match(key)) is not None:
            key = m.group(1) + "uddin"
    if key.startswith("j") and len(key) > 1 and key[1] in "aeiou":
        key = "y" + key[1:]
    elif key.startswith(phonetics.ARTICLES) and len(key) > 4 and key[2] == "j" and key[3] in "aeiou":  # fmt: skip  # noqa: E501
        key = key[:2] + "y" + key[3:]
    elif re.match(r"e([^aeiouy])\1", key):  # (h163: a kasra before a doubled consonant)
        key = "i" + key[1:]
    if key.startswith(("ye", "yo")) and len(key) > 3:
        key = key[1:]
    if len(key) > 3 and re.match(r"e(?:[^aeiouvw]|[hs][^aeiouy])a", key):  # (h164: a kasra)
        key = "i" + key[1:]
    for src, dst in _PHONETIC_RULES:
        if src in key:
            key = key.replace(src, dst)
    if not has_run(key):
        return key.lower()
    out: list[str] = []
    for char in key:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out).lower()


_RESPELL = tuple(
    (re.compile(src), dst)
    for src, dst in (
        ("tskh", "ch"), ("skh", "sh"), ("zkh", "zh"), ("tkh", "th"), ("pkh", "ph"),
        ("gkh", "gh"), ("kkh", "kh"), ("yye", "je"), ("ts", "c"), ("^ye", "e"),
        ("(?<=[aeiou])ye", "e"), ("ks", "x"), ("^u(?=[aeio])", "w"),
        ("(?<=[aeio])u(?=[aeio])", "w"), ("(?<=[aeio])uu(?=[aeio])", "ww"), ("eu$", "ew"),
        ("qh", "ch"),
    )
)  # fmt: skip
_RESPELL_HINT = re.compile(r"kh|ts|ye|ks|^u[aeio]|qh|[aeio]uu?[aeio]|eu$")


def respell_reference(token: str) -> str:
    if not _RESPELL_HINT.search(token):
        return token
    for pattern, dst in _RESPELL:
        token = pattern.sub(dst, token)
    return token


# -- the names ---------------------------------------------------------------------------------

_OTHER_SCRIPTS = ("김정은", "박 봉주", "Βλαντίμιρ Πούτιν", "Αλέξης Τσίπρας", "בנימין נתניהו",
                  "משה כהן", "ሙሐመድ", "ทักษิณ ชินวัตร", "नरेन्द्र मोदी", "मंडल Group", "ウラジミール",
                  "井上 あすか", "Աշոտ", "აშოტი", "习近平", "金正恩", "Іван Петренко", "Ўладзімір",
                  "Пётр Объединение", "ÐŸÐµÑ‚Ñ€Ð¾Ð²", "PABÃ“N", "Walérewitsch", "İstanbul Şirketi",
                  "ıSCHak", "Aſchenbach", "ſchukow", "KAKA", "a/K/a Ivan", "Offİce", "c/o Bank",
                  "Branch Office in Dubai", "Ali, a.k.a. Hassan", "Ivan (also known as Vanya)",
                  "Hans-Jürgen Schröder", "O'Brien", "D`Arcy", "3M CO", "A1B2 LLC", "x5y",
                  "Abd al Rahman", "Nour al\tDin", "el  Hadj", "Ul\u00a0Haq", "  ", "", "'",
                  "Schtschukin", "Iouri Aleksandrovitch", "Marxaev Vyacheslav Mixajlovich",
                  "Liua", "Auuad", "Neu", "Tskhangzkhou", "Yeksport", "Manuyel",
                  "Qhang")  # fmt: skip
_SPECIALS = ("İ", "ı", "ſ", "\u212a", "'", "`", "\u2019", "ß", "ł", "æ", "1", "2", ",", " ",
             "-", "\t", "\u00a0", "ë", "ï", "é", "W", "sch", "SCH", "x", "cz", "ou", "al ",
             "el ")  # fmt: skip


@pytest.fixture(scope="module")
def names(data_dir: Path) -> list[str]:
    listed: list[str] = []
    for path in ("un/2026-02-27/consolidated.xml", "ofac/sdn_csv_2023-12-28"):
        parsed = read_path(data_dir / path)
        listed += [n.full for e in parsed.entities for n in e.names]
    scripts = {detect_script(n) for n in listed}
    assert {"Latn", "Arab", "Cyrl", "Hani"} <= scripts  # (the scripts the lists write)
    native = [n for n in (*listed, *_OTHER_SCRIPTS) if detect_script(n) != LATIN]
    romanised = [r for n in native for r in romanise(n)]
    rng = random.Random(131)
    mixed = []
    for name in rng.sample(listed, 3000) + native:
        chars = list(name)
        for _ in range(rng.randrange(1, 4)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_SPECIALS))
        mixed.append("".join(chars))
    return list(dict.fromkeys([*listed, *_OTHER_SCRIPTS, *romanised, *mixed]))


def _words(names: list[str]) -> list[str]:
    """Every word of the names' folds and of their other spellings, once."""
    words = {w for n in names for w in fold_reference(n).split()}
    words |= {w for n in names for r in slavic_reference(n) for w in r.split()}
    return sorted(words)


def test_fold_as_the_patterns(names: list[str]) -> None:
    for name in names:
        assert fold(name) == fold_reference(name), name


def test_caseless_looks_before_the_patterns(names: list[str]) -> None:
    for name in names:
        assert queryparts._aka_split(name) == aka_reference(name), name
        assert queryparts._without_qualifiers(name) == qualifiers_reference(name), name
    # the four letters a case-insensitive pattern takes for ASCII ones
    assert caseless("A/\u212a/A offİce aſ") == "a/k/a office as"


def test_slavic_readings_as_the_patterns(names: list[str]) -> None:
    for name in names:
        assert slavic_readings(name) == slavic_reference(name), name


def arabic_forms_reference(text: str) -> str:
    if "abd" in text:
        text = normalize._ABD_GLUED.sub("abdul ", arabic_article._ABD_SUN.sub("abdul ", text))
        text = normalize._ABD.sub("abdul ", text)
        text = normalize._ABD_COMPACT.sub("abdul ", text)
    if " din" in text or " deen" in text:
        text = normalize._DIN_ARTICLE.sub(r"\1", text)
    return din_split_reference(_ARTICLE.sub("al", text))


def din_split_reference(text: str) -> str:  # (h163: every word looked at)
    out: list[str] = []
    for word in text.split(" "):
        if word in arabic_article._DIN_ALONE:
            out.append(arabic_article.DIN)
        elif (m := arabic_article._DIN_JOINED.match(word)) is not None:
            out += [m.group(1) or m.group(2) or m.group(3) or m.group(4), arabic_article.DIN]
        else:
            out.append(word)
    return " ".join(out)


def test_canonical_arabic_forms_as_the_pattern(names: list[str]) -> None:
    for name in names:
        for text in (fold_reference(name), name, name.lower()):
            assert canonical_arabic_forms(text) == arabic_forms_reference(text), text


def test_sound_and_respell_as_the_rules(names: list[str]) -> None:
    words = _words(names)
    rng = random.Random(7)
    words += ["".join(rng.choice("shctzkdjgpqxwoueiyaSCJZ") for _ in range(rng.randrange(1, 12)))
              for _ in range(20_000)]  # fmt: skip
    words += ["a\ud800ch", "\udcffshch", "ĉh", "şch", "ЖЖ", "محمد", "kh\u212ay"]  # (any text)
    for word in words:
        assert sound.__wrapped__(word) == sound_reference(word), word
        assert respell.__wrapped__(word) == respell_reference(word), word


def detect_script_reference(text: str) -> str:
    if text.isascii():
        return LATIN
    counts: dict[str, int] = {}
    for char in text:
        script = char_script(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return LATIN
    if KANA in counts and HAN in counts:
        return KANA
    return max(counts.items(), key=lambda kv: kv[1])[0]


def test_detect_script_as_a_look_at_each_character(names: list[str]) -> None:
    ties = ["Иван 金正", "金正 Иван", "Ив金正ан", "ab Ив", "محمد Ив", "Ив محمد", "金あ", "あ金"]
    for name in [*names, *ties]:
        assert detect_script(name) == detect_script_reference(name), name
