"""The simple ownership CSV: one holding per row.

Columns (header row required; names are case-insensitive; only ``owner`` and ``owned`` are
mandatory): ``owner``, ``owned`` (a listed entity id such as ``ofac-sdn-44579`` or a name),
``share`` (``60``, ``12.5 %``, a band ``25-50``, empty = unknown), ``direct`` (``direct`` /
``indirect``), ``board_majority``, ``voting_rights``, ``significant_influence`` (yes/no),
``owner_type`` / ``owned_type`` (person, organization, arrangement), ``owner_identifier`` /
``owned_identifier`` (registration number etc.), ``source``, ``date`` (ISO).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from clearance.graph.model import (
    Control,
    Holding,
    Node,
    OwnershipData,
    OwnershipError,
    parse_share,
    slug_id,
)

REQUIRED = ("owner", "owned")
KNOWN = set(REQUIRED) | {
    "share", "direct", "board_majority", "voting_rights", "significant_influence",
    "owner_type", "owned_type", "owner_identifier", "owned_identifier", "source", "date",
}  # fmt: skip
TRUE = {"1", "true", "yes", "y", "x"}
FALSE = {"", "0", "false", "no", "n"}
KINDS = {"person", "organization", "company", "arrangement", "entity"}

IdCheck = Callable[[str], bool | None]  # True: a listed id; False: looks like one but unknown


def read_csv(path: Path, is_listed: IdCheck, today: dt.date | None = None) -> OwnershipData:
    """Parse an ownership CSV. Raises :class:`OwnershipError` (``file:line: field: why``)."""
    today = today or dt.date.today()
    data = OwnershipData(name=path.stem)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise OwnershipError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise OwnershipError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
    unknown = [h for h in header if h not in KNOWN]
    if unknown:
        raise OwnershipError(f"{path}: line 1: unknown column(s) {', '.join(unknown)}")
    reader.fieldnames = header
    for number, row in enumerate(reader, start=2):
        where = f"{path}: line {number}"
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if None in row:
            raise OwnershipError(f"{where}: more values than columns")
        owner = _party(values, "owner", where, is_listed, path.name, data)
        owned = _party(values, "owned", where, is_listed, path.name, data)
        if owner == owned:
            raise OwnershipError(f"{where}: owner: a party cannot hold itself ({owner})")
        data.holdings.append(_holding(values, owner, owned, where, path.name, today))
    if not data.holdings:
        raise OwnershipError(f"{path}: no holdings (an empty file)")
    return data


def _party(
    values: dict[str, str], col: str, where: str, is_listed: IdCheck, file: str,
    data: OwnershipData,
) -> str:  # fmt: skip
    text = values.get(col, "")
    if not text:
        raise OwnershipError(f"{where}: {col}: empty")
    listed = is_listed(text)
    if listed is True:
        return text
    if listed is False:
        raise OwnershipError(f"{where}: {col}: unknown entity id {text!r} (not in the lists)")
    kind = values.get(f"{col}_type", "").lower() or "organization"
    if kind not in KINDS:
        raise OwnershipError(f"{where}: {col}_type: {kind!r} is not one of {sorted(KINDS)}")
    kind = {"company": "organization", "entity": "organization"}.get(kind, kind)
    ident = values.get(f"{col}_identifier", "")
    node = Node(slug_id(text), text, kind, (ident,) if ident else (), source=file)
    data.add_node(node)
    return node.id


def _flag(values: dict[str, str], col: str, where: str) -> bool:
    raw = values.get(col, "").lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise OwnershipError(f"{where}: {col}: {raw!r} is not yes/no")


def _holding(
    values: dict[str, str], owner: str, owned: str, where: str, file: str, today: dt.date
) -> Holding:
    try:
        share = parse_share(values.get("share"))
    except ValueError as exc:
        raise OwnershipError(f"{where}: share: {exc}") from exc
    direct_text = values.get("direct", "").lower() or "direct"
    if direct_text not in {"direct", "indirect"}:
        raise OwnershipError(f"{where}: direct: {direct_text!r} is not direct/indirect")
    control = frozenset(c for c in Control if _flag(values, c.value, where))
    flags: list[str] = []
    date = values.get("date") or None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError as exc:
            raise OwnershipError(f"{where}: date: {date!r} is not an ISO date") from exc
        if day > today:
            flags.append(f"future date {date}: not counted")
    return Holding(
        owner, owned, share, direct=direct_text == "direct", control=control,
        source=values.get("source") or file, date=date, flags=tuple(flags),
    )  # fmt: skip
