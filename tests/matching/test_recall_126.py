"""Matching round two, class 7 on fresh seeds: short company names and codes.

The benchmark's short-name slips: a slip that makes another listed name exactly ("NIOC" for
NICO, "JSC IFP" for JSC IPF) is that name, and the benchmark makes no case of it; a slip that
reads as the entity's own name stays a case.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from clearance.model import Entity, Schema

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_data as bd  # noqa: E402
from bench_classes import SLIP, Generator, c_short_code  # noqa: E402
from bench_heldout import generate  # noqa: E402
from namesakes import listed_name_keys  # noqa: E402


def _entities(*names: str) -> list[Entity]:
    return [bd.make_entity(str(i), Schema.ORGANIZATION, [n]) for i, n in enumerate(names)]


def test_a_slip_that_makes_another_listed_name_makes_no_case() -> None:
    """A slip in NICO that writes NIOC (the National Iranian Oil Company's) is NIOC: no case;
    a slip that writes no listed name ("NICCO") is one, and so is a code written without its
    hyphen that happens to be listed (no slip: the generator's code branch)."""
    entities = _entities("NICO", "NIOC")
    listed = listed_name_keys(entities)

    def slip_to(text: str, caption: str = "NICO") -> Generator:
        return lambda entity, rng: (text, SLIP) if entity.caption == caption else None

    assert generate(entities, {"c7": slip_to("NIOC")}, 5, 1, listed) == []
    made = generate(entities, {"c7": slip_to("NICCO")}, 5, 1, listed)
    assert [c.query.name for c in made] == ["NICCO"]
    code = generate(entities, {"c7": lambda ent, rng: "NIOC" if ent.caption == "NICO" else None},
                    5, 1, listed)  # fmt: skip
    assert [c.query.name for c in code] == ["NIOC"]
    # a slip that reads as the entity's own name ("OOOO" as OOO, misspelt) stays a case
    own = _entities("DSD, OOO", "DSD")
    made = generate(own, {"c7": slip_to("DSD, OOOO", "DSD, OOO")}, 5, 1, listed_name_keys(own))
    assert [c.query.name for c in made] == ["DSD, OOOO"]


def test_the_short_name_generator_notes_its_slips() -> None:
    """Slips in short names are noted :data:`bench_classes.SLIP`; codes are not."""
    (name,) = _entities("PARS OIL")
    made = c_short_code(name, random.Random(3))
    assert isinstance(made, tuple) and made[1] == SLIP
    (code,) = _entities("EP-ICT")
    assert isinstance(c_short_code(code, random.Random(3)), str)
