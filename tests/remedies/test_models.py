"""The database refuses guidance rows that break the vocabulary or the ordering of amounts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from redress.remedies.models import GuidanceFigure, GuidanceVersion

pytestmark = pytest.mark.django_db

SOUND = {
    "area": "any",
    "injustice": "outrage",
    "situation": "Outrage",
    "unit": "one_off",
    "low": 100,
    "high": 300,
    "exceptional_high": None,
    "source": "Guidance on remedies",
    "status": "unverified",
}


@pytest.mark.parametrize(
    "changes",
    [
        {"injustice": "boredom"},
        {"unit": "per_week"},
        {"status": "rumoured"},
        {"low": 400},
        {"low": None},
        {"high": None},
        {"exceptional_high": 200},
        {"low": None, "high": None, "exceptional_high": 500},
    ],
)
def test_the_database_refuses_an_unsound_figure(version_1: GuidanceVersion, changes: dict) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        GuidanceFigure.objects.create(version=version_1, **{**SOUND, **changes})


def test_the_database_accepts_a_sound_figure_and_one_without_amounts(
    version_1: GuidanceVersion,
) -> None:
    GuidanceFigure.objects.create(version=version_1, **SOUND)
    GuidanceFigure.objects.create(
        version=version_1, **{**SOUND, "situation": "No money", "low": None, "high": None}
    )


def test_a_figure_appears_once_in_a_version(version_1: GuidanceVersion) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        GuidanceFigure.objects.create(
            version=version_1, **{**SOUND, "situation": "Distress", "injustice": "distress"}
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"number": 0},
        {"number": 9, "effective_from": dt.date(2026, 1, 2), "effective_to": dt.date(2026, 1, 1)},
        {"number": 9, "effective_to": dt.date(2026, 1, 1)},
        {"number": 9, "first_used_at": timezone.now()},
    ],
)
def test_the_database_refuses_an_unsound_version(db: None, fields: dict) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        GuidanceVersion.objects.create(created_at=timezone.now(), **fields)
