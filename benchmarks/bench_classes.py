"""Generators for the failure classes of matching round two, seeded and reproducible.

Each generator takes a listed entity and a random source and returns a query text (or ``None``
when the class does not apply to that entity), like the generators of :mod:`bench_variants`.
``NEGATIVE`` generators make queries that must NOT alert on the entity they came from (a
different party that shares part of the name).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

import icu
from bench_arabic import c_arabic_script_query
from bench_variants import _RU_DIGRAPHS, is_latin, natural, person_parts

from clearance.model import Entity, Schema

_LATIN_CYRILLIC = icu.Transliterator.createInstance("Latin-Cyrillic")


def _icu(rule: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(rule)


def _strong_latin(entity: Entity) -> list[str]:
    return [n.full for n in entity.names if not n.weak and is_latin(n.full)]


def _name(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    if not names:
        return None
    name = names[0] if rng.random() < 0.7 else rng.choice(names)
    return natural(entity, name)


# -- 1. trailing places and qualifiers ------------------------------------------------------
_PLACES = {
    "RU": ("Moscow, Russia", "Moscow", "St. Petersburg, Russian Federation", "Russia"),
    "IR": ("Tehran, Iran", "Tehran", "Iran"), "SY": ("Damascus, Syria", "Syria"),
    "KP": ("Pyongyang", "North Korea"), "CN": ("Beijing, China", "Shanghai", "China"),
    "AE": ("Dubai, UAE", "Dubai", "United Arab Emirates"), "TR": ("Istanbul, Turkey",),
    "SK": ("Bratislava, Slovakia", "Slovakia"), "BY": ("Minsk, Belarus", "Belarus"),
    "UA": ("Kyiv, Ukraine", "Ukraine"), "LB": ("Beirut, Lebanon",), "IQ": ("Baghdad, Iraq",),
    "AL": ("Tirana, Albania",), "HK": ("Hong Kong",), "VE": ("Caracas, Venezuela",),
}  # fmt: skip
_ANY_PLACE = ("Moscow", "Dubai", "Hong Kong", "Istanbul", "Cyprus", "London, UK", "Tehran")
_COUNTRY_WORDS = {
    "RU": "Russia",
    "SK": "Slovakia",
    "AL": "Albania",
    "AE": "UAE",
    "CN": "China",
    "IR": "Iran",
    "SY": "Syria",
    "TR": "Turkey",
    "BY": "Belarus",
    "LB": "Lebanon",
}


def c_place_suffix(entity: Entity, rng: random.Random) -> str | None:
    """ ", Moscow, Russia", "(Slovakia)", "(Albania Branch)", "c/o …", "Branch Office in …"."""
    if entity.schema not in (Schema.ORGANIZATION, Schema.PERSON):
        return None
    text = _name(entity, rng)
    if text is None:
        return None
    places = [p for c in entity.countries for p in _PLACES.get(c, ())] or list(_ANY_PLACE)
    place = rng.choice(places)
    country = next((_COUNTRY_WORDS[c] for c in entity.countries if c in _COUNTRY_WORDS), "Iran")
    if entity.schema is Schema.PERSON:
        style = rng.choice(("comma", "paren", "co", "resident"))
    else:
        style = rng.choice(("comma", "paren", "branch", "office", "co"))
    if style == "comma":
        return f"{text}, {place}"
    if style == "paren":
        return f"{text} ({place.split(', ')[-1]})"
    if style == "branch":
        return f"{text} ({country} Branch)"
    if style == "office":
        return f"{text} Branch Office in {place.split(', ')[0]}"
    if style == "resident":
        return f"{text}, resident of {place}"
    return f"{text} c/o {rng.choice(('Sberbank', 'Emirates NBD', 'Hassan Trading'))}"


# -- 2. passport and other transliterations of Russian/Ukrainian/Belarusian names -----------
_COMMON = dict(zip("абвгдзклмнопрстуф", "abvgdzklmnoprstuf", strict=True))
_SCHEMES: dict[str, dict[str, str]] = {
    "icao": {**_COMMON, "е": "e", "ё": "e", "ж": "zh", "и": "i", "й": "i", "х": "kh", "ц": "ts",
             "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e",
             "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u"},
    "gost": {**_COMMON, "е": "e", "ё": "yo", "ж": "zh", "и": "i", "й": "j", "х": "x", "ц": "cz",
             "ч": "ch", "ш": "sh", "щ": "shh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
             "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u"},
    "german": {**_COMMON, "в": "w", "е": "e", "ё": "jo", "ж": "sch", "з": "s", "и": "i",
               "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "",
               "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "с": "s", "і": "i", "ї": "ji",
               "є": "je", "ґ": "g", "ў": "w"},
    "french": {**_COMMON, "е": "e", "ё": "io", "ж": "j", "и": "i", "й": "i", "х": "kh",
               "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "",
               "э": "e", "у": "ou", "ю": "iou", "я": "ia", "і": "i", "ї": "i", "є": "ie",
               "ґ": "g", "ў": "ou"},
}  # fmt: skip
_BGN = {
    "ru": _icu("Russian-Latin/BGN; Latin-ASCII"),
    "uk": _icu("Ukrainian-Latin/BGN; Latin-ASCII"),
    "be": _icu("Belarusian-Latin/BGN; Latin-ASCII"),
}
_SLAVIC = re.compile(r"(ovich|evich|ovna|evna|ov|ev|in|ina|ova|eva|sky|skiy|skii|enko|uk)$", re.I)


def _cyrillic_of(entity: Entity, rng: random.Random) -> str | None:
    cyr = [n.full for n in entity.names if not n.weak and any("Ѐ" <= c <= "ӿ" for c in n.full)]
    if cyr:
        return rng.choice(cyr)
    text = _name(entity, rng)
    if text is None or not any(_SLAVIC.search(w) for w in text.split()):
        return None
    if not (set(entity.countries) & {"RU", "UA", "BY"}) and not any(
        w.lower().endswith(("ovich", "evich", "ovna", "evna")) for w in text.split()
    ):
        return None
    cyr_text = _LATIN_CYRILLIC.transliterate(_RU_DIGRAPHS.transliterate(text.lower()))
    return str(cyr_text).title()


def _apply_scheme(text: str, scheme: dict[str, str]) -> str:
    """``text`` transliterated letter by letter; a capital's letters are all capitals in a
    word of capitals ("ПШЕНИЧНАЯ" -> "PSHENICHNAIA", as a passport or a writer has it; not
    "PShENIChNAIa", which no writer produces: h124), the first of them in a word's first
    capital ("Шугаев" -> "Shugaev")."""
    out: list[str] = []
    for i, char in enumerate(text):
        low = char.lower()
        mapped = scheme.get(low)
        if mapped is None:
            out.append(char)
        elif char == low:
            out.append(mapped)
        else:
            near = text[i - 1 : i] + text[i + 1 : i + 2]
            capitals = any(c.isalpha() and c.isupper() for c in near)
            out.append(mapped.upper() if capitals else mapped.capitalize())
    return "".join(out)


def c_passport(entity: Entity, rng: random.Random) -> tuple[str, str] | None:
    """The Cyrillic name (published, or as a Russian writer spells the Latin one) written in
    ICAO 9303 (passports since 2013), GOST 7.79, BGN/PCGN, or German/French spellings."""
    if entity.schema is not Schema.PERSON:
        return None
    cyr = _cyrillic_of(entity, rng)
    if cyr is None:
        return None
    scheme = rng.choice(("icao", "icao", "gost", "bgn", "german", "french"))
    if scheme == "bgn":
        lang = "uk" if any(c in "іїєґІЇЄҐ" for c in cyr) else "be" if "ў" in cyr.lower() else "ru"
        return str(_BGN[lang].transliterate(cyr)), scheme
    return _apply_scheme(cyr, _SCHEMES[scheme]), scheme


# -- 3. Arabic name spelling families -------------------------------------------------------
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("ali", "aly", "alee"), ("nur", "noor", "nour"), ("abdul", "abdel", "abd-el", "abd al"),
    ("yusuf", "yousef", "youssef", "yousif", "yusef"), ("hasan", "hassan"),
    ("husayn", "hussein", "husain", "hussain", "hossein"),
    ("muhammad", "mohammed", "mohamed", "mohamad", "mohammad"), ("ahmad", "ahmed"),
    ("mahmud", "mahmoud"), ("abdullah", "abdallah"), ("usama", "osama"), ("umar", "omar"),
    ("uthman", "osman", "othman"), ("jafar", "jaafar"), ("said", "saeed", "sayed", "saiid"),
    ("rashid", "rasheed"), ("hamid", "hameed"), ("karim", "kareem"), ("majid", "majeed"),
    ("khalid", "khaled"), ("fahd", "fahad"), ("faisal", "faysal", "feisal"),
    ("sulaiman", "suleiman", "sulayman"), ("ibrahim", "ebrahim"), ("ismail", "ismael"),
    ("musa", "moussa", "mousa"), ("isa", "issa"), ("yahya", "yahia"), ("zayd", "zaid", "zeid"),
    ("abu", "abou"), ("bin", "ben", "ibn"), ("salih", "saleh"), ("aziz", "azeez"),
    ("mustafa", "mustapha", "moustafa"), ("abbas", "abas"), ("nasir", "nasser", "naser"),
)  # fmt: skip
_FAMILY_OF = {w: fam for fam in _FAMILIES for w in fam}
_SUFFIXES = ("eddine", "uddin", "ud-din", "addin", "eddin")
_SUFFIX = re.compile(r"(eddine|uddin|ud-din|addin|eddin)$")


def _arabic_word(word: str, rng: random.Random) -> str | None:
    low = word.lower()
    fam = _FAMILY_OF.get(low)
    if fam is not None:
        return rng.choice([w for w in fam if w != low])
    if _SUFFIX.search(low):
        return _SUFFIX.sub(rng.choice(_SUFFIXES), low)
    return None


def _vowel_length(word: str, rng: random.Random) -> str | None:
    low = word.lower()
    doubled = [i for i in range(len(low) - 1) if low[i] == low[i + 1]]
    if doubled:
        i = rng.choice(doubled)
        return low[:i] + low[i + 1 :]
    vowels = [i for i, c in enumerate(low) if c in "aiu" and 0 < i < len(low) - 1]
    if not vowels or len(low) < 4:
        return None
    i = rng.choice(vowels)
    return low[:i] + {"a": "aa", "i": "ee", "u": "oo"}[low[i]] + low[i + 1 :]


def c_arabic_spelling(entity: Entity, rng: random.Random) -> str | None:
    """Aly/Ali, Noor/Nur, Abdel/Abdul, -eddine/-uddin, Yousef/Yusuf, Hassan/Hasan, vowel
    length and double letters, in names that hold such words."""
    if entity.schema is not Schema.PERSON:
        return None
    text = _name(entity, rng)
    if text is None:
        return None
    words = text.split()
    family = [i for i, w in enumerate(words) if _arabic_word(w, rng) is not None]
    if not family:
        return None
    respelt = rng.sample(family, min(len(family), rng.choice((1, 2))))
    for i in respelt:
        words[i] = _arabic_word(words[i], rng) or words[i]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        longer = _vowel_length(words[i], rng)
        # (Not on a word just respelt, nor three letters alike: no one writes Ali "Ale" as
        # ALEE shortened, nor "Yooosef", "Seeef"; a generator artefact, h132.)
        if longer is not None and i not in respelt and not _TRIPLE.search(longer):
            words[i] = longer
    return " ".join(w.title() if w.islower() else w for w in words)


_TRIPLE = re.compile(r"(.)\1\1")


# -- 4. legal forms with dots and spaces ----------------------------------------------------
_DOTTED: dict[str, tuple[str, ...]] = {
    "llc": ("L.L.C.", "L.L.C", "Sp. z o.o.", "S. de R.L.", "S.à r.l.", "S.R.L.", "Ltd. Şti."),
    "gmbh": ("G.M.B.H.", "G.m.b.H.", "Ges.m.b.H."),
    "jsc": ("J.S.C.", "A.O.", "A.Ş.", "S.p.A.", "A.D."), "sro": ("s.r.o.", "spol. s r.o."),
    "sa": ("S.A.", "S.A. DE C.V.", "S. A.", "S.A.S."), "fze": ("F.Z.E.", "F.Z.C.O.", "F.Z.C."),
    "ltd": ("Ltd.", "Co., Ltd.", "Pvt. Ltd."), "inc": ("Inc.", "Corp.", "Co."),
    "llp": ("L.L.P.",), "bv": ("B.V.", "N.V."), "plc": ("P.L.C.",),
    "other": ("S EN C.S.", "Tic. Ltd. Şti.", "S.p.A.", "S.à r.l.", "G.M.B.H.", "F.Z.E."),
}  # fmt: skip
_FORM_WORDS = {
    "llc": "llc", "ooo": "llc", "limited liability company": "llc", "gmbh": "gmbh",
    "jsc": "jsc", "ojsc": "jsc", "cjsc": "jsc", "pjsc": "jsc", "sro": "sro", "sa": "sa",
    "fze": "fze", "fzco": "fze", "ltd": "ltd", "limited": "ltd", "inc": "inc", "corp": "inc",
    "corporation": "inc", "llp": "llp", "bv": "bv", "plc": "plc", "co": "inc",
}  # fmt: skip


def _fold(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKD", word.casefold()))


def c_legal_dots(entity: Entity, rng: random.Random) -> str | None:
    """The listed legal form written with dots and spaces (G.M.B.H., F.Z.E., S.A. DE C.V.,
    Sp. z o.o., spol. s r.o., A.Ş., S.p.A., S.à r.l.); a name without one gains one."""
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = _strong_latin(entity)
    if not names:
        return None
    text = rng.choice(names)
    words = text.split()
    folded = [_fold(w) for w in words]
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        for at in (len(words) - size, 0):
            phrase = " ".join(folded[at : at + size])
            group = _FORM_WORDS.get(phrase)
            if group is not None:
                new = rng.choice(_DOTTED[group])
                return " ".join([*words[:at], new, *words[at + size :]])
    if len(words) < 2:
        return None
    return f"{text} {rng.choice(_DOTTED['other'])}"


# -- 5. Cyrillic company names: quotes, guillemets, form first ------------------------------
_CYR_FORMS = {
    "llc": ("ООО", "Общество с ограниченной ответственностью", "ТОВ"),
    "jsc": ("АО", "ОАО", "ЗАО", "ПАО", "Акционерное общество"),
    "llp": ("ТОО",),
}
_QUOTES = (("«", "»"), ("„", "“"), ('"', '"'), ("“", "”"))


def c_cyrillic_company(entity: Entity, rng: random.Random) -> str | None:
    """An organisation's name in Cyrillic with its form first and the name quoted:
    ООО «Верус», АО "Ромашка", ТОВ „Назва“ (published Cyrillic names are used as they are)."""
    if entity.schema is not Schema.ORGANIZATION:
        return None
    published = [n.full for n in entity.names if any("Ѐ" <= c <= "ӿ" for c in n.full)]
    open_q, close_q = rng.choice(_QUOTES)
    if published:
        text = rng.choice(published)
        if any(q in text for q in '«„"“'):
            return text
        words = text.split()
        forms = [f for fs in _CYR_FORMS.values() for f in fs]
        for form in forms:
            if text.upper().startswith(form.upper() + " "):
                return f"{form} {open_q}{text[len(form) + 1 :]}{close_q}"
        return f"{open_q}{text}{close_q}" if len(words) > 1 else None
    names = _strong_latin(entity)
    if not names or not (set(entity.countries) & {"RU", "UA", "BY", "KZ"}):
        return None
    words = names[0].split()
    folded = [_fold(w) for w in words]
    group = "llc"
    for size in (3, 2, 1):
        if len(words) > size and _FORM_WORDS.get(" ".join(folded[-size:])) in _CYR_FORMS:
            group = _FORM_WORDS[" ".join(folded[-size:])]
            words = words[:-size]
            break
        if len(words) > size and _FORM_WORDS.get(" ".join(folded[:size])) in _CYR_FORMS:
            group = _FORM_WORDS[" ".join(folded[:size])]
            words = words[size:]
            break
    body = _LATIN_CYRILLIC.transliterate(_RU_DIGRAPHS.transliterate(" ".join(words).lower()))
    return f"{rng.choice(_CYR_FORMS[group])} {open_q}{str(body).upper()}{close_q}"


# -- 6. scripts not yet read ----------------------------------------------------------------
# (ICU's Latin-Thai writes letters no Thai speller would: Thai names come from the lists.)
_INTO = {
    "hebrew": _icu("Latin-Hebrew"),
    "devanagari": _icu("Latin-Devanagari"),
    "ethiopic": _icu("Latin-Ethiopic"),
}
_NEW_SCRIPTS = ("ETHIOPIC", "HEBREW", "THAI", "DEVANAGARI", "MYANMAR")


def c_new_script(entity: Entity, rng: random.Random) -> tuple[str, str] | None:
    """A published name in Ethiopic, Hebrew, Thai, Devanagari or Burmese, else a person's
    Latin name written in one of them (ICU Latin-<script>)."""
    for name in entity.names:
        letters = [unicodedata.name(c, "") for c in name.full if c.isalpha()]
        for script in _NEW_SCRIPTS:
            if letters and letters[0].startswith(script):
                return name.full, script.lower()
    if entity.schema is not Schema.PERSON or rng.random() < 0.5:
        return None
    text = _name(entity, rng)
    if text is None:
        return None
    script = rng.choice(tuple(_INTO))
    return str(_INTO[script].transliterate(text.lower())), script


# -- 7. short names and codes ---------------------------------------------------------------
SLIP = "slip"
"""The note of a typing slip made in a listed name (:func:`c_short_code`): a slip that makes
another listed name exactly, as the engine reads both ("NIOC" for NICO: NIOC is the National
Iranian Oil Company's; "JSC IFP" for JSC IPF), is that name, not a variant of the first, and
the benchmark makes no case of it (``bench_heldout.generate``)."""


def c_short_code(entity: Entity, rng: random.Random) -> str | tuple[str, str] | None:
    """Aircraft tail numbers and vessel call signs as names ("EP-ICT" -> "EPICT", "EP ICT"),
    and one-letter typos in short organisation names (one or two words, 4-10 letters; noted
    :data:`SLIP`)."""
    # A weak a.k.a. ("AL-FATIH") is not screened alone (OFAC FAQ 122): not a code to alert on.
    # A person's name with its article ("EL-SABABT") is no code (a name run together is the
    # spacing class's).
    codes = [n.full for n in entity.names if not n.weak and entity.schema is not Schema.PERSON
             and re.fullmatch(r"[A-Z0-9]{1,4}-[A-Z0-9]{2,6}", n.full)]  # fmt: skip
    if codes:
        code = rng.choice(codes)
        return rng.choice((code.replace("-", ""), code.replace("-", " "), code.lower()))
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = [n for n in _strong_latin(entity) if 1 <= len(n.split()) <= 2]
    names = [n for n in names if 4 <= sum(c.isalpha() for c in n) <= 10]
    if not names:
        return None
    text = rng.choice(names)
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    i = rng.choice(letters[1:-1] or letters)
    op = rng.choice(("swap", "double", "drop"))
    if op == "swap" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :], SLIP
    if op == "double":
        return text[: i + 1] + text[i] + text[i + 1 :], SLIP
    return (text[:i] + text[i + 1 :], SLIP) if len(letters) > 5 else None


# -- 8. Korean and Chinese names in Cyrillic ------------------------------------------------
# Kontsevich (Korean -> Russian) for the Hangul jamo; Palladius (Chinese -> Russian) by pinyin.
_K_INIT = ["к", "кк", "н", "т", "тт", "р", "м", "п", "пп", "с", "сс", "", "ч", "чч", "чх", "кх",
           "тх", "пх", "х"]  # fmt: skip
_K_VOW = ["а", "э", "я", "йя", "о", "е", "ё", "йе", "о", "ва", "вэ", "ве", "ё", "у", "во", "ве",
          "ви", "ю", "ы", "ый", "и"]  # fmt: skip
_K_FIN = ["", "к", "к", "к", "н", "н", "н", "т", "ль", "к", "м", "ль", "ль", "ль", "п", "ль",
          "м", "п", "п", "т", "т", "н", "т", "т", "к", "т", "п", "т"]  # fmt: skip
_K_SURNAMES = {"김": "Ким", "이": "Ли", "리": "Ли", "박": "Пак", "최": "Цой", "정": "Чон",
               "조": "Чо", "강": "Кан", "윤": "Юн", "장": "Чан", "임": "Лим", "림": "Лим",
               "한": "Хан", "오": "О", "신": "Син", "권": "Квон", "황": "Хван", "안": "Ан",
               "송": "Сон", "류": "Рю", "홍": "Хон", "전": "Чон", "고": "Ко", "문": "Мун",
               "양": "Ян", "손": "Сон", "배": "Пэ", "백": "Пэк", "허": "Хо", "남": "Нам",
               "노": "Но", "로": "Ро", "하": "Ха", "주": "Чу", "차": "Ча"}  # fmt: skip


def _kontsevich(hangul: str) -> str | None:
    words: list[str] = []
    for word in hangul.split():
        syl = [c for c in word if 0xAC00 <= ord(c) <= 0xD7A3]
        if not syl:
            return None
        parts: list[str] = []
        for k, c in enumerate(syl):
            if k == 0 and len(syl) in (2, 3) and c in _K_SURNAMES:
                parts.append(_K_SURNAMES[c])
                continue
            code = ord(c) - 0xAC00
            ini, rest = divmod(code, 588)
            vow, fin = divmod(rest, 28)
            parts.append(_K_INIT[ini] + _K_VOW[vow] + _K_FIN[fin])
        if len(parts) == 3 and syl[0] in _K_SURNAMES:  # Ким Чен Ын / Ким Ченын
            words += [parts[0].capitalize(), parts[1].capitalize(), parts[2]]
        else:
            words += [p.capitalize() for p in parts]
    return " ".join(words)


_PALLADIUS_INIT = (("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"),
                   ("f", "ф"), ("d", "д"), ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"),
                   ("k", "к"), ("h", "х"), ("j", "цз"), ("q", "ц"), ("x", "с"), ("r", "ж"),
                   ("z", "цз"), ("c", "ц"), ("s", "с"), ("y", ""), ("w", ""))  # fmt: skip
_PALLADIUS_FIN = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу",
                  "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и",
                  "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь",
                  "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
                  "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
                  "ue": "юэ", "v": "юй", "ve": "юэ", "er": "эр"}  # fmt: skip


def _palladius(syllable: str) -> str | None:
    init, rest = "", syllable
    for src, dst in _PALLADIUS_INIT:
        if syllable.startswith(src):
            init, rest = dst, syllable[len(src) :]
            break
    if syllable[0] in "yw":
        rest = {"i": "i", "in": "in", "ing": "ing", "u": "v", "un": "un", "uan": "uan"}.get(
            rest, ("i" if syllable[0] == "y" else "u") + rest
        )
        rest = {"ia": "ia", "iu": "iu", "ua": "ua", "uo": "o"}.get(rest, rest)
    if init in ("цз", "ц", "с") and syllable[0] in "jqx" and rest.startswith("u"):
        rest = "v" + rest[1:]
    if init in ("чж", "ч", "ш", "ж", "цз", "ц", "с") and rest == "i" and syllable[0] not in "jqx":
        return init + ("ы" if syllable[0] in "zcs" else "и")
    fin = _PALLADIUS_FIN.get(rest)
    return None if fin is None else init + fin


def c_east_asian_cyrillic(entity: Entity, rng: random.Random) -> tuple[str, str] | None:
    """A published Korean (Hangul) name in Kontsevich Cyrillic, or a Chinese (Han) name in
    Palladius Cyrillic ("Ким Чен Ын", "Си Цзиньпин")."""
    if entity.schema is not Schema.PERSON:
        return None
    for name in entity.names:
        if any(0xAC00 <= ord(c) <= 0xD7A3 for c in name.full):
            text = _kontsevich(name.full)
            if text:
                return text, "kontsevich"
        if all(0x4E00 <= ord(c) <= 0x9FFF for c in name.full.replace(" ", "")) and name.full:
            from pypinyin import lazy_pinyin

            syl = [_palladius(s) for s in lazy_pinyin(name.full.replace(" ", ""))]
            if syl and all(syl) and 2 <= len(syl) <= 4:
                given = "".join(s for s in syl[1:] if s)
                return f"{str(syl[0]).capitalize()} {given.capitalize()}", "palladius"
    return None


# -- negative classes: a different party sharing part of a listed name ----------------------
_OTHER_WORDS = (
    "Logistics",
    "Trading",
    "Holding",
    "Solutions",
    "Systems",
    "Textiles",
    "Marine",
    "Foods",
    "Consulting",
    "Pharma",
    "Energy",
    "Media",
    "Motors",
    "Capital",
)


def n_company_remainder(entity: Entity, rng: random.Random) -> str | None:
    """A listed organisation with one of its two distinctive words replaced ("Defense
    Logistics LLP" beside DEFENSE ENGINEERING LLP): another company."""
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = _strong_latin(entity)
    if not names:
        return None
    words = names[0].split()
    body = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5 and _fold(w) not in
            _FORM_WORDS]  # fmt: skip
    if len(body) != 2 or len(words) > 4:
        return None
    i = rng.choice(body)
    replacement = rng.choice(_OTHER_WORDS)
    if replacement.lower() in {_fold(w) for w in words}:
        return None
    words[i] = replacement.upper() if words[i].isupper() else replacement
    return " ".join(words)


_HAN_FORM = re.compile(r"([\u4e00-\u9fff]{4,})(股份有限公司|有限责任公司|有限公司)")
# Characters common in Chinese company names, for another company's distinctive part.
_HAN_OTHER = "迪摩华泰恒信宏达金瑞鑫盛远安康宁海天"


def n_chinese_company(entity: Entity, rng: random.Random) -> str | None:
    """A listed Chinese company name (…科技有限公司) with every character before its last two
    (place and distinctive part; the last two are mostly a trade word) replaced ("迪摩科技有限公司"
    beside 保利科技有限公司): another company that shares only a trade word and the legal
    form."""
    if entity.schema is not Schema.ORGANIZATION:
        return None
    for name in entity.names:
        found = _HAN_FORM.fullmatch(name.full.strip())
        if found is None:
            continue
        body, form = found.groups()
        other = "".join(rng.sample([c for c in _HAN_OTHER if c not in body], len(body) - 2))
        return other + body[-2:] + form
    return None


def n_korean_order(entity: Entity, rng: random.Random) -> str | None:
    """A Korean name with its given-name syllables swapped ("Kim Su Yong" for Kim Yong Su),
    or without its family name ("Yong Su"): another person."""
    if entity.schema is not Schema.PERSON or not ({"KP", "KR"} & set(entity.countries)):
        return None
    names = [n for n in entity.names if not n.weak and is_latin(n.full)]
    names = [n for n in names if len(n.full.replace(",", " ").split()) == 3]
    if not names:
        return None
    parts = person_parts(names[0])
    if parts is None or len(parts[0]) != 2 or len(parts[1]) != 1:
        return None
    given, family = parts
    if given[0].lower() == given[1].lower():
        return None
    if rng.random() < 0.5:
        return " ".join([family[0], given[1], given[0]])
    return " ".join(given)


Generator = Callable[[Entity, random.Random], str | tuple[str, str] | None]
CLASS_GENERATORS: dict[str, Generator] = {
    "c1-place-suffix": c_place_suffix,
    "c2-passport-translit": c_passport,
    "c3-arabic-spelling": c_arabic_spelling,
    "c4-legal-form-dots": c_legal_dots,
    "c5-cyrillic-company": c_cyrillic_company,
    "c6-new-script": c_new_script,
    "c7-short-code": c_short_code,
    "c8-east-asian-cyrillic": c_east_asian_cyrillic,
    "c9-arabic-script-query": c_arabic_script_query,  # bench_arabic.py
}
NEGATIVE_GENERATORS: dict[str, Generator] = {
    "n10-korean-order": n_korean_order,
    "n11-company-remainder": n_company_remainder,
    "n11-chinese-company": n_chinese_company,
}
