"""Writes about accounts: recording sign-ins and creating staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.domain.roles import Role

from .models import Team, User

if TYPE_CHECKING:
    from redress.organisations.models import Organisation


def sign_in_record(*, user: User) -> None:
    audit_record(actor=user, action=AuditAction.SIGN_IN, instance=user)


def sign_in_failure_record(*, username: str) -> None:
    user = User.objects.filter(username=username).first()
    if user is not None:
        audit_record(
            actor=None,
            action=AuditAction.SIGN_IN_FAILED,
            instance=user,
            detail="Wrong password",
        )


def account_ensure(
    *,
    username: str,
    password: str,
    role: Role,
    first_name: str,
    last_name: str,
    team: Team | None = None,
    organisation: Organisation | None = None,
    email: str = "",
) -> tuple[User, bool]:
    """Create the account if it is missing (idempotent: the demo seeds it on every run).

    Organisation users belong to one organisation, whose cases are all they may see.
    """
    if (role == Role.ORGANISATION_USER) != (organisation is not None):
        raise ValueError("An organisation, and only an organisation user, needs an organisation.")
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "first_name": first_name,
                "last_name": last_name,
                "team": team,
                "organisation": organisation,
                "email": email,
                "is_staff": role == Role.ADMINISTRATOR,
                "is_superuser": role == Role.ADMINISTRATOR,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                instance=user,
                changes={"role": [None, role.value], "username": [None, username]},
            )
    return user, created
