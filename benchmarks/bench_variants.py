"""Realistic query variants of listed names, seeded and reproducible.

Each generator takes a listed entity and a random source and returns a query text (or ``None``
when the variant does not apply, e.g. initials for a company). :func:`generate` walks a seeded
shuffle of all entities and keeps the first ``per_kind`` applicable entities for every kind.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable, Sequence

import icu
from bench_data import ListCase, QuerySpec

from clearance.matching.normalize import fold
from clearance.matching.syllables import syllable_name
from clearance.model import Entity, Name, Schema

_LATIN_CYRILLIC = icu.Transliterator.createInstance("Latin-Cyrillic")
_RUSSIAN_LATIN = icu.Transliterator.createInstance("Russian-Latin/BGN")
# Digraph-aware romanised Russian -> Cyrillic (how a Russian speaker would write the name).
# A soft c (before e, i) is с, as a Russian writes it ("Service" is Сервис; h127: "к" made
# "Servike", "Ake" for Ace, "Kia" for Cía, which no writer produces).
_RU_RULES = """
shch > щ; sch > щ; zh > ж; kh > х; ts > ц; ch > ч; sh > ш; yu > ю; ya > я; yo > ё; ye > е;
iy > ий; y > ы; j > й; ce > се; ci > си; c > к; w > в; q > к; x > кс; h > х;
"""
_RU_DIGRAPHS = icu.Transliterator.createFromRules(
    "bench-ru", _RU_RULES, icu.UTransDirection.FORWARD
)


def is_latin(text: str) -> bool:
    return all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in text
    ) and any(c.isalpha() for c in text)


def _words(text: str | None) -> list[str]:
    return text.split() if text else []


def person_parts(name: Name) -> tuple[list[str], list[str]] | None:
    """(given words, family words) of a person's name, from published parts or the text."""
    given = _words(name.given) + _words(name.middle)
    family = _words(name.family)
    if given and family:
        return given, family
    if "," in name.full:
        head, _, tail = name.full.partition(",")
        if head.split() and tail.split():
            return tail.split(), head.split()
    words = name.full.split()
    if len(words) >= 2:
        return words[:-1], words[-1:]
    return None


def _latin_names(entity: Entity) -> list[Name]:
    return [n for n in entity.names if not n.weak and is_latin(n.full)]


def _pick(entity: Entity, rng: random.Random) -> Name | None:
    """The primary name if Latin (70%), else a random strong Latin alias."""
    names = _latin_names(entity)
    if not names:
        return None
    if names[0].kind.value == "primary" and rng.random() < 0.7:
        return names[0]
    return rng.choice(names)


def natural(entity: Entity, name: Name) -> str:
    """How a caller writes the name: "Given Family" for persons, as published otherwise."""
    if entity.schema is Schema.PERSON:
        parts = person_parts(name)
        if parts:
            return " ".join(parts[0] + parts[1])
    return name.full


# -- variant generators ---------------------------------------------------------------------
def v_exact(entity: Entity, rng: random.Random) -> str | None:
    name = _pick(entity, rng)
    return name.full if name else None


def v_typo(entity: Entity, rng: random.Random) -> tuple[str, str] | None:
    """One edit (substitute, delete, insert, or swap two adjacent letters) in a word of 4+."""
    name = _pick(entity, rng)
    if name is None:
        return None
    text = natural(entity, name)
    if sum(c.isalpha() for c in text) < 6:
        return None
    words = text.split(" ")
    options = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not options:
        return None
    i = rng.choices(options, weights=[len(words[j]) for j in options])[0]
    word = words[i]
    pos = rng.randrange(len(word))
    letter = rng.choice(string.ascii_lowercase)
    letter = letter.upper() if word[pos].isupper() else letter
    op = rng.choice(("sub", "del", "ins", "swap"))
    if op == "sub":
        while letter.lower() == word[pos].lower():
            letter = rng.choice(string.ascii_lowercase)
            letter = letter.upper() if word[pos].isupper() else letter
        word = word[:pos] + letter + word[pos + 1 :]
    elif op == "del":
        word = word[:pos] + word[pos + 1 :]
    elif op == "ins":
        word = word[:pos] + letter + word[pos:]
    else:
        pos = min(pos, len(word) - 2)
        word = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
    words[i] = word
    return " ".join(words), op


def v_reorder(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.PERSON:
        return None
    name = _pick(entity, rng)
    parts = person_parts(name) if name else None
    if name is None or parts is None:
        return None
    given, family = parts
    if "," in name.full:
        return " ".join(given + family)
    return " ".join(family + given)


def v_initials(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.PERSON:
        return None
    name = _pick(entity, rng)
    parts = person_parts(name) if name else None
    if parts is None:
        return None
    given, family = parts
    initials = [f"{w[0].upper()}." for w in given if w[0].isalpha()]
    if not initials:
        return None
    return " ".join(initials + family)


# Titles written before a person's given names: not a given name to keep or drop.
_TITLES = frozenset(
    "dr prof mr mrs haji hajji mullah maulavi mawlawi maulana qari sheikh shaykh".split()  # noqa: SIM905
)


def _given_names(given: list[str]) -> list[str]:
    return [w for w in given if w.lower().rstrip(".") not in _TITLES]


# The first word of an Arabic compound given name ("Abdul Aziz", "Abu Waheed", "Allah Dad"):
# the name is both words; "Abdul" alone is no given name.
_COMPOUND_HEADS = frozenset("abd abdul abdel abdal abdu abu abou abo allah".split())  # noqa: SIM905
# Words of a note a list writes into a name ("..., born 1 Jan. 1953 (Oman passport ...)").
_NOTE = re.compile(r"\d|\b(?:born|nee|née)\b", re.IGNORECASE)


_ARTICLES = frozenset("al el ul ar as ad an at ash".split())  # noqa: SIM905


def _first_given(given: list[str]) -> list[str]:
    """The first given name: its first word, or two when they are a compound's, three when
    the second is the article ("Abd Al Hamid")."""
    if fold(given[0]).replace("-", "") not in _COMPOUND_HEADS:
        return given[:1]
    size = 3 if len(given) > 2 and fold(given[1]).rstrip("-") in _ARTICLES else 2
    return given[:size]


def _syllable_given(given: list[str], family: list[str]) -> bool:
    """A Korean or Chinese given name written as its syllables ("RI, Pyong Chol"), also in
    Wade-Giles ("PAO, Yu Hsiang": its first syllable and the family name are syllables)."""
    words = tuple(fold(w) for w in given)
    if syllable_name(words):
        return True
    return len(family) == 1 and syllable_name((fold(family[0]), words[0]))


def v_drop_middle(entity: Entity, rng: random.Random) -> str | None:
    """Only the first given name and the family name. Not for a Korean or Chinese given name
    written as its syllables ("RI, Pyong Chol": "Pyong Ri" is another name, not a middle name
    dropped); a title ("Dr.", "Haji") is not a given name; a compound given name ("Abdul
    Aziz", "Abu Waheed") is kept whole; a name with a list's note in it ("born 1 Jan. 1953")
    is not a name a user types."""
    if entity.schema is not Schema.PERSON:
        return None
    name = _pick(entity, rng)
    parts = person_parts(name) if name else None
    if parts is None or _NOTE.search(" ".join(parts[0] + parts[1])):
        return None
    given = _given_names(parts[0])
    if len(given) < 2 or _syllable_given(given, parts[1]):
        return None
    first = _first_given(given)
    return " ".join(first + parts[1]) if len(first) < len(given) else None


def v_spacing(entity: Entity, rng: random.Random) -> str | None:
    name = _pick(entity, rng)
    if name is None:
        return None
    text = natural(entity, name)
    if "-" in text:
        return text.replace("-", rng.choice((" ", "")))
    words = text.split()
    pairs = [i for i in range(len(words) - 1) if words[i].isalpha() and words[i + 1].isalpha()]
    if not pairs:
        return None
    i = rng.choice(pairs)
    # Run-together only where it happens in practice ("Jongun", "Alharamain"); else a hyphen.
    glue = rng.choice(("-", "")) if min(len(words[i]), len(words[i + 1])) <= 4 else "-"
    joined = words[i] + glue + words[i + 1]
    return " ".join(words[:i] + [joined] + words[i + 2 :])


def v_translit_icu(entity: Entity, rng: random.Random) -> str | None:
    """ICU ``Latin-Cyrillic`` then ``Russian-Latin/BGN`` (letter by letter: "sh" -> "сх")."""
    if entity.schema not in (Schema.PERSON, Schema.ORGANIZATION):
        return None
    name = _pick(entity, rng)
    if name is None:
        return None
    cyrillic = _LATIN_CYRILLIC.transliterate(natural(entity, name))
    return str(_RUSSIAN_LATIN.transliterate(cyrillic))


def v_translit_ru(entity: Entity, rng: random.Random) -> str | None:
    """Romanised name written in Russian (digraph-aware: "sh" -> "ш"), then BGN back."""
    if entity.schema not in (Schema.PERSON, Schema.ORGANIZATION):
        return None
    name = _pick(entity, rng)
    if name is None:
        return None
    text = natural(entity, name).lower()
    cyrillic = _LATIN_CYRILLIC.transliterate(_RU_DIGRAPHS.transliterate(text))
    return str(_RUSSIAN_LATIN.transliterate(cyrillic)).title()


def v_cyrillic(entity: Entity, rng: random.Random) -> str | None:
    """The name written in Cyrillic (digraph-aware), as a Russian-language document would."""
    if entity.schema is not Schema.PERSON:
        return None
    name = _pick(entity, rng)
    if name is None:
        return None
    text = natural(entity, name).lower()
    return str(_LATIN_CYRILLIC.transliterate(_RU_DIGRAPHS.transliterate(text))).title()


def v_script(entity: Entity, rng: random.Random) -> str | None:
    names = [n for n in entity.names if not n.weak and not is_latin(n.full)]
    return rng.choice(names).full if names else None


# (group key, display forms); a form is matched on its folded words.
LEGAL_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("llc", ("LLC", "Limited Liability Company", "OOO",
             "Obshchestvo s Ogranichennoy Otvetstvennostyu")),
    ("llp", ("LLP", "Limited Liability Partnership", "TOO")),
    ("ojsc", ("OJSC", "Open Joint Stock Company", "OAO")),
    ("cjsc", ("CJSC", "Closed Joint Stock Company", "ZAO")),
    ("pjsc", ("PJSC", "Public Joint Stock Company", "PAO")),
    ("jsc", ("JSC", "Joint Stock Company", "AO", "Aktsionernoe Obshchestvo")),
    ("coltd", ("Co., Ltd.", "Company Limited", "Co. Limited")),
    ("ltd", ("Ltd", "Limited")),
    ("corp", ("Corp.", "Corporation")),
    ("inc", ("Inc.", "Incorporated")),
    ("plc", ("PLC", "Public Limited Company")),
    ("gmbh", ("GmbH", "Gesellschaft mit beschraenkter Haftung")),
    ("sa", ("S.A.", "Sociedad Anonima")),
    ("co", ("Co.", "Company")),
)  # fmt: skip


def _fold_word(word: str) -> str:
    return re.sub(r"[^0-9a-z]", "", word.casefold())


_FORM_PHRASES = sorted(
    (
        (tuple(_fold_word(w) for w in display.replace("-", " ").split()), group, display)
        for group, displays in LEGAL_FORMS
        for display in displays
    ),
    key=lambda item: -len(item[0]),
)


def v_legal_form(entity: Entity, rng: random.Random) -> str | None:
    if entity.schema is not Schema.ORGANIZATION:
        return None
    for name in _latin_names(entity):
        words = name.full.split()
        folded = [_fold_word(w) for w in words]
        for phrase, group, _display in _FORM_PHRASES:
            size = len(phrase)
            for i in range(len(words) - size + 1):
                if tuple(folded[i : i + size]) != phrase:
                    continue
                at_edge = i == 0 or i + size == len(words)
                if (len(phrase) == 1 and len(phrase[0]) <= 3 and not at_edge) or len(words) == size:
                    continue
                displays = next(d for g, d in LEGAL_FORMS if g == group)
                others = [d for d in displays if tuple(_fold_word(w) for w in d.split()) != phrase]
                new = rng.choice(others)
                if name.full.isupper():
                    new = new.upper()
                return " ".join(words[:i] + [new] + words[i + size :])
    return None


def v_case_punct(entity: Entity, rng: random.Random) -> str | None:
    name = _pick(entity, rng)
    if name is None:
        return None
    text = natural(entity, name)
    words = text.split()
    styles = [re.sub(r"[^\w\s]", "", text).lower(), text.upper(), text.title(), f"'{text}'"]
    if len(words) >= 2 and entity.schema is Schema.PERSON:
        styles.append(f"{words[-1]}, {' '.join(words[:-1])}.")
    elif len(words) >= 2:
        styles.append(f"\u201c{text}\u201d")
    changed = [s for s in styles if s != name.full and s.strip()]
    return rng.choice(changed) if changed else None


Generator = Callable[[Entity, random.Random], str | tuple[str, str] | None]
GENERATORS: dict[str, Generator] = {
    "exact": v_exact,
    "typo": v_typo,
    "word-order": v_reorder,
    "initials": v_initials,
    "drop-middle": v_drop_middle,
    "spacing": v_spacing,
    "translit-icu": v_translit_icu,
    "translit-ru": v_translit_ru,
    "cyrillic": v_cyrillic,
    "orig-script": v_script,
    "legal-form": v_legal_form,
    "case-punct": v_case_punct,
}


def generate(entities: Sequence[Entity], per_kind: int, seed: int) -> list[ListCase]:
    order = list(range(len(entities)))
    random.Random(seed).shuffle(order)
    cases: list[ListCase] = []
    for k, (kind, gen) in enumerate(GENERATORS.items()):
        rng = random.Random(seed * 1000 + k)
        found = 0
        for idx in order:
            entity = entities[idx]
            made = gen(entity, rng)
            text, note = made if isinstance(made, tuple) else (made, "")
            if text is None or not text.strip():
                continue
            query = QuerySpec(text.strip(), entity.schema.value)
            cases.append(ListCase(kind, query, frozenset({entity.id}), entity.caption, note))
            found += 1
            if found >= per_kind:
                break
    return cases
