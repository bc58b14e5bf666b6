"""OFAC: the 50 percent rule.

OFAC, *Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property
Are Blocked* (13 August 2014) and FAQs 398-402:

* an entity owned 50 percent or more, directly or indirectly, in the aggregate, by one or more
  blocked persons is itself blocked, whether or not it is named (FAQ 398, 401);
* stakes of different blocked persons are added, across programs (FAQ 399);
* "indirectly": an entity blocked by the rule counts with its whole stake in the next entity;
  stakes are never multiplied along a chain (guidance, examples 2-5; FAQ 401);
* control alone does not block (FAQ 398: the rule is about ownership, not control; such an
  entity may be designated later, and caution is advised).
"""

from __future__ import annotations

from clearance.graph.rules.engine import AggregateRule, Regime

OFAC = AggregateRule(
    regime=Regime.OFAC,
    threshold=50.0,
    inclusive=True,
    control=False,
    citation="OFAC revised 50 percent rule guidance (13 Aug 2014); FAQs 398-402",
)
