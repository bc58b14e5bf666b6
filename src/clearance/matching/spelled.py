"""How far a consonant-skeleton match of an Arabic-script query is trusted against one listed
name (since 1.14).

A query whose every word gives its vowels (a word of the name-word table, or one with a long
vowel written) is matched on its skeleton at a discount (``TrustParams.vowelled_skeleton``):
its spelled form speaks, consonants alone do not ("اسما محمدی" is no MEHMOOD, Osama). Against
a listed name that agrees with what is known of the vowels, the discount is lifted
(``TrustParams.spelled_skeleton``): every word the table reads agrees with a listed word as
spelt (Khalid / "خالد"), and every other word's written long vowels stand where the listed
word has a vowel ("بترفي", btrfy / BATARFI; not "خني", khny / AKHWAN).
"""

from __future__ import annotations

from functools import lru_cache

from clearance.matching.arabic_names import lookup, normalise_arabic, romanise_arabic_names
from clearance.matching.names import NameComparison
from clearance.matching.normalize import analyse
from clearance.matching.params import TrustParams, WordParams
from clearance.matching.retrieve import QueryForm
from clearance.matching.vowels import long_vowels_agree, spelt_alike
from clearance.matching.wordsim import similarity_rows


def record_trust(
    qform: QueryForm,
    listed: str,
    comp: NameComparison,
    trust: TrustParams,
    words: WordParams,
    floor: float = 0.0,
) -> float:
    """The trust of the comparison ``comp`` of the skeleton ``qform`` with the listed name
    ``listed``: its ``spelled`` trust when every query word's skeleton pairs with a listed
    word's exactly and the vowels known agree (see the module), else its own (also when even
    the spelled trust leaves the score under ``floor``, the alert threshold: the lift is looked
    up only where it decides an alert, as it costs a look at the listed words)."""
    if qform.spelled <= qform.trust or comp.score * qform.spelled < floor:
        return qform.trust
    if comp.unmatched_query:
        return qform.trust
    if any(pair.sim < words.exact_sim for pair in comp.pairs):
        return qform.trust
    agree = _vowels_agree(qform.reading, listed, trust.spelled_word_sim, words)
    return qform.spelled if agree else qform.trust


@lru_cache(maxsize=20_000)
def _vowels_agree(native: tuple[str, ...], listed: str, cut: float, words: WordParams) -> bool:
    """Does every word of ``native`` the table reads agree with a word of ``listed`` as spelt
    (a similarity of ``cut`` or more), and every other word's long vowels stand where a
    listed word has like vowels?"""
    listed_words = _listed_words(listed)
    known, unknown = readings(native)
    if not listed_words or not known:
        return False
    if not all(long_vowels_agree(word, listed_words) for word in unknown):
        return False
    return all(
        any(spelt_alike(k, w) or _alike(k, w, cut, words) for w in listed_words) for k in known
    )


@lru_cache(maxsize=100_000)  # (the same table words meet the same listed words again)
def _alike(word: str, listed: str, cut: float, words: WordParams) -> bool:
    return similarity_rows((word,), (listed,), initials=False, params=words)[0][0] >= cut


@lru_cache(maxsize=20_000)
def readings(native: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of an Arabic-script name that the name-word table reads, as the matcher
    writes them ("عبد اللطيف صالح": abdul, latif, salih), and its other words ("بترفي")."""
    roman = romanise_arabic_names(" ".join(native), lambda word: "")
    known = analyse(roman, split_forms=False)[0].tokens if roman else ()
    unknown = tuple(w for w in map(normalise_arabic, native) if lookup(w) is None)
    return known, unknown


@lru_cache(maxsize=20_000)  # (a listed name meets many Arabic-script queries)
def _listed_words(listed: str) -> tuple[str, ...]:
    forms = analyse(listed, split_forms=False)
    return forms[0].tokens if forms and not forms[0].native else ()
