"""Predicates: may this person do this to this case? Views check them before any service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redress.domain.roles import Role, may_move_case_at, may_reopen, may_write_case
from redress.domain.stages import Stage, Transition, TransitionKind

if TYPE_CHECKING:
    from redress.accounts.models import User

    from .models import Case


def can_view_workqueue(user: User) -> bool:
    return user.is_authenticated and user.is_casework_staff


def can_write_case(user: User, case: Case) -> bool:
    return user.is_authenticated and may_write_case(Role(user.role))


def can_make_transition(user: User, case: Case, transition: Transition) -> bool:
    if not can_write_case(user, case):
        return False
    role = Role(user.role)
    if transition.kind == TransitionKind.REOPEN:
        return may_reopen(role)
    return may_move_case_at(role, Stage(case.stage))
