"""Finding the guidance in force on a date, across versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redress.accounts.models import User
from redress.domain.findings import InjusticeKind
from redress.domain.remedies import Unit
from redress.remedies.models import GuidanceVersion
from redress.remedies.selectors import guidance_figures, guidance_in_force
from redress.remedies.services import guidance_version_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def version_2(draft: GuidanceVersion, administrator: User) -> GuidanceVersion:
    return guidance_version_update(
        version=draft, effective_from=dt.date(2026, 4, 1), published_note="", actor=administrator
    )


@pytest.mark.parametrize(
    ("on", "number"),
    [
        (dt.date(2025, 2, 28), None),
        (dt.date(2025, 3, 1), 1),
        (dt.date(2026, 3, 31), 1),
        (dt.date(2026, 4, 1), 2),
        (dt.date(2040, 1, 1), 2),
    ],
)
def test_the_version_in_force_on_a_date(
    version_1: GuidanceVersion, version_2: GuidanceVersion, on: dt.date, number: int | None
) -> None:
    found = guidance_in_force(on)
    assert (found.number if found else None) == number


def test_a_draft_is_never_in_force(version_1: GuidanceVersion, draft: GuidanceVersion) -> None:
    assert guidance_in_force(dt.date(2040, 1, 1)) == version_1


def test_the_figures_come_in_a_fixed_number_of_queries(version_1: GuidanceVersion) -> None:
    with CaptureQueriesContext(connection) as queries:
        version = guidance_in_force(dt.date(2026, 1, 1))
        assert version is not None
        figures = guidance_figures(version)
    assert len(queries) == 2
    assert len(figures) == 8


def test_domain_figures_carry_the_versions_dates(
    version_1: GuidanceVersion, version_2: GuidanceVersion
) -> None:
    version_1.refresh_from_db()
    figures = guidance_figures(version_1)
    housing = next(f for f in figures if f.area == "housing")
    assert housing.unit == Unit.PER_MONTH
    assert housing.injustice == InjusticeKind.LOST_SERVICE
    assert (housing.effective_from, housing.effective_to) == (
        dt.date(2025, 3, 1),
        dt.date(2026, 3, 31),
    )


def test_a_draft_has_no_figures_in_force(draft: GuidanceVersion) -> None:
    with pytest.raises(ValueError, match="draft"):
        guidance_figures(draft)
