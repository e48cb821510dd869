"""Investigation services: the statement, issues, evidence, pauses, delays and updates."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, ClockPause, Contact, Direction
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.investigation import UpdatedParty
from redress.domain.stages import Stage
from redress.investigation import services
from redress.investigation.models import ComplaintIssue, EvidenceSource
from redress.notifications.models import Letter

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
D = dt.date


def _due(case: Case, kind: ClockKind) -> dt.date:
    return case.deadlines.get(kind=kind.value, met_at__isnull=True).due_on


@time_machine.travel(WEDNESDAY, tick=False)
def test_the_statement_is_written_then_changed_and_each_write_is_audited(
    case: Case, investigator: User
) -> None:
    statement = services.statement_save(
        case=case,
        period_from=D(2025, 3, 1),
        period_to=D(2025, 9, 30),
        not_investigated="The 2019 assessment: too long ago.",
        actor=investigator,
    )
    services.statement_save(
        case=case,
        period_from=D(2025, 4, 1),
        period_to=D(2025, 9, 30),
        not_investigated="The 2019 assessment: too long ago.",
        actor=investigator,
    )
    statement.refresh_from_db()
    assert statement.period_from == D(2025, 4, 1)
    actions = list(
        AuditEvent.objects.filter(object_type="investigation.statementofcomplaint")
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update"]
    with pytest.raises(services.InvestigationError, match="same as or after"):
        services.statement_save(
            case=case,
            period_from=D(2025, 4, 1),
            period_to=D(2025, 3, 1),
            not_investigated="",
            actor=investigator,
        )


@pytest.mark.parametrize("who", ["colleague", "assessor", "outsider", "compliance_officer"])
def test_only_the_cases_investigator_or_a_manager_may_work_it(
    case: Case, who: str, request: pytest.FixtureRequest
) -> None:
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.issue_add(case=case, description="Delay in assessment", actor=actor)


def test_a_manager_may_work_any_case_in_the_team(case: Case, manager: User) -> None:
    assert services.issue_add(case=case, description="Delay", actor=manager).number == 1


def test_issues_are_numbered_changed_and_reordered(case: Case, investigator: User) -> None:
    first = services.issue_add(case=case, description="Delay in assessment", actor=investigator)
    second = services.issue_add(
        case=case, description="Poor complaint handling", actor=investigator
    )
    third = services.issue_add(case=case, description="Unsuitable housing", actor=investigator)
    services.issue_edit(issue=second, description="Complaint handling", actor=investigator)
    services.issues_reorder(case=case, order=[third.pk, first.pk, second.pk], actor=investigator)
    assert list(ComplaintIssue.objects.filter(case=case).values_list("number", "description")) == [
        (1, "Unsuitable housing"),
        (2, "Delay in assessment"),
        (3, "Complaint handling"),
    ]
    with pytest.raises(services.InvestigationError, match="each issue exactly once"):
        services.issues_reorder(case=case, order=[third.pk, first.pk], actor=investigator)


def test_issues_are_fixed_once_the_draft_decision_begins(
    case: Case, investigator: User, stage_move: object
) -> None:
    issue = services.issue_add(case=case, description="Delay", actor=investigator)
    moved = stage_move(case, Stage.DRAFT_DECISION, investigator)  # type: ignore[operator]
    issue.case = moved
    with pytest.raises(services.InvestigationError, match="cannot be changed"):
        services.issue_edit(issue=issue, description="Changed", actor=investigator)
    with pytest.raises(services.InvestigationError, match="cannot be changed"):
        services.issue_add(case=moved, description="Another", actor=investigator)


@time_machine.travel(WEDNESDAY, tick=False)
def test_evidence_is_registered_against_issues(
    case: Case, investigator: User, other_case: Case
) -> None:
    issue = services.issue_add(case=case, description="Delay", actor=investigator)
    item = services.evidence_add(
        case=case,
        source=EvidenceSource.COMPLAINANT,
        received_on=D(2026, 3, 3),
        description="Letters from the council, March to June 2025",
        issues=[issue],
        actor=investigator,
    )
    assert list(item.issues.all()) == [issue]
    with pytest.raises(services.InvestigationError, match="future"):
        services.evidence_add(
            case=case,
            source=EvidenceSource.SCHEME,
            received_on=D(2026, 3, 5),
            description="Site visit",
            actor=investigator,
        )
    foreign = ComplaintIssue.objects.create(case=other_case, number=1, description="Other")
    with pytest.raises(services.InvestigationError, match="this case"):
        services.evidence_add(
            case=case,
            source=EvidenceSource.SCHEME,
            received_on=D(2026, 3, 3),
            description="Site visit",
            issues=[foreign],
            actor=investigator,
        )


def test_a_paused_clock_stands_still_and_its_due_date_moves_on_resumption(
    case: Case, investigator: User
) -> None:
    assert _due(case, ClockKind.KEEP_IN_TOUCH) == D(2026, 3, 30)
    with time_machine.travel(dt.datetime(2026, 3, 9, 10, tzinfo=dt.UTC), tick=False):
        services.clock_pause(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            started_on=D(2026, 3, 9),
            reason="The complainant is in hospital and asked us not to write.",
            actor=investigator,
        )
        case.refresh_from_db()
        # The paused clock no longer drives the case's next due date.
        assert case.next_due_kind != ClockKind.KEEP_IN_TOUCH
        with pytest.raises(services.InvestigationError, match="already paused"):
            services.clock_pause(
                case=case,
                kind=ClockKind.KEEP_IN_TOUCH,
                started_on=D(2026, 3, 9),
                reason="Again",
                actor=investigator,
            )
    with time_machine.travel(dt.datetime(2026, 4, 20, 10, tzinfo=dt.UTC), tick=False):
        # Weeks later it is not overdue: it is paused.
        case.refresh_from_db()
        assert case.next_due_kind == ClockKind.INVESTIGATION
        services.clock_resume(
            case=case, kind=ClockKind.KEEP_IN_TOUCH, ended_on=D(2026, 3, 13), actor=investigator
        )
    case.refresh_from_db()
    # Paused Monday to Friday: five working days later than 30 March.
    assert _due(case, ClockKind.KEEP_IN_TOUCH) == D(2026, 4, 8)
    assert case.next_due_kind == ClockKind.KEEP_IN_TOUCH
    pause = ClockPause.objects.get(case=case)
    assert (pause.started_on, pause.ended_on) == (D(2026, 3, 9), D(2026, 3, 13))
    assert AuditEvent.objects.filter(object_type="casework.clockpause").count() == 2


@time_machine.travel(WEDNESDAY, tick=False)
def test_pausing_needs_a_running_clock_and_a_reason(case: Case, investigator: User) -> None:
    with pytest.raises(services.InvestigationError, match="not running"):
        services.clock_pause(
            case=case,
            kind=ClockKind.ENQUIRY_REPLY,
            started_on=D(2026, 3, 4),
            reason="Waiting",
            actor=investigator,
        )
    with pytest.raises(services.InvestigationError, match="reason"):
        services.clock_pause(
            case=case,
            kind=ClockKind.INVESTIGATION,
            started_on=D(2026, 3, 4),
            reason=" ",
            actor=investigator,
        )
    with pytest.raises(services.InvestigationError, match="not paused"):
        services.clock_resume(
            case=case, kind=ClockKind.INVESTIGATION, ended_on=D(2026, 3, 4), actor=investigator
        )


@time_machine.travel(WEDNESDAY, tick=False)
def test_a_delay_notice_goes_to_both_parties_as_an_update(case: Case, investigator: User) -> None:
    notice = services.delay_notice_send(
        case=case,
        clock=ClockKind.INVESTIGATION,
        reason="the council has not yet sent us the records we need.",
        expected_by=D(2026, 7, 31),
        actor=investigator,
    )
    letters = Letter.objects.filter(case=case).order_by("party")
    assert [letter.party for letter in letters] == ["Complainant", "Organisation"]
    assert all(
        "We cannot meet the timescale because the council" in letter.body for letter in letters
    )
    sent = Contact.objects.filter(case=case, direction=Direction.OUTBOUND)
    assert sent.count() == 2
    assert notice.sent_on == D(2026, 3, 4)
    case.refresh_from_db()
    # Both parties heard on 4 March: keep-in-touch is due 20 working days later.
    assert _due(case, ClockKind.KEEP_IN_TOUCH) == D(2026, 4, 1)
    with pytest.raises(services.InvestigationError, match="why"):
        services.delay_notice_send(
            case=case, clock=ClockKind.INVESTIGATION, reason="  ", actor=investigator
        )


@time_machine.travel(WEDNESDAY, tick=False)
def test_keep_in_touch_waits_for_the_party_who_has_waited_longest(
    case: Case, investigator: User
) -> None:
    services.party_update_record(
        case=case,
        parties=[UpdatedParty.COMPLAINANT],
        channel=Channel.PHONE,
        summary="Explained what we have asked the council.",
        sent_at=WEDNESDAY,
        actor=investigator,
    )
    case.refresh_from_db()
    # Only the complainant heard: the organisation still waits from 2 March.
    assert _due(case, ClockKind.KEEP_IN_TOUCH) == D(2026, 3, 30)
    services.party_update_record(
        case=case,
        parties=[UpdatedParty.ORGANISATION],
        channel=Channel.EMAIL,
        summary="Progress update",
        sent_at=WEDNESDAY,
        actor=investigator,
    )
    case.refresh_from_db()
    assert _due(case, ClockKind.KEEP_IN_TOUCH) == D(2026, 4, 1)
    parties = list(Contact.objects.filter(case=case).values_list("party", flat=True))
    assert parties[-1].startswith("Organisation: Complaints team, Wessex County Council")


def test_an_update_needs_a_party_and_a_summary(case: Case, investigator: User) -> None:
    with pytest.raises(services.InvestigationError, match="who"):
        services.party_update_record(
            case=case,
            parties=[],
            channel=Channel.PHONE,
            summary="x",
            sent_at=dt.datetime.now(tz=dt.UTC),
            actor=investigator,
        )
