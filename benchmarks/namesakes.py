"""Exact namesakes: a generated "unlisted" name that is a listed name or alias, as read.

``bench_data.unlisted_cases`` drops a Faker name whose folded words are a listed name's. A name
in another script or spelling can still be exactly a listed name once the engine has read it:
"김현우" is read KIM Hyon U (McCune-Reischauer), a listed alias. Such a name is a true name
match, so it should alert; it is kept as a case, noted as a namesake, and the benchmark prints
false alerts with namesakes and with them apart (targets are judged with them apart).

"Exactly" means the engine's own Latin reading (:func:`clearance.matching.forms.name_forms`:
its normalisation, romanisation, titles and legal forms split off) gives the same words in the
same order as one of a listed entity's names of the same kind (person, or not), written
family-name-first or last (the first or last word moved to the other end: "KIM Hyon U" and
"Hyon U Kim"); the legal forms of an organisation's name must agree too. Every listed name
counts: primary names and aliases alike. A near spelling ("Kim Hyon Ung") is not a namesake.
"""

from __future__ import annotations

from collections.abc import Iterable

from clearance.model import Entity, Schema

Key = tuple[bool, tuple[str, ...], tuple[str, ...]]  # (person?, words, legal forms)

_CACHE: dict[int, tuple[list[Entity], frozenset[Key]]] = {}


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


def listed_name_keys(entities: Iterable[Entity]) -> frozenset[Key]:
    """The keys of every listed name (primary and aliases), both name orders; memoised per
    list of entities (the benchmarks make their unlisted names several times a run)."""
    ents = entities if isinstance(entities, list) else list(entities)
    held = _CACHE.get(id(ents))
    if held is not None and held[0] is ents:
        return held[1]
    keys: set[Key] = set()
    for entity in ents:
        person = entity.schema is Schema.PERSON
        for name in entity.names:
            for key in name_keys(name.full, person, query=False):
                keys |= _turned(key)
    frozen = frozenset(keys)
    _CACHE[id(ents)] = (ents, frozen)
    return frozen


def is_namesake(texts: Iterable[str], person: bool, listed: frozenset[Key]) -> bool:
    """Whether any of ``texts`` (a generated name, as written and as screened) is, read by the
    engine, exactly a listed name (``listed``: :func:`listed_name_keys`)."""
    return any(name_keys(text, person, query=True) & listed for text in texts)
