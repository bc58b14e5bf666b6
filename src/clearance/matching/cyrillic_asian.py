"""Korean and Chinese names written in Cyrillic, read back into the Latin spellings lists use.

Russian writes Chinese names in the Palladius system ("Си Цзиньпин" is Xi Jinping) and Korean
names in the Kontsevich system or its older newspaper form ("Ким Чен Ын" is Kim Jong Un). Read
as Russian (BGN/PCGN) they give "Si Tszin'pin" and "Kim Chen Yn", which match nothing. Here a
Cyrillic name is read as Chinese when every word splits into Palladius syllables and one word
is a common Chinese family name; as Korean when a word is a Korean family name as Russian
writes it and every word is one to three Korean syllables. The Palladius table is pypinyin's
(its pinyin → Cyrillic converter, inverted); the Korean letter table follows Kontsevich. The
readings are extra romanisations: the Russian reading stays. Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Common Chinese family names (pinyin), the ones sanctions lists carry among them.
_CHINESE_SURNAMES = frozenset({
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang",
    "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
    "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "jin",
    "cui", "zhong", "tan", "fan", "shi", "liao", "jia", "xia", "fu", "fang", "zou", "xiong",
    "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan", "lei", "long", "tao", "mao",
    "gu", "gong", "kong", "xing", "wan", "qian", "dai", "wen", "xi", "hao", "kang", "shao",
    "zhan", "ou", "bao", "yi", "ni",
})  # fmt: skip

# Korean family names as Russian writes them -> the DPRK/OFAC Latin spelling(s).
_KOREAN_SURNAMES: dict[str, tuple[str, ...]] = {
    "ким": ("kim",), "ли": ("ri", "li", "lee"), "ри": ("ri",), "пак": ("pak", "park"),
    "чхве": ("choe",), "цой": ("choe", "choi"), "чой": ("choe", "choi"), "чон": ("jong", "jon"),
    "чо": ("jo", "cho"), "кан": ("kang",), "юн": ("yun",), "чан": ("jang", "chang"),
    "рим": ("rim",), "лим": ("rim", "lim"), "хан": ("han",), "о": ("o",), "со": ("so",),
    "син": ("sin", "shin"), "квон": ("kwon",), "хван": ("hwang",), "ан": ("an",),
    "сон": ("song", "son"), "рю": ("ryu",), "ю": ("yu",), "хон": ("hong",), "ко": ("ko",),
    "мун": ("mun",), "ян": ("yang",), "пэ": ("pae",), "пэк": ("paek",), "хо": ("ho",),
    "нам": ("nam",), "сим": ("sim",), "ро": ("ro",), "но": ("ro", "no"), "ха": ("ha",),
    "чу": ("ju",), "мин": ("min",), "чин": ("jin",), "чи": ("ji",), "вон": ("won",),
    "хён": ("hyon",), "хам": ("ham",), "тхэ": ("thae",), "кым": ("kum",), "чхон": ("chon",),
    # (round two, h136: family names of North Koreans on the lists Russian writes so)
    "рян": ("ryang",), "киль": ("kil",), "кил": ("kil",), "пён": ("pyon",), "квак": ("kwak",),
    "мён": ("myong",), "чхэ": ("chae",), "ом": ("om",), "ём": ("yom",), "сок": ("sok",),
    "ку": ("ku",), "пан": ("pang",), "кон": ("kong",), "ён": ("yon",), "чха": ("cha",),
    "ча": ("cha",), "ки": ("ki",), "у": ("u",), "то": ("to",), "тон": ("tong",),
}  # fmt: skip

# Kontsevich (and the older newspaper spellings) -> McCune-Reischauer as DPRK names are listed.
_KOREAN_LETTERS = (
    ("чх", "ch"), ("кх", "kh"), ("тх", "th"), ("пх", "ph"), ("чж", "j"), ("чч", "jj"),
    ("кк", "kk"), ("тт", "tt"), ("пп", "pp"), ("сс", "ss"), ("ен", "ong"), ("ён", "yong"),
    ("ый", "ui"), ("нъ", "ng"), ("ль", "l"), ("ч", "j"), ("ы", "u"), ("э", "ae"), ("ё", "yo"),
    ("ю", "yu"), ("я", "ya"), ("е", "e"), ("к", "k"), ("г", "g"), ("н", "n"), ("т", "t"),
    ("д", "d"), ("р", "r"), ("л", "r"), ("м", "m"), ("п", "p"), ("б", "b"), ("с", "s"),
    ("х", "h"), ("а", "a"), ("о", "o"), ("у", "u"), ("и", "i"), ("в", "w"), ("й", "i"),
    ("ь", ""), ("ъ", ""),
)  # fmt: skip
_KOREAN_SYLLABLE = re.compile(
    r"(?:чх|кх|тх|пх|чж|чч|кк|тт|пп|сс|[кгнтдрлмпбсчх])?"
    r"(?:йе|ый|ва|вэ|ве|во|ви|[аэяоеёуюыи])"
    r"(?:нъ|ль|[кнлмпт]|р(?=$))?"
)


@cache
def _palladius() -> dict[str, str]:
    """Cyrillic Palladius syllable -> pinyin (without tones), from pypinyin's own table."""
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style.cyrillic import CyrillicfoConverter

    syllables: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFD", reading).replace("\u0308", "v")
            plain = "".join(c for c in plain if not unicodedata.combining(c))
            if plain.isascii() and plain.isalpha():
                syllables.add(plain.lower())
    converter = CyrillicfoConverter()
    exact = {str(converter.to_cyrillic(s)).lower(): s.replace("v", "u") for s in sorted(syllables)}
    table = {form: syllable for form, syllable in exact.items() if form.isalpha()}
    for form, syllable in exact.items():  # "пин" is ping, "пинь" pin: written without the ь
        for loose in (form.replace("ь", ""), form.replace("э", "е")):
            if loose and loose.isalpha():
                table.setdefault(loose, syllable)
    return table


def _split_chinese(word: str, table: dict[str, str]) -> list[str] | None:
    """The word as one to three Palladius syllables (longest first), or ``None``."""
    if not word:
        return []
    for size in range(min(6, len(word)), 0, -1):
        head = table.get(word[:size])
        if head is not None:
            rest = _split_chinese(word[size:], table)
            if rest is not None and len(rest) < 3:
                return [head, *rest]
    return None


def _chinese(words: list[str]) -> str | None:
    table = _palladius()
    read = [_split_chinese(word, table) for word in words]
    if any(not parts for parts in read):
        return None
    joined = ["".join(parts) for parts in read if parts]
    if not any(len(parts) == 1 and parts[0] in _CHINESE_SURNAMES for parts in read if parts):
        return None
    return " ".join(joined)


_NEWSPAPER_EO = re.compile("(?<=[кгнтдрлмпбсчхж])е")


def _korean_word(word: str, nasal: bool = False) -> str | None:
    """One word (one to three syllables) in McCune-Reischauer letters, or ``None``. ``nasal``:
    the newspapers' е after a consonant read as ㅓ (о) and a final н after о or у as ng (see
    :func:`_korean`)."""
    syllables = [m.group(0) for m in _KOREAN_SYLLABLE.finditer(word)]
    if "".join(syllables) != word or not 1 <= len(syllables) <= 3:
        return None
    out = []
    for syllable in syllables:
        if nasal:
            syllable = _NEWSPAPER_EO.sub("о", syllable)
            if syllable[-2:] in ("он", "ун", "ын"):
                syllable += "ъ"
        text = syllable.removesuffix("р") + ("l" if syllable.endswith("р") else "")
        for source, target in _KOREAN_LETTERS:
            text = text.replace(source, target)
        out.append(text)
    return " ".join(out)


def _korean(words: list[str]) -> list[str]:
    """The Korean readings: one per Latin spelling of the family name; and (round two, h136)
    read the newspapers' way too: a final н after о or у as ng (Kontsevich writes ㄴ and ㅇ
    alike as н: "Тон" is 동, Tong; "Чон" 정 or 전; "Ли Тон Чин" / LEE Dongjin), and е after a
    consonant as ㅓ, o ("Ким Тон Чхель" / KIM TONG CHOL, "Пак Тон Сек" / PAK Tong Sok)."""
    family = [i for i, word in enumerate(words) if word in _KOREAN_SURNAMES]
    if not family:
        return []
    found: list[str] = []
    for nasal in (False, True):
        given = [_korean_word(word, nasal) for i, word in enumerate(words) if i != family[0]]
        if any(part is None for part in given):
            return found
        for surname in _KOREAN_SURNAMES[words[family[0]]]:
            reading = " ".join([surname, *(part for part in given if part)])
            if reading not in found:
                found.append(reading)
    return found


def _words(text: str) -> list[str] | None:
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w]
    if not 2 <= len(words) <= 4 or any(not w.isalpha() for w in words):
        return None
    return words


def korean_readings(text: str) -> list[str]:
    """The Korean readings of a Cyrillic name, family name first (none when it is none)."""
    words = _words(text)
    return _korean(words) if words else []


def east_asian_readings(text: str) -> list[str]:
    """Latin readings of a Cyrillic name as Korean and as Chinese (none when it is neither)."""
    words = _words(text)
    if not words:
        return []
    found = _korean(words)
    chinese = _chinese(words)
    if chinese is not None:
        found.append(chinese)
    return found
