"""Investigation rules: enquiry due dates, chasers, pauses, keep-in-touch and delay notices."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.calendar import (
    Clock,
    ClockUnit,
    Pause,
    WorkingCalendar,
    england_and_wales_bank_holidays,
)
from redress.domain.clocks import ClockKind
from redress.domain.investigation import (
    InvestigationRuleError,
    UpdatedParty,
    chaser_due,
    check_enquiry_due_on,
    check_pause,
    check_resume,
    delay_notice_needed,
    due_after_pause,
    due_with_pauses,
    enquiry_due_on,
    issues_editable,
    keep_in_touch,
    keep_in_touch_started_on,
    parties_reached,
    renumbered,
)
from redress.domain.stages import Stage

CAL = WorkingCalendar(england_and_wales_bank_holidays(range(2025, 2028)))
D = dt.date
C, ORG = UpdatedParty.COMPLAINANT, UpdatedParty.ORGANISATION


@pytest.mark.parametrize(
    ("sent_on", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 30)),  # an ordinary four weeks
        (D(2026, 3, 20), D(2026, 4, 21)),  # Good Friday and Easter Monday in the way
        (D(2026, 3, 21), D(2026, 4, 22)),  # sent on a Saturday: counts from Monday
        (D(2026, 12, 14), D(2027, 1, 14)),  # Christmas, substitute Boxing Day, New Year
        (D(2026, 5, 1), D(2026, 6, 2)),  # two May bank holidays
    ],
)
def test_an_enquiry_is_due_twenty_working_days_after_it_is_sent(sent_on: D, due: D) -> None:
    assert enquiry_due_on(sent_on, CAL) == due


def test_a_chosen_due_date_must_be_after_sending() -> None:
    check_enquiry_due_on(sent_on=D(2026, 3, 2), due_on=D(2026, 3, 3))
    with pytest.raises(InvestigationRuleError, match="after the day it is sent"):
        check_enquiry_due_on(sent_on=D(2026, 3, 2), due_on=D(2026, 3, 2))


@pytest.mark.parametrize(
    ("today", "answered", "last_chased", "expected"),
    [
        (D(2026, 3, 30), False, None, False),  # due today: not yet overdue
        (D(2026, 3, 31), False, None, True),  # the day after: first chaser
        (D(2026, 3, 31), True, None, False),  # answered: never chased
        (D(2026, 4, 1), False, D(2026, 3, 31), False),  # chased yesterday
        (D(2026, 4, 7), False, D(2026, 3, 31), False),  # 3 working days (Easter)
        (D(2026, 4, 9), False, D(2026, 3, 31), True),  # 5 working days since
        (D(2026, 4, 8), False, D(2026, 3, 31), False),  # only 4
    ],
)
def test_chasers_go_once_overdue_and_then_every_five_working_days(
    today: D, answered: bool, last_chased: D | None, expected: bool
) -> None:
    assert (
        chaser_due(
            due_on=D(2026, 3, 30),
            answered=answered,
            last_chased_on=last_chased,
            today=today,
            calendar=CAL,
        )
        is expected
    )


@pytest.mark.parametrize(
    ("due", "paused_from", "paused_to", "unit", "expected"),
    [
        # Paused Monday to Friday: five working days later.
        (D(2026, 3, 30), D(2026, 3, 9), D(2026, 3, 13), ClockUnit.WORKING_DAYS, D(2026, 4, 8)),
        # A pause over Easter counts only its working days (30 Mar to 7 Apr is 5).
        (D(2026, 4, 21), D(2026, 3, 30), D(2026, 4, 7), ClockUnit.WORKING_DAYS, D(2026, 4, 28)),
        # A weekend pause changes nothing.
        (D(2026, 3, 30), D(2026, 3, 7), D(2026, 3, 8), ClockUnit.WORKING_DAYS, D(2026, 3, 30)),
        # After the due date: the promise was already broken.
        (D(2026, 3, 30), D(2026, 3, 31), D(2026, 4, 10), ClockUnit.WORKING_DAYS, D(2026, 3, 30)),
        # A weeks clock moves by the calendar days paused.
        (D(2026, 6, 1), D(2026, 3, 2), D(2026, 3, 15), ClockUnit.WEEKS, D(2026, 6, 15)),
    ],
)
def test_a_pause_moves_the_due_date_by_the_time_paused(
    due: D, paused_from: D, paused_to: D, unit: ClockUnit, expected: D
) -> None:
    assert (
        due_after_pause(
            due_on=due, paused_from=paused_from, paused_to=paused_to, unit=unit, calendar=CAL
        )
        == expected
    )


@given(
    start=st.dates(D(2025, 1, 1), D(2026, 12, 1)).filter(CAL.is_working_day),
    offset=st.integers(1, 40),
    length=st.integers(0, 40),
)
def test_moving_the_due_date_agrees_with_the_clock(start: D, offset: int, length: int) -> None:
    # Pauses from the day after a clock starts on a working day (the start day itself is
    # never counted, so pausing it changes nothing in either sum).
    paused_from = start + dt.timedelta(days=offset)
    paused_to = paused_from + dt.timedelta(days=length)
    clock = Clock(start, 20, ClockUnit.WORKING_DAYS, (Pause(paused_from, paused_to, "x"),))
    moved = due_after_pause(
        due_on=clock.due_date_ignoring_pauses(CAL),
        paused_from=paused_from,
        paused_to=paused_to,
        unit=ClockUnit.WORKING_DAYS,
        calendar=CAL,
    )
    assert moved == clock.due_date(CAL, paused_to)


def test_overlapping_pauses_count_once() -> None:
    pauses = [(D(2026, 3, 9), D(2026, 3, 11)), (D(2026, 3, 10), D(2026, 3, 13))]
    moved = due_with_pauses(
        due_on=D(2026, 3, 30), pauses=pauses, unit=ClockUnit.WORKING_DAYS, calendar=CAL
    )
    assert moved == D(2026, 4, 8)


@pytest.mark.parametrize(
    ("kind", "started", "reason", "message"),
    [
        (ClockKind.ASSESSMENT, D(2026, 3, 2), "Waiting", "cannot be paused"),
        (ClockKind.INVESTIGATION, D(2026, 3, 2), "   ", "reason"),
        (ClockKind.INVESTIGATION, D(2026, 3, 4), "Waiting", "future"),
    ],
)
def test_pauses_need_a_pausable_clock_a_reason_and_a_date_not_in_the_future(
    kind: ClockKind, started: D, reason: str, message: str
) -> None:
    with pytest.raises(InvestigationRuleError, match=message):
        check_pause(kind=kind, started_on=started, today=D(2026, 3, 3), reason=reason)


def test_resuming_is_checked() -> None:
    check_resume(started_on=D(2026, 3, 2), ended_on=D(2026, 3, 2), today=D(2026, 3, 3))
    with pytest.raises(InvestigationRuleError, match="before"):
        check_resume(started_on=D(2026, 3, 2), ended_on=D(2026, 3, 1), today=D(2026, 3, 3))
    with pytest.raises(InvestigationRuleError, match="future"):
        check_resume(started_on=D(2026, 3, 2), ended_on=D(2026, 3, 4), today=D(2026, 3, 3))


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("Complainant: Ms Jo Bloggs", {C}),
        ("Representative: Mr Sam Lee", {C}),
        ("Organisation: Complaints team, Wessex County Council", {ORG}),
        ("the council", {ORG}),
        ("Both parties", {C, ORG}),
        ("Jo Bloggs", {C}),
        ("Wessex County", set()),
        ("Wessex County Council housing team", {ORG}),
        ("Someone at the library", set()),
        ("Ms Jo Bloggs and the link officer", {C, ORG}),
    ],
)
def test_who_an_update_reached_is_read_from_the_party(
    party: str, expected: set[UpdatedParty]
) -> None:
    assert parties_reached(
        party, complainant_names=["Jo Bloggs"], organisation_names=["Wessex County Council"]
    ) == frozenset(expected)


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([("intake", D(2026, 1, 5)), ("assessment", D(2026, 1, 6))], None),
        ([("assessment", D(2026, 1, 6)), ("investigation", D(2026, 2, 2))], D(2026, 2, 2)),
        (
            [
                ("investigation", D(2026, 2, 2)),
                ("draft_decision", D(2026, 4, 1)),
                ("investigation", D(2026, 4, 8)),
            ],
            D(2026, 2, 2),
        ),
        (
            [
                ("investigation", D(2026, 2, 2)),
                ("decided", D(2026, 5, 1)),
                ("investigation", D(2026, 9, 1)),
            ],
            D(2026, 9, 1),
        ),
    ],
)
def test_the_keep_in_touch_spell_starts_when_investigating_began(
    history: list[tuple[str, D]], expected: D | None
) -> None:
    assert keep_in_touch_started_on(history) == expected


@pytest.mark.parametrize(
    ("updates", "pauses", "due", "waiting"),
    [
        # Nobody updated yet: 20 working days from the start.
        ([], [], D(2026, 3, 30), C),
        # Only the complainant heard: the organisation has waited longest.
        ([(D(2026, 3, 16), {C})], [], D(2026, 3, 30), ORG),
        # Both heard, on different days: the older update counts.
        ([(D(2026, 3, 16), {C}), (D(2026, 3, 9), {ORG})], [], D(2026, 4, 8), ORG),
        # One letter to both parties.
        ([(D(2026, 3, 16), {C, ORG})], [], D(2026, 4, 15), C),
        # An update nobody can attribute counts for neither.
        ([(D(2026, 3, 16), set())], [], D(2026, 3, 30), C),
        # A finished pause after the base pushes the date back by its working days.
        ([], [(D(2026, 3, 9), D(2026, 3, 13))], D(2026, 4, 8), C),
        # A pause before the latest updates does not count.
        ([(D(2026, 3, 16), {C, ORG})], [(D(2026, 3, 9), D(2026, 3, 13))], D(2026, 4, 15), C),
    ],
)
def test_keep_in_touch_runs_from_the_older_of_the_two_parties_updates(
    updates: list[tuple[D, set[UpdatedParty]]],
    pauses: list[tuple[D, D]],
    due: D,
    waiting: UpdatedParty,
) -> None:
    result = keep_in_touch(
        started_on=D(2026, 3, 2),
        updates=[(day, frozenset(parties)) for day, parties in updates],
        pauses=pauses,
        calendar=CAL,
    )
    assert (result.due_on, result.waiting_longest) == (due, waiting)


def test_updates_before_the_investigation_began_do_not_count() -> None:
    result = keep_in_touch(
        started_on=D(2026, 3, 2),
        updates=[(D(2026, 2, 1), frozenset({C, ORG}))],
        pauses=[],
        calendar=CAL,
    )
    assert result.last_complainant_update == D(2026, 3, 2)


@pytest.mark.parametrize(
    ("today", "last_notice", "needed"),
    [
        (D(2026, 5, 18), None, False),  # more than a week to go
        (D(2026, 5, 26), None, True),  # within five working days of 1 June
        (D(2026, 5, 27), D(2026, 5, 26), False),  # told already in the warning period
        (D(2026, 5, 27), D(2026, 4, 1), True),  # told long before: tell again
        (D(2026, 6, 10), D(2026, 5, 26), False),  # past, but told recently
        (D(2026, 6, 29), D(2026, 5, 26), True),  # 20 working days past the target
    ],
)
def test_a_delay_notice_is_needed_when_a_timescale_will_be_missed(
    today: D, last_notice: D | None, needed: bool
) -> None:
    assert (
        delay_notice_needed(
            target_due_on=D(2026, 6, 1), today=today, last_notice_on=last_notice, calendar=CAL
        )
        is needed
    )


@pytest.mark.parametrize(
    ("stage", "findings", "editable"),
    [
        (Stage.INVESTIGATION, False, True),
        (Stage.INVESTIGATION, True, False),
        (Stage.DRAFT_DECISION, False, False),
        (Stage.ASSESSMENT, False, False),
    ],
)
def test_issues_are_editable_until_findings_are_made(
    stage: Stage, findings: bool, editable: bool
) -> None:
    assert issues_editable(stage, findings_exist=findings) is editable


def test_a_new_order_lists_each_issue_once() -> None:
    assert renumbered([3, 1, 2], [1, 2, 3]) == [3, 1, 2]
    for bad in ([1, 2], [1, 1, 2], [1, 2, 4]):
        with pytest.raises(InvestigationRuleError):
            renumbered(bad, [1, 2, 3])
