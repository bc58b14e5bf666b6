"""The matcher's declared numbers: every weight, similarity and cut that changes a score or a
retrieval decision, each a named field with its meaning. The engine's
:class:`~clearance.matching.algorithm.Algorithm` gathers them and hashes them into its version.

Pure declarations: nothing here imports from the rest of the matcher.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

import numpy as np

# Similarity by (edit distance, longer word length); lengths beyond the table use its last entry.
_BY_DISTANCE: tuple[tuple[float, ...], ...] = (
    #len: 0    1    2    3    4    5    6    7    8    9     10    11
    (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    (0.0, 0.0, 0.0, 0.3, 0.5, 0.8, 0.9, 0.9, 0.9, 0.92, 0.92, 0.92),
    (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.7, 0.8, 0.8, 0.82, 0.85),
    (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.6, 0.7),
    (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class WordParams:
    """How alike two words are (:mod:`clearance.matching.wordsim`) and when they pair."""

    min_word_sim: float = 0.5  # below this two words are not the same word
    merge_sim: float = 0.8  # run-together words must agree at least this well
    close_sim: float = 0.9  # near-identical: run-together words this close pair first
    exact_sim: float = 0.999  # a similarity this high is the same word
    initial_sim: float = 0.9  # an initial against a word with that first letter
    phonetic_sim: float = 0.95  # same sound, five letters or more (or a spelling family)
    phonetic_sim_four: float = 0.6  # same sound, four letters
    phonetic_sim_short: float = 0.3  # same sound, three letters or fewer
    phonetic_scale: float = 0.95  # the similarity of the sounds counts this much
    swap_sim: float = 0.7  # two adjacent letters swapped, four letters or more
    swap_min_length: int = 4  # ... in words of this many letters or more
    short_swap_sim: float = 0.5  # two adjacent letters swapped in a shorter word ("MTK"/TMK):
    # paired (as the one distinctive word of a name it may be a slip: NameParams.slip_sim)
    short_swap_length: int = 3  # ... in words of this many letters or more
    doubled_sim: float = 0.95  # a letter written once or twice ("Amiif" / "Amif", "Hasan")
    doubled_min_length: int = 3  # ... when the shorter word has this many letters or more
    letters_sim: float = 0.9  # words that differ in w/v or an initial j/y only
    respell_sim: float = 0.97  # a word read back from a letter-by-letter transliteration
    first_letter_factor: float = 0.85  # first letter and first sound both differ
    dense_script_length: float = 0.7  # an Arabic-script word counts as this share of its length
    phonetic_min_length: int = 5  # letters from which the same sound is trusted (phonetic_sim)
    distinct_edits: int = 2  # more edits in spelling and sound: another word ...
    distinct_length: int = 9  # ... for words shorter than this
    given_form_sim: float = 0.8  # two forms of one given name ("Ihar" / IGOR, "Siarhei" /
    # SERGEY; h174, h180: ``nameforms``): a reduced agreement, a given name's only
    nickname_sim: float = 0.8  # a nickname and its full form ("Bill" / WILLIAM, "Sasha" /
    # ALEKSANDR; h183: ``nameforms.NICKNAMES``), kept as given_form_sim is
    kind_translation_sim: float = 0.95  # a Russian kind word and its English translation
    # ("zavod" / PLANT; h184: ``russian_generic.translation_table``), as a spelling family
    syllable_spelling_sim: float = 0.95  # two romanisations of one Burmese syllable ("Tun" /
    # HTUN, "Mg" / MAUNG; h196: ``burmese.SPELLINGS``), as a spelling family
    article_stem_length: int = 5  # two words with a glued article ("aladnani") are compared
    # on their stems when both stems have this many letters or more (not Elena / Elina; a
    # short stem is spelt many ways: "AL-UADI" / AL-WADI, "alaqsy" romanised / AL-AQSA)
    # similarity by edit distance (row, 0..4) and the longer word's length (column, 0..11)
    by_distance: tuple[tuple[float, ...], ...] = _BY_DISTANCE


@lru_cache(maxsize=8)
def sim_rows(params: WordParams) -> tuple[tuple[float, ...], ...]:
    """``params.by_distance`` as the matcher computes with it (single precision, as stored in
    the retrieval tables)."""
    table = np.asarray(params.by_distance, dtype=np.float32)
    return tuple(tuple(float(v) for v in row) for row in table.tolist())


@dataclass(frozen=True, slots=True)
class NameParams:
    """Weights of the name comparison (:mod:`clearance.matching.names`)."""

    unmatched_candidate_person: float = 0.5  # share of a listed word's weight the query lacks
    unmatched_candidate_org: float = 0.6
    unmatched_candidate_supported: float = 0.25  # ... when two or more words already agree
    low_info_weight: float = 0.25
    particle_weight: float = 0.3
    initial_weight: float = 0.35
    patronymic_weight: float = 0.35
    patronymic_conflict_weight: float = 0.7  # ... when each name has one the other lacks
    # (since 1.22: "Svetlana Mikhaylovna Medvedeva" is not MEDVEDEVA, Svetlana Vladimirovna)
    middle_name_weight: float = 0.6  # an extra middle name in the query counts this much
    middle_name_length: int = 4  # letters from which a middle word is a middle name
    syllable_swap_factor: float = 0.65  # Korean/Chinese given syllables paired out of order
    merged_syllables_factor: float = 0.65  # a Korean/Chinese name's syllables all run together
    # into one word of a longer listed name ("ma nan" 马楠 / Abdul MANAN)
    one_letter_syllable_weight: float = 1.0  # a one-letter word of a name read from Han or
    # Hangul is a syllable (아 "a", 오 "o"), not an initial
    unmatched_syllable: float = 1.0  # share of a listed syllable name's word the query lacks
    syllable_name_words: int = 3  # listed words from which a syllable name is judged whole
    conflict_word_weight: float = 1.0  # a generic word left over on both sides of a company
    number_conflict_factor: float = 0.5  # the score is scaled by this when numbers differ
    generic_name_factor: float = 0.5  # ... and by this when a company query of generic words
    # only ("THE ENERGY COMPANY") does not agree with every listed word closely (since 1.31)
    # A listed word of organisation names is generic there (index format 35) when this many
    # listed organisations of this many countries write it ("machine", "islamic", "defense"):
    common_org_names: int = 20
    common_org_countries: int = 4
    distinctive_sim: float = 0.95  # one distinctive word each: a pair under this is a miss
    supported_sim: float = 0.94  # query words agreeing this well (not near-misses: "Anghel
    # Florea" is not GOMEZ FLORES, Luis Angel) support a longer listed name
    supported_words: int = 2  # ... when at least this many do
    bound_margin: float = 0.1  # the exact score is skipped when the bound trails min - margin
    # One distinctive word each (see clearance.matching.slips.single_word_sim):
    slip_sim: float = 0.8  # two adjacent letters swapped, or one letter added or dropped, in a
    # word the lists lack ("MEAI"/MAEI, "ZET"/ZEST, "TIA"/TIVA)
    slip_min_length: int = 2  # letters the shorter word of a slip has at least (a letter
    # dropped from or doubled in a three- or two-letter code: "MM SARL" / MMT, "RRF" / RF)
    slip_short_length: int = 3  # ... and at most, for a letter added or dropped
    slip_whole_length: int = 6  # ... or at most this many, for a letter the query drops, when
    # every other word and the legal forms of both names agree and no word is left over ("KORY
    # BANK" / KORYO BANK, "MILU SA" / MILUR SA; since 1.22 up to six letters: "JSC LASMA" /
    # PLASMA, "AO NFORUS" / INFORUS; not "sena Ltd" / SENAT SHIPPING LIMITED)
    listed_word_miss: float = 0.5  # share a near-miss keeps when the query word is listed itself
    two_edit_miss: float = 0.8  # ... and when the two words are two edits or more apart (since
    # 1.22: "Martins" is not MARTYRS, "Dowerg" not DOVER)
    leftover_sim: float = 0.3  # the one word left on each side pairs from this similarity ...
    leftover_support: int = 2  # ... when this many other words agree closely (supported_sim)
    # A name of initials and one full word (h167, clearance.matching.initials):
    thin_word_sim: float = 0.89  # its full word agreeing less than this (under an initial's
    # 0.9, as single precision stores it): the initials add nothing
    initial_conflict_weight: float = 1.0  # an initial the query leaves over where the listed
    # name leaves a given name over counts as a given name the two disagree on


@dataclass(frozen=True, slots=True)
class RetrievalParams:
    """Which listed names are scored (:mod:`clearance.matching.retrieve`)."""

    phonetic_key_sim: float = 0.95  # a name reached through a word's phonetic key
    sound_near_scale: float = 0.97  # a name one edit away in sound, scaled by this
    near_min_length: int = 4  # letters a word needs to reach names one edit away
    dropped_min_length: int = 3  # ... and a shorter word of a query that is not a person's to
    # reach the listed words it is with one letter dropped ("MOKU GOD" / MOKU GOLD), at the
    # similarity the scorer gives them
    rare_reach: int = 40  # records: below this, a query with an unreached word lowers its floor
    rare_floor: float = 0.3  # ... by this much, and not below this
    max_records: int = 2000  # the records retrieved with the best bounds are kept
    short_slip_sim: float = 0.8  # a query word of three or four letters the lists lack reaches a
    # listed word one slip away (two letters swapped, one added or dropped) at this bound, the
    # most the slip can count (NameParams.slip_sim)
    short_slip_lengths: tuple[int, ...] = (2, 3, 4)  # ... query words of these lengths (two
    # letters: a code, "KB ALFA" / KGB ALFA)
    spelled_names: int = 100  # an Arabic-script skeleton is bounded at its spelled trust
    # (TrustParams.spelled_skeleton) only when at most this many names have every word of it
    # (since 1.16: one as common as "mhmd l" says little, and its names come spelled anyway;
    # since 1.17 names that lack one of its one-letter words are not counted: "l ns" is not
    # any name with "ns")


@dataclass(frozen=True, slots=True)
class TrustParams:
    """How far a match through a derived rendering of the query counts (its score x trust)."""

    part: float = 0.99  # a match through part of the query (places and qualifiers left out)
    skeleton: float = 0.92  # a match on consonants alone (an Arabic-script skeleton)
    skeleton_full_letters: int = 6  # consonants a skeleton needs before it is trusted fully
    vowelled_skeleton: float = 0.75  # skeleton of a name whose every word has known vowels
    spelled_skeleton: float = 1.0  # ... instead, when every word read from the name-word table
    # agrees with a word of the listed name as spelt (since 1.14: "خالد بترفي" / BATARFI,
    # Khalid; not "اسما محمدی" / MEHMOOD, Osama): the vowels known agree, the rest is skeleton
    spelled_word_sim: float = 0.94  # ... agrees: this similarity or more (a spelling family)
    spelled_full_letters: int = 3  # consonants such a skeleton needs before it is trusted
    # fully (since 1.16; "علي كركي" / KARAKI, Ali: its vowels agree, "l krk" is no "ln d")
    misspelt_form: float = 0.95  # a company's first/last word read as a misspelt legal form
    glued_form: float = 0.95  # a company name read as a name with its legal form run onto its
    # last or first word ("THAMESTONESA" / THAMESTONE SA, "EPMMC" / EP-MMC, "OOOIK AEON") ...
    glued_form_rest: int = 2  # ... when the name keeps this many letters or more
    glued_short_form_rest: int = 6  # ... and this many before a two-letter form (many words
    # end in one: "Nicolas", "Moussa")
    yo_reading: float = 0.99  # a Latin query's "ë" (how BGN/PCGN writes Russian ё) read as
    # "yo", as passports and Korean names write it ("Pëng Chol" / Pyong Chol, "Pëtr" / Pyotr)
    bgn_reading: float = 0.97  # a Latin name written in Russian and romanised back by BGN/PCGN
    # ("TSOMPANY", "KHOLDING", "YEL") read the Latin way (clearance.matching.bgn)
    ocr_reading: float = 0.99  # a Latin query with the digits OCR read for letters read as
    # those letters ("M0HAMMED 5ALAH" / MOHAMMED SALAH: clearance.matching.ocr; since h173)
    list_reading: float = 1.0  # a Latin Korean or Chinese name of syllables read as the lists
    # spell them ("Lee Yong-ho" / RI Yong Ho, "Hsu Pin" / XU Bin: clearance.matching.romanised):
    # another romanisation of the same name, as a Hangul or Cyrillic one is
    script_reading: float = 0.8  # a Korean name in Hangul, Hanja or Cyrillic with its ch / j
    # read the other way and its later syllables voiced (romanised.script_readings; since
    # 1.32): a guess at how the lists spelt it, not the script's own reading ("구지아" read
    # "ku chi a" is no KUCHI, Ahmed Jan at 0.82, "이정호" "ri chong ho" no RI CHANG HO at 0.87)


def declared(params: object) -> dict[str, object]:
    """The fields of a parameter class as plain data (for the hash and ``/algorithms``)."""
    # dataclasses.fields, not __slots__: a class compiled by mypyc (scripts/compile) has none
    return {f.name: getattr(params, f.name) for f in fields(params)}  # type: ignore[arg-type]
