"""A person's initials: what one letter says of a name (since h167, issue 11: must-not-alert
class n-initials, unlisted names written with initials).

People abbreviate given names, not family names: where the list says which words of a name
are the family name (published name parts, OFAC's "LAST, First"), an initial written before
the query's family name stands for a given or middle name only (:func:`family_mask`, kept in
the index per record; ``alignment.word_pairs``): "M. ALI" is not MAMLUK, Ali, "J G M SERRANO" not
GASTELUM SERRANO, Jaime (the writer's initials stand before the surname: given names). An
initial after every full word of the query may still be a family name's ("Ali M.", Spanish
"Jaime GASTELUM S."), as may any initial of a name whose family the list does not tell — nor
of a record another name of the entity writes without parts ("Kim Kyong Ok" beside KIM KYONG
OK, family KIM: a writer may take its last word for the family name, "K. K. Ok"). Where the
family's word is also a given name ("ISSA, Issa Osman"), the query's family name pairs with
the family's word and an initial with the given one ("I. O. ISSA").

A name of initials and one full word says little (:func:`thin_initials`): when that word
agrees only fuzzily ("S. Preda" / AL-REDA, Salman; "A. Cassara" / KASADHA, Amisi: another
spelling family), the initials add nothing — scored as the word alone. (Not a short surname
with one initial, "Z. LI" / LI, Zhenyu: one letter of evidence, but bench_heldout's initials
class holds "C. KO" / KO, Chol Man at 0.71 as a hit, the same evidence.) And an initial
such a name writes where the listed name has another given name ("S T Gavrilov" /
GAVRILOV, Sergey Anatolyevich: T, not A) is a given name the two disagree on
(:func:`conflicting_initials`).
"""

from __future__ import annotations

from collections.abc import Sequence

from clearance.matching.normalize import analyse
from clearance.matching.params import NameParams
from clearance.matching.phonetics import ARTICLES, phonetic

MAX_FAMILY_WORDS = 62  # (a record's family words are a bit mask of an int: the first ones)


def family_text(full: str, family: str | None) -> str | None:
    """The family name of a listed person's name: the published part, or else the words
    before the comma of "LAST, First" (OFAC); ``None`` when the list does not tell."""
    if family:
        return family
    head, comma, tail = full.partition(",")
    if comma and head.strip() and tail.strip():
        return head
    return None


def family_mask(tokens: Sequence[str], family: str | None, first: bool = True) -> int:
    """Which of a listed person's name words (``tokens``) are its family name's (``family``,
    :func:`family_text`): bit ``j`` for word ``j``; 0 when not known. The family's words where
    they stand together in ``tokens``, the first such run (``first``: "LAST, First") or the
    last; else each word of ``tokens`` the family writes ("MUHAMMAD, Muhammad": the first)."""
    if not family:
        return 0
    forms = analyse(family, split_forms=False)
    words = list(forms[0].tokens) if forms else []
    size = len(words)
    if not size:
        return 0
    n = min(len(tokens), MAX_FAMILY_WORDS)
    starts = [j for j in range(n - size + 1) if tuple(tokens[j : j + size]) == tuple(words)]
    if starts:
        start = starts[0] if first else starts[-1]
        mask = ((1 << size) - 1) << start
    else:
        known = set(words) | {w[2:] for w in words if w[:2] in ARTICLES}  # (article left out)
        mask = 0
        for j in range(n):
            if tokens[j] in known and len(tokens[j]) > 1:
                mask |= 1 << j
    if mask == (1 << n) - 1:
        return 0  # (every word: the parts do not tell this form's words apart)
    return mask


def last_full_word(q_words: Sequence[str]) -> int:
    """The place of the query's last word of two letters or more (-1 if none): initials
    before it stand for given names."""
    for i in range(len(q_words) - 1, -1, -1):
        if len(q_words[i]) > 1:
            return i
    return -1


def first_initial(q_words: Sequence[str]) -> int:
    """The place of the query's first initial (-1 if none): the full words after it are its
    family name's ("A. Q. B. ABDUL BASEER")."""
    for i in range(len(q_words)):
        if len(q_words[i]) == 1:
            return i
    return -1


def given_twice(c_words: Sequence[str], family: int) -> int:
    """The listed words that are not the family's but written as a word of it ("ISSA, Issa
    Osman": the second ISSA), bit per word: the query's family name (its full words after an
    initial) pairs with the family's word, an initial with the given name ("I. O. ISSA")."""
    twice = 0
    for j in range(len(c_words)):
        if (family >> j) & 1:
            for k in range(len(c_words)):
                if k != j and not (family >> k) & 1 and c_words[k] == c_words[j]:
                    twice |= 1 << k
    return twice


def is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def initials_name(q_words: Sequence[str], q_weights: Sequence[float]) -> bool:
    """Is the query a person's name of initials and one word of full weight ("J. SMITH",
    "S T Gavrilov"; particles aside)?"""
    strong = 0
    initials = 0
    for i in range(len(q_words)):  # (a plain loop: it compiles to native code)
        if q_weights[i] >= 1.0:
            strong += 1
        elif len(q_words[i]) == 1 and q_words[i].isalpha():
            initials += 1
    return strong == 1 and initials > 0


def thin_initials(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_weights: Sequence[float],
    pairs: Sequence[tuple[int, int, float, int, int]],
    params: NameParams,
) -> bool:
    """In a name of initials and one full word (:func:`initials_name`), do the initials add
    nothing? When the full word is paired fuzzily: under ``params.thin_word_sim`` (less well
    than an initial agrees with its word: "Preda" / REDA, "Cassara" / KASADHA; not a letter
    of a transliteration, "Khreit" / KHRAIT), with another sound."""
    for qi, cj, value, q_span, c_span in pairs:
        if q_span == 1 and c_span == 1 and q_weights[qi] >= 1.0:
            return value < params.thin_word_sim and phonetic(q_words[qi]) != phonetic(c_words[cj])
    return False


def drop_initial_pairs(
    q_words: Sequence[str],
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
) -> list[int]:
    """Undo the pairs of the query's initials (in place); their places."""
    dropped: list[int] = []
    kept: list[tuple[int, int, float, int, int]] = []
    for pair in pairs:
        qi, cj = pair[0], pair[1]
        if pair[3] == 1 and is_initial(q_words[qi]):
            q_used[qi] = c_used[cj] = False
            dropped.append(qi)
        else:
            kept.append(pair)
    pairs[:] = kept
    return dropped


def conflicting_initials(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_used: Sequence[bool],
    c_used: Sequence[bool],
    family: int,
) -> bool:
    """Does the query leave an initial unpaired while the listed name leaves a given or middle
    name (a word of two letters or more, not of its family name) unpaired: an initial for
    another given name ("S T Gavrilov" / GAVRILOV, Sergey Anatolyevich)? Not an A or E (the
    article's, which the listed words run onto their word or leave out: "A. A. B. AL-KAWARI"
    for ABD AL-LATIF BIN ..., read "abdul latif"), nor a listed word the article begins
    ("N. E. KHREIT" / Najm-Eddin KHREIT, read "najm aldin")."""
    initial = False
    for i in range(len(q_words)):
        if not q_used[i] and is_initial(q_words[i]):
            if q_words[i] in _ARTICLE_LETTERS:
                return False
            initial = True
    if not initial:
        return False
    for j in range(len(c_words)):
        word = c_words[j]
        if not c_used[j] and len(word) > 1 and not (family >> j) & 1 and word[:2] not in ARTICLES:
            return True
    return False


_ARTICLE_LETTERS = frozenset("ae")


def initial_rules(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_weights: Sequence[float],
    pairs: list[tuple[int, int, float, int, int]],
    q_used: list[bool],
    c_used: list[bool],
    family: int,
    params: NameParams,
) -> float:
    """In a name of initials and one full word (the caller asks :func:`initials_name`): thin
    initials' pairs undone (in place), or conflicting initials weighed as given names. The
    weight the query's unpaired words then count beyond their own: the undone initials'
    taken off (scored as the full word alone), a conflicting initial's raised."""
    if thin_initials(q_words, c_words, q_weights, pairs, params):
        return -sum([q_weights[i] for i in drop_initial_pairs(q_words, pairs, q_used, c_used)])
    if not conflicting_initials(q_words, c_words, q_used, c_used, family):
        return 0.0
    extra = 0.0
    for i in range(len(q_words)):
        if not q_used[i] and is_initial(q_words[i]):
            extra += params.initial_conflict_weight - q_weights[i]
    return extra
