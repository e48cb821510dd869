"""What an investigation looks into: the statement of complaint and its numbered issues."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from redress.domain.clocks import ClockKind


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


class Enquiry(models.Model):
    """Questions and documents asked of the organisation, shared with it once sent."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="enquiries", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    # Who it was sent to, and so shared with: that organisation's link officers answer it.
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="enquiries"
    )
    questions = models.TextField()
    documents_requested = models.TextField(blank=True)
    sent_on = models.DateField()
    due_on = models.DateField()
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    letter = models.ForeignKey(
        "notifications.Letter", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_chased_on = models.DateField(null=True, blank=True)
    chasers_sent = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "number"]
        indexes = [
            # The daily chase reads unanswered enquiries by due date.
            models.Index(
                fields=["due_on"],
                condition=models.Q(answered_at__isnull=True),
                name="enquiry_unanswered_due",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="enquiry_number_unique"),
            models.CheckConstraint(
                condition=models.Q(due_on__gt=models.F("sent_on")), name="enquiry_due_after_sent"
            ),
        ]

    def __str__(self) -> str:
        return f"Enquiry {self.number}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


class EvidenceSource(models.TextChoices):
    COMPLAINANT = "complainant", "The complainant or their representative"
    ORGANISATION = "organisation", "The organisation"
    THIRD_PARTY = "third_party", "Someone else (a witness or another body)"
    SCHEME = "scheme", "Our own enquiries (a visit, a call note, research)"


class EvidenceItem(models.Model):
    """One entry in the evidence register: what it is, where it came from, when, and which
    numbered issues it bears on."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="evidence", db_index=False
    )
    source = models.CharField(max_length=20, choices=EvidenceSource.choices)
    received_on = models.DateField()
    description = models.CharField(max_length=500)
    document = models.ForeignKey(
        "casework.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enquiry = models.ForeignKey(
        Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    issues = models.ManyToManyField(ComplaintIssue, blank=True, related_name="evidence")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]
        indexes = [models.Index(fields=["case", "received_on"], name="evidence_case_received")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=[s.value for s in EvidenceSource]),
                name="evidence_source_valid",
            )
        ]

    def __str__(self) -> str:
        return self.description


class DelayNotice(models.Model):
    """Telling both parties a timescale cannot be met, and why (kept with its letters)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="delay_notices", db_index=False
    )
    clock = models.CharField(max_length=32, choices=ClockKind.choices())
    reason = models.TextField()
    expected_by = models.DateField(null=True, blank=True)
    sent_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "sent_on", "id"]
        indexes = [models.Index(fields=["case", "sent_on"], name="delay_case_sent")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(clock__in=[k.value for k in ClockKind]),
                name="delay_clock_valid",
            )
        ]

    def __str__(self) -> str:
        return f"Delay notice of {self.sent_on:%d %b %Y}"

    @property
    def clock_label(self) -> str:
        return ClockKind(self.clock).label
