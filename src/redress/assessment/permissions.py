"""Predicates for the assessment workspace: who may read it, work it, and allocate where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.casework.permissions import can_view_workqueue, can_write_case
from redress.domain.roles import SUPERVISING_ROLES, Role, may_move_case_at
from redress.domain.stages import Stage

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case


def can_view_assessment(user: User) -> bool:
    """Staff read a case's assessment (the case itself is scoped by the selector)."""
    return can_view_workqueue(user)


def can_work_assessment(user: User, case: Case) -> bool:
    """Assessors, managers and administrators record answers and decide while it is at
    assessment; everyone else who can see the case reads it."""
    return (
        can_write_case(user, case)
        and may_move_case_at(Role(user.role), Stage.ASSESSMENT)
        and case.stage == Stage.ASSESSMENT
    )


def can_allocate_to_other_teams(user: User) -> bool:
    """Managers and administrators balance work between teams; assessors allocate in theirs."""
    return user.is_authenticated and Role(user.role) in SUPERVISING_ROLES
