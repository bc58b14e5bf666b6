"""The tamper-evident audit trail: screening receipts and case events in one hash-chained,
append-only log (:mod:`.chain` pure, :mod:`.log` on the database), with ``verify``, ``head``,
replay of a recorded screening (:mod:`.replay`) and the OFAC report data (:mod:`.reports`).

Other capabilities record a screening with
:meth:`clearance.cases.service.CaseService.record` (receipt + cases for its alerts) or, for a
receipt alone, :func:`clearance.audit.receipts.record_screening`; a batch run with
:meth:`clearance.cases.service.CaseService.record_batch`.
"""
