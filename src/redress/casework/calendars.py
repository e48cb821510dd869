"""The scheme's working calendar: its jurisdiction's bank holidays plus office closures."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from redress.domain.calendar import WorkingCalendar, bank_holidays

from .models import OfficeClosure

# Enough years either side of today for every clock a case can have.
_YEARS_BACK = 12
_YEARS_AHEAD = 3


@lru_cache(maxsize=4)
def _bank_holidays(country: str, subdivision: str, first: int, last: int) -> frozenset[dt.date]:
    # Bank holidays are fixed by law for a year at a time; they are safe to keep per process.
    return bank_holidays(country=country, subdiv=subdivision, years=range(first, last + 1))


def scheme_calendar(today: dt.date | None = None) -> WorkingCalendar:
    year = (today or timezone.localdate()).year
    holidays = _bank_holidays(
        settings.HOLIDAYS_COUNTRY,
        settings.HOLIDAYS_SUBDIVISION,
        year - _YEARS_BACK,
        year + _YEARS_AHEAD,
    )
    closures = frozenset(OfficeClosure.objects.values_list("date", flat=True))
    return WorkingCalendar(non_working_days=holidays | closures)
