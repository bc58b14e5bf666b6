"""Generated payment messages for the payment benchmark: pacs.008 and MT103 with their usual
parties (Faker names and towns from a fixed seed, clean), and the story parties placed in every
field position."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from faker import Faker

BICS = ["COBADEFFXXX", "DEUTDEFFXXX", "BNPAFRPPXXX", "INGBNL2AXXX", "RZBAATWWXXX",
        "TATRSKBXXXX", "UBSWCHZH80A", "BARCGB22XXX", "CHASUS33XXX", "NDEASESSXXX"]  # fmt: skip
COUNTRIES = ["DE", "FR", "NL", "AT", "SK", "CH", "GB", "US", "SE", "IT", "ES", "PL"]
TEXTS = ["INVOICE {n} GOODS DELIVERED", "ORDER {n} PARTIAL PAYMENT", "RENT {n}",
         "CONTRACT {n} SERVICES Q4", "/INV/{n} SPARE PARTS", "SALARY ADVANCE {n}"]  # fmt: skip

STORY = {  # party -> the listed entity it must find
    "LLC VERUS": "ofac-sdn-44544",
    "VERSOR S.R.O.": "ofac-sdn-44579",
    "DEFENSE ENGINEERING LLP": "ofac-sdn-44578",
    "ASHOT MKRTYCHEV": "ofac-sdn-41736",
}


@dataclass(frozen=True)
class Party:
    name: str
    street: str
    town: str
    country: str


def parties(count: int, seed: int) -> list[Party]:
    fake = Faker(["en_GB", "de_DE", "fr_FR", "nl_NL"])
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out = []
    for i in range(count):
        name = fake.company() if i % 3 else fake.name()
        out.append(Party(name.upper()[:70], fake.street_name()[:35], fake.city()[:35],
                         rng.choice(COUNTRIES)))  # fmt: skip
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _pty(tag: str, party: Party) -> str:
    address = (f"<StrtNm>{_esc(party.street)}</StrtNm><TwnNm>{_esc(party.town)}</TwnNm>"
               f"<Ctry>{party.country}</Ctry>")  # fmt: skip
    return f"<{tag}><Nm>{_esc(party.name)}</Nm><PstlAdr>{address}</PstlAdr></{tag}>"


def _agt(tag: str, bic: str, name: str | None = None) -> str:
    extra = f"<Nm>{_esc(name)}</Nm>" if name else ""
    return f"<{tag}><FinInstnId><BICFI>{bic}</BICFI>{extra}</FinInstnId></{tag}>"


PACS8_SLOTS = ("Dbtr", "Cdtr", "UltmtDbtr", "UltmtCdtr", "InitgPty", "DbtrAgt", "CdtrAgt",
               "IntrmyAgt1", "RmtInf/Ustrd", "InstrForCdtrAgt/InstrInf")  # fmt: skip
MT103_SLOTS = (":50K:", ":59:", ":52D:", ":56D:", ":57D:", ":70:", ":72:", ":77B:")


def pacs008(
    n: int, rng: random.Random, pool: list[Party], story: tuple[str, str] | None = None
) -> bytes:
    dbtr, cdtr = rng.choice(pool), rng.choice(pool)
    text = rng.choice(TEXTS).format(n=n)
    slot, name = story or ("", "")
    inner = {
        "Dbtr": _pty("Dbtr", dbtr), "Cdtr": _pty("Cdtr", cdtr), "UltmtDbtr": "", "UltmtCdtr": "",
        "InitgPty": "", "DbtrAgt": _agt("DbtrAgt", rng.choice(BICS)),
        "CdtrAgt": _agt("CdtrAgt", rng.choice(BICS)), "IntrmyAgt1": "",
    }  # fmt: skip
    instr = ""
    if slot in ("Dbtr", "Cdtr", "UltmtDbtr", "UltmtCdtr", "InitgPty"):
        inner[slot] = _pty(slot, Party(name, "MAIN STREET 1", "BERLIN", "DE"))
    elif slot in ("DbtrAgt", "CdtrAgt", "IntrmyAgt1"):
        inner[slot] = _agt(slot, rng.choice(BICS), name)
    elif slot == "RmtInf/Ustrd":
        text = f"CONSULTING FEE {n} ON BEHALF OF {name}"
    elif slot == "InstrForCdtrAgt/InstrInf":
        instr = (
            f"<InstrForCdtrAgt><InstrInf>PLEASE ADVISE {name} BY PHONE</InstrInf></InstrForCdtrAgt>"
        )
    return (
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf>'
        f"<GrpHdr><MsgId>BENCH-{n}</MsgId><CreDtTm>2023-12-20T09:30:00</CreDtTm><NbOfTxs>1"
        "</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr><CdtTrfTxInf>"
        f"<PmtId><EndToEndId>E2E-{n}</EndToEndId></PmtId>"
        f'<IntrBkSttlmAmt Ccy="EUR">{rng.randint(100, 99999)}.00</IntrBkSttlmAmt>'
        f"<ChrgBr>SHAR</ChrgBr>{inner['IntrmyAgt1']}{inner['InitgPty']}{inner['UltmtDbtr']}"
        f"{inner['Dbtr']}{inner['DbtrAgt']}{inner['CdtrAgt']}{inner['Cdtr']}{inner['UltmtCdtr']}"
        f"{instr}<RmtInf><Ustrd>{_esc(text)}</Ustrd></RmtInf></CdtTrfTxInf>"
        "</FIToFICstmrCdtTrf></Document>"
    ).encode()


def mt103(
    n: int, rng: random.Random, pool: list[Party], story: tuple[str, str] | None = None
) -> str:
    dbtr, cdtr = rng.choice(pool), rng.choice(pool)
    fields = {
        ":50K:": f"/DE89370400440532013000\r\n{dbtr.name[:35]}\r\n{dbtr.street}\r\n{dbtr.town}",
        ":59:": f"/AT611904300234573201\r\n{cdtr.name[:35]}\r\n{cdtr.street}\r\n{cdtr.town}",
        ":70:": rng.choice(TEXTS).format(n=n),
    }
    slot, name = story or ("", "")
    if slot in (":50K:", ":59:"):
        fields[slot] = f"/DE89370400440532013000\r\n{name}\r\nMAIN STREET 1\r\nBERLIN"
    elif slot in (":52D:", ":56D:", ":57D:"):
        fields[slot] = f"{name}\r\nMAIN STREET 1\r\nBERLIN"
    elif slot in (":70:", ":72:", ":77B:"):
        fields[slot] = f"/BNF/PAYMENT FOR {name}\r\nCONTRACT {n}"
    order = (":50K:", ":52D:", ":56D:", ":57D:", ":59:", ":70:", ":72:", ":77B:")
    text = "".join(f"{tag}{fields[tag]}\r\n" for tag in order if tag in fields)
    return (
        f"{{1:F01{rng.choice(BICS)[:8]}AXXX0000000000}}{{2:I103{rng.choice(BICS)[:8]}XXXXN}}{{4:\r\n"
        f":20:BENCH-{n}\r\n:23B:CRED\r\n:32A:231215EUR{rng.randint(100, 99999)},00\r\n"
        f"{text}:71A:SHA\r\n-}}"
    )


def story_messages(
    kind: str, rng: random.Random, pool: list[Party]
) -> Iterator[tuple[str, str, bytes]]:
    """(field slot, story name, message) for every story party in every field position."""
    slots = PACS8_SLOTS if kind == "pacs.008" else MT103_SLOTS
    for slot in slots:
        for name in STORY:
            if kind == "pacs.008":
                yield slot, name, pacs008(0, rng, pool, (slot, name))
            else:
                yield slot, name, mt103(0, rng, pool, (slot, name)).encode()
