"""SWIFT FIN reader: the public samples, the story messages, field paths and hardening."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from clearance.messages import Message, ReadError, read_bytes, read_path
from clearance.messages.mt import read_mt

FIXTURES = Path(__file__).parent.parent / "payments" / "fixtures"


def messages(items: list[Message | ReadError]) -> list[Message]:
    errors = [i.message for i in items if isinstance(i, ReadError)]
    assert not errors
    return [i for i in items if isinstance(i, Message)]


def party(message: Message, path: str):  # type: ignore[no-untyped-def]
    return next(p for p in message.parties if p.path == path)


def test_public_rje_files_read_every_message_and_skip_the_acks(data_dir: Path) -> None:
    out_ack = messages(list(read_path(data_dir / "payments/mt/prowide-MT103-out-ack.rje")))
    bulk = messages(list(read_path(data_dir / "payments/mt/prowide-MT103-bulk-with-ack.rje")))
    assert len(out_ack) == 13 and len(bulk) == 3
    assert {m.type for m in out_ack + bulk} == {"MT103"}
    first = bulk[0]
    assert first.reference == "234234233"
    debtor = party(first, ":50K:")
    assert debtor.role == "debtor" and debtor.account and debtor.account.value == "0000000000"
    assert [n.path for n in debtor.names] == [":50K: line 2"]
    assert party(first, ":52A:").bic.value == "CCCCNGLA"  # type: ignore[union-attr]
    assert {t.path for t in first.texts} == {":70:", ":72:"}
    sender = party(first, "block 2")
    assert sender.role == "header sender" and sender.bic.value == "BBBBUS33XXX"  # type: ignore[union-attr]


def test_unknown_bic_country_is_a_warning_not_an_error(data_dir: Path) -> None:
    second = messages(list(read_path(data_dir / "payments/mt/prowide-MT103-out-ack.rje")))[1]
    assert any("BICFOOYY" in w and ":57A:" in w for w in second.warnings)
    agent = party(second, ":57A:")
    assert agent.bic is not None and agent.countries == ()


def test_mt202cov_customer_section_is_sequence_b(data_dir: Path) -> None:
    (cov,) = messages(list(read_path(data_dir / "payments/mt/ballerina-MT202COV.fin")))
    assert cov.type == "MT202COV"
    debtor = party(cov, "B:50F:")
    assert [(n.value, n.path) for n in debtor.names] == [("MR. BIG", "B:50F: line 2")]
    assert [(c.value, c.path) for c in debtor.countries] == [("BE", "B:50F: line 4")]
    assert [t.value for t in debtor.towns] == ["BRUSSELS"]
    assert party(cov, "B:59F:").names[0].value == "MR. SMALL"
    assert party(cov, ":58A:").role == "beneficiary institution"
    assert {p.path for p in cov.parties} >= {":56A:", ":57A:", "B:57A:"}


def test_story_mt103_beneficiary_line_and_place() -> None:
    (msg,) = messages(list(read_path(FIXTURES / "mt103-verus.fin")))
    creditor = party(msg, ":59:")
    assert [(n.value, n.path) for n in creditor.names] == [
        ("LLC VERUS, MOSCOW", ":59: line 2"),
        ("LLC VERUS", ":59: line 2"),
    ]
    assert [c.value for c in creditor.countries] == ["RU"]
    assert creditor.account is not None and creditor.account.value == "40702810938000012345"


MT = (
    "{1:F01DEUTDEFFAXXX0000000000}{2:I103RZBAATWWXXXXN}{4:\r\n:20:REF{n}\r\n:23B:CRED\r\n"
    ":32A:231215EUR1,00\r\n:50K:ACME GMBH\r\n:57A:{bic}\r\n:59:/123\r\nJOHN SMITH\r\n"
    ":71A:SHA\r\n-}}"
)


def mt(n: int, bic: str = "RZBAATWW") -> str:
    return MT.replace("{n}", str(n)).replace("{bic}", bic).replace("-}}", "-}")


@pytest.mark.parametrize(
    ("text", "field", "reason"),
    [
        (mt(1, "RZB1ATWW"), ":57A:", "invalid BIC"),
        (mt(1).replace(":59:/123\r\nJOHN SMITH\r\n", ""), ":59/59A/59F:", "mandatory"),
        (mt(1).replace(":71A:SHA\r\n", ""), ":71A:", "mandatory"),
        (mt(1).replace("{4:\r\n:20:", "{4:\r\nGARBAGE\r\n:20:"), "block 4", "not a :tag:"),
        (mt(1).replace("-}", ""), "block 4", "not closed"),
        (mt(1).replace("{2:I103", "{2:I199"), "block 2", "MT199 is not read here"),
        (mt(1).replace("JOHN SMITH", "X" * 20_000), ":59:", "characters long"),
    ],
)
def test_bad_messages_name_the_message_and_field(text: str, field: str, reason: str) -> None:
    items = list(read_mt(io.StringIO(f"{mt(1)}${text}${mt(3)}"), "batch.rje"))
    assert [type(i).__name__ for i in items] == ["Message", "ReadError", "Message"]
    error = items[1]
    assert isinstance(error, ReadError)
    assert error.field == field and reason in error.reason
    assert error.message.startswith("batch.rje, message 2")


def test_many_messages_without_separators_and_a_huge_one() -> None:
    items = list(read_mt(io.StringIO(mt(1) + mt(2) + mt(3)), "x"))
    assert [i.reference for i in items] == ["REF1", "REF2", "REF3"]  # type: ignore[union-attr]
    huge = mt(4).replace("JOHN SMITH", "A" * 3_000_000)
    items = list(read_mt(io.StringIO(f"{mt(1)}${huge}${mt(5)}"), "x"))
    assert isinstance(items[1], ReadError) and "larger than" in items[1].reason
    assert [i.reference for i in items if isinstance(i, Message)] == ["REF1", "REF5"]


def test_request_body_is_sniffed() -> None:
    (msg,) = read_bytes(mt(7).encode(), "body")
    assert isinstance(msg, Message) and msg.reference == "REF7"
    (bad,) = read_bytes(b"hello", "body")
    assert isinstance(bad, ReadError) and "neither ISO 20022" in bad.message
