"""Planning the investigation rows of one generated case, as the services would leave them.

Pure: a case's facts, a random source and the calendar in, rows out. The clock rules are
the services' own: an enquiry's reply is due by `enquiry_due_on`, chasers follow
`chaser_due`, the ENQUIRY_REPLY clock follows the earliest unanswered enquiry (met when the
last one is answered), and the case points at its earliest running, unpaused clock, the
ties broken by kind, as `casework.clocks.refresh_next_due` orders them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from redress.domain.calendar import WorkingCalendar
from redress.domain.clocks import ClockKind
from redress.domain.investigation import chaser_due, enquiry_due_on
from redress.domain.stages import Stage

ENQUIRY = ClockKind.ENQUIRY_REPLY.value

# Plain, single-line texts: COPY's text format then needs no escaping (no tabs, newlines
# or backslashes).
ISSUES = (
    "The organisation delayed in making its decision.",
    "The organisation did not follow its own policy.",
    "The organisation did not keep the complainant informed.",
    "The organisation did not consider the complainant's circumstances.",
    "The organisation's complaint handling was poor.",
    "The organisation did not act on the concerns it was told about.",
    "The organisation did not put right the mistake once it knew of it.",
    "The organisation gave wrong information about what would happen.",
)
NOT_INVESTIGATED = (
    "Events before the period, which the complainant could have complained about at the time.",
    "The merits of decisions properly made, which we cannot question.",
    "",
)
QUESTIONS = (
    "Please send the case notes for the period of the complaint and explain the delay.",
    "Please explain how you applied your policy and send the policy in force at the time.",
    "Please tell us what you have done since the complaint to stop this happening again.",
)
DOCUMENTS = (
    "Case notes, the policy in force at the time, and letters to the complainant.",
    "Emails between officers about the case.",
    "",
)
ANSWERS = (
    "The case notes and the policy are attached to our reply by email.",
    "We accept there was a delay; staff shortages were the cause. Records enclosed.",
)
_ENQUIRY_COUNTS = (0, 0, 0, 1, 1, 1, 1, 2, 2, 2)  # 0-2 enquiries, one most often


@dataclass(frozen=True)
class OpenCase:
    """What the planner needs of a generated case being investigated."""

    id: int
    stage: str
    organisation_id: int
    officer_id: int
    received_on: dt.date
    started_on: dt.date  # the day the current spell of investigating began
    running: dict[str, dt.date]  # open deadlines by kind
    paused: frozenset[str]
    next_due: tuple[dt.date | None, str]  # as stored on the case


@dataclass
class EnquiryRow:
    number: int
    sent_at: dt.datetime
    due_on: dt.date
    question: str
    documents: str
    answered_at: dt.datetime | None = None
    answer: str = ""

    @property
    def sent_on(self) -> dt.date:
        return self.sent_at.date()

    chasers_sent: int = 0
    last_chased_on: dt.date | None = None


@dataclass
class CasePlan:
    case: OpenCase
    statement: tuple[dt.date, dt.date, str, dt.datetime]  # from, to, not investigated, at
    issues: list[str]
    enquiries: list[EnquiryRow] = field(default_factory=list)
    # The ENQUIRY_REPLY clock: (due, met at) or None when no enquiry was sent.
    enquiry_clock: tuple[dt.date, dt.datetime | None] | None = None
    next_due: tuple[dt.date | None, str] = (None, "")


class Planner:
    """Plans cases against one calendar and one moment, memoising the calendar sums."""

    def __init__(self, calendar: WorkingCalendar, now: dt.datetime, seed: int) -> None:
        self.calendar = calendar
        self.now = now
        self.today = now.date()
        self.seed = seed
        self._due: dict[dt.date, dt.date] = {}
        self._chases: dict[dt.date, tuple[int, dt.date | None]] = {}
        self._working: dict[dt.date, list[dt.date]] = {}

    def plan(self, case: OpenCase) -> CasePlan:
        # One random source per case: the same seed gives the same rows in any chunking.
        rng = random.Random(f"{self.seed}:stage:{case.id}")  # noqa: S311 - not a secret
        days = self._working_days_from(case.started_on)
        written_on = days[min(2, len(days) - 1)] if days else case.started_on
        period_to = case.received_on - dt.timedelta(days=rng.randrange(0, 30))
        statement = (
            period_to - dt.timedelta(days=rng.randrange(120, 540)),
            period_to,
            rng.choice(NOT_INVESTIGATED),
            self._at(written_on, rng),
        )
        issues = rng.sample(ISSUES, rng.randint(1, 4))
        found = CasePlan(case=case, statement=statement, issues=issues)
        # Enquiries go once the statement is written, on a working day before today.
        window = [day for day in days if written_on < day < self.today]
        if case.stage == Stage.DRAFT_DECISION.value:
            window = window[:-1]  # room for the answer before today
        count = min(rng.choice(_ENQUIRY_COUNTS), len(window))
        for number, sent_on in enumerate(sorted(rng.sample(window, count)), start=1):
            found.enquiries.append(self._enquiry(rng, case, number, sent_on))
        found.enquiry_clock = self._enquiry_clock(found.enquiries)
        found.next_due = self._next_due(case, found.enquiry_clock)
        return found

    def _enquiry(
        self, rng: random.Random, case: OpenCase, number: int, sent: dt.date
    ) -> EnquiryRow:
        due = self._due.get(sent)
        if due is None:
            due = self._due[sent] = enquiry_due_on(sent, self.calendar)
        row = EnquiryRow(
            number=number,
            sent_at=self._at(sent, rng),
            due_on=due,
            question=rng.choice(QUESTIONS),
            documents=rng.choice(DOCUMENTS),
        )
        # A draft is shared only once the answers are in; while investigating, most
        # replies come near the due date, some early and some late or not at all.
        before_today = [day for day in self._working_days_from(sent) if sent < day < self.today]
        answered_on: dt.date | None = None
        if case.stage == Stage.DRAFT_DECISION.value or rng.random() < 0.7:
            answered_on = self.calendar.add_working_days(sent, rng.randrange(5, 30))
            if answered_on >= self.today:
                answered_on = (
                    before_today[-1]
                    if before_today and case.stage == Stage.DRAFT_DECISION.value
                    else None
                )
        if answered_on is not None and answered_on > sent:
            row.answered_at = self._at(answered_on, rng)
            row.answer = rng.choice(ANSWERS)
        elif due < self.today:
            row.chasers_sent, row.last_chased_on = self._chasers(due)
        return row

    def _chasers(self, due: dt.date) -> tuple[int, dt.date | None]:
        """The nightly chase, run each working day after the due date until today."""
        found = self._chases.get(due)
        if found is None:
            sent, last = 0, None
            day = self.calendar.add_working_days(due, 1)
            while day <= self.today:
                if chaser_due(
                    due_on=due,
                    answered=False,
                    last_chased_on=last,
                    today=day,
                    calendar=self.calendar,
                ):
                    sent, last = sent + 1, day
                day = self.calendar.add_working_days(day, 1)
            found = self._chases[due] = (sent, last)
        return found

    @staticmethod
    def _enquiry_clock(
        enquiries: list[EnquiryRow],
    ) -> tuple[dt.date, dt.datetime | None] | None:
        """Replay the sends and answers in time order, as `enquiry_clock_refresh` runs
        after each: pointed at the earliest waiting enquiry, or met when none waits."""
        events = [(e.sent_at, 0, e) for e in enquiries]
        events += [(e.answered_at, 1, e) for e in enquiries if e.answered_at is not None]
        clock: tuple[dt.date, dt.datetime | None] | None = None
        waiting: list[EnquiryRow] = []
        for at, answered, enquiry in sorted(events, key=lambda event: event[:2]):
            if answered:
                waiting.remove(enquiry)
            else:
                waiting.append(enquiry)
            if waiting:
                first = min(waiting, key=lambda e: (e.due_on, e.number))
                clock = (first.due_on, None)
            elif clock is not None and clock[1] is None:
                clock = (clock[0], at)
        return clock

    @staticmethod
    def _next_due(
        case: OpenCase, clock: tuple[dt.date, dt.datetime | None] | None
    ) -> tuple[dt.date | None, str]:
        running = dict(case.running)
        if clock is not None and clock[1] is None:
            running[ENQUIRY] = clock[0]
        candidates = sorted((due, kind) for kind, due in running.items() if kind not in case.paused)
        return candidates[0] if candidates else (None, "")

    def _working_days_from(self, start: dt.date) -> list[dt.date]:
        """The working days from `start` (included if working) to today (included)."""
        found = self._working.get(start)
        if found is None:
            found = []
            day = (
                start
                if self.calendar.is_working_day(start)
                else (self.calendar.add_working_days(start, 1))
            )
            while day <= self.today:
                found.append(day)
                day = self.calendar.add_working_days(day, 1)
            self._working[start] = found
        return found

    def _at(self, day: dt.date, rng: random.Random) -> dt.datetime:
        """A moment in office hours on `day`, never after now."""
        moment = dt.datetime.combine(
            day, dt.time(9 + rng.randrange(0, 8), rng.randrange(0, 60)), tzinfo=self.now.tzinfo
        )
        return min(moment, self.now)
