"""A retrieved name's reach: the highest retrieval floor that keeps it, whatever the
threshold (issue 11, h191).

A name is retrieved when its bound times the query form's trust reaches the floor
(``Algorithm.floor`` of the threshold), or on a rare form with a word no key leads to, the
floor lowered by ``RetrievalParams.rare_floor`` (``bounds.FormBound.form_floor``). A bound
counts only the word pairs retrieval's keys lead to, while the scorer pairs any two words
alike enough ("palnychenko" / PANCHENKO at 0.85, "bushra" / BASHAR at 0.6): a name the floor
of 0.7 drops scored 0.925 at 0.5 ("Igor PALNYCHENKO" / PANCHENKO, Igor). The engine caps a
name's score at the highest threshold whose floor its reach passes (``Algorithm.ceiling``),
so that no score at or over a threshold belongs to a name that threshold's floor drops:
lowering the threshold shows a superset, each entity with the same score.
"""

from __future__ import annotations

import numpy as np

from clearance.matching.bounds import Part


def rare_parts(parts: list[Part], most: int) -> bool:
    """Do ``parts`` reach at most ``most`` records (``FormBound.form_floor``'s test of the
    records reached: what a form with a word no key leads to lowers its floor for)?"""
    sizes = [len(p[0]) for p in parts]
    if sum(sizes) <= most:
        return True
    if max(sizes) > most:
        return False
    return len(np.unique(np.concatenate([p[0] for p in parts]))) <= most


def keep_reach(
    trust: float, spelled: float, bounds: list[tuple[int, float]], lowered: float,
    reach: dict[int, float],
) -> None:  # fmt: skip
    """Each record's reach through a query form of ``trust`` (the float32 value the bounds
    were tested with) into ``reach`` where it is the record's best so far: its bound times
    ``trust``, plus ``lowered`` on a rare form whose floor was lowered so. A skeleton's record
    that its ``spelled`` trust may lift is kept at the threshold itself
    (``bounds.spelled_bounds``): such a form's records are not capped (reach 1.0)."""
    if spelled > trust:
        for rec, _ in bounds:
            reach[rec] = 1.0
        return
    for rec, bound in bounds:
        level = bound * trust + lowered
        if level > reach.get(rec, 0.0):
            reach[rec] = level
