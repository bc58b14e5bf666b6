"""Who may do what: API keys (stored as hashes), roles and the key check, shared by the API and
the web pages (the FastAPI glue lives in ``clearance.api.auth``)."""

from clearance.auth.keys import KeyStore, Role
from clearance.auth.principal import Authenticator, Principal, role_from_setting

__all__ = ["Authenticator", "KeyStore", "Principal", "Role", "role_from_setting"]
