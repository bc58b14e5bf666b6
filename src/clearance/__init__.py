"""Clearance: sanctions screening and designation-network system."""

__version__ = "0.1.0"
