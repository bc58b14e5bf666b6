"""pacs.002 RJCT for a rejected payment, valid against the official pacs.002.001.12 XSD."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from clearance.errors import ClearanceError
from clearance.messages import Message, read_path
from clearance.payments import PaymentScreener
from clearance.payments.pacs002 import status_report

from .conftest import FIXTURES


def screen(payments: PaymentScreener, name: str):  # type: ignore[no-untyped-def]
    (message,) = (m for m in read_path(FIXTURES / name) if isinstance(m, Message))
    return payments.screen(message)


def test_reject_gives_a_valid_rjct_report(payments: PaymentScreener, data_dir: Path) -> None:
    decision = screen(payments, "pacs008-simferopol.xml")
    xml = status_report(decision, message_id="H15-STS-1", now=datetime(2023, 12, 20, tzinfo=UTC))
    schema = etree.XMLSchema(
        etree.parse(str(data_dir / "payments/iso20022/xsd/pacs.002.001.12.xsd"))
    )
    doc = etree.fromstring(xml)
    assert schema.validate(doc), schema.error_log
    ns = {"p": "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.12"}
    assert doc.findtext(".//p:TxSts", namespaces=ns) == "RJCT"
    assert doc.findtext(".//p:Rsn/p:Cd", namespaces=ns) == "RR04"
    assert doc.findtext(".//p:OrgnlMsgId", namespaces=ns) == "H15-P8-SIMF-1"
    assert doc.findtext(".//p:OrgnlMsgNmId", namespaces=ns) == "pacs.008.001.08"
    info = [e.text for e in doc.iterfind(".//p:AddtlInf", namespaces=ns)]
    assert info[0] == "Rejected by rule us-ofac/region/crimea"
    assert (info[1] or "").startswith("Field CdtTrfTxInf/Cdtr/PstlAdr/TwnNm:")


def test_only_a_reject_gets_a_report(payments: PaymentScreener) -> None:
    with pytest.raises(ClearanceError, match="not block"):
        status_report(screen(payments, "mt103-verus.fin"), message_id="X")
