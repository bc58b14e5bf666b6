"""The outcome of a name comparison (:func:`clearance.matching.names.compare`): its score,
and the word pairs and unmatched words it explains itself by, built only when asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clearance.matching.memo import sim_text


@dataclass(frozen=True, slots=True)
class WordPair:
    query: str
    candidate: str
    sim: float

    def __init__(self, query: str, candidate: str, sim: float) -> None:
        # (written out, it compiles to a native __init__: a few per match explained)
        object.__setattr__(self, "query", query)
        object.__setattr__(self, "candidate", candidate)
        object.__setattr__(self, "sim", sim)


class NameComparison:
    """The outcome of one name comparison; the explanation is built only when asked for."""

    __slots__ = ("_c_used", "_c_words", "_pairs", "_q_used", "_q_words", "number_conflict", "score")

    def __init__(
        self,
        score: float,
        pairs: Sequence[tuple[int, int, float, int, int]],
        q_words: Sequence[str],
        c_words: Sequence[str],
        q_used: Sequence[bool],
        c_used: Sequence[bool],
        number_conflict: bool,
    ) -> None:
        self.score = score
        self._pairs = pairs
        self._q_words, self._c_words = q_words, c_words
        self._q_used, self._c_used = q_used, c_used
        self.number_conflict = number_conflict

    def scaled(self, factor: float) -> NameComparison:
        return NameComparison(self.score * factor, self._pairs, self._q_words, self._c_words,
                              self._q_used, self._c_used, self.number_conflict)  # fmt: skip

    @property
    def pairs(self) -> tuple[WordPair, ...]:
        q, c = self._q_words, self._c_words
        return tuple(
            WordPair(" ".join(q[qi : qi + qs]), " ".join(c[cj : cj + cs]), round(sim, 4))
            for qi, cj, sim, qs, cs in sorted(self._pairs)
        )

    def paired_at(self, least: float) -> bool:
        """Is every query word paired, each pair's similarity (as :attr:`pairs` rounds it)
        ``least`` or more? (Read from the comparison's own lists: no word pairs made, h199.)"""
        for used in self._q_used:
            if not used:
                return False
        return all(round(pair[2], 4) >= least for pair in self._pairs)

    @property
    def unmatched_query(self) -> tuple[str, ...]:
        return tuple(w for w, used in zip(self._q_words, self._q_used, strict=True) if not used)

    @property
    def unmatched_candidate(self) -> tuple[str, ...]:
        return tuple(w for w, used in zip(self._c_words, self._c_used, strict=True) if not used)

    def explain(self) -> str:
        # (what ``pairs`` and the unmatched words give, read from the comparison's own lists:
        # no WordPair objects, each list walked once; a match reported is explained)
        q, c = self._q_words, self._c_words
        parts: list[str] = []
        for qi, cj, sim, qs, cs in sorted(self._pairs):
            query = q[qi] if qs == 1 else " ".join(q[qi : qi + qs])
            suffix = sim_text(sim)  # (" (0.87)", nothing at 1)
            if not suffix:
                parts.append(query)
            else:
                listed = c[cj] if cs == 1 else " ".join(c[cj : cj + cs])
                parts.append(query + "~" + listed + suffix)
        text = ", ".join(parts) if parts else "no word in common"
        q_used, c_used = self._q_used, self._c_used  # (as long as the words: by place)
        q_only = [q[i] for i in range(len(q)) if not q_used[i]]
        if q_only:
            text += "; query only: " + " ".join(q_only)
        c_only = [c[j] for j in range(len(c)) if not c_used[j]]
        if c_only:
            text += "; listed only: " + " ".join(c_only)
        if self.number_conflict:
            text += "; numbers differ"
        return text
