"""Predicates: who may do what with a case's compliance items. Seeing the case at all is
the selectors' business (a 404 outside someone's scope); these say what they may do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.casework.permissions import can_make_transition, can_write_case
from redress.domain.roles import Role
from redress.domain.stages import Stage, find_transition

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case

MONITORED_STAGES = frozenset({Stage.DECIDED, Stage.COMPLIANCE})


def can_open_items(user: User, case: Case) -> bool:
    """Whoever agrees the actions (in a decision or an early resolution) opens the items."""
    return can_write_case(user, case)


def works_compliance(user: User) -> bool:
    """Compliance officers, and managers and administrators, who may do any stage's work."""
    return user.is_authenticated and user.works_compliance


def can_review_evidence(user: User, case: Case) -> bool:
    return works_compliance(user) and can_write_case(user, case) and case.stage in MONITORED_STAGES


def _may_move(user: User, case: Case, target: Stage) -> bool:
    transition = find_transition(Stage(case.stage), target)
    return transition is not None and can_make_transition(user, case, transition)


def can_start_monitoring(user: User, case: Case) -> bool:
    return case.stage == Stage.DECIDED and _may_move(user, case, Stage.COMPLIANCE)


def can_close_compliance(user: User, case: Case) -> bool:
    return case.stage == Stage.COMPLIANCE and _may_move(user, case, Stage.CLOSED)


def can_submit_evidence(user: User, case: Case) -> bool:
    """A link officer of the case's organisation; sensitive cases are dealt with by letter."""
    return (
        user.is_authenticated
        and user.role == Role.ORGANISATION_USER
        and user.organisation_id is not None
        and user.organisation_id == case.organisation_id
        and not case.sensitive
    )
