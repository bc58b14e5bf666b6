"""Clearance: sanctions screening and designation-network system.

>>> import clearance
>>> engine = clearance.open("/path/to/home")          # doctest: +SKIP
>>> engine.screen("Ashot Mkrtichev", type="person")   # doctest: +SKIP

``open`` and ``Clearance`` are imported lazily so that ``import clearance.model`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clearance.compiled import guard

__version__ = "0.1.0"

guard()  # the compiled matcher (scripts/compile) only where it matches its sources

if TYPE_CHECKING:
    from clearance.app import Clearance, open

__all__ = ["Clearance", "__version__", "open"]


def __getattr__(name: str) -> Any:
    if name in {"open", "Clearance"}:
        from clearance import app

        return getattr(app, name)
    raise AttributeError(f"module 'clearance' has no attribute {name!r}")
