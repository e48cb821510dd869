"""Dates and times written the GOV.UK way: ``3 March 2025``, ``2:05pm``, ``midday``.

Aware datetimes are shown in the local time zone (``TIME_ZONE``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def date_uk(value: dt.date | None) -> str:
    """``3 March 2025``. A datetime is first converted to local time."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return f"{value.day} {value:%B %Y}"


def time_uk(value: dt.datetime | dt.time | None) -> str:
    """``2:05pm``, ``10am``, ``midday``, ``midnight``. A datetime is shown in local time."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value).time()
    if value.minute == 0 and value.hour == 0:
        return "midnight"
    if value.minute == 0 and value.hour == 12:
        return "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{minutes}{suffix}"


def datetime_uk(value: dt.datetime | None) -> str:
    """``3 March 2025 at 2:05pm``, in local time."""
    if value is None:
        return ""
    local = _local(value)
    return f"{date_uk(local.date())} at {time_uk(local.time())}"
