"""``clearance batch --record``: after a run, one receipt for the run (input and output file
hashes, counts) and one per alert, each alert opening a case or joining the open case of the
same subject and listed entity — all in one database transaction
(:meth:`clearance.cases.service.CaseService.record_batch`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearance.errors import ClearanceError

if TYPE_CHECKING:
    from clearance.auth.roles import Actor
    from clearance.batch.runner import BatchSummary
    from clearance.cases.service import Recorded
    from clearance.db import Database
    from clearance.snapshots import SnapshotStore

SOURCE = "batch"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class RecordedRun:
    run_receipt: str
    alerts: list[Recorded]

    def to_dict(self) -> dict[str, Any]:
        return {
            "receipt": self.run_receipt,
            "alert_receipts": [r.receipt for r in self.alerts],
            "cases": sorted({c for r in self.alerts for c in r.cases}),
            "suppressed": [s for r in self.alerts for s in r.suppressed],
        }


def run_facts(summary: BatchSummary, input_path: Path) -> dict[str, Any]:
    """The run part of the run receipt: file hashes and counts."""
    return {
        "input_sha256": file_sha256(input_path),
        "output_sha256": file_sha256(summary.output),
        "counts": {
            "rows": summary.rows,
            "screened": summary.screened,
            "alerts": summary.alerts,
            "errors": summary.errors,
        },
    }


def record_run(
    db: Database, store: SnapshotStore, actor: Actor, summary: BatchSummary, input_path: Path
) -> RecordedRun:
    """Write the run's receipts and cases (the roles are checked by the case core)."""
    from clearance.audit.receipts import pin_snapshot
    from clearance.cases.service import CaseService

    if summary.context is None:
        raise ClearanceError("internal error: the batch run was not started with record=True")
    snapshot = store.get(summary.snapshot)
    pin_snapshot(store, snapshot.id)
    run_id, recorded = CaseService(db).record_batch(
        summary.alert_results,
        summary.context,
        actor,
        entity=snapshot.entity,
        run=run_facts(summary, input_path),
        source=SOURCE,
    )
    return RecordedRun(run_id, recorded)
