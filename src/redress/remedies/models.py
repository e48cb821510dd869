"""The scheme's remedy guidance as versioned data.

A version is a set of reference figures in force from one date. A version with no
`effective_from` is a draft being prepared. Once a decision has used a version
(`first_used_at` is set) its figures never change: an administrator copies it into a new
version and edits that instead (ADR 0012).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.conf import settings
from django.db import models

from redress.domain.findings import InjusticeKind
from redress.domain.remedies import FigureStatus, Unit


def _valid(field: str, values: Iterable[StrEnum], name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": [v.value for v in values]}), name=name
    )


class GuidanceVersion(models.Model):
    number = models.PositiveIntegerField(unique=True)
    effective_from = models.DateField(
        null=True, blank=True, help_text="Leave empty while the version is a draft."
    )
    # The last day in force; set when the next version comes into force.
    effective_to = models.DateField(null=True, blank=True)
    published_note = models.TextField(
        blank=True, help_text="What changed in this version and where the guidance was published."
    )
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    first_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="guidance_version_number_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(
                    effective_from__isnull=False, effective_to__gte=models.F("effective_from")
                ),
                name="guidance_version_dates_ordered",
            ),
            # A draft has never been in force, so no decision can have used it.
            models.CheckConstraint(
                condition=models.Q(first_used_at__isnull=True)
                | models.Q(effective_from__isnull=False),
                name="guidance_version_used_only_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"Remedy guidance version {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.effective_from is None

    @property
    def is_used(self) -> bool:
        return self.first_used_at is not None


class GuidanceFigure(models.Model):
    """One reference figure of a version, in whole pounds per unit."""

    version = models.ForeignKey(GuidanceVersion, on_delete=models.PROTECT, related_name="figures")
    area = models.CharField(max_length=80)
    injustice = models.CharField(max_length=30, choices=InjusticeKind.choices())
    situation = models.CharField(
        max_length=200, help_text="What the figure is for, e.g. unsuitable temporary accommodation."
    )
    unit = models.CharField(max_length=20, choices=Unit.choices())
    low = models.PositiveIntegerField(null=True, blank=True, help_text="Whole pounds.")
    high = models.PositiveIntegerField(null=True, blank=True, help_text="Whole pounds.")
    exceptional_high = models.PositiveIntegerField(
        null=True, blank=True, help_text="Whole pounds: how far it may go exceptionally."
    )
    conditions = models.TextField(blank=True)
    source = models.CharField(max_length=300)
    status = models.CharField(max_length=30, choices=FigureStatus.choices())

    class Meta:
        ordering = ["version", "area", "injustice", "situation"]
        constraints = [
            _valid("injustice", InjusticeKind, "guidance_figure_injustice_valid"),
            _valid("unit", Unit, "guidance_figure_unit_valid"),
            _valid("status", FigureStatus, "guidance_figure_status_valid"),
            models.CheckConstraint(
                condition=models.Q(low__isnull=True, high__isnull=True)
                | models.Q(low__isnull=False, high__isnull=False, high__gte=models.F("low")),
                name="guidance_figure_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(exceptional_high__isnull=True)
                | models.Q(high__isnull=False, exceptional_high__gte=models.F("high")),
                name="guidance_figure_ceiling_above_range",
            ),
            models.UniqueConstraint(
                fields=["version", "area", "injustice", "situation"],
                name="guidance_figure_unique_in_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.situation} ({self.area})"


from .action_models import OrganisationOffer, PastRemedy, RemedyAction  # noqa: E402

__all__ = ["GuidanceFigure", "GuidanceVersion", "OrganisationOffer", "PastRemedy", "RemedyAction"]
