"""Korean names written in Chinese characters (Hanja), read the Korean way.

"金正恩" is Kim Jong Un; read as Chinese (pinyin) it is "jin zheng en", which matches nothing on
a list that writes him "KIM Jong Un". A name in Chinese characters whose first character is a
Korean family name, two to four characters long, also gets a Korean reading: each character's
sound from libhangul's Hanja dictionary (as shipped in the ``pyhanja`` package), the family name
from the family-name reading (金 as a family name is 김, not 금), then the same Hangul
romaniser the engine uses for names written in Hangul ("김정은" -> "kim jong un"). The
reading is an extra romanisation beside the pinyin one: a Chinese name keeps its Chinese
reading. The dictionary gives the original sounds (李 리, 龍 룡), as North Korea writes names
and as the lists do ("RI Yong Ho", "CHOE Ryong Hae"). Pure apart from reading the packaged
dictionary once.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# Korean family names in Hanja -> their Hangul reading as a family name (the common ones, as
# South Korea's census counts them; one-character names only).
FAMILY_NAMES = {
    "金": "김", "李": "리", "朴": "박", "崔": "최", "鄭": "정", "姜": "강", "趙": "조", "尹": "윤",
    "張": "장", "林": "림", "韓": "한", "吳": "오", "申": "신", "徐": "서", "權": "권", "黃": "황",
    "安": "안", "宋": "송", "柳": "류", "全": "전", "洪": "홍", "高": "고", "文": "문", "梁": "량",
    "孫": "손", "裵": "배", "白": "백", "許": "허", "劉": "류", "南": "남", "沈": "심", "盧": "로",
    "丁": "정", "河": "하", "郭": "곽", "成": "성", "車": "차", "朱": "주", "禹": "우", "具": "구",
    "玄": "현", "太": "태", "池": "지", "延": "연", "奇": "기", "元": "원", "千": "천", "方": "방",
    "孔": "공", "咸": "함", "卞": "변", "廉": "염", "呂": "려", "秋": "추", "都": "도", "蘇": "소",
    "石": "석", "宣": "선", "薛": "설", "馬": "마", "吉": "길", "魏": "위", "表": "표", "明": "명",
    "潘": "반", "王": "왕", "琴": "금", "玉": "옥", "陸": "륙", "印": "인", "孟": "맹", "諸": "제",
    "卓": "탁", "鞠": "국", "魚": "어", "殷": "은", "片": "편", "龍": "룡", "桂": "계", "房": "방",
}  # fmt: skip

MIN_CHARS = 2  # a family name and a one-syllable given name (since 1.32: KANG Min, RI Sok)
MAX_CHARS = 4
# "sound:character:gloss, more glosses": the one-character entries, up to the first gloss.
_ONE_CHARACTER = re.compile(r"^([^:#\n]):([^:\n]):([^,\n]*)", re.MULTILINE)


@cache
def sounds() -> dict[str, str]:
    """Each Hanja character's original sound, from the dictionary's one-character entries:
    the entry whose sound is the one its own gloss ends with ("룡:龍:용 룡", not "용:龍:...")."""
    text = _dictionary().read_text(encoding="utf-8")
    table: dict[str, str] = {}
    fallback: dict[str, str] = {}
    for sound, char, gloss in _ONE_CHARACTER.findall(text):
        fallback.setdefault(char, sound)
        if gloss.rstrip().endswith(sound):
            table.setdefault(char, sound)
    return fallback | table


def _dictionary() -> Path:
    """libhangul's ``hanja.txt`` inside the installed ``pyhanja`` package (found without
    importing the package, whose start-up uses a deprecated resources call)."""
    spec = find_spec("pyhanja")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyhanja is not installed (pip install pyhanja)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "hanja.txt"


def korean_hangul(text: str) -> str | None:
    """The Hangul a Korean would read ``text`` as, or ``None`` when it is not a Korean name in
    Hanja (not all Chinese characters, the wrong length, no Korean family name first, or a
    character the dictionary does not know)."""
    chars = [c for c in text if not c.isspace() and c != "·"]
    if not MIN_CHARS <= len(chars) <= MAX_CHARS or chars[0] not in FAMILY_NAMES:
        return None
    table = sounds()
    given = [table.get(c) for c in chars[1:]]
    if any(s is None for s in given):
        return None
    return FAMILY_NAMES[chars[0]] + "".join(s for s in given if s)
