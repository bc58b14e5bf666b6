"""SWIFT FIN MT103 and MT202COV: blocks 1-4 -> :class:`~clearance.messages.model.Message`.

Files hold one message or many: RJE files separate them with ``$``; ACK/NAK wrappers
(``{1:F21…}{4:{177:…}{451:0}}``) in front of a message are skipped. Each message is read on its
own, so a malformed one becomes a :class:`ReadError` and the next one is read.
Field paths name the tag and the line within it: ``:59: line 2``; in the customer section
(sequence B) of an MT202COV they start with ``B``: ``B:59F: line 2``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from clearance.countries import country_code
from clearance.matching.normalize import analyse
from clearance.messages.checks import MAX_MESSAGE_BYTES, MAX_TEXT, check_bic, check_size
from clearance.messages.model import (
    Located,
    Message,
    MessageFormatError,
    Party,
    ReadError,
    TextField,
)

_TAG = re.compile(r"^:([0-9]{2}[A-Z]?):(.*)$")
_BLOCK1 = re.compile(r"\{1:([^{}]*)\}")
_BLOCK2 = re.compile(r"\{2:([^{}]*)\}")
_BLOCK3 = re.compile(r"\{3:((?:\{[^{}]*\})*)\}")
_BLOCK4 = re.compile(r"\{4:[ \t]*\r?\n(.*?)\r?\n-\}", re.DOTALL)
_SUB = re.compile(r"\{([^:{}]+):([^{}]*)\}")
_SPLIT = re.compile(r"\$|(?=\{1:)")

ROLES: dict[str, tuple[str, str]] = {  # tag number -> (role, kind)
    "50": ("debtor", "party"),  # ordering customer
    "51": ("sending institution", "agent"),
    "52": ("debtor agent", "agent"),  # ordering institution
    "53": ("sender's correspondent", "agent"),  # reimbursement
    "54": ("receiver's correspondent", "agent"),  # reimbursement
    "55": ("third reimbursement institution", "agent"),
    "56": ("intermediary agent", "agent"),
    "57": ("creditor agent", "agent"),  # account with institution
    "58": ("beneficiary institution", "agent"),
    "59": ("creditor", "party"),  # beneficiary customer
}
TEXTS = {"70": "remittance", "72": "sender to receiver", "77B": "regulatory reporting"}
MANDATORY = {
    "103": (("20",), ("23B",), ("32A",), ("50A", "50F", "50K"), ("59", "59A", "59F"), ("71A",)),
    "202COV": (("20",), ("21",), ("32A",), ("58A", "58D")),
}
MANDATORY_COV_B = (("50A", "50F", "50K"), ("59", "59A", "59F"))


def iter_segments(handle: IO[str], chunk: int = 1 << 16) -> Iterator[str | None]:
    """Message texts from an open file, read in chunks (memory stays flat). ``None`` stands for
    a segment over the size limit, which is skipped."""
    buf = ""
    skipping = False
    while data := handle.read(chunk):
        buf += data
        *parts, buf = _SPLIT.split(buf)
        for part in parts:
            if skipping:
                skipping = False
                continue
            if part.strip():
                yield part
        if len(buf) > MAX_MESSAGE_BYTES:
            if not skipping:
                yield None
            skipping, buf = True, ""
    if buf.strip() and not skipping:
        yield buf


def read_mt(handle: IO[str], source: str) -> Iterator[Message | ReadError]:
    """Every FIN message of a file; ACK/NAK wrappers are skipped."""
    number = 0
    for text in iter_segments(handle):
        if text is not None and _is_ack(text):
            continue
        number += 1
        where = f"{source}, message {number}"
        if text is None:
            yield ReadError(where, None, None, f"message larger than {MAX_MESSAGE_BYTES} bytes")
            continue
        yield read_one(text, where)


def _is_ack(text: str) -> bool:
    block1 = _BLOCK1.search(text)
    return block1 is not None and block1.group(1)[1:3] == "21"


def read_one(text: str, source: str) -> Message | ReadError:
    """One FIN message; any format problem becomes a :class:`ReadError` naming the field."""
    reference: str | None = None
    try:
        header, body = _blocks(text)
        tags = _tags(body)
        reference = next((v for t, v in tags if t == "20"), None)
        reference = reference.strip() if reference else None
        return _message(header, tags, source, reference or "")
    except MessageFormatError as exc:
        return ReadError(source, reference, exc.field, exc.reason)


def _blocks(text: str) -> tuple[dict[str, str], str]:
    block1, block2 = _BLOCK1.search(text), _BLOCK2.search(text)
    if block1 is None:
        raise MessageFormatError("no basic header block {1:…}", "block 1")
    if block2 is None:
        raise MessageFormatError("no application header block {2:…}", "block 2")
    block4 = _BLOCK4.search(text)
    if block4 is None:
        raise MessageFormatError("no text block {4:…-} (or it is not closed by -})", "block 4")
    b1, b2 = block1.group(1), block2.group(1).strip()
    if len(b1) < 15 or b1[0] not in "FAL":
        raise MessageFormatError(f"malformed basic header {b1[:30]!r}", "block 1")
    if len(b2) < 4 or b2[0] not in "IO" or not b2[1:4].isdigit():
        raise MessageFormatError(f"malformed application header {b2[:30]!r}", "block 2")
    header = {"direction": b2[0], "mt": b2[1:4], "block1_lt": b1[3:15]}
    if b2[0] == "O" and len(b2) >= 26:
        header["sender_lt"], header["receiver_lt"] = b2[14:26], b1[3:15]
    elif b2[0] == "I" and len(b2) >= 16:
        header["sender_lt"], header["receiver_lt"] = b1[3:15], b2[4:16]
    block3 = _BLOCK3.search(text)
    if block3 is not None:
        for key, value in _SUB.findall(block3.group(1)):
            header[f"b3_{key}"] = value
    return header, block4.group(1)


def _tags(body: str) -> list[tuple[str, str]]:
    tags: list[tuple[str, list[str]]] = []
    for number, line in enumerate(body.splitlines(), 1):
        match = _TAG.match(line)
        if match:
            tags.append((match.group(1), [match.group(2)]))
        elif not tags:
            raise MessageFormatError(f"text block line {number} is not a :tag:", "block 4")
        else:
            tags[-1][1].append(line)
    out = []
    for tag, lines in tags:
        value = "\n".join(lines).rstrip()
        out.append((tag, check_size(value, f":{tag}:", MAX_TEXT)))
    return out


def _message(header: dict[str, str], tags: list[tuple[str, str]], source: str, ref: str) -> Message:
    mt = header["mt"]
    names = {t for t, _ in tags}
    cov = mt == "202" and (header.get("b3_119") == "COV" or bool(names & {"50A", "50F", "50K"}))
    kind = "202COV" if cov else mt
    if kind not in MANDATORY:
        raise MessageFormatError(f"MT{mt} is not read here (MT103 and MT202COV are)", "block 2")
    split = len(tags)
    if cov:
        split = next(i for i, (t, _) in enumerate(tags) if t in {"50A", "50F", "50K"})
    _require(MANDATORY[kind], {t for t, _ in tags[:split]}, "")
    if cov:
        _require(MANDATORY_COV_B, {t for t, _ in tags[split:]}, "B")
    warnings: list[str] = []
    parties: list[Party] = list(_header_parties(header, warnings))
    texts: list[TextField] = []
    for i, (tag, value) in enumerate(tags):
        prefix = "B" if i >= split else ""
        path = f"{prefix}:{tag}:"
        if tag[:2] in ROLES:
            parties.append(read_party(tag, value, path, warnings))
        elif tag in TEXTS:
            texts.append(TextField(TEXTS[tag], path, value))
    return Message(
        type=f"MT{kind}",
        version=f"MT{mt}",
        reference=ref,
        source=source,
        parties=tuple(parties),
        texts=tuple(texts),
        warnings=tuple(warnings),
        header={k: v for k, v in header.items() if not k.startswith("b3_")}
        | ({"119": header["b3_119"]} if "b3_119" in header else {}),
    )


def _require(groups: tuple[tuple[str, ...], ...], present: set[str], prefix: str) -> None:
    for group in groups:
        if not present & set(group):
            where = "sequence B " if prefix else ""
            raise MessageFormatError(
                f"mandatory {where}field missing", f"{prefix}:{'/'.join(group)}:"
            )


def _header_parties(header: dict[str, str], warnings: list[str]) -> Iterator[Party]:
    for role, key, path in (
        ("header sender", "sender_lt", "block 2" if header["direction"] == "O" else "block 1"),
        ("header receiver", "receiver_lt", "block 1" if header["direction"] == "O" else "block 2"),
    ):
        lt = header.get(key)
        if not lt or len(lt) != 12:
            continue
        code, country = check_bic(lt[:8] + lt[9:12], path, warnings)
        yield Party(
            role=role,
            path=path,
            kind="agent",
            bic=Located(code, path),
            countries=(Located(country, path),) if country else (),
        )


def read_party(tag: str, value: str, path: str, warnings: list[str]) -> Party:
    """One party field (50a-59a) in any of its options."""
    role, kind = ROLES[tag[:2]]
    option = tag[2:]
    lines = value.split("\n")
    located = [Located(line.strip(), f"{path} line {n}") for n, line in enumerate(lines, 1)]
    account: Located | None = None
    if (option != "F" or tag == "59F") and located and located[0].value.startswith("/"):
        account, located = Located(located[0].value.lstrip("/"), located[0].path), located[1:]
    if option == "A":
        return _bic_party(role, kind, path, located, account, warnings)
    if option == "F":
        return _structured_party(role, kind, path, located, account)
    if option in {"B", "C"}:
        return Party(role, path, kind, account=account, address=tuple(located))
    return _free_party(role, kind, path, located, account)


def _bic_party(
    role: str,
    kind: str,
    path: str,
    lines: list[Located],
    account: Located | None,
    warnings: list[str],
) -> Party:
    if not lines:
        raise MessageFormatError("option A needs a BIC", path)
    code, country = check_bic(lines[0].value, path, warnings)
    countries = (Located(country, lines[0].path),) if country else ()
    return Party(
        role, path, kind, bic=Located(code, lines[0].path), account=account, countries=countries
    )


def _free_party(
    role: str, kind: str, path: str, lines: list[Located], account: Located | None
) -> Party:
    """Name and address in up to four free lines (50K, 59, option D): the first line is the
    name; a place after a comma on it (``LLC VERUS, MOSCOW``) is read as the address."""
    if not lines:
        return Party(role, path, kind, account=account)
    first, rest = lines[0], list(lines[1:])
    names = [first]
    head, sep, tail = first.value.rpartition(",")
    if sep and head.strip() and _place_like(head, tail):
        names.append(Located(head.strip(), first.path))
        rest.insert(0, Located(tail.strip(), first.path))
    for line in rest:
        check_size(line.value, line.path)
    return Party(
        role,
        path,
        kind,
        names=tuple(names),
        address=tuple(rest),
        account=account,
        countries=tuple(_countries(rest)),
    )


def _place_like(head: str, tail: str) -> bool:
    """A town or country after a name's comma (``LLC VERUS, MOSCOW``, ``ACME, SPAIN``), not the
    rest of a name (``JONES AND CO``) nor a given name (``DOE, JOHN``): the tail is one or two
    words and either a country or written after an organisation's name (with a legal form)."""
    words = tail.split()
    if not 1 <= len(words) <= 2 or not all(w.isalpha() and len(w) > 2 for w in words):
        return False
    if {w.casefold() for w in words} & _NOT_PLACES:
        return False
    return country_code(tail.strip()) is not None or any(form.forms for form in analyse(head))


_NOT_PLACES = {"and", "und", "et", "inc", "ltd", "llc", "plc", "gmbh", "corp", "co", "sa", "ag",
               "limited", "company", "group", "holding", "jr", "sr", "mr", "mrs"}  # fmt: skip


def _countries(lines: list[Located]) -> Iterator[Located]:
    """Country names written in free address lines (``MADRID SPAIN``, ``LAGOS NIGERIA``)."""
    seen = set()
    for line in lines:
        words = re.findall(r"[A-Za-z][A-Za-z.'-]+", line.value)
        grams = [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words))]
        for gram in grams:
            if len(gram) < 4 or len(gram.split()) > len(words):
                continue
            code = country_code(gram)  # memoised by the resolver
            if code and code not in seen:
                seen.add(code)
                yield Located(code, line.path)


def _structured_party(
    role: str, kind: str, path: str, lines: list[Located], account: Located | None
) -> Party:
    """50F / 59F: numbered lines ``1/`` name, ``2/`` address, ``3/`` country and town,
    ``4/`` birth date, ``5/`` birth place, ``6/`` customer and ``7/`` national ID numbers."""
    names: list[Located] = []
    address: list[Located] = []
    towns: list[Located] = []
    countries: list[Located] = []
    identifiers: list[tuple[str, Located]] = []
    if lines and not re.match(r"^[1-8]/", lines[0].value):
        if lines[0].value.startswith("/"):  # 50F: an account ...
            account = Located(lines[0].value.lstrip("/"), lines[0].path)
        else:  # ... or a party identifier (code/country/identifier)
            identifiers.append(("party", lines[0]))
        lines = lines[1:]
    for line in lines:
        code, _, rest = line.value.partition("/")
        check_size(rest, line.path)
        if code == "1":
            if names:  # a name continued on a second 1/ line
                names[-1] = Located(f"{names[-1].value} {rest.strip()}", names[-1].path)
            else:
                names.append(Located(rest.strip(), line.path))
        elif code == "2":
            address.append(Located(rest.strip(), line.path))
        elif code == "3":
            country, _, town = rest.partition("/")
            if len(country) == 2 and country.isalpha():
                countries.append(Located(country.upper(), line.path))
            if town.strip():
                towns.append(Located(town.strip(), line.path))
        elif code in {"6", "7"}:
            id_type = "national_id" if code == "7" else "customer"
            identifiers.append((id_type, Located(rest.split("/")[-1].strip(), line.path)))
    return Party(
        role,
        path,
        kind,
        names=tuple(names),
        address=tuple(address),
        towns=tuple(towns),
        countries=tuple(countries),
        account=account,
        identifiers=tuple(identifiers),
    )
