"""Signing organisation users in with a password and a time-based code, and resetting the
authenticator app they use for the codes.

Every attempt, good or bad, is audited. Failed attempts count towards a lock: after
`MAX_FAILED_ATTEMPTS` the account refuses every attempt, right or wrong, for
`LOCK_DURATION`, so that the million possible codes cannot be guessed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record
from redress.domain.roles import Role

from . import totp
from .models import Authenticator, User

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = dt.timedelta(minutes=15)
PORTAL_DETAIL = "Organisation portal"
RESETTING_ROLES = frozenset({Role.ADMINISTRATOR, Role.MANAGER})


class SignInResult(enum.Enum):
    SIGNED_IN = "signed_in"
    REFUSED = "refused"
    LOCKED = "locked"


@dataclass(frozen=True)
class SignInOutcome:
    result: SignInResult
    locked_until: dt.datetime | None = None


def may_use_organisation_portal(user: User) -> bool:
    return (
        user.is_active and user.role == Role.ORGANISATION_USER and user.organisation_id is not None
    )


def authenticator_of(user: User) -> Authenticator | None:
    return Authenticator.objects.filter(user=user).first()


def authenticator_is_locked(user: User, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the lock on the user's sign-in ends, if it is locked now."""
    locked_until = (
        Authenticator.objects.filter(user=user).values_list("locked_until", flat=True).first()
    )
    if locked_until is not None and locked_until > (now or timezone.now()):
        return locked_until
    return None


def authenticator_enrolment_begin(*, user: User) -> Authenticator:
    """The secret to show someone setting up their app: new, or the one shown before that
    they have not yet confirmed. Only for someone who has just given their password."""
    if not may_use_organisation_portal(user):
        raise PermissionError("Only organisation users set up an authenticator app.")
    with transaction.atomic():
        authenticator, created = Authenticator.objects.select_for_update().get_or_create(
            user=user, defaults={"secret": totp.new_secret()}
        )
        if authenticator.is_enrolled:
            raise ValueError("This account's authenticator app is already set up.")
        if created:
            audit_record(
                actor=user,
                action=AuditAction.CREATE,
                instance=authenticator,
                detail="Authenticator set-up started",
            )
    return authenticator


def organisation_sign_in_verify(
    *,
    user: User | None,
    password_ok: bool,
    code: str,
    enrolling: bool,
    now: dt.datetime | None = None,
) -> SignInOutcome:
    """Check the second step of a sign-in: the password given before, and the code now.

    `enrolling` is true when the code confirms a newly set-up app. The answer never says
    whether the password or the code was wrong.
    """
    now = now or timezone.now()
    if user is None:
        return SignInOutcome(SignInResult.REFUSED)
    with transaction.atomic():
        authenticator, _ = Authenticator.objects.select_for_update().get_or_create(
            user=user, defaults={"secret": totp.new_secret()}
        )
        if authenticator.locked_until is not None and authenticator.locked_until > now:
            audit_record(
                actor=None,
                action=AuditAction.SIGN_IN_FAILED,
                instance=user,
                detail=f"{PORTAL_DETAIL}: attempt while locked",
            )
            return SignInOutcome(SignInResult.LOCKED, authenticator.locked_until)
        problem = _problem(user, authenticator, password_ok=password_ok, enrolling=enrolling)
        check = totp.CodeCheck(step=None)
        if problem is None:
            check = totp.check_code(
                authenticator.secret, code, at=now, after_step=authenticator.last_used_step
            )
            if not check.accepted:
                problem = "code used before" if check.replayed else "wrong code"
        if problem is not None:
            return _failure(user, authenticator, problem, now)
        authenticator.last_used_step = check.step
        authenticator.failed_attempts = 0
        authenticator.locked_until = None
        fields = ["last_used_step", "failed_attempts", "locked_until"]
        if enrolling:
            authenticator.confirmed_at = now
            fields.append("confirmed_at")
            audit_record(
                actor=user,
                action=AuditAction.UPDATE,
                instance=authenticator,
                changes={"confirmed_at": [None, now.isoformat()]},
                detail="Authenticator set up",
            )
        authenticator.save(update_fields=fields)
        audit_record(actor=user, action=AuditAction.SIGN_IN, instance=user, detail=PORTAL_DETAIL)
    return SignInOutcome(SignInResult.SIGNED_IN)


def _problem(
    user: User, authenticator: Authenticator, *, password_ok: bool, enrolling: bool
) -> str | None:
    if not password_ok:
        return "wrong password"
    if not may_use_organisation_portal(user):
        return "not an organisation user"
    if enrolling == authenticator.is_enrolled:
        # A code from a set-up that was reset meanwhile, or an attempt to enrol twice.
        return "authenticator changed"
    return None


def _failure(
    user: User, authenticator: Authenticator, problem: str, now: dt.datetime
) -> SignInOutcome:
    authenticator.failed_attempts += 1
    locked = authenticator.failed_attempts >= MAX_FAILED_ATTEMPTS
    if locked:
        authenticator.locked_until = now + LOCK_DURATION
        authenticator.failed_attempts = 0
    authenticator.save(update_fields=["failed_attempts", "locked_until"])
    audit_record(
        actor=None,
        action=AuditAction.SIGN_IN_FAILED,
        instance=user,
        detail=f"{PORTAL_DETAIL}: {problem}"
        + (f"; locked for {LOCK_DURATION.seconds // 60} minutes" if locked else ""),
    )
    if locked:
        return SignInOutcome(SignInResult.LOCKED, authenticator.locked_until)
    return SignInOutcome(SignInResult.REFUSED)


def authenticator_reset(*, user: User, actor: User) -> None:
    """Forget the user's app (lost or replaced phone): they set one up at next sign-in."""
    if not (actor.is_active and (actor.is_superuser or actor.role in RESETTING_ROLES)):
        raise PermissionError("Only managers and administrators reset authenticator apps.")
    with transaction.atomic():
        authenticator = Authenticator.objects.select_for_update().filter(user=user).first()
        if authenticator is None:
            return
        was_enrolled = authenticator.is_enrolled
        authenticator.secret = totp.new_secret()
        authenticator.confirmed_at = None
        authenticator.last_used_step = None
        authenticator.failed_attempts = 0
        authenticator.locked_until = None
        authenticator.save(
            update_fields=[
                "secret",
                "confirmed_at",
                "last_used_step",
                "failed_attempts",
                "locked_until",
            ]
        )
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=authenticator,
            changes={"enrolled": [was_enrolled, False]},
            detail="Authenticator reset",
        )


def authenticator_enrol_with_secret(*, user: User, secret: str) -> Authenticator:
    """Set the user's app up with a known secret, for the demo's shared account only."""
    if not may_use_organisation_portal(user):
        raise PermissionError("Only organisation users set up an authenticator app.")
    with transaction.atomic():
        authenticator, _ = Authenticator.objects.select_for_update().get_or_create(
            user=user, defaults={"secret": secret}
        )
        if authenticator.secret != secret or not authenticator.is_enrolled:
            authenticator.secret = secret
            authenticator.confirmed_at = timezone.now()
            authenticator.last_used_step = None
            authenticator.save(update_fields=["secret", "confirmed_at", "last_used_step"])
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                instance=authenticator,
                detail="Authenticator set up with the demo secret",
            )
    return authenticator
