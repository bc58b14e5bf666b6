"""Name records made from the index's columns: one object per indexed rendering of a name.

Scoring makes a record the first time it compares a name one by one (a cold pass makes
thousands); here, in a compiled module (``scripts/compile``), making one is a few native
calls. :class:`RecordMaker` holds the columns of one index, read once.
"""

from __future__ import annotations

from clearance.matching.names import WeightedName, weigh
from clearance.matching.normalize import NameForm
from clearance.matching.params import NameParams

KIND_NATIVE = 1  # (clearance.matching.index.KIND_NATIVE: a name in its original script)


class NameRecord:
    """One indexed rendering of one name of one entity (built on demand from the columns;
    read-only by convention: a plain class, as a frozen dataclass's ``__init__`` stays
    interpreted when compiled)."""

    __slots__ = ("entity", "kind", "name", "text", "weak")

    def __init__(self, entity: int, text: str, name: WeightedName, kind: int, weak: bool) -> None:
        self.entity = entity
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
    ) -> None:
        self.entity, self.text, self.tokens, self.forms = entity, text, tokens, forms
        self.script, self.kind, self.weak, self.params = script, kind, weak, params

    def make(self, rec_id: int) -> NameRecord:
        """The record ``rec_id`` (a new object: callers memoise)."""
        kind = self.kind[rec_id]
        form = NameForm(self.tokens[rec_id], frozenset(self.forms[rec_id]), self.script[rec_id],
                        kind == KIND_NATIVE)  # fmt: skip
        return NameRecord(self.entity[rec_id], self.text[rec_id], weigh(form, self.params), kind,
                          self.weak[rec_id])  # fmt: skip
