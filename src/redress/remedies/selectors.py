"""Reading the remedy guidance. The guidance holds no personal data, so every member of
staff may read it; these selectors need no user."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import FigureStatus, Unit
from redress.domain.remedies import GuidanceFigure as Figure

from .models import GuidanceFigure, GuidanceVersion


def guidance_in_force(on: dt.date) -> GuidanceVersion | None:
    """The version in force on `on`, with its figures loaded; None before the first."""
    return (
        GuidanceVersion.objects.filter(effective_from__lte=on)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
        .prefetch_related("figures")
        .order_by("-effective_from", "-number")
        .first()
    )


def guidance_figures(version: GuidanceVersion) -> tuple[Figure, ...]:
    """A version's figures as the domain's values, dated by the version."""
    starts = version.effective_from
    if starts is None:
        raise ValueError(f"Version {version.number} is a draft and has no figures in force.")
    return tuple(_as_domain(row, version, starts) for row in version.figures.all())


def figure_as_domain(row: GuidanceFigure, version: GuidanceVersion) -> Figure:
    """One figure of a version in force as the domain's value, dated by the version."""
    if version.effective_from is None:
        raise ValueError(f"Version {version.number} is a draft and has no figures in force.")
    return _as_domain(row, version, version.effective_from)


def _as_domain(row: GuidanceFigure, version: GuidanceVersion, starts: dt.date) -> Figure:
    return Figure(
        area=row.area,
        injustice=InjusticeKind(row.injustice),
        situation=row.situation,
        unit=Unit(row.unit),
        low=row.low,
        high=row.high,
        exceptional_high=row.exceptional_high,
        effective_from=starts,
        effective_to=version.effective_to,
        conditions=row.conditions,
        source=row.source,
        status=FigureStatus(row.status),
    )
