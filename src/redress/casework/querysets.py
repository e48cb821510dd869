"""Querysets that encode who may see a case, and that history is never rewritten."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models

from redress.domain.roles import STAFF_ROLES, SUPERVISING_ROLES, Role

if TYPE_CHECKING:
    from redress.accounts.models import User


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise RuntimeError("History rows cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise RuntimeError("History rows cannot be deleted.")


class CaseQuerySet(models.QuerySet[Any]):
    def visible_to(self, user: User) -> Self:
        """The cases `user` may see; everything else is a 404 to them."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        role = Role(user.role)
        if role == Role.ADMINISTRATOR:
            return self.all()
        if role == Role.ORGANISATION_USER:
            if user.organisation_id is None:
                return self.none()
            return self.filter(organisation_id=user.organisation_id, sensitive=False)
        if role not in STAFF_ROLES:
            # Complainants reach their own case through the portal, not staff pages.
            return self.none()
        mine = models.Q(officer_id=user.pk)
        if user.team_id is None:
            return self.filter(mine)
        team = models.Q(team_id=user.team_id)
        if role in SUPERVISING_ROLES:
            return self.filter(team | mine)
        return self.filter((team & models.Q(sensitive=False)) | mine)

    def queue_of(self, user: User, *, team: bool) -> Self:
        """A person's own cases, or their team's queue: `visible_to` narrowed to one queue.

        The same rows as `visible_to(user)` filtered by officer or team, written without
        its OR so that PostgreSQL serves the queue from one partial index (ADR 0006).
        """
        if not user.is_authenticated or not user.is_active or Role(user.role) not in STAFF_ROLES:
            return self.none()
        if not team or user.team_id is None:
            return self.filter(officer_id=user.pk)
        queue = self.filter(team_id=user.team_id)
        if Role(user.role) in SUPERVISING_ROLES:
            return queue
        return queue.filter(models.Q(sensitive=False) | models.Q(officer_id=user.pk))
