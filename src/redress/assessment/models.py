"""What an assessor records: the answers to the assessment's questions, and the decision."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from redress.domain.assessment import Answer, OutcomeKind, Question


class Assessment(models.Model):
    """One case's assessment, saved as it is worked and closed by the decision.

    `version` guards the answers against two people saving over each other; the decision
    itself is guarded by the case's own version.
    """

    case = models.OneToOneField(
        "casework.Case", on_delete=models.PROTECT, related_name="assessment"
    )
    notes = models.TextField(blank=True, help_text="The assessor's working notes.")
    version = models.PositiveIntegerField(default=1)
    decision = models.CharField(max_length=20, choices=OutcomeKind.choices(), blank=True)
    reason_codes = models.JSONField(default=list, blank=True)
    signposted_to = models.CharField(max_length=200, blank=True)
    remedy_provided = models.TextField(
        blank=True, help_text="What the organisation had already done to put things right."
    )
    explanation = models.TextField(blank=True, help_text="What the complainant is told.")
    allocated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    allocated_team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="")
                | models.Q(decision__in=[k.value for k in OutcomeKind]),
                name="assessment_decision_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(decision="") | models.Q(decided_at__isnull=False),
                name="assessment_decided_at_set",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment of case {self.case_id}"

    @property
    def decision_enum(self) -> OutcomeKind | None:
        return OutcomeKind(self.decision) if self.decision else None


class AssessmentAnswer(models.Model):
    """The answer to one question of an assessment, with the assessor's note."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    question = models.CharField(max_length=32, choices=Question.choices())
    # Blank while only a note has been written: nothing typed is thrown away.
    answer = models.CharField(max_length=32, choices=Answer.choices(), blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["assessment", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="assessment_answer_one_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(question__in=[q.value for q in Question]),
                name="assessment_answer_question_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(answer="") | models.Q(answer__in=[a.value for a in Answer]),
                name="assessment_answer_answer_valid",
            ),
        ]

    def __str__(self) -> str:
        answer = Answer(self.answer).label if self.answer else "not answered"
        return f"{Question(self.question).label}: {answer}"


class EarlyResolutionAction(models.Model):
    """One action an organisation agreed at early resolution: what, who, and by when.

    Kept as structured rows so that compliance can follow each one up.
    """

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="actions", db_index=False
    )
    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    number = models.PositiveSmallIntegerField()
    action = models.TextField()
    who = models.CharField(max_length=200)
    due_on = models.DateField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "number"], name="early_resolution_action_number"
            ),
        ]
        indexes = [models.Index(fields=["case", "due_on"], name="early_action_case_due")]

    def __str__(self) -> str:
        return f"Action {self.number}: {self.action[:60]}"
