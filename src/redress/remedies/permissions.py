"""Who may change the remedy guidance: administrators only; everyone on the staff reads it."""

from __future__ import annotations

from typing import Any

from redress.domain.roles import Role


def may_edit_guidance(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == Role.ADMINISTRATOR
    )
