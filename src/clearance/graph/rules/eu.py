"""EU: ownership or control of a non-listed entity by listed persons.

Commission, *Guidance on the ownership and control aspects* of Article 2 of Regulation (EU)
No 269/2014 and the matching provisions (consolidated guidance, 2024; the EU Best Practices
for the effective implementation of restrictive measures, 2024, paras 62-66):

* ownership: more than 50 % of the proprietary rights — the 2024 guidance aggregates the
  stakes of several listed persons and treats 50 % held together as the threshold, which
  this module applies as **50 % or more, aggregated** across listed persons;
* control: among the criteria, the right to appoint or remove a majority of the board, a
  majority of the voting rights, or dominant influence in practice (``significant_influence``);
  control by a listed person alone is enough;
* an entity owned or controlled by a listed person counts as such for the next entity.
"""

from __future__ import annotations

from clearance.graph.rules.engine import AggregateRule, Regime

EU = AggregateRule(
    regime=Regime.EU,
    threshold=50.0,
    inclusive=True,
    control=True,
    citation="EU Best Practices 2024 paras 62-66; Commission ownership-and-control guidance 2024",
)
