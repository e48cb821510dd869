"""Staff case pages: who may open and post each one, what they show, and query budgets."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.audit.models import AuditEvent
from redress.casework.models import Case, ClockPause, Deadline
from redress.domain.clocks import ClockKind
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _ref(case: Case) -> str:
    return case.reference.replace(" ", "")


CASE_PAGES = ["casework:case", "casework:move", "casework:edit", "casework:log-contact"]


@pytest.mark.parametrize("name", ["casework:workqueue", *CASE_PAGES])
def test_signed_out_people_are_sent_to_sign_in(team: Team, name: str) -> None:
    case = make_case(team=team)
    url = reverse(name) if name == "casework:workqueue" else reverse(name, args=[_ref(case)])
    response = _client(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("persona", ["council_user", "complainant_user"])
def test_people_outside_the_scheme_cannot_use_staff_pages(
    request: pytest.FixtureRequest, persona: str, council: Organisation
) -> None:
    user = request.getfixturevalue(persona)
    case = make_case(organisation=council)
    client = _client(user)
    assert client.get(reverse("casework:workqueue")).status_code == 403
    for name in CASE_PAGES:
        assert client.get(reverse(name, args=[_ref(case)])).status_code == 403
    assert (
        client.post(reverse("casework:add-note", args=[_ref(case)]), {"text": "x"}).status_code
        == 403
    )


@pytest.mark.parametrize("name", CASE_PAGES)
def test_a_case_outside_your_team_is_not_found(team: Team, outsider: User, name: str) -> None:
    case = make_case(team=team)
    assert _client(outsider).get(reverse(name, args=[_ref(case)])).status_code == 404


def test_posting_to_a_case_outside_your_team_is_not_found(team: Team, outsider: User) -> None:
    case = make_case(team=team)
    client = _client(outsider)
    ref = _ref(case)
    assert client.post(reverse("casework:add-note", args=[ref]), {"text": "x"}).status_code == 404
    assert client.post(reverse("casework:move", args=[ref]), {}).status_code == 404
    assert client.post(reverse("casework:edit", args=[ref]), {}).status_code == 404
    assert client.post(reverse("casework:log-contact", args=[ref]), {}).status_code == 404


@pytest.mark.parametrize("reference", ["not-a-ref", "99999999", "26 000 001'--"])
def test_unknown_or_malformed_references_are_not_found(investigator: User, reference: str) -> None:
    assert _client(investigator).get(f"/cases/{reference}/").status_code == 404


def test_the_case_page_shows_the_case_and_audits_the_view(team: Team, investigator: User) -> None:
    case = make_case(team=team, summary="The council lost my blue badge application.")
    response = _client(investigator).get(reverse("casework:case", args=[_ref(case)]))
    body = response.content.decode()
    assert response.status_code == 200
    assert case.reference in body
    assert "The council lost my blue badge application." in body
    assert "Complaint received" in body  # the timeline's first transition
    assert "Assessment decision due" in body
    assert AuditEvent.objects.filter(case_id=case.pk, action="view", actor=investigator).exists()


def test_the_workqueue_lists_my_cases_by_next_due(team: Team, investigator: User) -> None:
    later = make_case(team=team, officer=investigator, received_on=timezone.localdate())
    sooner = make_case(
        team=team, officer=investigator, received_on=timezone.localdate() - dt.timedelta(days=20)
    )
    make_case(team=team)  # the team's, not mine
    body = _client(investigator).get(reverse("casework:workqueue")).content.decode()
    refs = re.findall(r'href="/cases/(\d{8})/"', body)
    assert refs == [_ref(sooner), _ref(later)]


def test_team_scope_and_filters(team: Team, investigator: User, assessor: User) -> None:
    make_case(team=team)
    moved = make_case(team=team)
    client = _client(assessor)
    client.post(
        reverse("casework:move", args=[_ref(moved)]),
        {"version": moved.version, "target": Stage.ASSESSMENT.value, "reason": "Complete"},
    )
    body = client.get(reverse("casework:workqueue"), {"scope": "team", "stage": "assessment"})
    text = body.content.decode()
    assert moved.reference in text
    assert "Showing 1 to 1 of 1 cases" in text


def test_bad_filter_values_fall_back_instead_of_failing(investigator: User) -> None:
    response = _client(investigator).get(
        reverse("casework:workqueue"),
        {"stage": "nonsense", "organisation": "abc", "page": "-4", "sort": "DROP TABLE"},
    )
    assert response.status_code == 200


def test_the_workqueue_makes_a_fixed_number_of_queries(team: Team, investigator: User) -> None:
    client = _client(investigator)
    url = reverse("casework:workqueue")
    make_case(team=team, officer=investigator)
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        make_case(team=team, officer=investigator)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    assert len(many) <= 8


def test_the_case_page_makes_a_fixed_number_of_queries(
    team: Team, investigator: User, intake_officer: User
) -> None:
    case = make_case(team=team)
    client = _client(investigator)
    url = reverse("casework:case", args=[_ref(case)])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    notes = _client(intake_officer)
    for n in range(10):
        notes.post(reverse("casework:add-note", args=[_ref(case)]), {"text": f"Note {n}"})
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    assert len(many) <= 14


def test_moving_a_stage_through_the_page(team: Team, assessor: User) -> None:
    case = make_case(team=team)
    client = _client(assessor)
    url = reverse("casework:move", args=[_ref(case)])
    form = client.get(url).content.decode()
    assert "Pass to assessment" in form
    response = client.post(
        url,
        {
            "version": case.version,
            "target": "closed",
            "outcome": "referred_back",
            "reason_codes": ["PREMATURE"],
            "reason": "The council has not had a chance to reply.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.stage, case.outcome, case.reason_codes) == (
        "closed",
        "referred_back",
        ["PREMATURE"],
    )


def test_a_refused_move_explains_itself_and_keeps_the_answers(team: Team, assessor: User) -> None:
    case = make_case(team=team)
    response = _client(assessor).post(
        reverse("casework:move", args=[_ref(case)]),
        {"version": case.version, "target": "closed", "reason": "My reason text"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose an outcome for this decision." in body
    assert "My reason text" in body
    case.refresh_from_db()
    assert case.stage == Stage.INTAKE


def test_a_role_without_moves_at_this_stage_is_refused(team: Team, investigator: User) -> None:
    case = make_case(team=team)
    assert _client(investigator).get(reverse("casework:move", args=[_ref(case)])).status_code == 403


def test_the_second_of_two_simultaneous_saves_keeps_what_was_typed(
    team: Team, assessor: User, manager: User
) -> None:
    case = make_case(team=team)
    url = reverse("casework:edit", args=[_ref(case)])
    first, second = _client(assessor), _client(manager)
    first.get(url)
    second.get(url)
    common = {"version": case.version, "category": case.category, "subcategory": ""}
    saved = first.post(url, {**common, "summary": "Assessor's summary"})
    assert saved.status_code == 302
    clash = second.post(url, {**common, "summary": "Manager's careful summary", "sensitive": "on"})
    body = clash.content.decode()
    assert clash.status_code == 200
    assert "Someone else saved this case" in body
    assert "summary" in body
    assert "Manager&#39;s careful summary" in body or "Manager's careful summary" in body
    case.refresh_from_db()
    assert case.summary == "Assessor's summary"
    # Saving again after checking goes through with the version the page now carries.
    version = re.search(r'name="version"[^>]*value="(\d+)"', body) or re.search(
        r'value="(\d+)"[^>]*name="version"', body
    )
    assert version is not None
    again = second.post(
        url, {**common, "version": version.group(1), "summary": "Manager's careful summary"}
    )
    assert again.status_code == 302
    case.refresh_from_db()
    assert case.summary == "Manager's careful summary"


def test_notes_and_contacts_are_added_from_the_case(team: Team, intake_officer: User) -> None:
    case = make_case(team=team)
    client = _client(intake_officer)
    ref = _ref(case)
    assert (
        client.post(reverse("casework:add-note", args=[ref]), {"text": "Called back"}).status_code
        == 302
    )
    response = client.post(
        reverse("casework:log-contact", args=[ref]),
        {
            "direction": "in",
            "channel": "letter",
            "party": "Complainant",
            "summary": "Sent copies of letters",
            "received_on_day": "",
            "received_on_month": "",
            "received_on_year": "",
        },
    )
    assert response.status_code == 302
    body = client.get(reverse("casework:case", args=[ref])).content.decode()
    assert "Called back" in body
    assert "Sent copies of letters" in body
    assert "not dealt with yet" in body


def test_an_empty_note_gets_an_error_not_a_crash(team: Team, intake_officer: User) -> None:
    case = make_case(team=team)
    response = _client(intake_officer).post(
        reverse("casework:add-note", args=[_ref(case)]), {"text": " "}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_a_contact_dated_in_the_future_is_refused(team: Team, intake_officer: User) -> None:
    case = make_case(team=team)
    response = _client(intake_officer).post(
        reverse("casework:log-contact", args=[_ref(case)]),
        {
            "direction": "in",
            "channel": "email",
            "party": "Complainant",
            "summary": "Email",
            "received_on_day": "1",
            "received_on_month": "1",
            "received_on_year": "2099",
        },
    )
    assert response.status_code == 200
    assert "must be today or in the past" in response.content.decode()


def test_find_by_reference(team: Team, investigator: User) -> None:
    case = make_case(team=team)
    client = _client(investigator)
    found = client.get(reverse("casework:find"), {"reference": case.reference})
    assert found["Location"] == reverse("casework:case", args=[_ref(case)])
    wrong = client.get(reverse("casework:find"), {"reference": "banana"})
    assert wrong["Location"] == reverse("casework:workqueue")


def test_what_people_typed_is_escaped_and_contact_lines_are_split(
    team: Team, investigator: User
) -> None:
    case = make_case(team=team, summary="<script>alert('x')</script> broke my fence")
    case.complainant.phone = "01632 960310"
    case.complainant.email = "a<b>@example.org"
    case.complainant.save(update_fields=["phone", "email"])
    body = _client(investigator).get(reverse("casework:case", args=[_ref(case)])).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert" in body
    assert "a&lt;b&gt;@example.org<br>01632 960310" in body


def test_an_ignored_filter_value_is_not_shown_as_an_error(team: Team, investigator: User) -> None:
    make_case(team=team, officer=investigator)
    response = _client(investigator).get(
        reverse("casework:workqueue"), {"stage": "nonsense", "scope": "team"}
    )
    body = response.content.decode()
    assert "govuk-error-message" not in body
    assert "<title>Error" not in body
    assert "My team&#39;s queue" in body or "My team's queue" in body


def test_a_paused_clock_shows_its_pause_not_overdue(team: Team, investigator: User) -> None:
    case = make_case(team=team, officer=investigator, stage=Stage.INVESTIGATION)
    long_ago = timezone.localdate() - dt.timedelta(days=200)
    Deadline.objects.update_or_create(
        case=case, kind=ClockKind.KEEP_IN_TOUCH.value, defaults={"due_on": long_ago}
    )
    ClockPause.objects.create(
        case=case,
        kind=ClockKind.KEEP_IN_TOUCH.value,
        started_on=long_ago,
        reason="Waiting for a court hearing.",
    )
    client = Client()
    client.force_login(investigator)
    text = client.get(reverse("casework:case", args=[case.reference])).content.decode()
    entry = text.split(ClockKind.KEEP_IN_TOUCH.label, 1)[1].split("</li>", 1)[0]
    assert "Paused since" in entry
    assert "Overdue" not in entry
