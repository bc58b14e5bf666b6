"""Presentation only: turning core results into what a page shows (no screening logic here).

The matched words of a result come from the matcher's own explanation (the ``name_similarity``
feature lists the word pairs it made, in normalised form); each written word of the query and of
the listed name is normalised with the matcher's own :func:`~clearance.matching.normalize.analyse`
and highlighted when it is one of those paired words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from clearance.matching.normalize import analyse
from clearance.matching.result import Match
from clearance.model import Entity, Name, NameKind

_QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""  # a Python repr of a string
_PREFIX = re.compile(rf"^{_QUOTED} vs {_QUOTED}: ")
_SIM = re.compile(r" \(\d(?:\.\d+)?\)$")
_WORD = re.compile(r"\w+", re.UNICODE)
SCRIPT_NAMES = {
    None: "Latin",
    "Latn": "Latin",
    "Cyrl": "Cyrillic",
    "Arab": "Arabic",
    "Hani": "Chinese",
    "Hang": "Korean",
    "Kore": "Korean",
    "Grek": "Greek",
    "Hebr": "Hebrew",
    "Jpan": "Japanese",
    "Thai": "Thai",
}


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; ``mark`` when it is a word the matcher paired."""

    text: str
    mark: bool = False


def paired_words(reason: str) -> tuple[set[str], set[str]]:
    """The normalised query and listed words the name comparison paired (from its reason)."""
    head = _PREFIX.match(reason)
    if head is None:
        return set(), set()
    explain = reason[head.end() :]
    pairs = explain.split("; ", 1)[0]
    if pairs == "no word in common" or pairs.startswith(("query only:", "listed only:")):
        return set(), set()
    query: set[str] = set()
    listed: set[str] = set()
    for item in pairs.split(", "):
        item = _SIM.sub("", item)
        left, sep, right = item.partition("~")
        query.update(left.split())
        listed.update((right if sep else left).split())
    return query, listed


def _word_keys(word: str) -> set[str]:
    keys: set[str] = set()
    for form in analyse(word, split_forms=False):
        keys.update(form.tokens)
    return keys


def highlight(text: str, words: set[str]) -> list[Piece]:
    """``text`` split into pieces, the words whose normalised form is in ``words`` marked."""
    if not words:
        return [Piece(text)]
    pieces: list[Piece] = []
    last = 0
    for found in _WORD.finditer(text):
        if found.start() > last:
            pieces.append(Piece(text[last : found.start()]))
        pieces.append(Piece(found.group(), bool(_word_keys(found.group()) & words)))
        last = found.end()
    if last < len(text):
        pieces.append(Piece(text[last:]))
    return pieces


@dataclass(frozen=True, slots=True)
class ShownMatch:
    match: Match
    query_pieces: list[Piece]
    name_pieces: list[Piece]


def _name_pairs(features: list[tuple[str, str]]) -> tuple[set[str], set[str]]:
    for name, reason in features:
        if name == "name_similarity":
            return paired_words(reason)
    return set(), set()


def show_match(query_name: str, match: Match) -> ShownMatch:
    query_words, listed_words = _name_pairs([(f.name, f.reason) for f in match.features])
    return ShownMatch(
        match, highlight(query_name, query_words), highlight(match.matched_name, listed_words)
    )


def show_candidate(query_name: str, candidate: dict[str, Any]) -> tuple[list[Piece], list[Piece]]:
    """A recorded candidate (a receipt's ``Match.to_dict()``): both names with the paired
    words marked, as :func:`show_match` does for a live result."""
    features = [(str(f["name"]), str(f["reason"])) for f in candidate.get("features", [])]
    query_words, listed_words = _name_pairs(features)
    listed = str(candidate.get("matched_name") or candidate.get("name") or "")
    return highlight(query_name, query_words), highlight(listed, listed_words)


def script_label(name: Name) -> str:
    return SCRIPT_NAMES.get(name.script, name.script or "Latin")


def names_by_quality(entity: Entity) -> list[tuple[str, list[Name]]]:
    """The entity's names in groups: primary, strong aliases, weak aliases; by script inside."""
    primary = [n for n in entity.names if n.kind is NameKind.PRIMARY]
    others = [n for n in entity.names if n.kind is not NameKind.PRIMARY]
    strong = [n for n in others if not n.weak]
    weak = [n for n in others if n.weak]
    groups = [("Primary name", primary), ("Strong aliases", strong), ("Weak aliases", weak)]
    return [(label, sorted(names, key=script_label)) for label, names in groups if names]


def field_rows(data: dict[str, Any], skip: set[str]) -> list[tuple[str, Any]]:
    """Every other field of an entity's dict form that has a value, labelled for people."""
    rows = []
    for key, value in data.items():
        if key in skip or value in (None, "", [], {}, ()):
            continue
        rows.append((key.replace("_", " ").capitalize(), value))
    return rows
