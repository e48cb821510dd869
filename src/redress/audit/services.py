"""Writing the audit trail. Callers are services, inside their own transaction."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
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


_pending = threading.local()


@contextmanager
def audit_batch() -> Iterator[None]:
    """Write the audit rows recorded inside the block in one statement at its end.

    For a service that records many rows in one transaction (sending a complaint records
    six): call it inside the transaction, so the rows commit or roll back with the rest.
    Nothing is written if the block raises. Nested blocks join the outermost one.
    """
    if getattr(_pending, "rows", None) is not None:
        yield
        return
    rows: list[AuditEvent] = []
    _pending.rows = rows
    try:
        yield
    finally:
        _pending.rows = None
    AuditEvent.objects.bulk_create(rows)


def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    instance: models.Model,
    case_id: int | None = None,
    changes: Mapping[str, list[Any]] | None = None,
    detail: str = "",
) -> AuditEvent:
    event = AuditEvent(
        at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        case_id=case_id,
        changes=dict(changes or {}),
        detail=detail[:200],
    )
    batch: list[AuditEvent] | None = getattr(_pending, "rows", None)
    if batch is not None:
        batch.append(event)
    else:
        event.save()
    return event
