"""The workspace pages: who may open and post each one, what they show, query budgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.assessment.models import Assessment, EarlyResolutionAction
from redress.casework.models import Case, Deadline
from redress.domain.roles import Role
from redress.frontend.dates import date_uk
from redress.notifications.models import Letter
from redress.testing.factories import UserFactory, make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NAMES = ["workspace", "close", "remedy-provided", "early-resolution", "allocate"]
DECISIONS = NAMES[1:]


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _url(name: str, case: Case) -> str:
    return reverse(f"assessment:{name}", args=[_ref(case)])


def test_signed_out_people_are_sent_to_sign_in(assessment_case: Case) -> None:
    client = _client(None)
    for name in NAMES:
        for response in (
            client.get(_url(name, assessment_case)),
            client.post(_url(name, assessment_case)),
        ):
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("persona", ["council_user", "complainant_user"])
def test_people_outside_the_scheme_are_refused(
    request: pytest.FixtureRequest, assessment_case: Case, persona: str
) -> None:
    client = _client(request.getfixturevalue(persona))
    for name in NAMES:
        assert client.get(_url(name, assessment_case)).status_code == 403, name
        assert client.post(_url(name, assessment_case), {}).status_code == 403, name
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("persona", ["investigator", "intake_officer", "compliance_officer"])
def test_other_staff_read_the_workspace_but_cannot_change_it(
    request: pytest.FixtureRequest,
    answered: Case,
    persona: str,
    clear_post: Callable[[int], dict[str, str]],
) -> None:
    client = _client(request.getfixturevalue(persona))
    page = client.get(_url("workspace", answered))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Save progress" not in html
    assert "You can read this assessment." in html
    assert "Reasoning on fault." in html  # the answers, to read
    assert client.post(_url("workspace", answered), clear_post(1)).status_code == 403
    for name in DECISIONS:
        assert client.get(_url(name, answered)).status_code == 403, name
        assert client.post(_url(name, answered), {"version": answered.version}).status_code == 403
    assert Assessment.objects.get(case=answered).version == 1
    assert Case.objects.get(pk=answered.pk).stage == "assessment"


def test_another_teams_case_is_not_found(other_team_case: Case, assessor: User) -> None:
    client = _client(assessor)
    for name in NAMES:
        assert client.get(_url(name, other_team_case)).status_code == 404, name
        assert client.post(_url(name, other_team_case), {}).status_code == 404, name


def test_a_sensitive_case_is_for_the_team_managers(
    sensitive_case: Case, assessor: User, manager: User
) -> None:
    for name in NAMES:
        assert _client(assessor).get(_url(name, sensitive_case)).status_code == 404, name
        assert _client(assessor).post(_url(name, sensitive_case), {}).status_code == 404, name
        assert _client(manager).get(_url(name, sensitive_case)).status_code == 200, name


def test_the_case_page_links_to_the_workspace_at_assessment(
    assessment_case: Case, assessor: User, team: Team
) -> None:
    client = _client(assessor)
    page = client.get(reverse("casework:case", args=[_ref(assessment_case)])).content.decode()
    assert "Open the assessment workspace" in page
    assert _url("workspace", assessment_case) in page
    at_intake = make_case(team=team)
    other = client.get(reverse("casework:case", args=[_ref(at_intake)])).content.decode()
    assert "Open the assessment workspace" not in other


def test_the_workspace_shows_the_clock_and_saves_progress(
    assessment_case: Case, assessor: User, clear_post: Callable[[int], dict[str, str]]
) -> None:
    client = _client(assessor)
    page = client.get(_url("workspace", assessment_case)).content.decode()
    assert "Assessment clock" in page
    due = Deadline.objects.get(case=assessment_case, kind="assessment").due_on
    assert f"Decision due by <strong>{date_uk(due)}</strong>" in page
    assert "working days left" in page
    response = client.post(_url("workspace", assessment_case), clear_post(0))
    assert response.status_code == 302
    assessment = Assessment.objects.get(case=assessment_case)
    assert assessment.notes == "Spoke to the council's link officer."
    after = client.get(_url("workspace", assessment_case)).content.decode()
    assert "Nothing in your saved answers points to closing" in after
    assert "Reasoning on fault." in after


def test_a_stale_save_keeps_what_was_typed(
    answered: Case, assessor: User, clear_post: Callable[[int], dict[str, str]]
) -> None:
    Assessment.objects.filter(case=answered).update(version=5)
    data = {**clear_post(1), "notes": "My own careful notes"}
    response = _client(assessor).post(_url("workspace", answered), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this assessment" in html
    assert "My own careful notes" in html
    assert 'name="version" value="5"' in html


def test_the_answers_suggest_reasons_to_close_with(
    assessment_case: Case, assessor: User, clear_post: Callable[[int], dict[str, str]]
) -> None:
    client = _client(assessor)
    data = {**clear_post(0), "answer_late": "yes", "answer_fault": "no"}
    client.post(_url("workspace", assessment_case), data)
    page = client.get(_url("workspace", assessment_case)).content.decode()
    assert "The law stops us taking this complaint on" in page
    assert "Not enough evidence of fault" in page
    close = client.get(_url("close", assessment_case)).content.decode()
    assert 'value="LATE" checked' in close
    assert 'value="NO_FAULT_LIKELY" checked' in close
    assert "These reasons include one where another body" not in close


def test_the_close_page_prompts_for_signposting(assessment_case: Case, assessor: User) -> None:
    client = _client(assessor)
    data = {"version": "0", "answer_out_of_jurisdiction": "yes"}
    client.post(_url("workspace", assessment_case), data)
    close = client.get(_url("close", assessment_case)).content.decode()
    assert "These reasons include one where another body" in close


def test_closing_through_the_page(assessment_case: Case, assessor: User) -> None:
    client = _client(assessor)
    data = {
        "version": assessment_case.version,
        "reason_codes": ["ALT_TRIBUNAL"],
        "signpost_body": "Traffic Penalty Tribunal",
        "explanation": "You can appeal the parking fine to the tribunal.",
    }
    preview = client.post(_url("close", assessment_case), {**data, "action": "preview"})
    assert "The letters that will be sent" in preview.content.decode()
    assert "https://www.trafficpenaltytribunal.gov.uk" in preview.content.decode()
    assert Case.objects.get(pk=assessment_case.pk).stage == "assessment"
    response = client.post(_url("close", assessment_case), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("casework:case", args=[_ref(assessment_case)])
    assert "closed after initial enquiries. Decision recorded." in response.content.decode()
    assert Case.objects.get(pk=assessment_case.pk).stage == "closed"
    # Afterwards the workspace is a record, and the decision pages send people back to it.
    page = client.get(_url("workspace", assessment_case)).content.decode()
    assert "Close after initial enquiries" in page
    assert "Save progress" not in page
    assert client.get(_url("close", assessment_case)).status_code == 302
    assert client.post(_url("close", assessment_case), data).status_code == 403


def test_closing_needs_a_reason(assessment_case: Case, assessor: User) -> None:
    response = _client(assessor).post(
        _url("close", assessment_case),
        {"version": assessment_case.version, "explanation": "No."},
    )
    assert "Select at least one reason for not investigating" in response.content.decode()


def test_early_resolution_rows_must_be_whole(answered: Case, assessor: User) -> None:
    client = _client(assessor)
    due = TODAY + dt.timedelta(days=28)
    data = {
        "version": answered.version,
        "explanation": "The council will put it right.",
        "action_1": "Apologise in writing",
        "who_2": "Finance",
    }
    html = client.post(_url("early-resolution", answered), data).content.decode()
    assert "Enter who will do action 1" in html
    assert "Enter what action 2 is" in html
    data = {
        **data,
        "who_1": "Director",
        "due_1_day": str(due.day),
        "due_1_month": str(due.month),
        "due_1_year": str(due.year),
        "who_2": "",
    }
    assert client.post(_url("early-resolution", answered), data).status_code == 302
    [action] = EarlyResolutionAction.objects.filter(case=answered)
    assert (action.action, action.who, action.due_on) == ("Apologise in writing", "Director", due)
    assert Letter.objects.filter(case=answered, party="Organisation").exists()


def test_the_allocation_page_shows_caseloads(
    *,
    answered: Case,
    assessor: User,
    investigator: User,
    colleague: User,
    outsider: User,
    team: Team,
) -> None:
    for _ in range(2):
        make_case(team=team, officer=investigator, stage="investigation")
    make_case(team=team, officer=investigator, stage="closed")
    html = _client(assessor).get(_url("allocate", answered)).content.decode()
    assert f"{investigator} ({team}): 2 open investigations" in html
    assert f"{colleague} ({team}): 0 open investigations" in html
    assert f'type="radio" value="{outsider.pk}"' not in html  # another team's: for managers only


def test_managers_see_other_teams_investigators(
    answered: Case, manager: User, outsider: User
) -> None:
    html = _client(manager).get(_url("allocate", answered)).content.decode()
    assert f'type="radio" value="{outsider.pk}"' in html


def test_the_allocation_page_makes_a_fixed_number_of_queries(
    answered: Case, assessor: User, team: Team
) -> None:
    client = _client(assessor)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url("allocate", answered)).status_code == 200
        return len(queries)

    before = count()
    for n in range(4):
        person = cast(User, UserFactory(role=Role.INVESTIGATOR, team=team, username=f"extra{n}"))
        make_case(team=team, officer=person, stage="investigation")
    assert count() == before
    assert before <= 20


def test_allocating_through_the_page(answered: Case, assessor: User, investigator: User) -> None:
    response = _client(assessor).post(
        _url("allocate", answered),
        {
            "version": answered.version,
            "investigator": str(investigator.pk),
            "team": "",
            "explanation": "We will investigate the delay.",
        },
    )
    assert response.status_code == 302
    case = Case.objects.get(pk=answered.pk)
    assert (case.stage, case.officer) == ("investigation", investigator)


def test_a_stale_decision_keeps_what_was_typed(answered: Case, assessor: User) -> None:
    data = {
        "version": answered.version - 1,
        "reason_codes": ["LATE"],
        "explanation": "My careful explanation",
    }
    html = _client(assessor).post(_url("close", answered), data).content.decode()
    assert "Someone else changed this case" in html
    assert "My careful explanation" in html
    assert f'name="version" value="{answered.version}"' in html
    assert Case.objects.get(pk=answered.pk).stage == "assessment"
