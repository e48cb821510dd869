"""The casework clock functions for pauses, and keep-in-touch from contacts logged by staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine

from redress.accounts.models import User
from redress.casework import services as case_services
from redress.casework.calendars import scheme_calendar
from redress.casework.clocks import (
    ClockPauseError,
    deadline_pause,
    deadline_resume,
    paused_clocks,
    refresh_next_due,
)
from redress.casework.models import Case, Direction
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.stages import Outcome, Stage

pytestmark = pytest.mark.django_db

WEDNESDAY = dt.datetime(2026, 3, 4, 11, 0, tzinfo=dt.UTC)
D = dt.date


def _keep_in_touch(case: Case) -> dt.date:
    return case.deadlines.get(kind=ClockKind.KEEP_IN_TOUCH.value).due_on


def _log(case: Case, party: str, actor: User, direction: Direction = Direction.OUTBOUND) -> None:
    case_services.contact_log(
        case=case,
        contact=case_services.NewContact(
            direction=direction,
            channel=Channel.PHONE,
            party=party,
            summary="Progress",
            received_at=WEDNESDAY,
            handled_at=WEDNESDAY,
        ),
        actor=actor,
    )


@time_machine.travel(WEDNESDAY, tick=False)
@pytest.mark.parametrize(
    ("parties", "due"),
    [
        (["Someone at the library"], D(2026, 3, 30)),
        (["the complainant"], D(2026, 3, 30)),
        (["the council"], D(2026, 3, 30)),
        (["the complainant", "Wessex County Council"], D(2026, 4, 1)),
        (["Both parties"], D(2026, 4, 1)),
    ],
)
def test_contacts_logged_by_staff_keep_in_touch_only_when_both_parties_heard(
    case: Case, investigator: User, parties: list[str], due: dt.date
) -> None:
    for party in parties:
        _log(case, party, investigator)
    assert _keep_in_touch(case) == due


@time_machine.travel(WEDNESDAY, tick=False)
def test_a_contact_received_does_not_count_as_an_update(case: Case, investigator: User) -> None:
    _log(case, "Both parties", investigator, Direction.INBOUND)
    assert _keep_in_touch(case) == D(2026, 3, 30)


@time_machine.travel(WEDNESDAY, tick=False)
def test_the_complainants_own_name_counts_as_the_complainant(
    case: Case, investigator: User
) -> None:
    _log(case, f"Rang {case.complainant.full_name}", investigator)
    _log(case, "Link officer", investigator)
    assert _keep_in_touch(case) == D(2026, 4, 1)


@time_machine.travel(WEDNESDAY, tick=False)
def test_pause_and_resume_keep_the_next_due_date_on_running_clocks(case: Case) -> None:
    assert case.next_due_kind == ClockKind.KEEP_IN_TOUCH
    deadline_pause(
        case=case,
        kind=ClockKind.KEEP_IN_TOUCH,
        started_on=D(2026, 3, 4),
        reason="Hospital",
        recorded_by=None,
    )
    assert case.next_due_kind == ClockKind.INVESTIGATION
    assert set(paused_clocks(case)) == {ClockKind.KEEP_IN_TOUCH.value}
    with pytest.raises(ClockPauseError, match="already paused"):
        deadline_pause(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            started_on=D(2026, 3, 4),
            reason="Again",
            recorded_by=None,
        )
    with pytest.raises(ClockPauseError, match="before the day it started"):
        deadline_resume(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            ended_on=D(2026, 3, 3),
            calendar=scheme_calendar(),
        )
    deadline_resume(
        case=case, kind=ClockKind.KEEP_IN_TOUCH, ended_on=D(2026, 3, 4), calendar=scheme_calendar()
    )
    assert (case.next_due_kind, case.next_due_on) == (ClockKind.KEEP_IN_TOUCH, D(2026, 3, 31))
    with pytest.raises(ClockPauseError, match="not paused"):
        deadline_resume(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            ended_on=D(2026, 3, 4),
            calendar=scheme_calendar(),
        )


@time_machine.travel(WEDNESDAY, tick=False)
def test_a_finished_pause_still_counts_when_keep_in_touch_is_worked_out_again(
    case: Case, investigator: User
) -> None:
    deadline_pause(
        case=case,
        kind=ClockKind.KEEP_IN_TOUCH,
        started_on=D(2026, 3, 3),
        reason="Hospital",
        recorded_by=None,
    )
    deadline_resume(
        case=case, kind=ClockKind.KEEP_IN_TOUCH, ended_on=D(2026, 3, 4), calendar=scheme_calendar()
    )
    case.save(update_fields=["next_due_on", "next_due_kind"])
    assert _keep_in_touch(case) == D(2026, 4, 1)
    # Only the complainant hears: the organisation's wait since 2 March still rules, with
    # the two paused days added on.
    _log(case, "the complainant", investigator)
    assert _keep_in_touch(case) == D(2026, 4, 1)
    refresh_next_due(case)
    assert case.next_due_on == D(2026, 4, 1)


def test_a_pause_ends_when_its_clock_stops(
    case: Case, investigator: User, stage_move: Callable[[Case, Stage, User], Case]
) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        deadline_pause(
            case=case,
            kind=ClockKind.INVESTIGATION,
            started_on=D(2026, 3, 4),
            reason="Court case",
            recorded_by=None,
        )
        case.save(update_fields=["next_due_on", "next_due_kind"])
        case = stage_move(case, Stage.DRAFT_DECISION, investigator)
    assert ClockKind.INVESTIGATION.value in paused_clocks(case)
    with time_machine.travel(dt.datetime(2026, 3, 9, 10, tzinfo=dt.UTC), tick=False):
        stage_move(case, Stage.INVESTIGATION, investigator)
        case = Case.objects.get(pk=case.pk)
        assert ClockKind.INVESTIGATION.value in paused_clocks(case)
        case = stage_move(case, Stage.DRAFT_DECISION, investigator)
        case_services.case_move(
            case=case,
            expected_version=case.version,
            target=Stage.DECIDED,
            reason="Final",
            actor=investigator,
            outcome=Outcome.NOT_UPHELD,
        )
    assert paused_clocks(case) == {}
    assert case.clock_pauses.get().ended_on == D(2026, 3, 9)


def test_an_update_during_a_pause_moves_the_base_when_keep_in_touch_restarts(
    case: Case, investigator: User
) -> None:
    with time_machine.travel(dt.datetime(2026, 3, 9, 10, tzinfo=dt.UTC), tick=False):
        deadline_pause(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            started_on=D(2026, 3, 9),
            reason="Hospital",
            recorded_by=None,
        )
    during = dt.datetime(2026, 3, 11, 10, tzinfo=dt.UTC)
    with time_machine.travel(during, tick=False):
        case_services.contact_log(
            case=case,
            contact=case_services.NewContact(
                direction=Direction.OUTBOUND,
                channel=Channel.LETTER,
                party="Both parties",
                summary="Progress",
                received_at=during,
                handled_at=during,
            ),
            actor=investigator,
        )
    with time_machine.travel(dt.datetime(2026, 3, 16, 10, tzinfo=dt.UTC), tick=False):
        deadline_resume(
            case=case,
            kind=ClockKind.KEEP_IN_TOUCH,
            ended_on=D(2026, 3, 13),
            calendar=scheme_calendar(),
        )
    # 20 working days from 11 March is 10 April (over Easter); the two paused days after the
    # update (12 and 13 March) add two more, not the whole pause.
    assert _keep_in_touch(case) == D(2026, 4, 14)
