"""The same given name in another form (issue 11, h174), for ``bench_wild``.

- ``w-nickname``: a listed person's given name as a nickname or diminutive ("Bill" for
  William, "Bob" for Robert, "Pepe" for Jose, "Paco" for Francisco, "Sasha" for Aleksandr),
  or the full form for a listed nickname;
- ``w-slavic``: an East Slavic given name in another language's form, as a Ukrainian or
  Belarusian passport writes what a list gives in its Russian form and back ("Oleksandr" /
  "Alyaksandr" for ALEKSANDR, "Volodymyr" for VLADIMIR, "Mykola" for NIKOLAY).

Must-not-alert (``n-forms``, :func:`unlisted_forms`): a listed person's given name in another
form with another family name ("Bill Harrington" for WILLIAM SMITH), and a listed person's
family name with an unrelated given name ("Robert Ivanov" for IVANOV, Aleksandr).

Every table here is this file's own, written from general knowledge, never the matcher's nor
rigour's: the benchmark must not test the engine against its own data.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import bench_data as bd
from bench_variants import is_latin, person_parts

from clearance.model import Entity, Schema

# Full form: its nicknames and diminutives (English, Spanish, Italian, Russian).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "william": ("bill", "billy", "will", "willy"), "robert": ("bob", "bobby", "rob", "robbie"),
    "richard": ("dick", "rick", "richie"), "james": ("jim", "jimmy", "jamie"),
    "john": ("jack", "johnny"), "joseph": ("joe", "joey"), "thomas": ("tom", "tommy"),
    "michael": ("mike", "mick"), "charles": ("charlie", "chuck"),
    "edward": ("ed", "eddie", "ted", "ned"), "anthony": ("tony",), "daniel": ("dan", "danny"),
    "david": ("dave", "davy"), "christopher": ("chris",), "nicholas": ("nick", "nicky"),
    "alexander": ("alex", "sandy"), "benjamin": ("ben", "benny"), "samuel": ("sam", "sammy"),
    "matthew": ("matt",), "andrew": ("andy", "drew"), "peter": ("pete",),
    "patrick": ("pat", "paddy"), "stephen": ("steve",), "steven": ("steve",),
    "timothy": ("tim",), "kenneth": ("ken", "kenny"), "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"), "gerald": ("gerry", "jerry"), "lawrence": ("larry",),
    "leonard": ("len", "lenny"), "frederick": ("fred", "freddie"), "henry": ("hank", "harry"),
    "albert": ("bert",), "raymond": ("ray",), "douglas": ("doug",),
    "gregory": ("greg",), "jeffrey": ("jeff",), "jonathan": ("jon",), "joshua": ("josh",),
    "abraham": ("abe",), "elizabeth": ("liz", "beth", "betty"),
    "margaret": ("maggie", "peggy", "meg"), "katherine": ("kate", "kathy"),
    "catherine": ("cathy", "kate"), "jennifer": ("jenny", "jen"), "susan": ("sue", "susie"),
    "rebecca": ("becky",), "victoria": ("vicky",),
    "jose": ("pepe", "chepe"), "francisco": ("paco", "pancho", "curro"),
    "ignacio": ("nacho",), "guillermo": ("memo",), "manuel": ("manolo",),
    "jesus": ("chuy", "chucho"), "enrique": ("quique",), "eduardo": ("lalo",),
    "roberto": ("beto",), "alberto": ("beto",), "dolores": ("lola",),
    "concepcion": ("concha", "conchita"), "rosario": ("charo",), "santiago": ("santi",),
    "giuseppe": ("peppe", "beppe", "pino"), "giovanni": ("gianni",),
    "aleksandr": ("sasha", "sanya", "shura"), "aleksey": ("alyosha",), "dmitriy": ("dima",),
    "vladimir": ("volodya", "vova"), "nikolay": ("kolya",), "sergey": ("seryozha",),
    "mikhail": ("misha",), "ivan": ("vanya",), "yevgeniy": ("zhenya",), "pavel": ("pasha",),
    "anatoliy": ("tolya",), "viktor": ("vitya",), "konstantin": ("kostya",),
    "yuriy": ("yura",), "boris": ("borya",), "grigoriy": ("grisha",),
    "yekaterina": ("katya",), "mariya": ("masha",), "natalya": ("natasha",),
    "yelena": ("lena",), "tatyana": ("tanya",), "svetlana": ("sveta",),
    "vyacheslav": ("slava",), "stanislav": ("stas",), "vasiliy": ("vasya",),
    "pyotr": ("petya",), "anastasiya": ("nastya",), "lyudmila": ("lyuda",),
}  # fmt: skip

# One East Slavic given name as Russian, Ukrainian and Belarusian passports write it
# (columns: Russian, Ukrainian, Belarusian; each a few of the spellings the lists carry).
SLAVIC: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("aleksandr", "alexandr"), ("oleksandr", "olexandr"), ("alyaksandr", "aliaksandr")),
    (("vladimir",), ("volodymyr",), ("uladzimir",)),
    (("nikolay", "nikolai"), ("mykola",), ("mikalai", "mikalay")),
    (("sergey", "sergei"), ("serhiy", "serhii"), ("siarhei", "syarhei")),
    (("yuriy", "yuri"), ("yurii",), ("yury", "yuras")),
    (("dmitriy", "dmitry", "dmitri"), ("dmytro",), ("dzmitry", "dzmitryi")),
    (("andrey", "andrei"), ("andriy", "andrii"), ("andrei",)),
    (("oleg",), ("oleh",), ("aleh",)),
    (("mikhail",), ("mykhailo", "mykhaylo"), ("mikhal", "mikhas")),
    (("aleksey", "alexei", "aleksei"), ("oleksiy", "oleksii"), ("alyaksei", "aliaksei")),
    (("pavel",), ("pavlo",), ("paval",)),
    (("pyotr", "petr"), ("petro",), ("piotr", "pyatro")),
    (("grigoriy", "grigory"), ("hryhoriy", "hryhorii"), ("ryhor",)),
    (("yevgeniy", "evgeny", "evgeniy"), ("yevhen", "yevhenii"), ("yauhen", "yauheni")),
    (("vasiliy", "vasily"), ("vasyl",), ("vasil",)),
    (("igor",), ("ihor",), ("ihar",)),
    (("georgiy", "georgy"), ("heorhiy", "heorhii"), ("haradzei",)),
    (("konstantin",), ("kostiantyn", "kostyantyn"), ("kanstantsin",)),
    (("fedor", "fyodor"), ("fedir",), ("fiodar",)),
    (("timofey",), ("tymofiy",), ("tsimafei",)),
    (("yakov",), ("yakiv",), ("yakau",)),
    (("matvey",), ("matviy",), ("matsvei",)),
    (("artyom", "artem"), ("artem",), ("artsiom",)),
    (("gennadiy", "gennady"), ("hennadiy", "hennadii"), ("henadz",)),
    (("boris",), ("borys",), ("barys",)),
    (("ilya",), ("illia", "illya"), ("illia",)),
    (("kirill",), ("kyrylo",), ("kiryl",)),
    (("denis",), ("denys",), ("dzianis",)),
    (("vadim",), ("vadym",), ("vadzim",)),
    (("maksim", "maxim"), ("maksym",), ("maksim",)),
    (("olga",), ("olha",), ("volha",)),
    (("yelena", "elena"), ("olena",), ("alena",)),
    (("natalya", "natalia"), ("nataliya",), ("natallia",)),
    (("tatyana", "tatiana"), ("tetiana", "tetyana"), ("tatsiana",)),
    (("lyudmila", "ludmila"), ("liudmyla", "lyudmyla"), ("liudmila",)),
    (("svetlana",), ("svitlana",), ("sviatlana",)),
    (("irina",), ("iryna",), ("iryna",)),
    (("galina",), ("halyna",), ("halina",)),
    (("yekaterina", "ekaterina"), ("kateryna",), ("katsiaryna",)),
    (("valentina",), ("valentyna",), ("valiantsina",)),
    (("nadezhda",), ("nadiya",), ("nadzeya",)),
)  # fmt: skip


def _groups() -> list[frozenset[str]]:
    """Every set of equivalent forms the tables above give (a nickname's group its full
    form's; the East Slavic forms of a name one group)."""
    groups = [frozenset((full, *nicks)) for full, nicks in NICKNAMES.items()]
    groups += [frozenset(w for column in row for w in column) for row in SLAVIC]
    return groups


GROUPS = _groups()
# A form: every form equivalent to it by the tables (itself included).
EQUIVALENT: dict[str, frozenset[str]] = {}
for _group in GROUPS:
    for _form in _group:
        EQUIVALENT[_form] = EQUIVALENT.get(_form, frozenset()) | _group


def _cased(new: str, old: str) -> str:
    return new.upper() if old.isupper() else new.capitalize()


def _person(entity: Entity) -> list[tuple[list[str], list[str]]]:
    """(given words, family words) of the entity's Latin names with both."""
    if entity.schema is not Schema.PERSON:
        return []
    out = []
    for name in entity.names:
        if not name.weak and is_latin(name.full):
            parts = person_parts(name)
            if parts is not None:
                out.append(parts)
    return out


def _replaced(entity: Entity, rng: random.Random, others: dict[str, list[str]]) -> str | None:
    """A name of ``entity`` with its first given word replaced by one of ``others[word]``."""
    names = [(g, f) for g, f in _person(entity) if g[0].lower() in others]
    if not names:
        return None
    given, family = names[0] if rng.random() < 0.7 else rng.choice(names)  # noqa: PLR2004
    new = rng.choice(others[given[0].lower()])
    return " ".join([_cased(new, given[0]), *given[1:], *family])


def _nick_others() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for full, nicks in NICKNAMES.items():
        out.setdefault(full, []).extend(nicks)
        for nick in nicks:
            out.setdefault(nick, []).append(full)
    return out


def _slavic_others() -> dict[str, list[str]]:
    out: dict[str, set[str]] = {}
    for row in SLAVIC:
        for k, column in enumerate(row):
            other = {w for m, c in enumerate(row) if m != k for w in c} - set(column)
            for form in column:
                out.setdefault(form, set()).update(other)
    return {form: sorted(words) for form, words in out.items() if words}


NICK_OTHERS = _nick_others()
SLAVIC_OTHERS = _slavic_others()


def w_nickname(entity: Entity, rng: random.Random) -> str | None:
    return _replaced(entity, rng, NICK_OTHERS)


def w_slavic(entity: Entity, rng: random.Random) -> str | None:
    return _replaced(entity, rng, SLAVIC_OTHERS)


CLASSES = {"w-nickname": w_nickname, "w-slavic": w_slavic}
N_FORMS = "n-forms"


def _families(count: int, seed: int) -> list[str]:
    """Family names of Faker persons (Latin ones, one word)."""
    from bench_heldout import faker_names

    out = []
    for item in faker_names(count, seed):
        words = item["name"].split()
        if item["type"] == "person" and len(words) >= 2 and is_latin(words[-1]):  # noqa: PLR2004
            out.append(words[-1].strip(".,"))
    return out


def unlisted_forms(lists: bd.Lists, ents: Sequence[Entity], count: int,
                   seed: int) -> list[bd.ListCase]:  # fmt: skip
    """Up to ``count`` each: a listed person of ``ents``'s given name in another form (the
    tables here) with a Faker person's family name, and a listed person's family name with a
    given name of the tables unrelated to any of the entity's given words; namesakes of
    listed names left out."""
    rng = random.Random(seed)
    families = _families(4 * count, seed)
    pool = sorted(EQUIVALENT)
    others = {**NICK_OTHERS, **{k: NICK_OTHERS.get(k, []) + v for k, v in SLAVIC_OTHERS.items()}}
    order = list(ents)
    rng.shuffle(order)
    equivalent: list[dict[str, str]] = []
    unrelated: list[dict[str, str]] = []
    for entity in order:
        names = _person(entity)
        if not names or not families:
            continue
        given, family = names[0]
        word = given[0].lower()
        if word in others and len(equivalent) < count:
            new = _cased(rng.choice(others[word]), given[0])
            fake = rng.choice(families)
            if fake.lower()[:4] != family[-1].lower()[:4]:  # (not "Peskova" for PESKOV)
                text = f"{new} {_cased(fake, family[-1])}"
                equivalent.append({"name": text, "type": "person", "locale": "forms"})
        if len(unrelated) < count and len(family) == 1:
            mine = {w.lower() for g, _ in names for w in g}
            near = set().union(*(EQUIVALENT.get(w, frozenset({w})) for w in mine))
            choice = rng.choice(pool)
            if choice not in near and not any(choice[:3] == w[:3] for w in mine):
                text = f"{_cased(choice, given[0])} {family[0]}"
                unrelated.append({"name": text, "type": "person", "locale": "forms"})
    cases, _dropped = bd.unlisted_cases(equivalent + unrelated, lists)
    return [bd.ListCase(N_FORMS, c.query, frozenset(), c.source) for c in cases
            if c.note != bd.NAMESAKE]  # fmt: skip
