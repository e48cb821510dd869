"""Version 1 of the guidance, seeded from the scheme's reference figures."""

from __future__ import annotations

import datetime as dt

import pytest

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import (
    FigureStatus,
    figure_problems,
    figures_in_force,
    suggested_range,
)
from redress.remedies.models import GuidanceVersion
from redress.remedies.selectors import guidance_figures, guidance_in_force

pytestmark = pytest.mark.django_db


def test_version_1_is_in_force_from_march_2025(version_1: GuidanceVersion) -> None:
    assert version_1.effective_from == dt.date(2025, 3, 1)
    assert version_1.effective_to is None
    assert not version_1.is_used
    assert "unverified" in version_1.published_note
    assert guidance_in_force(dt.date(2025, 2, 28)) is None
    assert guidance_in_force(dt.date(2025, 3, 1)) == version_1


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        ("Distress", ("any", "one_off", 100, 300, FigureStatus.UNVERIFIED)),
        ("Time and trouble", ("any", "one_off", 100, 300, FigureStatus.UNVERIFIED)),
        (
            "Delay in complaint handling",
            ("any", "one_off", 100, 250, FigureStatus.SEEN_IN_DECISIONS),
        ),
        (
            "Missed education or special educational needs provision",
            ("education", "per_term", 900, 2400, FigureStatus.UNVERIFIED),
        ),
        (
            "EHC plan or review delayed",
            (
                "education.special_educational_needs",
                "per_month",
                50,
                50,
                FigureStatus.SEEN_IN_DECISIONS,
            ),
        ),
        (
            "Unsuitable temporary accommodation",
            ("housing", "per_month", 150, 350, FigureStatus.UNVERIFIED),
        ),
        (
            "Care not provided, where its value can be worked out",
            ("adult_care", "one_off", None, None, FigureStatus.SEEN_IN_DECISIONS),
        ),
        (
            "Flawed admission appeal",
            ("education.school_admissions", "one_off", None, None, FigureStatus.SEEN_IN_DECISIONS),
        ),
    ],
)
def test_each_reference_figure_is_seeded_with_its_status(
    version_1: GuidanceVersion, situation: str, expected: tuple
) -> None:
    figure = version_1.figures.get(situation=situation)
    assert (figure.area, figure.unit, figure.low, figure.high, figure.status) == expected
    assert figure.source


def test_every_seeded_figure_passes_the_domain_checks(version_1: GuidanceVersion) -> None:
    assert version_1.figures.count() == 8
    for figure in version_1.figures.all():
        assert (
            figure_problems(
                area=figure.area,
                situation=figure.situation,
                low=figure.low,
                high=figure.high,
                exceptional_high=figure.exceptional_high,
                source=figure.source,
            )
            == {}
        )


def test_six_months_in_unsuitable_accommodation_from_the_seeded_guidance(
    version_1: GuidanceVersion,
) -> None:
    on = dt.date(2026, 1, 15)
    version = guidance_in_force(on)
    assert version is not None
    (figure,) = figures_in_force(
        guidance_figures(version),
        injustice=InjusticeKind.LOST_SERVICE,
        on=on,
        category="housing",
        subcategory="housing.temporary_accommodation",
    )
    result = suggested_range(figure, periods=6)
    assert (result.low, result.high) == (900, 2100)


def test_distress_in_any_area_comes_from_the_general_figure(version_1: GuidanceVersion) -> None:
    figures = figures_in_force(
        guidance_figures(version_1),
        injustice=InjusticeKind.DISTRESS,
        on=dt.date(2026, 1, 15),
        category="planning",
    )
    assert [(f.situation, f.exceptional_high) for f in figures] == [("Distress", 1000)]
