"""Assessment: whether the law lets us look at a complaint, and whether we should.

Two stages, applied the same way whatever the channel. First what the law prevents (the
legal bars); then discretion, in four tests (public interest, injustice, fault, remedy),
weighed by a person and never scored. Each answer may point to reason codes for not
investigating; the assessor sees them and decides. `check_outcome` says whether a decision
is complete enough to record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .calendar import WorkingCalendar
from .stages import LabelledEnum, Outcome, ReasonCode, Stage


class Answer(LabelledEnum):
    """Every answer a question can take; each question offers its own subset in its words."""

    YES = "yes", "Yes"
    NO = "no", "No"
    GOOD_REASON = "good_reason", "Yes, but there is good reason to look at it anyway"
    MERITS_ONLY = "merits_only", "Disagreement with a decision properly made"
    ALREADY_REMEDIED = "already_remedied", "The organisation's own remedy is enough"
    CANNOT_ACHIEVE = "cannot_achieve", "What they want cannot be delivered"
    HANDLING_ONLY = "handling_only", "Only about complaint handling, or only for an apology"


@dataclass(frozen=True)
class Option:
    answer: Answer
    label: str
    # Reason codes this answer points to; empty when it points towards investigating.
    points_to: tuple[ReasonCode, ...] = ()
    needs_note: bool = False


class Question(LabelledEnum):
    """The questions of the assessment: legal bars first, then the four discretionary tests."""

    OUT_OF_JURISDICTION = (
        "out_of_jurisdiction",
        "Is it about something the law puts outside what we can investigate?",
    )
    LATE = "late", "Did they complain to us more than 12 months after they knew of the matter?"
    ALT_TRIBUNAL = "alt_tribunal", "Is an appeal to a tribunal reasonably available to them?"
    ALT_COURT = "alt_court", "Is a remedy in the courts reasonably available to them?"
    COURT_PROCEEDINGS = (
        "court_proceedings",
        "Is it about starting or conducting court proceedings?",
    )
    ALREADY_APPEALED = (
        "already_appealed",
        "Have they already used a tribunal or court route for this?",
    )
    PREMATURE = (
        "premature",
        "Has the organisation not yet had notice of it and a fair chance to respond?",
    )
    PUBLIC_INTEREST = "public_interest", "Public interest"
    INJUSTICE = "injustice", "Injustice"
    FAULT = "fault", "Fault"
    REMEDY = "remedy", "Remedy"

    @property
    def is_legal_bar(self) -> bool:
        return self in LEGAL_BARS


@dataclass(frozen=True)
class Bar:
    """Something the law prevents: the reason code it gives, a short name (for a note's
    label), a hint, and whether a recorded good reason lets us look at it anyway."""

    code: ReasonCode
    name: str
    hint: str
    waivable: bool = False


BARS: dict[Question, Bar] = {
    Question.OUT_OF_JURISDICTION: Bar(
        ReasonCode.OUT_OF_JURISDICTION,
        "out of jurisdiction",
        "For example personnel matters, internal school matters, social housing management "
        "(the Housing Ombudsman), NHS care (the PHSO), parish councils, or the police's "
        "handling of a crime.",
    ),
    Question.LATE: Bar(
        ReasonCode.LATE,
        "late",
        "We can still look at it if there is a good reason for the delay.",
        waivable=True,
    ),
    Question.ALT_TRIBUNAL: Bar(
        ReasonCode.ALT_TRIBUNAL,
        "tribunal available",
        "Parking, special educational needs, council tax valuation or benefits. We can "
        "still look at it if it was not reasonable to expect them to appeal.",
        waivable=True,
    ),
    Question.ALT_COURT: Bar(
        ReasonCode.ALT_COURT,
        "court remedy available",
        "Negligence claims, or an appeal against an abatement notice. We can still look at "
        "it if it was not reasonable to expect them to go to court.",
        waivable=True,
    ),
    Question.COURT_PROCEEDINGS: Bar(
        ReasonCode.COURT_PROCEEDINGS,
        "court proceedings",
        "Starting, defending or conducting a case in court.",
    ),
    Question.ALREADY_APPEALED: Bar(
        ReasonCode.ALREADY_APPEALED,
        "already appealed",
        "Once the tribunal or court route is used, we cannot look at it.",
    ),
    Question.PREMATURE: Bar(
        ReasonCode.PREMATURE,
        "premature",
        "It should have had the chance to put things right first. We can still look at it "
        "if it has had long enough and not replied.",
        waivable=True,
    ),
}
LEGAL_BARS: tuple[Question, ...] = tuple(BARS)
DISCRETION_TESTS: tuple[Question, ...] = (
    Question.PUBLIC_INTEREST,
    Question.INJUSTICE,
    Question.FAULT,
    Question.REMEDY,
)

# The question each discretionary test asks, for the legend's hint.
TEST_QUESTIONS: dict[Question, str] = {
    Question.PUBLIC_INTEREST: "Would investigating serve the public interest?",
    Question.INJUSTICE: "Is any injustice to them significant enough to justify our involvement?",
    Question.FAULT: "Is there enough to suggest fault by the organisation?",
    Question.REMEDY: "Could we achieve something more for them?",
}


def _bar_options(bar: Bar) -> tuple[Option, ...]:
    options = [Option(Answer.NO, "No"), Option(Answer.YES, "Yes", (bar.code,))]
    if bar.waivable:
        options.append(Option(Answer.GOOD_REASON, Answer.GOOD_REASON.label, needs_note=True))
    return tuple(options)


OPTIONS: dict[Question, tuple[Option, ...]] = {
    **{q: _bar_options(bar) for q, bar in BARS.items()},
    Question.PUBLIC_INTEREST: (
        Option(Answer.YES, "Yes: it raises wider issues, or others may be affected"),
        Option(Answer.NO, "No wider public interest beyond this complaint"),
    ),
    Question.INJUSTICE: (
        Option(Answer.YES, "Yes: the injustice is significant"),
        Option(
            Answer.NO,
            "No: any injustice is not significant enough",
            (ReasonCode.INJUSTICE_NOT_SIGNIFICANT,),
        ),
    ),
    Question.FAULT: (
        Option(Answer.YES, "Yes: there is enough to suggest fault"),
        Option(Answer.NO, "No: not enough evidence of fault", (ReasonCode.NO_FAULT_LIKELY,)),
        Option(
            Answer.MERITS_ONLY,
            "No: they disagree with a decision that was properly made",
            (ReasonCode.MERITS_ONLY,),
        ),
    ),
    Question.REMEDY: (
        Option(Answer.YES, "Yes: we could achieve a meaningful remedy"),
        Option(
            Answer.ALREADY_REMEDIED,
            "No: the organisation's own remedy is reasonable and proportionate",
            (ReasonCode.REMEDY_ALREADY_ADEQUATE,),
        ),
        Option(
            Answer.CANNOT_ACHIEVE,
            "No: the outcome they want is not one we can deliver",
            (ReasonCode.CANNOT_ACHIEVE,),
        ),
        Option(
            Answer.HANDLING_ONLY,
            "No: it is only about complaint handling, or only to get an apology",
            (ReasonCode.COMPLAINT_HANDLING_ONLY,),
        ),
    ),
}

# Reason codes where another body or route may help the person: the letter signposts them.
SIGNPOSTING_CODES = frozenset(
    {ReasonCode.OUT_OF_JURISDICTION, ReasonCode.ALT_TRIBUNAL, ReasonCode.ALT_COURT}
)


class AssessmentError(ValueError):
    """Answers or a decision the rules refuse, with the reason in plain English."""


def option_for(question: Question, answer: Answer) -> Option:
    for option in OPTIONS[question]:
        if option.answer is answer:
            return option
    raise AssessmentError(f"'{answer.label}' is not an answer to '{question.label}'.")


@dataclass(frozen=True)
class Answered:
    """One question's answer as recorded, with the assessor's note."""

    answer: Answer
    note: str = ""


Answers = Mapping[Question, Answered]


def check_answers(answers: Answers) -> None:
    """Each answer must be one its question offers; some need a note saying why."""
    for question, given in answers.items():
        option = option_for(question, given.answer)
        if option.needs_note and not given.note.strip():
            raise AssessmentError(
                f"Say what the good reason is for '{question.label}' in the note."
            )


def suggested_reason_codes(answers: Answers) -> tuple[ReasonCode, ...]:
    """The reason codes the answers point to, in the order of the reason-code table."""
    found = {
        code
        for question, given in answers.items()
        for code in option_for(question, given.answer).points_to
    }
    return tuple(code for code in ReasonCode if code in found)


def standing_bars(answers: Answers) -> tuple[Question, ...]:
    """Legal bars answered "yes" with no good reason: the law stops us investigating."""
    return tuple(q for q in LEGAL_BARS if q in answers and answers[q].answer is Answer.YES)


def unanswered(answers: Answers, questions: Iterable[Question]) -> tuple[Question, ...]:
    return tuple(q for q in questions if q not in answers)


def needs_signposting(codes: Iterable[ReasonCode]) -> bool:
    return any(code in SIGNPOSTING_CODES for code in codes)


class OutcomeKind(LabelledEnum):
    """The four ways an assessment ends."""

    CLOSE = "close", "Close after initial enquiries"
    REMEDY_PROVIDED = "remedy_provided", "Uphold: the organisation has already put it right"
    EARLY_RESOLUTION = "early_resolution", "Agree an early resolution"
    ALLOCATE = "allocate", "Allocate for investigation"

    @property
    def target(self) -> Stage:
        return _TARGETS[self][0]

    @property
    def outcome(self) -> Outcome | None:
        return _TARGETS[self][1]


_TARGETS: dict[OutcomeKind, tuple[Stage, Outcome | None]] = {
    OutcomeKind.CLOSE: (Stage.CLOSED, Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
    OutcomeKind.REMEDY_PROVIDED: (Stage.CLOSED, Outcome.UPHELD_REMEDY_PROVIDED),
    OutcomeKind.EARLY_RESOLUTION: (Stage.COMPLIANCE, Outcome.EARLY_RESOLUTION),
    OutcomeKind.ALLOCATE: (Stage.INVESTIGATION, None),
}
# Outcomes that take the complaint on (uphold or investigate): the law must allow it, and
# every question must have been weighed.
_TAKES_ON = frozenset(
    {OutcomeKind.REMEDY_PROVIDED, OutcomeKind.EARLY_RESOLUTION, OutcomeKind.ALLOCATE}
)


@dataclass(frozen=True)
class AgreedAction:
    """One thing the organisation agrees to do: what, who does it, and by when."""

    action: str
    who: str
    due_on: dt.date | None


@dataclass(frozen=True)
class OutcomeRequest:
    kind: OutcomeKind
    answers: Answers
    explanation: str
    today: dt.date
    reason_codes: tuple[ReasonCode, ...] = ()
    remedy_provided: str = ""
    actions: tuple[AgreedAction, ...] = ()
    investigator_chosen: bool = False
    team_chosen: bool = False


def _question_list(questions: Sequence[Question]) -> str:
    names = [f"'{q.label}'" for q in questions]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def check_action(action: AgreedAction, today: dt.date) -> None:
    if not action.action.strip():
        raise AssessmentError("Say what the organisation has agreed to do.")
    if not action.who.strip():
        raise AssessmentError(f"Say who will do it: '{action.action.strip()}'.")
    if action.due_on is None:
        raise AssessmentError(f"Say by when it will be done: '{action.action.strip()}'.")
    if action.due_on < today:
        raise AssessmentError(
            f"The date for '{action.action.strip()}' is in the past: give a date from today on."
        )


def check_outcome(request: OutcomeRequest) -> None:
    """Raise AssessmentError unless the decision can be recorded as asked."""
    check_answers(request.answers)
    if not request.explanation.strip():
        raise AssessmentError("Explain the decision in plain words for the complainant.")
    if request.kind in _TAKES_ON:
        _check_taking_on(request.answers)
    _check_reasons(request)
    if request.kind is OutcomeKind.REMEDY_PROVIDED and not request.remedy_provided.strip():
        raise AssessmentError("Say what the organisation has already done to put things right.")
    _check_actions(request)
    chosen = request.investigator_chosen or request.team_chosen
    if request.kind is OutcomeKind.ALLOCATE and not chosen:
        raise AssessmentError("Choose an investigator or a team to allocate the case to.")


def _check_taking_on(answers: Answers) -> None:
    missing = unanswered(answers, (*LEGAL_BARS, *DISCRETION_TESTS))
    if missing:
        raise AssessmentError(
            f"Answer {_question_list(missing)} in the assessment before deciding to "
            "take the complaint on."
        )
    barred = standing_bars(answers)
    if barred:
        raise AssessmentError(
            f"The law stops us taking it on: you answered yes to {_question_list(barred)}. "
            "Close it, or record the good reason to look at it anyway."
        )


def _check_reasons(request: OutcomeRequest) -> None:
    if request.kind is not OutcomeKind.CLOSE:
        if request.reason_codes:
            raise AssessmentError("Reasons for not investigating are given only when closing.")
        return
    if not request.reason_codes:
        raise AssessmentError("Choose at least one reason for not investigating.")
    if len(set(request.reason_codes)) != len(request.reason_codes):
        raise AssessmentError("Each reason can be given only once.")


def _check_actions(request: OutcomeRequest) -> None:
    if request.kind is not OutcomeKind.EARLY_RESOLUTION:
        if request.actions:
            raise AssessmentError("Agreed actions are recorded only for an early resolution.")
        return
    if not request.actions:
        raise AssessmentError("Add at least one action the organisation has agreed to.")
    for action in request.actions:
        check_action(action, request.today)


@dataclass(frozen=True)
class ClockReading:
    """Where the assessment clock stands on a day."""

    due_on: dt.date
    on: dt.date
    working_days_left: int  # 0 on the due day and after it
    working_days_overdue: int  # working days since the due day (0 at a weekend just after)

    @property
    def overdue(self) -> bool:
        return self.on > self.due_on

    @property
    def summary(self) -> str:
        if self.overdue:
            days = self.working_days_overdue
            return f"Overdue by {days} working day{'s' if days != 1 else ''}" if days else "Overdue"
        if self.working_days_left == 0:
            return "Due today"
        days = self.working_days_left
        return f"{days} working day{'s' if days != 1 else ''} left"


def clock_reading(due_on: dt.date, today: dt.date, calendar: WorkingCalendar) -> ClockReading:
    """Working days left to the due date, or how many working days it is overdue."""
    if today <= due_on:
        return ClockReading(due_on, today, _working_days_after(calendar, today, due_on), 0)
    return ClockReading(due_on, today, 0, _working_days_after(calendar, due_on, today))


def _working_days_after(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after `start`, up to and including `end`, even when `start` is a
    weekend (where `working_days_between` would count from the next working day)."""
    counted = calendar.working_days_between(start, end)
    if calendar.is_working_day(start):
        return counted
    return counted + (calendar.next_working_day_on_or_after(start) <= end)
