from tests.store.httpserver import list_server
from tests.store.toy import toy_format

__all__ = ["list_server", "toy_format"]
