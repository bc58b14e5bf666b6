"""The tamper-evident audit trail: screening receipts and case events in one hash-chained,
append-only log (:mod:`.chain` pure, :mod:`.log` on the database), with ``verify``, ``head``,
replay of a recorded screening (:mod:`.replay`) and the OFAC report data (:mod:`.reports`).

Other capabilities record a screening with :func:`clearance.audit.receipts.record_screening`
(one receipt, returns its id) and a batch run with
:func:`clearance.audit.receipts.record_batch_run`.
"""
