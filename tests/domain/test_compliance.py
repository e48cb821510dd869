"""Compliance items: status changes, follow-up timing, the figures, repeated improvements."""

import datetime as dt
from fractions import Fraction

import pytest

from redress.domain.calendar import WorkingCalendar, england_and_wales_bank_holidays
from redress.domain.compliance import (
    ComplianceError,
    FollowUp,
    FollowUpState,
    Improvement,
    ItemOutcome,
    ItemStatus,
    chasers_owed,
    check_change,
    compliance_figures,
    fault_kind,
    follow_up,
    may_change,
    percentage,
    repeated_improvements,
    report_response_due,
    status_after_more_needed,
    without_names,
    working_days_overdue,
)

CALENDAR = WorkingCalendar(england_and_wales_bank_holidays(range(2022, 2028)))
S = ItemStatus
# Thursday before Easter 2026: Good Friday 3 April and Easter Monday 6 April are holidays.
DUE = dt.date(2026, 4, 2)


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        (S.DUE, S.EVIDENCE_RECEIVED, True),
        (S.DUE, S.OVERDUE, True),
        (S.DUE, S.NOT_COMPLIED, True),
        (S.DUE, S.SATISFIED, False),
        (S.OVERDUE, S.EVIDENCE_RECEIVED, True),
        (S.OVERDUE, S.DUE, False),
        (S.OVERDUE, S.SATISFIED, False),
        (S.EVIDENCE_RECEIVED, S.SATISFIED, True),
        (S.EVIDENCE_RECEIVED, S.DUE, True),
        (S.EVIDENCE_RECEIVED, S.OVERDUE, True),
        (S.EVIDENCE_RECEIVED, S.EVIDENCE_RECEIVED, True),
        (S.SATISFIED, S.DUE, False),
        (S.SATISFIED, S.NOT_COMPLIED, False),
        (S.NOT_COMPLIED, S.EVIDENCE_RECEIVED, False),
    ],
)
def test_status_changes(source: ItemStatus, target: ItemStatus, allowed: bool) -> None:
    assert may_change(source, target) is allowed


def test_a_refused_change_says_why() -> None:
    with pytest.raises(ComplianceError, match="satisfied cannot become due"):
        check_change(S.SATISFIED, S.DUE)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(dt.date(2026, 4, 1), S.DUE), (DUE, S.DUE), (dt.date(2026, 4, 3), S.OVERDUE)],
)
def test_asking_for_more_hands_the_item_back(today: dt.date, expected: ItemStatus) -> None:
    assert status_after_more_needed(DUE, today) == expected


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (DUE, 0),
        (dt.date(2026, 4, 3), 0),  # Good Friday
        (dt.date(2026, 4, 6), 0),  # Easter Monday
        (dt.date(2026, 4, 7), 1),
        (dt.date(2026, 4, 21), 11),
        (dt.date(2026, 5, 1), 19),
        (dt.date(2026, 5, 4), 19),  # early May bank holiday
        (dt.date(2026, 5, 5), 20),
    ],
)
def test_working_days_overdue_skip_bank_holidays(today: dt.date, overdue: int) -> None:
    assert working_days_overdue(DUE, today, CALENDAR) == overdue


@pytest.mark.parametrize(
    ("days", "owed"), [(0, 0), (1, 1), (10, 1), (11, 2), (20, 2), (21, 3), (31, 4)]
)
def test_chasers_owed(days: int, owed: int) -> None:
    assert chasers_owed(days) == owed


def _state(**changes: object) -> FollowUpState:
    defaults: dict[str, object] = {"status": S.DUE, "due_on": DUE}
    return FollowUpState(**{**defaults, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("state", "today", "expected"),
    [
        # Reminder: 10 working days before the due date, once.
        (_state(), dt.date(2026, 3, 18), FollowUp()),
        (_state(), dt.date(2026, 3, 19), FollowUp(reminder=True)),
        (_state(reminder_sent=True), dt.date(2026, 3, 20), FollowUp()),
        (_state(), DUE, FollowUp(reminder=True)),  # a missed reminder still goes
        # Over the Easter weekend nothing is owed yet.
        (_state(reminder_sent=True), dt.date(2026, 4, 6), FollowUp()),
        # The first working day after: overdue and chased.
        (
            _state(reminder_sent=True),
            dt.date(2026, 4, 7),
            FollowUp(becomes_overdue=True, chaser_number=1, days_overdue=1),
        ),
        (
            _state(status=S.OVERDUE, chasers_sent=1),
            dt.date(2026, 4, 20),
            FollowUp(days_overdue=10),
        ),
        (
            _state(status=S.OVERDUE, chasers_sent=1),
            dt.date(2026, 4, 21),
            FollowUp(chaser_number=2, days_overdue=11),
        ),
        (
            _state(status=S.OVERDUE, chasers_sent=2),
            dt.date(2026, 5, 5),
            FollowUp(escalate=True, days_overdue=20),
        ),
        (
            _state(status=S.OVERDUE, chasers_sent=2, escalated=True),
            dt.date(2026, 5, 6),
            FollowUp(chaser_number=3, days_overdue=21),
        ),
        # A run missed for weeks sends only the latest chaser, not a burst.
        (
            _state(status=S.OVERDUE, chasers_sent=0, escalated=True),
            dt.date(2026, 5, 6),
            FollowUp(chaser_number=3, days_overdue=21),
        ),
        # Evidence in, or a final status: nothing to chase.
        (_state(status=S.EVIDENCE_RECEIVED), dt.date(2026, 5, 6), FollowUp()),
        (_state(status=S.SATISFIED), dt.date(2026, 5, 6), FollowUp()),
        (_state(status=S.NOT_COMPLIED), dt.date(2026, 5, 6), FollowUp()),
    ],
)
def test_follow_up(state: FollowUpState, today: dt.date, expected: FollowUp) -> None:
    assert follow_up(state, today, CALENDAR) == expected


def test_a_reminder_counts_working_days_over_a_bank_holiday() -> None:
    due = dt.date(2026, 4, 7)  # the Tuesday after Easter
    assert not follow_up(_state(due_on=due), dt.date(2026, 3, 19), CALENDAR).reminder
    assert follow_up(_state(due_on=due), dt.date(2026, 3, 20), CALENDAR).reminder


def _outcome(status: ItemStatus, completed: dt.date | None = None) -> ItemOutcome:
    return ItemOutcome(status=status, due_on=DUE, completed_on=completed)


def test_compliance_figures() -> None:
    figures = compliance_figures(
        [
            _outcome(S.SATISFIED, DUE),  # on the day: on time
            _outcome(S.SATISFIED, DUE + dt.timedelta(days=1)),  # late
            _outcome(S.SATISFIED, DUE - dt.timedelta(days=5)),
            _outcome(S.NOT_COMPLIED),
            _outcome(S.DUE),
            _outcome(S.EVIDENCE_RECEIVED),
        ]
    )
    assert (figures.items, figures.satisfied, figures.not_complied, figures.open) == (6, 3, 1, 2)
    assert figures.compliance_rate == Fraction(3, 4)
    assert figures.late_share == Fraction(1, 3)
    assert percentage(figures.compliance_rate) == "75.0%"
    assert percentage(figures.late_share) == "33.3%"


def test_no_known_outcomes_gives_no_figure_rather_than_zero() -> None:
    figures = compliance_figures([_outcome(S.DUE), _outcome(S.NOT_COMPLIED)])
    assert figures.compliance_rate == Fraction(0)
    assert figures.late_share is None
    assert compliance_figures([]).compliance_rate is None
    assert percentage(None) == "No data"


def test_fault_kind_is_the_subcategory_when_there_is_one() -> None:
    assert fault_kind("housing", "homelessness") == "homelessness"
    assert fault_kind("housing", "") == "housing"


def _improvement(key: int, org: int, case: int, fault: str, on: dt.date) -> Improvement:
    return Improvement(key=key, organisation=org, case=case, fault=fault, agreed_on=on)


def test_repeated_improvements() -> None:
    first = dt.date(2023, 3, 1)
    rows = [
        _improvement(1, 10, 100, "homelessness", first),
        _improvement(2, 10, 100, "homelessness", first),  # same case: not a repeat
        _improvement(3, 10, 101, "homelessness", dt.date(2026, 3, 1)),  # 3 years to the day
        _improvement(4, 10, 102, "homelessness", dt.date(2029, 3, 2)),  # over 3 years after 3
        _improvement(5, 11, 103, "homelessness", dt.date(2026, 3, 1)),  # another organisation
        _improvement(6, 10, 104, "allocations", dt.date(2026, 3, 1)),  # another kind of fault
        _improvement(7, 10, 105, "allocations", dt.date(2026, 3, 1)),  # same day, other case
    ]
    assert repeated_improvements(rows) == frozenset({3, 7})


def test_a_leap_day_window_starts_on_the_28th() -> None:
    rows = [
        _improvement(1, 10, 100, "schools", dt.date(2021, 2, 28)),
        _improvement(2, 10, 101, "schools", dt.date(2024, 2, 29)),
    ]
    assert repeated_improvements(rows) == frozenset({2})


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (dt.date(2026, 1, 15), dt.date(2026, 4, 15)),
        (dt.date(2025, 11, 30), dt.date(2026, 2, 28)),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),
        (dt.date(2026, 10, 31), dt.date(2027, 1, 31)),
    ],
)
def test_a_public_report_response_is_due_three_months_after_it_is_sent(
    sent: dt.date, due: dt.date
) -> None:
    assert report_response_due(sent) == due


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Train staff after Mrs Jane Smith's case",
            ["Jane", "Smith"],
            "Train staff after Mrs X X's case",
        ),
        ("Review the smithy licence policy", ["Smith"], "Review the smithy licence policy"),
        ("Write to SMITH", ["Smith"], "Write to X"),
        ("Review the policy", [], "Review the policy"),
        ("Review a policy", ["A"], "Review a policy"),
    ],
)
def test_names_are_taken_out_of_published_text(text: str, names: list[str], expected: str) -> None:
    assert without_names(text, names) == expected
