"""Findings on each issue, the decision built from them, comments on the draft, quality
checks, and post-decision reviews and complaints about the scheme's service."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.conf import settings
from django.db import models

from redress.domain.categories import Channel
from redress.domain.decision_text import Section
from redress.domain.findings import (
    OPEN_STATUSES,
    Causation,
    CommentParty,
    DecisionStatus,
    Fault,
    InjusticeKind,
    QualityCheckResult,
    injustice_kinds_from,
)
from redress.domain.reviews import ReviewKind, ReviewOutcome
from redress.domain.stages import Outcome, Stage


def _valid(
    field: str, values: Iterable[StrEnum], name: str, *, blank: bool = False
) -> models.CheckConstraint:
    allowed = models.Q(**{f"{field}__in": [v.value for v in values]})
    if blank:
        allowed |= models.Q(**{field: ""})
    return models.CheckConstraint(condition=allowed, name=name)


class Finding(models.Model):
    """What the investigator found on one numbered issue of the statement of complaint."""

    issue = models.OneToOneField(
        "investigation.ComplaintIssue", on_delete=models.PROTECT, related_name="finding"
    )
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="findings", db_index=False
    )
    what_happened = models.TextField()
    what_should_have_happened = models.TextField(
        help_text="The law, guidance or policy that applies."
    )
    fault = models.CharField(max_length=10, choices=Fault.choices())
    injustice_kinds = models.JSONField(default=list, blank=True)
    injustice = models.TextField(blank=True)
    causation = models.CharField(max_length=20, choices=Causation.choices(), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["case"], name="finding_case")]
        constraints = [
            _valid("fault", Fault, "finding_fault_valid"),
            _valid("causation", Causation, "finding_causation_valid", blank=True),
        ]

    def __str__(self) -> str:
        return f"Finding on issue {self.issue_id}"

    @property
    def injustice_labels(self) -> list[str]:
        return [kind.label for kind in injustice_kinds_from(self.injustice_kinds)]

    @property
    def kinds(self) -> tuple[InjusticeKind, ...]:
        return injustice_kinds_from(self.injustice_kinds)


SECTION_FIELDS: tuple[str, ...] = tuple(section.value for section in Section)


class Decision(models.Model):
    """One decision on a case: the draft's sections, sharing, checking and issuing.

    A case has at most one decision being worked on; one sent back to investigation is
    superseded and kept, and a case reopened after a review gets a new one.
    """

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="decisions")
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices(), default=DecisionStatus.DRAFTING
    )
    override_outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    override_reason = models.TextField(blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)
    # The draft, one field per section of the decision statement (see Section).
    summary = models.TextField(blank=True)
    complaint = models.TextField(blank=True)
    scope = models.TextField(blank=True)
    background = models.TextField(blank=True)
    consideration = models.TextField(blank=True)
    findings = models.TextField(blank=True)
    conclusions = models.TextField(blank=True)
    agreed_action = models.TextField(blank=True)
    final_decision = models.TextField(blank=True)
    assembled_at = models.DateTimeField(null=True, blank=True)
    shared_outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    comments_due_on = models.DateField(null=True, blank=True)
    issued_outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    draft_document = models.ForeignKey(
        "casework.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    final_document = models.ForeignKey(
        "casework.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The remedy guidance the decision's remedies relied on (set with the first action).
    guidance_version = models.ForeignKey(
        "remedies.GuidanceVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            _valid("status", DecisionStatus, "decision_status_valid"),
            _valid("override_outcome", Outcome, "decision_override_valid", blank=True),
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=sorted(s.value for s in OPEN_STATUSES)),
                name="decision_one_open_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"Decision {self.pk} on case {self.case_id}"

    @property
    def status_enum(self) -> DecisionStatus:
        return DecisionStatus(self.status)

    @property
    def override_enum(self) -> Outcome | None:
        return Outcome(self.override_outcome) if self.override_outcome else None

    @property
    def sections(self) -> list[tuple[Section, str]]:
        return [(section, getattr(self, section.value)) for section in Section]

    @property
    def has_text(self) -> bool:
        return any(text.strip() for _, text in self.sections)


class DraftComment(models.Model):
    """A party's comment on a shared draft, and the scheme's response to it."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="comments")
    party = models.CharField(max_length=20, choices=CommentParty.choices())
    channel = models.CharField(max_length=16, choices=Channel.choices())
    text = models.TextField()
    received_at = models.DateTimeField()
    # Who sent it: a portal user, or a member of staff recording a letter, email or call.
    from_person = models.ForeignKey(
        "casework.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        constraints = [
            _valid("party", CommentParty, "comment_party_valid"),
            _valid("channel", Channel, "comment_channel_valid"),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} from {self.party}"

    @property
    def party_label(self) -> str:
        return CommentParty(self.party).label

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label


class QualityCheck(models.Model):
    """A manager's check of a decision before it is issued (never changed once made)."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="checks")
    result = models.CharField(max_length=10, choices=QualityCheckResult.choices())
    # Internal: never shown to the parties.
    notes = models.TextField(blank=True)
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        constraints = [_valid("result", QualityCheckResult, "check_result_valid")]

    def __str__(self) -> str:
        return f"{self.get_result_display()} by {self.checker}"


class ReviewRequest(models.Model):
    """A post-decision review request or a complaint about our service, on its own clock."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="review_requests"
    )
    kind = models.CharField(max_length=20, choices=ReviewKind.choices())
    received_on = models.DateField()
    party = models.CharField(max_length=20, choices=CommentParty.choices(), help_text="Who asked.")
    channel = models.CharField(max_length=16, choices=Channel.choices())
    summary = models.TextField()
    due_on = models.DateField()
    outcome = models.CharField(max_length=20, choices=ReviewOutcome.choices(), blank=True)
    reasons = models.TextField(blank=True)
    reopened_at = models.CharField(max_length=20, choices=Stage.choices(), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["case", "kind"], name="review_case_kind")]
        constraints = [
            _valid("kind", ReviewKind, "review_kind_valid"),
            _valid("outcome", ReviewOutcome, "review_outcome_valid", blank=True),
            _valid("channel", Channel, "review_channel_valid"),
            _valid("party", CommentParty, "review_party_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} on case {self.case_id}"

    @property
    def kind_label(self) -> str:
        return ReviewKind(self.kind).label

    @property
    def outcome_label(self) -> str:
        return ReviewOutcome(self.outcome).label if self.outcome else ""

    @property
    def party_label(self) -> str:
        return CommentParty(self.party).label

    @property
    def is_open(self) -> bool:
        return not self.outcome
