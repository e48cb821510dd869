"""What intake records about a complaint beyond the case itself."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from redress.domain.complaints import ComplainedFirst
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


# -- The public "Make a complaint" journey ---------------------------------------------------


class ComplaintDraft(models.Model):
    """A complaint being written online: every answer kept on the server as it is given.

    The browser holds only `public_id` (in its session, or restored by an emailed link).
    `answers` maps each step's name to that step's answers; "_partial" holds what was typed
    on a page that has not yet been completed, so nothing is lost. Submission locks the
    row and sets `case`, once.
    """

    public_id = models.CharField(max_length=64, unique=True)
    answers = models.JSONField(default=dict, blank=True)
    step = models.CharField(max_length=32, blank=True, help_text="The last page saved.")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    case = models.OneToOneField(
        "casework.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"Draft complaint {self.pk} ({'sent' if self.case_id else 'not sent'})"


class DraftFilePurpose(models.TextChoices):
    EVIDENCE = "evidence", "Evidence"
    FINAL_RESPONSE = "final_response", "The organisation's final response"


def _draft_file_path(instance: DraftFile, filename: str) -> str:
    # A random name: the person's file name is kept in the row, never trusted on disk.
    return f"drafts/{uuid.uuid4().hex}"


class DraftFile(models.Model):
    """A file uploaded before the case exists, moved onto the case when it is sent."""

    draft = models.ForeignKey(ComplaintDraft, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(max_length=20, choices=DraftFilePurpose.choices)
    file = models.FileField(upload_to=_draft_file_path, max_length=200)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ResumeLink(models.Model):
    """A "come back later" link: only the hash of its token is kept."""

    draft = models.ForeignKey(ComplaintDraft, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Link to draft {self.draft_id} until {self.expires_at:%Y-%m-%d}"


class SubmissionRecord(models.Model):
    """One complaint sent online, by a hashed network address, for the rate limit."""

    address_hash = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["address_hash", "at"], name="intake_submission_addr_at")]

    def __str__(self) -> str:
        return f"Submission at {self.at:%Y-%m-%d %H:%M}"


class ComplaintDetails(models.Model):
    """What the complainant told us beyond the case's own fields, for triage and staff.

    Written once when a complaint is registered (online now; by staff for phone, letter
    and email complaints).
    """

    case = models.OneToOneField(
        "casework.Case", on_delete=models.PROTECT, related_name="complaint_details"
    )
    first_knew_on = models.DateField(help_text="When the person first knew of the problem.")
    injustice = models.TextField(help_text="How it affected them, in their words.")
    complained_first = models.CharField(max_length=20, choices=ComplainedFirst.choices())
    final_response_on = models.DateField(null=True, blank=True)
    representative_relationship = models.CharField(max_length=100, blank=True)
    category_chosen_by_complainant = models.BooleanField(
        default=True, help_text="False when the category was inferred from their words."
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    # The staff form a complaint was logged with: sending that form twice logs it once.
    logged_with = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name_plural = "complaint details"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(complained_first__in=[c.value for c in ComplainedFirst]),
                name="complaint_details_complained_first_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Details of case {self.case_id}"

    @property
    def complained_first_label(self) -> str:
        return ComplainedFirst(self.complained_first).label
