"""Triage on real cases: facts from what the complainant told us, duplicates from one query."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case, Person
from redress.domain.categories import Category
from redress.domain.complaints import ComplainedFirst
from redress.intake import triage
from redress.intake.models import ComplaintDetails
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SUMMARY = "The council has not repaired the street light outside my house for six months."


def _case(
    *,
    complained: ComplainedFirst | None = ComplainedFirst.FINAL_RESPONSE,
    first_knew_on: dt.date | None = None,
    **kwargs: Any,
) -> Case:
    case = make_case(**{"category": Category.HIGHWAYS, **kwargs})
    if complained is not None:
        ComplaintDetails.objects.create(
            case=case,
            first_knew_on=first_knew_on or TODAY - dt.timedelta(days=60),
            injustice="I worry about walking home in the dark.",
            complained_first=complained,
            final_response_on=TODAY - dt.timedelta(days=10)
            if complained == ComplainedFirst.FINAL_RESPONSE
            else None,
        )
    return Case.objects.get(pk=case.pk)


def _same_person_as(case: Case, **changes: Any) -> None:
    Person.objects.filter(pk=case.complainant_id).update(**changes)


def _suggested(case: Case, user: User) -> list[str]:
    fetched = triage.with_triage_facts(Case.objects.filter(pk=case.pk)).get()
    found = triage.suggestions_for(cases=[fetched], user=user, today=TODAY)[case.pk]
    return [s.key for s in found]


def test_no_final_response_is_premature(team: Team, intake_officer: User) -> None:
    case = _case(team=team, complained=ComplainedFirst.WAITING)
    assert _suggested(case, intake_officer) == ["PREMATURE"]


def test_not_complained_yet_is_premature(team: Team, intake_officer: User) -> None:
    case = _case(team=team, complained=ComplainedFirst.NOT_YET)
    assert _suggested(case, intake_officer) == ["PREMATURE"]


def test_a_case_without_recorded_details_gets_no_guesses(team: Team, intake_officer: User) -> None:
    case = _case(team=team, complained=None)
    assert _suggested(case, intake_officer) == []


def test_first_knowing_long_ago_is_late(team: Team, intake_officer: User) -> None:
    case = _case(team=team, first_knew_on=TODAY - dt.timedelta(days=800))
    assert _suggested(case, intake_officer) == ["LATE"]


def test_a_similar_complaint_from_the_same_person_is_a_likely_duplicate(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    earlier = _case(
        team=team,
        organisation=council,
        summary=SUMMARY,
        received_on=TODAY - dt.timedelta(days=20),
    )
    later = _case(team=team, organisation=council, summary=SUMMARY + " Still broken.")
    earlier_person = earlier.complainant
    _same_person_as(later, email=earlier_person.email.upper())
    suggested = _suggested(later, intake_officer)
    assert suggested == [f"DUPLICATE-{earlier.reference.replace(' ', '')}"]
    # The earlier case is not a duplicate of the later one.
    assert _suggested(earlier, intake_officer) == []


def test_name_and_postcode_also_identify_the_person(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    earlier = _case(team=team, organisation=council, summary=SUMMARY, received_on=TODAY)
    later = _case(team=team, organisation=council, summary=SUMMARY)
    person = earlier.complainant
    _same_person_as(earlier, postcode="AB1 2CD")
    _same_person_as(
        later, email="", first_name=person.first_name, last_name=person.last_name,
        postcode="ab12cd",
    )  # fmt: skip
    assert _suggested(later, intake_officer)[0].startswith("DUPLICATE-")


@pytest.mark.parametrize(
    "change",
    ["other_organisation", "other_person", "too_old", "different_text"],
)
def test_no_duplicate_without_every_sign(
    team: Team, intake_officer: User, council: Organisation, other_council: Organisation,
    change: str,
) -> None:  # fmt: skip
    earlier = _case(
        team=team,
        organisation=other_council if change == "other_organisation" else council,
        summary="My bins were not emptied for a month." if change == "different_text" else SUMMARY,
        received_on=TODAY - dt.timedelta(days=120 if change == "too_old" else 10),
    )  # fmt: skip
    later = _case(team=team, organisation=council, summary=SUMMARY)
    if change != "other_person":
        _same_person_as(later, email=earlier.complainant.email)
    assert _suggested(later, intake_officer) == []


def test_a_repeat_sent_to_another_team_is_still_found(
    team: Team, other_team: Team, intake_officer: User, council: Organisation
) -> None:
    elsewhere = _case(team=other_team, organisation=council, summary=SUMMARY, received_on=TODAY)
    later = _case(team=team, organisation=council, summary=SUMMARY)
    _same_person_as(later, email=elsewhere.complainant.email)
    [found] = triage.suggestions_for(cases=[later], user=intake_officer, today=TODAY)[later.pk]
    assert found.duplicate_of == elsewhere.reference
    assert "held by another team" in found.why


def test_a_restricted_repeat_is_reported_without_naming_it(
    team: Team, other_team: Team, intake_officer: User, council: Organisation
) -> None:
    restricted = _case(
        team=other_team, organisation=council, summary=SUMMARY, received_on=TODAY, sensitive=True
    )
    later = _case(team=team, organisation=council, summary=SUMMARY)
    _same_person_as(later, email=restricted.complainant.email)
    [found] = triage.suggestions_for(cases=[later], user=intake_officer, today=TODAY)[later.pk]
    assert found.duplicate_of == ""
    assert restricted.reference not in found.why
    assert "Ask a manager" in found.why


def test_the_queue_holds_the_teams_intake_cases_due_first(
    team: Team, other_team: Team, intake_officer: User, assessor: User
) -> None:
    newer = _case(team=team)
    older = _case(team=team, received_on=TODAY - dt.timedelta(days=9))
    _case(team=other_team)
    moved = _case(team=team)
    Case.objects.filter(pk=moved.pk).update(stage="assessment")
    assert list(triage.intake_queue(user=intake_officer)) == [older, newer]


def test_suggestions_for_a_page_take_a_fixed_number_of_queries(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    def run() -> int:
        cases = list(triage.intake_queue(user=intake_officer))
        with CaptureQueriesContext(connection) as queries:
            found = triage.suggestions_for(cases=cases, user=intake_officer, today=TODAY)
        assert all(found[c.pk] is not None for c in cases)
        return len(queries)

    _case(team=team, organisation=council, complained=ComplainedFirst.WAITING)
    few = run()
    for n in range(8):
        case = _case(team=team, organisation=council, summary=f"{SUMMARY} {n}")
        _same_person_as(case, email="same@example.org")
    # One query for the candidates, one for which of them the officer may open.
    assert few <= run() == 2
