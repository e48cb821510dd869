"""The assessment rules: what each answer points to, and when a decision can be recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from redress.domain.assessment import (
    DISCRETION_TESTS,
    LEGAL_BARS,
    OPTIONS,
    AgreedAction,
    Answer,
    Answered,
    AssessmentError,
    OutcomeKind,
    OutcomeRequest,
    Question,
    check_answers,
    check_outcome,
    clock_reading,
    needs_signposting,
    option_for,
    standing_bars,
    suggested_reason_codes,
    unanswered,
)
from redress.domain.calendar import WorkingCalendar
from redress.domain.stages import Outcome, ReasonCode, Stage, find_transition

TODAY = dt.date(2026, 3, 4)  # a Wednesday
CLEAR: dict[Question, Answered] = {
    **{q: Answered(Answer.NO) for q in LEGAL_BARS},
    **{q: Answered(Answer.YES) for q in DISCRETION_TESTS},
}
R = ReasonCode


@pytest.mark.parametrize(
    ("question", "answer", "codes"),
    [
        (Question.OUT_OF_JURISDICTION, Answer.YES, (R.OUT_OF_JURISDICTION,)),
        (Question.LATE, Answer.YES, (R.LATE,)),
        (Question.LATE, Answer.GOOD_REASON, ()),
        (Question.ALT_TRIBUNAL, Answer.YES, (R.ALT_TRIBUNAL,)),
        (Question.ALT_COURT, Answer.YES, (R.ALT_COURT,)),
        (Question.COURT_PROCEEDINGS, Answer.YES, (R.COURT_PROCEEDINGS,)),
        (Question.ALREADY_APPEALED, Answer.YES, (R.ALREADY_APPEALED,)),
        (Question.PREMATURE, Answer.YES, (R.PREMATURE,)),
        (Question.PREMATURE, Answer.NO, ()),
        (Question.PUBLIC_INTEREST, Answer.NO, ()),
        (Question.PUBLIC_INTEREST, Answer.YES, ()),
        (Question.INJUSTICE, Answer.NO, (R.INJUSTICE_NOT_SIGNIFICANT,)),
        (Question.INJUSTICE, Answer.YES, ()),
        (Question.FAULT, Answer.NO, (R.NO_FAULT_LIKELY,)),
        (Question.FAULT, Answer.MERITS_ONLY, (R.MERITS_ONLY,)),
        (Question.REMEDY, Answer.ALREADY_REMEDIED, (R.REMEDY_ALREADY_ADEQUATE,)),
        (Question.REMEDY, Answer.CANNOT_ACHIEVE, (R.CANNOT_ACHIEVE,)),
        (Question.REMEDY, Answer.HANDLING_ONLY, (R.COMPLAINT_HANDLING_ONLY,)),
        (Question.REMEDY, Answer.YES, ()),
    ],
)
def test_each_answer_points_to_its_reason_codes(
    question: Question, answer: Answer, codes: tuple[ReasonCode, ...]
) -> None:
    assert suggested_reason_codes({question: Answered(answer, "why")}) == codes


def test_every_reason_code_is_reachable_from_some_answer() -> None:
    reachable = {code for options in OPTIONS.values() for o in options for code in o.points_to}
    assert reachable == set(ReasonCode)


def test_suggestions_follow_the_order_of_the_reason_code_table() -> None:
    answers = {
        Question.REMEDY: Answered(Answer.CANNOT_ACHIEVE),
        Question.LATE: Answered(Answer.YES),
        Question.FAULT: Answered(Answer.NO),
    }
    assert suggested_reason_codes(answers) == (R.LATE, R.NO_FAULT_LIKELY, R.CANNOT_ACHIEVE)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (Question.OUT_OF_JURISDICTION, Answer.GOOD_REASON),  # the law gives no discretion
        (Question.COURT_PROCEEDINGS, Answer.GOOD_REASON),
        (Question.ALREADY_APPEALED, Answer.GOOD_REASON),
        (Question.INJUSTICE, Answer.MERITS_ONLY),
        (Question.PUBLIC_INTEREST, Answer.CANNOT_ACHIEVE),
    ],
)
def test_an_answer_the_question_does_not_offer_is_refused(
    question: Question, answer: Answer
) -> None:
    with pytest.raises(AssessmentError, match="is not an answer"):
        option_for(question, answer)


def test_a_good_reason_must_be_written_down() -> None:
    with pytest.raises(AssessmentError, match="good reason"):
        check_answers({Question.LATE: Answered(Answer.GOOD_REASON, "  ")})
    check_answers({Question.LATE: Answered(Answer.GOOD_REASON, "In hospital for a year.")})


def test_standing_bars_and_unanswered_questions() -> None:
    answers = {
        Question.LATE: Answered(Answer.YES),
        Question.PREMATURE: Answered(Answer.GOOD_REASON, "No reply in a year."),
        Question.ALT_COURT: Answered(Answer.NO),
    }
    assert standing_bars(answers) == (Question.LATE,)
    assert Question.OUT_OF_JURISDICTION in unanswered(answers, LEGAL_BARS)
    assert Question.LATE not in unanswered(answers, LEGAL_BARS)
    assert unanswered(CLEAR, (*LEGAL_BARS, *DISCRETION_TESTS)) == ()


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ((R.OUT_OF_JURISDICTION,), True),
        ((R.ALT_TRIBUNAL, R.LATE), True),
        ((R.ALT_COURT,), True),
        ((R.LATE, R.NO_FAULT_LIKELY), False),
        ((), False),
    ],
)
def test_which_reasons_call_for_signposting(codes: tuple[ReasonCode, ...], expected: bool) -> None:
    assert needs_signposting(codes) is expected


@pytest.mark.parametrize(
    ("kind", "target", "outcome"),
    [
        (OutcomeKind.CLOSE, Stage.CLOSED, Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
        (OutcomeKind.REMEDY_PROVIDED, Stage.CLOSED, Outcome.UPHELD_REMEDY_PROVIDED),
        (OutcomeKind.EARLY_RESOLUTION, Stage.COMPLIANCE, Outcome.EARLY_RESOLUTION),
        (OutcomeKind.ALLOCATE, Stage.INVESTIGATION, None),
    ],
)
def test_each_outcome_is_a_move_the_stage_table_allows(
    kind: OutcomeKind, target: Stage, outcome: Outcome | None
) -> None:
    assert (kind.target, kind.outcome) == (target, outcome)
    transition = find_transition(Stage.ASSESSMENT, target)
    assert transition is not None
    assert outcome is None or outcome in transition.outcomes


def _request(kind: OutcomeKind, **kw: object) -> OutcomeRequest:
    values: dict[str, object] = {
        "kind": kind,
        "answers": CLEAR,
        "explanation": "We have decided.",
        "today": TODAY,
        **kw,
    }
    return OutcomeRequest(**values)  # type: ignore[arg-type]


ACTION = AgreedAction("Apologise in writing", "Head of housing", TODAY + dt.timedelta(days=20))


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (_request(OutcomeKind.CLOSE), "at least one reason"),
        (_request(OutcomeKind.CLOSE, reason_codes=(R.LATE, R.LATE)), "only once"),
        (_request(OutcomeKind.CLOSE, reason_codes=(R.LATE,), explanation=" "), "Explain"),
        (_request(OutcomeKind.ALLOCATE, reason_codes=(R.LATE,), team_chosen=True), "only when"),
        (_request(OutcomeKind.ALLOCATE), "investigator or a team"),
        (_request(OutcomeKind.EARLY_RESOLUTION), "at least one action"),
        (
            _request(OutcomeKind.EARLY_RESOLUTION, actions=(AgreedAction("Pay £200", "", None),)),
            "who will do it",
        ),
        (
            _request(
                OutcomeKind.EARLY_RESOLUTION, actions=(AgreedAction("Pay £200", "Finance", None),)
            ),
            "by when",
        ),
        (
            _request(
                OutcomeKind.EARLY_RESOLUTION,
                actions=(AgreedAction("Pay", "Finance", TODAY - dt.timedelta(days=1)),),
            ),
            "in the past",
        ),
        (_request(OutcomeKind.CLOSE, reason_codes=(R.LATE,), actions=(ACTION,)), "only for an"),
        (_request(OutcomeKind.REMEDY_PROVIDED), "already done"),
        (
            _request(OutcomeKind.ALLOCATE, team_chosen=True, answers={}),
            "before deciding to take",
        ),
        (
            _request(
                OutcomeKind.ALLOCATE,
                investigator_chosen=True,
                answers={**CLEAR, Question.LATE: Answered(Answer.YES)},
            ),
            "The law stops us",
        ),
        (
            _request(
                OutcomeKind.EARLY_RESOLUTION,
                actions=(ACTION,),
                answers={**CLEAR, Question.LATE: Answered(Answer.GOOD_REASON)},
            ),
            "good reason",
        ),
    ],
)
def test_incomplete_decisions_are_refused(request_: OutcomeRequest, message: str) -> None:
    with pytest.raises(AssessmentError, match=message):
        check_outcome(request_)


@pytest.mark.parametrize(
    "request_",
    [
        # Closing needs no answers: an out-of-jurisdiction complaint need not be weighed.
        _request(OutcomeKind.CLOSE, reason_codes=(R.OUT_OF_JURISDICTION,), answers={}),
        _request(OutcomeKind.REMEDY_PROVIDED, remedy_provided="It refunded £120."),
        _request(OutcomeKind.EARLY_RESOLUTION, actions=(ACTION,)),
        _request(
            OutcomeKind.EARLY_RESOLUTION,
            actions=(AgreedAction("Pay £150", "Finance", TODAY),),  # today is in time
        ),
        _request(OutcomeKind.ALLOCATE, investigator_chosen=True),
        _request(OutcomeKind.ALLOCATE, team_chosen=True),
        _request(
            OutcomeKind.ALLOCATE,
            team_chosen=True,
            answers={**CLEAR, Question.LATE: Answered(Answer.GOOD_REASON, "In hospital.")},
        ),
    ],
)
def test_complete_decisions_are_accepted(request_: OutcomeRequest) -> None:
    check_outcome(request_)


# No holidays: weekdays only. 2026-03-04 is a Wednesday.
WEEKDAYS = WorkingCalendar(non_working_days=frozenset())
WITH_HOLIDAY = WorkingCalendar(non_working_days=frozenset({dt.date(2026, 3, 5)}))


@pytest.mark.parametrize(
    ("calendar", "due", "today", "left", "overdue", "summary"),
    [
        (WEEKDAYS, dt.date(2026, 3, 6), TODAY, 2, 0, "2 working days left"),
        (WITH_HOLIDAY, dt.date(2026, 3, 6), TODAY, 1, 0, "1 working day left"),
        (WEEKDAYS, TODAY, TODAY, 0, 0, "Due today"),
        (WEEKDAYS, dt.date(2026, 3, 3), TODAY, 0, 1, "Overdue by 1 working day"),
        (WEEKDAYS, dt.date(2026, 2, 27), TODAY, 0, 3, "Overdue by 3 working days"),
        # From a Saturday, Monday is one working day away.
        (WEEKDAYS, dt.date(2026, 3, 9), dt.date(2026, 3, 7), 1, 0, "1 working day left"),
        # Due on a Friday, read on the Sunday after: late, though no working day has passed.
        (WEEKDAYS, dt.date(2026, 3, 6), dt.date(2026, 3, 8), 0, 0, "Overdue"),
    ],
)
def test_the_clock_reads_in_working_days(
    *,
    calendar: WorkingCalendar,
    due: dt.date,
    today: dt.date,
    left: int,
    overdue: int,
    summary: str,
) -> None:
    reading = clock_reading(due, today, calendar)
    assert (reading.working_days_left, reading.working_days_overdue) == (left, overdue)
    assert reading.summary == summary
    assert reading.overdue is (today > due)
