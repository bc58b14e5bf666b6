"""Payment message readers (pure: no web, SQL or HTTP): SWIFT FIN MT103 / MT202COV and
ISO 20022 pacs.008, pacs.009 (COV), pain.001 become role-tagged parties and free-text fields,
each with its field path, or a one-line error naming the message and the field.
"""

from __future__ import annotations

from clearance.messages.model import Located, Message, Party, ReadError, TextField
from clearance.messages.read import read_bytes, read_path, read_paths
from clearance.messages.xsd import SchemaSet

__all__ = [
    "Located",
    "Message",
    "Party",
    "ReadError",
    "SchemaSet",
    "TextField",
    "read_bytes",
    "read_path",
    "read_paths",
]
