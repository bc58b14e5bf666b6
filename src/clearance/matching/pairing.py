"""Run-together words: could two adjacent words of one name be one word of the other
("Jong Un" / "Jongun")? Asked for nearly every listed name a query cannot otherwise reach, so
each name's adjacent pairs and word shapes are worked out once per name, not per comparison.
Also the pairing of such words once the other words are paired (:func:`merge_adjacent`) and of
a name's initials run together ("A.K." / "AK").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from clearance.matching.arabic_article import DIN, din_slip
from clearance.matching.wordsim import word_sim

# An adjacent pair: the two words run together, its length, its first and last letters, and
# whether one of the two is an initial (never half of a person's word).
_Join = tuple[str, int, str, str, bool]
_Shape = tuple[str, int, str, str]  # a word, its length, its first and last letters


@lru_cache(maxsize=100_000)
def joins(tokens: tuple[str, ...]) -> tuple[_Join, ...]:
    """The adjacent pairs of ``tokens``, run together."""
    return tuple(
        (left + right, len(left) + len(right), left[0], right[-1], len(left) < 2 or len(right) < 2)
        for left, right in zip(tokens, tokens[1:], strict=False)
    )


@lru_cache(maxsize=100_000)
def shapes(tokens: tuple[str, ...]) -> tuple[_Shape, ...]:
    """Each word of ``tokens`` with its length, first and last letter."""
    return tuple((w, len(w), w[0], w[-1]) for w in tokens)


def ends_apart(size: int, length: int, rows: tuple[tuple[float, ...], ...], merge: float) -> bool:
    """May two words of ``size`` and ``length`` letters that differ in their first and their
    last letter reach ``merge`` (two edits, one at each end, in words long enough:
    "ebdulrahmane" / ABDUL RAHMAN, as :func:`merge_adjacent` pairs them; issue 11, h159)?"""
    return word_sim(2, max(size, length), rows) >= merge


def ends_from(rows: tuple[tuple[float, ...], ...], merge: float) -> int:
    """From how many letters two words of one length whose first and last letters both
    differ may reach ``merge`` (:func:`ends_apart`; 64: never below that), memoised per table
    and threshold: a query name's :class:`Joins` asked it each time (~14,000 instructions;
    the same answer for every query)."""
    got = _ENDS_FROM.get(merge)
    if got is not None and got[0] is rows:
        return got[1]
    found = 64
    for n in range(1, 64):
        if ends_apart(n, n, rows, merge):
            found = n
            break
    if len(_ENDS_FROM) >= ENDS_FROM_KEPT:
        _ENDS_FROM.clear()
    _ENDS_FROM[merge] = (rows, found)  # (the table kept alive with it: its identity is the key)
    return found


ENDS_FROM_KEPT = 16  # (thresholds remembered: one per parameter set in use)
_ENDS_FROM: dict[float, tuple[tuple[tuple[float, ...], ...], int]] = {}


def joinable(
    q_tokens: tuple[str, ...],
    c_tokens: tuple[str, ...],
    person: bool,
    merge_sim: float,
    rows: tuple[tuple[float, ...], ...],
) -> bool:
    """Could two adjacent words on one side be one word on the other, at ``merge_sim`` or
    better? Only pairs whose length is within two letters of the word and that share its
    first or last letter are compared (two edits, one at each end, are not looked for)."""
    for many, one in ((q_tokens, c_tokens), (c_tokens, q_tokens)):
        if len(many) < 2:
            continue
        words = shapes(one)
        for joined, size, first, last, initial in joins(many):
            if person and initial:
                continue
            for word, length, word_first, word_last in words:
                if length - size > 2 or size - length > 2:
                    continue
                if (
                    word_first != first
                    and word_last != last
                    and not ends_apart(size, length, rows, merge_sim)
                ):
                    continue
                dist = OSA.distance(joined, word, score_cutoff=2)
                if word_sim(dist, max(size, length), rows) >= merge_sim:
                    return True
    return _din_joinable(q_tokens, c_tokens)


def _din_joinable(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...]) -> bool:
    """Is a word of one name the other's "X al-Din" compound run together with one slip in
    its al-Din (:func:`~clearance.matching.arabic_article.din_slip`)?"""
    for many, one in ((q_tokens, c_tokens), (c_tokens, q_tokens)):
        for k in range(1, len(many)):
            if many[k] == DIN and any(din_slip(word, many[k - 1]) for word in one):
                return True
    return False


class Joins:
    """:func:`joinable` for one query name, split into what a listed word and a listed word
    pair contribute (memoised: words recur across the names a query is compared with)."""

    def __init__(
        self, q_tokens: tuple[str, ...], merge_sim: float, rows: tuple[tuple[float, ...], ...]
    ) -> None:
        self.q_tokens = q_tokens
        self.q_shapes = shapes(q_tokens) if q_tokens else ()
        self.q_joins = joins(q_tokens) if len(q_tokens) >= 2 else ()
        # (the first halves of the query's "X al-Din" compounds: merge_adjacent's din_slip)
        self.din_firsts = tuple(q_tokens[k - 1] for k in range(1, len(q_tokens))
                                if q_tokens[k] == DIN)  # fmt: skip
        self.merge_sim, self.rows = merge_sim, rows
        # (the most two edits give a pair of any length: a merge at a higher threshold is one
        # edit or none, a pair :meth:`joinable` looks at: see :func:`may_merge_closely`)
        self.two_edits = max(rows[2]) if len(rows) > 2 else 1.0
        # (words whose first and last letters both differ, two edits, reach merge_sim from
        # this many letters: ends_apart)
        self.ends_from = ends_from(rows, merge_sim)
        # (the answers for a person's names and an organisation's kept apart: keyed by the
        # word or the word pair alone, no key tuple made and hashed per look-up)
        self.person_words: dict[str, bool] = {}
        self.org_words: dict[str, bool] = {}
        self.person_pairs: dict[tuple[str, str], bool] = {}
        self.org_pairs: dict[tuple[str, str], bool] = {}
        # (a word or pair more than two letters longer or shorter than every query word pair
        # or word it could be is ruled out without a look)
        self.word_sizes = _sizes([j[1] for j in self.q_joins])
        self.pair_sizes = _sizes([len(w) for w in q_tokens])

    def joinable(self, tokens: tuple[str, ...], person: bool) -> bool:
        """:func:`joinable` of the query name and the listed name ``tokens``."""
        word_sizes, pair_sizes = self.word_sizes, self.pair_sizes
        words, pairs = len(word_sizes), len(pair_sizes)
        for word in tokens:
            size = len(word)
            if size < words and word_sizes[size] and self.word(word, person):
                return True
        for k in range(1, len(tokens)):  # (by place: a zip is a generic iterator compiled)
            left, right = tokens[k - 1], tokens[k]
            size = len(left) + len(right)
            if size < pairs and pair_sizes[size] and self.pair(left, right, person):
                return True
        return False

    def _close(self, joined: str, size: int, first: str, last: str, word: str) -> bool:
        length = len(word)
        if length - size > 2 or size - length > 2:
            return False
        if word[0] != first and word[-1] != last and max(size, length) < self.ends_from:
            return False
        dist = OSA.distance(joined, word, score_cutoff=2)
        return word_sim(dist, max(size, length), self.rows) >= self.merge_sim

    def word(self, word: str, person: bool) -> bool:
        """Two adjacent query words can be this listed word."""
        memo = self.person_words if person else self.org_words
        found = memo.get(word)
        if found is None:
            found = memo[word] = any(
                self._close(joined, size, first, last, word)
                for joined, size, first, last, initial in self.q_joins
                if not (person and initial)
            ) or any(din_slip(word, first) for first in self.din_firsts)
        return found

    def pair(self, left: str, right: str, person: bool) -> bool:
        """These two adjacent listed words can be one query word."""
        memo = self.person_pairs if person else self.org_pairs
        key = (left, right)
        found = memo.get(key)
        if found is None:
            if person and (len(left) < 2 or len(right) < 2):
                found = False
            else:
                joined, size = left + right, len(left) + len(right)
                found = any(
                    self._close(joined, size, left[0], right[-1], word)
                    for word, _, _, _ in self.q_shapes
                ) or (right == DIN and any(din_slip(word, left) for word in self.q_tokens))
            memo[key] = found
        return found


def may_merge_closely(joins: Joins, c_tokens: tuple[str, ...], person: bool, close: float) -> bool:
    """May :func:`merge_adjacent` at threshold ``close`` pair anything between the query name
    of ``joins`` and the listed name ``c_tokens``? When ``close`` is above what two edits give
    (so :func:`merge_adjacent` looks at pairs one edit apart or the same only, within a letter
    and sharing the first or the last letter) and not below the joins' ``merge_sim``, a pair
    it could merge is one :meth:`Joins.joinable` finds: no merge without it (exact, not a
    bound: the same words, the same distance and similarity). Otherwise: maybe."""
    if close <= joins.two_edits or close < joins.merge_sim:
        return True
    return joins.joinable(c_tokens, person)


def _sizes(lengths: list[int]) -> list[bool]:
    """By length: whether a word of that length is within two letters of one of
    ``lengths`` (a list read by place: no set look-up of a boxed int per word)."""
    fits = [False] * (max(lengths) + 3 if lengths else 0)
    for length in lengths:
        for size in range(max(0, length - 2), length + 3):
            fits[size] = True
    return fits


INITIALS_RUN = 3  # single letters in a row that may be one word's letters ("C.M.V." / "cmv")


@lru_cache(maxsize=100_000)
def initial_runs(tokens: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Runs of :data:`INITIALS_RUN` or more single letters in ``tokens`` ("c m v carnes"):
    where each starts, how many letters, and the letters written as one word ("cmv"). (Two
    letters are run together as any two words are: :func:`joinable`.)"""
    out: list[tuple[int, int, str]] = []
    start = 0
    for i in range(len(tokens) + 1):
        if i < len(tokens) and len(tokens[i]) == 1:
            continue
        if i - start >= INITIALS_RUN:
            out.append((start, i - start, "".join(tokens[start:i])))
        start = i + 1
    return tuple(out)


def spelt_initials(q_tokens: tuple[str, ...], c_tokens: tuple[str, ...]) -> bool:
    """Does one name write as one word what the other writes as initials ("CMV CARNES" /
    "C.M.V. CARNES")? (Then :func:`pair_initial_runs` pairs them: no bound without it.)"""
    q_runs, c_runs = initial_runs(q_tokens), initial_runs(c_tokens)
    return any(text in c_tokens for _, _, text in q_runs) or any(
        text in q_tokens for _, _, text in c_runs
    )


def pair_initial_runs(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
) -> None:
    """Pair a run of unpaired single letters on one side ("C.M.V.") with the unpaired word on
    the other that is those letters written as one ("cmv"), as the same word (an
    organisation's name: in a person's name initials stand for words)."""
    for side_q in (True, False):
        many, one = (q_words, c_words) if side_q else (c_words, q_words)
        many_used, one_used = (q_used, c_used) if side_q else (c_used, q_used)
        for start, size, text in initial_runs(many):
            if any(many_used[start : start + size]):
                continue
            j = next((j for j, w in enumerate(one) if w == text and not one_used[j]), -1)
            if j < 0:
                continue
            for i in range(start, start + size):
                many_used[i] = True
            one_used[j] = True
            pairs.append((start, j, 1.0, size, 1) if side_q else (j, start, 1.0, 1, size))


def whole_query_merged(pairs: Sequence[tuple[int, int, float, int, int]], nq: int) -> bool:
    """Did all of a query's words (two or more) run together to pair one listed word?"""
    return nq >= 2 and any(q_span == nq for _, _, _, q_span, _ in pairs)


def _adjacent_free(used: list[bool]) -> bool:
    return any(not used[i] and not used[i + 1] for i in range(len(used) - 1))


def mergeable(q_used: list[bool], c_used: list[bool]) -> bool:
    """Two adjacent free words on one side and a free word on the other."""
    return (_adjacent_free(q_used) and not all(c_used)) or (
        _adjacent_free(c_used) and not all(q_used)
    )


def loose(triples: list[tuple[float, int, int]], nq: int, nc: int, close: float) -> bool:
    """True when some word on either side has no near-identical partner (>= ``close``)."""
    q_ok = [False] * nq
    c_ok = [False] * nc
    for sim, qi, cj in triples:
        if sim < close:
            break
        q_ok[qi] = c_ok[cj] = True
    for ok in q_ok:  # (plain loops: all() of a list is a generic call compiled)
        if not ok:
            return True
    for ok in c_ok:  # noqa: SIM110
        if not ok:
            return True
    return False


def merge_adjacent(
    q_words: tuple[str, ...],
    c_words: tuple[str, ...],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    threshold: float,
    person: bool,
    rows: tuple[tuple[float, ...], ...],
) -> None:
    """Pair two adjacent unmatched words on one side with one unmatched word on the other."""
    # Edits a run-together pair may differ by and still reach the threshold: one edit (at
    # 0.9) leaves the first or the last letter in place, which rules out most pairs unseen.
    edits = 1 if threshold > rows[2][11] else 2
    for side_q in (True, False):
        many, one = (q_words, c_words) if side_q else (c_words, q_words)
        if len(many) < 2:
            continue
        many_used, one_used = (q_used, c_used) if side_q else (c_used, q_used)
        # (``one``'s free words and their lengths, once two free words are seen: most words
        # are paired by now, and only a merge below pairs one of them on this side)
        free: list[int] | None = None
        lengths: list[int] = []
        shortest = longest = 0
        for i in range(len(many) - 1):
            if many_used[i] or many_used[i + 1]:
                continue
            left, right = many[i], many[i + 1]
            if person and (len(left) < 2 or len(right) < 2):
                continue  # an initial is not half of a word (in "ZIL-M" a letter can be)
            if free is None:
                free = [j for j in range(len(one)) if not one_used[j]]
                lengths = [len(one[j]) for j in free]
                shortest, longest = _extent(lengths)
            if not free:
                break  # (nothing left on the other side to pair with)
            size = len(left) + len(right)
            if size - edits > longest or size + edits < shortest:
                continue  # (no free word within the edits in length: most run-together pairs)
            first, last = left[0], right[-1]
            joined = ""  # (run together once a word of the other side may be it: most are not)
            best_j, best_k, best_sim = -1, -1, 0.0
            for k in range(len(free)):  # (by place, ascending: the first best word wins)
                length = lengths[k]
                if length - size > edits or size - length > edits:
                    continue
                j = free[k]
                word = one[j]
                if edits == 1 and word[0] != first and word[-1] != last:
                    continue
                if not joined:
                    joined = left + right
                dist = OSA.distance(joined, word, score_cutoff=edits)
                if dist > 1 and right == DIN and din_slip(word, left):
                    dist = 1  # "shamsudgin" / SHAMS ALDIN: al-Din run on, one slip in it
                sim = word_sim(dist, max(size, length), rows)
                if sim > best_sim:
                    best_j, best_k, best_sim = j, k, sim
            if best_j >= 0 and best_sim >= threshold:
                many_used[i] = many_used[i + 1] = one_used[best_j] = True
                del free[best_k]
                del lengths[best_k]
                shortest, longest = _extent(lengths)
                if side_q:
                    pairs.append((i, best_j, best_sim, 2, 1))
                else:
                    pairs.append((best_j, i, best_sim, 1, 2))


def _extent(lengths: list[int]) -> tuple[int, int]:
    """The least and the most of ``lengths`` (0, 0 for none)."""
    if not lengths:
        return 0, 0
    least = most = lengths[0]
    for n in lengths:
        if n < least:
            least = n
        elif n > most:
            most = n
    return least, most


def half_left(weights: Sequence[float], c_used: Sequence[bool], pairs: int) -> bool:
    """Does a listed name leave as many words of full weight (no initial, particle or legal
    form) unpaired as ``pairs`` pairs it has, and a paired word stand between two of them
    ("mhmd, thrn; listed only: zrgr brhm" of ZARGAR TEHRANI, Mohammad Ebrahim)? Words left
    in one run are names dropped together: the middle names, or those after the first given
    name ("جهاد يغمور" / YAGHMOUR, Jihad Muhammad Shaker)."""
    left = [j for j, (weight, used) in enumerate(zip(weights, c_used, strict=True))
            if not used and weight >= 1.0]  # fmt: skip
    if len(left) < pairs or len(left) < 2:
        return False
    return any(c_used[j] for j in range(left[0], left[-1]))


def patronymics_disagree(
    q_patronymic: Sequence[bool],
    q_used: Sequence[bool],
    c_patronymic: Sequence[bool],
    c_used: Sequence[bool],
) -> bool:
    """Does each name have a patronymic that pairs with nothing of the other (since 1.22)?
    Two fathers' names: "Svetlana Mikhaylovna Medvedeva" is not MEDVEDEVA, Svetlana
    Vladimirovna, however common the given name and the family name they share. One side's
    patronymic alone is a word the other does not write (it costs little)."""
    if True not in q_patronymic or True not in c_patronymic:  # (most names: none)
        return False
    return any(p and not u for p, u in zip(q_patronymic, q_used, strict=True)) and any(
        p and not u for p, u in zip(c_patronymic, c_used, strict=True)
    )


def supporting(
    pairs: Sequence[tuple[int, int, float, int, int]],
    q_patronymic: Sequence[bool],
    close: float,
    *,
    single: bool = False,
    q_words: Sequence[str] = (),
) -> int:
    """Query words of ``pairs`` that agree closely (``close``), pairs of one word each on
    both sides only when ``single``, and no patronymic (``q_patronymic``, by query word; an
    empty sequence: any word): what supports pairing or leaving over the rest of the names
    (:func:`~clearance.matching.slips.pair_leftovers`). With the query's words (``q_words``)
    an "X al-Din" compound ("salah aldin", as ``arabic_article`` writes "Salahudin") whose
    halves both agree is one word that agrees, not two (issue 11, h164: "Drajat Salahudin"
    is not SALAHUDIN, Maulawi Rajab by two words of three)."""
    count = 0
    agree: list[int] = []
    for qi, _, sim, q_span, c_span in pairs:
        if (sim >= close and not (q_patronymic and q_patronymic[qi])
                and (not single or q_span == c_span == 1)):  # fmt: skip
            count += q_span
            agree.append(qi)
    if q_words and DIN in q_words:
        for qi in agree:
            if qi > 0 and q_words[qi] == DIN and qi - 1 in agree:
                count -= 1
    return count
