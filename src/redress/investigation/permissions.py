"""Who may work an investigation, and who may answer the scheme's enquiries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.casework.permissions import can_view_workqueue, can_write_case
from redress.domain.roles import SUPERVISING_ROLES, Role, may_move_case_at
from redress.domain.stages import Stage

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case

    from .models import Enquiry

INVESTIGATING_STAGES = frozenset({Stage.INVESTIGATION, Stage.DRAFT_DECISION})


def can_view_investigation(user: User) -> bool:
    """Staff may read an investigation on any case they can see (the selector scopes it)."""
    return can_view_workqueue(user)


def can_work_investigation(user: User, case: Case) -> bool:
    """The investigator the case is allocated to, or a manager, while it is investigated."""
    if not can_write_case(user, case) or Stage(case.stage) not in INVESTIGATING_STAGES:
        return False
    role = Role(user.role)
    if not may_move_case_at(role, Stage(case.stage)):
        return False
    return role in SUPERVISING_ROLES or case.officer_id == user.pk


def can_answer_enquiry(user: User, enquiry: Enquiry) -> bool:
    """A link officer of the organisation the enquiry was sent to."""
    return (
        user.is_authenticated
        and user.role == Role.ORGANISATION_USER
        and user.organisation_id is not None
        and user.organisation_id == enquiry.organisation_id
    )
