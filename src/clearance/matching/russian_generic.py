"""The generic words of Russian company names, in every Latin spelling the matcher meets them
in (issue 11 class 11, since h182).

A Russian company is named by its kind ("научно-производственное объединение", a research and
production association; "торговый дом", a trading house; "государственное унитарное
предприятие", a state unitary enterprise; "завод", a plant) and a distinctive word ("Комета").
The kind is no name: "NPO Romashka" is not NPO SPLAV because both are NPOs. English business
words of the same sort are low-information words (``vocab.LOW_INFO_WORDS``: "company",
"institute", "factory"); their Russian counterparts written in Latin letters were full-weight
words until now, so that "AO TSENTRALNY NAUCHNO ISSLEDOVATELSKY INSTITUT KOMETA" alerted on
a listed central research institute of machine building by four agreeing generic words.

The words are kept here in Cyrillic (:data:`CYRILLIC_WORDS`; adjectives are written in their
masculine form and the feminine, neuter and plural forms company names take made from it) and
written in Latin letters by the matcher's own romanisations of Cyrillic (BGN/PCGN and ICU's
general rule, as listed Cyrillic names are read: ``scripts.romanise``) and by the two other
systems inputs write Russian in: the passport system of ICAO Doc 9303 (since 2013 in Russian
passports: й and ы as i and y, ъ as ie, ю as iu) and the simplified BGN of the English press
(-ый / -ий as -y, the signs left out: "Tsentralny", "Obedinenie"). Pure; the table is read
once, when a word's weight is first asked for.

Since h184 a kind word in Latin letters and its English translation agree
(:func:`translation_table`, read through ``equivalents``: "PLANT SELMASH" / ZAVOD SELMASH,
"Design Bureau" / KONSTRUKTORSKOE BYURO), and the kinds' abbreviations (NPO, NII, OKB, FGUP
...) are generic words that stand for their expansion's noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from clearance.scripts import CYRILLIC

# Kinds of organisation, and the words that qualify a kind (research, production, state,
# unitary, trading ...), as Russian company names write them: nouns in the nominative, adjectives
# masculine (see _adjective_forms), the first part of a compound adjective with its hyphen-
# vowel ("научно-", "опытно-"). The Russian words for the English business words that
# ``vocab.LOW_INFO_WORDS`` holds (company, group, holding, trading, international, industrial,
# investment, management, construction, ...) are among them; not the words of a trade
# ("инжиниринг", "технологии", "строительство": DEFENS INZHINIRING is a name of two words,
# as "Defence Engineering" reads it). Not "дом" (the house of "торговый
# дом"): "Dom" is a title and a word of brands too (DOM.RF).
_NOUNS = """
    объединение предприятие институт завод комбинат центр компания группа холдинг корпорация
    концерн фирма бюро агентство управление учреждение трест фонд фабрика комплекс
    лаборатория академия университет ассоциация министерство служба кооператив
    хозяйство станция верфь организация предприятия компаний
"""
_ADJECTIVES = """
    научный исследовательский производственный торговый государственный унитарный
    федеральный муниципальный казенный центральный опытный конструкторский проектный
    экспериментальный специальный особый промышленный инвестиционный строительный
    транспортный коммерческий финансовый международный национальный региональный
    управляющий страховой технический технологический инженерный бюджетный автономный
    некоммерческий внешнеэкономический акционерный торгово производственно научно
    опытно проектно финансово инвестиционно строительно технико
"""
_HUSHING = frozenset("жшчщ")  # after them an unstressed -о- of the endings is written -е-
_VELAR = frozenset("кгх")


def _adjective_forms(word: str) -> tuple[str, ...]:
    """A masculine adjective's forms in company names: masculine, feminine, neuter, plural
    ("научный": научная, научное, научные); any other word as it is."""
    if word.endswith("ый"):
        stem = word[:-2]
        return (word, stem + "ая", stem + "ое", stem + "ые")
    if word.endswith("ой"):  # ("особой", "страховой")
        stem = word[:-2]
        plural = "ие" if stem[-1:] in _VELAR or stem[-1:] in _HUSHING else "ые"
        return (word, stem + "ая", stem + "ое", stem + plural)
    if word.endswith("ий"):
        stem = word[:-2]
        if stem[-1:] in _VELAR:  # ("исследовательский")
            return (word, stem + "ая", stem + "ое", stem + "ие")
        if stem[-1:] in _HUSHING:  # ("управляющий")
            return (word, stem + "ая", stem + "ее", stem + "ие")
        return (word, stem + "яя", stem + "ее", stem + "ие")  # (soft: "средний")
    return (word,)


# The kinds' abbreviations, as names write them before the distinctive word ("NPO SATURN",
# "AO NII VEKTOR", "FGUP TSNIIKHM"; h184): научно-производственное объединение, ~ предприятие,
# ~ комплекс, научно-исследовательский институт (центральный ~), опытно-конструкторское
# бюро (центральное ~), (федеральное) государственное унитарное предприятие, федеральное
# государственное бюджетное учреждение, научно-технический центр. Not СКБ, НПЦ, НТЦ, КБ:
# "SKB AO", NPC INTERNATIONAL, GAZPROMNEFT NTC, KB LINES are listed names of their own.
_ABBREVIATIONS = "нпо нпп нпк нии цнии окб цкб гуп фгуп фгбу"

# (h193) "NPO" before a name: the Russian kind (научно-производственное объединение, "NPO
# MASHINOSTROYENIYA", "NPO SPLAV"), not the English legal form (a non-profit organisation),
# when the rest of the name is Russian in Latin letters: no letters the romanisations of
# Russian do not write (w, q, x; c but in "ch"; h but in "kh", "zh", "ch", "sh": "Helping
# Hands NPO", "NPO Peace Winds" are not Russian).
_NOT_RUSSIAN = re.compile(r"[wqx]|c(?!h)|(?<![kzcs])h")


def russian_kind_first(words: Sequence[str]) -> bool:
    """Is ``words`` (a name's, folded) "npo" and a name Russian in Latin letters?"""
    if len(words) < 2 or words[0] != "npo":  # noqa: PLR2004
        return False
    for word in words[1:]:  # noqa: SIM110
        if not word.isalpha() or _NOT_RUSSIAN.search(word):
            return False
    return True


# (a word of the lists above ending in -о is the first part of a compound: "научно-")
CYRILLIC_WORDS: tuple[str, ...] = (
    *_NOUNS.split(),
    *_ABBREVIATIONS.split(),
    *(form for word in _ADJECTIVES.split() for form in _adjective_forms(word)),
)

# ICAO Doc 9303 (the Russian passport's system since 2013), letter by letter.
_ICAO = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"],
    strict=True,
))  # fmt: skip
# Simplified BGN/PCGN of the English press: no signs, е as e, й as y; -ый / -ий as -y.
_SIMPLE = _ICAO | {"й": "y", "ъ": "", "ю": "yu", "я": "ya"}


def _by_letters(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in word)


def _simplified(word: str) -> tuple[str, ...]:
    """The simplified BGN spellings: -ый / -ий as -y, and as -yi / -iy ("Torgovyi"); ъ
    also as y ("Obyedinenie")."""
    out = [_by_letters(word, _SIMPLE)]
    if "ъ" in word:
        out.append(_by_letters(word, _SIMPLE | {"ъ": "y"}))
    if word.endswith(("ый", "ий")):
        stem = _by_letters(word[:-2], _SIMPLE)
        out += [stem + "y", stem + ("yi" if word.endswith("ый") else "iy")]
    return tuple(out)


@cache
def russian_generic_words() -> frozenset[str]:
    """Every Latin spelling (folded: lower-case ASCII) of the words of
    :data:`CYRILLIC_WORDS` in their forms, by the matcher's romanisations of Cyrillic, ICAO's
    and the simplified BGN's; words of three letters or more."""
    return frozenset(_spellings())


@cache
def _spellings() -> dict[str, str]:
    """Each Latin spelling of :func:`russian_generic_words` -> its Cyrillic word (the first
    that has it)."""
    found: dict[str, str] = {}
    for word in CYRILLIC_WORDS:
        for latin in _latin(word):
            found.setdefault(latin, word)
    return found


def _latin(word: str) -> list[str]:
    """The Latin spellings (folded) of the Cyrillic ``word``, of three letters or more."""
    from clearance.matching.normalize import fold
    from clearance.matching.scripts import romanise

    spelt = [*romanise(word, CYRILLIC), _by_letters(word, _ICAO), *_simplified(word)]
    return [latin for text in spelt for latin in fold(text).split() if len(latin) >= 3]  # noqa: PLR2004


def same_kind_word(one: str, other: str) -> bool:
    """Are ``one`` and ``other`` two Latin spellings of one word of :data:`CYRILLIC_WORDS`
    ("byuro" / "buro" / "biuro" бюро; a word similarity may hold them apart)?"""
    table = _spellings()
    word = table.get(one)
    return word is not None and table.get(other) == word


# -- the kind words translated (h184) ---------------------------------------------------------
# A Russian company's kind is written in Russian words (in Latin letters) in one list and in
# English in another, or in a query ("ZAVOD SELMASH" / "Plant Selmash", "NAUCHNO-
# PROIZVODSTVENNOE PREDPRIYATIE ITELMA" / "Scientific Production Enterprise Itelma",
# "KONSTRUKTORSKOE BYURO" / "Design Bureau", "TORGOVYI DOM" / "Trading House"). Each Russian
# word of the kinds (adjectives in the masculine, their other forms made by
# _adjective_forms) -> the English words registries and lists translate it by. A Latin
# spelling of the word and one of its English words agree (:func:`translation_table`); two
# English words do not by this table, nor two Russian ones. "Дом" (the house of "торговый
# дом") is here, though no generic word (see _NOUNS).
_TRANSLATIONS = """
    объединение: association union amalgamation
    предприятие: enterprise undertaking
    предприятия: enterprise enterprises
    институт: institute
    завод: plant factory works
    комбинат: combine combinat works plant mill
    фабрика: factory mill
    центр: center centre
    компания: company
    компаний: companies
    группа: group
    холдинг: holding
    корпорация: corporation
    концерн: concern
    фирма: firm
    бюро: bureau office
    агентство: agency
    управление: administration directorate department
    учреждение: institution establishment
    трест: trust
    фонд: fund foundation
    комплекс: complex
    лаборатория: laboratory
    академия: academy
    ассоциация: association
    министерство: ministry
    кооператив: cooperative
    станция: station
    верфь: shipyard yard
    организация: organization organisation
    дом: house
    научный: scientific science research
    научно: scientific science research
    исследовательский: research
    производственный: production manufacturing industrial
    производственно: production manufacturing industrial
    торговый: trading trade commercial
    торгово: trading trade commercial
    государственный: state
    унитарный: unitary
    федеральный: federal
    муниципальный: municipal
    казенный: state treasury
    центральный: central
    опытный: experimental pilot
    опытно: experimental pilot
    конструкторский: design designing construction
    проектный: design designing project
    проектно: design designing project
    экспериментальный: experimental
    специальный: special specialized specialised
    особый: special
    промышленный: industrial
    инвестиционный: investment
    инвестиционно: investment
    строительный: construction building
    строительно: construction building
    транспортный: transport transportation
    коммерческий: commercial
    финансовый: financial
    финансово: financial
    международный: international
    национальный: national
    региональный: regional
    управляющий: management managing
    страховой: insurance
    технический: technical
    технико: technical
    технологический: technological technology
    инженерный: engineering
"""


# An abbreviation of :data:`_ABBREVIATIONS` -> the noun of its expansion, which it may stand
# for in a pairing: "NPO SATURN" / NAUCHNO-PROIZVODSTVENNOE OBEDINENIE SATURN, "NII VEKTOR" /
# RESEARCH INSTITUTE VEKTOR; the expansion's other words are left unpaired, as generic words
# cost. Only the noun: it tells the kinds apart (an NPO is no NII: "AO NPO MASHINOSTROYENIYA"
# is not TSENTRALNYY NAUCHNO-ISSLEDOVATELSKIY INSTITUT MASHINOSTROENIYA).
_EXPANDED = """
    нпо: объединение
    нпп: предприятие
    нпк: комплекс
    нии: институт
    цнии: институт
    окб: бюро
    цкб: бюро
    гуп: предприятие
    фгуп: предприятие
    фгбу: учреждение
"""


def _table(text: str) -> list[tuple[str, list[str]]]:
    """The lines "word: word word ..." of ``text``."""
    out = []
    for line in text.strip().splitlines():
        head, tail = line.split(":")
        out.append((head.strip(), tail.split()))
    return out


def _spelt(russian: str) -> set[str]:
    """The Latin spellings of the Russian ``russian`` in all its forms."""
    return {latin for form in _adjective_forms(russian) for latin in _latin(form)}


@cache
def translation_table() -> dict[str, frozenset[str]]:
    """Each Latin spelling of a word of :data:`_TRANSLATIONS` -> its English words, and each
    English word -> the Latin spellings of the Russian words it translates; an abbreviation
    of :data:`_EXPANDED` <-> the words it stands for, in Latin letters and in English."""
    found: dict[str, set[str]] = {}

    def link(one: str, other: str) -> None:
        if one != other:  # (a spelling English shares, "holding")
            found.setdefault(one, set()).add(other)
            found.setdefault(other, set()).add(one)

    english = {russian: words for russian, words in _table(_TRANSLATIONS)}
    for russian, words in english.items():
        for latin in _spelt(russian):
            for word in words:
                link(latin, word)
    for abbreviation, expansion in _table(_EXPANDED):
        for short in _spelt(abbreviation):
            for russian in expansion:
                for word in (*_spelt(russian), *english.get(russian, ())):
                    link(short, word)
    return {word: frozenset(others) for word, others in found.items()}
