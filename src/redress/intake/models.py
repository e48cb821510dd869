"""What intake records about a complaint beyond the case itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from redress.domain.stages import Outcome


class IntakeDecision(models.Model):
    """An intake officer's decision, with what they made of each triage suggestion.

    `suggestions` holds one entry per suggestion shown: its code, the reason given, whether
    it was accepted, and (when overridden) why. Suggestions never decide; this row records
    the person who did.
    """

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="+")
    # Blank when the case was passed to assessment rather than closed.
    outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    signposted_to = models.CharField(max_length=200, blank=True)
    suggestions = models.JSONField(default=list, blank=True)
    explanation = models.TextField(help_text="What the complainant is told, in plain words.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["case", "decided_at"], name="intake_decision_case")]

    def __str__(self) -> str:
        return f"Intake decision on case {self.case_id} at {self.decided_at:%Y-%m-%d %H:%M}"
