"""How real screening inputs differ from a listed name, beyond the other generators (issue 11).

For ``bench_wild``: a listed person or company written with a title before it ("Dr.", "Sheikh",
"Gen."), a descriptor after it ("Ali Hassan, director", "IVANOV Ivan (born 1970)"), "&" / "and"
/ "+" and "Co." / "Company" / "Corp" / "Corporation" swapped, a "The" added or dropped, Roman
numerals for digits, accents and umlauts (``wild_more.w_accents``), a Spanish double surname
with "y", hyphenated or one surname dropped, the particles "de / da / dos" dropped, "van der"
joined, apostrophes written another way, CamelCase or a capitalised family name, CSV-mangled
("IVANOV,IVAN"), an e-mail header or address, mojibake (UTF-8 read as cp1252 / Latin-1) and
extra whitespace and punctuation. The same decorations on unlisted names make the
must-not-alert classes. Every table here is this file's own, never the matcher's.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence

from bench_variants import is_latin, natural, person_parts
from wild_arabic import w_arabic_article
from wild_more import w_accents
from wild_numerals import roman_swapped

from clearance.model import Entity, Name, Schema

Gen = Callable[[Entity, random.Random], "str | None"]
Decorate = Callable[[str, bool, random.Random], "str | None"]

TITLES = ("Dr.", "Dr", "DR.", "Mr", "Mr.", "MR", "Mrs.", "Ms", "Sheikh", "Shaikh", "Sheik",
          "Haji", "Hajji", "Al-Haj", "General", "Gen.", "Lt. Gen.", "Maj. Gen.", "Colonel",
          "Col.", "Brigadier General", "Prof.", "Professor", "H.E.", "His Excellency",
          "Mullah", "Maulana", "Sayyid", "Imam", "Eng.", "Engineer", "Admiral", "Sir",
          "Ayatollah", "Capt.", "Major")  # fmt: skip
PERSON_DESCRIPTORS = (", director", " (director)", ", CEO", " - managing director",
                      ", chairman of the board", " (deceased)", ", general manager",
                      " (shareholder)", ", beneficial owner", " - owner", " (UBO)",
                      ", sole proprietor", " (individual)")  # fmt: skip
ORG_DESCRIPTORS = (" (subsidiary)", " - head office", " (parent company)", ", the company",
                   " (registered office)", " - branch", ", beneficiary", " (supplier)")  # fmt: skip
_AMP = {"&": ("and", "+", "AND"), "and": ("&", "+"), "+": ("&", "and")}
_FORM_SWAP = {"co": ("Company", "Co"), "company": ("Co.", "Co"), "corp": ("Corporation",),
              "corporation": ("Corp.", "Corp"), "ltd": ("Limited",), "limited": ("Ltd.", "Ltd"),
              "inc": ("Incorporated",), "incorporated": ("Inc.", "Inc"),
              "intl": ("International",), "international": ("Intl.", "Int'l")}  # fmt: skip
_PARTICLES = frozenset("de da do dos das del della di du des la le e".split())  # noqa: SIM905
_DUTCH = ("van der", "van den", "van de", "von der", "von", "van", "ter", "ten", "de la", "le",
          "mc", "mac", "al", "el", "bin", "ibn", "abu", "abd", "ul")  # fmt: skip
_APOSTROPHES = "'\u2019`\u00b4\u02bc\u02bb\u2018"
_DOMAINS = ("gmail.com", "mail.ru", "yahoo.com", "outlook.com", "example.org")


def _latin(entity: Entity) -> list[Name]:
    return [n for n in entity.names if not n.weak and is_latin(n.full)]


def _pick(entity: Entity, rng: random.Random) -> Name | None:
    names = _latin(entity)
    if not names:
        return None
    return names[0] if rng.random() < 0.7 else rng.choice(names)


def _text(entity: Entity, rng: random.Random) -> str | None:
    name = _pick(entity, rng)
    return natural(entity, name) if name else None


def _kind(entity: Entity, *kinds: Schema) -> bool:
    return entity.schema in kinds


def _words(text: str) -> list[str]:
    return text.split()


# -- decorations (listed and unlisted names alike) ------------------------------------------
def title(text: str, person: bool, rng: random.Random) -> str | None:
    return f"{rng.choice(TITLES)} {text}" if person else None


def descriptor(text: str, person: bool, rng: random.Random, year: int | None = None) -> str:
    if not person:
        return text + rng.choice(ORG_DESCRIPTORS)
    if rng.random() < 0.3:
        born = year or rng.randint(1940, 1995)
        words = text.split()
        if len(words) >= 2 and rng.random() < 0.5:
            text = f"{words[-1].upper()} {' '.join(words[:-1])}"
        return f"{text} (born {born})" if rng.random() < 0.6 else f"{text}, b. {born}"
    return text + rng.choice(PERSON_DESCRIPTORS)


def csv_mangled(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if person and len(words) >= 2:
        sep = rng.choice((",", ",", ";", "|", "\t", ",,"))
        family, given = words[-1], " ".join(words[:-1])
        if rng.random() < 0.5:
            family, given = family.upper(), given.upper()
        out = f"{family}{sep}{given}"
    else:
        out = re.sub(r",\s+", ",", text)
        if out == text:
            out = text + rng.choice((",", ";;", ",,,", "|"))
    if rng.random() < 0.3:
        out = f'"{out}"'
    return out


def _local(text: str, rng: random.Random) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.split(r"[^a-z0-9]+", plain) if w]
    return rng.choice((".", "_", "")).join(words[:4]) if words else "info"  # (as people do)


def email(text: str, person: bool, rng: random.Random) -> str | None:
    local = _local(text, rng)
    address = f"{local}@{rng.choice(_DOMAINS)}"
    roll = rng.random()
    if person and roll < 0.3 and "." in local:
        return address
    if roll < 0.7:
        return f"{text} <{address}>"
    return f'"{text}" <{address}>'


def mojibake(text: str, person: bool, rng: random.Random) -> str | None:
    """UTF-8 read as cp1252 (or Latin-1) once; only a name with a letter outside ASCII."""
    if text.isascii():
        return None
    raw = text.encode("utf-8")
    if rng.random() < 0.8:  # cp1252 where it defines the byte, else Latin-1 (Windows' way)
        return "".join(_cp1252(b) for b in raw)
    return raw.decode("latin-1")


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def noise(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    style = rng.randrange(6)
    if style == 0:
        return "  ".join(words) + "  "
    if style == 1:
        return f"{rng.choice(('*', '-', '.', '#', '>'))} {text}{rng.choice(('.', '..', ';', ' -'))}"
    if style == 2:
        return rng.choice(("\u00a0", "\t", " \n")).join(words)
    if style == 3:
        return f"{rng.choice(('[', '(', '<'))}{text}{rng.choice((']', ')', '>'))}"
    if style == 4:
        return "\u200b" + text.replace(" ", rng.choice((" \u200b", "\u200c "))) + "\ufeff"
    return f"{text} ." if rng.random() < 0.5 else f"{text}!!"


# -- listed-name classes --------------------------------------------------------------------
def w_title(entity: Entity, rng: random.Random) -> str | None:
    text = _text(entity, rng) if _kind(entity, Schema.PERSON) else None
    return title(text, True, rng) if text else None


def w_descriptor(entity: Entity, rng: random.Random) -> str | None:
    if not _kind(entity, Schema.PERSON, Schema.ORGANIZATION):
        return None
    text = _text(entity, rng)
    if text is None:
        return None
    year = entity.birth_dates[0].year if entity.birth_dates else None
    return descriptor(text, entity.schema is Schema.PERSON, rng, year)


def w_amp_co(entity: Entity, rng: random.Random) -> str | None:
    """ "&" / "and" / "+" and Co. / Company / Corp / Corporation (Ltd, Inc, Intl) swapped."""
    if not _kind(entity, Schema.ORGANIZATION):
        return None
    text = _text(entity, rng)
    if text is None:
        return None
    words = text.split()
    spots = [i for i, w in enumerate(words)
             if w.lower() in _AMP or w.lower().rstrip(".,") in _FORM_SWAP]  # fmt: skip
    if not spots:
        return None
    for i in rng.sample(spots, k=min(len(spots), rng.choice((1, 2)))):
        word = words[i]
        key = word.lower().rstrip(".,")
        tail = word[len(word.rstrip(".,")) :].replace(".", "")
        new = rng.choice(_AMP[word.lower()] if word.lower() in _AMP else _FORM_SWAP[key])
        words[i] = (new.upper() if word.isupper() and len(word) > 1 else new) + tail
    return " ".join(words)


def w_the(entity: Entity, rng: random.Random) -> str | None:
    if not _kind(entity, Schema.ORGANIZATION):
        return None
    text = _text(entity, rng)
    if text is None:
        return None
    if text.lower().startswith("the "):
        return text[4:]
    return f"{rng.choice(('The', 'THE', 'the'))} {text}"


def w_roman(entity: Entity, rng: random.Random) -> str | None:
    """The numeral that ends a listed name written the other way (``wild_numerals``)."""
    text = _text(entity, rng)
    return roman_swapped(text, entity.schema is Schema.PERSON) if text else None


_HISPANIC = frozenset("MX CO VE ES AR PE CU PA NI GT HN SV CR EC BO PY UY CL DO".split())  # noqa: SIM905


def _hispanic(entity: Entity) -> bool:
    return bool(_HISPANIC & {*entity.nationalities, *entity.citizenships, *entity.countries})


def w_spanish(entity: Entity, rng: random.Random) -> str | None:
    """A double surname ("GARCIA LOPEZ, Juan"): with "y", hyphenated, or the second dropped."""
    if not _kind(entity, Schema.PERSON):
        return None
    name = _pick(entity, rng)
    parts = person_parts(name) if name and (name.family or "," in name.full) else None
    if parts is None or len(parts[1]) != 2 or not _hispanic(entity):  # noqa: PLR2004
        return None
    first, second = (w.strip(",.") for w in parts[1])
    if {first.lower(), second.lower()} & _PARTICLES or not (first + second).isalpha():
        return None
    given = " ".join(parts[0])
    family = rng.choice((f"{first} y {second}", f"{first}-{second}", first, first))
    return f"{given} {family}"


def _particle(words: list[str], i: int) -> bool:
    """Is ``words[i]`` a particle between two name words (not one of a legal form's: the "DE"
    of "S.A. DE C.V." is the form's, no writer drops it)?"""
    if not 0 < i < len(words) - 1 or words[i].lower() not in _PARTICLES:
        return False
    return words[i - 1].strip(",").isalpha() and words[i + 1].strip(",").isalpha()


def w_particle(entity: Entity, rng: random.Random) -> str | None:
    """ "de / da / dos / del" dropped ("Jose da Silva" -> "Jose Silva")."""
    text = _text(entity, rng)
    if text is None:
        return None
    words = text.split()
    kept = [w for i, w in enumerate(words) if not _particle(words, i)]
    return " ".join(kept) if len(kept) < len(words) and len(kept) >= 2 else None  # noqa: PLR2004


def w_joined(entity: Entity, rng: random.Random) -> str | None:
    """ "van der Berg" -> "Vanderberg" / "VanDerBerg"; "Mc Donald", "Al Qaeda", "Bin Laden"."""
    text = _text(entity, rng)
    if text is None:
        return None
    low = " " + text.lower() + " "
    for particle in _DUTCH:
        at = low.find(f" {particle} ")
        if at < 0 or at + len(particle) + 2 >= len(low) - 1:
            continue
        end = at + len(particle) + 1
        nxt = text[end:].split(" ", 1)
        if not nxt[0].isalpha():
            continue
        head = text[:at].rstrip()
        camel = rng.random() < 0.5
        pieces = text[at:end].split() + [nxt[0]]
        joined = "".join(p.capitalize() for p in pieces) if camel else "".join(pieces).capitalize()
        rest = nxt[1] if len(nxt) > 1 else ""
        return " ".join(p for p in (head, joined, rest) if p)
    return None


def w_apostrophe(entity: Entity, rng: random.Random) -> str | None:
    text = _text(entity, rng)
    if text is None:
        return None
    marks = [c for c in text if c in _APOSTROPHES]
    if marks:
        return text.replace(
            marks[0], rng.choice(["", " ", *(c for c in "'\u2019`" if c != marks[0])])
        )
    hyphen = re.search(r"\b(Al|El|AL|EL|al|el)-(\w)", text)
    if hyphen:
        return (
            text[: hyphen.start()] + f"{hyphen.group(1)}'{hyphen.group(2)}" + text[hyphen.end() :]
        )
    return None


def w_caps_camel(entity: Entity, rng: random.Random) -> str | None:
    """Family name in capitals first ("IVANOV Ivan"), or a hyphenated name in CamelCase."""
    text = _text(entity, rng)
    if text is None:
        return None
    camel = re.sub(
        r"\b([^\W\d_]{3,})-([^\W\d_]{3,})\b",
        lambda m: m.group(1).capitalize() + m.group(2).capitalize(),
        text,
    )
    if camel != text and rng.random() < 0.7:  # noqa: PLR2004
        return camel
    words = text.split()
    if entity.schema is not Schema.PERSON or len(words) < 2:  # noqa: PLR2004
        return text.upper() if text != text.upper() else text.title()
    return f"{words[-1].upper()} {' '.join(w.capitalize() for w in words[:-1])}"


def _decorated(deco: Decorate) -> Gen:
    def gen(entity: Entity, rng: random.Random) -> str | None:
        if not _kind(entity, Schema.PERSON, Schema.ORGANIZATION):
            return None
        text = _text(entity, rng)
        return deco(text, entity.schema is Schema.PERSON, rng) if text else None

    return gen


def w_mojibake(entity: Entity, rng: random.Random) -> str | None:
    """Any strong name (any script) with a letter outside ASCII, as UTF-8 read as cp1252."""
    if not _kind(entity, Schema.PERSON, Schema.ORGANIZATION):
        return None
    names = [n for n in entity.names if not n.weak and not n.full.isascii()]
    return mojibake(rng.choice(names).full, True, rng) if names else None


def _initialled(given: Sequence[str], family: Sequence[str], rng: random.Random) -> str | None:
    """Given names as their initials before the family name, as a writer does ("A. D. T. W.
    MUHAMMAD", "A.D. Muhammad", "A D MUHAMMAD"); a hyphenated given name is two ("I. K. PAK")."""
    letters = [w[0].upper() for g in given for w in g.split("-") if w[:1].isalpha()]
    if not letters or not family:
        return None
    style = rng.random()
    if style < 0.6:  # noqa: PLR2004
        head = " ".join(f"{c}." for c in letters)
    elif style < 0.8:  # noqa: PLR2004
        head = "".join(f"{c}." for c in letters)
    else:
        head = " ".join(letters)
    tail = " ".join(family)
    return f"{head} {tail.upper() if rng.random() < 0.5 else tail}"  # noqa: PLR2004


def w_initials(entity: Entity, rng: random.Random) -> str | None:
    """A listed person of two given names or more as initials and the family name (since
    1.32: "A. D. T. W. MUHAMMAD" for ALLAH DAD TAYEB WALI MUHAMMAD)."""
    if entity.schema is not Schema.PERSON:
        return None
    name = _pick(entity, rng)
    parts = person_parts(name) if name else None
    if parts is None or len([w for g in parts[0] for w in g.split("-") if w]) < 2:  # noqa: PLR2004
        return None
    return _initialled(*parts, rng)


def initials(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted person's given names as initials ("J. SMITH", "M. K. PARK"; since 1.32)."""
    words = text.split()
    if not person or len(words) < 2 or not is_latin(text):  # noqa: PLR2004
        return None
    return _initialled(words[:-1], words[-1:], rng)


CLASSES: dict[str, Gen] = {
    "w-title": w_title, "w-descriptor": w_descriptor, "w-amp-co": w_amp_co, "w-the": w_the,
    "w-roman": w_roman, "w-accents": w_accents, "w-spanish": w_spanish,
    "w-particle": w_particle, "w-joined": w_joined, "w-apostrophe": w_apostrophe,
    "w-caps-camel": w_caps_camel, "w-csv": _decorated(csv_mangled),
    "w-email": _decorated(email), "w-mojibake": w_mojibake, "w-noise": _decorated(noise),
    "w-initials": w_initials, "w-arabic-article": w_arabic_article,
}  # fmt: skip


def _company(text: str, person: bool, rng: random.Random) -> str | None:
    if person:
        return None
    roll = rng.random()
    if roll < 0.4:
        return f"The {text}"
    if " and " in text or "&" in text:
        return text.replace(" and ", " & ") if " and " in text else text.replace("&", "and")
    return f"{text} & Co." if roll < 0.7 else f"{text} Corporation"


# Generic company names (issue 11, class 11: "a generic word plus a legal form is not a name"):
# words the lists' organisation names share across countries, with an article and a legal form.
GENERIC_MIN_NAMES = 20  # listed organisations a word is in at least ...
GENERIC_MIN_COUNTRIES = 4  # ... of at least this many countries
_GENERIC_HEADS = ("The", "THE", "the", "Al", "AL", "Al-", "El")
_GENERIC_FORMS = ("LLC", "Ltd", "LIMITED", "JSC", "Company", "CO.", "Corp.", "Inc.", "GmbH",
                  "S.A.", "LLP", "FZE", "OOO", "AG", "PJSC", "Co., Ltd.", "S.R.L.", "B.V.",
                  "Trust", "Group")  # fmt: skip


def generic_vocabulary(entities: Sequence[Entity]) -> list[str]:
    """Words of listed organisation names (Latin) that :data:`GENERIC_MIN_NAMES` organisations
    of :data:`GENERIC_MIN_COUNTRIES` countries or more write, of four letters or more, not a
    word of a legal form that rigour's ISO 20275 table finds in those names, nor a word that is
    by itself (legal forms and the Arabic article apart) a listed organisation's name or alias
    (:func:`named_words`: "AL-HARAMAIN", "AL-JIHAD", "UNITED COMPANY OJSC": the branches of one
    network in many countries write its name; "Haramain Group" names it, and should alert)."""
    from rigour.names import extract_org_types

    names: dict[str, int] = {}
    countries: dict[str, set[str]] = {}
    form_words: set[str] = set()
    for entity in entities:
        if entity.schema is not Schema.ORGANIZATION:
            continue
        words: set[str] = set()
        for name in _latin(entity):
            text = " ".join(_folded(name.full))
            words.update(text.split())
            for found, _ in extract_org_types(text):
                form_words.update(found.split())
        for word in words:
            names[word] = names.get(word, 0) + 1
            countries.setdefault(word, set()).update(entity.countries)
    named = named_words(entities)
    return sorted(w for w, n in names.items()
                  if n >= GENERIC_MIN_NAMES and len(countries[w]) >= GENERIC_MIN_COUNTRIES
                  and len(w) >= 4 and w.isalpha() and w not in form_words
                  and w not in named)  # fmt: skip


def named_words(entities: Sequence[Entity]) -> set[str]:
    """The words that are, as the engine reads a listed organisation's name or alias (Latin,
    not a parenthesised part), the whole of it, legal forms apart; with the Arabic article run
    onto the word ("alharamain") and without it ("haramain")."""
    from namesakes import name_keys

    named: set[str] = set()
    for entity in entities:
        if entity.schema is not Schema.ORGANIZATION:
            continue
        for name in entity.names:
            if "(" in name.full or not is_latin(name.full):
                continue
            for _, words, _ in name_keys(name.full, False, query=False):
                if len(words) == 1:
                    named.add(words[0])
                    if words[0][:2] in ("al", "el", "ul"):
                        named.add(words[0][2:])
    return named


def near_key(words: Sequence[str]) -> tuple[str, ...]:
    """A company name's words as bench_wild's near namesakes compare them: one-letter words ("G" of
    G-PEOPLE) and articles left out, in sorted order."""
    return tuple(sorted(w for w in words if len(w) > 1 and w not in ("the", "al", "el")))


def _folded(text: str) -> list[str]:
    bare = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", bare).split()


def generic_company(vocabulary: Sequence[str], rng: random.Random) -> str:
    """A company name of one or two generic words (:func:`generic_vocabulary`), with "The" or
    "Al" before it or not, and a legal form after it or not ("The Energy Company", "AL
    LOGISTICS TRUST"; at least one of them)."""
    words = [w.capitalize() for w in rng.sample(list(vocabulary), rng.choice((1, 1, 2)))]
    head = rng.choice(_GENERIC_HEADS) if rng.random() < 0.5 else ""
    form = rng.choice(_GENERIC_FORMS) if not head or rng.random() < 0.6 else ""
    text = " ".join(x for x in (head, *words, form) if x)
    return text.upper() if rng.random() < 0.5 else text


NEGATIVES: dict[str, Decorate] = {
    "n-title": title, "n-descriptor": descriptor, "n-company": _company,
    "n-csv": csv_mangled, "n-email": email, "n-mojibake": mojibake, "n-noise": noise,
    "n-initials": initials,
}  # fmt: skip
