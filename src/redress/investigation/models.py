"""What an investigation looks into: the statement of complaint and its numbered issues."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StatementOfComplaint(models.Model):
    """The scope agreed at the start of an investigation (one per case)."""

    case = models.OneToOneField(
        "casework.Case", on_delete=models.PROTECT, related_name="statement_of_complaint"
    )
    period_from = models.DateField(help_text="The start of the period the investigation covers.")
    period_to = models.DateField(help_text="The end of the period the investigation covers.")
    not_investigated = models.TextField(
        blank=True, help_text="What we are not investigating, and why."
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_to__gte=models.F("period_from")),
                name="statement_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"Statement of complaint for case {self.case_id}"


class ComplaintIssue(models.Model):
    """One numbered issue investigated; findings in the decision are made per issue."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="issues", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    description = models.TextField()

    class Meta:
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="issue_number_unique"),
        ]

    def __str__(self) -> str:
        return f"Issue {self.number}"
