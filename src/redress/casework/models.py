"""The case and what hangs off it: parties, stage history, notes, contacts and deadlines."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

from redress.domain.categories import SUBCATEGORY_LABELS, Category, Channel
from redress.domain.clocks import ClockKind
from redress.domain.stages import Outcome, ReasonCode, Stage

from .querysets import AppendOnlyQuerySet, CaseQuerySet

if TYPE_CHECKING:
    from redress.accounts.models import User  # noqa: F401


class AppendOnlyError(RuntimeError):
    """History rows are never changed or removed once written."""


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted.")


class ContactPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"


class Person(models.Model):
    """Someone who complains, or who represents the person who does."""

    title = models.CharField(max_length=20, blank=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    email = models.EmailField(blank=True, db_index=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    preferred_contact = models.CharField(
        max_length=10, choices=ContactPreference.choices, default=ContactPreference.EMAIL
    )
    reasonable_adjustments = models.TextField(
        blank=True, help_text="What the person needs from us to use the service on equal terms."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)


class Case(models.Model):
    reference = models.CharField(max_length=10, unique=True)
    received_on = models.DateField(db_index=True)
    channel = models.CharField(max_length=16, choices=Channel.choices())
    # Indexed by case_org_received, which starts with it.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,
    )
    other_organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="joint_cases"
    )
    category = models.CharField(max_length=32, choices=Category.choices())
    subcategory = models.CharField(max_length=64, blank=True)
    summary = models.TextField()
    outcome_sought = models.TextField(blank=True)
    complainant = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cases")
    representative = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="represented_cases"
    )
    representative_authority = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the representative's authority or the person's consent was given.",
    )
    stage = models.CharField(max_length=20, choices=Stage.choices(), default=Stage.INTAKE)
    outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    reason_codes = models.JSONField(default=list, blank=True)
    # Indexed by case_team_stage_due, which starts with it.
    team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    sensitive = models.BooleanField(
        default=False, help_text="Only the officer and the team's managers may see it."
    )
    # The earliest open deadline, kept by the services that write deadlines, so that a
    # workqueue of a million cases sorts by what is due next from one index.
    next_due_on = models.DateField(null=True, blank=True)
    next_due_kind = models.CharField(max_length=32, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            # Queues hold open cases; closed ones (most of the table) stay out of these.
            models.Index(
                fields=["officer", "next_due_on", "id"],
                condition=~models.Q(stage="closed"),
                name="case_officer_open_due",
            ),
            models.Index(
                fields=["team", "next_due_on", "id"],
                condition=~models.Q(stage="closed"),
                name="case_team_open_due",
            ),
            models.Index(fields=["team", "stage", "next_due_on"], name="case_team_stage_due"),
            models.Index(fields=["organisation", "received_on"], name="case_org_received"),
            models.Index(fields=["stage", "next_due_on"], name="case_stage_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage__in=[s.value for s in Stage]), name="case_stage_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="") | models.Q(outcome__in=[o.value for o in Outcome]),
                name="case_outcome_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=[c.value for c in Category]),
                name="case_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=[c.value for c in Channel]),
                name="case_channel_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def stage_enum(self) -> Stage:
        return Stage(self.stage)

    @property
    def outcome_enum(self) -> Outcome | None:
        return Outcome(self.outcome) if self.outcome else None

    @property
    def category_label(self) -> str:
        return Category(self.category).label

    @property
    def subcategory_label(self) -> str:
        return SUBCATEGORY_LABELS.get(self.subcategory, "")

    @property
    def reason_code_labels(self) -> list[tuple[str, str]]:
        return [(code, ReasonCode(code).label) for code in self.reason_codes]


class StageTransition(AppendOnlyModel):
    """One change of stage: the lifecycle's audit trail and the input of every clock."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="transitions", db_index=False
    )
    from_stage = models.CharField(max_length=20, choices=Stage.choices(), blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices())
    outcome = models.CharField(max_length=40, choices=Outcome.choices(), blank=True)
    reason_codes = models.JSONField(default=list, blank=True)
    reason = models.TextField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["case", "at"], name="transition_case_at"),
            models.Index(fields=["to_stage", "at"], name="transition_stage_at"),
        ]

    def __str__(self) -> str:
        return f"{self.from_label} to {self.to_label}"

    @property
    def from_label(self) -> str:
        return Stage(self.from_stage).label if self.from_stage else "New"

    @property
    def to_label(self) -> str:
        return Stage(self.to_stage).label

    @property
    def outcome_label(self) -> str:
        return Outcome(self.outcome).label if self.outcome else ""


class CaseNote(AppendOnlyModel):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="notes", db_index=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    at = models.DateTimeField()

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"], name="note_case_at")]

    def __str__(self) -> str:
        return f"Note by {self.author} at {self.at:%d %b %Y %H:%M}"


class Direction(models.TextChoices):
    INBOUND = "in", "Received"
    OUTBOUND = "out", "Sent"


class Contact(models.Model):
    """A call, letter, email or message to or from a party, for the contact KPIs."""

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="contacts", db_index=False
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    channel = models.CharField(max_length=16, choices=Channel.choices())
    party = models.CharField(max_length=100, help_text="Who it was with.")
    summary = models.TextField()
    received_at = models.DateTimeField()
    handled_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "id"]
        indexes = [
            models.Index(fields=["case", "received_at"], name="contact_case_received"),
            models.Index(fields=["handled_at", "received_at"], name="contact_handled"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=[c.value for c in Channel]),
                name="contact_channel_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(handled_at__isnull=True)
                | models.Q(handled_at__gte=models.F("received_at")),
                name="contact_handled_after_received",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.channel_label.lower()}: {self.party}"

    @property
    def channel_label(self) -> str:
        return Channel(self.channel).label


class Deadline(models.Model):
    """A clock's current due date, written by the service that starts, pauses or stops it."""

    # Indexed by the unique (case, kind) constraint, which starts with it.
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="deadlines", db_index=False
    )
    kind = models.CharField(max_length=32)
    due_on = models.DateField()
    met_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], name="deadline_one_per_kind"),
        ]
        indexes = [models.Index(fields=["due_on"], name="deadline_due")]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due_on:%d %b %Y}"


class ClockPause(models.Model):
    """A clock stood still from `started_on` to `ended_on` (both included) for a reason.

    Rows are kept once the pause ends: KPIs are reported both with and without pauses.
    `ended_on` is empty while the pause is still running; one running pause per clock.
    """

    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, related_name="clock_pauses", db_index=False
    )
    kind = models.CharField(max_length=32, choices=ClockKind.choices())
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["started_on", "id"]
        indexes = [models.Index(fields=["case", "kind"], name="pause_case_kind")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=[k.value for k in ClockKind]),
                name="pause_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="pause_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["case", "kind"],
                condition=models.Q(ended_on__isnull=True),
                name="pause_one_running_per_clock",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} paused from {self.started_on:%d %b %Y}"

    @property
    def kind_label(self) -> str:
        return ClockKind(self.kind).label


class ReferenceCounter(models.Model):
    """The last case reference issued in a registration year (locked when issuing the next)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_sequence = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_sequence}"


class OfficeClosure(models.Model):
    """A day the scheme's offices are closed beyond the bank holidays (not a working day)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.reason}"


class DocumentSource(models.TextChoices):
    COMPLAINANT = "complainant", "The complainant or their representative"
    ORGANISATION = "organisation", "The organisation"
    SCHEME = "scheme", "The scheme"


def _document_path(instance: Document, filename: str) -> str:
    # Stored under a random name: the original name is kept in the row, never trusted on disk.
    return f"documents/{instance.case_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file on a case (evidence, a response, a letter), kept outside the web root."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=_document_path, max_length=200)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, help_text="What the content showed it to be.")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    source = models.CharField(max_length=20, choices=DocumentSource.choices)
    description = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return self.original_name
