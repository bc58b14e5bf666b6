"""Words that agree by what they name, not by their letters: one table (issue 11, h189).

Five sources say that two words are one: a given name's other forms ("Ihar" / IGOR,
``nameforms.FORMS``, h180), a nickname and its full form ("Bill" / WILLIAM,
``nameforms.NICKNAMES``, h183), a Russian kind word and its English translation ("zavod" /
Six sources say that two words are one: a given name's other forms ("Ihar" / IGOR,
``nameforms.FORMS``, h180), a nickname and its full form ("Bill" / WILLIAM,
``nameforms.NICKNAMES``, h183), a Russian kind word and its English translation ("zavod" /
PLANT, ``russian_generic.translation_table``, h184), two English words of one kind of body
("establishment" / FOUNDATION, ``company_words.SAME_KIND``, h193), two romanisations of one
Burmese syllable ("Tun" / HTUN, "Kin" / KHIN, "Mg" / MAUNG, ``burmese.SPELLINGS``, h196) and a
Turkish business word and the English word it says ("Ticaret" / TRADE,
``turkish_words.turkish_equivalents``, h195: both readings kept, so a typo of the Turkish word
still meets it by its letters).
Until 1.37 each was read on its own by each of its readers; here they are one table,
:func:`equivalent_words` (word -> its equivalents, each with the sources that say so), and per
parameter set :class:`Equivalents` (word -> its equivalents with their similarities), built
once when the screener loads (the kind words' Latin spellings come from ICU's
transliterators: 5 ms on a first Cyrillic query otherwise).

Its three readers read only this table, so a new source cannot be forgotten by one of them:
the word similarity (:func:`raise_equivalents`, ``wordsim.WordSimilarity``), retrieval
(:func:`equivalent_keys`, ``retrieve``) and the monitor's reverse index
(:func:`equivalent_probes`, ``monitor.bookforms.word_probes``), which must look up every key
retrieval may read. A pair a given name's form or nickname makes is *guarded*: the word
similarity records it (``raised``) and ``nameforms.keep_forms`` undoes it unless the name is a
person's, the listed word a given name's and the family name agrees as spelt.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import cache

from clearance.matching.burmese import SPELLINGS
from clearance.matching.company_words import SAME_KIND
from clearance.matching.keytables import KeyTables
from clearance.matching.memo import by_identity
from clearance.matching.nameforms import FORMS, NICKNAMES
from clearance.matching.params import WordParams
from clearance.matching.russian_generic import translation_table
from clearance.matching.turkish_words import turkish_equivalents

# The sources, a bit each
FORM = 1  # a given name's other form (``params.given_form_sim``)
NICKNAME = 2  # a nickname or its full form (``params.nickname_sim``)
TRANSLATION = 4  # a Russian kind word's translation (``params.kind_translation_sim``)
SAME_KINDS = 8  # English words of one kind of body (``params.kind_translation_sim``)
SYLLABLE = 16  # a Burmese syllable's other romanisation (``params.syllable_spelling_sim``)
TURKISH = 32  # a Turkish business word and its English words (``params.kind_translation_sim``)
SOURCES = 64  # (the bits' combinations are 1 .. SOURCES - 1)
GUARDED = FORM | NICKNAME  # (pairs ``nameforms.keep_forms`` may undo)

Entry = tuple[str, str, float, float, float]
"""An equivalent: (its word, its index key "t:word", its similarity as the parameters hold it
(retrieval's), the same in single precision (the scorer's, as its rows), the single-precision
similarity up to which a pair is guarded, or -1.0)."""


@cache
def equivalent_words() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each word -> its equivalents, each with the bits of the sources that say so: the forms
    first, then the nicknames, then the translations, then the words of one kind, then the
    syllables' spellings, then the Turkish words' (sorted)."""
    found: dict[str, dict[str, int]] = {}
    translated = {w: tuple(sorted(o)) for w, o in translation_table().items()}
    kinds = {w: tuple(sorted(o)) for w, o in SAME_KIND.items()}
    spelt = {w: tuple(sorted(o)) for w, o in SPELLINGS.items()}
    turkish = {w: tuple(sorted(o)) for w, o in turkish_equivalents().items()}
    for table, bit in ((FORMS, FORM), (NICKNAMES, NICKNAME), (translated, TRANSLATION),
                       (kinds, SAME_KINDS), (spelt, SYLLABLE), (turkish, TURKISH)):  # fmt: skip
        for word, others in table.items():
            mine = found.setdefault(word, {})
            for other in others:
                mine[other] = mine.get(other, 0) | bit
    return {word: tuple(mine.items()) for word, mine in found.items()}


def _single(value: float) -> float:
    return array("f", [value])[0]


class Equivalents:
    """:func:`equivalent_words` with the similarities of one parameter set: ``table``, each
    word -> its :data:`Entry` tuples."""

    __slots__ = ("table",)

    def __init__(self, params: WordParams) -> None:
        sims = ((FORM, params.given_form_sim), (NICKNAME, params.nickname_sim),
                (TRANSLATION, params.kind_translation_sim),
                (SAME_KINDS, params.kind_translation_sim),
                (SYLLABLE, params.syllable_spelling_sim),
                (TURKISH, params.kind_translation_sim))  # fmt: skip
        made: dict[int, tuple[float, float, float]] = {}  # source bits -> the similarities
        for bits in range(1, SOURCES):
            sim = max(s for bit, s in sims if bits & bit)
            guard = [_single(s) for bit, s in sims if bits & bit & GUARDED]
            made[bits] = (sim, _single(sim), max(guard, default=-1.0))
        self.table: dict[str, tuple[Entry, ...]] = {
            word: tuple((other, "t:" + other, *made[bits]) for other, bits in others)
            for word, others in equivalent_words().items()
        }


@by_identity  # once per parameter set (the screener's, when it loads)
def equivalents(params: WordParams) -> Equivalents:
    """The table of ``params``' similarities."""
    return Equivalents(params)


def raise_equivalents(
    table: Equivalents,
    query_words: Sequence[str],
    columns: dict[str, int],
    rows: dict[str, list[float]],
    arrays: dict[str, array[float]],
) -> dict[tuple[str, int], float]:
    """Raise the similarity of each query word and listed word (a column) that are
    equivalents, when they agree less by their letters, to the table's similarity, in the
    rows and their single-precision arrays (in place); returns the guarded (query word,
    column) pairs raised, each with its similarity by the letters."""
    raised: dict[tuple[str, int], float] = {}
    found = table.table
    for word in query_words:
        entries = found.get(word)
        if entries is None:
            continue
        row = rows[word]
        for entry in entries:
            col = columns.get(entry[0], -1)
            if col < 0:
                continue
            letters, sim = row[col], entry[3]
            if letters < sim:
                if letters < entry[4]:
                    raised.setdefault((word, col), letters)
                row[col] = sim
                arrays[word][col] = sim
    return raised


def equivalent_keys(
    tables: KeyTables, table: Equivalents, word: str, found: dict[int, float]
) -> None:
    """Add to a Latin query word's index keys ``found`` (key id -> similarity) the keys of its
    equivalents at their similarity: retrieval and its bounds see what the scorer pairs."""
    for entry in table.table.get(word, ()):
        key = tables.key_id(entry[1])
        sim = entry[2]
        if key >= 0 and found.get(key, 0.0) < sim:
            found[key] = sim


def equivalent_probes(word: str) -> list[str]:
    """The index keys of ``word``'s equivalents (what :func:`equivalent_keys` may read)."""
    return ["t:" + other for other, _ in equivalent_words().get(word, ())]
