"""Cold-pass cuts on the scoring side (h175, issue 11; no outcome changes).

:func:`clearance.matching.pairing.merge_adjacent` looks only at the words of the other side
left free (most are paired by then); an explanation's similarity texts are memoised
(:func:`clearance.matching.memo.sim_text`); ``names.compare`` tests syllable names without the
memo's call (:func:`clearance.matching.syllables.all_syllables`); a
:class:`~clearance.matching.weights.WeightedName` finds a run-on article without slicing each
word. Each agrees with the code it replaces (written out here as 1.34 had it).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from clearance.matching import memo
from clearance.matching.arabic_article import DIN, din_slip
from clearance.matching.memo import sim_rows, sim_text
from clearance.matching.names import compare
from clearance.matching.normalize import NameForm, analyse
from clearance.matching.pairing import merge_adjacent
from clearance.matching.params import NameParams, WordParams
from clearance.matching.syllables import SYLLABLES, all_syllables, syllable_name
from clearance.matching.vocab import LOW_INFO_WORDS
from clearance.matching.weights import WeightedName, common_singulars, word_table
from clearance.matching.wordsim import WordSimilarity, word_sim

# (names as sanctions lists write them: OFAC SDN, UN, EU, UK)
LISTED = [
    "KIM Jong Un",
    "KIM Yong Su",
    "RI Pyong Chol",
    "LI Jingyi",
    "ZHANG Yongjun",
    "AL-DURI, Izzat Ibrahim",
    "ABDUL ALI ABOU DHER",
    "SHAMS AL DIN, Mohammad",
    "SALAH AL DIN, Ahmad Izz al Din",
    "Nur al-Din AL-ZANKI",
    "ZARGAR TEHRANI, Mohammad Ebrahim",
    "AVRAMENKO, Alexey Nikolaevich",
    "ARCHAGA CARIAS, Yulan Adonay",
    "BANK MELLAT",
    "KORYO BANK",
    "NEW EASTERN SHIPPING CO LTD",
    "SEA STAR SHIPPING COMPANY",
    "AL LOGISTICS TRUST",
    "ALMADINA ELECTRONICS ULTRA",
    "EL ENERGY COMPANY",
    "UL INDUSTRIES",
    "C.M.V. CARNES",
    "Z I L M",
]


def _tokens(name: str) -> tuple[str, ...]:
    return analyse(name)[0].tokens


def _slip(words: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """``words`` with one slip: two run together, one split, a letter dropped or changed."""
    out = list(words)
    kind = rng.randrange(5)
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
        out[at] = word[:k] + rng.choice("aeiknrsdg") + word[k + 1 :]
    return tuple(out)


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
    """``pairing.merge_adjacent`` as 1.34 wrote it."""
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
            first, last = left[0], right[-1]
            joined = ""
            best_j, best_sim = -1, 0.0
            for j in range(len(lengths)):
                length = lengths[j]
                if one_used[j] or length - size > edits or size - length > edits:
                    continue
                word = one[j]
                if edits == 1 and word[0] != first and word[-1] != last:
                    continue
                if not joined:
                    joined = left + right
                dist = OSA.distance(joined, word, score_cutoff=edits)
                if dist > 1 and right == DIN and din_slip(word, left):
                    dist = 1
                sim = word_sim(dist, max(size, length), rows)
                if sim > best_sim:
                    best_j, best_sim = j, sim
            if best_j >= 0 and best_sim >= threshold:
                many_used[i] = many_used[i + 1] = one_used[best_j] = True
                if side_q:
                    pairs.append((i, best_j, best_sim, 2, 1))
                else:
                    pairs.append((best_j, i, best_sim, 1, 2))


def test_merge_adjacent_pairs_as_it_did() -> None:
    """The same pairs and the same words used, both thresholds, persons and companies, with
    words paired already on either side (as ``alignment.pair_words`` calls it)."""
    rng = random.Random(175)
    words = WordParams()
    rows = sim_rows(words)
    names = [_tokens(n) for n in LISTED]
    merged = twice = 0
    for _ in range(4000):
        c = rng.choice(names)
        q = _slip(_slip(rng.choice([c, c, rng.choice(names)]), rng), rng)
        if rng.random() < 0.5:
            q, c = c, q
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
                twice += len(new) > 1  # (the free words shrink between the merges)
    assert merged > 1000 and twice > 10


def _sim_text_as_it_was(sim: float) -> str:
    rounded = round(sim, 4)
    return "" if rounded >= 0.999 else f" ({rounded:.2f})"


def test_sim_text_writes_what_the_explanation_wrote() -> None:
    """Edges of both roundings included (0.11495 rounds to 0.1150, then writes 0.12), and
    -0.0, which is not memoised (it equals 0.0 as a key and writes "-0.00")."""
    rng = random.Random(1751)
    sims = [0.0, -0.0, 1.0, 0.999, 0.9989, 0.99895, 0.11495, 0.115, 0.125, 0.005, 0.00499]
    sims += [rng.random() for _ in range(3000)]
    sims += [round(rng.random(), rng.randint(2, 6)) for _ in range(3000)]
    for _ in range(2):  # (the second time from the memo)
        for sim in sims:
            assert sim_text(sim) == _sim_text_as_it_was(sim), sim
    assert sim_text(-0.0) == " (-0.00)" and sim_text(0.0) == " (0.00)"


def test_sim_text_is_memoised() -> None:
    memo._SIM_TEXTS.clear()
    assert sim_text(0.8765) == " (0.88)"
    assert memo._SIM_TEXTS == {0.8765: " (0.88)"}
    memo._SIM_TEXTS[0.8765] = " (memo)"  # (read from the memo, not worked out again)
    assert sim_text(0.8765) == " (memo)"
    memo._SIM_TEXTS.clear()
    for k in range(memo.SIM_TEXTS_KEPT + 10):  # (it stays bounded)
        sim_text(0.5 + k / 100_000)
    assert 0 < len(memo._SIM_TEXTS) <= memo.SIM_TEXTS_KEPT
    memo._SIM_TEXTS.clear()


def _explain_as_it_was(comp: object) -> str:
    """``NameComparison.explain`` as 1.34 wrote it."""
    q, c = comp._q_words, comp._c_words  # type: ignore[attr-defined]
    parts: list[str] = []
    for qi, cj, sim, qs, cs in sorted(comp._pairs):  # type: ignore[attr-defined]
        query = q[qi] if qs == 1 else " ".join(q[qi : qi + qs])
        rounded = round(sim, 4)
        if rounded >= 0.999:
            parts.append(query)
        else:
            listed = c[cj] if cs == 1 else " ".join(c[cj : cj + cs])
            parts.append(f"{query}~{listed} ({rounded:.2f})")
    text = ", ".join(parts) if parts else "no word in common"
    q_only = [q[i] for i in range(len(q)) if not comp._q_used[i]]  # type: ignore[attr-defined]
    if q_only:
        text += "; query only: " + " ".join(q_only)
    c_only = [c[j] for j in range(len(c)) if not comp._c_used[j]]  # type: ignore[attr-defined]
    if c_only:
        text += "; listed only: " + " ".join(c_only)
    if comp.number_conflict:  # type: ignore[attr-defined]
        text += "; numbers differ"
    return text


def test_explanations_as_they_were() -> None:
    rng = random.Random(1752)
    params, words = NameParams(), WordParams()
    names = [analyse(n)[0] for n in LISTED]
    explained = set()
    for _ in range(600):
        listed = rng.choice(names)
        typed = NameForm(_slip(_slip(listed.tokens, rng), rng), listed.forms, listed.script)
        query, candidate = WeightedName(typed, params), WeightedName(listed, params)
        sims = WordSimilarity(sorted(set(typed.tokens)), sorted(set(listed.tokens)), params=words)
        for person in (True, False):
            comp = compare(query, candidate, sims, person=person, params=params)
            assert comp.explain() == _explain_as_it_was(comp)
            explained.add(comp.explain())
    assert any("~" in text for text in explained) and len(explained) > 300


def test_all_syllables_is_syllable_name() -> None:
    rng = random.Random(1753)
    pool = sorted(SYLLABLES)[:400] + ["kim", "jong", "un", "mohammad", "bank", "x", ""]
    for _ in range(5000):
        words = tuple(rng.choice(pool) for _ in range(rng.randint(0, 4)))
        assert all_syllables(words) == syllable_name(words), words


def _kinds_as_they_were(tokens: tuple[str, ...], common: frozenset[str]) -> tuple[int, int, bool]:
    """``WeightedName``'s strong, trade and generic as 1.34 worked them out."""
    table = word_table(NameParams())
    articles = ("al", "el", "ul")
    singulars = common_singulars(common) if common else frozenset()
    strong = generic = trade = 0
    for token in tokens:
        weight = table[token][0]
        if weight >= 1.0:
            strong += 1
            if token[:2] in articles and token[2:] in LOW_INFO_WORDS:
                generic += 1
            elif (
                token in common
                or (token[:2] in articles and token[2:] in common)
                or token in singulars
            ):
                trade += 1
        elif len(token) > 1:
            generic += 1
    trade = trade if generic + trade == len(tokens) else 0
    return strong, trade, generic == len(tokens) or trade > 0


def test_weighted_names_find_articles_as_they_did() -> None:
    rng = random.Random(1754)
    common = frozenset({"machine", "energy", "logistics", "peoples", "electronics", "ultra"})
    pool = [w for n in LISTED for w in _tokens(n)] + sorted(LOW_INFO_WORDS)[:60]
    pool += ["al" + w for w in ("logistics", "company", "energy", "madina")] + ["al", "el", "u"]
    pool += ["ullogistics", "elenergy", "almachine", "alpeople", "ol", "il", "a"]
    kinds = set()
    for _ in range(5000):
        tokens = tuple(rng.choice(pool) for _ in range(rng.randint(1, 4)))
        name = WeightedName(NameForm(tokens, frozenset(), "Latn"), NameParams(), common=common)
        found = (name.strong, name.trade, name.generic)
        assert found == _kinds_as_they_were(tokens, common), tokens
        kinds.add(found[1:])
    assert len(kinds) >= 4
