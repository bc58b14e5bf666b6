"""The ownership-and-control rules, one small module per regime, all pure (numpy only).

* :mod:`.ofac` — OFAC's 50 percent rule (revised guidance of 13 August 2014, FAQs 398-402).
* :mod:`.eu` — the EU's ownership-or-control test (Commission guidance, 2024).
* :mod:`.uk` — the UK's ownership-or-control test (OFSI general guidance).

:mod:`.engine` holds the shared fixed-point machinery; ``docs/ownership.md`` cites the texts.
"""

from __future__ import annotations

from clearance.graph.rules.engine import (
    AggregateRule,
    Arrays,
    PersonRule,
    Regime,
    Rule,
    State,
    Status,
)
from clearance.graph.rules.eu import EU
from clearance.graph.rules.ofac import OFAC
from clearance.graph.rules.uk import UK

RULES: dict[Regime, Rule] = {Regime.OFAC: OFAC, Regime.EU: EU, Regime.UK: UK}

__all__ = ["RULES", "AggregateRule", "Arrays", "PersonRule", "Regime", "Rule", "State", "Status"]
