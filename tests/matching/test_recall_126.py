"""Matching round two, class 7 on fresh seeds: short company names and codes.

A company's name of Korean or Chinese syllables typed in Latin letters ("PPI ZE") reads no
misspelt legal form (a syllable is no form: "qi hong" is no "Qi" ONG), but a free-zone form
with its F dropped ends such a name as it ends any other ("PPI ZE" is PPI FZE). And the
benchmark's short-name slips: a slip that makes another listed name exactly ("NIOC" for NICO)
is that name, and the benchmark makes no case of it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from clearance.matching.engine import Screener
from clearance.matching.query import ScreenOptions, make_query
from clearance.model import Entity, Schema
from clearance.settings import MatchingPolicy
from tests.matching.factory import e

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_data as bd  # noqa: E402
from bench_classes import SLIP, Generator, c_short_code  # noqa: E402
from bench_heldout import generate  # noqa: E402
from namesakes import listed_name_keys  # noqa: E402

_LISTED = ("PETROPARS INTERNATIONAL FZE", "PPI FZE")


def _alerted(query: str, kind: str | None = "organization") -> set[str]:
    entities = [e("organization", *_LISTED, source_id="1"), e("organization", "PPI BANK",
                                                                 source_id="2")]  # fmt: skip
    screener = Screener.build(entities, MatchingPolicy(screen_cache=0))
    result = screener.screen(make_query(query, type=kind), ScreenOptions(limit=10))
    return {m.matched_name for m in result.matches if m.alert}


def test_a_free_zone_form_with_its_f_dropped_ends_a_name_of_syllables() -> None:
    """ "PPI ZE": both words are Korean or Chinese syllables as romanised, and "ZE" is still
    FZE with its F dropped, at either end; not in a name of syllables that may be a
    person's (a query of unknown type), which is read as it is written."""
    assert "PPI FZE" in _alerted("PPI ZE")
    assert "PPI FZE" in _alerted("ZE PPI")
    assert "PPI FZE" not in _alerted("PPI ZE", None)


def _entities(*names: str) -> list[Entity]:
    return [bd.make_entity(str(i), Schema.ORGANIZATION, [n]) for i, n in enumerate(names)]


def test_a_slip_that_makes_another_listed_name_makes_no_case() -> None:
    """A slip in NICO that writes NIOC (the National Iranian Oil Company's) is NIOC: no case;
    a slip that writes no listed name ("NICCO") is one, and so is a code written without its
    hyphen that happens to be listed (no slip: the generator's code branch)."""
    entities = _entities("NICO", "NIOC")
    listed = listed_name_keys(entities)

    def slip_to(text: str) -> Generator:
        return lambda entity, rng: (text, SLIP) if entity.caption == "NICO" else None

    assert generate(entities, {"c7": slip_to("NIOC")}, 5, 1, listed) == []
    made = generate(entities, {"c7": slip_to("NICCO")}, 5, 1, listed)
    assert [c.query.name for c in made] == ["NICCO"]
    code = generate(entities, {"c7": lambda ent, rng: "NIOC" if ent.caption == "NICO" else None},
                    5, 1, listed)  # fmt: skip
    assert [c.query.name for c in code] == ["NIOC"]


def test_the_short_name_generator_notes_its_slips() -> None:
    """Slips in short names are noted :data:`bench_classes.SLIP`; codes are not."""
    (name,) = _entities("PARS OIL")
    made = c_short_code(name, random.Random(3))
    assert isinstance(made, tuple) and made[1] == SLIP
    (code,) = _entities("EP-ICT")
    assert isinstance(c_short_code(code, random.Random(3)), str)
