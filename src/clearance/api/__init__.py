"""The screening service (REST API): ``create_app(settings)``; run it with ``clearance serve``."""

from clearance.api.app import create_app

__all__ = ["create_app"]
