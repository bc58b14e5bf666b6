"""OFAC report data for approved blocks and rejections (31 CFR 501.603 blocked property,
501.604 rejected transactions) as JSON, CSV and a printable HTML page, and the examiner's
export of a case (case, receipts, decisions and the chain proof) as one JSON document."""

from __future__ import annotations

import csv
import io
from typing import Any

from jinja2 import Environment, select_autoescape

from clearance.errors import ClearanceError

REPORT_FIELDS = [
    "report_type",
    "regulation",
    "case",
    "date_of_action",
    "holder",
    "property_or_transaction",
    "value",
    "subject_name",
    "subject_reference",
    "subject_details",
    "sdn_entity_id",
    "sdn_name",
    "sdn_list",
    "sdn_programs",
    "sdn_list_version",
    "screening_receipts",
    "proposed_by",
    "approved_by",
    "reason",
]


def report_data(
    case: dict[str, Any],
    receipts: list[dict[str, Any]],
    programs: list[str],
    *,
    holder: str,
    property_text: str | None = None,
    value: str | None = None,
) -> dict[str, Any]:
    """The fields of a blocked-property (block) or rejected-transaction (reject) report."""
    if case["state"] != "approved" or case["proposal"] not in {"block", "reject"}:
        raise ClearanceError(
            f"case {case['id']} has no approved block or reject decision "
            f"(state {case['state']}, decision {case['proposal']}); no OFAC report applies"
        )
    blocked = case["proposal"] == "block"
    approved = next(
        (h for h in reversed(case.get("history", [])) if h["body"]["event"] == "approved"), None
    )
    latest = receipts[-1] if receipts else {}
    subject = case["subject"]
    details = ", ".join(
        f"{k}: {v}" for k, v in subject.items() if v and k not in {"name", "id", "lists"}
    )
    return {
        "report_type": "blocked property" if blocked else "rejected transaction",
        "regulation": "31 CFR 501.603" if blocked else "31 CFR 501.604",
        "case": case["id"],
        "date_of_action": (approved or {}).get("at", case["updated"])[:10],
        "holder": holder,
        "property_or_transaction": property_text or "",
        "value": value or "",
        "subject_name": case["subject_name"],
        "subject_reference": subject.get("id") or "",
        "subject_details": details,
        "sdn_entity_id": case["entity_id"],
        "sdn_name": case["entity_name"],
        "sdn_list": case["list"],
        "sdn_programs": "; ".join(programs),
        "sdn_list_version": ((latest.get("lists") or {}).get(case["list"]) or {}).get(
            "version", ""
        ),
        "screening_receipts": "; ".join(r["receipt"] for r in receipts),
        "proposed_by": case["proposed_by"]
        or (approved or {}).get("body", {}).get("proposed_by", ""),
        "approved_by": case["decided_by"],
        "reason": case["proposal_reason"] or "",
    }


def report_csv(data: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerow({k: data.get(k, "") for k in REPORT_FIELDS})
    return out.getvalue()


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>OFAC {{ d.report_type }} report — case {{ d.case }}</title>
<style>
body { font-family: serif; max-width: 50em; margin: 2em auto; }
th { text-align: left; vertical-align: top; padding-right: 1em; width: 16em; }
td, th { border-bottom: 1px solid #ccc; padding: .3em; }
@media print { body { margin: 0; } }
</style></head><body>
<h1>Report of {{ d.report_type }}</h1>
<p>Prepared under {{ d.regulation }} from case {{ d.case }}. File with OFAC within 10 business
days of the {{ "blocking" if d.report_type == "blocked property" else "rejection" }}.</p>
<table>
{% for key in fields %}<tr><th>{{ key.replace("_", " ") }}</th><td>{{ d[key] }}</td></tr>
{% endfor %}</table>
</body></html>
"""


def report_html(data: dict[str, Any]) -> str:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(_HTML).render(d=data, fields=REPORT_FIELDS)
