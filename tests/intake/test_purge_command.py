"""The daily clean-up removes expired drafts and leaves live ones alone."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from redress.intake.journey.drafts import draft_create
from redress.intake.models import ComplaintDraft

pytestmark = pytest.mark.django_db


def test_expired_drafts_are_deleted_and_live_ones_kept() -> None:
    expired = draft_create()
    live = draft_create()
    ComplaintDraft.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    out = StringIO()
    call_command("intake_purge_drafts", stdout=out)
    assert "Deleted 1 expired complaint drafts." in out.getvalue()
    assert list(ComplaintDraft.objects.values_list("pk", flat=True)) == [live.pk]
