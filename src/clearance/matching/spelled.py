"""How far a consonant-skeleton match of an Arabic-script query is trusted against one listed
name (since 1.14).

A query whose every word gives its vowels (a word of the name-word table, or one with a long
vowel written) is matched on its skeleton at a discount (``TrustParams.vowelled_skeleton``):
its spelled form speaks, consonants alone do not ("اسما محمدی" is no MEHMOOD, Osama). Against
a listed name that agrees with what is known of the vowels, the discount is lifted
(``TrustParams.spelled_skeleton``): every word the table reads agrees with a listed word as
spelt (Khalid / "خالد"), and every other word's written long vowels stand where the listed
word has a vowel ("بترفي", btrfy / BATARFI; not "خني", khny / AKHWAN). A person's name with
no word the table reads is lifted too when each of its words writes a long vowel among its
consonants and they all stand (since 1.18: "وفاء نجار" / NAJJAR, Wafa').
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from clearance.matching.arabic_names import (
    NAME_WORDS,
    all_vowelled,
    lookup,
    normalise_arabic,
    romanise_arabic_names,
)
from clearance.matching.compounds import abd_second_word
from clearance.matching.hebrew import hebrew_trust
from clearance.matching.index import KIND_LATIN, KIND_SKELETON, NameIndex
from clearance.matching.listed_compounds import (
    ABD_READING,
    ALLAH_READING,
    with_abd_parts,
    with_allah_parts,
    with_din_parts,
)
from clearance.matching.memo import by_identity, sim_rows
from clearance.matching.names import NameComparison
from clearance.matching.normalize import analyse, canonical_tokens
from clearance.matching.params import TrustParams, WordParams
from clearance.matching.phonetics import phonetic
from clearance.matching.retrieve import QueryForm
from clearance.matching.scripts import arabic_skeleton, latin_skeleton, undouble
from clearance.matching.vowels import (
    arabic_vowel_gaps,
    epenthetic,
    long_vowels_agree,
    spelt_alike,
    vowel_gaps,
)
from clearance.matching.wordsim import similarity_rows
from clearance.scripts import HEBREW

_ARTICLE = "ال"
_DAD = "ض"  # read d, and z in Persian and Urdu names (round two, h124: "فضل" / FAZAL)
_LISTED_ARTICLE = re.compile(r"(?:^|[\s'`’‘-])[AaEe][Ll][\s'`’‘-]+\w")  # AL-, al , El-


def record_trust(
    qform: QueryForm,
    listed: str,
    comp: NameComparison,
    trust: TrustParams,
    words: WordParams,
    floor: float = 0.0,
    index: NameIndex | None = None,
    rec: int = -1,
) -> float:
    """The trust of the comparison ``comp`` of the skeleton ``qform`` with the listed name
    ``listed``: its ``spelled`` trust when every query word's skeleton pairs with a listed
    word's exactly and the vowels known agree (see the module), else its own (also when even
    the spelled trust leaves the score under ``floor``, the alert threshold: the lift is looked
    up only where it decides an alert, as it costs a look at the listed words). With the
    ``index`` and the skeleton record ``rec`` of ``listed``, the vowels may also agree with
    another name of the entity that has its skeleton (:func:`same_skeleton`). A Hebrew-script
    skeleton's trust is its own (:func:`clearance.matching.hebrew.hebrew_trust`)."""
    if qform.form.script == HEBREW and qform.kind == KIND_SKELETON:
        return hebrew_trust(qform, listed, trust.vowelled_skeleton, comp.score, floor)
    if not qform.reading or comp.score * max(qform.trust, qform.spelled) < floor:
        return qform.trust
    cut = trust.spelled_word_sim
    reading = qform.reading
    if (qform.spelled > qform.trust and comp.score * qform.spelled >= floor
            and _exactly_paired(comp, words)
            and any(_vowels_agree(reading, name, cut, words, qform.person)
                    for name in _names(listed, index, rec))):  # fmt: skip
        return qform.spelled
    if comp.score * qform.trust < floor or all_vowelled(reading):
        return qform.trust  # (cannot alert, or discounted already: every word gives its vowels)
    if all(_contradicted(reading, name, cut, words) for name in _names(listed, index, rec)):
        return qform.trust * trust.vowelled_skeleton
    return qform.trust


def vowel_words(word: str) -> tuple[str, ...]:
    """A listed word with the parts of its compounds that :func:`_agree` reads (``word``
    first), for the index of crowded skeletons (``NameIndex.vowel_records``)."""
    return with_abd_parts(with_allah_parts(with_din_parts((word,))))


def agreeing_records(
    index: NameIndex, qform: QueryForm, full: npt.NDArray[np.int32], cut: float,
    words: WordParams,
) -> npt.NDArray[np.int32]:  # fmt: skip
    """Of the skeleton records ``full`` (a crowded skeleton's: every word of ``qform`` reaches
    them exactly), those whose listed words agree with what is known of ``qform``'s vowels word
    by word, as :func:`_vowels_agree` asks of a name (index format 27; a necessary condition:
    a word the table reads agrees with a listed word as spelt, another word's long vowels
    stand in one): looked up among the crowded skeletons' words of the index, not name by
    name."""
    known, unknown = readings(qform.reading)
    if not known and not all(map(_vowelled, unknown)):
        return full[:0]  # (see _agree: nothing known of the vowels to agree with)
    keep = full
    for word in unknown:
        if arabic_skeleton(word) and len(keep):
            keep = _among(keep, _agreeing(index, word, False, cut, words))
    for reading in known:
        if len(keep):
            keep = _among(keep, _agreeing(index, reading, True, cut, words))
    return keep


def _among(recs: npt.NDArray[np.int32], held: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """The records of ``recs`` that ``held`` (ascending) holds."""
    if not len(held):
        return recs[:0]
    at = np.minimum(held.searchsorted(recs), len(held) - 1)
    kept: npt.NDArray[np.int32] = recs[held[at] == recs]
    return kept


def vowel_places(word: str) -> int:
    """The places of a listed word's vowels among its consonants (of
    :func:`~clearance.matching.vowels.vowel_gaps`), as the bits of a number: a place where an
    Arabic-script word writes a long vowel must be one (see ``vowels._stands``)."""
    return sum({1 << n for n, _ in vowel_gaps(word)})


def alike_keys(word: str) -> tuple[str, str, str]:
    """Keys a listed word shares with the table's reading ``word`` whenever they may be alike
    as :func:`_known_agrees` asks (unless a similarity of ``cut`` needs no sound nor doubling:
    :func:`_sound_or_doubling_needed`): its sound, its letters written once, its skeleton with
    the places of its vowels (:func:`~clearance.matching.vowels.spelt_alike`)."""
    places = ",".join(sorted({str(n) for n, _ in vowel_gaps(word)}))
    return "p" + phonetic(word), "u" + undouble(word), f"g{latin_skeleton(word)}:{places}"


_AGREEING_KEPT = 5_000  # query words whose agreeing records are kept per index


def _agreeing(
    index: NameIndex, word: str, known: bool, cut: float, words: WordParams
) -> npt.NDArray[np.int32]:
    """The skeleton records of a crowded skeleton holding a listed word that agrees with the
    table's reading ``word`` (``known``: spelt alike, see :func:`_read_alike`) or with the
    Arabic-script ``word`` (its long vowels stand in it), ascending. (Memoised per index.)"""
    memo: dict[tuple[str, bool, float], npt.NDArray[np.int32]] | None
    memo = index.__dict__.get("_agreeing")
    if memo is None or len(memo) >= _AGREEING_KEPT:
        memo = index.__dict__["_agreeing"] = {}
    key = (word, known, cut)
    found = memo.get(key)
    if found is None:
        if known:
            found = index.read_records(word, cut, words)  # (worked out at index build)
            if found is None:
                found = read_alike_records(index, word, cut, words)
        else:
            table = index.vowel_words
            alts = (word, word.replace("ج", "گ"), word.replace(_DAD, "ز"))  # (vowels._stands)
            keys = [arabic_skeleton(alt) for alt in alts]
            if word[-1:] == "ه":  # (a construct's t: see vowels._stands)
                keys.append(arabic_skeleton(word[:-1] + "ت"))
            # (a long vowel written needs a listed vowel in its place: the places first)
            need = sum({1 << n for n, _ in arabic_vowel_gaps(word)})
            places = index.vowel_places
            agree = [w for s in dict.fromkeys(keys) for w in table.get(s, ())
                     if not need & ~places.get(w, 0) and long_vowels_agree(word, (w,))]  # fmt: skip
            found = records_of(index, agree)
        memo[key] = found
    return found


def records_of(index: NameIndex, listed: list[str]) -> npt.NDArray[np.int32]:
    """The skeleton records of crowded skeletons holding a word of ``listed``, ascending."""
    recs = [index.vowel_records(w) for w in dict.fromkeys(listed)]
    return np.unique(np.concatenate(recs)) if recs else index.vowel_data[:0]


def table_readings() -> list[str]:
    """Every reading a query word the name-word table reads may have (:func:`readings`): of
    each table word alone, with the article, as an abd al- compound's second word, and
    with "الله" or "الدين" joined (for the index to look up their listed words once, at
    build: ``NameIndex.read_records``)."""
    natives: list[tuple[str, ...]] = []
    for word in NAME_WORDS:
        natives += [(word,), (_ARTICLE + word,), ("عبد", _ARTICLE + word),
                    (word + "الله",), (word + "الدين",)]  # fmt: skip
    return sorted({k for native in natives for k in readings(native)[0]})


def read_alike_records(
    index: NameIndex, reading: str, cut: float, words: WordParams
) -> npt.NDArray[np.int32]:
    """The skeleton records of crowded skeletons with a listed word the table's ``reading``
    agrees with as spelt (:func:`_read_alike`), ascending."""
    return records_of(index, _read_alike(index, reading, cut, words))


def _read_alike(index: NameIndex, reading: str, cut: float, words: WordParams) -> list[str]:
    """The crowded skeletons' listed words the table's ``reading`` agrees with as spelt
    (:func:`_known_agrees`; its j also as g): those sharing one of its :func:`alike_keys`
    (or every word of its skeleton, when a similarity of ``cut`` needs no sound nor
    doubling), each checked."""
    alt = reading.replace("j", "g")
    texts = dict.fromkeys((reading, alt))
    for text in list(texts):  # (its spoken vowel: see vowels.epenthetic)
        if (spoken := epenthetic(text)) is not None:
            texts[spoken] = None
    if _sound_or_doubling_needed(cut, words):
        alike = index.vowel_alike
        found = [w for text in texts for key in alike_keys(text) for w in alike.get(key, ())]
        found += [text for text in texts if text in index.vowel_slots]
    else:
        table = index.vowel_words
        found = [w for text in texts for w in table.get(latin_skeleton(text), ())]
    return [w for w in dict.fromkeys(found)
            if any(_known_agrees(text, (w,), cut, words) for text in texts)]  # fmt: skip


def _exactly_paired(comp: NameComparison, words: WordParams) -> bool:
    """Is every query word of ``comp`` paired, each exactly?"""
    return comp.paired_at(words.exact_sim)


def _names(listed: str, index: NameIndex | None, rec: int) -> Iterator[str]:
    """``listed``, then (looked up only when asked for) the other names of its entity with its
    skeleton (:func:`same_skeleton`), when there is an index to look in."""
    yield listed
    if index is not None:
        yield from same_skeleton(index, rec)


def same_skeleton(index: NameIndex, rec: int) -> list[str]:
    """The other Latin names of the entity of the skeleton record ``rec`` with its skeleton,
    as strong or weak as it: an entity's names with one skeleton share one record, which keeps
    the text of the first (since 1.17: ZEAITER, Ali holds ZOEITER, Ali, whose vowels "زوعيتار"
    writes). Its neighbours are looked at. (Memoised per index, h199.)"""
    memo: dict[int, list[str]] | None = index.__dict__.get("_same_skeleton")
    if memo is None or len(memo) >= _AGREE_KEPT:  # (as many records as answers kept)
        memo = index.__dict__["_same_skeleton"] = {}
    found = memo.get(rec)
    if found is None:
        found = memo[rec] = _same_skeleton(index, rec)
    return found


def _same_skeleton(index: NameIndex, rec: int) -> list[str]:
    owner, tokens, text = index.rec_entity[rec], index.rec_tokens[rec], index.rec_text[rec]
    kinds, texts, weak = index.rec_kind, index.rec_text, index.rec_weak[rec]
    out: list[str] = []
    for step in (-1, 1):
        other = rec + step
        while 0 <= other < len(kinds) and index.rec_entity[other] == owner:
            if (kinds[other] == KIND_LATIN and texts[other] != text
                    and index.rec_weak[other] == weak and texts[other] not in out
                    and _has_skeleton(index.rec_tokens[other], tokens)):  # fmt: skip
                out.append(texts[other])
            other += step
    return out


def _has_skeleton(tokens: tuple[str, ...], skeleton: tuple[str, ...]) -> bool:
    """Is ``skeleton`` the skeleton of a listed Latin name's ``tokens``, as the index makes it
    (their non-empty :func:`latin_skeleton`)? (Word by word up to the first that differs, h199.)"""
    at, end = 0, len(skeleton)
    for word in tokens:
        skel = latin_skeleton(word)
        if skel:
            if at == end or skel != skeleton[at]:
                return False
            at += 1
    return at == end


class _Memos:
    """What :func:`_vowels_agree` and :func:`_similarity` have worked out under one word-parameter
    set, keyed without it (hashing a :class:`WordParams` walks its fields: about 2 µs, once
    for each listed name a skeleton is checked against, and each word pair)."""

    __slots__ = ("agree", "contradicted", "sims")

    def __init__(self) -> None:
        self.agree: dict[tuple[tuple[str, ...], str, float, bool], bool] = {}
        self.contradicted: dict[tuple[tuple[str, ...], str, float], bool] = {}
        self.sims: dict[tuple[str, str], float] = {}


@by_identity
def _memos(words: WordParams) -> _Memos:
    return _Memos()


_AGREE_KEPT = 20_000  # (query reading, listed name) answers kept, then started afresh
_SIMS_KEPT = 100_000  # (table word, listed word) similarities kept (the same meet again)


def _vowels_agree(
    native: tuple[str, ...], listed: str, cut: float, words: WordParams, person: bool = False
) -> bool:
    """Does every word of ``native`` the table reads agree with a word of ``listed`` as spelt
    (a similarity of ``cut`` or more), and every other word's long vowels stand where a
    listed word has like vowels? (Memoised per parameter set.)"""
    memo = _memos(words).agree
    key = (native, listed, cut, person)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _AGREE_KEPT:
            memo.clear()
        found = memo[key] = _agree(native, listed, cut, words, person)
    return found


def _contradicted(native: tuple[str, ...], listed: str, cut: float, words: WordParams) -> bool:
    """Does a word of ``native`` disagree with every word of ``listed`` that has its skeleton
    (there being one): a word the table reads not spelt like any of them, another word's long
    vowels or first letter standing in none of them (since 1.19: "محمدی", Muhammadi, is no
    MAHMOUD; "زارع" no AZHAR)? What is known of a word's vowels speaks against a match on its
    consonants alone, whether or not its other words give theirs. (Memoised.)"""
    memo = _memos(words).contradicted
    key = (native, listed, cut)
    found = memo.get(key)
    if found is None:
        if len(memo) >= _AGREE_KEPT:
            memo.clear()
        found = memo[key] = _contradiction(native, listed, cut, words)
    return found


def _contradiction(native: tuple[str, ...], listed: str, cut: float, words: WordParams) -> bool:
    """:func:`_contradicted`, worked out: a word contradicts when its written long vowels and
    first letter stand in none of the listed words with its skeleton and, if the table reads
    it, its reading is spelt like none of them either (a table word has one reading of its
    letters: "حميد" reads hamid, and stands in HMEID)."""
    listed_words = with_din_parts(_listed_words(listed))
    known: tuple[str, ...] | None = None
    norms = [normalise_arabic(w) for w in native]
    for norm, before in zip(norms, ["", *norms[:-1]], strict=True):
        word = abd_second_word(norm, before)
        skel = arabic_skeleton(word)
        alt = arabic_skeleton(word.replace("ج", "گ"))
        same = tuple(w for w in listed_words if latin_skeleton(w) in (skel, alt))
        if not skel or not same or long_vowels_agree(word, same):
            continue
        if lookup(norm) is not None:
            known = readings(native)[0] if known is None else known
            if any(_known_agrees(k, same, cut, words) for k in known):
                continue
        return True
    return False


def _vowelled(word: str) -> bool:
    """Has an Arabic-script word consonants and a long vowel written among them?"""
    return bool(arabic_skeleton(word)) and bool(arabic_vowel_gaps(word))


def _agree(
    native: tuple[str, ...], listed: str, cut: float, words: WordParams, person: bool
) -> bool:
    """:func:`_vowels_agree`, worked out."""
    known, unknown = readings(native)
    if not known and not ((person or _articled(unknown, listed))
                          and all(map(_vowelled, unknown))):  # fmt: skip
        return False  # (before the listed name is analysed: the query's readings are memoised)
    listed_words = with_din_parts(_listed_words(listed))
    if not listed_words:
        return False
    if ALLAH_READING in known:  # (a listed "X Allah" may be one word: Hizballah)
        listed_words = with_allah_parts(listed_words)
    if ABD_READING in known:  # (a listed abd al- compound may be one word: Abdurrahman)
        listed_words = with_abd_parts(listed_words)
    if not all(long_vowels_agree(word, listed_words) for word in unknown):
        return False
    # (the last word first: a surname disagrees more often than a common given name; a word
    # written as listed is alike at once)
    dad = any(_DAD in w for w in native)  # (its d may be a z: see forms._skeleton_words)
    agreed = all(
        _known_agrees(k, listed_words, cut, words)
        or ("j" in k and _known_agrees(k.replace("j", "g"), listed_words, cut, words))
        or (dad and "d" in k and _known_agrees(k.replace("d", "z"), listed_words, cut, words))
        for k in reversed(known)
    )
    # (``abd_hayy``, asked last, of names that agree: the "حي" of "عبد الحي" is listed as a
    # word of its own, Hai or Hayy, that has no skeleton either; "عبد الحي احمد" is no ABDUL,
    # Ahmad)
    return agreed and not (_bare_abd_part(native) and all(map(latin_skeleton, listed_words)))


@lru_cache(maxsize=20_000)  # (asked of each listed name a query is compared with)
def _bare_abd_part(native: tuple[str, ...]) -> bool:
    """Has an abd al- compound of ``native`` a second word with no skeleton ("حي" of "عبد
    الحي", see :func:`~clearance.matching.compounds.abd_second_word`)?"""
    words = [normalise_arabic(w) for w in native]
    parts = [(abd_second_word(w, b), w) for w, b in zip(words, ["", *words[:-1]], strict=True)]
    return any(part != word and not arabic_skeleton(part) for part, word in parts)


def _articled(words: tuple[str, ...], listed: str) -> bool:
    """Do a word of an Arabic-script name and the ``listed`` name both write the article
    ("الحرمين", AL-HARAMAIN; "الجهاد", AL-JIHAD)? An organisation's name with no word the
    table reads is lifted as a person's is (every word writes a long vowel among its
    consonants and they all stand) when they do (since 1.23: "الحرمين" / AL-HARAMAIN, "جماعة
    الجهاد" / JAMA'AT AL-JIHAD): the article written in both scripts is an agreement beyond
    the consonants. Organisations' words without it are not names ("سیمان کردستان" stays at
    the discount, 1.18), nor is a listed word that starts with "al" ("آلومینیوم", normalised
    "الومينيوم", is no article: IRAN ALUMINUM)."""
    return (any(w.startswith(_ARTICLE) and len(w) > len(_ARTICLE) + 1 for w in words)
            and _LISTED_ARTICLE.search(listed) is not None)  # fmt: skip


def _known_agrees(k: str, listed_words: tuple[str, ...], cut: float, words: WordParams) -> bool:
    """Does the table's reading ``k`` agree with a listed word as spelt (see above)? (Its j,
    an Arabic ج, may be listed as the g of Egyptian and Levantine names: Gamal, Ragab.)"""
    return (k in listed_words and cut <= 1.0) or any(
        spelt_alike(k, w) or _alike(k, w, cut, words) for w in listed_words
    )


def _alike(word: str, listed: str, cut: float, words: WordParams) -> bool:
    """Is ``word`` alike ``listed`` as spelt: a similarity (no initials) of ``cut`` or more?"""
    if word == listed:
        return cut <= 1.0  # (a similarity of 1)
    if _sound_or_doubling_needed(cut, words) and not _may_be_alike(word, listed):
        return False  # (what the similarity would say, without computing it: most pairs)
    return _similarity(word, listed, words) >= cut


def _similarity(word: str, listed: str, words: WordParams) -> float:
    """The similarity of two words (no initials), memoised per parameter set."""
    memo = _memos(words).sims
    found = memo.get((word, listed))
    if found is None:
        if len(memo) >= _SIMS_KEPT:
            memo.clear()
        found = memo[word, listed] = similarity_rows((word,), (listed,), initials=False,
                                                     params=words)[0][0]  # fmt: skip
    return found


def _may_be_alike(word: str, listed: str) -> bool:
    """Can two different words be alike as spelt but for their sound (one phonetic key) or a
    letter written once or twice?"""
    return phonetic(word) == phonetic(listed) or undouble(word) == undouble(listed)


@by_identity
def _beyond_spelling(words: WordParams) -> float:
    """The most two different words can be alike (:func:`similarity_rows`, no initials) with
    different phonetic keys and not one letter written once or twice apart: by edit distance,
    their sounds' distance, or two letters swapped (float32, as the similarities are)."""
    by_distance = sim_rows(words)
    spelt = max(max(row) for row in by_distance[1:])
    most = max(spelt, spelt * words.phonetic_scale, words.swap_sim, words.short_swap_sim)
    return array("f", [most])[0]


def _sound_or_doubling_needed(cut: float, words: WordParams) -> bool:
    """Does a similarity of ``cut`` need one phonetic key or a doubled letter? (When the
    first-letter factor could raise a similarity, every pair is computed.)"""
    return words.first_letter_factor <= 1.0 and _beyond_spelling(words) < cut


@lru_cache(maxsize=20_000)
def readings(native: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of an Arabic-script name that the name-word table reads, as the matcher
    writes them ("عبد اللطيف صالح": abdul, latif, salih), and its other words ("بترفي")."""
    roman = romanise_arabic_names(" ".join(native), lambda word: "")
    known = analyse(roman, split_forms=False)[0].tokens if roman else ()
    words = [normalise_arabic(w) for w in native]
    before = ["", *words[:-1]]
    unknown = tuple(abd_second_word(w, b) for w, b in zip(words, before, strict=True)
                    if lookup(w) is None)  # fmt: skip
    return known, unknown


@lru_cache(maxsize=20_000)  # (a listed name meets many Arabic-script queries)
def _listed_words(listed: str) -> tuple[str, ...]:
    """The words of the first Latin form of ``listed`` (:func:`analyse`, legal forms kept)."""
    if listed.isascii():  # (read as Latin: its one form is its canonical words, worked out
        # here without the forms and memos analyse makes; most listed names)
        return canonical_tokens(listed)
    forms = analyse(listed, split_forms=False)
    return forms[0].tokens if forms and not forms[0].native else ()
