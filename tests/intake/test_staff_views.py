"""Staff intake pages: who may open and post each one, what they show, and query budgets."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case, Contact
from redress.casework.services import NewContact, contact_record
from redress.domain.categories import Category, Channel
from redress.domain.complaints import ComplainedFirst
from redress.intake.models import ComplaintDetails, IntakeDecision
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def _case(team: Team, complained: ComplainedFirst = ComplainedFirst.WAITING, **kw: Any) -> Case:
    case = make_case(team=team, category=Category.HIGHWAYS, **kw)
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=TODAY - dt.timedelta(days=30),
        injustice="I cannot get to work.",
        complained_first=complained,
    )
    return Case.objects.get(pk=case.pk)


def _letter_in(case: Case, *, days_ago: int = 0, channel: Channel = Channel.EMAIL) -> Contact:
    return contact_record(
        case=case,
        contact=NewContact(
            direction="in", channel=channel, party="Complainant", summary="More evidence",
            received_at=timezone.now() - dt.timedelta(days=days_ago),
        ),
        recorded_by=None,
    )  # fmt: skip


def _urls(case: Case, contact: Contact) -> dict[str, str]:
    return {
        "queue": reverse("intake-staff:queue"),
        "log": reverse("intake-staff:log"),
        "logged": reverse("intake-staff:logged", args=[_ref(case)]),
        "contacts": reverse("intake-staff:contacts"),
        "decide": reverse("intake-staff:decide", args=[_ref(case)]),
    }


def test_signed_out_people_are_sent_to_sign_in(team: Team) -> None:
    case = _case(team)
    contact = _letter_in(case)
    client = _client(None)
    for url in _urls(case, contact).values():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:sign-in"))
    handled = client.post(reverse("intake-staff:contact-handled", args=[contact.pk]))
    assert handled["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(
    "persona", ["council_user", "complainant_user", "investigator", "compliance_officer"]
)
def test_people_who_do_not_work_intake_are_refused(
    request: pytest.FixtureRequest, team: Team, council: Organisation, persona: str
) -> None:
    case = _case(team, organisation=council)
    contact = _letter_in(case)
    client = _client(request.getfixturevalue(persona))
    for url in _urls(case, contact).values():
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code in (403, 405), url
    assert (
        client.post(reverse("intake-staff:contact-handled", args=[contact.pk])).status_code == 403
    )
    case.refresh_from_db()
    assert case.stage == "intake"
    assert Contact.objects.get(pk=contact.pk).handled_at is None


def test_another_teams_case_and_contact_are_not_found(
    team: Team, other_team: Team, intake_officer: User
) -> None:
    case = _case(other_team)
    contact = _letter_in(case)
    client = _client(intake_officer)
    assert client.get(reverse("intake-staff:decide", args=[_ref(case)])).status_code == 404
    assert client.post(reverse("intake-staff:decide", args=[_ref(case)]), {}).status_code == 404
    assert client.get(reverse("intake-staff:logged", args=[_ref(case)])).status_code == 404
    assert (
        client.post(reverse("intake-staff:contact-handled", args=[contact.pk])).status_code == 404
    )
    assert client.post(reverse("intake-staff:contact-handled", args=[10**9])).status_code == 404
    assert case.reference not in client.get(reverse("intake-staff:queue")).content.decode()
    assert case.reference not in client.get(reverse("intake-staff:contacts")).content.decode()


@pytest.mark.parametrize("reference", ["nonsense", "99999999", "26 000 001'--"])
def test_malformed_references_are_not_found(intake_officer: User, reference: str) -> None:
    assert _client(intake_officer).get(f"/intake/cases/{reference}/decide/").status_code == 404


def test_the_queue_shows_suggestions_with_their_reasons(team: Team, assessor: User) -> None:
    waiting = _case(team)
    _case(team, complained=ComplainedFirst.FINAL_RESPONSE)
    body = _client(assessor).get(reverse("intake-staff:queue")).content.decode()
    assert waiting.reference in body
    assert "Premature" in body
    assert "have not had its final response" in body
    assert reverse("intake-staff:decide", args=[_ref(waiting)]) in body
    assert 'href="/intake/log/"' in body
    assert 'href="/intake/contacts/"' in body


def test_the_queue_makes_a_fixed_number_of_queries(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    client = _client(intake_officer)
    url = reverse("intake-staff:queue")
    _case(team, organisation=council)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(30):  # more than a page
        _case(team, organisation=council)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert "Showing 1 to 25 of 31 cases" in response.content.decode()
    assert len(many) == len(few)
    assert len(many) <= 9
    assert client.get(url, {"page": "2"}).status_code == 200
    assert client.get(url, {"page": "-1x"}).status_code == 200


def _decision(case: Case, **changes: Any) -> dict[str, Any]:
    return {
        "version": case.version,
        "verdict_PREMATURE": "override",
        "override_PREMATURE": "They complained in January and had no reply.",
        "decision": "close",
        "outcome": "referred_back",
        "explanation": "Please give the council the chance to answer first.",
        **changes,
    }


def test_the_decision_page_shows_the_facts_and_each_suggestion(
    team: Team, intake_officer: User
) -> None:
    case = _case(team)
    body = _client(intake_officer).get(reverse("intake-staff:decide", args=[_ref(case)]))
    text = body.content.decode()
    assert body.status_code == 200
    assert "I cannot get to work." in text
    assert "Yes, but they have not had a final response" in text
    assert 'name="verdict_PREMATURE"' in text
    assert 'name="override_PREMATURE"' in text


def test_previewing_shows_the_letters_and_saves_nothing(team: Team, intake_officer: User) -> None:
    case = _case(team)
    url = reverse("intake-staff:decide", args=[_ref(case)])
    response = _client(intake_officer).post(
        url, _decision(case, verdict_PREMATURE="accept", action="preview")
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "The letters that will be sent" in text
    assert "How to complain to" in text
    assert f"By email to {case.complainant.email}" in text
    assert "complaints@council.example" in text
    case.refresh_from_db()
    assert case.stage == "intake"
    assert not Letter.objects.exists()


def test_deciding_records_it_and_returns_to_the_case(team: Team, intake_officer: User) -> None:
    case = _case(team)
    client = _client(intake_officer)
    response = client.post(
        reverse("intake-staff:decide", args=[_ref(case)]),
        _decision(case, verdict_PREMATURE="accept", reason_codes=["COMPLAINT_HANDLING_ONLY"]),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case", args=[_ref(case)])
    case.refresh_from_db()
    assert (case.stage, case.outcome) == ("closed", "referred_back")
    assert case.reason_codes == ["COMPLAINT_HANDLING_ONLY", "PREMATURE"]
    assert IntakeDecision.objects.get(case=case).suggestions[0]["accepted"] is True
    assert Letter.objects.filter(case=case).count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "closed. Decision recorded." in page
    # Once decided, the decision page sends people to the case.
    again = client.get(reverse("intake-staff:decide", args=[_ref(case)]))
    assert again["Location"] == reverse("casework:case", args=[_ref(case)])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"override_PREMATURE": ""}, "Say why you are overriding this suggestion"),
        ({"verdict_PREMATURE": ""}, "Select whether you accept the &#39;premature&#39; suggestion"),
        ({"decision": ""}, "Select whether to pass the complaint to assessment or close it"),
        ({"outcome": ""}, "Select the outcome for closing the case"),
        ({"outcome": "signposted"}, "Select the body you are signposting them to"),
        ({"outcome": "signposted", "signpost_body": "other"}, "Enter the name of the other body"),
        ({"explanation": ""}, "Enter what we tell the complainant"),
        ({"verdict_PREMATURE": "accept", "decision": "assessment"}, "not taking the complaint on"),
        ({"outcome": "upheld_fault_injustice"}, "Select the outcome"),
        ({"reason_codes": ["NOT_A_CODE"]}, "Select a valid choice"),
        ({"version": "abc"}, "Enter a whole number"),
    ],
)
def test_decision_errors_are_explained_and_keep_the_answers(
    team: Team, intake_officer: User, changes: dict[str, Any], message: str
) -> None:
    case = _case(team)
    response = _client(intake_officer).post(
        reverse("intake-staff:decide", args=[_ref(case)]), _decision(case, **changes)
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert message in text
    assert "<title>Error: " in text
    case.refresh_from_db()
    assert case.stage == "intake"


def test_a_decision_on_a_case_changed_meanwhile_keeps_the_answers(
    team: Team, intake_officer: User, manager: User
) -> None:
    case = _case(team)
    url = reverse("intake-staff:decide", args=[_ref(case)])
    _client(manager).post(
        reverse("casework:edit", args=[_ref(case)]),
        {"version": case.version, "category": "highways", "subcategory": "", "summary": "New"},
    )
    response = _client(intake_officer).post(url, _decision(case))
    text = response.content.decode()
    assert "Someone else changed this case" in text
    assert "They complained in January and had no reply." in text
    version = re.search(r'name="version" value="(\d+)"', text)
    assert version is not None
    assert version.group(1) == str(case.version + 1)
    again = _client(intake_officer).post(url, _decision(case, version=version.group(1)))
    assert again.status_code == 302


def _log_form(council: Organisation, **changes: str) -> dict[str, str]:
    return {
        "channel": "letter",
        "received_on_day": str(TODAY.day),
        "received_on_month": str(TODAY.month),
        "received_on_year": str(TODAY.year),
        "on_behalf": "no",
        "first_name": "Sam",
        "last_name": "Writer",
        "contact_method": "letter",
        "address": "2 Low Road\nAnytown",
        "postcode": "AB1 2CD",
        "organisation": str(council.pk),
        "category": "planning",
        "summary": "They approved an extension next door without telling me.",
        "first_knew_on_day": "1",
        "first_knew_on_month": "1",
        "first_knew_on_year": str(TODAY.year - 3),
        "injustice": "My garden is in shade.",
        "outcome_sought": "A fresh decision.",
        "complained": "final_response",
        "final_response_on_day": str(TODAY.day),
        "final_response_on_month": str(TODAY.month),
        "final_response_on_year": str(TODAY.year),
        **changes,
    }


def test_logging_a_complaint_shows_its_reference(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    client = _client(intake_officer)
    response = client.post(reverse("intake-staff:log"), _log_form(council))
    case = Case.objects.get()
    assert response["Location"] == reverse("intake-staff:logged", args=[_ref(case)])
    page = client.get(response["Location"]).content.decode()
    assert case.reference in page
    assert (case.channel, case.team) == ("letter", team)
    queue = client.get(reverse("intake-staff:queue")).content.decode()
    assert case.reference in queue
    assert "more than 12 months before we received" in queue  # first knew 3 years ago


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"received_on_year": str(TODAY.year + 1)}, "Date received must be today or in the past"),
        ({"received_on_day": ""}, "Date received must include a day"),
        ({"channel": "online"}, "Select how the complaint reached us"),
        ({"address": ""}, "Enter a postal address so we can write to them"),
        ({"contact_method": "email"}, "Enter their email address"),
        ({"email": "not-an-email", "contact_method": "email"}, "correct format"),
        ({"phone": "call me maybe"}, "Enter a phone number"),
        ({"on_behalf": "yes"}, "Enter the first name of the person affected"),
        ({"organisation": "999999"}, "Select the organisation complained about"),
        ({"category": "housing", "subcategory": "planning.enforcement"}, "belongs to the category"),
        ({"final_response_on_day": ""}, "must include a day"),
        (
            {
                "complained": "final_response",
                "final_response_on_day": "",
                "final_response_on_month": "",
                "final_response_on_year": "",
            },
            "Enter the date of the final response",
        ),
        ({"summary": "x" * 10001}, "10000 characters"),
    ],
)
def test_logging_errors_are_explained(
    intake_officer: User, council: Organisation, changes: dict[str, str], message: str
) -> None:
    response = _client(intake_officer).post(
        reverse("intake-staff:log"), _log_form(council, **changes)
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert message in text
    assert not Case.objects.exists()


def test_the_written_contacts_page_lists_what_waits_oldest_first(
    team: Team, intake_officer: User
) -> None:
    case = _case(team)
    old = _letter_in(case, days_ago=10)
    new = _letter_in(case, days_ago=0)
    _letter_in(case, channel=Channel.PHONE)  # a call is not a written contact
    done = _letter_in(case, days_ago=2)
    Contact.objects.filter(pk=done.pk).update(handled_at=timezone.now())
    body = _client(intake_officer).get(reverse("intake-staff:contacts")).content.decode()
    buttons = re.findall(r"/intake/contacts/(\d+)/dealt-with/", body)
    assert buttons == [str(old.pk), str(new.pk)]
    assert "Overdue" in body
    assert "Showing 1 to 2 of 2 contacts" in body
    assert '<span class="govuk-visually-hidden"> the email received' in body


def test_marking_a_contact_as_dealt_with(team: Team, intake_officer: User) -> None:
    case = _case(team)
    contact = _letter_in(case, days_ago=1)
    client = _client(intake_officer)
    url = reverse("intake-staff:contact-handled", args=[contact.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "as dealt with." in response.content.decode()
    contact.refresh_from_db()
    assert contact.handled_at is not None
    again = client.post(url, follow=True).content.decode()
    assert "had already marked" in again
    case.refresh_from_db()
    assert case.next_due_kind != "written_contact"


def test_the_written_contacts_page_makes_a_fixed_number_of_queries(
    team: Team, intake_officer: User
) -> None:
    client = _client(intake_officer)
    url = reverse("intake-staff:contacts")
    case = _case(team)
    _letter_in(case)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(12):
        _letter_in(_case(team), days_ago=n)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    assert len(many) <= 7


def test_signposting_starts_from_the_body_the_suggestion_names(
    team: Team, intake_officer: User
) -> None:
    case = _case(team, complained=ComplainedFirst.FINAL_RESPONSE)
    Case.objects.filter(pk=case.pk).update(
        category=Category.HOUSING, summary="My housing association will not fix the damp."
    )
    case.refresh_from_db()
    client = _client(intake_officer)
    url = reverse("intake-staff:decide", args=[_ref(case)])
    page = client.get(url).content.decode()
    assert '<option value="Housing Ombudsman Service" selected>' in page
    response = client.post(
        url,
        {
            "version": case.version,
            "verdict_OUT_OF_JURISDICTION-housing": "accept",
            "decision": "close",
            "outcome": "signposted",
            "signpost_body": "Housing Ombudsman Service",
            "explanation": "The Housing Ombudsman deals with landlords' repairs.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.outcome, case.reason_codes) == ("signposted", ["OUT_OF_JURISDICTION"])
    assert IntakeDecision.objects.get(case=case).signposted_to == "Housing Ombudsman Service"
    assert "https://www.housing-ombudsman.org.uk" in Letter.objects.get(case=case).body
