"""Which clocks run at each stage, and their due dates."""

import datetime as dt

import pytest

from redress.domain.calendar import WorkingCalendar, england_and_wales_bank_holidays
from redress.domain.clocks import ClockKind, deadline_plan, due_date, keep_in_touch_restarts
from redress.domain.stages import Stage

CALENDAR = WorkingCalendar(england_and_wales_bank_holidays(range(2022, 2028)))


def test_registration_starts_the_assessment_clock_from_receipt() -> None:
    # Received Thursday 18 Dec 2025: 20 working days skip Christmas, Boxing Day and New Year.
    plan = deadline_plan(
        entering=Stage.INTAKE,
        received_on=dt.date(2025, 12, 18),
        today=dt.date(2025, 12, 18),
        running=frozenset(),
        calendar=CALENDAR,
    )
    assert plan.start == {ClockKind.ASSESSMENT: dt.date(2026, 1, 20)}
    assert plan.stop == frozenset()


def test_moving_to_assessment_keeps_the_running_clock() -> None:
    plan = deadline_plan(
        entering=Stage.ASSESSMENT,
        received_on=dt.date(2026, 3, 2),
        today=dt.date(2026, 3, 5),
        running=frozenset({ClockKind.ASSESSMENT}),
        calendar=CALENDAR,
    )
    assert plan.start == {}
    assert plan.stop == frozenset()


def test_investigation_stops_assessment_and_starts_its_own_clocks() -> None:
    plan = deadline_plan(
        entering=Stage.INVESTIGATION,
        received_on=dt.date(2026, 3, 2),
        today=dt.date(2026, 3, 20),
        running=frozenset({ClockKind.ASSESSMENT}),
        calendar=CALENDAR,
    )
    assert plan.stop == {ClockKind.ASSESSMENT}
    # 13 calendar weeks from receipt; keep-in-touch 20 working days from today, over Easter.
    assert plan.start[ClockKind.INVESTIGATION] == dt.date(2026, 6, 1)
    assert plan.start[ClockKind.KEEP_IN_TOUCH] == dt.date(2026, 4, 21)


@pytest.mark.parametrize("stage", [Stage.CLOSED, Stage.COMPLIANCE, Stage.DECIDED])
def test_ending_stages_stop_every_stage_clock(stage: Stage) -> None:
    running = frozenset({ClockKind.INVESTIGATION, ClockKind.KEEP_IN_TOUCH})
    plan = deadline_plan(
        entering=stage,
        received_on=dt.date(2026, 1, 5),
        today=dt.date(2026, 5, 5),
        running=running,
        calendar=CALENDAR,
    )
    assert plan.stop == running
    assert plan.start == {}


def test_written_contact_clock_is_not_stopped_by_a_stage_change() -> None:
    plan = deadline_plan(
        entering=Stage.CLOSED,
        received_on=dt.date(2026, 1, 5),
        today=dt.date(2026, 1, 6),
        running=frozenset({ClockKind.WRITTEN_CONTACT}),
        calendar=CALENDAR,
    )
    assert plan.stop == frozenset()


def test_written_contact_received_on_saturday_is_due_on_thursday() -> None:
    assert due_date(ClockKind.WRITTEN_CONTACT, dt.date(2026, 11, 21), CALENDAR) == dt.date(
        2026, 11, 26
    )


@pytest.mark.parametrize(
    ("stage", "restarts"),
    [
        (Stage.INVESTIGATION, True),
        (Stage.DRAFT_DECISION, True),
        (Stage.ASSESSMENT, False),
        (Stage.CLOSED, False),
    ],
)
def test_keep_in_touch_restarts_only_while_investigating(stage: Stage, restarts: bool) -> None:
    assert keep_in_touch_restarts(stage) is restarts


def test_a_reopened_case_starts_its_clocks_from_the_reopening() -> None:
    plan = deadline_plan(
        entering=Stage.ASSESSMENT,
        received_on=dt.date(2025, 1, 6),
        today=dt.date(2026, 3, 2),
        running=frozenset(),
        calendar=CALENDAR,
        reopened=True,
    )
    assert plan.start == {ClockKind.ASSESSMENT: dt.date(2026, 3, 30)}
