"""Persons' names as writers of other languages and offices write them (issue 11, h187).

For ``bench_wild``: classes of real-world variation in listed persons' names that no other
generator makes (``bench_variants``, ``bench_classes``, ``cjk_writers``, ``wild_*``):

- ``w-turkish-person``: a Turkish name with its letters as a Turkish writer types them ("ŞÜKRÜ
  KILIÇ", "İsmail" for ISMAIL, dotless ı), or spelt out the English or German way ("Kilich",
  "Oeztuerk", "Schahin");
- ``w-persian``: a Persian name's parts written another usual way: -zadeh / -zade / -zada,
  -pour / -pur / -poor (run on or apart), the -i / -ei / -ai nisba ("Rezaei" / "Rezai" /
  "Rezayi", "Ahmadi" / "Ahmady"), "Seyed" / "Sayyed" / "Sayed" / "Syed" respelt or dropped,
  a compound given name run together ("Mohammadreza", "Gholamhossein");
- ``w-afghan``: Afghan and Pakistani honorifics and name words: "Mullah", "Haji", "Qari",
  "Maulavi" / "Mawlawi" / "Molvi" dropped, respelt or added; "Khan" / "Jan" / "Gul" added
  after the name or dropped from its end;
- ``w-ru-initials``: a Russian-style person (a patronymic listed) as offices write them: the
  family name and the initials ("Sidorov I.P.", "SIDOROV I. P.", "I.P. Sidorov");
- ``w-patronymic``: a patronymic spelt another way ("-ovitch", "-owitsch", "-ievich",
  "-evna" / "-yevna") or added where the list has none ("Sergey Viktorovich Lavrov");
- ``w-cantonese``: a Chinese person's family name in Cantonese (Hong Kong) romanisation
  rather than pinyin and back ("Chan" / CHEN, "Wong" / HUANG, "Cheung" / ZHANG, "Lee" / LI);
- ``w-given-compound``: a hyphenated given name run together, cut to its first part or
  written as initials ("Jeanpierre", "Jean", "J.-P." for Jean-Pierre);
- ``w-typo2``: two typing slips in a long name, in different words: a key next to the right
  one on a QWERTY keyboard, two letters swapped.

Must-not-alert (``NEGATIVES``): unlisted Faker names with the same decorations.

Not made: Portuguese / Brazilian double family names and "Filho" / "Neto", Vietnamese names
with diacritics: the lists hold almost no such person (BR 4, PT 3, VN 2 of 11,117).

Every table here is this file's own, written from general knowledge, never the matcher's:
the benchmark must not test the engine against its own data.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench_variants import is_latin, natural, person_parts

from clearance.matching.normalize import fold
from clearance.matching.syllables import syllable_name
from clearance.model import Entity, Name, Schema

Gen = Callable[[Entity, random.Random], "str | None"]
Decorate = Callable[[str, bool, random.Random], "str | None"]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _countries(entity: Entity) -> set[str]:
    return {*entity.nationalities, *entity.citizenships, *entity.countries}


def _persons(entity: Entity) -> list[Name]:
    if entity.schema is not Schema.PERSON:
        return []
    return [n for n in entity.names if not n.weak and is_latin(n.full)]


def _choose(names: list[Name], rng: random.Random) -> Name:
    return names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004


def _cased(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _per_word(text: str, change: Callable[[str], str | None]) -> list[tuple[int, int, str]]:
    """Every word of ``text`` that ``change`` rewrites: (start, end, new word)."""
    out = []
    for m in _WORD.finditer(text):
        new = change(m.group())
        if new is not None and new != m.group():
            out.append((m.start(), m.end(), new))
    return out


def _apply_some(text: str, spots: list[tuple[int, int, str]], rng: random.Random,
                every: bool) -> str | None:  # fmt: skip
    """``text`` with every spot (or one, at random) rewritten."""
    if not spots:
        return None
    chosen = spots if every else [rng.choice(spots)]
    for start, end, new in sorted(chosen, reverse=True):
        text = text[:start] + new + text[end:]
    return text


# -- w-turkish-person ------------------------------------------------------------------------------
# Turkish name words as a Turkish writer spells them (the lists write them in ASCII).
TURKISH = {w.replace("ı", "i").translate(str.maketrans("şçğöü", "scgou")): w for w in """
    ömer şükrü kılıç öztürk gül güzel çağrı çakır çelik doğan özdemir şahin yılmaz yıldız
    yıldırım aydın özkan küçük büyük tuğrul uğur hüseyin özgür güneş koç öz uçar erdoğan özel
    ünal şevket şener şeker akın bülent ünsal gürbüz türkmen çetin coşkun çiftçi dağ dağlı
    karataş güler gündüz barış hüsnü lütfi şükran nurettin şerif aşkın gökhan gökçe göktürk
    doğru ağa ağaoğlu oğuz oğuzhan sönmez tülay ayşe fatoş gülşen çağlar kaçar kaçmaz kılınç
    köse kösem kürşat mümtaz nazım necdet öcal ömür özcan özgen özkök sağlam sarıkaya şimşek
    soysal süleyman taşkın tunç türk türkoğlu ümit üstün yağız yücel yüksel zübeyir aydoğan
    akgül akgündüz altıntaş arıkan aslantaş başaran bayraktar bilgiç bozkurt çalışkan çınar
    demirtaş düzgün erdoğdu gençer gürsoy hakkı ilkay kalkan karakuş kırmızı kızıl korkmaz
    kutluğ mıhçı müslüm öğüt özbek özdağ pınar sarı sevinç şenol şentürk sırrı tatlı tekgöz
    toprakçı uçkun ünlü yavuz yiğit zülfü çavuş çavuşoğlu güllü ışık ilkçağ kahraman ılıcak
    bayık çerkez çobanoğlu çulha doğruyol düzcan gülnihal gülşah gürleyen haşmet karayılan
    kıvırcık koçak kürşad kürşat mevlüt öztaş reşit rıza şanlı selçuk şengüler sıtkı türken
    yiğidoğlu fırat ağar çağlayan görmez gürsel kılıçdaroğlu
    """.split()}  # fmt: skip  # noqa: SIM905
_TR_UPPER = str.maketrans({"i": "İ", "ı": "I"})
# The same letters as an English and a German writer spell them out.
_TR_ENGLISH = {"ş": "sh", "ç": "ch", "ğ": "gh", "ı": "i", "ö": "o", "ü": "u"}
_TR_GERMAN = {"ş": "sch", "ç": "tsch", "ğ": "g", "ı": "i", "ö": "oe", "ü": "ue"}


def _turkish_cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.translate(_TR_UPPER).upper()
    if like[:1].isupper():
        return word[:1].translate(_TR_UPPER).upper() + word[1:]
    return word


def _turkish_word(word: str, style: str) -> str | None:
    """``word`` as a Turkish writer types it (its i upper-cased İ), or with the Turkish
    letters spelt out the English or German way."""
    turkish = TURKISH.get(word.lower())
    if turkish is None and any(c in "şğıŞĞİ" for c in word):
        turkish = word.lower().replace("i̇", "i")
    if turkish is None:
        return _turkish_cased(word.lower(), word) if style == "turkish" else None
    if style == "turkish":
        return _turkish_cased(turkish, word)
    table = _TR_ENGLISH if style == "english" else _TR_GERMAN
    return _cased("".join(table.get(c, c) for c in turkish), word)


def turkish(text: str, rng: random.Random) -> str | None:
    style = rng.choices(("turkish", "english", "german"), weights=(3, 1, 1))[0]
    out = _apply_some(text, _per_word(text, lambda w: _turkish_word(w, style)), rng, True)
    if out is None and style != "turkish":
        return turkish(text, rng)
    return out


def w_turkish(entity: Entity, rng: random.Random) -> str | None:
    if not {"TR", "AZ"} & _countries(entity):
        return None
    names = [n for n in _persons(entity)
             if _per_word(n.full, lambda w: _turkish_word(w, "turkish"))]  # fmt: skip
    if not names:
        return None
    return turkish(natural(entity, _choose(names, rng)), rng)


def turkish_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return turkish(text, rng) if person else None


# -- w-persian ------------------------------------------------------------------------------
_ZADEH = ("zadeh", "zade", "zada", "zadah")
_POUR = ("pour", "pur", "poor")
_SEYED = ("seyed", "seyyed", "sayed", "sayyed", "sayyid", "seyyid", "syed", "seied")
_AI = ("aei", "ayi", "aee", "ai")
_NISBA_MIN = 5
_VOWEL = "aeiou"
# Second words of Persian compound given names, written run together or apart.
_COMPOUND_SECOND = frozenset("""
    reza hossein hosein hussein hassan hasan ali mehdi mahdi javad jafar bagher baqer taghi
    taqi karim rahim amin sadegh sadeq ebrahim ismail esmail kazem kazim naser nasser
    """.split())  # fmt: skip  # noqa: SIM905
_COMPOUND_FIRST = frozenset("mohammad mohammed muhammad mohamad gholam qolam ali amir mir".split())  # noqa: SIM905


def _persian_word(word: str, rng: random.Random) -> str | None:
    low = word.lower()
    for group in (_ZADEH, _POUR):
        for end in group:
            if low.endswith(end) and len(low) > len(end) + 2:
                stem = word[: len(word) - len(end)]
                new = rng.choice([e for e in group if e != end])
                if rng.random() < 0.25:  # noqa: PLR2004
                    return f"{stem} {_cased(new, word)}"
                return stem + (new.upper() if word.isupper() else new)
    if low in _SEYED:
        return _cased(rng.choice([s for s in _SEYED if s != low]), word)
    return _nisba(word, rng)


def _nisba(word: str, rng: random.Random) -> str | None:
    """The -i ending written another usual way: "Rezaei" / "Rezai" / "Rezayi" / "Rezaee",
    "Ahmadi" / "Ahmady" / "Ahmadee"."""
    low = word.lower()
    if len(low) < _NISBA_MIN:
        return None
    new = None
    for end in _AI:
        if low.endswith(end):
            new = word[: len(word) - len(end)], rng.choice([e for e in _AI if e != end])
            break
    else:
        if low[-1] in "iy" and low[-2] not in _VOWEL + "y":
            new = word[:-1], rng.choice([e for e in ("i", "y", "ee") if e != low[-1]])
    if new is None:
        return None
    return new[0] + (new[1].upper() if word.isupper() else new[1])


def persian(text: str, rng: random.Random) -> str | None:
    words = text.split()
    for i in range(len(words) - 1):
        first, second = words[i].lower(), words[i + 1].lower()
        if first in _COMPOUND_FIRST and second in _COMPOUND_SECOND and rng.random() < 0.5:  # noqa: PLR2004
            joined = words[i] + (words[i + 1].lower() if not words[i].isupper() else words[i + 1])
            return " ".join([*words[:i], joined, *words[i + 2 :]])
    seyed = [i for i, w in enumerate(words) if w.lower() in _SEYED]
    if seyed and len(words) > 2 and rng.random() < 0.3:  # noqa: PLR2004
        return " ".join(w for i, w in enumerate(words) if i != seyed[0])
    return _apply_some(text, _per_word(text, lambda w: _persian_word(w, rng)), rng, False)


def w_persian(entity: Entity, rng: random.Random) -> str | None:
    if not {"IR", "AF", "TJ"} & _countries(entity):
        return None
    names = _persons(entity)
    if not names:
        return None
    return persian(natural(entity, _choose(names, rng)), rng)


def persian_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return persian(text, rng) if person else None


# -- w-afghan -------------------------------------------------------------------------------
_TITLES: tuple[tuple[str, ...], ...] = (
    ("mullah", "mulla", "mollah", "molla"), ("haji", "hajji", "alhaj", "al-haj", "hadji"),
    ("qari", "qary", "kari"), ("maulavi", "mawlawi", "maulvi", "molvi", "mowlawi", "mawlavi",
                               "moulavi", "maulawi"),
    ("maulana", "mawlana", "moulana"), ("akhund", "akhundzada"), ("sayed", "sayyid", "syed"),
)  # fmt: skip
_TITLE_OF = {w: group for group in _TITLES for w in group}
_ENDINGS = ("Khan", "Jan", "Gul", "Khan", "Agha")


def afghan(text: str, rng: random.Random, allow_add: bool = True) -> str | None:
    words = text.split()
    titles = [i for i, w in enumerate(words) if w.lower().strip(".,") in _TITLE_OF]
    ends = [i for i, w in enumerate(words) if w.lower() in ("khan", "jan", "gul") and i > 0]
    options = []
    if titles and len(words) > 2:  # noqa: PLR2004
        options += ["drop", "respell"]
    elif titles:
        options.append("respell")
    if ends and len(words) > 2 and ends[-1] == len(words) - 1:  # noqa: PLR2004
        options.append("drop-end")
    if allow_add and not titles:
        options.append("add-title")
    if allow_add and not ends:
        options.append("add-end")
    if not options:
        return None
    how = rng.choice(options)
    if how == "drop":
        return " ".join(w for i, w in enumerate(words) if i != titles[0])
    if how == "respell":
        i = titles[0]
        group = _TITLE_OF[words[i].lower().strip(".,")]
        new = rng.choice([w for w in group if w != words[i].lower().strip(".,")])
        return " ".join([*words[:i], _cased(new, words[i]), *words[i + 1 :]])
    if how == "drop-end":
        return " ".join(words[:-1])
    if how == "add-title":
        new = rng.choice(rng.choice(_TITLES[:5]))
        return f"{_cased(new, words[0])} {text}"
    return f"{text} {_cased(rng.choice(_ENDINGS).lower(), words[-1])}"


def w_afghan(entity: Entity, rng: random.Random) -> str | None:
    if not {"AF", "PK"} & _countries(entity):
        return None
    names = [n for n in _persons(entity) if len(n.full.split()) >= 2]  # noqa: PLR2004
    if not names:
        return None
    return afghan(natural(entity, _choose(names, rng)), rng)


def afghan_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return afghan(text, rng) if person else None


# -- w-ru-initials, w-patronymic ------------------------------------------------------------
_PATRONYMIC = re.compile(
    r"(ovich|evich|yevich|ievich|ich|ovna|evna|yevna|ievna|ichna|inichna)$", re.IGNORECASE
)
_RU_COUNTRIES = frozenset({"RU", "BY", "UA", "KZ", "KG", "UZ", "TJ", "MD", "AM", "AZ", "GE"})
_PATRONYMIC_SPELT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("yevich", ("evich", "ievich", "jewitsch", "ievitch")),
    ("ievich", ("yevich", "evich")),
    ("evich", ("yevich", "ievich", "ewitsch", "evitch")),
    ("ovich", ("ovitch", "owitsch", "ovic", "ovych")),
    ("yevna", ("evna", "ievna", "jewna")), ("ievna", ("yevna", "evna")),
    ("evna", ("yevna", "ievna", "ewna")), ("ovna", ("owna", "ivna")),
)  # fmt: skip
# Fathers' names a patronymic is made from (its male and female forms).
_FATHERS = ("Ivanovich", "Petrovich", "Sergeyevich", "Aleksandrovich", "Vladimirovich",
            "Nikolayevich", "Viktorovich", "Mikhaylovich", "Yuryevich", "Anatolyevich",
            "Vasilyevich", "Borisovich", "Valeryevich", "Gennadyevich", "Igorevich")  # fmt: skip


def _female(patronymic: str) -> str:
    return re.sub(r"ich$", "na", re.sub(r"(ov|ev)ich$", r"\1na", patronymic))


_MEN_IN_A = frozenset("ilya ilia nikita foma kuzma savva luka danila gavrila".split())  # noqa: SIM905


def _woman(given: str, family: str) -> bool:
    """A woman's name by its Russian endings (given -a / -ya, family -a / -aya)."""
    low = given.lower()
    return (
        low.endswith("a")
        and low not in _MEN_IN_A
        or family.lower().endswith(("ova", "eva", "ina", "aya"))
    )


def _ru_parts(entity: Entity, name: Name) -> tuple[list[str], list[str]] | None:
    parts = person_parts(name)
    if parts is None or len(parts[1]) != 1 or not parts[0]:
        return None
    if any(not w.replace("-", "").isalpha() for w in parts[0] + parts[1]):
        return None
    return parts


def _with_patronymic(entity: Entity) -> list[tuple[list[str], list[str]]]:
    out = []
    for name in _persons(entity):
        parts = _ru_parts(entity, name)
        if parts and len(parts[0]) == 2 and _PATRONYMIC.search(parts[0][1]):  # noqa: PLR2004
            out.append(parts)
    return out


def ru_initials(given: list[str], family: str, rng: random.Random) -> str:
    family = family.capitalize() if rng.random() < 0.5 else family.upper()  # noqa: PLR2004
    letters = [w[0].upper() for w in given]
    sep = rng.choice((".", ". "))
    initials = sep.join(letters) + "."
    if rng.random() < 0.7:  # noqa: PLR2004
        return f"{family} {initials}".strip()
    return f"{initials} {family}"


def w_ru_initials(entity: Entity, rng: random.Random) -> str | None:
    names = _with_patronymic(entity)
    if not names:
        return None
    given, family = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return ru_initials(given, family[0], rng)


def _respelt_patronymic(word: str, rng: random.Random) -> str | None:
    low = word.lower()
    for end, others in _PATRONYMIC_SPELT:
        if low.endswith(end):
            new = rng.choice(others)
            return word[: len(word) - len(end)] + (new.upper() if word.isupper() else new)
    return None


def w_patronymic(entity: Entity, rng: random.Random) -> str | None:
    """A listed patronymic respelt, or one added to a Russian-speaking person listed without."""
    if not _RU_COUNTRIES & _countries(entity):
        return None
    with_p = _with_patronymic(entity)
    if with_p:
        given, family = with_p[0] if rng.random() < 0.7 else rng.choice(with_p)  # noqa: PLR2004
        new = _respelt_patronymic(given[1], rng)
        return " ".join([given[0], new, family[0]]) if new else None
    plain = [p for n in _persons(entity) if (p := _ru_parts(entity, n)) and len(p[0]) == 1]
    if not plain:
        return None
    given, family = plain[0]
    father = rng.choice(_FATHERS)
    if _woman(given[0], family[0]):
        father = _female(father)
    return " ".join([given[0], _cased(father.lower(), given[0]), family[0]])


def patronymic_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted person's name with a patronymic added, or as family name and initials."""
    words = text.split()
    if not person or len(words) != 2 or not all(w.isalpha() for w in words):  # noqa: PLR2004
        return None
    father = rng.choice(_FATHERS)
    if _woman(words[0], words[1]):
        father = _female(father)
    if rng.random() < 0.5:  # noqa: PLR2004
        return ru_initials([words[0], father], words[1], rng)
    return f"{words[0]} {_cased(father.lower(), words[0])} {words[1]}"


# -- w-cantonese ----------------------------------------------------------------------------
# A family name's pinyin and its Cantonese (Hong Kong) romanisations.
CANTONESE: dict[str, tuple[str, ...]] = {
    "chen": ("chan",), "huang": ("wong",), "wang": ("wong",), "zhang": ("cheung",),
    "li": ("lee",), "he": ("ho",), "zeng": ("tsang",), "wu": ("ng", "woo"), "liu": ("lau",),
    "lin": ("lam",), "zhou": ("chow",), "xu": ("hui", "tsui"), "guo": ("kwok",),
    "liang": ("leung",), "luo": ("law", "lo"), "deng": ("tang",), "ye": ("yip",),
    "cai": ("choi", "tsoi"), "yang": ("yeung",), "zhao": ("chiu",), "lu": ("lo", "luk"),
    "hu": ("wu",), "zheng": ("cheng",), "xie": ("tse",), "feng": ("fung",), "tang": ("tong",),
    "song": ("sung",), "zhu": ("chu",), "mai": ("mak",), "cao": ("tso",), "peng": ("pang",),
    "pan": ("poon",), "du": ("to",), "su": ("so",), "jiang": ("keung", "tseung"),
    "wei": ("ngai",), "kong": ("hung",), "gao": ("ko",), "ma": ("ma",), "yu": ("yue", "yu"),
    "qiu": ("yau",), "shi": ("sze",), "yuan": ("yuen",), "zhong": ("chung",), "fang": ("fong",),
    "tian": ("tin",), "lai": ("lai",), "mo": ("mok",), "mei": ("mui",), "situ": ("szeto",),
}  # fmt: skip
PINYIN = {c: p for p, cs in CANTONESE.items() for c in cs if c != p}
_CHINESE = frozenset({"CN", "HK", "TW", "MO"})


def cantonese(given: list[str], family: str, rng: random.Random, comma: bool) -> str | None:
    low = family.lower()
    others = [c for c in CANTONESE.get(low, ()) if c != low] or (
        [PINYIN[low]] if low in PINYIN else []
    )
    if not others:
        return None
    new = _cased(rng.choice(others), family)
    if comma:
        return f"{new}, {' '.join(given)}"
    return " ".join([*given, new]) if rng.random() < 0.5 else " ".join([new, *given])  # noqa: PLR2004


def w_cantonese(entity: Entity, rng: random.Random) -> str | None:
    if not _CHINESE & _countries(entity):
        return None
    names = []
    for name in _persons(entity):
        parts = person_parts(name)
        if parts and len(parts[1]) == 1 and parts[1][0].lower() in {*CANTONESE, *PINYIN}:
            names.append((name, parts))
    if not names:
        return None
    name, (given, family) = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return cantonese(given, family[0], rng, "," in name.full and rng.random() < 0.5)  # noqa: PLR2004


def cantonese_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if not person or len(words) < 2:  # noqa: PLR2004
        return None
    if words[0].lower() in {*CANTONESE, *PINYIN}:
        return cantonese(words[1:], words[0], rng, False)
    return cantonese(words[:-1], words[-1], rng, False) if words[-1].lower() in {
        *CANTONESE, *PINYIN} else None  # fmt: skip


# -- w-given-compound -----------------------------------------------------------------------
_ARABIC_PARTS = frozenset("""
    abd abdul abdel abdal abdou abdu abu abou umm al el ul ud ad ed eddin eddine din uddin
    addin allah ullah ollah illah
    """.split())  # fmt: skip  # noqa: SIM905


def given_compound(given: list[str], family: list[str], rng: random.Random) -> str | None:
    """The first given name, when hyphenated ("Jean-Pierre", not an Arabic compound nor a
    Chinese or Korean name's syllables), run together, cut to its first part or as initials."""
    if not re.fullmatch(r"[^\W\d_]{3,}-[^\W\d_]{3,}", given[0]):
        return None
    i = 0
    first, second = given[i].split("-")
    if {first.lower(), second.lower()} & _ARABIC_PARTS or syllable_name(
        (fold(first), fold(second))
    ):
        return None
    how = rng.choice(("joined", "joined", "first", "first", "initials"))
    if how == "joined":
        new = first + (second if given[i].isupper() else second.lower())
    elif how == "first":
        new = first
    else:
        new = f"{first[0]}.-{second[0]}."
    return " ".join([*given[:i], new, *given[i + 1 :], *family])


def _syllables(entity: Entity) -> bool:
    """A Chinese or Korean name, whose hyphenated given name is its syllables."""
    return bool({"CN", "HK", "TW", "MO", "KP", "KR", "SG"} & _countries(entity))


def w_given_compound(entity: Entity, rng: random.Random) -> str | None:
    if _syllables(entity):
        return None
    names = [(n, p) for n in _persons(entity) if (p := person_parts(n)) and "-" in p[0][0]]
    if not names:
        return None
    _name, (given, family) = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return given_compound(given, family, rng)


def given_compound_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if not person or len(words) < 2:  # noqa: PLR2004
        return None
    return given_compound(words[:-1], words[-1:], rng)


# -- w-typo2 --------------------------------------------------------------------------------
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    out: dict[str, str] = {}
    for r, row in enumerate(_ROWS):
        for c, key in enumerate(row):
            near = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
            for other in (r - 1, r + 1):
                if 0 <= other < len(_ROWS):
                    near += [_ROWS[other][k] for k in (c - 1, c, c + 1)
                             if 0 <= k < len(_ROWS[other])]  # fmt: skip
            out[key] = "".join(n for n in near if n)
    return out


NEIGHBOURS = _neighbours()
_TYPO_LETTERS = 14
_TYPO_WORD = 5


def _slip(word: str, rng: random.Random, how: str) -> str:
    if how == "swap":
        pos = rng.randrange(1, len(word) - 2)
        return word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
    pos = rng.randrange(1, len(word))
    near = NEIGHBOURS.get(word[pos].lower())
    if not near:
        return word
    key = rng.choice(near)
    return word[:pos] + (key.upper() if word[pos].isupper() else key) + word[pos + 1 :]


def typo2(text: str, rng: random.Random) -> str | None:
    """Two slips (a neighbouring key, two letters swapped) in two different long words; not
    the first letter (people rarely miss it)."""
    words = text.split(" ")
    if sum(c.isalpha() for c in text) < _TYPO_LETTERS:
        return None
    options = [i for i, w in enumerate(words) if len(w) >= _TYPO_WORD and w.isalpha()]
    if len(options) < 2:  # noqa: PLR2004
        return None
    for i, how in zip(rng.sample(options, 2), rng.sample(("near", "swap", "near"), 2),
                      strict=True):  # fmt: skip
        words[i] = _slip(words[i], rng, how)
    out = " ".join(words)
    return out if out.lower() != text.lower() else None


def w_typo2(entity: Entity, rng: random.Random) -> str | None:
    names = _persons(entity)
    if not names:
        return None
    return typo2(natural(entity, _choose(names, rng)), rng)


def typo2_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return typo2(text, rng) if person else None


CLASSES: dict[str, Gen] = {
    "w-turkish-person": w_turkish, "w-persian": w_persian, "w-afghan": w_afghan,
    "w-ru-initials": w_ru_initials, "w-patronymic": w_patronymic, "w-cantonese": w_cantonese,
    "w-given-compound": w_given_compound, "w-typo2": w_typo2,
}  # fmt: skip
NEGATIVES: dict[str, Decorate] = {
    "n-turkish-person": turkish_unlisted, "n-persian": persian_unlisted,
    "n-afghan": afghan_unlisted,
    "n-patronymic": patronymic_unlisted, "n-cantonese": cantonese_unlisted,
    "n-given-compound": given_compound_unlisted, "n-typo2": typo2_unlisted,
}  # fmt: skip
