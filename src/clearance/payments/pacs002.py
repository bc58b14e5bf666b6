"""A pacs.002 payment status report (``RJCT``, reason ``RR04`` regulatory reason) for a rejected
payment, with the deciding rule and field in the additional information (pacs.002.001.12)."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from clearance.errors import ClearanceError
from clearance.payments.decision import Decision
from clearance.payments.policy import Action

NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.12"
REASON_CODE = "RR04"  # ExternalStatusReason1Code: Regulatory Reason
_MAX_INFO = 105


def status_report(decision: Decision, *, message_id: str, now: datetime | None = None) -> bytes:
    """The pacs.002 XML rejecting ``decision``'s message; only a reject produces one (a
    blocked payment is held and reported to the regulator, not returned)."""
    if decision.action is not Action.REJECT:
        raise ClearanceError(f"a pacs.002 rejection needs a reject decision, not {decision.label}")
    created = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    msg = decision.message
    ns = f"{{{NAMESPACE}}}"
    document = etree.Element(f"{ns}Document", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    report = etree.SubElement(document, f"{ns}FIToFIPmtStsRpt")
    header = etree.SubElement(report, f"{ns}GrpHdr")
    etree.SubElement(header, f"{ns}MsgId").text = message_id[:35]
    etree.SubElement(header, f"{ns}CreDtTm").text = created
    original = etree.SubElement(report, f"{ns}OrgnlGrpInfAndSts")
    etree.SubElement(original, f"{ns}OrgnlMsgId").text = (msg.reference or "NOTPROVIDED")[:35]
    etree.SubElement(original, f"{ns}OrgnlMsgNmId").text = _message_name(msg.type, msg.version)
    tx = etree.SubElement(report, f"{ns}TxInfAndSts")
    etree.SubElement(tx, f"{ns}TxSts").text = "RJCT"
    for line in _info(decision):  # one reason per line: some versions allow one AddtlInf
        reason = etree.SubElement(tx, f"{ns}StsRsnInf")
        etree.SubElement(etree.SubElement(reason, f"{ns}Rsn"), f"{ns}Cd").text = REASON_CODE
        etree.SubElement(reason, f"{ns}AddtlInf").text = line
    return bytes(etree.tostring(document, xml_declaration=True, encoding="UTF-8"))


def _message_name(kind: str, version: str) -> str:
    return version if not version.startswith("MT") else kind


def _info(decision: Decision) -> list[str]:
    hit = decision.deciding
    lines = [f"Rejected by rule {decision.rule}"]
    if hit is not None:
        lines.append(f"Field {hit.field}: {hit.reason}")
    return [line[:_MAX_INFO] for line in lines]
