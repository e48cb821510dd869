"""What every demo scenario shares: the cast, a story's calendar, and the case it is about.

A scenario tells one case's story through the real services, step by step, on the
working days it would have happened. While a step runs, Django's clock reads the step's
moment, so every row the services write (stage history, clocks, letters, audit) carries
the date the story says, exactly as if staff had done it on that day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.calendars import scheme_calendar
from redress.casework.models import Case
from redress.casework.services import case_update_details
from redress.domain.calendar import WorkingCalendar
from redress.domain.categories import Category, Channel
from redress.domain.complaints import ComplainedFirst, ComplaintAnswers, ContactMethod
from redress.intake.staff_complaints import intake_log_complaint
from redress.organisations.models import Organisation

# Each scenario's complainant has an address at this domain: it names the scenario and
# lets a second run find the case it made the first time.
SCENARIO_EMAIL_DOMAIN = "scenario.redress-demo.example"
_FORM_KEYS = uuid.UUID("6f1d7a52-1c8e-4f0b-9a63-2f4c2d1b7e10")


@dataclass(frozen=True)
class Cast:
    """The demo accounts a scenario acts as, and the organisation its cases are about."""

    intake: User
    assessor: User
    investigator: User
    manager: User
    compliance: User
    admin: User
    council: User
    organisation: Organisation
    assessment_team: Team
    compliance_team: Team


@contextmanager
def as_of(moment: dt.datetime) -> Iterator[None]:
    """Run the services as if it were `moment` (never later than now)."""
    moment = min(moment, timezone.now())
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


@dataclass
class Story:
    """The working days of one scenario, counted back from today.

    `day(n)` is the n-th working day of the story; the story ends `ends_ago` working days
    before the last working day up to today, so a story of 40 working days ending 2 days
    ago started 42 ago.
    """

    length: int
    ends_ago: int = 0
    calendar: WorkingCalendar = field(default_factory=scheme_calendar)
    today: dt.date = field(default_factory=timezone.localdate)

    def __post_init__(self) -> None:
        # Counted from the last working day up to today, so no day of the story is in
        # the future when the demo is set up at a weekend.
        last = working_days_before(self.today, 0, self.calendar)
        self.start = working_days_before(last, self.length + self.ends_ago, self.calendar)

    def day(self, n: int) -> dt.date:
        return self.calendar.add_working_days(self.start, n) if n else self.start

    def at(self, n: int, hour: int = 10, minute: int = 0) -> dt.datetime:
        moment = dt.datetime.combine(self.day(n), dt.time(hour, minute))
        return timezone.make_aware(moment)


def working_days_before(day: dt.date, count: int, calendar: WorkingCalendar) -> dt.date:
    """The working day `count` working days before `day` (with 0: `day` itself if it is a
    working day, else the working day before it)."""
    found = 0
    while found < count:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            found += 1
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def scenario_email(key: str) -> str:
    return f"{key.replace('_', '.')}@{SCENARIO_EMAIL_DOMAIN}"


def scenario_case(key: str) -> Case | None:
    """The case a scenario made on an earlier run, if it did."""
    email = scenario_email(key)
    return Case.objects.filter(complainant__email=email).order_by("pk").first()


@dataclass(frozen=True)
class Complaint:
    """What the complainant told us, in their words."""

    title: str
    first_name: str
    last_name: str
    category: Category
    summary: str
    injustice: str
    outcome_sought: str
    complained: ComplainedFirst = ComplainedFirst.FINAL_RESPONSE
    knew_days_ago: int = 120


def complaint_log(
    *, key: str, complaint: Complaint, cast: Cast, story: Story, channel: Channel = Channel.EMAIL
) -> Case:
    """The intake officer logs the complaint on the story's first day."""
    received_on = story.day(0)
    with as_of(story.at(0, 9, 30)):
        return intake_log_complaint(
            complaint=ComplaintAnswers(
                on_behalf=False,
                title=complaint.title,
                first_name=complaint.first_name,
                last_name=complaint.last_name,
                contact_method=ContactMethod.EMAIL,
                email=scenario_email(key),
                phone="",
                address="",
                postcode="",
                adjustments="",
                organisation_id=cast.organisation.pk,
                summary=complaint.summary,
                first_knew_on=received_on - dt.timedelta(days=complaint.knew_days_ago),
                injustice=complaint.injustice,
                outcome_sought=complaint.outcome_sought,
                complained=complaint.complained,
                final_response_on=(
                    received_on - dt.timedelta(days=30)
                    if complaint.complained is ComplainedFirst.FINAL_RESPONSE
                    else None
                ),
                category=complaint.category,
                category_chosen=True,
            ),
            channel=channel,
            received_on=received_on,
            actor=cast.intake,
            form_key=uuid.uuid5(_FORM_KEYS, key),
        )


def case_allocate(*, case: Case, officer: User, team: Team, actor: User) -> Case:
    """Give the case to an officer in a team (as a manager balancing work would)."""
    return case_update_details(
        case=case,
        expected_version=case.version,
        changes={"officer": officer, "team": team},
        actor=actor,
    )


def fresh(case: Case) -> Case:
    return Case.objects.select_related("organisation", "complainant", "representative").get(
        pk=case.pk
    )
