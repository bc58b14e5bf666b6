"""Cold-pass cuts on the scoring side (h155, issue 11; no outcome changes).

:func:`clearance.matching.pairing.merge_adjacent` takes the words as tuples (indexed natively
compiled) and runs two words together only once a word of the other side may be them (most
adjacent pairs have none within the edits the threshold allows); :func:`clearance.matching.
pairing.loose` tests its flags in plain loops (``all()`` of a list is a generic call). Each
agrees with the code it replaces (written out here as 1.31 had it), over the words of names as
sanctions lists write them and slips of them: words run together, split, a letter dropped,
doubled or changed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from clearance.matching.memo import sim_rows
from clearance.matching.normalize import analyse
from clearance.matching.pairing import loose, merge_adjacent
from clearance.matching.params import WordParams
from clearance.matching.wordsim import word_sim

# (names as sanctions lists write them: OFAC SDN, UN, EU, UK)
LISTED = [
    "KIM Jong Un",
    "KIM Yong Su",
    "RI Pyong Chol",
    "CHOE Ryong Hae",
    "LI Jingyi",
    "ZHANG Yongjun",
    "WANG Weiming",
    "AL-DURI, Izzat Ibrahim",
    "ABDUL ALI ABOU DHER",
    "SALEH, Abdul Latif",
    "ZARGAR TEHRANI, Mohammad Ebrahim",
    "AVRAMENKO, Alexey Nikolaevich",
    "ZIMOVSKY, Aleksandr Leonidovich",
    "ARCHAGA CARIAS, Yulan Adonay",
    "CALLE SERNA, Javier Antonio",
    "BANK MELLAT",
    "KORYO BANK",
    "NEW EASTERN SHIPPING CO LTD",
    "SEA STAR SHIPPING COMPANY",
    "ROSOBORONEXPORT OAO",
    "TRANS ASIA ENERGY",
    "NORTHSTAR MARINE",
    "C.M.V. CARNES",
    "Z I L M",
]


def _merge_as_it_was(
    q_words: Sequence[str],
    c_words: Sequence[str],
    q_used: list[bool],
    c_used: list[bool],
    pairs: list[tuple[int, int, float, int, int]],
    threshold: float,
    person: bool,
    rows: tuple[tuple[float, ...], ...],
) -> None:
    """``pairing.merge_adjacent`` as 1.31 wrote it."""
    edits = 1 if threshold > rows[2][11] else 2
    for side_q in (True, False):
        many, one = (q_words, c_words) if side_q else (c_words, q_words)
        if len(many) < 2:
            continue
        many_used, one_used = (q_used, c_used) if side_q else (c_used, q_used)
        lengths: list[int] | None = None
        for i in range(len(many) - 1):
            if many_used[i] or many_used[i + 1]:
                continue
            left, right = many[i], many[i + 1]
            if person and (len(left) < 2 or len(right) < 2):
                continue
            if lengths is None:
                lengths = [len(w) for w in one]
            size = len(left) + len(right)
            joined, first, last = left + right, left[0], right[-1]
            best_j, best_sim = -1, 0.0
            for j, length in enumerate(lengths):
                if one_used[j] or length - size > edits or size - length > edits:
                    continue
                word = one[j]
                if edits == 1 and word[0] != first and word[-1] != last:
                    continue
                dist = OSA.distance(joined, word, score_cutoff=edits)
                sim = word_sim(dist, max(size, length), rows)
                if sim > best_sim:
                    best_j, best_sim = j, sim
            if best_j >= 0 and best_sim >= threshold:
                many_used[i] = many_used[i + 1] = one_used[best_j] = True
                if side_q:
                    pairs.append((i, best_j, best_sim, 2, 1))
                else:
                    pairs.append((best_j, i, best_sim, 1, 2))


def _loose_as_it_was(triples: list[tuple[float, int, int]], nq: int, nc: int, close: float) -> bool:
    """``pairing.loose`` as 1.31 wrote it."""
    q_ok = [False] * nq
    c_ok = [False] * nc
    for sim, qi, cj in triples:
        if sim < close:
            break
        q_ok[qi] = c_ok[cj] = True
    return not (all(q_ok) and all(c_ok))


def _tokens(name: str) -> tuple[str, ...]:
    return analyse(name)[0].tokens


def _slip(words: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """``words`` with one slip: two run together, one split, a letter dropped, doubled or
    changed (or as they are)."""
    out = list(words)
    kind = rng.randrange(6)
    at = rng.randrange(len(out))
    word = out[at]
    if kind == 0 and at + 1 < len(out):
        out[at : at + 2] = [word + out[at + 1]]
    elif kind == 1 and len(word) > 3:
        cut = rng.randrange(1, len(word) - 1)
        out[at : at + 1] = [word[:cut], word[cut:]]
    elif kind == 2 and len(word) > 1:
        k = rng.randrange(len(word))
        out[at] = word[:k] + word[k + 1 :]
    elif kind == 3:
        k = rng.randrange(len(word))
        out[at] = word[:k] + word[k] + word[k:]
    elif kind == 4:
        k = rng.randrange(len(word))
        out[at] = word[:k] + rng.choice("aeiknrsy") + word[k + 1 :]
    return tuple(out)


def test_merge_adjacent_pairs_as_it_did() -> None:
    """The same pairs and the same words used, both thresholds, persons and companies."""
    rng = random.Random(155)
    words = WordParams()
    rows = sim_rows(words)
    names = [_tokens(n) for n in LISTED]
    merged = 0
    for _ in range(3000):
        c = rng.choice(names)
        q = _slip(rng.choice([c, c, rng.choice(names)]), rng)
        q_used = [rng.random() < 0.3 for _ in q]
        c_used = [rng.random() < 0.3 for _ in c]
        for threshold in (words.close_sim, words.merge_sim):
            for person in (True, False):
                new_q, new_c, old_q, old_c = list(q_used), list(c_used), list(q_used), list(c_used)
                new: list[tuple[int, int, float, int, int]] = []
                old: list[tuple[int, int, float, int, int]] = []
                merge_adjacent(q, c, new_q, new_c, new, threshold, person, rows)
                _merge_as_it_was(q, c, old_q, old_c, old, threshold, person, rows)
                assert (new, new_q, new_c) == (old, old_q, old_c), (q, c, threshold, person)
                merged += bool(new)
    assert merged > 300


def test_loose_answers_as_it_did() -> None:
    """Over triples sorted best first (as ``alignment.pair_words`` passes them)."""
    rng = random.Random(1552)
    answers = set()
    for _ in range(3000):
        nq, nc = rng.randint(1, 5), rng.randint(1, 5)
        triples = [
            (rng.choice([0.5, 0.8, 0.9, 0.95, 1.0]), i, j)
            for i in range(nq)
            for j in range(nc)
            if rng.random() < 0.5
        ]
        triples.sort(reverse=True)
        close = rng.choice([0.9, 0.95])
        answer = loose(triples, nq, nc, close)
        assert answer == _loose_as_it_was(triples, nq, nc, close)
        answers.add(answer)
    assert answers == {True, False}
