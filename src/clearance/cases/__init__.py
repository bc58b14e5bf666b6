"""Cases and decisions: an alert opens a case (or joins the open one for the same subject and
listed entity), an analyst proposes, a different supervisor approves or returns (four eyes,
enforced in :mod:`.model`); approved clears feed the good-guy list (:mod:`.goodguy`) that
suppresses the same alert until the listed entity's matching data changes.

Entry points for other capabilities: :func:`clearance.cases.service.CaseService.open_alert`
(open or join a case for an alert) and :func:`clearance.cases.goodguy.goodguy_check`.
"""
