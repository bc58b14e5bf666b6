"""ISO 20022 pacs.008, pacs.009 (also COV), pain.001 and other pacs/pain messages.

The message type and version come from the ``Document`` namespace
(``urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08``); elements are found by local name, so any
version reads. A business application header (head.001 ``AppHdr``) before a ``Document`` gives
the header sender and receiver. A file may hold one message (bare ``Document``, ``AppHdr`` +
``Document`` or an ``Envelope``) or many under any wrapper element; it is streamed and each
message is cleared once read, so memory stays flat. Field paths start below the message element:
``CdtTrfTxInf/Cdtr/Nm``; repeated elements carry their position: ``CdtTrfTxInf[2]/Cdtr/Nm``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from clearance.errors import InputFileError
from clearance.messages.checks import MAX_TEXT, check_bic, check_iban, check_size
from clearance.messages.model import (
    Located,
    Message,
    MessageFormatError,
    Party,
    ReadError,
    TextField,
)
from clearance.messages.xsd import SchemaSet
from clearance.sources.shared import safexml

_NS = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.[0-9]{3})\.([0-9]{3}\.[0-9]{2})$")

ROLES = {
    "Dbtr": "debtor",
    "Cdtr": "creditor",
    "UltmtDbtr": "ultimate debtor",
    "UltmtCdtr": "ultimate creditor",
    "InitgPty": "initiating party",
    "DbtrAgt": "debtor agent",
    "CdtrAgt": "creditor agent",
    "IntrmyAgt1": "intermediary agent 1",
    "IntrmyAgt2": "intermediary agent 2",
    "IntrmyAgt3": "intermediary agent 3",
    "PrvsInstgAgt1": "previous instructing agent 1",
    "PrvsInstgAgt2": "previous instructing agent 2",
    "PrvsInstgAgt3": "previous instructing agent 3",
    "InstgAgt": "instructing agent",
    "InstdAgt": "instructed agent",
    "InstgRmbrsmntAgt": "instructing reimbursement agent",
    "InstdRmbrsmntAgt": "instructed reimbursement agent",
    "ThrdRmbrsmntAgt": "third reimbursement agent",
    "FwdgAgt": "forwarding agent",
    "ChrgsAcctAgt": "charges account agent",
    "Agt": "charges agent",
    "Orgtr": "status originator",
    "ChqFr": "cheque from",
    "DlvrTo": "cheque deliver to",
}
TEXTS = {
    "Ustrd": "remittance",
    "AddtlRmtInf": "remittance",
    "InstrInf": "instructions",
    "InstrForDbtrAgt": "instructions",
    "Inf": "regulatory reporting",
}
_ADDRESS = {"StrtNm", "BldgNm", "AdrLine", "Dept", "SubDept", "PstCd"}
_TOWN = {"TwnNm", "TwnLctnNm", "DstrctNm", "CtrySubDvsn"}
# Per message type: paths (below the message element) that must be present.
MANDATORY = {
    "pacs.008": (
        "GrpHdr/MsgId",
        "CdtTrfTxInf/Dbtr",
        "CdtTrfTxInf/Cdtr",
        "CdtTrfTxInf/DbtrAgt",
        "CdtTrfTxInf/CdtrAgt",
    ),
    "pacs.009": ("GrpHdr/MsgId", "CdtTrfTxInf/Dbtr", "CdtTrfTxInf/Cdtr"),
    "pain.001": ("GrpHdr/MsgId", "GrpHdr/InitgPty", "PmtInf/Dbtr", "PmtInf/CdtTrfTxInf/Cdtr"),
}


_LOCAL: dict[str, str] = {}  # tag ({namespace}Name) -> local name: tags repeat endlessly


def local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rpartition("}")[2]
        if len(_LOCAL) < 10_000:
            _LOCAL[tag] = name
    return name


def children(element: etree._Element) -> list[tuple[str, etree._Element]]:
    """The element children with their local names (comments and processing instructions
    left out)."""
    table = _LOCAL
    out = []
    for node in element.iterchildren(etree.Element):
        tag: str = node.tag
        name = table.get(tag)
        if name is None:
            name = local(node)
        out.append((name, node))
    return out


def child(element: etree._Element, *names: str) -> etree._Element | None:
    """The first descendant along ``names`` (local names), or None."""
    current: etree._Element | None = element
    for name in names:
        if current is None:
            return None
        found = None
        for node in current.iterchildren(etree.Element):
            tag: str = node.tag
            if (_LOCAL.get(tag) or local(node)) == name:
                found = node
                break
        current = found
    return current


def text_of(element: etree._Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def read_iso(
    handle: IO[bytes], source: str, schemas: SchemaSet | None = None
) -> Iterator[Message | ReadError]:
    """Every message of an ISO 20022 file, streamed."""
    events = etree.iterparse(
        handle,
        events=("end",),
        tag=("{*}AppHdr", "{*}Document"),
        remove_comments=True,
        **safexml.PARSER_OPTIONS,
    )

    def elements() -> Iterator[etree._Element]:
        checked = False
        for _, element in events:
            if not checked:
                safexml.check_no_entities(Path(source), element.getroottree())
                checked = True
            yield element

    try:
        yield from _messages(elements(), source, schemas, release=True)
    except etree.XMLSyntaxError as exc:
        error = safexml.syntax_error(Path(source), exc)
        yield ReadError(source, None, None, error.reason + " (the rest of the file is not read)")
    except InputFileError as exc:
        yield ReadError(source, None, None, exc.reason)


def read_iso_bytes(
    data: bytes, source: str, schemas: SchemaSet | None = None
) -> Iterator[Message | ReadError]:
    """Every message of a small in-memory document (an API body), parsed in one go."""
    path = Path(source)
    try:
        try:
            root = etree.fromstring(data, _parser(), base_url=source)
        except etree.XMLSyntaxError as exc:
            raise safexml.syntax_error(path, exc) from None
        safexml.check_no_entities(path, root.getroottree())
    except InputFileError as exc:
        yield ReadError(source, None, None, exc.reason)
        return
    yield from _messages(root.iter("{*}AppHdr", "{*}Document"), source, schemas, release=False)


_local = threading.local()


def _parser() -> etree.XMLParser:
    """One safe parser per thread (a parser is not thread-safe; making one per message costs
    more than parsing a payment)."""
    found: etree.XMLParser | None = getattr(_local, "parser", None)
    if found is None:
        options: dict[str, Any] = dict(safexml.PARSER_OPTIONS)
        found = _local.parser = etree.XMLParser(remove_comments=True, **options)
    return found


def _messages(
    elements: Iterator[etree._Element], source: str, schemas: SchemaSet | None, release: bool
) -> Iterator[Message | ReadError]:
    """Pair each ``Document`` with the ``AppHdr`` before it; read them in order."""
    pending: list[Party] = []
    number = 0
    for element in elements:
        if local(element) == "AppHdr":
            pending = _header(element, f"{source}, message {number + 1}")
            continue
        number += 1
        yield read_document(element, f"{source}, message {number}", pending, schemas)
        pending = []
        if release:
            _release(element)
    if number == 0:
        yield ReadError(source, None, None, "no ISO 20022 Document element found")


def _release(element: etree._Element) -> None:
    """Drop what has been read: the element and everything before it at every level."""
    element.clear(keep_tail=False)  # type: ignore[call-arg]
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        if parent is not None:
            while node.getprevious() is not None:
                del parent[0]
        node = parent


def _header(element: etree._Element, source: str) -> list[Party]:
    parties = []
    warnings: list[str] = []
    for name, role in (("Fr", "header sender"), ("To", "header receiver")):
        node = child(element, name, "FIId")
        if node is None:
            continue
        try:
            parties.append(read_party(node, role, f"AppHdr/{name}/FIId", warnings))
        except MessageFormatError:
            continue  # a bad header address is reported with the document (see read_document)
    return parties


def read_document(
    document: etree._Element,
    source: str,
    header: list[Party] | None = None,
    schemas: SchemaSet | None = None,
) -> Message | ReadError:
    """One ``Document`` element; a format problem becomes a :class:`ReadError`."""
    match = _NS.match(etree.QName(document).namespace or "")
    if match is None:
        return ReadError(source, None, "Document", "not an ISO 20022 message namespace")
    msg_type, version = match.group(1), f"{match.group(1)}.{match.group(2)}"
    body = next((c for _, c in children(document)), None)
    reference = text_of(child(body, "GrpHdr", "MsgId")) if body is not None else ""
    try:
        if body is None:
            raise MessageFormatError("the Document is empty", "Document")
        if schemas is not None:
            schemas.validate(document, version)
        for required in MANDATORY.get(msg_type, ("GrpHdr/MsgId",)):
            if child(body, *required.split("/")) is None:
                raise MessageFormatError("mandatory element missing", required)
        warnings: list[str] = []
        parties: list[Party] = list(header or [])
        texts: list[TextField] = []
        _walk(body, "", parties, texts, warnings)
    except MessageFormatError as exc:
        return ReadError(source, reference or None, exc.field, exc.reason)
    cov = msg_type == "pacs.009" and child(body, "CdtTrfTxInf", "UndrlygCstmrCdtTrf") is not None
    return Message(
        type=msg_type + (" COV" if cov else ""),
        version=version,
        reference=reference,
        source=source,
        parties=tuple(parties),
        texts=tuple(texts),
        warnings=tuple(warnings),
        header={"message": local(body)},
    )


def _walk(
    element: etree._Element,
    path: str,
    parties: list[Party],
    texts: list[TextField],
    warnings: list[str],
) -> None:
    items = children(element)
    counts: dict[str, int] = {}
    for name, _ in items:
        counts[name] = counts.get(name, 0) + 1
    seen: dict[str, int] = {}
    for name, node in items:
        seen[name] = seen.get(name, 0) + 1
        label = f"{name}[{seen[name]}]" if counts[name] > 1 else name
        here = f"{path}/{label}" if path else label
        if name in ROLES and (len(node) or text_of(node)):
            parties.append(read_party(node, ROLES[name], here, warnings))
        elif name.endswith("Acct") and child(node, "Id") is not None:
            parties.append(_account(node, name, here))
        elif name in TEXTS and text_of(node):
            texts.append(TextField(TEXTS[name], here, check_size(text_of(node), here, MAX_TEXT)))
        elif name == "Purp" and text_of(child(node, "Prtry")):
            texts.append(TextField("purpose", f"{here}/Prtry", text_of(child(node, "Prtry"))))
        elif len(node):
            _walk(node, here, parties, texts, warnings)


def _account(node: etree._Element, name: str, path: str) -> Party:
    iban = child(node, "Id", "IBAN")
    account = None
    if iban is not None:
        account = Located(check_iban(text_of(iban), f"{path}/Id/IBAN"), f"{path}/Id/IBAN")
    else:
        other = child(node, "Id", "Othr", "Id")
        account = Located(text_of(other), f"{path}/Id/Othr/Id") if other is not None else None
    names: tuple[Located, ...] = ()
    if text_of(child(node, "Nm")):
        names = (Located(check_size(text_of(child(node, "Nm")), f"{path}/Nm"), f"{path}/Nm"),)
    role = ROLES.get(name[:-4], name[:-4]) + " account"
    return Party(role, path, "account", names=names, account=account)


def read_party(node: etree._Element, role: str, path: str, warnings: list[str]) -> Party:
    """A party or agent element: names, postal address, BIC, LEI and other identifiers."""
    base, prefix = node, path
    for wrapper in ("FinInstnId", "Pty"):
        inner = child(node, wrapper)
        if inner is not None:
            base, prefix = inner, f"{path}/{wrapper}"
            break
    found: dict[str, list[Located]] = {"names": [], "address": [], "towns": [], "countries": []}
    ids: list[tuple[str, Located]] = []
    bic: Located | None = None
    for name, elem in children(base):
        here = f"{prefix}/{name}"
        value = text_of(elem)
        if name == "Nm" and value:
            found["names"].append(Located(check_size(value, here), here))
        elif name in {"BICFI", "BIC"} and value:
            code, country = check_bic(value, here, warnings)
            bic = Located(code, here)
            if country:
                found["countries"].append(Located(country, here))
        elif name in {"PstlAdr", "Adr"}:
            _address(elem, here, found)
        elif name == "CtryOfRes" and value:
            found["countries"].append(Located(value.upper(), here))
        elif name == "LEI" and value:
            ids.append(("lei", Located(value, here)))
        elif name == "Id" and len(elem):
            bic = _ids(elem, here, ids, warnings) or bic
    kind = "agent" if base is not node or role.endswith(("agent", "1", "2", "3")) else "party"
    return Party(
        role,
        path,
        kind,
        names=tuple(found["names"]),
        address=tuple(found["address"]),
        towns=tuple(found["towns"]),
        countries=tuple(found["countries"]),
        bic=bic,
        identifiers=tuple(ids),
    )


def _address(elem: etree._Element, path: str, found: dict[str, list[Located]]) -> None:
    for name, part in children(elem):
        value = text_of(part)
        if not value:
            continue
        here = f"{path}/{name}"
        if name == "Ctry":
            found["countries"].append(Located(value.upper(), here))
        elif name in _TOWN:
            found["towns"].append(Located(check_size(value, here), here))
        elif name in _ADDRESS:
            found["address"].append(Located(check_size(value, here), here))


def _ids(
    elem: etree._Element, path: str, ids: list[tuple[str, Located]], warnings: list[str]
) -> Located | None:
    """Organisation / private identification: AnyBIC, LEI, other identifiers."""
    bic = None
    for kind in ("OrgId", "PrvtId"):
        node = child(elem, kind)
        if node is None:
            continue
        for name, part in children(node):
            here = f"{path}/{kind}/{name}"
            value = text_of(part)
            if name in {"AnyBIC", "BICOrBEI"} and value:
                bic = Located(check_bic(value, here, warnings)[0], here)
            elif name == "LEI" and value:
                ids.append(("lei", Located(value, here)))
            elif name == "Othr" and text_of(child(part, "Id")):
                ids.append(("other", Located(text_of(child(part, "Id")), f"{here}/Id")))
    return bic
