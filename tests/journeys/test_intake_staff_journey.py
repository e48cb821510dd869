"""An intake officer works the intake queue in Chromium: reads the triage suggestions,
overrides one with a reason, refers the complaint back, and the letters are recorded.
Every page, and every error state, passes axe-core."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from redress.accounts.models import Team, User
from redress.casework.models import Case, Contact
from redress.casework.services import NewContact, contact_record
from redress.domain.categories import Category
from redress.domain.complaints import ComplainedFirst
from redress.intake.models import ComplaintDetails, IntakeDecision
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def _sign_in(page: Any, base_url: str, user: User) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def _waiting_case(team: Team, organisation: Organisation) -> Case:
    """No final response yet, and first known of two years ago: premature and late."""
    case = make_case(
        team=team,
        organisation=organisation,
        category=Category.HIGHWAYS,
        summary="The council has not fixed the pothole that damaged my wheelchair.",
    )
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=case.received_on - dt.timedelta(days=730),
        injustice="I cannot get to the shops safely.",
        complained_first=ComplainedFirst.WAITING,
    )
    return case


def test_an_intake_officer_refers_a_premature_complaint_back(
    page: Any,
    live_server: Any,
    *,
    team: Team,
    intake_officer: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    case = _waiting_case(team, council)
    _sign_in(page, live_server.url, intake_officer)

    # The queue shows the case with its suggestions, each with its reason.
    page.goto(f"{live_server.url}/intake/")
    expect(page.get_by_role("heading", name="Intake queue")).to_be_visible()
    row = page.locator("tr", has_text=case.reference)
    expect(row).to_contain_text("Premature")
    expect(row).to_contain_text("have not had its final response")
    expect(row).to_contain_text("Late")
    check_accessibility(page)

    # The decision page: an empty submission first, to see the errors.
    row.get_by_role("link", name=re.compile("Decide")).click()
    expect(page.get_by_role("heading", name="Intake decision")).to_be_visible()
    check_accessibility(page)
    record = page.get_by_role("button", name="Record the decision and send the letter")
    record.click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether you accept the 'premature' suggestion"
    )
    check_accessibility(page)

    # Accept "premature", override "late" with a reason, refer back, and preview the letters.
    page.get_by_role("group", name="Premature").get_by_label("Accept the suggestion").check()
    late = page.get_by_role("group", name="Late")
    late.get_by_label("Override it").check()
    page.locator("#id_override_LATE").fill("They were in hospital for most of last year.")
    page.get_by_label("Close it at intake").check()
    page.get_by_label("Referred back for local resolution").check()
    page.get_by_label("What we tell the complainant").fill(
        "Please complain to the council first so it can put things right."
    )
    page.get_by_role("button", name="Preview the letter").click()
    expect(page.get_by_role("heading", name="The letters that will be sent")).to_be_visible()
    expect(page.locator("body")).to_contain_text(f"How to complain to {council.name}")
    check_accessibility(page)

    page.get_by_role("button", name="Record the decision and send the letter").click()
    expect(page.locator("body")).to_contain_text(
        f"Case {case.reference} closed. Decision recorded."
    )
    expect(page.get_by_role("heading", name=re.compile(f"Case {case.reference}"))).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name=f"How intake decided on case {case.reference}").click()
    expect(page.get_by_role("heading", name="Intake decision")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Accepted")
    check_accessibility(page)

    case.refresh_from_db()
    assert (case.stage, case.outcome) == ("closed", "referred_back")
    decision = IntakeDecision.objects.get(case=case)
    verdicts = {entry["code"]: entry for entry in decision.suggestions}
    assert verdicts["PREMATURE"]["accepted"] is True
    assert verdicts["LATE"]["override_reason"] == "They were in hospital for most of last year."
    letters = Letter.objects.filter(case=case).order_by("id")
    assert [letter.party for letter in letters] == ["Complainant", "Organisation"]
    assert all(letter.sent_at is not None for letter in letters)


def test_logging_a_complaint_and_answering_written_contacts(
    page: Any,
    live_server: Any,
    *,
    team: Team,
    assessor: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    waiting = _waiting_case(team, council)
    contact = contact_record(
        case=waiting,
        contact=NewContact(
            direction="in",
            channel="email",
            party="Complainant",
            summary="Photos of the pothole",
            received_at=Case.objects.get(pk=waiting.pk).created_at,
        ),
        recorded_by=None,
    )
    _sign_in(page, live_server.url, assessor)

    # Log a complaint received by phone: errors first, then a complete one.
    page.goto(f"{live_server.url}/intake/")
    page.get_by_role("link", name="Log a complaint").click()
    expect(page.get_by_role("heading", name="Log a complaint")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Log the complaint").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter date received")
    check_accessibility(page)

    page.get_by_label("Phone").first.check()
    received = page.get_by_role("group", name="Date received")
    received.get_by_label("Day").fill("1")
    received.get_by_label("Month").fill("1")
    received.get_by_label("Year").fill("2099")
    page.get_by_label("The person affected", exact=True).check()
    page.get_by_label("First name", exact=True).fill("Sam")
    page.get_by_label("Last name", exact=True).fill("Caller")
    contact_by = page.get_by_role("group", name="How do they want us to contact them?")
    contact_by.get_by_label("Email").check()
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Organisation complained about").select_option(label=council.name)
    page.get_by_label("Category", exact=True).select_option("highways")
    page.get_by_label("What happened").fill("My blue badge application was lost.")
    knew = page.get_by_role("group", name="When they first knew about the problem")
    knew.get_by_label("Day").fill("3")
    knew.get_by_label("Month").fill("3")
    knew.get_by_label("Year").fill("2025")
    page.get_by_label("How it affected them").fill("I cannot park near the shops.")
    page.get_by_label("What they want to happen").fill("A decision on my application.")
    page.get_by_label("No, not yet").check()
    page.get_by_role("button", name="Log the complaint").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Date received must be today or in the past"
    )
    check_accessibility(page)
    received.get_by_label("Year").fill("2025")
    received.get_by_label("Month").fill("6")
    page.get_by_role("button", name="Log the complaint").click()
    expect(page.get_by_role("heading", name="Complaint logged")).to_be_visible()
    check_accessibility(page)
    logged = Case.objects.exclude(pk=waiting.pk).get()
    expect(page.locator(".govuk-panel")).to_contain_text(logged.reference)

    # The new case waits in the queue with its suggestion.
    page.get_by_role("link", name="Go to the intake queue").click()
    expect(page.locator("tr", has_text=logged.reference)).to_contain_text("Premature")

    # Written contacts: the overdue email, then marked as dealt with.
    page.get_by_role("link", name="Written contacts").click()
    expect(page.get_by_role("heading", name="Written contacts waiting for a reply")).to_be_visible()
    expect(page.locator("tr", has_text=waiting.reference)).to_contain_text("Photos of the pothole")
    check_accessibility(page)
    page.get_by_role("button", name=re.compile("Mark as dealt with")).click()
    expect(page.locator("body")).to_contain_text("as dealt with.")
    expect(page.locator("body")).to_contain_text("No written contacts are waiting.")
    check_accessibility(page)
    assert Contact.objects.get(pk=contact.pk).handled_at is not None
