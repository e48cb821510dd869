"""Reads for the assessment workspace. The case comes from `case_for_user`, so it is
already within the person's scope; these read what hangs off it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case, Deadline
from redress.domain.assessment import (
    Answer,
    Answered,
    Answers,
    ClockReading,
    Question,
    clock_reading,
)
from redress.domain.clocks import ClockKind
from redress.domain.roles import Role
from redress.domain.stages import Stage

from .models import Assessment, EarlyResolutionAction
from .permissions import can_allocate_to_other_teams

if TYPE_CHECKING:
    from collections.abc import Iterable

# A case is in someone's investigation caseload while it is investigated or at draft.
INVESTIGATING_STAGES = (Stage.INVESTIGATION.value, Stage.DRAFT_DECISION.value)


def assessment_of(*, case: Case) -> Assessment | None:
    """The case's assessment with its answers (two queries), or None before the first save."""
    return (
        Assessment.objects.filter(case=case)
        .select_related("decided_by", "allocated_to", "allocated_team")
        .prefetch_related("answers")
        .first()
    )


@dataclass(frozen=True)
class Recorded:
    """What has been saved: the answers given, and every note (answered or not)."""

    answers: dict[Question, Answered]
    notes: dict[Question, str]


def recorded(assessment: Assessment | None) -> Recorded:
    if assessment is None:
        return Recorded({}, {})
    answers: dict[Question, Answered] = {}
    notes: dict[Question, str] = {}
    for row in assessment.answers.all():
        question = Question(row.question)
        notes[question] = row.note
        if row.answer:
            answers[question] = Answered(Answer(row.answer), row.note)
    return Recorded(answers, notes)


def recorded_answers(*, case: Case) -> Answers:
    return recorded(assessment_of(case=case)).answers


def agreed_actions(*, assessment: Assessment | None) -> list[EarlyResolutionAction]:
    if assessment is None:
        return []
    return list(assessment.actions.order_by("number"))


@dataclass(frozen=True)
class AssessmentClock:
    reading: ClockReading
    met_at: dt.datetime | None  # when the decision stopped it


def assessment_clock(*, case: Case, today: dt.date) -> AssessmentClock | None:
    """The 20-working-day assessment clock from the deadline table, or None if it never ran."""
    deadline = Deadline.objects.filter(case=case, kind=ClockKind.ASSESSMENT.value).first()
    if deadline is None:
        return None
    # A stopped clock reads as it stood on the day it stopped.
    on = min(today, _met_on(deadline))
    return AssessmentClock(
        reading=clock_reading(deadline.due_on, on, scheme_calendar(today)),
        met_at=deadline.met_at,
    )


def _met_on(deadline: Deadline) -> dt.date:
    return timezone.localdate(deadline.met_at) if deadline.met_at else dt.date.max


def allocation_teams(*, user: User, case: Case) -> list[Team]:
    """The teams this person may allocate to, each with `open_investigations` (one query)."""
    return list(
        _teams_for(user, case)
        .annotate(
            open_investigations=Count("cases", filter=Q(cases__stage__in=INVESTIGATING_STAGES))
        )
        .order_by("name")
    )


def allocation_investigators(*, user: User, case: Case) -> list[User]:
    """Active investigators in the teams this person may allocate to, each with
    `open_investigations`, their current caseload (one aggregate query, not one per person)."""
    return list(investigators_for(user=user, case=case).order_by("team__name", "last_name", "id"))


def investigators_for(*, user: User, case: Case) -> QuerySet[User]:
    return (
        User.objects.filter(
            role=Role.INVESTIGATOR.value, is_active=True, team__in=_teams_for(user, case)
        )
        .select_related("team")
        .annotate(
            open_investigations=Count(
                "assigned_cases", filter=Q(assigned_cases__stage__in=INVESTIGATING_STAGES)
            )
        )
    )


def teams_for(*, user: User, case: Case) -> QuerySet[Team]:
    return _teams_for(user, case)


def _teams_for(user: User, case: Case) -> QuerySet[Team]:
    if can_allocate_to_other_teams(user):
        return Team.objects.all()
    own: Iterable[int | None] = (case.team_id, user.team_id)
    return Team.objects.filter(pk__in=[pk for pk in own if pk is not None])


def still_visible(*, user: User, case: Case) -> bool:
    """Whether `user` can still see `case` (after allocating it to another team, say)."""
    return Case.objects.visible_to(user).filter(pk=case.pk).exists()
