"""The index's key lookups for retrieval, as one object whose fields compiled code reads
directly (the index itself stays Python: it pickles as a dict and caches in its ``__dict__``).

The typo neighbourhood table maps a deletion variant ("t:mkrtchev") to a code: the vocabulary
id of the one key it came from (>= 0, most variants), or ``-1 - slot`` for a variant several
keys share, whose ids are ``data[offsets[slot]:offsets[slot + 1]]``.
"""

from __future__ import annotations

from array import array


class KeyTables:
    """Vocabulary, typo neighbourhood and key texts of one index (read-only)."""

    def __init__(
        self,
        vocab: dict[str, int],
        neighbour_codes: dict[str, int],
        neighbour_offsets: array[int],
        neighbour_data: array[int],
        texts: list[str],
    ) -> None:
        self.vocab = vocab
        self.neighbour_codes = neighbour_codes
        self.neighbour_offsets = neighbour_offsets
        self.neighbour_data = neighbour_data
        self.texts = texts  # every key's text by its id

    def neighbours(self, variants: list[str]) -> list[int]:
        """Vocabulary ids of keys one deletion away from any of ``variants``, each once (in
        order of the variants, a variant's ids ascending)."""
        codes = self.neighbour_codes
        out: list[int] = []
        for variant in variants:
            code = codes.get(variant)
            if code is not None:
                if code >= 0:
                    out.append(code)
                else:
                    out += self.neighbour_data[
                        self.neighbour_offsets[-1 - code] : self.neighbour_offsets[-code]
                    ]
        return list(dict.fromkeys(out)) if len(out) > 1 else out
