"""Persons' names as writers of other languages and offices write them, round two (issue 11,
h194).

For ``bench_wild``: classes of real-world variation in listed persons' names that no other
generator makes (``bench_variants``, ``bench_classes``, ``cjk_writers``, ``wild_*``,
``wild_hunt_person``):

- ``w-glued-initials``: given names as initials glued to each other and to the family name,
  as forms and payment fields squeeze them ("M.A.KHAN", "M.A.Khan", "KHAN M.A.", "Khan,M.A.");
- ``w-generational``: a generational suffix added after the name ("Jr.", ", Jr.", "Sr.", "II",
  "III", "Junior", "Filho") for persons of countries whose names carry one, or dropped where
  the list writes it;
- ``w-maiden``: a woman's maiden name added after her name ("née Petrova", "geb. Müller",
  "(born Ivanova)", "nee", "maiden name");
- ``w-bin``: the Arabic and Malay "son of" / "daughter of" link respelt or dropped ("bin" /
  "ibn" / "ben" / "b.", "binti" / "bte" / "bt" / "binte" / "bint");
- ``w-caucasus``: a North Caucasian or Central Asian Muslim name between its Russian-passport
  spelling and the Arabic one ("Magomed" / Muhammad, "Gadzhiev" / HAJIEV, "Khasan" / Hasan)
  or written in the Azerbaijani or Uzbek Latin alphabet ("Həsənov", "Xasanov", "Cəfərov");
- ``w-somali``: a Somali name in the Somali orthography ("Maxamed Cabdi Xasan" for Mohamed
  Abdi Hassan: c for the ʿayn, x for the ḥ, long vowels doubled);
- ``w-burmese``: a Burmese name with its honorific ("U", "Daw", "Ko", "Maung") added or dropped
  or a syllable spelt another usual way ("Tun" / Htun, "Kyaw" / Kyau).

Must-not-alert (``NEGATIVES``): unlisted Faker names with the same decorations (none for
``w-caucasus`` and ``w-somali``: the Faker names hold almost none of their words).

Not made: Vietnamese names (2 listed persons), Greek and Japanese romanisations (a few listed
persons), hyphenated Korean given names (``cjk_writers`` makes them).

Every table here is this file's own, written from general knowledge, never the matcher's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench_variants import natural, person_parts
from wild_hunt_person import _cased, _choose, _countries, _persons, _woman

from clearance.model import Entity, Gender, Name

Gen = Callable[[Entity, random.Random], "str | None"]
Decorate = Callable[[str, bool, random.Random], "str | None"]
_ALPHA = re.compile(r"[^\W\d_]+")


# -- w-glued-initials -------------------------------------------------------------------------
def glued_initials(given: list[str], family: list[str], rng: random.Random) -> str | None:
    letters = [w[0].upper() for g in given for w in g.split("-") if w[:1].isalpha()]
    if len(letters) < 2 or not family or not all(_ALPHA.fullmatch(w) for w in family):  # noqa: PLR2004
        return None
    head = "".join(f"{c}." for c in letters)
    tail = " ".join(family)
    tail = tail.upper() if rng.random() < 0.5 else tail  # noqa: PLR2004
    style = rng.choice(("front", "front", "back", "comma"))
    if style == "front":
        return f"{head}{tail}"
    if style == "back":
        return f"{tail} {head}"
    return f"{tail},{head}"


def w_glued_initials(entity: Entity, rng: random.Random) -> str | None:
    names = [(n, p) for n in _persons(entity) if (p := person_parts(n))]
    if not names:
        return None
    _name, (given, family) = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return glued_initials(given, family, rng)


def glued_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if not person or len(words) < 3:  # noqa: PLR2004
        return None
    return glued_initials(words[:-1], words[-1:], rng)


# -- w-generational -------------------------------------------------------------------------
_SUFFIXES = ("Jr.", "Jr", "Junior", "Sr.", "II", "III")
_SUFFIX_WORDS = frozenset("jr jr. junior sr sr. senior ii iii iv filho neto".split())  # noqa: SIM905
_SUFFIX_COUNTRIES = frozenset(
    "US GB CA AU MX VE CO NI GT PA HN SV DO CU PH LR NG KE ZA HT EC PE BO BR PT".split()  # noqa: SIM905
)


def generational(text: str, rng: random.Random, lusophone: bool = False) -> str | None:
    words = text.split()
    last = words[-1].lower().strip(",")
    if last in _SUFFIX_WORDS and len(words) > 2:  # noqa: PLR2004
        return " ".join(words[:-1]).rstrip(",")
    if len(words) < 2 or not all(_ALPHA.fullmatch(w) for w in words):  # noqa: PLR2004
        return None
    suffix = rng.choice(("Filho", "Neto", "Junior")) if lusophone else rng.choice(_SUFFIXES)
    suffix = suffix.upper() if text.isupper() and suffix[0] != "I" else suffix
    return f"{text}, {suffix}" if rng.random() < 0.3 else f"{text} {suffix}"  # noqa: PLR2004


def w_generational(entity: Entity, rng: random.Random) -> str | None:
    names = _persons(entity)
    listed = [n for n in names if n.full.split()[-1].lower().strip(",") in _SUFFIX_WORDS]
    if listed:
        return generational(listed[0].full.replace(",", ""), rng)
    if not names or not _SUFFIX_COUNTRIES & _countries(entity):
        return None
    if entity.gender is Gender.FEMALE:
        return None
    text = natural(entity, _choose(names, rng))
    if _woman(text.split()[0], ""):
        return None
    return generational(text, rng, bool({"BR", "PT"} & _countries(entity)))


def generational_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return generational(text, rng) if person else None


# -- w-maiden -------------------------------------------------------------------------------
_MAIDEN_RU = ("Petrova", "Smirnova", "Kuznetsova", "Popova", "Sokolova", "Lebedeva", "Kozlova",
              "Novikova", "Morozova", "Volkova", "Pavlova", "Semenova", "Golubeva", "Vinogradova",
              "Bogdanova", "Orlova", "Belova", "Medvedeva", "Ershova", "Nikitina",
              "Zakharova")  # fmt: skip
_MAIDEN = ("Muller", "Schmidt", "Martin", "Bernard", "Rossi", "Garcia", "Lopez", "Haddad",
           "Khalil", "Mansour", "Nasser", "Rahimi", "Karimi", "Silva", "Santos", "Novak",
           "Horvat", "Kowalska", "Nowak", "Brown", "Wilson", "Taylor", "Rahman",
           "Hussain")  # fmt: skip
_MAIDEN_MARKS = ("née {}", "nee {}", "(née {})", "geb. {}", "born {}", "(maiden name {})",
                 "NEE {}", "née: {}")  # fmt: skip
_RU_WOMAN = re.compile(r"(ova|eva|ina|aya)$", re.IGNORECASE)
_RU_LIKE = frozenset("RU BY UA KZ KG UZ TJ MD AM AZ GE LV".split())  # noqa: SIM905


def maiden(text: str, russian: bool, rng: random.Random) -> str:
    family = rng.choice(_MAIDEN_RU if russian else _MAIDEN)
    mark = rng.choice(_MAIDEN_MARKS)
    return f"{text} {mark.format(family.upper() if text.isupper() else family)}"


def _female(entity: Entity, name: Name) -> bool:
    if entity.gender is not None:
        return entity.gender is Gender.FEMALE
    parts = person_parts(name)
    return bool(_RU_LIKE & _countries(entity) and parts and _RU_WOMAN.search(parts[1][-1]))


def w_maiden(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in _persons(entity) if _female(entity, n) and len(n.full.split()) >= 2]  # noqa: PLR2004
    if not names:
        return None
    text = natural(entity, _choose(names, rng))
    return maiden(text, bool(_RU_LIKE & _countries(entity)), rng)


def maiden_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if not person or len(words) < 2 or not _woman(words[0], words[-1]):  # noqa: PLR2004
        return None
    return maiden(text, words[-1].lower().endswith(("ova", "eva", "ina")), rng)


# -- w-bin ----------------------------------------------------------------------------------
_SON = ("bin", "ibn", "ben", "b.", "bn")
_DAUGHTER = ("binti", "bte", "bt", "binte", "bint", "bt.")
_LINK_OF = {w: group for group in (_SON, _DAUGHTER) for w in group}


def bin_link(text: str, rng: random.Random, allow_add: bool = False) -> str | None:
    words = text.split()
    links = [i for i, w in enumerate(words) if 0 < i < len(words) - 1 and w.lower() in _LINK_OF]
    if not links:
        if not allow_add or len(words) < 2:  # noqa: PLR2004
            return None
        i = len(words) - 1
        return " ".join([*words[:i], _cased(rng.choice(_SON[:3]), words[i]), words[i]])
    i = rng.choice(links)
    if rng.random() < 0.4:  # noqa: PLR2004
        return " ".join(w for k, w in enumerate(words) if k != i)
    group = _LINK_OF[words[i].lower()]
    new = rng.choice([w for w in group if w != words[i].lower()])
    return " ".join([*words[:i], _cased(new, words[i]), *words[i + 1 :]])


def w_bin(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in _persons(entity) if bin_link(n.full, random.Random(0))]
    if not names:
        return None
    return bin_link(natural(entity, _choose(names, rng)), rng)


def bin_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return bin_link(text, rng, allow_add=True) if person else None


# -- w-caucasus -----------------------------------------------------------------------------
# A Russian-passport spelling of a Muslim name and its Arabic-form spellings.
_CAUCASUS: dict[str, tuple[str, ...]] = {
    "magomed": ("muhammad", "mohammed", "muhammed"), "akhmed": ("ahmed", "ahmad"),
    "gadzhi": ("haji", "hajji"), "khasan": ("hasan", "hassan"), "khusein": ("husein", "hussein"),
    "ibragim": ("ibrahim",), "yusup": ("yusuf", "yousef"), "dzhamal": ("jamal",),
    "dzhabrail": ("jabrail", "jibril"), "abdulla": ("abdullah",), "khamzat": ("hamzat", "hamza"),
    "umar": ("omar",), "ramzan": ("ramazan", "ramadan"), "shamil": ("shamil",),
    "magomedov": ("muhammadov", "mahomedov"), "gadzhiev": ("hajiev", "hajiyev"),
    "khasanov": ("hasanov",), "akhmedov": ("ahmedov", "ahmadov"), "ibragimov": ("ibrahimov",),
    "yusupov": ("yusufov",), "dzhabrailov": ("jabrailov",), "abdullaev": ("abdullayev",),
    "khalid": ("halid",), "makhmud": ("mahmud", "mahmoud"), "mukhammad": ("muhammad",),
    "zelimkhan": ("zelimhan",), "salakh": ("salah",), "dzhafar": ("jafar", "jafar"),
    "dzhafarov": ("jafarov",), "rakhman": ("rahman",), "abdurakhman": ("abdurrahman",),
    "mukhtar": ("muhtar",), "suleiman": ("sulejman", "suleyman"), "saidov": ("sayidov",),
}  # fmt: skip
_ARABIC_FORM = {a: r for r, arabs in _CAUCASUS.items() for a in arabs if a != r}
# Letters of the Russian-passport spelling as the Azerbaijani and Uzbek Latin alphabets write them.
_AZERI = (("dzh", "c"), ("kh", "x"), ("zh", "j"), ("sh", "ş"), ("ch", "ç"), ("yev", "yev"),
          ("ev", "yev"), ("ov", "ov"))  # fmt: skip
_UZBEK = (("dzh", "j"), ("kh", "x"), ("zh", "j"), ("yu", "yu"), ("ts", "s"), ("ev", "yev"))
_TURKIC = frozenset("AZ UZ".split())  # noqa: SIM905
_CAUCASUS_COUNTRIES = frozenset("RU AZ UZ TJ KZ KG TM GE".split())  # noqa: SIM905


def _latin_alphabet(word: str, pairs: tuple[tuple[str, str], ...]) -> str | None:
    """A Russian-passport spelling ("kh", "dzh", "zh" in it) in another Latin alphabet."""
    low = word.lower()
    if not re.search("kh|zh", low):
        return None
    for old, new in pairs:
        low = low.replace(old, new)
    return _cased(low, word) if low != word.lower() else None


def caucasus_word(word: str, rng: random.Random, alphabet: str) -> str | None:
    low = word.lower()
    if alphabet == "arabic":
        if low in _CAUCASUS:
            return _cased(rng.choice(_CAUCASUS[low]), word)
        return _cased(_ARABIC_FORM[low], word) if low in _ARABIC_FORM else None
    return _latin_alphabet(word, _AZERI if alphabet == "azeri" else _UZBEK)


def caucasus(text: str, rng: random.Random, turkic: bool) -> str | None:
    alphabets = ["arabic", "azeri", "uzbek"] if turkic else ["arabic", "arabic", "uzbek"]
    alphabet = rng.choice(alphabets)
    for tried in (alphabet, "arabic"):
        words = text.split()
        new = [caucasus_word(w, rng, tried) or w for w in words]
        if new != words:
            return " ".join(new)
    return None


def _caucasian(text: str, turkic: bool) -> bool:
    words = text.replace(",", " ").lower().split()
    if any(w in _CAUCASUS or w in _ARABIC_FORM for w in words):
        return True
    return turkic and re.search(r"kh|dzh|zh", text, re.IGNORECASE) is not None


def w_caucasus(entity: Entity, rng: random.Random) -> str | None:
    if not _CAUCASUS_COUNTRIES & _countries(entity):
        return None
    turkic = bool(_TURKIC & _countries(entity))
    names = [n for n in _persons(entity) if _caucasian(n.full, turkic)]
    if not names:
        return None
    return caucasus(natural(entity, _choose(names, rng)), rng, bool(_TURKIC & _countries(entity)))


# -- w-somali -------------------------------------------------------------------------------
# Common Somali name words as English-language lists spell them, and in the Somali orthography.
_SOMALI = {
    "mohamed": "maxamed", "mohammed": "maxamed", "muhammad": "maxamed", "abdi": "cabdi",
    "abdullahi": "cabdullaahi", "abdulahi": "cabdullaahi", "hassan": "xasan", "hasan": "xasan",
    "hussein": "xuseen", "husein": "xuseen", "ali": "cali", "omar": "cumar", "umar": "cumar",
    "yusuf": "yuusuf", "ibrahim": "ibraahim", "ahmed": "axmed", "ahmad": "axmed",
    "farah": "faarax", "osman": "cismaan", "mahmoud": "maxamuud", "mohamud": "maxamuud",
    "mahamud": "maxamuud", "sharif": "shariif", "adan": "aadan", "aden": "aadan",
    "haji": "xaaji", "sheikh": "sheekh", "abdirahman": "cabdiraxmaan", "abdulkadir": "cabdulqaadir",
    "abdikadir": "cabdiqaadir", "mukhtar": "mukhtaar", "jama": "jaamac", "siad": "siyaad",
    "dahir": "daahir", "nur": "nuur", "noor": "nuur", "ismail": "ismaaciil", "fatuma": "faadumo",
    "khadija": "khadiija", "hawa": "xaawo", "abdullah": "cabdullaahi", "hashi": "xaashi",
    "yasin": "yaasiin", "aweys": "aweys", "awad": "cawad", "hamza": "xamse",
    "abdirizak": "cabdirisaaq",
    "abdirashid": "cabdirashiid", "rashid": "rashiid", "said": "siciid", "saeed": "siciid",
    "abukar": "abuukar", "bashir": "bashiir", "hersi": "xirsi", "hirsi": "xirsi", "isse": "ciise",
    "issa": "ciise", "isa": "ciise", "abdinur": "cabdinuur", "abdiaziz": "cabdicasiis",
    "aziz": "casiis", "halima": "xaliimo", "mohamoud": "maxamuud", "salad": "salaad",
    "warsame": "warsame", "hussen": "xuseen", "abdulle": "cabdulle", "moalim": "macallin",
    "mualim": "macallin", "elmi": "cilmi", "dirie": "diiriye", "abdalla": "cabdalla",
    "abdulaziz": "cabdulcasiis", "guled": "guuleed", "hassen": "xasan",
}  # fmt: skip


def somali(text: str, rng: random.Random) -> str | None:
    words = text.split()
    new = [_cased(_SOMALI[w.lower().strip(",")], w) if w.lower().strip(",") in _SOMALI else w
           for w in words]  # fmt: skip
    changed = sum(a != b for a, b in zip(new, words, strict=True))
    if not changed:
        return None
    return " ".join(new)


def w_somali(entity: Entity, rng: random.Random) -> str | None:
    if "SO" not in _countries(entity):
        return None
    names = [n for n in _persons(entity) if somali(n.full, rng)]
    if not names:
        return None
    return somali(natural(entity, _choose(names, rng)), rng)


# -- w-burmese ------------------------------------------------------------------------------
_HONORIFICS = ("u", "daw", "ko", "maung", "ma", "saw", "sai", "nang", "bo", "thakin")
_BURMESE_SPELT = {"htun": "tun", "tun": "htun", "htay": "tay", "htoo": "too", "kyaw": "kyau",
                  "thein": "thien", "soe": "so", "zaw": "zau", "win": "winn", "myint": "myint",
                  "khin": "kin", "hlaing": "hlaing", "nyunt": "nyunt",
                  "aung": "aung", "htwe": "twe", "thwin": "thwinn",
                  "swe": "swe", "maung": "mg", "thura": "thu ra", "oo": "u"}  # fmt: skip


def burmese(text: str, rng: random.Random, woman: bool) -> str | None:
    words = text.split()
    if len(words) < 2:  # noqa: PLR2004
        return None
    if words[0].lower() in _HONORIFICS and len(words) > 2 and rng.random() < 0.6:  # noqa: PLR2004
        return " ".join(words[1:])
    how = rng.random()
    if how < 0.5 and words[0].lower() not in _HONORIFICS:  # noqa: PLR2004
        title = rng.choice(("Daw", "Ma") if woman else ("U", "U", "Ko", "Maung"))
        return f"{title.upper() if text.isupper() else title} {text}"
    spots = [i for i, w in enumerate(words)
             if _BURMESE_SPELT.get(w.lower(), w.lower()) != w.lower()]  # fmt: skip
    if not spots:
        return None
    i = rng.choice(spots)
    return " ".join([*words[:i], _cased(_BURMESE_SPELT[words[i].lower()], words[i]),
                     *words[i + 1 :]])  # fmt: skip


def w_burmese(entity: Entity, rng: random.Random) -> str | None:
    if "MM" not in _countries(entity):
        return None
    names = [n for n in _persons(entity) if len(n.full.split()) >= 2]  # noqa: PLR2004
    if not names:
        return None
    name = _choose(names, rng)
    return burmese(name.full.replace(",", ""), rng, entity.gender is Gender.FEMALE)


def burmese_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return burmese(text, rng, False) if person else None


CLASSES: dict[str, Gen] = {
    "w-glued-initials": w_glued_initials, "w-generational": w_generational,
    "w-maiden": w_maiden, "w-bin": w_bin, "w-caucasus": w_caucasus, "w-somali": w_somali,
    "w-burmese": w_burmese,
}  # fmt: skip
NEGATIVES: dict[str, Decorate] = {
    "n-glued-initials": glued_unlisted, "n-generational": generational_unlisted,
    "n-maiden": maiden_unlisted, "n-bin": bin_unlisted, "n-burmese": burmese_unlisted,
}  # fmt: skip
