"""How writers write a listed Korean or Chinese name (issue 11, class 8): for ``bench_cjk``.

A listed Korean name ("KIM, Jong Un", "RI, Je-Son": McCune-Reischauer as North Korea and the
lists write it) is read back into Hangul syllable by syllable (each Latin syllable's Sino-Korean
candidates, weighted by how many Hanja have that original sound in libhangul's dictionary), and
from the Hangul written again: in Hangul, in Hanja (a character whose original sound it is),
in Cyrillic (Kontsevich, or the older newspaper spelling "Ким Чен Ын"), in McCune-Reischauer
as its own rules give it (voiceless word-initial consonants: "Kim Chong-un"), in the South's
Revised Romanization (with the South's initial-sound law: "Yi", "Yong" for 리, 룡), and in Latin
as the list spells it but joined, hyphenated or spaced, with the family name in another usual
spelling (Ri/Yi/Lee/Rhee, Pak/Park, Choe/Choi). A listed Chinese name in pinyin ("ZHANG, Lei")
is written in Wade-Giles ("Chang Lei"), in Chinese characters (simplified, the common ones) and
in Palladius Cyrillic. Every table here is this file's own (the jamo, the family names, the
Wade-Giles rules), never the matcher's; the dictionaries are the packages' (pyhanja, pypinyin).
"""

from __future__ import annotations

import random
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# -- Hangul jamo ----------------------------------------------------------------------------
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
# McCune-Reischauer as the lists write it (no breves, aspirates with or without h): each
# initial's spellings, the first the word-initial (voiceless) one.
_MR_INITIAL = (("k", "g"), ("kk",), ("n",), ("t", "d"), ("tt",), ("r", "l"), ("m",), ("p", "b"),
               ("pp",), ("s", "sh"), ("ss",), ("",), ("ch", "j"), ("jj",), ("ch", "chh"),
               ("kh", "k"), ("th", "t"), ("ph", "p"), ("h",))  # fmt: skip
_MR_VOWEL = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "u", "ui", "i")  # fmt: skip
# The list's own spelling (North Korea's: ㅈ j, ㅊ ch, aspirates with h) read back, with
# each spelling's weight (a listed "ch" is ㅊ, rarely a voiceless ㅈ).
_LIST_INITIAL = ((("k", 1.0), ("g", 1.0)), (("kk", 1.0),), (("n", 1.0),), (("t", 1.0), ("d", 1.0)),
                 (("tt", 1.0),), (("r", 1.0), ("l", 0.3)), (("m", 1.0),), (("p", 1.0), ("b", 1.0)),
                 (("pp", 1.0),), (("s", 1.0), ("sh", 1.0)), (("ss", 1.0),), (("", 1.0),),
                 (("j", 1.0), ("ch", 0.02)), (("jj", 1.0),), (("ch", 1.0),), (("kh", 1.0),),
                 (("th", 1.0),), (("ph", 1.0),), (("h", 1.0),))  # fmt: skip
_RR_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h")  # fmt: skip
_RR_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_FINALS = {0: "", 1: "k", 4: "n", 8: "l", 16: "m", 17: "p", 21: "ng"}  # Sino-Korean finals
_VOICED = {0: "g", 3: "d", 7: "b", 12: "j"}  # MR between voiced sounds
_KT_INITIAL = ("к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх",
               "кх", "тх", "пх", "х")  # fmt: skip
_KT_VOICED = {0: "г", 3: "д", 7: "б", 12: "чж"}
_KT_VOWEL = ("а", "э", "я", "йя", "о", "е", "ё", "йе", "о", "ва", "вэ", "ве", "ё", "у", "во",
             "ве", "ви", "ю", "ы", "ый", "и")  # fmt: skip
_KT_FINAL = {0: "", 1: "к", 4: "н", 8: "ль", 16: "м", 17: "п", 21: "н"}
# South Korea's initial-sound law (두음법칙) for a word's first syllable: ㄹ -> ㄴ / ㅇ.
_SOUTH_R = {"랴": "야", "려": "여", "례": "예", "료": "요", "류": "유", "리": "이", "라": "나",
            "래": "내", "로": "노", "뢰": "뇌", "루": "누", "르": "느", "력": "역", "련": "연",
            "렬": "열", "렴": "염", "령": "영", "룡": "용", "륙": "육", "륜": "윤", "률": "율",
            "륭": "융", "름": "늠", "릉": "능", "린": "인", "림": "임", "립": "입", "량": "양",
            "락": "낙", "란": "난", "람": "남", "랑": "낭", "록": "녹", "론": "논", "롱": "농",
            "뇨": "요", "녀": "여", "니": "이", "년": "연", "녕": "영"}  # fmt: skip

# Korean family names: the list's spelling -> (Hangul, Hanja, the other usual Latin spellings,
# Russian spelling). North Korea keeps the initial r (리, 량, 림), the South drops it.
_KOREAN_FAMILY: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "kim": ("김", "金", ("Kim",), "Ким"),
    "ri": ("리", "李", ("Ri", "Yi", "Lee", "Rhee", "Li"), "Ли"),
    "li": ("리", "李", ("Li", "Ri", "Lee", "Yi"), "Ли"),
    "yi": ("리", "李", ("Yi", "Lee", "Ri", "Rhee"), "Ли"),
    "lee": ("리", "李", ("Lee", "Yi", "Ri", "Rhee"), "Ли"),
    "pak": ("박", "朴", ("Pak", "Park"), "Пак"),
    "park": ("박", "朴", ("Park", "Pak"), "Пак"),
    "choe": ("최", "崔", ("Choe", "Choi"), "Цой"),
    "choi": ("최", "崔", ("Choi", "Choe"), "Цой"),
    "jong": ("정", "鄭", ("Jong", "Chong", "Jung", "Jeong", "Chung"), "Чон"),
    "chong": ("정", "鄭", ("Chong", "Jong", "Jung", "Chung"), "Чон"),
    "kang": ("강", "姜", ("Kang",), "Кан"),
    "jo": ("조", "趙", ("Jo", "Cho", "Joe"), "Чо"),
    "cho": ("조", "趙", ("Cho", "Jo"), "Чо"),
    "yun": ("윤", "尹", ("Yun", "Yoon"), "Юн"),
    "jang": ("장", "張", ("Jang", "Chang"), "Чан"),
    "chang": ("장", "張", ("Chang", "Jang"), "Чан"),
    "rim": ("림", "林", ("Rim", "Lim", "Im"), "Рим"),
    "han": ("한", "韓", ("Han",), "Хан"),
    "o": ("오", "吳", ("O", "Oh"), "О"),
    "sin": ("신", "申", ("Sin", "Shin"), "Син"),
    "so": ("서", "徐", ("So", "Seo", "Suh"), "Со"),
    "kwon": ("권", "權", ("Kwon",), "Квон"),
    "hwang": ("황", "黃", ("Hwang",), "Хван"),
    "an": ("안", "安", ("An", "Ahn"), "Ан"),
    "song": ("송", "宋", ("Song",), "Сон"),
    "ryu": ("류", "柳", ("Ryu", "Yu", "Yoo"), "Рю"),
    "jon": ("전", "全", ("Jon", "Chon", "Jeon", "Chun"), "Чон"),
    "hong": ("홍", "洪", ("Hong",), "Хон"),
    "ko": ("고", "高", ("Ko", "Go", "Koh"), "Ко"),
    "mun": ("문", "文", ("Mun", "Moon"), "Мун"),
    "ryang": ("량", "梁", ("Ryang", "Yang"), "Рян"),
    "son": ("손", "孫", ("Son", "Sohn"), "Сон"),
    "pae": ("배", "裵", ("Pae", "Bae"), "Пэ"),
    "paek": ("백", "白", ("Paek", "Baek", "Paik"), "Пэк"),
    "ho": ("허", "許", ("Ho", "Heo", "Hur"), "Хо"),
    "nam": ("남", "南", ("Nam",), "Нам"),
    "sim": ("심", "沈", ("Sim", "Shim"), "Сим"),
    "ro": ("로", "盧", ("Ro", "No", "Roh"), "Ро"),
    "ha": ("하", "河", ("Ha",), "Ха"),
    "kwak": ("곽", "郭", ("Kwak",), "Квак"),
    "cha": ("차", "車", ("Cha",), "Ча"),
    "ju": ("주", "朱", ("Ju", "Joo", "Chu"), "Чу"),
    "ku": ("구", "具", ("Ku", "Koo", "Gu"), "Ку"),
    "hyon": ("현", "玄", ("Hyon", "Hyun", "Hyeon"), "Хён"),
    "thae": ("태", "太", ("Thae", "Tae"), "Тхэ"),
    "ji": ("지", "池", ("Ji", "Chi"), "Чи"),
    "won": ("원", "元", ("Won",), "Вон"),
    "pang": ("방", "方", ("Pang", "Bang"), "Пан"),
    "ham": ("함", "咸", ("Ham",), "Хам"),
    "pyon": ("변", "卞", ("Pyon", "Byun", "Byeon"), "Пён"),
    "yang": ("양", "楊", ("Yang",), "Ян"),
    "jin": ("진", "陳", ("Jin", "Chin"), "Чин"),
    "myong": ("명", "明", ("Myong", "Myung"), "Мён"),
    "chae": ("채", "蔡", ("Chae",), "Чхэ"),
    "kil": ("길", "吉", ("Kil", "Gil"), "Киль"),
    "sok": ("석", "石", ("Sok", "Seok"), "Сок"),
    "om": ("엄", "嚴", ("Om", "Eom", "Um"), "Ом"),
    "u": ("우", "禹", ("U", "Woo"), "У"),
    "yom": ("염", "廉", ("Yom", "Yeom"), "Ём"),
    "tong": ("동", "董", ("Tong", "Dong"), "Тон"),
}


def _compose(ini: int, vow: int, fin: int) -> str:
    return chr(0xAC00 + (ini * 21 + vow) * 28 + fin)


def _decompose(syllable: str) -> tuple[int, int, int]:
    code = ord(syllable) - 0xAC00
    ini, rest = divmod(code, 588)
    vow, fin = divmod(rest, 28)
    return ini, vow, fin


@cache
def hanja_by_sound() -> dict[str, list[str]]:
    """Hangul syllable -> the Hanja whose original sound it is (libhangul's dictionary as the
    ``pyhanja`` package ships it: "룡:龍:용 룡", the gloss ending in the sound), of the
    characters every entry of which gives that one sound."""
    spec = find_spec("pyhanja")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyhanja is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "hanja.txt"
    sounds: dict[str, set[str]] = {}
    pattern = re.compile(r"^([^:#\n]):([^:\n]):([^,\n]*)", re.MULTILINE)
    for sound, char, gloss in pattern.findall(path.read_text(encoding="utf-8")):
        if 0x4E00 <= ord(char) <= 0x9FFF and gloss.rstrip().endswith(sound):
            sounds.setdefault(char, set()).add(sound)
    table: dict[str, list[str]] = {}
    for char, read in sounds.items():  # (a character of one sound: 嚇 is 하 and 혁, left out)
        if len(read) == 1:
            table.setdefault(next(iter(read)), []).append(char)
    return table


@cache
def _latin_to_hangul() -> dict[str, list[tuple[str, float]]]:
    """A listed Latin syllable -> its Sino-Korean Hangul candidates with their weights."""
    sounds = hanja_by_sound()
    table: dict[str, list[tuple[str, float]]] = {}
    for ini in range(19):
        for vow in range(21):
            for fin, final in _FINALS.items():
                hangul = _compose(ini, vow, fin)
                weight = len(sounds.get(hangul, ()))
                if not weight:
                    continue
                for head, share in _LIST_INITIAL[ini]:
                    spelled = head + _MR_VOWEL[vow] + final
                    table.setdefault(spelled, []).append((hangul, weight * share))
    return table


def korean_hangul(given: list[str], family: str, rng: random.Random) -> tuple[str, str] | None:
    """(family, given) in Hangul for a listed Korean name, or ``None`` (not Korean)."""
    fam = _KOREAN_FAMILY.get(family.lower())
    if fam is None:
        return None
    table = _latin_to_hangul()
    out: list[str] = []
    for word in given:
        for part in word.lower().split("-"):
            picked = _syllables(part, table, rng)
            if picked is None:
                return None
            out += picked
    if not 1 <= len(out) <= 3:
        return None
    return fam[0], "".join(out)


def _syllables(
    word: str, table: dict[str, list[tuple[str, float]]], rng: random.Random
) -> list[str] | None:
    if word in table:
        hangul, weights = zip(*table[word], strict=True)
        return [rng.choices(hangul, weights=weights)[0]]
    for cut in range(1, len(word)):
        head, tail = word[:cut], word[cut:]
        if head in table and tail in table:
            return [*(_syllables(head, table, rng) or []), *(_syllables(tail, table, rng) or [])]
    return None


def family_spellings(family: str) -> tuple[str, ...]:
    fam = _KOREAN_FAMILY.get(family.lower())
    return fam[2] if fam else (family.capitalize(),)


def family_hanja(family: str) -> str:
    return _KOREAN_FAMILY[family.lower()][1]


def family_russian(family: str) -> str:
    return _KOREAN_FAMILY[family.lower()][3]


def mccune_reischauer(given: str) -> list[str]:
    """The given name's syllables in McCune-Reischauer (voiceless at the start of the word,
    voiced after a vowel or a nasal; aspirates with an apostrophe dropped)."""
    out: list[str] = []
    previous_final = -1
    for k, char in enumerate(given):
        ini, vow, fin = _decompose(char)
        head = _MR_INITIAL[ini][0]
        if k and ini in _VOICED and previous_final in (0, 4, 16, 21):
            head = _VOICED[ini]
        if ini in (15, 16, 17):  # k', t', p' written without the apostrophe
            head = head[0]
        out.append(head + _MR_VOWEL[vow] + _FINALS.get(fin, ""))
        previous_final = fin
    return out


def revised(given: str, south: bool) -> list[str]:
    """The given name's syllables in Revised Romanization (the South's initial-sound law on
    the first when ``south``)."""
    out: list[str] = []
    for k, char in enumerate(given):
        if k == 0 and south:
            char = _SOUTH_R.get(char, char)
        ini, vow, fin = _decompose(char)
        head = _RR_INITIAL[ini]
        if k == 0 and ini == 5:
            head = "r"
        final = {1: "k", 4: "n", 8: "l", 16: "m", 17: "p", 21: "ng"}.get(fin, "")
        out.append(head + _RR_VOWEL[vow] + final)
    return out


def kontsevich(given: str, newspaper: bool) -> list[str]:
    """The given name's syllables in Russian: Kontsevich (voiced чж, г, д, б between vowels) or
    the older newspaper spelling (ㅓ after a consonant as е: "Чен Ын", "Сен")."""
    out: list[str] = []
    previous_final = -1
    for k, char in enumerate(given):
        ini, vow, fin = _decompose(char)
        head = _KT_INITIAL[ini]
        if not newspaper and k and ini in _KT_VOICED and previous_final in (0, 4, 16, 21):
            head = _KT_VOICED[ini]
        vowel = _KT_VOWEL[vow]
        if newspaper and vow == 4 and head:  # ㅓ
            vowel = "е"
        final = _KT_FINAL.get(fin, "")
        out.append(head + vowel + final)
        previous_final = fin
    return out


def hanja(given: str, rng: random.Random) -> str | None:
    sounds = hanja_by_sound()
    chars = [rng.choice(sounds[c]) if c in sounds else None for c in given]
    if any(c is None for c in chars):
        return None
    return "".join(c for c in chars if c)


# -- Chinese ----------------------------------------------------------------------------------
_CHINESE_FAMILY = {
    "zhang": "张", "wang": "王", "li": "李", "liu": "刘", "chen": "陈", "yang": "杨", "huang": "黄",
    "zhao": "赵", "wu": "吴", "zhou": "周", "xu": "徐", "sun": "孙", "ma": "马", "zhu": "朱",
    "hu": "胡", "guo": "郭", "he": "何", "lin": "林", "gao": "高", "luo": "罗", "zheng": "郑",
    "liang": "梁", "xie": "谢", "song": "宋", "tang": "唐", "han": "韩", "feng": "冯", "deng": "邓",
    "cao": "曹", "peng": "彭", "zeng": "曾", "xiao": "肖", "tian": "田", "dong": "董", "pan": "潘",
    "yuan": "袁", "cai": "蔡", "jiang": "江", "yu": "于", "du": "杜", "ye": "叶", "cheng": "程",
    "wei": "魏", "su": "苏", "lu": "卢", "ding": "丁", "ren": "任", "shen": "沈", "yao": "姚",
    "jin": "金", "cui": "崔", "zhong": "钟", "tan": "谭", "fan": "范", "shi": "石", "jia": "贾",
    "xia": "夏", "fu": "傅", "fang": "方", "zou": "邹", "xiong": "熊", "bai": "白", "meng": "孟",
    "qin": "秦", "qiu": "邱", "hou": "侯", "yin": "尹", "xue": "薛", "yan": "严", "duan": "段",
    "lei": "雷", "long": "龙", "tao": "陶", "mao": "毛", "gu": "顾", "gong": "龚", "kong": "孔",
    "wan": "万", "qian": "钱", "dai": "戴", "wen": "文", "hao": "郝", "kang": "康", "shao": "邵",
    "bao": "鲍", "ni": "倪", "mo": "莫", "niu": "牛", "ke": "柯", "pei": "裴", "chang": "常",
}  # fmt: skip


@cache
def _pinyin_chars() -> dict[str, list[str]]:
    """Toneless pinyin syllable -> the common (GB 2312 level 1) characters read so first."""
    import unicodedata

    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, list[str]] = {}
    for code, readings in pinyin_dict.items():
        char = chr(code)
        try:
            raw = char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if len(raw) != 2 or not 0xB0 <= raw[0] <= 0xD7:  # noqa: PLR2004 (level 1)
            continue
        first = unicodedata.normalize("NFD", readings.split(",")[0]).replace("\u0308", "v")
        plain = "".join(c for c in first if not unicodedata.combining(c))
        table.setdefault(plain, []).append(char)
    return table


def pinyin_split(word: str) -> list[str] | None:
    """A pinyin word ("xiaoming") as its syllables, or ``None`` (longest first)."""
    table = _pinyin_chars()
    if not word:
        return []
    for cut in range(min(6, len(word)), 0, -1):
        if word[:cut] in table:
            rest = pinyin_split(word[cut:])
            if rest is not None:
                return [word[:cut], *rest]
    return None


def han(family: str, given: list[str], rng: random.Random) -> str | None:
    table = _pinyin_chars()
    head = _CHINESE_FAMILY.get(family)
    if head is None or not all(s in table for s in given):
        return None
    return head + "".join(rng.choice(table[s]) for s in given)


_WG_INITIAL = (("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("m", "m"),
               ("f", "f"), ("d", "t"), ("t", "t"), ("n", "n"), ("l", "l"), ("g", "k"),
               ("k", "k"), ("h", "h"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("r", "j"),
               ("z", "ts"), ("c", "ts"), ("s", "s"))  # fmt: skip
_WG_WHOLE = {"zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
             "si": "ssu", "er": "erh", "yi": "i", "ye": "yeh", "yan": "yen", "you": "yu",
             "yong": "yung", "yue": "yueh", "e": "o"}  # fmt: skip


def wade_giles(syllable: str) -> str:
    """A pinyin syllable in Wade-Giles as writers type it (no apostrophes, no umlauts)."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    head, rest = "", syllable
    for src, dst in _WG_INITIAL:
        if syllable.startswith(src):
            head, rest = dst, syllable[len(src) :]
            break
    if rest == "e":
        rest = "o" if syllable[0] in "gkh" else "e"
    elif rest == "ong":
        rest = "ung"
    elif rest in ("ian", "ie"):
        rest = {"ian": "ien", "ie": "ieh"}[rest]
    elif rest == "ue":
        rest = "ueh"
    elif rest == "uo" and syllable[0] not in "gkh" and not syllable.startswith("sh"):
        rest = "o"
    elif rest == "ui" and syllable[0] in "gk":
        rest = "uei"
    elif rest == "iong":
        rest = "iung"
    return head + rest


# Palladius (Chinese -> Russian), by pinyin initial and final.
_PL_INITIAL = (("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"),
               ("f", "ф"), ("d", "д"), ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"),
               ("k", "к"), ("h", "х"), ("j", "цз"), ("q", "ц"), ("x", "с"), ("r", "ж"),
               ("z", "цз"), ("c", "ц"), ("s", "с"))  # fmt: skip
_PL_FINAL = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
             "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и",
             "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
             "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
             "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
             "ue": "юэ", "v": "юй", "ve": "юэ", "er": "эр", "van": "юань", "vn": "юнь"}  # fmt: skip
_PL_WHOLE = {"ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь",
             "yang": "ян", "ying": "ин", "yong": "юн", "yi": "и", "yu": "юй", "yue": "юэ",
             "yuan": "юань", "yun": "юнь", "wa": "ва", "wai": "вай", "wan": "вань",
             "wang": "ван", "wei": "вэй", "wen": "вэнь", "weng": "вэн", "wo": "во", "wu": "у",
             "zhi": "чжи", "chi": "чи", "shi": "ши", "ri": "жи", "zi": "цзы", "ci": "цы",
             "si": "сы", "hui": "хуэй"}  # fmt: skip


def palladius(syllable: str) -> str | None:
    """A pinyin syllable in Palladius Cyrillic ("xi" си, "jin" цзинь, "wang" ван)."""
    if syllable in _PL_WHOLE:
        return _PL_WHOLE[syllable]
    head, rest = "", syllable
    for src, dst in _PL_INITIAL:
        if syllable.startswith(src):
            head, rest = dst, syllable[len(src) :]
            break
    if syllable[0] in "jqx" and rest.startswith("u"):
        rest = "v" + rest[1:]
    final = _PL_FINAL.get(rest)
    return None if final is None else head + final
