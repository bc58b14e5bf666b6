"""Payment screening (pure: no web, SQL or HTTP): a read message's parties, BICs, places and
free text against the loaded lists, decided block / reject / review / clear by a declared
policy, with each hit's field path, matched entity, program, score, reason and rule.
``record`` (not imported here) is the database side: receipts and cases for the shells.
"""

from __future__ import annotations

from clearance.payments.decision import Decision, Hit
from clearance.payments.lists import ListView, SnapshotLists
from clearance.payments.policy import Action, Policy
from clearance.payments.screen import DecisionHook, PaymentScreener

__all__ = [
    "Action",
    "Decision",
    "DecisionHook",
    "Hit",
    "ListView",
    "PaymentScreener",
    "Policy",
    "SnapshotLists",
]
