"""Predicates for the staff intake pages: who may work the intake queue and decide there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.domain.stages import Stage

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case


def can_work_intake(user: User) -> bool:
    """Staff whose role makes intake decisions: intake officers, assessors, managers, admins.

    The same people see the intake queue, log complaints received by phone, letter or
    email, and keep the written contacts on their team's cases answered.
    """
    return user.is_authenticated and user.works_intake


def can_decide_at_intake(user: User, case: Case) -> bool:
    """Whether `user` may record the intake decision on `case` (which they can already see)."""
    return can_work_intake(user) and case.stage == Stage.INTAKE
