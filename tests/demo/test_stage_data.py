"""`redress generate_stage_data`: investigation rows for a generated caseload, with the
enquiry clock and each case's next due date exactly as the services would leave them."""

from __future__ import annotations

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import refresh_next_due
from redress.casework.models import Case, ClockPause, Deadline
from redress.demo.stage_data.plan import OpenCase, Planner
from redress.domain.clocks import ClockKind
from redress.investigation.enquiries import enquiry_clock_refresh
from redress.investigation.models import ComplaintIssue, Enquiry, StatementOfComplaint

pytestmark = pytest.mark.django_db
INVESTIGATING = ("investigation", "draft_decision")
ENQUIRY = ClockKind.ENQUIRY_REPLY.value


@pytest.fixture
def filled() -> str:
    call_command("generate", cases=1_500, seed=11, stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("generate_stage_data", seed=5, chunk_size=40, stdout=out, stderr=StringIO())
    return out.getvalue()


def _counts() -> tuple[int, ...]:
    return (
        StatementOfComplaint.objects.count(),
        ComplaintIssue.objects.count(),
        Enquiry.objects.count(),
        Deadline.objects.count(),
    )


def test_every_case_investigated_gets_a_statement_and_issues(filled: str) -> None:
    investigating = Case.objects.filter(stage__in=INVESTIGATING)
    assert investigating.count() > 20
    assert "Stage data for" in filled
    issues: dict[int, list[int]] = defaultdict(list)
    for case_id, number in ComplaintIssue.objects.order_by("case", "number").values_list(
        "case_id", "number"
    ):
        issues[case_id].append(number)
    for case in investigating:
        assert StatementOfComplaint.objects.filter(case=case).exists()
        assert issues[case.pk] == list(range(1, len(issues[case.pk]) + 1))
        assert 1 <= len(issues[case.pk]) <= 4
    assert not StatementOfComplaint.objects.exclude(case__stage__in=INVESTIGATING).exists()


def test_enquiries_are_in_every_state(filled: str) -> None:
    today = timezone.localdate()
    enquiries = Enquiry.objects.all()
    assert enquiries.filter(answered_at__isnull=False).exists()
    assert enquiries.filter(answered_at__isnull=True, due_on__gte=today).exists()
    overdue = enquiries.filter(answered_at__isnull=True, due_on__lt=today)
    assert overdue.exists()
    # Chased each working day after the due date: one that fell due on the last working
    # day (say a Friday, on a Sunday) has had no working day to be chased on yet.
    calendar = scheme_calendar()
    for e in overdue:
        chased_by_now = calendar.add_working_days(e.due_on, 1) <= today
        assert (e.chasers_sent >= 1 and e.last_chased_on is not None) is chased_by_now
    assert any(e.chasers_sent >= 1 for e in overdue)
    assert not enquiries.filter(case__stage="draft_decision", answered_at__isnull=True).exists()
    for enquiry in enquiries:
        assert enquiry.sent_on < enquiry.due_on
        assert enquiry.organisation_id == enquiry.case.organisation_id


def test_clocks_are_what_the_services_would_leave(filled: str) -> None:
    """Running the services' own refresh over every case changes nothing."""
    calendar = scheme_calendar()
    cases = list(Case.objects.filter(stage__in=INVESTIGATING).select_related("organisation"))
    for case in cases:
        waiting = Enquiry.objects.filter(case=case, answered_at__isnull=True)
        clock = Deadline.objects.filter(case=case, kind=ENQUIRY).first()
        if waiting.exists():
            assert clock is not None
            assert clock.met_at is None
            assert clock.due_on == min(e.due_on for e in waiting)
        elif Enquiry.objects.filter(case=case).exists():
            assert clock is not None
            assert clock.met_at is not None
        before = (
            sorted(Deadline.objects.filter(case=case).values_list("kind", "due_on", "met_at")),
            case.next_due_on,
            case.next_due_kind,
        )
        with transaction.atomic():
            locked = Case.objects.select_for_update().get(pk=case.pk)
            if Enquiry.objects.filter(case=case).exists():
                enquiry_clock_refresh(locked, calendar)
            refresh_next_due(locked)
            after = (
                sorted(Deadline.objects.filter(case=case).values_list("kind", "due_on", "met_at")),
                locked.next_due_on,
                locked.next_due_kind,
            )
            # The met time of a clock stopped again would be now: compare what it means.
            assert [(k, d, m is None) for k, d, m in after[0]] == [
                (k, d, m is None) for k, d, m in before[0]
            ]
            assert after[1:] == before[1:], case.reference
            transaction.set_rollback(True)


def test_next_due_is_the_earliest_running_clock_everywhere(filled: str) -> None:
    paused = set(ClockPause.objects.filter(ended_on__isnull=True).values_list("case_id", "kind"))
    earliest: dict[int, tuple[object, str]] = {}
    for case_id, kind, due_on in Deadline.objects.filter(met_at__isnull=True).values_list(
        "case_id", "kind", "due_on"
    ):
        if (case_id, kind) in paused:
            continue
        if case_id not in earliest or (due_on, kind) < earliest[case_id]:
            earliest[case_id] = (due_on, kind)
    for pk, due, kind in Case.objects.values_list("pk", "next_due_on", "next_due_kind"):
        assert (due, kind) == earliest.get(pk, (None, ""))


def test_a_second_run_adds_nothing(filled: str) -> None:
    before = _counts()
    out = StringIO()
    call_command("generate_stage_data", seed=5, stdout=out, stderr=StringIO())
    assert _counts() == before
    assert "Stage data for 0 cases" in out.getvalue()


def test_the_same_seed_plans_the_same_rows() -> None:
    now = timezone.localtime()
    calendar = scheme_calendar(now.date())
    case = OpenCase(
        id=42,
        stage="investigation",
        organisation_id=1,
        officer_id=1,
        received_on=now.date().replace(day=1).replace(year=now.year - 1),
        started_on=now.date().replace(year=now.year - 1),
        running={},
        paused=frozenset(),
        next_due=(None, ""),
    )
    first = Planner(calendar, now, seed=3).plan(case)
    again = Planner(calendar, now, seed=3).plan(case)
    assert first == again


def test_a_case_already_being_worked_is_left_alone() -> None:
    call_command("generate", cases=600, seed=11, stdout=StringIO(), stderr=StringIO())
    worked = Case.objects.filter(stage="investigation").order_by("pk").first()
    assert worked is not None
    ComplaintIssue.objects.create(case=worked, number=1, description="Typed by a person.")
    call_command("generate_stage_data", seed=5, stdout=StringIO(), stderr=StringIO())
    assert not StatementOfComplaint.objects.filter(case=worked).exists()
    assert list(worked.issues.values_list("description", flat=True)) == ["Typed by a person."]
    assert StatementOfComplaint.objects.exclude(case=worked).exists()
