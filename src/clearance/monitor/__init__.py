"""Ongoing monitoring: the customer book, delta re-screening, alerts and their webhook.

``Book(db)`` imports and edits customers; ``Monitor(settings, db).run(snapshot)`` screens what
is new since the last run; ``deliver(db, url, secret)`` posts undelivered alerts. The diff of
two snapshots it builds on lives in :mod:`clearance.diff`.
"""

from clearance.monitor.book import Book, ImportResult
from clearance.monitor.customer import BookCustomer
from clearance.monitor.run import Monitor, RunSummary, full_screen
from clearance.monitor.webhook import Delivery, deliver, sign, verify

__all__ = [
    "Book",
    "BookCustomer",
    "Delivery",
    "ImportResult",
    "Monitor",
    "RunSummary",
    "deliver",
    "full_screen",
    "sign",
    "verify",
]
