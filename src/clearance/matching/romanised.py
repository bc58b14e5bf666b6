"""Korean and Chinese names typed in another romanisation than the lists' (issue 11, class 8).

The lists write North Korean names as North Korea does ("RI Yong Ho", "PAK Pong Ju", "CHOE
Ryong Hae", "KIM Song Un") and Chinese names in pinyin ("ZHANG Lei", "XU Bin"). Writers
elsewhere type them otherwise: the family name the South's way or as passports do ("Lee",
"Yi", "Rhee" for 리; "Park", "Choi", "Moon", "Sohn", "Jeon"), the South's Revised Romanization
with its eo and eu ("Seong-eun", "Jeong") and its oo ("Soo", "Joon"), and Chinese names in
Wade-Giles ("Hsu Pin", "Chang Hsiao-ping"). These spell the same syllables with other letters,
too far apart for the word similarity ("lee" / "ri", "hsu" / "xu": nothing in common).

:func:`list_readings` gives a Latin name of such syllables as the lists spell it: Korean
readings (the family name's usual spellings as the lists'; and with the South's eo / eu / oo
as o / u / u and its g / d / b as k / t / p too) and Chinese ones (the Wade-Giles-only
syllables in pinyin, unaspirated and aspirated), and since h187 a Chinese family name spelt
as Hong Kong writes it ("Chan", "Wong", "Cheung") in pinyin. A reading is an extra query form,
trusted a little less (``TrustParams.list_reading``); the name as typed stays. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache, lru_cache

from clearance.matching.romanisations import pinyin_of, wade_giles_of
from clearance.matching.syllables import SYLLABLES, syllable_count
from clearance.matching.vocab import PINYIN_SYLLABLES, WADE_GILES_SYLLABLES
from clearance.scripts import CYRILLIC, HAN, HANGUL

# A Korean family name as the South, passports and English-language writers spell it -> as
# the lists spell North Korean names (McCune-Reischauer as North Korea writes it).
KOREAN_FAMILY_SPELLINGS = {
    "lee": "ri", "yi": "ri", "rhee": "ri", "rhie": "ri", "reey": "ri",
    "park": "pak", "bak": "pak", "pack": "pak",
    "choi": "choe", "choy": "choe", "chwe": "choe",
    "jeong": "jong", "jung": "jong", "chung": "jong",
    "yoon": "yun", "moon": "mun", "sohn": "son", "baek": "paek", "paik": "paek", "baik": "paek",
    "jeon": "jon", "seo": "so", "suh": "so", "shin": "sin", "shim": "sim", "ahn": "an",
    "oh": "o", "roh": "ro", "noh": "ro", "heo": "ho", "hur": "ho", "hyun": "hyon",
    "hyeon": "hyon", "lim": "rim", "joo": "ju", "woo": "u", "koo": "ku", "yoo": "ryu",
    "gim": "kim", "gang": "kang", "gwon": "kwon", "bae": "pae", "byun": "pyon", "byeon": "pyon",
    "kwack": "kwak", "gil": "kil", "eom": "om", "um": "om", "seok": "sok", "myung": "myong",
    # the lists write these both ways (CHO and JO, CHANG and JANG): the North's too
    "li": "ri", "cho": "jo", "joe": "jo", "chang": "jang", "chong": "jong", "chun": "jon",
}  # fmt: skip
# A name is read the Korean way when its first or last word is a Korean family name.
KOREAN_FAMILIES = frozenset({
    *KOREAN_FAMILY_SPELLINGS, *KOREAN_FAMILY_SPELLINGS.values(),
    "kim", "kang", "han", "hwang", "song", "hong", "nam", "ha", "cha", "kil", "yang", "ko", "ju",
})  # fmt: skip
# A Chinese family name as Hong Kong and overseas writers spell it (Cantonese, the Hong Kong
# government's romanisation) -> its pinyin, as the lists write a mainland name (since h187:
# "Chan" 陈 Chen, "Wong" 黄 Huang or 王 Wang, "Cheung" 张 Zhang). Left out: spellings that
# are a common pinyin family name of their own ("tang", "wu", "cheng", "pang", "tong", "chu",
# "ma", "yu", "hu", "lai", "kong", "wan"), as often that name as typed.
CANTONESE_FAMILIES: dict[str, tuple[str, ...]] = {
    "chan": ("chen",), "wong": ("huang", "wang"), "cheung": ("zhang",), "lee": ("li",),
    "ho": ("he",), "tsang": ("zeng",), "ng": ("wu",), "lau": ("liu",), "lam": ("lin",),
    "chow": ("zhou",), "chau": ("zhou",), "tsui": ("xu",), "hui": ("xu",), "kwok": ("guo",),
    "leung": ("liang",), "law": ("luo",), "lo": ("lu", "luo"), "lok": ("luo",), "yip": ("ye",),
    "ip": ("ye",), "choi": ("cai",), "tsoi": ("cai",), "yeung": ("yang",), "chiu": ("zhao",),
    "luk": ("lu",), "tse": ("xie",), "fung": ("feng",), "sung": ("song",), "mak": ("mai",),
    "tso": ("cao",), "poon": ("pan",), "pun": ("pan",), "keung": ("jiang",),
    "tseung": ("jiang",), "ngai": ("wei",), "hung": ("hong", "kong"), "ko": ("gao",),
    "yau": ("qiu", "you"), "sze": ("shi",), "yuen": ("yuan",), "chung": ("zhong",),
    "fong": ("fang",), "mok": ("mo",), "mui": ("mei",), "szeto": ("situ",), "siu": ("xiao",),
    "kwan": ("guan",), "yiu": ("yao",), "shek": ("shi",), "lui": ("lei", "lu"),
    "cheuk": ("zhuo",), "kwong": ("kuang",), "tam": ("tan",), "to": ("du",), "so": ("su",),
    "woo": ("hu", "wu"), "au": ("ou",), "tin": ("tian",), "kam": ("jin", "gan"),
    "yim": ("yan",), "koo": ("gu",), "tsao": ("cao",), "chui": ("xu",), "yung": ("rong",),
    "leong": ("liang",),
}  # fmt: skip
# The South's voiced initials where the North (and McCune-Reischauer) writes k, t, p.
_RR_ONSETS = {"g": "k", "d": "t", "b": "p"}


def list_readings(name: str) -> list[str]:
    """The lists' spellings of a Latin name of Korean or Chinese syllables (none when it is
    not such a name or already spelt so). Such a name is typed in plain letters: its words
    are read without the cost of :func:`~clearance.matching.normalize.fold`."""
    if not name.isascii():
        return []
    words = " ".join(_WORDS.findall(name.lower().replace("'", "")))
    return list(_readings(words, "-" in name, _capitals(name)))


_WORDS = re.compile("[a-z]+")
_RAW_WORDS = re.compile("[A-Za-z]+")


def _capitals(name: str) -> int:
    """The place of the one word of ``name`` written in capitals when the others are not
    ("Bin HUI": 1, the family name as lists and forms mark it), else -1."""
    if name.isupper() or name.islower():
        return -1
    raw = _RAW_WORDS.findall(name.replace("'", ""))
    caps = [i for i, w in enumerate(raw) if len(w) > 1 and w.isupper()]
    return caps[0] if len(caps) == 1 else -1


@lru_cache(maxsize=20_000)
def _readings(folded: str, hyphen: bool = False, capitals: int = -1) -> tuple[str, ...]:
    words = tuple(folded.split())
    if not 2 <= len(words) <= 4:  # noqa: PLR2004
        return ()
    found = []
    korean = words[0] in KOREAN_FAMILIES or words[-1] in KOREAN_FAMILIES
    if korean:
        family = _korean_family(words)
        north = tuple("".join(map(_north_onset, _korean_syllables(_north_vowels(w))))
                      for w in family)  # fmt: skip
        found += [family, north, *_chong_jong(north, north != words)]
    if syllable_count(words) and _wade_giles(_parts(words), hyphen):
        found += [_chinese(words, False, False), *_pinyin_readings(words)]
    for pinyin in _cantonese_family(words, capitals):  # ("Chan Jianming": since h187)
        found.append(pinyin)
        if _wade_giles(_parts(pinyin), hyphen):
            found += [_chinese(pinyin, False, False), *_pinyin_readings(pinyin)]
    out: list[str] = []
    for reading in found:  # ("rhee" is no syllable: "ri" is)
        text = " ".join(reading)
        if reading != words and text not in out and syllable_count(reading):
            out.append(text)
    japanese = None if korean else _japanese(words)
    if japanese is not None:
        out.append(japanese)
    return tuple(out)


def _cantonese_family(words: tuple[str, ...], capitals: int = -1) -> list[tuple[str, ...]]:
    """A Chinese name whose family name (its first or last word) is spelt as Hong Kong
    writes it, with that word in pinyin (:data:`CANTONESE_FAMILIES`): every other word is a
    pinyin or Wade-Giles syllable, or two run together ("Chan Jianming", "Weihua Woo"); a last
    word that is a pinyin syllable too is a given syllable, but after a given name of two
    syllables run together ("Jianming Chan", not "Jian Chan", "Mei Hui", "Lin Mei Hui") or
    when it alone is written in capitals (``capitals``, its place: "Bin HUI", since h194). A
    family name read last is also read first ("Chin-Hua WONG" as "huang chin hua": a name of
    syllables keeps its order, and the lists write the family syllable first)."""
    last = len(words) - 1
    out = []
    for at in (0, last):
        rest = words[:at] + words[at + 1 :]
        if (at == last and capitals != last and words[at] in PINYIN_SYLLABLES
                and (last > 1 or words[0] in SYLLABLES)):  # fmt: skip
            continue  # ("lin mei hui", "chen hui": a pinyin given syllable, family-first)
        if words[at] in CANTONESE_FAMILIES and all(_split(w, _ROMANISED) for w in rest):
            out += [(*words[:at], p, *words[at + 1 :]) for p in CANTONESE_FAMILIES[words[at]]]
            if at == last and at:
                out += [(p, *rest) for p in CANTONESE_FAMILIES[words[at]]]
    return out


def _japanese(words: tuple[str, ...]) -> str | None:
    """A Japanese name with its long vowels written as Hepburn without marks writes them
    ("Itō", folded: ITO): "Itou", "Itoh", "Itoo" as "ito", "Yuuko" as "yuko" (since 1.30).
    None unless every word (no initial) is kana syllables as Hepburn writes them and one
    writes a long vowel so; not a name of pinyin syllables ("Hou Yuan", "Gou Jun": 侯, 苟)."""
    if (not all(map(_KANA.fullmatch, words)) or min(map(len, words)) < 2  # noqa: PLR2004
            or any(map(_NOT_HEPBURN.search, words))
            or all(w in PINYIN_SYLLABLES for w in words)):  # fmt: skip
        return None
    text = _LONG.sub(lambda m: m.group(1), " ".join(words))
    return None if text == " ".join(words) else text


# A word of kana syllables in Hepburn (a consonant doubled for a small tsu, n alone, the
# long o as "oh")
_KANA = re.compile(
    r"(?:(?:[kgsztdnhbpmrfj]y?|ch|sh|ts|w|y|kk|ss|tt|pp|tch)?(?:oh(?![aeiouy])|[aeiou])|n)+"
)
# Kana Hepburn writes otherwise (shi, chi, tsu, fu, ji, o): "Nourouzi", "A. A." are no
# Japanese names
_NOT_HEPBURN = re.compile(r"(?:^|[aeiou])(?:si|ti|tu|hu|zi|di|du|wi|we|wu|yi|ye)")
_LONG = re.compile(r"([ou])(?:u|h(?![aeiouy])|o)")


def _korean_family(words: tuple[str, ...]) -> tuple[str, ...]:
    """The family name (the first or the last word) as the lists spell it."""
    last = len(words) - 1
    return tuple(
        KOREAN_FAMILY_SPELLINGS.get(word, word) if i in (0, last) else word
        for i, word in enumerate(words)
    )


def _north_vowels(word: str) -> str:
    """The South's eo / eu / oo as the North's o / u / u ("Seong-eun" / Song Un, "Soo")."""
    return word.replace("eo", "o").replace("eu", "u").replace("oo", "u")


def _korean_syllables(word: str) -> list[str]:
    """A word as one Korean syllable or two run together, the first the longer ("gyongil" is
    gyong il), or the word itself when neither."""
    if word in SYLLABLES:
        return [word]
    for cut in range(len(word) - 1, 0, -1):
        if word[:cut] in SYLLABLES and word[cut:] in SYLLABLES:
            return [word[:cut], word[cut:]]
    return [word]


def _chong_jong(
    words: tuple[str, ...], respelt: bool, given: bool = False
) -> list[tuple[str, ...]]:
    """A Korean name with its ch at the start of a syllable read as j: McCune-Reischauer
    writes ㅈ "ch" where the North writes "j" ("Chong" / JONG 정); and, in a name typed
    another way than the lists' (``respelt``: "Choi Jun-sik") or in the family name ("Jo"),
    its j as ch, as the lists write some names the MR way (CHOE Chun Sik, CHO, CHANG); a
    syllable's ㅈ or ㅊ is not told by its spelling (since 1.30). None when more than
    :data:`CH_J_SYLLABLES` syllables start so (every combination is a reading). ``given``:
    the given name's syllables only, each both ways (the family name is the first word)."""
    split = [_korean_syllables(word) for word in words]
    last = len(words) - 1
    at = [(i, k) for i, parts in enumerate(split) for k, p in enumerate(parts)
          if p.startswith(_BOTH if given or respelt or (i in (0, last) and p in KOREAN_FAMILIES)
                          else "ch") and not (given and i == 0)]  # fmt: skip
    if not at or len(at) > CH_J_SYLLABLES:
        return []
    out = []
    for mask in range(1, 1 << len(at)):
        flipped = [list(parts) for parts in split]
        for bit, (i, k) in enumerate(at):
            if mask >> bit & 1:
                part = flipped[i][k]
                flipped[i][k] = "j" + part[2:] if part.startswith("ch") else "ch" + part[1:]
        out.append(tuple("".join(parts) for parts in flipped))
    return out


CH_J_SYLLABLES = 3
_BOTH = ("ch", "j")


def _north_onset(syllable: str) -> str:
    """The South's g / d / b at the start of a syllable as k / t / p ("Gyeong" / Kyong,
    "Dong" / Tong, "Byeong" / Pyong)."""
    onset = _RR_ONSETS.get(syllable[:1])
    return syllable if onset is None else onset + syllable[1:]


def _chinese(words: tuple[str, ...], aspirated: bool, every: bool) -> tuple[str, ...]:
    """A name of Wade-Giles syllables in pinyin: the Wade-Giles-only ones ("hsu", "tung",
    "chih"; not one of two letters: "ho", "so", "jo" are Korean syllables as often) or
    ``every`` syllable, unaspirated or aspirated (the apostrophe that tells them apart is
    seldom typed: "Tsai" is 蔡, Cai, "Pin" 宾, Bin); the rest as typed."""
    table = wade_giles_pinyin()[aspirated]
    out = []
    for word in words:
        parts = _split(word, table) or [word]
        out.append("".join(table.get(p, p) if every or _wade_giles_only(p) else p for p in parts))
    return tuple(out)


def _pinyin_readings(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name of Wade-Giles syllables in pinyin, each syllable unaspirated or aspirated (the
    apostrophe that tells them apart is seldom typed: "Chih Ching" is Zhiqing as often as
    Zhijing; since 1.30), at most :data:`PINYIN_READINGS`, the unaspirated first."""
    table = wade_giles_pinyin()[0]
    options: list[list[str]] = []
    for word in words:
        parts = _split(word, _ROMANISED) or [word]
        choices = [""]
        for part in parts:
            found = sorted(pinyin_of(part), key=lambda p: (p != table.get(part, part), p))
            choices = [c + p for c in choices for p in found or [part]]
        options.append(choices)
    out: list[tuple[str, ...]] = [()]
    for choices in options:
        out = [(*done, c) for done in out for c in choices][:PINYIN_READINGS]
    return out


PINYIN_READINGS = 8  # ("Chang Chih Ching": eight readings)


def _parts(words: tuple[str, ...]) -> list[str]:
    return [p for word in words for p in _split(word, _ROMANISED) or [word]]


_ROMANISED = WADE_GILES_SYLLABLES | PINYIN_SYLLABLES  # (the table only once one is Wade-Giles)


def _wade_giles(parts: list[str], hyphen: bool) -> bool:
    """Is a name of these syllables Wade-Giles: one is Wade-Giles only, or (``hyphen``: its
    given name written as Wade-Giles writes one, "Chun-cheng", "Ming-kuo", "Yu-min") every
    one is a Wade-Giles or pinyin syllable and one writes another pinyin syllable too (since
    1.30: WANG Junzheng, CHEN Mingguo, LI Youmin)?"""
    if any(map(_wade_giles_only, parts)):
        return True
    return hyphen and all(p in _ROMANISED for p in parts) and any(pinyin_of(p) - {p} for p in parts)


def _wade_giles_only(syllable: str) -> bool:
    return (len(syllable) > 2  # noqa: PLR2004
            and syllable in WADE_GILES_SYLLABLES and syllable not in PINYIN_SYLLABLES)  # fmt: skip


def _split(word: str, table: Container[str]) -> list[str] | None:
    """A word as one Wade-Giles or pinyin syllable, or two run together."""
    if word in table or word in PINYIN_SYLLABLES:
        return [word]
    for cut in range(2, len(word) - 1):  # (syllables of two letters or more: "choi" stays)
        head, tail = word[:cut], word[cut:]
        if (head in table or head in PINYIN_SYLLABLES) and (
            tail in table or tail in PINYIN_SYLLABLES
        ):
            return [head, tail]
    return None


@cache
def wade_giles_pinyin() -> tuple[dict[str, str], dict[str, str]]:
    """A Wade-Giles syllable as typed (no apostrophe, u for ü) -> its pinyin, by pypinyin's
    Wade-Giles table: the unaspirated reading ("chang" is zhang, "tsai" zai) and the
    aspirated one where the apostrophe makes another ("ch'ang" chang, "ts'ai" cai)."""
    plain: dict[str, str] = {}
    aspirated: dict[str, str] = {}
    for syllable in sorted(PINYIN_SYLLABLES):
        wade = wade_giles_of(syllable)
        typed = wade.replace("'", "")
        if typed.isalpha():
            (aspirated if "'" in wade else plain)[typed] = syllable
    return plain, plain | aspirated


def script_readings(name: str, script: str) -> list[str]:
    """A Korean person's name written in Hangul, in Hanja or in Cyrillic, read as the lists
    may spell it (since 1.32): the engine reads ㅈ as j ("최준식" is "choe jun sik"), but the
    lists write many names the McCune-Reischauer way, ch (CHOE Chun Sik, CHO, CHANG), and a
    later given-name syllable voiced after a vowel or a nasal (전명극: JON MYONG GUK). The
    Latin spelling does not tell ㅈ from ㅊ: each given-name syllable's ch / j is read both
    ways, the family names the lists write both ways (CHO / JO) too, and the given name once
    with its voiced onsets; at most :data:`SCRIPT_READINGS`. None for a name not read as
    Korean, or whose family name is not the lists' spelling (CHOE, not Choi)."""
    out: list[str] = []
    for base in _korean_bases(name, script):
        words = tuple(base.split())
        if not 2 <= len(words) <= 4 or KOREAN_FAMILY_SPELLINGS.get(words[0], words[0]) != words[0]:  # noqa: PLR2004
            continue
        families = (words[0], *_BOTH_WAYS.get(words[0], ()))
        givens = [words[1:], *(flipped[1:] for flipped in _chong_jong(words, False, True))]
        for reading in [(f, *g) for g in givens for f in families] + [_voiced(words)]:
            text = " ".join(reading)
            if reading != words and text not in out and len(out) < SCRIPT_READINGS:
                out.append(text)
    return out


SCRIPT_READINGS = 8
# The family names the lists write both ways (CHO and JO, CHANG and JANG, CHONG and JONG)
_BOTH_WAYS = {"jo": ("cho",), "jang": ("chang",), "jong": ("chong",), "jon": ("chon",),
              "cho": ("jo",), "chang": ("jang",), "chong": ("jong",), "chon": ("jon",)}  # fmt: skip


def _korean_bases(name: str, script: str) -> list[str]:
    """The engine's own Korean readings of ``name`` (family name first)."""
    from clearance.matching.scripts import romanise_hangul

    if script == HANGUL:
        return [romanise_hangul(name)]
    if script == HAN:
        from clearance.matching.hanja import korean_hangul

        hangul = korean_hangul(name)
        return [romanise_hangul(hangul)] if hangul else []
    if script == CYRILLIC:
        from clearance.matching.cyrillic_asian import korean_readings

        return korean_readings(name)
    return []


# McCune-Reischauer voices k / t / p after a vowel or a nasal inside a word ("Myong-guk");
# the lists keep the voiced onset when they write the syllables apart (JON MYONG GUK)
_VOICED = {"k": "g", "t": "d", "p": "b"}
_VOICING_FINALS = ("a", "e", "i", "o", "u", "n", "m", "ng")


def _voiced(words: tuple[str, ...]) -> tuple[str, ...]:
    """The given name's second and later syllables with a plain k / t / p onset voiced where
    the syllable before ends in a vowel or a nasal (the family name is the first word)."""
    out = list(words)
    for i in range(2, len(words)):
        word, before = words[i], words[i - 1]
        onset = _VOICED.get(word[:1])
        if onset and word[1:2] not in ("h", word[:1]) and before.endswith(_VOICING_FINALS):
            out[i] = onset + word[1:]
    return tuple(out)
