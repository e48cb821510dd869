"""Predicates for decisions and reviews. Views check them before any service does.

Findings and the draft belong to the investigator on the case; managers (and
administrators) may do everything an investigator does, and alone may override an
outcome, check a decision's quality and decide reviews. Seeing the case at all is
`Case.objects.visible_to`'s business; these say what someone may do with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.casework.permissions import can_write_case
from redress.domain.roles import SUPERVISING_ROLES, Role
from redress.domain.stages import Stage

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case

    from .models import Decision

DECISION_STAGES = frozenset({Stage.INVESTIGATION, Stage.DRAFT_DECISION})


def _supervises(user: User) -> bool:
    return user.is_authenticated and Role(user.role) in SUPERVISING_ROLES


def works_decision(user: User, case: Case) -> bool:
    """The investigator on the case, or a manager: who writes findings and the decision."""
    if not user.is_authenticated or not can_write_case(user, case):
        return False
    if _supervises(user):
        return True
    return Role(user.role) == Role.INVESTIGATOR and case.officer_id == user.pk


def can_record_findings(user: User, case: Case) -> bool:
    return works_decision(user, case) and Stage(case.stage) in DECISION_STAGES


def can_override_outcome(user: User, case: Case) -> bool:
    return _supervises(user) and can_record_findings(user, case)


def can_quality_check(user: User, decision: Decision) -> bool:
    """A manager other than the person who shared the draft checks it."""
    return (
        _supervises(user)
        and can_write_case(user, decision.case)
        and decision.shared_by_id != user.pk
    )


def can_record_review(user: User, case: Case) -> bool:
    return user.is_authenticated and can_write_case(user, case)


def can_decide_review(user: User, case: Case) -> bool:
    return _supervises(user) and can_write_case(user, case)
