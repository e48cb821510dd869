"""Who may change the remedy guidance: administrators only; everyone on the staff reads it."""

from __future__ import annotations

from typing import Any

from redress.decisions.permissions import can_record_findings
from redress.domain.findings import EDITABLE_STATUSES, DecisionStatus
from redress.domain.roles import Role


def may_edit_guidance(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == Role.ADMINISTRATOR
    )


def can_build_remedies(user: Any, case: Any, decision: Any) -> bool:
    """The investigator on the case, or a manager, while the case is at investigation or
    draft decision and the decision may still change; everyone else reads."""
    if not can_record_findings(user, case):
        return False
    return decision is None or DecisionStatus(decision.status) in EDITABLE_STATUSES
