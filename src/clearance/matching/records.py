"""Name records and entities made from the index's columns: one object per indexed
rendering of a name, one per entity scored.

Scoring makes a record the first time it compares a name one by one (a cold pass makes
thousands); here, in a compiled module (``scripts/compile``), making one is a few native
calls. :class:`RecordMaker` holds the columns of one index, read once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from clearance.matching.normalize import NameForm
from clearance.matching.params import NameParams
from clearance.matching.weights import WeightedName, WordTable, word_table
from clearance.model import FuzzyDate, IdType, Schema

if TYPE_CHECKING:
    from clearance.matching.index import NameIndex

KIND_NATIVE = 1  # (clearance.matching.index.KIND_NATIVE: a name in its original script)


class NameRecord:
    """One indexed rendering of one name of one entity (built on demand from the columns;
    read-only by convention: a plain class, as a frozen dataclass's ``__init__`` stays
    interpreted when compiled)."""

    __slots__ = ("entity", "family", "kind", "name", "text", "weak")

    def __init__(
        self, entity: int, text: str, name: WeightedName, kind: int, weak: bool, family: int = 0
    ) -> None:
        self.entity = entity
        self.family = family  # its family name's words, bit per word (0: not known)
        self.text = text  # the name as published
        self.name = name
        self.kind = kind
        self.weak = weak

    @property
    def form(self) -> NameForm:
        return self.name.form


class RecordMaker:
    """Makes the records of one index from its columns (see
    :class:`~clearance.matching.index.NameIndex`)."""

    def __init__(
        self,
        entity: list[int],
        text: list[str],
        tokens: list[tuple[str, ...]],
        forms: list[tuple[str, ...]],
        script: list[str],
        kind: list[int],
        weak: list[bool],
        params: NameParams,
        family: list[int] | None = None,
    ) -> None:
        self.entity, self.text, self.tokens, self.forms = entity, text, tokens, forms
        self.family = [0] * len(entity) if family is None else family
        self.script, self.kind, self.weak, self.params = script, kind, weak, params
        # (the parameters' word table, read once: not looked up per record made)
        self.table: WordTable = word_table(params)

    def make(self, rec_id: int) -> NameRecord:
        """The record ``rec_id`` (a new object: callers memoise)."""
        kind = self.kind[rec_id]
        forms = self.forms[rec_id]  # (most names write no legal form: one empty set for them)
        form = NameForm(self.tokens[rec_id], frozenset(forms) if forms else _NO_FORMS,
                        self.script[rec_id], kind == KIND_NATIVE)  # fmt: skip
        return NameRecord(self.entity[rec_id], self.text[rec_id],
                          WeightedName(form, self.params, self.table), kind,
                          self.weak[rec_id], self.family[rec_id])  # fmt: skip


_NO_FORMS: frozenset[str] = frozenset()


class EntityInfo:
    """What the scorer needs of an entity, without loading the full record. Its dates of birth
    are parsed when first read (``date_texts``, as the index stores them): only a query with a
    date of birth reads them, and parsing one cost about 14,000 instructions (interpreted) for
    each entity a cold pass scored (a plain class with ``__slots__``: compiled, its
    ``__init__`` and the property are native code)."""

    __slots__ = ("_birth_dates", "_date_texts", "caption", "countries", "id", "identifiers",
                 "list", "schema", "source_id")  # fmt: skip

    def __init__(
        self,
        id: str,
        list: str,
        source_id: str,
        schema: Schema,
        caption: str,
        birth_dates: tuple[FuzzyDate, ...] | None,
        countries: frozenset[str],
        identifiers: tuple[tuple[IdType, str], ...],  # (type, cleaned value)
        date_texts: tuple[str, ...] = (),  # (``birth_dates`` None: parsed from these)
    ) -> None:
        self.id = id
        self.list = list
        self.source_id = source_id
        self.schema = schema
        self.caption = caption
        self._birth_dates = birth_dates
        self._date_texts = date_texts
        self.countries = countries
        self.identifiers = identifiers

    @property
    def birth_dates(self) -> tuple[FuzzyDate, ...]:
        dates = self._birth_dates
        if dates is None:  # (two threads may both parse them: the same tuple)
            dates = self._birth_dates = tuple([_parse_date(d) for d in self._date_texts])
        return dates

    def _values(self) -> tuple[object, ...]:
        return (self.id, self.list, self.source_id, self.schema, self.caption, self.birth_dates,
                self.countries, self.identifiers)  # fmt: skip

    def __eq__(self, other: object) -> bool:  # (field by field, as the dataclass it was)
        if not isinstance(other, EntityInfo):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        names = ("id", "list", "source_id", "schema", "caption", "birth_dates", "countries",
                 "identifiers")  # fmt: skip
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._values(), strict=True))
        return f"EntityInfo({fields})"


_SCHEMAS = {s.value: s for s in Schema}  # (the members by value, without an Enum call)
_ID_TYPES = {t.value: t for t in IdType}


@lru_cache(maxsize=50_000)
def _parse_date(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


def make_entity(index: NameIndex, ent: int) -> EntityInfo:
    """The entity ``ent`` of ``index`` as the scorer sees it (a new object: callers memoise)."""
    return EntityInfo(
        id=index.ent_id[ent],
        list=index.ent_list[ent],
        source_id=index.ent_source_id[ent],
        schema=_SCHEMAS[index.ent_schema[ent]],
        caption=index.ent_caption[ent],
        birth_dates=None,  # (parsed when read: see EntityInfo)
        countries=frozenset(index.ent_countries[ent]),
        identifiers=tuple([(_ID_TYPES[t], v) for t, v in index.ent_identifiers[ent]]),
        date_texts=index.ent_dates[ent],
    )
