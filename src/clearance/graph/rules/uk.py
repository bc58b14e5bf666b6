"""UK: ownership or control by a designated person (OFSI).

OFSI, *UK financial sanctions general guidance*, chapter "Ownership and control" (and
regulation 7 of each regime's regulations under the Sanctions and Anti-Money Laundering Act
2018):

* owned: a designated person holds, directly or indirectly, **more than 50 %** of the shares
  or of the voting rights;
* controlled: the right, directly or indirectly, to appoint or remove a majority of the board,
  or it is reasonable to expect the designated person could ensure, by whatever means, that
  the entity's affairs are conducted as they wish (control in practice:
  ``significant_influence``);
* holdings of different designated persons are **not simply added**; they are aggregated
  only where held jointly (an arrangement) or where one controls the other (so each
  designated person's own holdings and those of entities it owns or controls are added).
"""

from __future__ import annotations

from clearance.graph.rules.engine import PersonRule, Regime

UK = PersonRule(
    regime=Regime.UK,
    threshold=50.0,
    control=True,
    citation="OFSI general guidance, ownership and control; SAMLA 2018 regulations, reg. 7",
)
