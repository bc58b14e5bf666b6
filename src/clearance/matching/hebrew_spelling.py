"""The guard's Latin spellings of a Hebrew word, matched without a regular expression.

The guard's Latin spellings of a Hebrew word (:func:`clearance.matching.hebrew_vowels.
spelling_node`) were written as a regular expression until 1.29; compiling one costs more than
screening a query (``re``'s parser and compiler are Python code, ~0.3 ms a word), and on a cold
pass nearly every Hebrew word is new. The same spellings are matched here instead, letter by
letter over the positions of the listed word they may reach: a word's spelling is a sequence of
:data:`Node`, each a set of literal spellings, the short vowel (:data:`GAP`) Hebrew leaves
unwritten, a sequence, a choice or a repetition — the language of the regular expression, node
for node (tests/matching/test_hebrew_129.py compares the two on the benchmark's words, with the
regular expression kept as a reference in tests/matching/hebrew_reference.py).
"""

from __future__ import annotations

from functools import lru_cache

Node = tuple[object, ...]
"""("lit", spellings) | ("gap",) | ("seq", nodes) | ("alt", nodes) | ("plus", node)."""
GAP: Node = ("gap",)
_VOWELS = "aeiou"
_PAIRS = frozenset({"ae", "ao", "ea", "eo"})


def lit(*spellings: str) -> Node:
    return ("lit", spellings)


def seq(*nodes: Node) -> Node:
    return ("seq", nodes)


def alt(*nodes: Node) -> Node:
    return ("alt", nodes)


def plus(node: Node) -> Node:
    return ("plus", node)


@lru_cache(maxsize=256)
def expand(pattern: str) -> Node:
    """The literal spellings of one of the tables' small patterns (literals, ``(?:a|b)``
    groups, ``[ab]`` classes, each perhaps optional: ``"(?:gh?)?"`` is "", "g", "gh")."""
    spellings, end = _sequence(pattern, 0)
    assert end == len(pattern), pattern  # noqa: S101 (the tables' own patterns)
    return lit(*dict.fromkeys(spellings))


def _sequence(pattern: str, i: int) -> tuple[list[str], int]:
    out = [""]
    while i < len(pattern) and pattern[i] not in "|)":
        if pattern.startswith("(?:", i):
            choices: list[str] = []
            i += 3
            while True:
                part, i = _sequence(pattern, i)
                choices += part
                i += 1
                if pattern[i - 1] == ")":
                    break
        elif pattern[i] == "[":
            close = pattern.index("]", i)
            choices, i = list(pattern[i + 1 : close]), close + 1
        else:
            choices, i = [pattern[i]], i + 1
        if i < len(pattern) and pattern[i] == "?":
            choices, i = ["", *choices], i + 1
        out = [a + b for a in out for b in choices]
    return out, i


def _gap_ends(word: str, at: int) -> list[int]:
    """Where ``'?(?:[aeiou]|a[eo]|e[ao]|y(?![aeiou]))?'?`` may end from ``at``."""
    starts = [at, at + 1] if word.startswith("'", at) else [at]
    ends = list(starts)
    for s in starts:
        c = word[s : s + 1]
        if c and c in _VOWELS:
            ends.append(s + 1)
            if word[s : s + 2] in _PAIRS:
                ends.append(s + 2)
        elif c == "y" and not (word[s + 1 : s + 2] and word[s + 1] in _VOWELS):
            ends.append(s + 1)
    return ends + [e + 1 for e in ends if word.startswith("'", e)]


def ends(node: Node, word: str, starts: set[int]) -> set[int]:
    """The positions of ``word`` ``node`` may end at from any of ``starts``."""
    kind = node[0]
    out: set[int] = set()
    if kind == "lit":
        for at in starts:
            for text in node[1]:  # type: ignore[attr-defined]
                if word.startswith(text, at):
                    out.add(at + len(text))
    elif kind == "gap":
        for at in starts:
            out.update(_gap_ends(word, at))
    elif kind == "seq":
        out = starts
        for part in node[1]:  # type: ignore[attr-defined]
            out = ends(part, word, out)
            if not out:
                break
    elif kind == "alt":
        for part in node[1]:  # type: ignore[attr-defined]
            out |= ends(part, word, starts)
    else:  # plus
        step = ends(node[1], word, starts)  # type: ignore[arg-type]
        while step - out:
            out |= step
            step = ends(node[1], word, step)  # type: ignore[arg-type]
    return out


def fullmatch(node: Node, word: str) -> bool:
    """Whether ``node`` spells all of ``word``."""
    return len(word) in ends(node, word, {0})


def edge_letters(node: Node, last: bool = False) -> tuple[frozenset[str], bool]:
    """The letters a spelling of ``node`` may begin with (``last``: end with), and whether it
    may be empty: a listed word that begins or ends otherwise is no spelling of it, told
    without :func:`ends`."""
    kind = node[0]
    if kind == "lit":
        spellings: tuple[str, ...] = node[1]  # type: ignore[assignment]
        return frozenset(s[-1] if last else s[0] for s in spellings if s), "" in spellings
    if kind == "gap":
        return frozenset(_VOWELS + "y'"), True
    if kind == "plus":
        return edge_letters(node[1], last)  # type: ignore[arg-type]
    parts: tuple[Node, ...] = node[1]  # type: ignore[assignment]
    letters: frozenset[str] = frozenset()
    if kind == "alt":
        empty = False
        for part in parts:
            more, none = edge_letters(part, last)
            letters, empty = letters | more, empty or none
        return letters, empty
    for part in reversed(parts) if last else parts:  # seq
        more, none = edge_letters(part, last)
        letters |= more
        if not none:
            return letters, False
    return letters, True
