"""Safe XML parsing for list files (shared by the UN and EU readers).

lxml is configured not to resolve entities, not to touch the network, not to load DTDs and to
keep its size limits (``huge_tree=False``). A file that declares entities is refused outright:
official list files never do, and an unexpanded entity would silently drop text. An
entity-expansion bomb is therefore a clear :class:`~clearance.errors.InputFileError`, not a hang
or a ``MemoryError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from clearance.errors import InputFileError

_OPTIONS = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


def _check_nonempty(path: Path) -> None:
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
    """Parse a whole XML file safely; bad input raises :class:`InputFileError`."""
    _check_nonempty(path)
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
    """Stream ``(root, element)`` for every element named ``local_name`` (any namespace).

    Reads ``source`` when given (a member of a zip file, say), else ``path``; ``path`` names
    the file in errors. Each element is cleared after the caller has handled it, so memory stays
    flat on large files. Syntax errors anywhere in the file raise :class:`InputFileError`.
    """
    if source is None:
        _check_nonempty(path)
        with path.open("rb") as handle:  # closed even when the caller stops early
            yield from iter_elements(path, local_name, source=handle)
        return
    events = etree.iterparse(
        source,
        events=("end",),
        tag=f"{{*}}{local_name}",
        remove_comments=True,
        **_OPTIONS,
    )
    checked = False
    try:
        for _, element in events:
            tree = element.getroottree()
            if not checked:
                _check_no_entities(path, tree)
                checked = True
            yield tree.getroot(), element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(path, exc) from None
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read XML: {exc}") from None


def local(element: etree._Element) -> str:
    """The tag name without its namespace."""
    return etree.QName(element).localname


# Public names for readers that drive lxml's iterparse themselves (payment message files).
PARSER_OPTIONS = _OPTIONS
check_no_entities = _check_no_entities
syntax_error = _syntax_error
