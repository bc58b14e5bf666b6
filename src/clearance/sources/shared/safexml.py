"""Safe, streaming XML parsing for list files (UN, EU, OFAC enhanced XML, UK workbook sheets).

lxml is configured not to resolve entities, not to touch the network, not to load DTDs and to
keep its size limits (``huge_tree=False``). A file that declares entities is refused outright:
official list files never do, and an unexpanded entity would silently drop text. An
entity-expansion bomb is therefore a clear :class:`~clearance.errors.InputFileError`, not a hang
or a ``MemoryError``. List files are streamed by :func:`iter_records`, which keeps only the
records the reader maps and refuses a record beyond an element budget, so no file, however
large or strange, holds more than one record's tree in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from clearance.errors import InputFileError

_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


def check_nonempty(path: Path) -> None:
    if not path.is_file():
        raise InputFileError(str(path), "not a file")
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head.strip(b"\x00 \r\n\t\xef\xbb\xbf"):
        raise InputFileError(str(path), "file is empty")


def _check_no_entities(path: Path, tree: etree._ElementTree) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        raise InputFileError(
            str(path),
            "the XML declares entities (<!ENTITY>); refused as a possible entity-expansion bomb",
        )


def _syntax_error(path: Path, exc: etree.XMLSyntaxError) -> InputFileError:
    message = str(exc.msg or exc).split(" (", 1)[0].split(", line ", 1)[0]
    if "encoding" in message.lower():
        message += " (the file must be UTF-8 or declare its encoding)"
    if "amplification" in message or "entity" in message.lower():
        message += " (refused as a possible entity-expansion bomb)"
    where = f" at line {exc.lineno}" if exc.lineno else ""
    return InputFileError(str(path), f"not well-formed XML{where}: {message}")


def parse_xml(path: Path) -> etree._ElementTree:
    """Parse a whole (small) XML file safely; bad input raises :class:`InputFileError`.

    Keeps the whole tree: list files are read with :func:`iter_records` instead."""
    check_nonempty(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read XML: {exc}") from None
    return parse_xml_bytes(path, data).getroottree()


def parse_xml_bytes(path: Path, data: bytes) -> etree._Element:
    """Parse XML held in memory (``path`` names it in errors); returns the root element."""
    parser = etree.XMLParser(remove_comments=True, **_OPTIONS)  # type: ignore[arg-type]
    try:
        root = etree.fromstring(data, parser, base_url=str(path))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(path, exc) from None
    _check_no_entities(path, root.getroottree())
    return root


def iter_elements(
    path: Path, local_name: str, *, source: IO[bytes] | None = None
) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Stream ``(root, element)`` for every outermost element named ``local_name``.

    Reads ``source`` when given (a member of a zip file, say), else ``path``; ``path`` names
    the file in errors. See :func:`iter_records`: memory stays flat whatever else the file
    holds, and syntax errors anywhere in the file raise :class:`InputFileError`.
    """
    if source is None:
        check_nonempty(path)
        with path.open("rb") as handle:  # closed even when the caller stops early
            yield from iter_records(path, frozenset({local_name}), handle)
        return
    yield from iter_records(path, frozenset({local_name}), source)


RECORD_ELEMENTS = 100_000
"""Most elements one record may hold (the largest real record holds a few thousand)."""
RECORD_BYTES = 8 << 20
"""Most bytes of XML one record may span (the largest real record spans well under 1 MB)."""


def localname(tag: object) -> str:
    """The local part of an lxml tag (``""`` for comments and the like)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _Counted:
    """A byte stream that counts what the parser has read from it."""

    __slots__ = ("read_bytes", "_source")

    def __init__(self, source: Any) -> None:
        self._source = source
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data: bytes = self._source.read(size)
        self.read_bytes += len(data)
        return data


def iter_records(
    path: Path | str,
    names: frozenset[str] | set[str],
    source: IO[bytes] | Any,
    *,
    max_elements: int = RECORD_ELEMENTS,
    max_bytes: int = RECORD_BYTES,
    on_root: Callable[[etree._Element], None] | None = None,
) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Stream ``(root, record)`` for every outermost element whose local name is in ``names``.

    Only what the caller maps is kept: a record's subtree while the caller handles it, and the
    ancestors of the element being parsed. Every other element (unknown ones anywhere in the
    file, containers' finished children) is cleared and dropped as soon as it ends, so memory
    stays flat whatever the file holds. A record of more than ``max_elements`` elements or
    spanning more than ``max_bytes`` bytes is refused with :class:`InputFileError` naming its
    line (an explicit budget: no real list record comes near it). ``path`` names the file in
    errors; syntax errors and entity declarations raise :class:`InputFileError` too.
    ``on_root`` is called with the root element as soon as it starts (its attributes are set).
    """
    label = str(path)
    counted = _Counted(source)
    events = etree.iterparse(
        counted, events=("start", "end"), remove_comments=True, remove_pis=True, **_OPTIONS
    )
    depth = count = began = 0  # depth > 0 while inside a record: its nesting level
    root: etree._Element | None = None
    try:
        for event, element in events:
            if event == "start":
                if depth:
                    depth += 1
                    count += 1
                    if count > max_elements or counted.read_bytes - began > max_bytes:
                        raise _too_big(label, element, max_elements, max_bytes)
                elif root is None:
                    root = element
                    _check_no_entities(Path(label), element.getroottree())
                    if on_root is not None:
                        on_root(element)
                elif localname(element.tag) in names:
                    depth, count, began = 1, 1, counted.read_bytes
            elif depth > 1:  # the end of an element inside a record: kept with it
                depth -= 1
            else:
                if depth:
                    depth = 0
                    yield root if root is not None else element, element
                _drop(element)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(Path(label), exc) from None
    except OSError as exc:
        raise InputFileError(label, f"cannot read XML: {exc}") from None


def _too_big(label: str, element: etree._Element, elements: int, size: int) -> InputFileError:
    line = getattr(element, "sourceline", None)
    return InputFileError(
        label,
        f"a record holds more than {elements:,} elements or spans more than {size:,} bytes; "
        "refused as a hostile file (real list records are far smaller)",
        record=f"line {line}" if line else None,
    )


def _drop(element: etree._Element) -> None:
    """Clear a finished element and remove the finished siblings before it."""
    element.clear(keep_tail=False)  # type: ignore[call-arg]
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def local(element: etree._Element) -> str:
    """The tag name without its namespace."""
    return etree.QName(element).localname


# Public names for readers that drive lxml's iterparse themselves (payment message files).
PARSER_OPTIONS = _OPTIONS
check_no_entities = _check_no_entities
syntax_error = _syntax_error
