"""The workqueue shows enquiry and keep-in-touch dates; a paused clock is never overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case
from redress.domain.clocks import ClockKind
from redress.investigation import services

pytestmark = pytest.mark.django_db

D = dt.date


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 11, 0, tzinfo=dt.UTC)


def _row(client: Client, case: Case, **query: str) -> str:
    page = client.get(reverse("casework:workqueue"), query).content.decode()
    start = page.find(case.reference)
    return "" if start < 0 else page[start : page.find("</tr>", start)]


def test_an_overdue_enquiry_shows_on_the_workqueue(
    case: Case, investigator: User, client_for: Callable[[User | None], Client]
) -> None:
    with time_machine.travel(_at(D(2026, 3, 4)), tick=False):
        services.enquiry_send(
            case=case,
            questions="Why?",
            documents_requested="",
            due_on=D(2026, 3, 11),
            actor=investigator,
        )
    client = client_for(investigator)
    with time_machine.travel(_at(D(2026, 3, 9)), tick=False):
        row = _row(client, case)
        assert "reply to enquiries due" in row
        assert "Due soon" in row
    with time_machine.travel(_at(D(2026, 3, 12)), tick=False):
        row = _row(client, case, overdue="on")
        assert "reply to enquiries due" in row
        assert "Overdue" in row


def test_keep_in_touch_shows_when_it_is_next(
    case: Case, investigator: User, client_for: Callable[[User | None], Client]
) -> None:
    with time_machine.travel(_at(D(2026, 3, 31)), tick=False):
        row = _row(client_for(investigator), case, overdue="on")
        assert ClockKind.KEEP_IN_TOUCH.label in row
        assert "Overdue" in row


def test_a_paused_clock_does_not_count_as_overdue(
    case: Case, investigator: User, client_for: Callable[[User | None], Client]
) -> None:
    with time_machine.travel(_at(D(2026, 3, 4)), tick=False):
        services.clock_pause(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            started_on=D(2026, 3, 4),
            reason="The complainant asked us not to write while they are in hospital.",
            actor=investigator,
        )
    with time_machine.travel(_at(D(2026, 4, 1)), tick=False):
        client = client_for(investigator)
        assert _row(client, case, overdue="on") == ""
        row = _row(client, case)
        assert ClockKind.INVESTIGATION.label in row
