"""What a payment message becomes: role-tagged parties and free-text fields, each with the path
of the field it was read from (``CdtTrfTxInf/Cdtr/Nm``, ``:59: line 2``), or a read error."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Located:
    """A value and the field path it was read from."""

    value: str
    path: str


@dataclass(frozen=True, slots=True)
class Party:
    """One party of a message in one role (debtor, creditor, an agent, the header sender…).

    ``names`` are the name lines as written; ``address`` lines, ``towns`` and ``countries``
    (ISO alpha-2, each with its source: an address field or the BIC) feed the jurisdiction
    checks; ``bic`` is validated; ``identifiers`` are (type, value) pairs such as LEI or a
    national ID number.
    """

    role: str
    path: str  # the element or tag holding the party: ``CdtTrfTxInf/Cdtr``, ``:59:``
    kind: str = "party"  # "party" (a customer) or "agent" (a financial institution)
    names: tuple[Located, ...] = ()
    address: tuple[Located, ...] = ()
    towns: tuple[Located, ...] = ()
    countries: tuple[Located, ...] = ()
    bic: Located | None = None
    account: Located | None = None
    identifiers: tuple[tuple[str, Located], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        def loc(items: tuple[Located, ...]) -> list[dict[str, str]]:
            return [{"value": i.value, "path": i.path} for i in items]

        out: dict[str, Any] = {"role": self.role, "path": self.path, "kind": self.kind}
        out["names"] = loc(self.names)
        out["address"] = loc(self.address + self.towns)
        out["countries"] = loc(self.countries)
        if self.bic is not None:
            out["bic"] = {"value": self.bic.value, "path": self.bic.path}
        if self.account is not None:
            out["account"] = {"value": self.account.value, "path": self.account.path}
        if self.identifiers:
            out["identifiers"] = [
                {"type": t, "value": v.value, "path": v.path} for t, v in self.identifiers
            ]
        return out


@dataclass(frozen=True, slots=True)
class TextField:
    """Free text: MT 70/72/77B, remittance information, instructions, purpose."""

    kind: str  # remittance, instructions, purpose, regulatory, sender-to-receiver…
    path: str
    text: str


@dataclass(frozen=True, slots=True)
class Message:
    """One payment message read from a file or a request body."""

    type: str  # MT103, MT202COV, pacs.008, pacs.009, pain.001 …
    version: str  # the namespace version (pacs.008.001.08) or the MT block 2 type
    reference: str  # :20: or MsgId / BizMsgIdr: how people find the message again
    source: str  # the file (and position) it came from
    parties: tuple[Party, ...] = ()
    texts: tuple[TextField, ...] = ()
    warnings: tuple[str, ...] = ()  # read, with a remark (a BIC with an unknown country…)
    header: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "version": self.version,
            "reference": self.reference,
            "source": self.source,
            "header": dict(self.header),
            "parties": [p.to_dict() for p in self.parties],
            "texts": [{"kind": t.kind, "path": t.path, "text": t.text} for t in self.texts],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class ReadError:
    """A message that could not be read; the file goes on with the next one."""

    source: str  # file and position (``file.rje, message 3``)
    reference: str | None  # the message's reference where it could be read
    field: str | None  # the field at fault (``:57A:``, ``CdtTrfTxInf/CdtrAcct/Id/IBAN``)
    reason: str

    @property
    def message(self) -> str:
        """One line naming the message and the field."""
        ref = f" ({self.reference})" if self.reference else ""
        where = f", field {self.field}" if self.field else ""
        return f"{self.source}{ref}{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "reference": self.reference,
            "field": self.field,
            "error": self.message,
        }


class MessageFormatError(Exception):
    """Raised inside a reader for one message; turned into a :class:`ReadError`."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
