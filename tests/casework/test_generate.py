"""The data generator: histories the rules allow, exact clocks, sequential references."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections import Counter, defaultdict
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.utils import timezone

from redress.accounts.models import User
from redress.casework.calendars import scheme_calendar
from redress.casework.generate import GenerateOptions, GenerateResult, complaints, generate, wording
from redress.casework.generate import reference_data as ref
from redress.casework.generate.timeline import WorkTime, cut_at, sample_path
from redress.casework.models import Case, Contact, ReferenceCounter, StageTransition
from redress.casework.permissions import can_make_transition
from redress.casework.services import reference_issue
from redress.domain.calendar import WorkingCalendar, england_and_wales_bank_holidays
from redress.domain.categories import SUBCATEGORY_LABELS, WRITTEN_CHANNELS, Category
from redress.domain.clocks import ClockKind, due_date
from redress.domain.investigation import keep_in_touch, keep_in_touch_started_on, parties_reached
from redress.domain.references import parse_reference
from redress.domain.roles import Role, may_move_case_at
from redress.domain.stages import (
    OPEN_STAGES,
    Outcome,
    ReasonCode,
    Stage,
    TransitionKind,
    TransitionRequest,
    check_transition,
)

SEED = 7
INVESTIGATING = frozenset({Stage.INVESTIGATION.value, Stage.DRAFT_DECISION.value})
WRITTEN = frozenset(channel.value for channel in WRITTEN_CHANNELS)


def _request(
    source: str, target: str, outcome: str, codes: tuple[str, ...] | list[str], reason: str
) -> TransitionRequest:
    return TransitionRequest(
        source=Stage(source),
        target=Stage(target),
        reason=reason,
        outcome=Outcome(outcome) if outcome else None,
        reason_codes=tuple(ReasonCode(code) for code in codes),
        # The generator reopens a closed case only after an upheld post-decision review.
        post_decision_review_upheld=source == Stage.CLOSED.value,
    )


# -- The planner on its own (no database) ------------------------------------------------


@pytest.fixture(scope="module")
def planned() -> tuple[list[list[tuple[str, str, str, tuple[str, ...], str, int]]], int]:
    """30,000 planned lives of complaints received over the last two years."""
    now = dt.datetime.now(dt.UTC)
    today = now.date()
    years = range(today.year - 3, today.year + 6)
    calendar = WorkingCalendar(non_working_days=england_and_wales_bank_holidays(years))
    clock = WorkTime(
        calendar, today - dt.timedelta(days=800), today + dt.timedelta(days=5 * 366), now
    )
    rng = random.Random(SEED)
    categories = [category.value for category in Category]
    paths = []
    for _ in range(30_000):
        day = clock.today - int(rng.random() * 730)
        received = clock.staff_time(rng, day) if day != clock.today else clock.now - 60
        steps = sample_path(rng, clock, received, rng.choice(categories))
        paths.append([(s.source, s.target, s.outcome, s.codes, s.reason, s.t) for s in steps])
    return paths, clock.now


def test_every_planned_path_follows_the_rules(
    planned: tuple[list[list[tuple[str, str, str, tuple[str, ...], str, int]]], int],
) -> None:
    paths, _ = planned
    for path in paths:
        assert path[0][:2] == ("", Stage.INTAKE.value)
        for previous, step in pairwise(path):
            source, target, outcome, codes, reason, t = step
            assert source == previous[1]
            assert t > previous[5], "times must increase"
            check_transition(_request(source, target, outcome, codes, reason))
        assert path[-1][1] == Stage.CLOSED.value, "every planned life ends closed"


def test_planned_outcomes_look_like_the_lgscos(
    planned: tuple[list[list[tuple[str, str, str, tuple[str, ...], str, int]]], int],
) -> None:
    paths, _ = planned
    closed_from: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    for path in paths:
        first_close = next(step for step in path if step[1] == Stage.CLOSED.value)
        closed_from[first_close[0]] += 1
        decisions.update(step[2] for step in path if step[1] == Stage.DECIDED.value)
    total = len(paths)
    assert 0.40 < closed_from[Stage.INTAKE.value] / total < 0.50
    reached_investigation = sum(
        any(step[1] == Stage.INVESTIGATION.value for step in path) for path in paths
    )
    assert 0.17 < reached_investigation / total < 0.23
    assessment_ends = sum(
        any(
            step[0] == Stage.ASSESSMENT.value and step[1] != Stage.INVESTIGATION.value
            for step in path[:3]
        )
        for path in paths
    )
    assert 0.30 < assessment_ends / total < 0.40
    upheld = sum(n for outcome, n in decisions.items() if Outcome(outcome).is_upheld)
    assert 0.75 < upheld / sum(decisions.values()) < 0.85


def test_recent_cases_sit_at_every_open_stage(
    planned: tuple[list[list[tuple[str, str, str, tuple[str, ...], str, int]]], int],
) -> None:
    paths, now = planned
    stages: Counter[str] = Counter()
    for path in paths:
        steps = [step for step in path if step[5] <= now]
        stages[steps[-1][1]] += 1
    assert {stage.value for stage in OPEN_STAGES} <= set(stages)
    # Investigations are the bulk of the open work; intake and decided pass quickly.
    assert stages[Stage.INVESTIGATION.value] > stages[Stage.INTAKE.value]
    assert stages[Stage.ASSESSMENT.value] > stages[Stage.DECIDED.value]


def test_cut_at_keeps_only_what_has_happened() -> None:
    calendar = WorkingCalendar(non_working_days=frozenset())
    now = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
    clock = WorkTime(calendar, dt.date(2025, 1, 1), dt.date(2028, 1, 1), now)
    received = clock.staff_time(random.Random(2), clock.today - 30)
    steps = sample_path(random.Random(1), clock, received, Category.EDUCATION.value)
    kept = cut_at(steps, clock.now)
    assert kept == [step for step in steps if step.t <= clock.now]


def test_texts_are_safe_to_stream_into_copy() -> None:
    texts = wording.all_texts()
    for body in ref.BODIES:
        texts += [body.name, body.region, *body.towns]
    texts += [*ref.FEMALE_FIRST_NAMES, *ref.MALE_FIRST_NAMES, *ref.LAST_NAMES, *ref.STREET_NAMES]
    texts += [*ref.REASONABLE_ADJUSTMENTS, *(authority for _, authority in ref.REPRESENTATIVES)]
    for text in texts:
        assert not {"\t", "\n", "\r", "\\"} & set(text), text


def test_every_subcategory_has_summaries_that_fill_in() -> None:
    assert set(complaints.SUMMARIES) == set(SUBCATEGORY_LABELS)
    values = {
        "c": "Mrs Okafor",
        "p": "her",
        "o": "her",
        "org": "the Council",
        "rel": "mother",
        "child": "son",
        "w": 12,
        "m": 5,
        "n": 3,
        "amt": "350",
        "mon": "March",
    }
    for templates in complaints.SUMMARIES.values():
        for template in templates:
            text = template.format(**values)
            assert "{" not in text
            assert text.endswith(".")
    for impact in complaints.IMPACTS:
        fields = {name for _, name, _, _ in string.Formatter().parse(impact) if name}
        assert fields <= set(values), impact


def test_enough_councils_of_every_kind() -> None:
    kinds = Counter(body.org_type for body in ref.COUNCILS)
    assert len(ref.COUNCILS) >= 150
    assert len(ref.CARE_PROVIDERS) == 40
    assert all(count >= 20 for count in kinds.values())
    assert len({body.name for body in ref.BODIES}) == len(ref.BODIES)


# -- Generated into the database ---------------------------------------------------------


@pytest.fixture
def caseload(db: None) -> GenerateResult:
    return generate(GenerateOptions(cases=300, seed=SEED, progress=False))


def _histories() -> dict[int, list[StageTransition]]:
    histories: dict[int, list[StageTransition]] = defaultdict(list)
    for transition in StageTransition.objects.order_by("case_id", "at", "id"):
        histories[transition.case_id].append(transition)
    return histories


@pytest.mark.django_db
def test_generates_the_cases_asked_for(caseload: GenerateResult) -> None:
    assert Case.objects.count() == caseload.cases == 300
    assert caseload.years == 1
    received = Case.objects.values_list("received_on", flat=True)
    assert min(received) >= caseload.first_received
    assert max(received) <= timezone.localdate()


@pytest.mark.django_db
def test_every_history_replays_through_the_rules(caseload: GenerateResult) -> None:
    users = {user.pk: user for user in User.objects.all()}
    histories = _histories()
    now = timezone.now()
    for case in Case.objects.all():
        history = histories[case.pk]
        first = history[0]
        assert (first.from_stage, first.to_stage) == ("", Stage.INTAKE.value)
        assert first.actor_id is None or may_move_case_at(
            Role(users[first.actor_id].role), Stage.INTAKE
        )
        outcome = ""
        codes: list[str] = []
        for previous, transition in pairwise(history):
            assert transition.from_stage == previous.to_stage
            assert previous.at < transition.at <= now
            rule = check_transition(
                _request(
                    transition.from_stage,
                    transition.to_stage,
                    transition.outcome,
                    transition.reason_codes,
                    transition.reason,
                )
            )
            assert transition.actor_id is not None, "only a new complaint has no actor"
            actor = users[transition.actor_id]
            assert can_make_transition(actor, Case(stage=transition.from_stage), rule), (
                f"{actor.role} cannot move a case from {transition.from_stage}"
            )
            if rule.kind == TransitionKind.REOPEN:
                outcome, codes = "", []
            outcome = transition.outcome or outcome
            codes = transition.reason_codes or codes
        assert case.stage == history[-1].to_stage
        assert case.version == len(history)
        assert (case.outcome, case.reason_codes) == (outcome, codes)
        if case.stage == Stage.CLOSED.value:
            assert case.outcome, "a closed case says how it ended"
        if case.outcome == Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES.value:
            assert case.reason_codes
        assert case.created_at == first.at
        assert case.updated_at == history[-1].at


@pytest.mark.django_db
def test_references_are_sequential_per_year_and_continue(caseload: GenerateResult) -> None:
    def numbers() -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for reference, received_on in Case.objects.values_list("reference", "received_on"):
            parsed = parse_reference(reference)
            assert str(parsed) == reference
            assert parsed.year_2digit == received_on.year % 100
            found[received_on.year].append(parsed.sequence)
        return found

    first_run = numbers()
    for year, sequence in first_run.items():
        assert sorted(sequence) == list(range(1, len(sequence) + 1))
        assert ReferenceCounter.objects.get(year=year).last_sequence == len(sequence)
    by_reference = list(Case.objects.order_by("reference").values_list("received_on", flat=True))
    assert by_reference == sorted(by_reference), "numbers are issued in order of receipt"

    generate(GenerateOptions(cases=120, seed=SEED + 1, progress=False))
    second_run = numbers()
    for year, sequence in second_run.items():
        assert sorted(sequence) == list(range(1, len(sequence) + 1)), "no gaps, no clashes"
        assert ReferenceCounter.objects.get(year=year).last_sequence == len(sequence)
    today = timezone.localdate()
    issued = parse_reference(reference_issue(received_on=today))
    assert issued.sequence == len(second_run[today.year]) + 1


@pytest.mark.django_db
def test_deadlines_are_what_the_clocks_give(caseload: GenerateResult) -> None:
    today = timezone.localdate()
    calendar = scheme_calendar(today)
    histories = _histories()
    contacts: dict[int, list[Contact]] = defaultdict(list)
    for contact in Contact.objects.order_by("received_at", "id"):
        contacts[contact.case_id].append(contact)
    checked_keep_in_touch = 0
    for case in Case.objects.prefetch_related("deadlines"):
        deadlines = {deadline.kind: deadline for deadline in case.deadlines.all()}
        history = histories[case.pk]
        assessment = deadlines[ClockKind.ASSESSMENT.value]
        assert assessment.due_on == due_date(ClockKind.ASSESSMENT, case.received_on, calendar)
        assert (assessment.met_at is None) == (
            case.stage in (Stage.INTAKE.value, Stage.ASSESSMENT.value)
        )
        investigating = case.stage in INVESTIGATING
        if any(t.to_stage == Stage.INVESTIGATION.value for t in history):
            target = deadlines[ClockKind.INVESTIGATION.value]
            assert target.due_on == case.received_on + dt.timedelta(weeks=13)
            assert (target.met_at is None) == investigating
            kept_in_touch = deadlines[ClockKind.KEEP_IN_TOUCH.value]
            assert (kept_in_touch.met_at is None) == investigating
            if investigating:
                # Due 20 working days after the older of the two sides' latest updates
                # since the investigation began (domain.investigation.keep_in_touch).
                started = keep_in_touch_started_on(
                    [(t.to_stage, timezone.localdate(t.at)) for t in history]
                )
                assert started is not None
                sent = [
                    (timezone.localdate(c.received_at), parties_reached(c.party))
                    for c in contacts[case.pk]
                    if c.direction == "out" and timezone.localdate(c.received_at) >= started
                ]
                state = keep_in_touch(
                    started_on=started, updates=sent, pauses=(), calendar=calendar
                )
                assert kept_in_touch.due_on == state.due_on
                checked_keep_in_touch += 1
        else:
            assert ClockKind.INVESTIGATION.value not in deadlines
            assert ClockKind.KEEP_IN_TOUCH.value not in deadlines
        written = [c for c in contacts[case.pk] if c.direction == "in" and c.channel in WRITTEN]
        if not written:
            assert ClockKind.WRITTEN_CONTACT.value not in deadlines
        else:
            clock = deadlines[ClockKind.WRITTEN_CONTACT.value]
            waiting = [c.received_at for c in written if c.handled_at is None]
            if waiting:
                assert clock.met_at is None
                oldest = timezone.localdate(min(waiting))
                assert clock.due_on == due_date(ClockKind.WRITTEN_CONTACT, oldest, calendar)
            else:
                assert clock.met_at is not None
        still_open = sorted((d.due_on, d.kind) for d in deadlines.values() if d.met_at is None)
        expected = still_open[0] if still_open else (None, "")
        assert (case.next_due_on, case.next_due_kind) == expected
    assert checked_keep_in_touch > 0


@pytest.mark.django_db
def test_open_cases_have_a_team_and_an_officer_who_works_that_stage(
    caseload: GenerateResult,
) -> None:
    open_cases = Case.objects.exclude(stage=Stage.CLOSED.value).select_related("officer")
    assert open_cases.exists()
    for case in open_cases:
        assert case.team_id is not None
        assert case.officer is not None
        assert case.officer.team_id == case.team_id
        assert may_move_case_at(Role(case.officer.role), Stage(case.stage))
    officers = User.objects.filter(username__startswith="officer.")
    assert officers.exists()
    assert not any(officer.has_usable_password() for officer in officers)


@pytest.mark.django_db
def test_people_and_contacts_look_real(caseload: GenerateResult) -> None:
    now = timezone.now()
    calendar = scheme_calendar(timezone.localdate())
    contacts = list(Contact.objects.all())
    assert {c.direction for c in contacts} == {"in", "out"}
    handled_in_time = total = 0
    for contact in contacts:
        assert contact.received_at <= now
        if contact.handled_at is not None:
            assert contact.received_at <= contact.handled_at <= now
        if contact.direction == "in" and contact.channel in WRITTEN and contact.handled_at:
            total += 1
            handled_in_time += calendar.is_within_working_days(
                timezone.localdate(contact.received_at), timezone.localdate(contact.handled_at), 3
            )
    assert handled_in_time / total > 0.9
    cases = list(Case.objects.select_related("complainant", "organisation"))
    assert all(
        case.summary.startswith(case.complainant.title or case.complainant.first_name)
        for case in cases
    )
    assert any(case.representative_id for case in cases)
    assert sum(case.sensitive for case in cases) < len(cases) * 0.1
    categories = Counter(case.category for case in cases)
    assert categories.most_common(2)[0][0] in {Category.EDUCATION.value, Category.ADULT_CARE.value}


@pytest.mark.django_db
def test_same_seed_at_the_same_moment_gives_the_same_caseload() -> None:
    now = timezone.now()
    fields = ("received_on", "channel", "category", "subcategory", "summary", "stage", "outcome")
    generate(GenerateOptions(cases=80, seed=11, now=now, progress=False))
    first = list(Case.objects.order_by("id").values_list(*fields))
    generate(GenerateOptions(cases=80, seed=11, now=now, progress=False))
    second = list(Case.objects.order_by("id").values_list(*fields))[80:]
    assert first == second


@pytest.mark.django_db
def test_generate_command_adds_cases() -> None:
    out = StringIO()
    call_command("generate", cases=40, seed=3, stdout=out, stderr=StringIO())
    call_command("generate", cases=40, seed=3, stdout=out, stderr=StringIO())
    assert Case.objects.count() == 80
    assert Case.objects.values("reference").distinct().count() == 80
    assert "Generated 40 cases" in out.getvalue()
