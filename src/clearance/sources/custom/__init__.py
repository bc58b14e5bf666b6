"""Custom lists (``custom-csv``): a user's own internal list as a simple CSV.

Format (also in ``docs/custom-list.md``)
----------------------------------------

A UTF-8 CSV file (a byte-order mark is allowed) with a header row. Column names are matched
case-insensitively; the order is free; unknown columns are ignored and reported.

=============  =========  ==================================================================
column         required   content
=============  =========  ==================================================================
``id``         yes        unique, non-empty record id (the entity id is ``<list>-<id>``)
``name``       yes        the primary name, non-empty
``type``       no         ``person``, ``organization``, ``vessel`` or ``aircraft``
                          (default ``organization``; case-insensitive)
``aliases``    no         strong a.k.a.s, ``|``-separated
``weak_aliases`` no       weak a.k.a.s (not screened alone by default), ``|``-separated
``dob``        no         date(s) of birth ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
                          ``|``-separated
``country``    no         countries linked to the party: ISO alpha-2 codes or English names,
                          ``|``-separated
``nationality`` no        nationalities, same form as ``country``
``identifiers`` no        ``type:value|type:value`` where ``type`` is one of ``passport``,
                          ``national_id``, ``tax_id``, ``registration_number``, ``imo``,
                          ``mmsi``, ``call_sign``, ``swift_bic``, ``email``, ``website``,
                          ``phone``, ``digital_currency``, ``aircraft_serial``,
                          ``aircraft_tail``, ``lei``, ``other``
``programs``   no         programmes / reasons for listing, ``|``-separated
``remarks``    no         free text
``linked_to``  no         ids of other records in the same file, ``|``-separated
=============  =========  ==================================================================

The list name is the ``list_name`` argument (``--list``) or else the file name without its
extension, lower-cased (``Internal Watchlist.csv`` → ``internal-watchlist``).

Errors (:class:`~clearance.errors.InputFileError`, naming the file and line): empty file,
wrong encoding (not UTF-8), missing ``id`` or ``name`` column, empty id or name, unknown
``type``, bad ``dob``, unknown identifier type, duplicated ``id``, ``linked_to`` naming an id
that is not in the file, a row with more fields than the header.
"""

from __future__ import annotations

from clearance.sources.base import ListFormat
from clearance.sources.custom.formats import CustomCsvFormat
from clearance.sources.custom.read import read_custom

FORMATS: list[ListFormat] = [CustomCsvFormat()]

__all__ = ["FORMATS", "CustomCsvFormat", "read_custom"]
