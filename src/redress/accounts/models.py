"""Staff, their teams, and the roles that decide what each person may see and do."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from redress.domain.roles import STAFF_ROLES, SUPERVISING_ROLES, Role, works_intake


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices(), default=Role.INTAKE_OFFICER)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    # Set for organisation users: the one organisation whose cases they may see.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="user_role_valid"
            )
        ]

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def is_casework_staff(self) -> bool:
        return self.role_enum in STAFF_ROLES

    @property
    def works_intake(self) -> bool:
        return self.is_active and works_intake(self.role_enum)

    @property
    def supervises(self) -> bool:
        return self.role_enum in SUPERVISING_ROLES

    def __str__(self) -> str:
        return self.get_full_name() or self.username
