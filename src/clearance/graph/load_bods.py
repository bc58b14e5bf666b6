"""Beneficial Ownership Data Standard (BODS 0.4) JSON: a list of statements (or JSON lines).

Entity and person statements become nodes (``bods-<recordId>``; an ``arrangement`` such as a
joint shareholding keeps that kind). Relationship statements become holdings: shareholding
interests give the share (exact, or a band from minimum/maximum), voting rights over 50 %,
board appointment and significant influence give control; indirect interests whose component
records are present are kept as summaries (the chain carries the stake). A later statement
for the same ``recordId`` replaces an earlier one; ``closed`` records and ended interests
are dropped.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson

from clearance.graph.model import (
    NO_SHARE,
    UNKNOWN_SHARE,
    Control,
    Holding,
    Node,
    OwnershipData,
    OwnershipError,
    Share,
    make_share,
)

CONTROL_INTERESTS = {
    "appointmentOfBoard": Control.BOARD_MAJORITY,
    "significantInfluenceOrControl": Control.SIGNIFICANT_INFLUENCE,
    "controlViaCompanyRulesOrArticles": Control.SIGNIFICANT_INFLUENCE,
    "controlByLegalFramework": Control.SIGNIFICANT_INFLUENCE,
}


def looks_like_bods(path: Path) -> bool:
    head = path.read_bytes()[:4096].lstrip()
    return head[:1] in (b"[", b"{") and (b"statementId" in head or b"recordType" in head)


def read_bods(path: Path, today: dt.date | None = None) -> OwnershipData:
    """Parse a BODS file. Raises :class:`OwnershipError` naming the file and statement."""
    today = today or dt.date.today()
    statements = _statements(path)
    latest: dict[str, dict[str, Any]] = {}
    for number, st in enumerate(statements, start=1):
        if not isinstance(st, dict) or "recordId" not in st or "recordType" not in st:
            raise OwnershipError(f"{path}: statement {number}: no recordId/recordType")
        latest[str(st["recordId"])] = st  # statements are published in order: later wins
    data = OwnershipData(name=path.stem)
    live = {rid: st for rid, st in latest.items() if st.get("recordStatus") != "closed"}
    for rid, st in live.items():
        if st["recordType"] in ("entity", "person"):
            data.add_node(_node(rid, st, path.name))
    for rid, st in live.items():
        if st["recordType"] == "relationship":
            data.holdings.extend(_holdings(rid, st, live, path, today, data))
    return data


def _statements(path: Path) -> list[Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise OwnershipError(f"{path}: cannot read ({exc})") from exc
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        try:
            doc = [orjson.loads(line) for line in raw.splitlines() if line.strip()]
        except orjson.JSONDecodeError as exc:
            raise OwnershipError(f"{path}: not JSON or JSON lines ({exc})") from exc
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list) or not doc:
        raise OwnershipError(f"{path}: expected a list of BODS statements")
    return doc


def _node(rid: str, st: dict[str, Any], file: str) -> Node:
    details = st.get("recordDetails") or {}
    if st["recordType"] == "person":
        names = details.get("names") or [{}]
        name = names[0].get("fullName") or " ".join(
            p for p in (names[0].get("givenName"), names[0].get("familyName")) if p
        )
        kind = "person"
    else:
        name = details.get("name") or ""
        etype = (details.get("entityType") or {}).get("type")
        kind = "arrangement" if etype == "arrangement" else "organization"
    idents = tuple(
        f"{i.get('scheme', '')}:{i.get('id', '')}".strip(":")
        for i in details.get("identifiers") or ()
        if i.get("id")
    )
    country = (details.get("jurisdiction") or {}).get("code")
    return Node(f"bods-{rid}", name or f"unnamed {rid}", kind, idents, country, source=file)


def _share(interest: dict[str, Any], where: str) -> Share:
    share = interest.get("share")
    if not share:
        return UNKNOWN_SHARE
    try:
        if "exact" in share:
            value = float(share["exact"])
            return make_share(value, value)
        lo = share.get("minimum", share.get("exclusiveMinimum", 0.0))
        hi = share.get("maximum", share.get("exclusiveMaximum", 100.0))
        return make_share(float(lo), float(hi))
    except (TypeError, ValueError) as exc:
        raise OwnershipError(f"{where}: share: {exc}") from exc


def _holdings(
    rid: str, st: dict[str, Any], live: dict[str, dict[str, Any]], path: Path, today: dt.date,
    data: OwnershipData,
) -> list[Holding]:  # fmt: skip
    where = f"{path}: relationship {rid}"
    details = st.get("recordDetails") or {}
    subject, party = details.get("subject"), details.get("interestedParty")
    if isinstance(party, dict):  # unspecified party: {"reason": ...}
        data.flags.append(f"{where}: interested party unspecified; skipped")
        return []
    for role, ref in (("subject", subject), ("interestedParty", party)):
        if not isinstance(ref, str) or ref not in live:
            raise OwnershipError(f"{where}: {role}: unknown record {ref!r}")
    owner, owned = f"bods-{party}", f"bods-{subject}"
    via = tuple(
        f"bods-{c}" for c in details.get("componentRecords") or () if f"bods-{c}" in data.nodes
    )
    groups: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for interest in details.get("interests") or [{}]:
        end = interest.get("endDate")
        if end and end <= today.isoformat():
            continue  # an interest that has ended
        groups[interest.get("directOrIndirect") != "indirect"].append(interest)
    out: list[Holding] = []
    for direct, interests in groups.items():
        if interests:
            out.append(_holding(owner, owned, direct, interests, via, where, path.name, today))
    return out


def _holding(
    owner: str, owned: str, direct: bool, interests: list[dict[str, Any]], via: tuple[str, ...],
    where: str, file: str, today: dt.date,
) -> Holding:  # fmt: skip
    share: Share | None = None
    control: set[Control] = set()
    flags: list[str] = []
    start: str | None = None
    for interest in interests:
        kind = interest.get("type")
        start = interest.get("startDate") or start
        if kind == "shareholding":
            share = _share(interest, where)
        elif kind == "votingRights" and _share(interest, where).lo > 50:
            control.add(Control.VOTING_RIGHTS)
        elif kind in CONTROL_INTERESTS:
            control.add(CONTROL_INTERESTS[kind])
    if start and start > today.isoformat():
        flags.append(f"future date {start}: not counted")
    if share is None:
        share = NO_SHARE if control else UNKNOWN_SHARE
    return Holding(
        owner, owned, share, direct=direct, control=frozenset(control), source=file,
        date=start, via=via if not direct else (), flags=tuple(flags),
    )  # fmt: skip
