"""A name cut off by a payment field: the listed words past the cut are not charged (h170).

A SWIFT MT name line holds 35 characters (four of them: 70, 105, 140 in all) and ISO 20022's
``Nm`` 140: a longer name is cut there, most often inside a word ("JOINT STOCK COMPANY OBNINSK
RESEARC" for JOINT STOCK COMPANY OBNINSK RESEARCH AND PRODUCTION ENTERPRISE TECHNOLOGIYA). When
the query is that long and ends inside a word (:func:`field_cut`), and its words pair in order
with the listed name's first words, the listed words after the last paired one were cut off
and cost nothing (:func:`cut_tail`; ``names.compare``). Organisations only: a person's name is
not written past 35 characters in a field, and a person's listed name with more words than
the query's is another person as often as the same one.

The score stays honest: every query word must pair, and one before the cut word a distinctive
word (weighed in full, not a word listed organisations write by the dozen, the ``common``
words) the same as the listed word: the cut word, or the listed word it was read as, is not
enough (``fieldcuts.completions``: "RESE" read as RESEARCH). "JOINT STOCK COMPANY SCIENTIFIC
RESE" (legal form and generic words, and a cut word) names no institute. Pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from rigour.names import extract_org_types

from clearance.matching.fieldcuts import FIELD_WIDTHS, FORM_ENDS, WORD_KEY, cut_word, word_heads
from clearance.matching.legalforms import FORM_WORDS, nearest_form_word
from clearance.matching.weights import WeightedName

CUT_WIDTHS = FIELD_WIDTHS | {70, 105}  # four SWIFT MT name lines of 35 characters
_CUT_LETTERS = 4  # letters of a cut word at least (``fieldcuts``)
_SAME = 0.999  # a similarity this high is the same word (WordParams.exact_sim)


def field_cut(text: str, vocab: Mapping[str, int]) -> bool:
    """Is ``text`` as long as a payment field and ends inside a word: its last word (four
    ASCII letters or more) no word a legal form ends in ("... TRADING COMPANY LIMITED" is
    whole) and either no listed word (``vocab``: the index's keys) or (h178) the beginning
    of a longer listed word too ("... REVOLUTIONARY INTER" of INTERNATIONALIST, "... FOND
    IMEN" of IMENI: at a field's width a word of its own may be a cut one as well)?"""
    last = None if "\r" in text else cut_word(text, CUT_WIDTHS)
    if last is None:
        return False
    word = last.group().lower()
    if word in FORM_ENDS:
        return False
    return WORD_KEY + word not in vocab or _begins_listed(word, vocab)


def _begins_listed(word: str, vocab: Mapping[str, int]) -> bool:
    """Is ``word`` (folded) the beginning of a longer listed word (no legal form's word:
    ``fieldcuts.word_heads``)?"""
    heads = word_heads(vocab).get(word[:_CUT_LETTERS], ())
    return any(len(w) > len(word) and w.startswith(word) for w in heads)


def pair_cut_word(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
) -> None:
    """The query's last word (the cut one), left unpaired, paired with the listed word after
    the last paired one when that word begins with it ("ARZAMASSKY PRIB" / ARZAMASSKY
    PRIBOROSTROITELNY: a cut word that begins more listed words than
    ``fieldcuts.completions`` reads as; not a legal form's word, as there), after
    :func:`_first_copies` (in place)."""
    last = len(q_words) - 1
    if not pairs:
        return
    _first_copies(c_words, pairs, c_used)
    if q_used[last]:
        return
    word = q_words[last]
    if len(word) < _CUT_LETTERS or not word.isalpha():
        return
    j = max(cj + c_span for _, cj, _, _, c_span in pairs)
    if j < len(c_words) and not c_used[j]:
        listed = c_words[j]
        if len(listed) > len(word) and listed.startswith(word) and listed not in FORM_WORDS:
            pairs.append((last, j, 1.0, 1, 1))
            q_used[last] = c_used[j] = True


def _first_copies(
    c_words: tuple[str, ...], pairs: list[tuple[int, int, float, int, int]], c_used: list[bool]
) -> None:
    """A query word paired with a listed word written twice, paired with its first copy when
    that is the listed word the words before lead to ("... FOR PROJECT" / FOR PROJECT FINANCE
    FACTORY OF PROJECT FINANCE: the cut reads the first; in place)."""
    end = -1
    for k in sorted(range(len(pairs)), key=lambda i: pairs[i][0]):
        qi, cj, sim, q_span, c_span = pairs[k]
        at = end + 1
        if cj > at and c_span == 1 and not c_used[at] and c_words[at] == c_words[cj]:
            c_used[cj], c_used[at] = False, True
            pairs[k] = (qi, at, sim, q_span, c_span)
            cj = at
        end = cj + c_span - 1


def cut_tail(
    query: WeightedName,
    candidate: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
) -> tuple[int, bool]:
    """Where the listed name's cut-off words begin (its length: none) and whether the score is
    capped at :data:`EXACT_CUT_SCORE`: after the last paired listed word, when every query word
    pairs, in order, with the listed name's first words (none of them left out), the query
    names a company (:func:`names_a_company`) and either one query word before the last (the
    cut one) is distinctive and the same as its listed word, or (capped) the query is an exact
    cut of the listed name (:func:`_exact_cut`)."""
    nc = len(c_used)
    if not pairs or not all(q_used):
        return nc, False
    ordered = sorted(pairs)
    end = -1  # the last listed word paired so far
    distinctive = False
    weights, common, tokens = query.weights, query.common, query.form.tokens
    shown = len(tokens) - 1  # (the last word is the cut one, or a listed word it begins)
    for qi, cj, sim, q_span, c_span in ordered:
        if cj <= end:
            return nc, False  # out of order
        end = cj + c_span - 1
        if not distinctive and sim >= _SAME:
            for i in range(qi, min(qi + q_span, shown)):
                if weights[i] >= 1.0 and tokens[i] not in common:
                    distinctive = True
    if end >= nc - 1:
        return nc, False
    for j in range(end + 1):
        if not c_used[j]:
            return nc, False  # a listed word left out before the cut
    if not distinctive and not _exact_cut(query, candidate, ordered):
        return nc, False
    if not names_a_company(_read(tokens, candidate.form.tokens, ordered)):
        return nc, False  # a legal form cut ("OBSHCHESTVO S DOPOLNITELNOY OTVETST")
    return end + 1, not distinctive


def _read(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    ordered: list[tuple[int, int, float, int, int]],
) -> tuple[str, ...]:
    """``q_words`` with the cut one (the last) read as the listed word it pairs with."""
    _, cj, _, q_span, c_span = ordered[-1]
    if q_span != 1 or c_span != 1:
        return q_words
    return (*q_words[:-1], c_words[cj])


_EXACT_WORDS = 3  # words (legal forms' included) an exact cut covers at least
# An exact cut of generic words names one of the listed names it begins, a review's worth
# (a payment that cut such a name off is as likely one to any of them): an alert at the
# default threshold (0.7), under a name that agrees in a distinctive word
EXACT_CUT_SCORE = 0.8


def _exact_cut(
    query: WeightedName, candidate: WeightedName, ordered: list[tuple[int, int, float, int, int]]
) -> bool:
    """Is the query, of generic words, an exact cut of the listed name: every word before the
    cut one the same as the listed word it pairs with (in order, from the first: the
    caller's), the cut one the beginning of its listed word, its legal form the listed one's,
    :data:`_EXACT_WORDS` words at least ("JOINT STOCK COMPANY SCIENTIFIC RESE" for JOINT STOCK
    COMPANY SCIENTIFIC RESEARCH INSTITUTE GIRICOND)?"""
    q_words, c_words = query.form.tokens, candidate.form.tokens
    forms = query.form.forms
    if not forms <= candidate.form.forms:
        return False  # (a listed form after the name: the field cut it off)
    if len(q_words) + (1 if forms else 0) < _EXACT_WORDS and not _distinct_cut(
        query, candidate, ordered[-1]
    ):
        return False
    last = len(q_words) - 1
    for qi, cj, sim, q_span, c_span in ordered:
        if qi + q_span - 1 < last:
            if sim < _SAME:
                return False
        elif q_span != 1 or c_span != 1 or not c_words[cj].startswith(q_words[last]):
            return False
    return True


def _distinct_cut(
    query: WeightedName, candidate: WeightedName, pair: tuple[int, int, float, int, int]
) -> bool:
    """Is the listed word the cut one pairs with (``pair``: the last) distinctive, weighed in
    full and no word listed organisations write by the dozen (h178: "AKTSIONERNOYE
    OBSHCHESTVO DALNEVOST" of AO DALNEVOSTOCHNYY ZAVOD ZVEZDA: fewer words than
    :data:`_EXACT_WORDS`, but the cut word after the generic ones names something)?"""
    _, cj, _, _, c_span = pair
    word = candidate.form.tokens[cj]
    return c_span == 1 and candidate.weights[cj] >= 1.0 and word not in query.common


# Words of Russian and Belarusian legal forms neither rigour's ISO 20275 table nor the own one
# has (folded): "INOSTRANNOYE OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU" (a foreign LLC),
# "OBSHCHESTVO S DOPOLNITELNOY OTVETSTVENNOSTYU" (an additional liability company), the kinds of
# a unitary enterprise ("FEDERALNOE GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE": rigour's form is
# "GOSUDARSTVENNOE UNITARNOE PREDPRIYATIE", "UNITARNOE PREDPRIYATIE")
_FORM_QUALIFIERS = frozenset(
    {
        "inostrannoye",
        "inostrannoe",
        "inostrannoi",
        "inostrannoj",
        "inostrannoy",
        "dopolnitelnoy",
        "dopolnitelnoi",
        "dopolnitelnoj",
        "federalnoe",
        "federalnoye",
        "munitsipalnoe",
        "munitsipalnoye",
        "chastnoe",
        "chastnoye",
        "respublikanskoe",
        "respublikanskoye",
    }
)


@lru_cache(maxsize=4096)
def names_a_company(words: tuple[str, ...]) -> bool:
    """Is one of a cut name's ``words`` (the cut one read as the listed word it begins) no
    word of a legal form: of the own table (a slip of one letter too: "ORGANICHENNOI"), of
    rigour's ISO 20275 table (``extract_org_types``: "GOSUDARSTVENNOE UNITARNOE
    PREDPRIYATIE") or :data:`_FORM_QUALIFIERS`?"""
    found = extract_org_types(" ".join(words))
    covered = {w for text, _ in found for w in text.split()}
    for word in words:
        if word in covered or word in FORM_WORDS or word in _FORM_QUALIFIERS:
            continue
        if nearest_form_word(word) == word:
            return True
    return False
