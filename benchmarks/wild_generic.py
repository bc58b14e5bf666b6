"""Russian company names and their generic words (issue 11 class 11, h182), for ``bench_wild``.

A Russian company is named by its kind, in words ("научно-производственное объединение", a
research and production association; "торговый дом", a trading house; "государственное
унитарное предприятие", a state unitary enterprise; "завод", a plant), and a distinctive word
("Ромашка"). Two classes:

- ``n-ru-generic`` (must not alert): unlisted names of a legal form, a kind from
  :data:`KINDS` and a distinctive word from :data:`DISTINCTIVE` that no listed name writes (nor
  one letter off), in Cyrillic or in Latin letters by one of the romanisations of
  :data:`SCHEMES` ("AO TSENTRALNY NAUCHNO-ISSLEDOVATELSKY INSTITUT KOMETA");
- ``w-ru-generic``: a listed organisation's name whose kind words are written another way: a
  Latin name's kind words respelt by another romanisation or translated ("NAUCHNO-
  PROIZVODSTVENNOYE OBYEDINENIYE" / "Scientific Production Association"), a Cyrillic name
  romanised by one of :data:`SCHEMES`.

The tables are this file's own (Russian company naming and the romanisation systems people
write Russian in: BGN/PCGN, its simplified form in the English press, ICAO Doc 9303 of Russian
passports, ISO 9 / GOST 7.79 without marks), not the engine's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import bench_data as bd

from clearance.model import Entity, Schema

N_RU_GENERIC = "n-ru-generic"

# Kinds of company (Cyrillic, and in English as registries and lists translate them).
KINDS: tuple[tuple[str, str], ...] = (
    ("научно-производственное объединение", "Scientific Production Association"),
    ("научно-производственное предприятие", "Scientific Production Enterprise"),
    ("научно-производственный центр", "Scientific Production Center"),
    ("научно-производственная фирма", "Scientific Production Firm"),
    ("научно-производственный комплекс", "Scientific Production Complex"),
    ("научно-исследовательский институт", "Research Institute"),
    ("центральный научно-исследовательский институт", "Central Research Institute"),
    ("опытно-конструкторское бюро", "Experimental Design Bureau"),
    ("конструкторское бюро", "Design Bureau"),
    ("торговый дом", "Trading House"),
    ("государственное унитарное предприятие", "State Unitary Enterprise"),
    ("федеральное государственное унитарное предприятие", "Federal State Unitary Enterprise"),
    ("производственное объединение", "Production Association"),
    ("завод", "Plant"),
    ("комбинат", "Combine"),
    ("центр", "Center"),
    ("компания", "Company"),
    ("группа компаний", "Group of Companies"),
    ("управляющая компания", "Management Company"),
    ("инвестиционная компания", "Investment Company"),
    ("строительная компания", "Construction Company"),
    ("транспортная компания", "Transport Company"),
    ("торговая компания", "Trading Company"),
    ("страховая компания", "Insurance Company"),
    ("холдинг", "Holding"),
    ("концерн", "Concern"),
    ("корпорация", "Corporation"),
    ("фабрика", "Factory"),
    ("машиностроительный завод", "Machine-Building Plant"),
    ("металлургический комбинат", "Metallurgical Combine"),
    ("судостроительный завод", "Shipbuilding Plant"),
)  # fmt: skip

# Words Russian companies are named by (nouns of nature, sky, stones, ideas).
DISTINCTIVE = """
    ромашка комета весна рассвет заря сокол янтарь берёзка полёт восход радуга маяк звезда
    вектор импульс гранит кристалл орион сигнал факел эталон меридиан горизонт исток квант
    лотос сапфир топаз рубин изумруд ладога волна парус фрегат альтаир вега сириус каскад
    спектр эврика север байкал кедр сосна дубрава ландыш незабудка колос урожай нива пчёлка
    светоч феникс атлант олимп тайга жемчуг ласточка снежинка калина рябина черёмуха сирень
    василёк подснежник журавль лебедь беркут кречет иволга скворец аврора оникс малахит
    бирюза агат яшма опал гелиос зенит надир стрела молния гроза вьюга метель прибой
""".split()  # noqa: SIM905

LEGAL = ("ООО", "АО", "ЗАО", "ОАО", "ПАО", "")  # (Cyrillic; romanised by the scheme)
LEGAL_LATIN = {"ООО": ("OOO", "LLC"), "АО": ("AO", "JSC"), "ЗАО": ("ZAO", "CJSC"),
               "ОАО": ("OAO", "OJSC"), "ПАО": ("PAO", "PJSC"), "": ("",)}  # fmt: skip

_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_BASE = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
         "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu",
         "ya"]  # fmt: skip
_BASE_TABLE = dict(zip(_LOWER, _BASE, strict=True))
# Per system: letters that differ from the base table, and endings (-ый / -ий) as it writes them.
SCHEMES: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "bgn": ({"ё": "yo", "ъ": "", "ь": ""}, {"ый": "yy", "ий": "iy", "ой": "oy"}),
    "press": ({"ё": "yo"}, {"ый": "y", "ий": "y", "ой": "oy"}),
    "press-i": ({"ё": "e"}, {"ый": "yi", "ий": "iy", "ой": "oi"}),
    "icao": ({"й": "i", "ъ": "ie", "ю": "iu", "я": "ia"}, {"ый": "yi", "ий": "ii", "ой": "oi"}),
    "iso": ({"ж": "z", "й": "j", "х": "h", "ц": "c", "ч": "c", "ш": "s", "щ": "sc", "ю": "u",
             "я": "a", "ё": "e"}, {"ый": "yj", "ий": "ij", "ой": "oj"}),
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяъь")


def romanise(text: str, scheme: str) -> str:
    """``text`` (Cyrillic) in Latin letters by ``scheme``; BGN's ye for е at a word's start
    or after a vowel; capitals kept as the text has them (a word in capitals stays so)."""
    letters, endings = SCHEMES[scheme]
    table = _BASE_TABLE | letters

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        out, stop = [], len(low)
        tail = ""
        for end, spelt in endings.items():
            if low.endswith(end) and len(low) > 3:  # noqa: PLR2004
                tail, stop = spelt, len(low) - 2
                break
        for i, ch in enumerate(low[:stop]):
            if scheme == "bgn" and ch == "е" and (i == 0 or low[i - 1] in _VOWELS):
                out.append("ye")
            else:
                out.append(table.get(ch, ch))
        latin = "".join(out) + tail
        if w.isupper():
            return latin.upper()
        return latin[:1].upper() + latin[1:] if w[:1].isupper() else latin

    return re.sub(r"[а-яёА-ЯЁ]+", word, text)


def _case(text: str, rng: random.Random) -> str:
    return text.upper() if rng.random() < 0.6 else text.title()  # noqa: PLR2004


def _vocabulary(lists: bd.Lists) -> set[str]:
    """Every word of every listed name, lower case, and of its Cyrillic ones romanised."""
    words: set[str] = set()
    for entity in lists.entities:
        for name in entity.names:
            low = name.full.lower()
            words.update(re.findall(r"\w+", low))
            if re.search("[а-яё]", low):
                for scheme in SCHEMES:
                    words.update(re.findall(r"\w+", romanise(low, scheme)))
    return words


def _near(word: str, vocab: set[str]) -> bool:
    """Is ``word`` a listed word, or one letter off one (dropped, added or changed)?"""
    if word in vocab:
        return True
    for i in range(len(word) + 1):
        if i < len(word) and word[:i] + word[i + 1 :] in vocab:
            return True
        for ch in _ALPHABET:
            if word[:i] + ch + word[i:] in vocab:
                return True
            if i < len(word) and word[:i] + ch + word[i + 1 :] in vocab:
                return True
    return False


_ALPHABET = "abcdefghijklmnopqrstuvwxyz" + _LOWER


def distinctive_words(lists: bd.Lists) -> list[str]:
    """The words of :data:`DISTINCTIVE` that no listed name writes, in Cyrillic or in any of
    :data:`SCHEMES` (nor one letter off)."""
    vocab = _vocabulary(lists)
    return [w for w in DISTINCTIVE
            if not any(_near(form, vocab) for form in
                       (w, *(romanise(w, s) for s in SCHEMES)))]  # fmt: skip


def ru_generic_name(words: Sequence[str], rng: random.Random) -> str:
    """A name of a legal form, a kind of :data:`KINDS` and a distinctive word of ``words``, in
    Cyrillic (a quarter) or by one of :data:`SCHEMES`, the form first or last."""
    kind = rng.choice(KINDS)[0]
    legal = rng.choice(LEGAL)
    own = rng.choice(words)
    own = own[:1].upper() + own[1:]
    body = f"{kind[:1].upper()}{kind[1:]} {own}"
    if rng.random() < 0.25:  # noqa: PLR2004
        quoted = f"{kind} «{own}»" if rng.random() < 0.5 else body  # noqa: PLR2004
        return f"{legal} {quoted}".strip()
    scheme = rng.choice(list(SCHEMES))
    latin = _case(romanise(body, scheme), rng)
    if rng.random() < 0.3:  # noqa: PLR2004
        latin = latin.replace("-", " ")
    form = rng.choice(LEGAL_LATIN[legal])
    if not form:
        return latin
    return f"{form} {latin}" if rng.random() < 0.7 else f"{latin}, {form}"  # noqa: PLR2004


def unlisted_generic(lists: bd.Lists, count: int, seed: int) -> list[bd.ListCase]:
    """``count`` names of :func:`ru_generic_name` (repeats and namesakes left out)."""
    rng = random.Random(seed)
    words = distinctive_words(lists)
    texts = list(dict.fromkeys(ru_generic_name(words, rng) for _ in range(count)))
    raw = [{"name": t, "type": "organization", "locale": "ru_generic"} for t in texts]
    cases, _dropped = bd.unlisted_cases(raw, lists)
    return [bd.ListCase(N_RU_GENERIC, c.query, frozenset(), c.source) for c in cases
            if c.note != bd.NAMESAKE]  # fmt: skip


# -- the positive twin ------------------------------------------------------------------------
def _kind_words() -> dict[str, dict[str, str]]:
    """Each Cyrillic kind word -> its spelling per scheme (lower case)."""
    out: dict[str, dict[str, str]] = {}
    for kind, _ in KINDS:
        for word in re.findall(r"[а-яё]+", kind):
            out[word] = {s: romanise(word, s) for s in SCHEMES}
    return out


_KIND_WORDS = _kind_words()
# (a spelling English writes too, "holding", is no sign of a Russian name: not looked for)
_SPELLING = {latin: word for word, by in _KIND_WORDS.items() for latin in by.values()
             if latin not in ("holding", "kompleks")}  # fmt: skip
_NOT_RUSSIAN = re.compile("[іїєґўІЇЄҐЎ]")  # (Ukrainian and Belarusian letters)


def _respelt(text: str, rng: random.Random) -> str | None:
    """``text`` (Latin) with its kind words in another scheme's spelling, None without any."""
    changed = False

    def one(m: re.Match[str]) -> str:
        nonlocal changed
        w = m.group(0)
        word = _SPELLING.get(w.lower())
        if word is None:
            return w
        other = [v for v in _KIND_WORDS[word].values() if v != w.lower()]
        if not other:
            return w
        changed = True
        new = rng.choice(other)
        return new.upper() if w.isupper() else (new.title() if w[:1].isupper() else new)

    out = re.sub(r"[A-Za-z]+", one, text)
    return out if changed else None


def _translated(text: str) -> str | None:
    """``text`` (Latin) with the first kind it writes, in any scheme, in English."""
    for kind, english in sorted(KINDS, key=lambda k: -len(k[0])):
        words = re.findall(r"[а-яё]+", kind)
        for scheme in SCHEMES:
            pattern = r"[\s-]+".join(re.escape(romanise(w, scheme)) for w in words)
            m = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
            if m:
                eng = english.upper() if m.group(0).isupper() else english
                return text[: m.start()] + eng + text[m.end() :]
    return None


def w_ru_generic(entity: Entity, rng: random.Random) -> str | None:
    """A listed organisation's name with its kind words written another way (see above)."""
    if entity.schema is not Schema.ORGANIZATION:
        return None
    latin, cyrillic = [], []
    for name in entity.names:
        if name.weak:
            continue
        if re.search("[а-яёА-ЯЁ]", name.full):
            words = re.findall(r"[а-яё]+", name.full.lower())
            if not _NOT_RUSSIAN.search(name.full) and any(w in _KIND_WORDS for w in words):
                cyrillic.append(name.full)
        elif any(w.lower() in _SPELLING for w in re.findall(r"[A-Za-z]+", name.full)):
            latin.append(name.full)
    if not latin and not cyrillic:
        return None
    if cyrillic and (not latin or rng.random() < 0.3):  # noqa: PLR2004
        return romanise(rng.choice(cyrillic), rng.choice(list(SCHEMES)))
    text = rng.choice(latin)
    if rng.random() < 0.4:  # noqa: PLR2004
        return _translated(text) or _respelt(text, rng)
    return _respelt(text, rng)


CLASSES = {"w-ru-generic": w_ru_generic}
