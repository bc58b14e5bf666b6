"""A crowded Arabic-script skeleton's candidates that cannot alert, left unscored (round two,
h128; Hebrew's are :func:`clearance.matching.hebrew.crowded_readings`).

An Arabic-script query's skeleton with a common word ("محمد ابو ليل": "mhmd b ll") reaches
every name that holds it: about 1,900 Muhammads, each bounded, compared and trusted, 20–30 ms
of a cold query. Through the skeleton a name scores at most the form's trust (0.69) unless
its spelled trust lifts it (:func:`clearance.matching.spelled.record_trust`), and that needs
every query word paired exactly: only the names every word of the skeleton reaches exactly
(``bounds.exactly_reached``, collected by :func:`~clearance.matching.retrieve.retrieve`) can
be lifted. When the form's trust is under the threshold and nothing else can add to a score
(no birth date, country nor legal form), the others could only be shown under the threshold:
past ``RetrievalParams.spelled_names`` skeleton candidates, they are not scored.
"""

from __future__ import annotations

from collections.abc import Callable

from clearance.matching.index import KIND_SKELETON, NameIndex
from clearance.matching.retrieve import QueryForm, Reached
from clearance.scripts import ARABIC


def crowd_may_drop(forms: list[QueryForm], threshold: float, plain: bool) -> bool:
    """May the skeleton candidates of ``forms`` that no skeleton reaches exactly be left
    unscored: ``plain``, and every skeleton form an Arabic-script one, without legal forms,
    whose trust alone keeps a score under ``threshold``?"""
    skeletons = [f for f in forms if f.kind == KIND_SKELETON]
    arabic = all(f.form.script == ARABIC and not f.form.forms for f in skeletons)
    return plain and bool(skeletons) and arabic and all(f.trust < threshold for f in skeletons)


def crowded_skeletons(
    index: NameIndex, records: dict[int, float], reached: list[Reached], cap: int
) -> dict[int, float]:
    """``records`` without the skeleton records none of ``reached`` gives (those no
    Arabic-script skeleton reaches exactly, see the module), when more than ``cap`` skeleton
    records are retrieved."""

    def exact(_skeletal: list[int]) -> set[int]:
        return {rec for found in reached for rec in found().tolist()}

    return crowd_kept(index, records, cap, exact)


def crowd_kept(
    index: NameIndex, records: dict[int, float], cap: int, keep: Callable[[list[int]], set[int]]
) -> dict[int, float]:
    """``records`` without the skeleton records that ``keep`` (given them) does not keep, when
    there are more than ``cap`` of them: what an Arabic-script skeleton (:func:`crowded_skeletons`)
    and a Hebrew reading (:func:`clearance.matching.hebrew.crowded_readings`) with a common
    word leave unscored, each by its own test of the names that can alert."""
    kind = index.rec_kind
    skeletal = [rec for rec in records if kind[rec] == KIND_SKELETON]
    if len(skeletal) <= cap:
        return records
    kept = keep(skeletal)
    return {rec: b for rec, b in records.items() if kind[rec] != KIND_SKELETON or rec in kept}
