"""More ways real screening inputs differ from a listed name (issue 11, h165), for ``bench_wild``.

- ``w-truncated``: a payment field cuts a long name at 35 characters (SWIFT MT 4*35 lines),
  mid-word ("DEFENSE ENGINEERING LIMITED LIABILI"), or wraps it over two lines with the break
  inside a word ("MOHAMMED SALAHALDIN ABD EL HAL" / "IM");
- ``w-vessel``: a vessel's name as payments and bills of lading write it: "M/V", "MV", "M.V.",
  "MT", "M/T", "S.S.", "VESSEL" before it, "(IMO 9187629)" after it;
- ``w-abbrev``: business words abbreviated ("Intl", "Int'l", "Mfg", "Bros", "Natl", "Hldgs",
  "Trdg", "Engg", "Invt", "Dev", "Co-op");
- ``w-suffix``: Armenian, Georgian and Russian family-name endings as other transliterations
  write them (-yan/-ian/-jan, -yants/-iants, -shvili/-schwili, -dze/-dse, -ov/-ow/-off,
  -ev/-ew/-eff);
- ``w-umlaut``: German umlauts and ß written ae / oe / ue / ss or without the dots, and the
  reverse (a name that spells ae / oe / ue written with the umlaut; German-speaking entities).

Must-not-alert: unlisted names so written (``NEGATIVES``), and (``n-truncated-generic``, h171)
unlisted company names that share only their generic first words with listed ones, cut at 35
characters after their own first word. Every table here is this file's own,
never the matcher's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench_variants import is_latin, natural

from clearance.model import Entity, IdType, Name, Schema

Gen = Callable[[Entity, random.Random], "str | None"]
Decorate = Callable[[str, bool, random.Random], "str | None"]

FIELD = 35  # SWIFT MT name and address lines: 4 x 35 characters


def _latin(entity: Entity) -> list[Name]:
    return [n for n in entity.names if not n.weak and is_latin(n.full)]


def _text(entity: Entity, rng: random.Random, names: list[Name] | None = None) -> str | None:
    names = _latin(entity) if names is None else names
    if not names:
        return None
    name = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return natural(entity, name)


# -- w-truncated ----------------------------------------------------------------------------
def truncated(text: str, person: bool, rng: random.Random) -> str | None:
    """``text`` cut at :data:`FIELD` characters, or wrapped onto a second line there, when the
    cut falls inside a word (at least 4 of its letters kept: a cut after one to three letters
    leaves nothing a reader would take for the word)."""
    width = FIELD if len(text) > FIELD else None
    if width is None:
        return None
    head, tail = text[:width], text[width:]
    if not (head[-1:].isalpha() and tail[:1].isalpha()):
        return None  # the cut falls between words: nothing to find
    kept = re.search(r"[^\W\d_]+$", head)
    if kept is None or len(kept.group()) < 4 or _form_only(head[: kept.start()], text, False):  # noqa: PLR2004
        return None
    wrap = rng.random() >= 0.6  # noqa: PLR2004
    if _form_only(head[: kept.start()], text, True):
        return None  # (h171; after the draw: every other case as it was)
    return f"{head}\n{tail}" if wrap else head.rstrip()


# Russian and Belarusian legal forms rigour's ISO 20275 table does not have (h171): the
# additional liability company (ОДО), "foreign" before a form
_MORE_FORMS = ("obshchestvo s dopolnitelnoy otvetstvennostyu",)
_FORM_QUALIFIERS = frozenset({"inostrannoye", "inostrannoe"})


def _form_only(kept: str, text: str, more: bool) -> bool:
    """Does ``kept`` (what a cut leaves of ``text`` before the cut word) hold no word of the
    name, only words of its legal forms by rigour's ISO 20275 table ("OBSHCHESTVO S
    OGRANICHENNOY OTVETST" for OOO TORGOVY DOM ASBEST: no name left to find); with ``more``
    (h171), a form's word with two letters swapped ("ORGANICHENNOI") and :data:`_MORE_FORMS`
    too?"""
    full = " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())
    words = re.sub(r"[^\w]+", " ", kept.lower()).split()
    if not more:
        from rigour.names import extract_org_types

        return not set(words) - {w for f, _ in extract_org_types(full) for w in f.split()}
    return not set(words) - _form_words(full) - _FORM_QUALIFIERS


def _form_words(full: str) -> set[str]:
    """The words of ``full`` (folded) in a legal form rigour finds there or in
    :data:`_MORE_FORMS`, each word also as it finds it with two adjacent letters swapped."""
    from rigour.names import extract_org_types

    forms = {w for found, _ in extract_org_types(full) for w in found.split()}
    forms |= {w for phrase in _MORE_FORMS if phrase in full for w in phrase.split()}
    words = full.split()
    for i, word in enumerate(words):
        if word in forms or len(word) < 5:  # noqa: PLR2004
            continue
        for k in range(len(word) - 1):
            swapped = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
            text = " ".join([*words[:i], swapped, *words[i + 1 :]])
            found = [f.split() for f, _ in extract_org_types(text) if swapped in f.split()]
            if found:
                forms |= {word, *found[0]}
                break
    return forms


def w_truncated(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema not in (Schema.PERSON, Schema.ORGANIZATION, Schema.VESSEL):
        return None
    long = [n for n in _latin(entity) if len(natural(entity, n)) > FIELD]
    text = _text(entity, rng, long) if long else None
    return truncated(text, entity.schema is Schema.PERSON, rng) if text else None


_TAILS = ("International Trading Company Limited", "Engineering and Construction LLC",
          "Holding Joint Stock Company", "Scientific Production Enterprise",
          "Research and Production Association", "Industrial Investment Group Ltd")  # fmt: skip


def truncated_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted company's name with a long business tail cut at :data:`FIELD` characters
    inside a word ("Baker-Lee Engineering and Constru"); else the last word cut (4 letters or
    more kept), as a field too short for it leaves it."""
    if not person:
        long = f"{text.rstrip('.,')} {rng.choice(_TAILS)}"
        cut = truncated(long, person, rng) if len(long) > FIELD else None
        if cut is not None:
            return cut.split("\n")[0]
    words = text.split()
    if len(words) < 2 or len(words[-1]) < 6 or not words[-1].isalpha():  # noqa: PLR2004
        return None
    cut = rng.randint(4, len(words[-1]) - 1)
    return " ".join([*words[:-1], words[-1][:cut]])


# Generic first words listed organisations' names share (this file's own table, h171)
_GENERIC_HEADS = ("JOINT STOCK COMPANY SCIENTIFIC", "JSC RESEARCH AND PRODUCTION",
                  "LLC SCIENTIFIC PRODUCTION", "SCIENTIFIC AND PRODUCTION", "RESEARCH INSTITUTE",
                  "STATE UNITARY ENTERPRISE", "MAIN CENTRE FOR", "JOINT STOCK COMPANY RESEARCH",
                  "SCIENTIFIC RESEARCH INSTITUTE", "PUBLIC JOINT STOCK COMPANY")  # fmt: skip


def truncated_generic(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted company's name that shares only its generic first words with listed ones
    (:data:`_GENERIC_HEADS`), the unlisted name's first word after them, cut at :data:`FIELD`
    characters inside a word after that word ("SCIENTIFIC AND PRODUCTION BAKER-LEE ENGI")."""
    first = re.sub(r"[^\w-]+", " ", text).split()
    if not first:
        return None
    word = first[0].upper()
    heads = [h for h in _GENERIC_HEADS if len(h) + len(word) + 6 <= FIELD]  # (the cut after it)
    if not heads:
        return None
    head = f"{rng.choice(heads)} {word}"
    long = f"{head} {rng.choice(_TAILS).upper()}"
    cut = truncated(long, person, rng)
    return cut.split("\n")[0] if cut is not None else None


# -- w-vessel -------------------------------------------------------------------------------
VESSEL_PREFIXES = ("M/V", "MV", "M.V.", "MT", "M/T", "M.T.", "S.S.", "SS", "VESSEL", "MV.",
                   "m/v", "Motor Vessel", "VSL", "TANKER")  # fmt: skip


def vessel(text: str, imo: str | None, rng: random.Random) -> str:
    roll = rng.random()
    out = text if roll < 0.15 else f"{rng.choice(VESSEL_PREFIXES)} {text}"  # noqa: PLR2004
    if imo and rng.random() < 0.4:  # noqa: PLR2004
        digits = re.sub(r"\D", "", imo)
        out += rng.choice((f" (IMO {digits})", f" IMO {digits}", f", IMO NO. {digits}"))
    elif roll < 0.15:  # noqa: PLR2004
        out += rng.choice((" (vessel)", " VESSEL", " (MV)"))
    return out


def w_vessel(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.VESSEL:
        return None
    text = _text(entity, rng)
    if text is None:
        return None
    imo = next((i.value for i in entity.identifiers if i.type is IdType.IMO), None)
    return vessel(text, imo, rng)


def vessel_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    return None if person else vessel(text, None, rng)


# -- w-abbrev -------------------------------------------------------------------------------
ABBREVIATED = {
    "international": ("Intl", "Int'l", "Intl.", "INT'L"), "manufacturing": ("Mfg", "Mfg."),
    "brothers": ("Bros", "Bros."), "national": ("Natl", "Nat'l", "Natl."),
    "association": ("Assn", "Assn."), "department": ("Dept", "Dept."),
    "management": ("Mgmt", "Mgt"), "services": ("Svcs", "Svcs."), "technology": ("Tech",),
    "technologies": ("Tech", "Techs"), "group": ("Grp",), "holdings": ("Hldgs", "Hldgs."),
    "holding": ("Hldg",), "industries": ("Ind", "Inds", "Ind."), "industrial": ("Indl", "Ind."),
    "engineering": ("Eng", "Engg", "Eng."), "trading": ("Trdg", "Trdg."),
    "investment": ("Invt", "Inv."), "investments": ("Invts", "Invst"),
    "development": ("Dev", "Devt", "Dev."), "cooperative": ("Co-op", "Coop"),
    "shipping": ("Shpg",), "petroleum": ("Petr", "Pet."),
    "electronics": ("Elec", "Electr."), "chemical": ("Chem",), "chemicals": ("Chems",),
    "construction": ("Constr", "Const."), "commercial": ("Comml", "Coml"),
    "enterprises": ("Ent", "Entps"), "enterprise": ("Ent",), "general": ("Gen", "Genl"),
    "university": ("Univ", "Univ."), "institute": ("Inst", "Inst."),
    "systems": ("Sys", "Syst"), "equipment": ("Equip", "Eqpt"),
}  # fmt: skip


def abbreviated(text: str, rng: random.Random) -> str | None:
    """``text`` with one or two of its :data:`ABBREVIATED` words abbreviated (the case kept)."""
    words = text.split()
    spots = [i for i, w in enumerate(words) if w.lower().strip(",.") in ABBREVIATED]
    if not spots:
        return None
    for i in rng.sample(spots, k=min(len(spots), rng.choice((1, 1, 2)))):
        word = words[i]
        bare = word.strip(",.")
        new = rng.choice(ABBREVIATED[bare.lower()])
        new = new.upper() if bare.isupper() else new
        words[i] = word.replace(bare, new)
    return " ".join(words)


def w_abbrev(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.ORGANIZATION:
        return None
    names = [n for n in _latin(entity) if abbreviated(n.full, random.Random(0))]
    text = _text(entity, rng, names) if names else None
    return abbreviated(text, rng) if text else None


_FORMS = ("Co", "Co.", "Ltd", "LLC", "Inc.", "Corp.", "Pvt Ltd", "FZE", "GmbH", "S.A.")


def abbrev_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    """An unlisted company's business words abbreviated; a name without one given an
    abbreviated business word and a legal form ("Baker-Lee Intl Trdg Co")."""
    if person:
        return None
    out = abbreviated(text, rng)
    if out is not None:
        return out
    shorts = [rng.choice(v) for v in rng.sample(sorted(ABBREVIATED.values()), rng.choice((1, 2)))]
    return " ".join((text.rstrip(".,"), *shorts, rng.choice(_FORMS)))


# -- w-suffix -------------------------------------------------------------------------------
# Family-name endings and the spellings other transliterations (English, French, German,
# passports of other years) give them; the listed spelling is left out of the choices.
SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("yants", ("iants", "jants", "yanz", "ianz")), ("iants", ("yants", "jants")),
    ("yan", ("ian", "jan", "yanh")), ("ian", ("yan", "jan")), ("jan", ("yan", "ian")),
    ("shvili", ("schwili", "chvili", "shwili", "swili")),
    ("schwili", ("shvili",)), ("dze", ("dse", "tse", "dzeh")),
    ("ov", ("ow", "off", "of")), ("ev", ("ew", "eff", "iev")), ("in", ("ine",)),
    ("ova", ("owa",)), ("eva", ("ewa", "iewa")), ("sky", ("ski", "skiy", "skij")),
    ("skiy", ("sky", "ski", "skij")), ("enko", ("enco", "ienko")),
)  # fmt: skip
_MIN_STEM = 3


def suffix_spelt(word: str, rng: random.Random) -> str | None:
    """``word`` (a family name) with its ending as another transliteration writes it."""
    low = word.lower()
    for ending, others in SUFFIXES:
        if low.endswith(ending) and len(low) - len(ending) >= _MIN_STEM:
            new = rng.choice(others)
            new = new.upper() if word.isupper() else new
            return word[: len(word) - len(ending)] + new
    return None


def _family_respelt(text: str, name: Name, rng: random.Random) -> str | None:
    family = name.family or (name.full.split(",")[0] if "," in name.full else None)
    if not family or " " in family.strip() or family not in text:
        return None
    new = suffix_spelt(family.strip(), rng)
    return text.replace(family.strip(), new) if new else None


def w_suffix(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.PERSON:
        return None
    names = [n for n in _latin(entity) if n.family or "," in n.full]
    if not names:
        return None
    name = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    return _family_respelt(natural(entity, name), name, rng)


def suffix_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    words = text.split()
    if not person or len(words) < 2:  # noqa: PLR2004
        return None
    new = suffix_spelt(words[-1], rng)
    return " ".join([*words[:-1], new]) if new else None


# -- w-umlaut -------------------------------------------------------------------------------
_SPELT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
_DOTLESS = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"}
_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü", "AE": "Ä", "OE": "Ö", "UE": "Ü", "Ae": "Ä",
            "Oe": "Ö", "Ue": "Ü"}  # fmt: skip
_GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI"})
# ae / oe / ue that is an umlaut spelt out: after a consonant, and not the "ue" of "que",
# "gue" or "Manuel", nor "oe" of "Joel" / "Noel" (a vowel before it).
_SPELT_OUT = re.compile(
    r"(?<=[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ])(ae|oe|AE|OE|(?<![qgQG])ue|(?<![qgQG])UE)"
)
_HISPANIC = frozenset("MX CO VE ES AR PE CU PA NI GT HN SV CR EC BO PY UY CL DO".split())  # noqa: SIM905
# Spanish names as a Spanish-speaking writer accents them (the lists write them bare).
_ACCENTED = {w.lower().translate(str.maketrans("áéíóúñü", "aeiounu")): w for w in """
    José María Jesús Ángel Óscar Raúl Martín Joaquín Iván Julián Adrián Andrés Tomás Nicolás
    Sebastián Rubén Darío Víctor Félix Inés Sofía Lucía Ramón Héctor Germán Simón Efraín
    Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Gómez Díaz Jiménez
    Fernández Álvarez Núñez Muñoz Gutiérrez Domínguez Vázquez Méndez Ibáñez Peña Castañeda
    Treviño Guzmán Beltrán León Chávez Ordóñez Gálvez Suárez Velásquez Velázquez Cárdenas
    Márquez Núñez Báez Cortés Ríos Avendaño Zúñiga Patiño Ibarra Nuño Saldaña Montaño Ruíz
    Quiñónez Marín Durán Rincón Calderón Garzón Colón Limón Ochoa Zapata Araújo Quintero
    """.split()}  # fmt: skip  # noqa: SIM905


def _accented(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        word = m.group()
        new = _ACCENTED.get(word.lower(), word)
        return new.upper() if word.isupper() else new

    return re.sub(r"[A-Za-z]+", one, text)


def w_accents(entity: Entity, rng: random.Random) -> str | None:
    """A Spanish-speaking entity's name with the accents its writer puts on ("JOSE LUIS
    GARCIA" -> "JOSÉ LUIS GARCÍA", "NUNEZ" -> "NÚÑEZ"), else :func:`w_umlaut`'s."""
    if _HISPANIC & {*entity.nationalities, *entity.citizenships, *entity.countries}:
        texts = [natural(entity, n) for n in _latin(entity)]
        marked = [t for t in texts if _accented(t) != t]
        if marked:
            return _accented(marked[0] if rng.random() < 0.7 else rng.choice(marked))  # noqa: PLR2004
    return w_umlaut(entity, rng)


def w_umlaut(entity: Entity, rng: random.Random) -> str | None:
    """An umlaut or ß written out or without its dots; or, for a German-speaking entity, an
    "ae" / "oe" / "ue" written as the umlaut ("Mueller" -> "Müller")."""
    names = _latin(entity)
    marked = [n for n in names if any(c in _SPELT for c in n.full)]
    if marked:
        text = natural(entity, rng.choice(marked))
        table = _SPELT if rng.random() < 0.5 else _DOTLESS  # noqa: PLR2004
        return "".join(table.get(c, c) for c in text)
    german = _GERMAN_SPEAKING & {*entity.nationalities, *entity.citizenships, *entity.countries}
    spelt = [n for n in names if _SPELT_OUT.search(n.full)] if german else []
    if not spelt:
        return None
    text = natural(entity, rng.choice(spelt))
    return _SPELT_OUT.sub(lambda m: _UMLAUTS[m.group()], text)


def umlaut_unlisted(text: str, person: bool, rng: random.Random) -> str | None:
    if any(c in _SPELT for c in text):
        return "".join(_SPELT.get(c, c) for c in text)
    out = _SPELT_OUT.sub(lambda m: _UMLAUTS[m.group()], text)
    return out if out != text else None


CLASSES: dict[str, Gen] = {
    "w-truncated": w_truncated, "w-vessel": w_vessel, "w-abbrev": w_abbrev,
    "w-suffix": w_suffix,
}  # fmt: skip

NEGATIVES: dict[str, Decorate] = {
    "n-truncated": truncated_unlisted, "n-vessel": vessel_unlisted, "n-abbrev": abbrev_unlisted,
    "n-suffix": suffix_unlisted, "n-umlaut": umlaut_unlisted,
    "n-truncated-generic": truncated_generic,  # (h171; last: the others' cases unchanged)
}  # fmt: skip
