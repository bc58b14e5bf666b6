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

from collections.abc import Container

from clearance.matching.fieldcuts import FIELD_WIDTHS, FORM_ENDS, WORD_KEY, cut_word
from clearance.matching.weights import WeightedName

CUT_WIDTHS = FIELD_WIDTHS | {70, 105}  # four SWIFT MT name lines of 35 characters
_SAME = 0.999  # a similarity this high is the same word (WordParams.exact_sim)


def field_cut(text: str, vocab: Container[str]) -> bool:
    """Is ``text`` as long as a payment field and ends inside a word: its last word (four
    ASCII letters or more) no listed word (``vocab``: the index's keys) and no word a legal
    form ends in ("... TRADING COMPANY LIMITED" is whole)?"""
    last = None if "\r" in text else cut_word(text, CUT_WIDTHS)
    if last is None:
        return False
    word = last.group().lower()
    return word not in FORM_ENDS and WORD_KEY + word not in vocab


def cut_tail(
    query: WeightedName,
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
) -> int:
    """Where the listed name's cut-off words begin (its length: none): after the last paired
    listed word, when every query word pairs, in order, with the listed name's first words
    (none of them left out) and one query word before the last (the cut one) is distinctive
    and the same as its listed word."""
    nc = len(c_used)
    if not pairs or not all(q_used):
        return nc
    ordered = sorted(pairs)
    end = -1  # the last listed word paired so far
    distinctive = False
    weights, common, tokens = query.weights, query.common, query.form.tokens
    shown = len(tokens) - 1  # (the last word is the cut one, or a listed word it begins)
    for qi, cj, sim, q_span, c_span in ordered:
        if cj <= end:
            return nc  # out of order
        end = cj + c_span - 1
        if not distinctive and sim >= _SAME:
            for i in range(qi, min(qi + q_span, shown)):
                if weights[i] >= 1.0 and tokens[i] not in common:
                    distinctive = True
    if not distinctive or end >= nc - 1:
        return nc
    for j in range(end + 1):
        if not c_used[j]:
            return nc  # a listed word left out before the cut
    return end + 1
