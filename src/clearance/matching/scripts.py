"""Writing systems: detect a name's script and romanise it the ways people actually do.

Romanisation uses ICU transliterators (BGN/PCGN and UNGEGN tables where ICU has them),
pypinyin for Chinese, and a small Hangul romaniser that follows the DPRK/McCune-Reischauer
spellings that sanctions lists use ("Kim Jong Un", not "Gim Jeong-eun"). Several variants can
come back; the matcher tries each.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import icu

from clearance.scripts import (  # noqa: F401 (the matcher's script names)
    ARABIC,
    ARMENIAN,
    CYRILLIC,
    DEVANAGARI,
    ETHIOPIC,
    GEORGIAN,
    GREEK,
    HAN,
    HANGUL,
    HEBREW,
    KANA,
    LATIN,
    MYANMAR,
    OTHER,
    THAI,
    char_script,
    detect_script,
)


@cache
def _translit(rule: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(rule)


@lru_cache(maxsize=20_000)  # (an Arabic name's words one by one: the common ones recur)
def _icu(rule: str, text: str) -> str:
    return str(_translit(rule).transliterate(text))


_ASCII = "Any-Latin; Latin-ASCII"

# Per script: ICU rules, most common romanisation first.
_RULES: dict[str, tuple[str, ...]] = {
    CYRILLIC: ("Russian-Latin/BGN; Latin-ASCII", _ASCII),
    GREEK: ("Greek-Latin/UNGEGN; Latin-ASCII", _ASCII),
    ARMENIAN: ("Armenian-Latin/BGN; Latin-ASCII",),
    GEORGIAN: ("Georgian-Latin/BGN; Latin-ASCII",),
    HEBREW: ("Hebrew-Latin/BGN; Latin-ASCII", _ASCII),
    # Amharic/Tigrinya: the sixth-order vowel read as nothing (Ethiopic-Latin's schwa, see
    # romanise) and as BGN's "i".
    ETHIOPIC: ("Ethiopic-Latin; Latin-ASCII", "Amharic-Latin/BGN; Latin-ASCII"),
    THAI: ("Thai-Latin; Latin-ASCII",),
    DEVANAGARI: ("Devanagari-Latin; Latin-ASCII",),
    MYANMAR: ("Myanmar-Latin; Latin-ASCII",),
    KANA: (_ASCII,),
    OTHER: (_ASCII,),
}

# Hangul jamo -> McCune-Reischauer without diacritics (the DPRK/OFAC style).
_INITIALS = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k",
             "t", "p", "h"]  # fmt: skip
_VOWELS = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
           "we", "wi", "yu", "u", "ui", "i"]  # fmt: skip
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
           "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip
_KOREAN_SURNAMES = {
    "김": "kim", "이": "ri", "리": "ri", "박": "pak", "최": "choe", "정": "jong", "조": "jo",
    "강": "kang", "윤": "yun", "장": "jang", "임": "rim", "림": "rim", "한": "han", "오": "o",
    "서": "so", "신": "sin", "권": "kwon", "황": "hwang", "안": "an", "송": "song", "류": "ryu",
    "유": "yu", "홍": "hong", "전": "jon", "고": "ko", "문": "mun", "양": "yang", "손": "son",
    "배": "pae", "백": "paek", "허": "ho", "남": "nam", "심": "sim", "노": "ro", "로": "ro",
    "하": "ha", "곽": "kwak", "성": "song", "차": "cha", "주": "ju", "우": "u", "구": "ku",
    "민": "min", "진": "jin", "지": "ji", "엄": "om", "채": "chae", "원": "won", "천": "chon",
    "방": "pang", "공": "kong", "현": "hyon", "함": "ham", "변": "pyon", "염": "yom", "여": "yo",
    "추": "chu", "도": "to", "소": "so", "석": "sok", "선": "son", "설": "sol", "마": "ma",
    "길": "kil", "연": "yon", "위": "wi", "표": "pyo", "명": "myong", "기": "ki", "반": "pan",
    "왕": "wang", "금": "kum", "옥": "ok", "육": "yuk", "인": "in", "맹": "maeng", "제": "je",
    "모": "mo", "탁": "thak", "국": "kuk", "어": "o", "은": "un", "편": "phyon", "용": "yong",
}  # fmt: skip


def hangul_syllable(char: str) -> str:
    code = ord(char) - 0xAC00
    if not 0 <= code < 11172:
        return unicodedata.name(char, "").rsplit(" ", 1)[-1].lower() if char.isalpha() else ""
    initial, rest = divmod(code, 588)
    vowel, final = divmod(rest, 28)
    return _INITIALS[initial] + _VOWELS[vowel] + _FINALS[final]


def romanise_hangul(text: str) -> str:
    """Korean names: family syllable, then each given-name syllable as a word ("kim jong un")."""
    words: list[str] = []
    for word in text.split():
        syllables = [c for c in word if 0xAC00 <= ord(c) <= 0xD7A3]
        if not syllables:
            words.append(word)
            continue
        if len(syllables) in (2, 3) and syllables[0] in _KOREAN_SURNAMES:
            words.append(_KOREAN_SURNAMES[syllables[0]])
            words.extend(hangul_syllable(s) for s in syllables[1:])
        else:
            words.extend(hangul_syllable(s) for s in syllables)
    return " ".join(words)


def romanise_han(text: str) -> str:
    """Chinese characters to toneless pinyin syllables (``习近平`` -> ``xi jin ping``)."""
    from pypinyin import lazy_pinyin

    out: list[str] = lazy_pinyin(text, errors="default")
    return " ".join(part for part in out if part.strip())


# Arabic/Persian letters -> Latin consonant skeleton classes (vowels dropped), so that
# "محمد" and "Mohammed" both give "mhmd". Only used as a retrieval/scoring key.
ARABIC_SKELETON_LETTERS = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "s", "ج": "j", "چ": "j", "ح": "h", "خ": "k", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k", "گ": "g", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "", "و": "", "ي": "", "ى": "", "ی": "", "ء": "", "أ": "",
    "إ": "", "آ": "", "ا": "", "ؤ": "", "ئ": "", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n",
    "ے": "", "ھ": "h", "ۃ": "",
}  # fmt: skip

LATIN_SKELETON_PAIRS = (
    ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "s"), ("dh", "z"), ("ch", "j"), ("ph", "f"),
    ("q", "k"), ("c", "k"), ("x", "ks"), ("v", "f"), ("p", "b"), ("zh", "z"),
)  # fmt: skip


def arabic_skeleton(word: str) -> str:
    """Consonant skeleton of an Arabic-script word."""
    out = [ARABIC_SKELETON_LETTERS.get(c, "") for c in word]
    return undouble("".join(out)).removesuffix("h")


@cache
def latin_skeleton(word: str) -> str:
    """Consonant skeleton of a romanised word, comparable with :func:`arabic_skeleton`."""
    text = word.lower()
    for src, dst in LATIN_SKELETON_PAIRS:
        text = text.replace(src, dst)
    text = "".join(c for c in text if c.isalpha() and c not in "aeiouyw'")
    return undouble(text).removesuffix("h")


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)  # retrieval asks it of every near neighbour of a query word
def undouble(text: str) -> str:
    """``text`` with every run of one letter written once ("Hassan" -> "Hasan")."""
    if not has_run(text):  # (most words: a substitution costs more than a look)
        return text
    return _DOUBLED.sub(_first_letter, text)  # (a template "\1" is expanded in Python code)


def _first_letter(run: re.Match[str]) -> str:
    return run.group(1)


def has_run(text: str) -> bool:
    """Whether ``_DOUBLED`` finds a run in ``text`` (a character written twice in a row, not
    a line break), without the pattern: a loop over a word costs less than its search."""
    # (by code point, ord(s[i]): compiled, no one-letter string per letter; h190)
    for i in range(1, len(text)):
        code = ord(text[i])
        if code == ord(text[i - 1]) and code != 10:  # (10: a line break)
            return True
    return False


def romanise_mixed(text: str) -> str:
    """Latin text with words of other scripts in it: romanise those words, keep the rest."""
    return _icu(_ASCII, text)


_UKRAINIAN = frozenset("ІіЇїЄєҐґ")
# ъ as BGN and Latin-ASCII write it (Ъ with a macron below: "OB"̱EDINENIE")
_HARD_SIGN = re.compile('(?<=[A-Za-z])"\u0331?(?=[A-Za-z])')
_BELARUSIAN = frozenset("Ўў")


def romanise(text: str, script: str | None = None) -> list[str]:
    """Latin renderings of ``text`` (empty list when it is already Latin)."""
    return list(_romanised(text, script or detect_script(text)))


@lru_cache(maxsize=4096)  # a query's name is romanised for its input check and for its forms
def _romanised(text: str, script: str) -> tuple[str, ...]:
    return tuple(_romanise(text, script))


def _romanise(text: str, script: str) -> list[str]:
    if script == LATIN:
        return []
    if script == HANGUL:
        return [romanise_hangul(text)]
    if script == HAN:  # Chinese, and a Korean name in Hanja read the Korean way too
        from clearance.matching.hanja import korean_hangul

        chinese, hangul = romanise_han(text), korean_hangul(text)
        korean = romanise_hangul(hangul) if hangul else chinese
        return [chinese, korean] if korean != chinese else [chinese]
    if script == ARABIC:
        # ICU's Arabic romanisation has no vowels; common name words are romanised from a
        # dictionary instead ("محمد علي" -> "muhammad ali"), and the skeleton key does the rest.
        from clearance.matching.arabic_names import romanise_arabic_names

        plain = _icu(_ASCII, text)
        named = romanise_arabic_names(text, lambda word: _icu(_ASCII, word))
        return [named, plain] if named and named != plain else [plain]
    rules = _RULES.get(script, (_ASCII,))
    if script == GREEK:
        # Modern Greek writes d, b, g as nt, mp, gk: "Βλαντίμιρ" is "Vladimir".
        first = _icu(rules[0], text)
        spoken = re.sub(r"nt", "d", re.sub(r"mp", "b", re.sub(r"gk", "g", first)))
        return [first, spoken] if spoken != first else [first]
    if script == CYRILLIC and any(c in _UKRAINIAN for c in text):
        rules = ("Ukrainian-Latin/BGN; Latin-ASCII", _ASCII)
    elif script == CYRILLIC and any(c in _BELARUSIAN for c in text):
        rules = ("Belarusian-Latin/BGN; Latin-ASCII", _ASCII)
    seen: list[str] = []
    for rule in rules:
        value = _icu(rule, text)
        if not value.isascii() and any(char_script(c) == script for c in value):
            # A letter of the script the rule leaves unread (BGN's Hebrew ש, shin or sin when
            # unpointed: "משה" -> "mשh"; Serbian љ, ј, ћ and Belarusian ы by the Russian and
            # Ukrainian rules) is read by ICU's general rule, not dropped: the fold would split
            # the word there ("m h": two initials, paired with MUSTAFA and HARB; since 1.25).
            # (Latin letters a rule writes stay: Ethiopic-Latin's schwa is read below.)
            value = _icu(_ASCII, value)
        if script == ETHIOPIC and "ǝ" in value:
            for vowel in ("", "e"):  # "farǝhat": Farhat, Farehat
                if value.replace("ǝ", vowel) not in seen:
                    seen.append(value.replace("ǝ", vowel))
        elif value not in seen:
            seen.append(value)
    if script == CYRILLIC and ("ё" in text or "Ё" in text):
        # BGN writes ё as ë (folded to e); passports and most people write "yo": Хёк is
        # "Khyok", Пётр "Pyotr".
        value = _icu(rules[0], text.replace("ё", "йо").replace("Ё", "Йо"))
        if value not in seen:
            seen.append(value)
    if script == CYRILLIC:  # Korean and Chinese names as Russian writes them
        from clearance.matching.cyrillic_asian import east_asian_readings

        seen += [value for value in east_asian_readings(text) if value not in seen]
    if script == CYRILLIC and ("ъ" in text or "Ъ" in text):
        # BGN writes the hard sign ъ as a double prime, a quotation mark once in ASCII: inside
        # a word it is no word break ("Объединение" is "Obyedineniye", not "Ob Yedineniye";
        # since 1.28, h127). (A quotation mark around a word has a letter on one side only.)
        seen = list(dict.fromkeys(_HARD_SIGN.sub("", value) for value in seen))
    return seen


_SAMPLES = ("Иван Петров", "Іван Петренко", "Ўладзімір", "Пётр", "محمد علي", "习近平", "金正恩",
            "김정은", "Βλαντίμιρ", "Աշոտ", "აშოტი", "בנימין", "ሙሐመድ", "ทักษิณ", "नरेन्द्र", "မင်း",
            "ウラジミール", "井上 あすか", "Ashot मंडल 山田 김정 Βλαν あすか ㄅㄆ")  # fmt: skip
# (ICU loads a script's data on its first use inside Any-Latin too: Han in a Japanese name or
# in a Latin one costs 0.2 s the first time)


@cache
def warm_up() -> None:
    """Load what every script needs (ICU transliterators, the pinyin dictionary, the Arabic
    name table) now, so that the first query in a script does not wait for it (once per
    process)."""
    for text in _SAMPLES:
        script = detect_script(text)
        if script == LATIN:
            romanise_mixed(text)
        else:
            romanise(text, script)
