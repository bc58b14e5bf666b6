"""The examiner's export of a case, and the OFAC report of an approved block or reject.

The export holds the case, the bodies of its receipts, its decisions, and the chain proof: the
header of every audit row concerned (an examiner recomputes each ``row_hash`` from
``seq, kind, ref, actor, at, body_sha256, prev_hash`` and each ``body_sha256`` from the body),
the chain head when exported and the result of verifying the whole chain then.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from clearance.audit.chain import canonical, sha256_hex
from clearance.audit.log import read_head, verify
from clearance.audit.receipts import load_receipt
from clearance.audit.reports import report_data
from clearance.audit.tables import AuditRow, ReceiptRow
from clearance.auth.roles import Action, Actor, require
from clearance.cases.alerts import CASE
from clearance.cases.service import CaseService

HOW_TO_VERIFY = (
    "body_sha256 = SHA-256 of the body as canonical JSON (sorted keys, no spaces, UTF-8); "
    "row_hash = SHA-256 of 'seq\\nkind\\nref\\nactor\\nat\\nbody_sha256\\nprev_hash'; each row's "
    "prev_hash is the row_hash of row seq-1 (64 zeros for row 1). Compare head with a copy "
    "kept outside the database (clearance audit head)."
)


def export_case(service: CaseService, actor: Actor, case_id: int) -> dict[str, Any]:
    require(actor.name, actor.roles, Action.READ_AUDIT)
    case = service.get(actor, case_id)
    receipts = [load_receipt(service.db, rid) for rid in case["receipts"]]
    with service.db.session() as s:
        seqs = s.scalars(select(ReceiptRow.audit_seq).where(ReceiptRow.id.in_(case["receipts"])))
        rows = s.scalars(
            select(AuditRow)
            .where(
                or_(
                    AuditRow.seq.in_(list(seqs)),
                    (AuditRow.kind == CASE) & (AuditRow.ref == str(case_id)),
                )
            )
            .order_by(AuditRow.seq)
        ).all()
        proof = [
            {
                "seq": r.seq,
                "kind": r.kind,
                "ref": r.ref,
                "actor": r.actor,
                "at": r.at,
                "body_sha256": r.body_sha256,
                "prev_hash": r.prev_hash,
                "row_hash": r.row_hash,
            }
            for r in rows
        ]
    decisions = [
        h for h in case["history"] if h["body"]["event"] in {"proposed", "approved", "returned"}
    ]
    verdict = verify(service.db)
    return {
        "case": case,
        "receipts": receipts,
        "decisions": decisions,
        "chain": {
            "rows": proof,
            "head": read_head(service.db).to_dict(),
            "verified": verdict.to_dict(),
            "how_to_verify": HOW_TO_VERIFY,
        },
        "export_sha256": sha256_hex(canonical({"case": case, "receipts": receipts})),
    }


def ofac_report(
    service: CaseService,
    actor: Actor,
    case_id: int,
    *,
    holder: str,
    property_text: str | None = None,
    value: str | None = None,
) -> dict[str, Any]:
    """Report data for an approved block/reject (programs as listed when the case was opened)."""
    require(actor.name, actor.roles, Action.READ_CASES)
    case = service.get(actor, case_id)
    receipts = [load_receipt(service.db, rid) for rid in case["receipts"]]
    programs = list(case.get("programs") or [])
    return report_data(
        case, receipts, programs, holder=holder, property_text=property_text, value=value
    )
