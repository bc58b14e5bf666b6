"""Reader for OFAC's "enhanced XML" (``CONS_ENHANCED.ZIP`` / ``SDN_ENHANCED.XML``).

The file is ``<sanctionsData>``: ``publicationInfo`` (``dataAsOf``), ``referenceValues``
(countries with ISO codes, document types...), ``featureTypes`` and ``entities``. It is parsed
incrementally and safely: a DOCTYPE (the vehicle of entity-expansion bombs and external
entities) is refused before parsing, entities are never resolved, no network is used, and
libxml2's size limits stay on. The mapping to :class:`~clearance.model.Entity` is in
:mod:`.enhanced_map`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from lxml import etree

from clearance.errors import InputFileError
from clearance.sources.shared.safexml import iter_records, localname
from clearance.sources.shared.zips import MAX_UNPACKED, check_sizes

ENHANCED_NS = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"
)
MAX_XML_BYTES = MAX_UNPACKED  # the full SDN_ENHANCED.XML is well under this
_PROLOG_BYTES = 1 << 16


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class RefValue:
    """A ``referenceValue``: ``type`` (e.g. ``COUNTRY``), ``value`` and ``iso`` code."""

    type: str
    value: str
    iso: str | None = None


@dataclass
class XmlHeader:
    """What precedes the entities: publication date, lists covered and reference tables."""

    data_as_of: str | None = None
    lists: list[str] = field(default_factory=list)
    refs: dict[str, RefValue] = field(default_factory=dict)
    feature_labels: dict[str, str] = field(default_factory=dict)  # featureTypeId -> type


def is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _xml_member(path: Path, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    members = [i for i in archive.infolist() if i.filename.lower().endswith(".xml")]
    if len(members) != 1:
        raise InputFileError(str(path), f"expected one XML file in the zip, found {len(members)}")
    member = members[0]
    check_sizes(path, archive, streamed={member.filename}, limit=MAX_XML_BYTES)
    return member


@contextmanager
def open_xml(path: Path) -> Iterator[tuple[Readable, str]]:
    """Open the XML of a ``.zip`` (its one ``.xml`` member) or a bare file.

    Yields the byte stream and a display name (``CONS_ENHANCED.ZIP!CONS_ENHANCED.XML``).
    """
    if not is_zip(path):
        with path.open("rb") as handle:
            yield handle, str(path)
        return
    try:
        with zipfile.ZipFile(path) as archive:
            member = _xml_member(path, archive)
            with archive.open(member) as stream:
                yield stream, f"{path}!{member.filename}"  # zipfile stops at file_size
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise InputFileError(str(path), f"unreadable zip archive: {exc}") from exc


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def check_prolog(head: bytes, name: str) -> str:
    """Refuse a DTD; return the root element's local name (read from the first bytes)."""
    text = re.sub(rb"<!--.*?-->|<\?.*?\?>", b"", head, flags=re.DOTALL)
    root = _FIRST_ELEMENT.search(text)
    prolog = text[: root.start()] if root else text
    if _DOCTYPE.search(prolog):
        raise InputFileError(
            name,
            "XML declares a DOCTYPE/entities; refused (entity-expansion or external-entity "
            "attack?) — OFAC files have none",
        )
    if b"\x00" in head[:4]:
        raise InputFileError(name, "UTF-16 or binary data; expected UTF-8 XML")
    if root is None:
        raise InputFileError(name, "no XML element found: not an XML file")
    return root.group(2).decode("ascii")


def iter_entities(stream: Readable, name: str, header: XmlHeader) -> Iterator[etree._Element]:
    """Yield each ``<entity>`` element (cleared after use); fill ``header`` on the way."""
    head = stream.read(_PROLOG_BYTES)
    root_name = check_prolog(head, name)
    if root_name != "sanctionsData":
        raise InputFileError(
            name, f"root element <{root_name}>: not an OFAC enhanced XML (<sanctionsData>) file"
        )
    source = _Prefixed(head, stream)
    try:
        for _, el in iter_records(name, _KEPT, source):
            tag = localname(el.tag)
            if tag == "entity":
                yield el
            elif tag == "referenceValue":
                ref_id = el.get("refId", "")
                header.refs[ref_id] = RefValue(
                    _child_text(el, "type"),
                    _child_text(el, "value"),
                    _child_text(el, "isoCode") or None,
                )
            elif tag == "featureType":
                header.feature_labels[el.get("featureTypeId", "")] = _child_text(el, "type")
            elif tag == "dataAsOf":
                header.data_as_of = (el.text or "").strip() or None
            elif tag == "sanctionsList" and _parent_name(el) == "sanctionsLists":
                grand = el.getparent()
                if grand is not None and _parent_name(grand) == "filters":
                    header.lists.append((el.text or "").strip())
    except InputFileError as exc:
        found = _SYNTAX.match(exc.reason)
        if found is None:
            raise
        record = f"line {found[1]}" if found[1] else None
        raise InputFileError(name, f"malformed XML: {found[2]}", record=record) from None


_SYNTAX = re.compile(r"not well-formed XML(?: at line (\d+))?: (.*)", re.DOTALL)


_KEPT = frozenset({"entity", "referenceValue", "featureType", "dataAsOf", "sanctionsList"})
"""The elements mapped (each dropped once handled; everything else as soon as it ends)."""


def _parent_name(el: etree._Element) -> str:
    parent = el.getparent()
    return etree.QName(parent).localname if parent is not None else ""


def _child_text(el: etree._Element, name: str) -> str:
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child).localname == name:
            return (child.text or "").strip()
    return ""


class _Prefixed:
    """Re-joins the bytes already read for the prolog check with the rest of the stream."""

    def __init__(self, head: bytes, stream: Readable) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
            else:
                data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)
