"""Who may do what: API keys (stored as hashes) and roles, shared by the API and the web pages."""

from clearance.auth.keys import KeyStore, Role

__all__ = ["KeyStore", "Role"]
