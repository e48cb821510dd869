"""Post-decision reviews and complaints about our service: own clocks, decided by a
manager, an upheld review reopening the case at the stage chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case, Deadline, StageTransition
from redress.casework.services import case_move
from redress.decisions.reviews import NewReview, review_decide, review_record
from redress.domain.categories import Channel
from redress.domain.findings import CommentParty
from redress.domain.reviews import (
    ReviewError,
    ReviewKind,
    ReviewOutcome,
    check_can_record,
    reopen_path,
)
from redress.domain.stages import Outcome, Stage
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

from .conftest import to_investigation

pytestmark = pytest.mark.django_db


def _decided(team: Team, investigator: User, manager: User, council: Organisation) -> Case:
    case = to_investigation(
        make_case(team=team, officer=investigator, organisation=council), manager
    )
    case = case_move(
        case=case, expected_version=case.version, target=Stage.DRAFT_DECISION,
        reason="Draft shared", actor=manager,
    )  # fmt: skip
    return case_move(
        case=case, expected_version=case.version, target=Stage.DECIDED,
        reason="Final decision", outcome=Outcome.NOT_UPHELD, actor=manager,
    )  # fmt: skip


@pytest.fixture
def decided_case(team: Team, investigator: User, manager: User, council: Organisation) -> Case:
    return _decided(team, investigator, manager, council)


def _new(kind: ReviewKind = ReviewKind.REVIEW, received_on: dt.date | None = None) -> NewReview:
    return NewReview(
        kind=kind,
        received_on=received_on or timezone.localdate(),
        party=CommentParty.COMPLAINANT,
        channel=Channel.EMAIL,
        summary="You did not look at the letter from my doctor.",
    )


def test_a_review_request_starts_its_own_clock(decided_case: Case, investigator: User) -> None:
    today = timezone.localdate()
    review = review_record(case=decided_case, new=_new(), actor=investigator)
    assert review.due_on == scheme_calendar(today).add_working_days(today, 20)
    deadline = Deadline.objects.get(case=decided_case, kind="review")
    assert (deadline.due_on, deadline.met_at) == (review.due_on, None)


def test_two_open_requests_share_one_clock_that_follows_the_earliest(
    decided_case: Case, investigator: User, manager: User
) -> None:
    today = timezone.localdate()
    older = review_record(
        case=decided_case, new=_new(received_on=today - dt.timedelta(days=7)), actor=investigator
    )
    newer = review_record(case=decided_case, new=_new(), actor=investigator)
    assert Deadline.objects.get(case=decided_case, kind="review").due_on == older.due_on
    review_decide(review=older, outcome=ReviewOutcome.NOT_UPHELD, reasons="We did.", actor=manager)
    assert Deadline.objects.get(case=decided_case, kind="review").due_on == newer.due_on
    review_decide(review=newer, outcome=ReviewOutcome.NOT_UPHELD, reasons="We did.", actor=manager)
    assert Deadline.objects.get(case=decided_case, kind="review").met_at is not None


def test_a_review_needs_a_decided_or_closed_case(
    team: Team, investigator: User, manager: User, council: Organisation
) -> None:
    case = to_investigation(
        make_case(team=team, officer=investigator, organisation=council), manager
    )
    with pytest.raises(ReviewError, match="final decision"):
        review_record(case=case, new=_new(), actor=investigator)
    # A complaint about our service can come at any time.
    review_record(case=case, new=_new(ReviewKind.SERVICE_COMPLAINT), actor=investigator)
    assert Deadline.objects.get(case=case, kind="service_complaint").met_at is None


def test_not_upheld_stops_the_clock_and_tells_the_person(
    decided_case: Case, investigator: User, manager: User
) -> None:
    review = review_record(case=decided_case, new=_new(), actor=investigator)
    with pytest.raises(PermissionDenied):
        review_decide(
            review=review, outcome=ReviewOutcome.NOT_UPHELD, reasons="No.", actor=investigator
        )
    review_decide(
        review=review, outcome=ReviewOutcome.NOT_UPHELD,
        reasons="The doctor's letter was considered.", actor=manager,
    )  # fmt: skip
    review.refresh_from_db()
    assert (review.outcome, review.decided_by) == ("not_upheld", manager)
    assert Deadline.objects.get(case=decided_case, kind="review").met_at is not None
    letter = Letter.objects.get(
        case=decided_case, subject="Our decision on your request for a review"
    )
    assert "letter was considered" in letter.body
    assert Case.objects.get(pk=decided_case.pk).stage == Stage.DECIDED


@pytest.mark.parametrize("reopen_at", [Stage.ASSESSMENT, Stage.INVESTIGATION])
def test_an_upheld_review_of_a_decided_case_closes_then_reopens_it(
    decided_case: Case, investigator: User, manager: User, reopen_at: Stage
) -> None:
    review = review_record(case=decided_case, new=_new(), actor=investigator)
    with pytest.raises(ReviewError, match="stage"):
        review_decide(review=review, outcome=ReviewOutcome.UPHELD, reasons="Missed.", actor=manager)
    review_decide(
        review=review, outcome=ReviewOutcome.UPHELD, reasons="We missed the doctor's letter.",
        reopen_at=reopen_at, actor=manager,
    )  # fmt: skip
    case = Case.objects.get(pk=decided_case.pk)
    assert (case.stage, case.outcome) == (reopen_at, "")
    moves = list(StageTransition.objects.filter(case=case).values_list("from_stage", "to_stage"))
    assert moves[-2:] == [(Stage.DECIDED, Stage.CLOSED), (Stage.CLOSED, reopen_at)]
    assert Deadline.objects.get(case=case, kind="review").met_at is not None
    parties = set(Letter.objects.filter(case=case).values_list("party", flat=True))
    assert parties == {"Complainant", "Organisation"}


def test_an_upheld_review_of_a_closed_case_reopens_it(
    decided_case: Case, investigator: User, manager: User
) -> None:
    closed = case_move(
        case=decided_case, expected_version=decided_case.version, target=Stage.CLOSED,
        reason="Nothing to monitor", actor=manager,
    )  # fmt: skip
    review = review_record(case=closed, new=_new(), actor=investigator)
    review_decide(
        review=review, outcome=ReviewOutcome.UPHELD, reasons="New evidence.",
        reopen_at=Stage.INVESTIGATION, actor=manager,
    )  # fmt: skip
    assert Case.objects.get(pk=closed.pk).stage == Stage.INVESTIGATION


def test_a_service_complaint_is_decided_without_reopening(
    decided_case: Case, investigator: User, manager: User
) -> None:
    complaint = review_record(
        case=decided_case, new=_new(ReviewKind.SERVICE_COMPLAINT), actor=investigator
    )
    with pytest.raises(ReviewError, match="Only an upheld review"):
        review_decide(
            review=complaint, outcome=ReviewOutcome.UPHELD, reasons="Slow.",
            reopen_at=Stage.INVESTIGATION, actor=manager,
        )  # fmt: skip
    review_decide(
        review=complaint, outcome=ReviewOutcome.PARTLY_UPHELD, reasons="Slow.", actor=manager
    )
    assert Case.objects.get(pk=decided_case.pk).stage == Stage.DECIDED
    assert Deadline.objects.get(case=decided_case, kind="service_complaint").met_at is not None
    assert Letter.objects.filter(subject="Our reply to your complaint about our service").exists()
    with pytest.raises(ReviewError, match="already been decided"):
        review_decide(review=complaint, outcome=ReviewOutcome.UPHELD, reasons="x", actor=manager)


# The rules themselves, without the database.


@pytest.mark.parametrize(
    ("stage", "target", "path"),
    [
        (Stage.CLOSED, Stage.ASSESSMENT, (Stage.ASSESSMENT,)),
        (Stage.CLOSED, Stage.INVESTIGATION, (Stage.INVESTIGATION,)),
        (Stage.DECIDED, Stage.INVESTIGATION, (Stage.CLOSED, Stage.INVESTIGATION)),
        (Stage.COMPLIANCE, Stage.ASSESSMENT, (Stage.CLOSED, Stage.ASSESSMENT)),
    ],
)
def test_an_upheld_review_reopens_through_closed(
    stage: Stage, target: Stage, path: tuple[Stage, ...]
) -> None:
    assert reopen_path(stage, target) == path


@pytest.mark.parametrize(
    ("stage", "target"),
    [(Stage.INVESTIGATION, Stage.ASSESSMENT), (Stage.CLOSED, Stage.DECIDED)],
)
def test_a_review_cannot_reopen_an_open_case_or_at_a_late_stage(
    stage: Stage, target: Stage
) -> None:
    with pytest.raises(ReviewError):
        reopen_path(stage, target)


def test_a_review_needs_a_decision_but_a_service_complaint_does_not() -> None:
    with pytest.raises(ReviewError, match="final decision"):
        check_can_record(ReviewKind.REVIEW, Stage.INVESTIGATION)
    check_can_record(ReviewKind.SERVICE_COMPLAINT, Stage.INVESTIGATION)
    check_can_record(ReviewKind.REVIEW, Stage.DECIDED)
