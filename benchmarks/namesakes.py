"""Exact namesakes: a generated "unlisted" name that is a listed name or alias, as read.

``bench_data.unlisted_cases`` drops a Faker name whose folded words are a listed name's. A name
in another script or spelling can still be exactly a listed name once the engine has read it:
"김현우" is read KIM Hyon U (McCune-Reischauer), a listed alias. Such a name is a true name
match, so it should alert; it is kept as a case, noted as a namesake, and the benchmark prints
false alerts with namesakes and with them apart (targets are judged with them apart).

"Exactly" means the engine's own Latin reading (:func:`clearance.matching.forms.name_forms`:
its normalisation, romanisation, titles and legal forms split off) gives the same words in the
same order as one of a listed entity's names (or a parenthesised part of one, as the index
reads it: "(VGTRK)") of the same kind (person, or not), written family-name-first or last (the
first or last word moved to the other end: "KIM Hyon U" and "Hyon U Kim"). An organisation's
legal forms must agree where both names write one ("Abba SpA" is ABBA, "Omega Shipping GmbH"
is not OMEGA SHIPPING LIMITED). Every listed name counts: primary names and aliases alike. A
near spelling ("Kim Hyon Ung") is not a namesake.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clearance.model import Entity, Schema

Key = tuple[bool, tuple[str, ...], tuple[str, ...]]  # (person?, words, legal forms)
Words = tuple[bool, tuple[str, ...]]


@dataclass(frozen=True)
class Listed:
    """Every listed name's keys: with their legal forms, and the words of those with none and
    of all (a name without a legal form agrees with one that writes one)."""

    keys: frozenset[Key]
    formless: frozenset[Words]
    words: frozenset[Words]

    def holds(self, key: Key) -> bool:
        person, words, forms = key
        if key in self.keys or (person, words) in self.formless:
            return True
        return not forms and (person, words) in self.words


_CACHE: dict[int, tuple[list[Entity], Listed]] = {}


def _schema(person: bool) -> Schema:
    return Schema.PERSON if person else Schema.ORGANIZATION


def name_keys(text: str, person: bool, *, query: bool) -> set[Key]:
    """The engine's Latin readings of ``text`` as keys (words in written order)."""
    from clearance.matching.forms import name_forms
    from clearance.matching.index import KIND_LATIN

    keys: set[Key] = set()
    for form, kind in name_forms(text, _schema(person), query=query):
        if kind == KIND_LATIN and form.tokens:
            forms = () if person else tuple(sorted(form.forms))
            keys.add((person, form.tokens, forms))
    return keys


def _turned(key: Key) -> set[Key]:
    """``key`` and its words with the first or last moved to the other end."""
    person, words, forms = key
    if len(words) < 2:
        return {key}
    return {key, (person, words[1:] + words[:1], forms), (person, words[-1:] + words[:-1], forms)}


def listed_name_keys(entities: Iterable[Entity]) -> Listed:
    """The keys of every listed name (primary and aliases, and their parenthesised parts),
    both name orders; memoised per list of entities (the benchmarks make their unlisted names
    several times a run)."""
    from clearance.matching.normalize import name_parts

    ents = entities if isinstance(entities, list) else list(entities)
    held = _CACHE.get(id(ents))
    if held is not None and held[0] is ents:
        return held[1]
    keys: set[Key] = set()
    for entity in ents:
        person = entity.schema is Schema.PERSON
        for name in entity.names:
            for part in name_parts(name.full):
                for key in name_keys(part, person, query=False):
                    keys |= _turned(key)
    listed = Listed(
        frozenset(keys),
        frozenset((p, w) for p, w, f in keys if not f),
        frozenset((p, w) for p, w, _ in keys),
    )
    _CACHE[id(ents)] = (ents, listed)
    return listed


def is_namesake(texts: Iterable[str], person: bool, listed: Listed) -> bool:
    """Whether any of ``texts`` (a generated name, as written and as screened) is, read by the
    engine, exactly a listed name (``listed``: :func:`listed_name_keys`)."""
    return any(listed.holds(key) for text in texts for key in name_keys(text, person, query=True))
