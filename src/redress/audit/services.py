"""Writing the audit trail. Callers are services, inside their own transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from .models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from redress.accounts.models import User


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, so old and new values can be stored side by side."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` on `instance`, for a later `changes_between`."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    instance: models.Model,
    case_id: int | None = None,
    changes: Mapping[str, list[Any]] | None = None,
    detail: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        case_id=case_id,
        changes=dict(changes or {}),
        detail=detail[:200],
    )
