"""`redress portal_tidy` deletes what can no longer be used or counted, and nothing else."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from redress.casework.models import Case, Person
from redress.portal.models import LinkRequest, SignInLink

from .conftest import AskForLink

pytestmark = pytest.mark.django_db


def test_old_links_and_requests_are_deleted(
    ask_for_link: AskForLink, pat: Person, pats_case: Case
) -> None:
    start = timezone.now()
    with time_machine.travel(start - dt.timedelta(days=2), tick=False):
        ask_for_link(Client(), pat.email, pats_case.reference)
    ask_for_link(Client(), pat.email, pats_case.reference)
    assert (SignInLink.objects.count(), LinkRequest.objects.count()) == (2, 2)
    out = StringIO()
    call_command("portal_tidy", stdout=out)
    assert "Deleted 1 old sign-in links and 1 old link requests." in out.getvalue()
    assert SignInLink.objects.get().created_at >= start
    assert LinkRequest.objects.get().at >= start
