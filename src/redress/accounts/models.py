"""Staff, their teams, and the roles that decide what each person may see and do."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from redress.domain.roles import (
    STAFF_ROLES,
    SUPERVISING_ROLES,
    Role,
    works_compliance,
    works_intake,
)


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
    def works_compliance(self) -> bool:
        return self.is_active and works_compliance(self.role_enum)

    @property
    def supervises(self) -> bool:
        return self.role_enum in SUPERVISING_ROLES

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Authenticator(models.Model):
    """An organisation user's authenticator app: the shared secret of its time-based codes.

    Enrolment completes when the person first types a code the app made (`confirmed_at`).
    The last time step accepted is kept so that no code works twice, and failed sign-in
    attempts are counted here so that guessing locks the account for a while.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="authenticator")
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        state = "enrolled" if self.confirmed_at else "not yet enrolled"
        return f"Authenticator for {self.user} ({state})"

    @property
    def is_enrolled(self) -> bool:
        return self.confirmed_at is not None
