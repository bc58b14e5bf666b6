from tests.snapshots.httpserver import list_server
from tests.snapshots.toy import toy_format

__all__ = ["list_server", "toy_format"]
