"""ISO 20022 reader: every public sample, roles and field paths, XSD validation, hardening."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearance.messages import Message, ReadError, SchemaSet, read_bytes, read_path

FIXTURES = Path(__file__).parent.parent / "payments" / "fixtures"
PACS8 = (FIXTURES / "pacs008-versor.xml").read_bytes()


def one(items: list[Message | ReadError]) -> Message:
    assert len(items) == 1 and isinstance(items[0], Message), items
    return items[0]


def error(items: list[Message | ReadError]) -> ReadError:
    found = [i for i in items if isinstance(i, ReadError)]
    assert len(found) == 1, items
    return found[0]


def paths(message: Message) -> dict[str, str]:
    return {p.path: p.role for p in message.parties}


def test_every_public_sample_reads(data_dir: Path) -> None:
    items = list(read_path(data_dir / "payments" / "iso20022" / "samples"))
    assert [i.message for i in items if isinstance(i, ReadError)] == []
    types = sorted(i.type for i in items if isinstance(i, Message))
    assert types == ["pacs.002", "pacs.008", "pacs.008", "pacs.008", "pacs.008",
                     "pacs.009 COV", "pacs.009 COV", "pain.001"]  # fmt: skip


def test_pacs008_max_roles_cover_every_agent(data_dir: Path) -> None:
    msg = one(list(read_path(data_dir / "payments/iso20022/samples/cbpr-pacs.008.max.xml")))
    roles = paths(msg)
    for path, role in {
        "CdtTrfTxInf/Dbtr": "debtor",
        "CdtTrfTxInf/Cdtr": "creditor",
        "CdtTrfTxInf/UltmtDbtr": "ultimate debtor",
        "CdtTrfTxInf/UltmtCdtr": "ultimate creditor",
        "CdtTrfTxInf/InitgPty": "initiating party",
        "CdtTrfTxInf/IntrmyAgt3": "intermediary agent 3",
        "CdtTrfTxInf/PrvsInstgAgt1": "previous instructing agent 1",
        "GrpHdr/SttlmInf/InstgRmbrsmntAgt": "instructing reimbursement agent",
        "GrpHdr/SttlmInf/ThrdRmbrsmntAgt": "third reimbursement agent",
        "AppHdr/Fr/FIId": "header sender",
        "AppHdr/To/FIId": "header receiver",
    }.items():
        assert roles.get(path) == role, path
    creditor = next(p for p in msg.parties if p.path == "CdtTrfTxInf/Cdtr")
    assert creditor.names[0].path == "CdtTrfTxInf/Cdtr/Nm"
    countries = [(c.value, c.path) for c in creditor.countries]
    assert ("GB", "CdtTrfTxInf/Cdtr/PstlAdr/Ctry") in countries
    assert {t.path for t in msg.texts} >= {"CdtTrfTxInf/InstrForCdtrAgt/InstrInf"}
    agent = next(p for p in msg.parties if p.path == "CdtTrfTxInf/IntrmyAgt1")
    assert agent.kind == "agent" and agent.bic is not None
    assert agent.bic.path == "CdtTrfTxInf/IntrmyAgt1/FinInstnId/BICFI"


def test_pacs009_cov_reads_the_underlying_customer_transfer(data_dir: Path) -> None:
    msg = one(list(read_path(data_dir / "payments/iso20022/samples/cbpr-pacs.009_cov.max.xml")))
    assert msg.type == "pacs.009 COV" and msg.version == "pacs.009.001.08"
    roles = paths(msg)
    assert roles["CdtTrfTxInf/UndrlygCstmrCdtTrf/Cdtr"] == "creditor"
    assert roles["CdtTrfTxInf/Cdtr"] == "creditor"  # the beneficiary institution
    assert "CdtTrfTxInf/UndrlygCstmrCdtTrf/RmtInf/Ustrd" in {t.path for t in msg.texts}


def test_pain001_transactions_are_numbered() -> None:
    msg = one(list(read_path(FIXTURES / "pain001-mkrtychev.xml")))
    assert msg.type == "pain.001" and msg.reference == "H15-PAIN-0001"
    assert [t.path for t in msg.texts] == [
        "PmtInf/CdtTrfTxInf[1]/RmtInf/Ustrd",
        "PmtInf/CdtTrfTxInf[2]/RmtInf/Ustrd",
    ]
    assert paths(msg)["GrpHdr/InitgPty"] == "initiating party"


def test_xsd_validation_when_a_schema_is_there(data_dir: Path) -> None:
    schemas = SchemaSet(data_dir / "payments" / "iso20022" / "xsd")
    assert one(read_bytes(PACS8, "ok.xml", schemas)).version == "pacs.008.001.08"
    broken = PACS8.replace(b"<ChrgBr>SHAR</ChrgBr>", b"<ChrgBr>NOPE</ChrgBr>")
    assert one(read_bytes(broken, "plain.xml")).reference  # without schemas: read
    bad = error(read_bytes(broken, "bad.xml", schemas))
    assert "does not validate against pacs.008.001.08.xsd" in bad.reason
    assert "ChrgBr" in bad.message and bad.message.startswith("bad.xml, message 1")


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ((b"<IBAN>SK3112000000198742637541</IBAN>", b"<IBAN>SK3112000000198742637542</IBAN>"),
         "CdtTrfTxInf/CdtrAcct/Id/IBAN", "invalid IBAN"),
        ((b"<BICFI>TATRSKBXXXX</BICFI></FinInstnId></CdtrAgt>",
          b"<BICFI>TATR5KBXXXX</BICFI></FinInstnId></CdtrAgt>"),
         "CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI", "invalid BIC"),
        ((b"<Nm>VERSOR S.R.O.</Nm>", b"<Nm>" + b"V" * 500 + b"</Nm>"),
         "CdtTrfTxInf/Cdtr/Nm", "500 characters"),
        ((b"<MsgId>H15-P8-VERSOR-1</MsgId>", b""), "GrpHdr/MsgId", "mandatory"),
        ((b"pacs.008.001.08\">", b"pacs.999\">"), "Document", "namespace"),
    ],
)  # fmt: skip
def test_bad_fields_name_message_and_field(
    change: tuple[bytes, bytes], field: str, reason: str
) -> None:
    bad = error(read_bytes(PACS8.replace(*change), "in.xml"))
    assert bad.field == field and reason in bad.reason


def test_bulk_file_streams_messages_and_one_bad_one_does_not_stop_it() -> None:
    body = PACS8.split(b"?>", 1)[1]
    wrong = body.replace(b"<IBAN>SK3112000000198742637541</IBAN>", b"<IBAN>XX00</IBAN>")
    data = b"<Batch>" + body + wrong + body.replace(b"VERSOR-1", b"VERSOR-3") + b"</Batch>"
    items = read_bytes(data, "bulk.xml")
    assert [type(i).__name__ for i in items] == ["Message", "ReadError", "Message"]
    assert items[1].message.startswith("bulk.xml, message 2 (H15-P8-VERSOR-1)")
    assert items[2].reference == "H15-P8-VERSOR-3"  # type: ignore[union-attr]
    header = [p.role for p in items[2].parties if p.path.startswith("AppHdr")]  # type: ignore[union-attr]
    assert header == ["header sender", "header receiver"]


def test_entity_bomb_and_broken_xml_are_refused_cleanly() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><x>&b;</x></Document>'
    )
    assert "entit" in error(read_bytes(bomb, "bomb.xml")).reason
    truncated = error(read_bytes(PACS8[: len(PACS8) // 2], "cut.xml"))
    assert "not well-formed" in truncated.reason
