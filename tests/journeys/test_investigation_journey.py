"""An investigator works an investigation in the browser; every page passes axe-core."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from redress.accounts.models import Team, User
from redress.casework import services as case_services
from redress.casework.models import Case, ClockPause
from redress.domain.stages import Stage
from redress.investigation import services as investigation_services
from redress.investigation.models import ComplaintIssue, DelayNotice, Enquiry, EvidenceItem
from redress.organisations.models import Organisation
from redress.organisations.portal_access import VERIFIED_KEY
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _sign_in(page: Any, base_url: str, user: User) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def _date(page: Any, name: str, day: dt.date) -> None:
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


def _investigated_case(team: Team, council: Organisation, assessor: User, officer: User) -> Case:
    case = make_case(
        team=team,
        officer=officer,
        organisation=council,
        received_on=timezone.localdate() - dt.timedelta(days=40),
    )
    for stage in (Stage.ASSESSMENT, Stage.INVESTIGATION):
        case = case_services.case_move(
            case=case,
            expected_version=case.version,
            target=stage,
            reason="Decided",
            actor=assessor,
        )
    return case


def _back_to_overview(page: Any, message: str) -> None:
    expect(page.locator("body")).to_contain_text(message)
    expect(page.get_by_role("heading", name=re.compile("Investigation of case"))).to_be_visible()


def test_an_investigator_works_an_investigation(  # noqa: PLR0917 - fixtures
    page: Any,
    live_server: Any,
    team: Team,
    council: Organisation,
    assessor: User,
    investigator: User,
    check_accessibility: Any,
) -> None:
    case = _investigated_case(team, council, assessor, investigator)
    today = timezone.localdate()
    _sign_in(page, live_server.url, investigator)

    # From the case page to the investigation.
    page.goto(f"{live_server.url}/cases/{case.reference.replace(' ', '')}/")
    page.get_by_role("link", name="Open the investigation").click()
    expect(page.get_by_role("heading", name=re.compile("Investigation of case"))).to_be_visible()
    check_accessibility(page)

    # The statement of complaint: an error first, then saved.
    page.get_by_role("link", name="Write the statement of complaint").click()
    check_accessibility(page)
    page.get_by_role("button", name="Save statement").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    _date(page, "period_from", dt.date(2025, 3, 1))
    _date(page, "period_to", dt.date(2025, 9, 30))
    page.get_by_label("What we are not investigating, and why").fill(
        "The 2019 assessment: it is too long ago."
    )
    page.get_by_role("button", name="Save statement").click()
    _back_to_overview(page, "Statement of complaint saved.")

    # Two numbered issues, then the second moved to the top.
    for text in (
        "The council delayed the assessment.",
        "The council handled the complaint poorly.",
    ):
        page.get_by_role("link", name="Add an issue").click()
        check_accessibility(page)
        page.get_by_label("The issue").fill(text)
        page.get_by_role("button", name="Save issue").click()
        _back_to_overview(page, "Issue added.")
    check_accessibility(page)
    page.get_by_role("button", name="Move up issue 2").click()
    _back_to_overview(page, "Issues renumbered.")
    first = ComplaintIssue.objects.get(case=case, number=1)
    assert first.description == "The council handled the complaint poorly."
    page.get_by_role("link", name="Change issue 1").click()
    check_accessibility(page)
    page.get_by_role("button", name="Save issue").click()
    _back_to_overview(page, "Issue 1 saved.")

    # Enquiries to the council, with the default reply date.
    page.get_by_role("link", name="Make enquiries of the organisation").click()
    check_accessibility(page)
    page.get_by_role("button", name="Send enquiries").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("Questions for the organisation").fill("Why did the assessment take so long?")
    page.get_by_label("Documents we want to see").fill("The case notes for 2025.")
    page.get_by_role("button", name="Send enquiries").click()
    _back_to_overview(page, "Enquiry sent to the organisation.")
    assert Enquiry.objects.filter(case=case).count() == 1

    # The evidence register.
    page.get_by_role("link", name="Add to the evidence register").click()
    check_accessibility(page)
    page.get_by_role("button", name="Add evidence").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("The complainant or their representative").check()
    _date(page, "received_on", today)
    page.get_by_label("What it is").fill("Letters from the council, March to June 2025")
    page.get_by_label(re.compile("handled the complaint poorly")).check()
    page.get_by_role("button", name="Add evidence").click()
    _back_to_overview(page, "Evidence added to the register.")
    assert list(EvidenceItem.objects.get(case=case).issues.all()) == [first]

    # Pause the investigation clock, then restart it.
    page.get_by_role("link", name="Pause a clock").click()
    check_accessibility(page)
    page.get_by_role("button", name="Pause clock").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("Investigation target (13 weeks)").check()
    _date(page, "started_on", today)
    page.get_by_label("Reason for the pause").fill("Waiting for the court to decide the appeal.")
    page.get_by_role("button", name="Pause clock").click()
    _back_to_overview(page, "Clock paused.")
    expect(page.locator("#clocks ~ ul").first).to_contain_text("Paused")
    check_accessibility(page)
    page.get_by_role("link", name="Restart a paused clock").click()
    check_accessibility(page)
    page.get_by_label(re.compile("Investigation target")).check()
    _date(page, "ended_on", today)
    page.get_by_role("button", name="Restart clock").click()
    _back_to_overview(page, "Clock restarted.")
    assert ClockPause.objects.get(case=case).ended_on == today

    # A delay notice to both parties.
    page.get_by_role("link", name="Tell both parties we cannot meet a timescale").click()
    check_accessibility(page)
    page.get_by_role("button", name="Send delay notice").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("Investigation target (13 weeks)").check()
    page.get_by_label("Why we cannot meet it").fill("the council has not yet sent the records.")
    page.get_by_role("button", name="Send delay notice").click()
    _back_to_overview(page, "Delay notice sent to both parties.")
    assert DelayNotice.objects.filter(case=case).count() == 1

    # An update by phone to the complainant.
    page.get_by_role("link", name="Record an update to a party").click()
    check_accessibility(page)
    page.get_by_role("button", name="Record update").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("The complainant (or their representative)").check()
    page.get_by_label("How").select_option("phone")
    page.get_by_label("What you told them").fill("Explained the delay.")
    _date(page, "sent_on", today)
    page.get_by_role("button", name="Record update").click()
    _back_to_overview(page, "Update recorded.")
    expect(page.locator("#keep-in-touch ~ ul").first).to_contain_text(
        f"Complainant last updated {today.day} {today:%B %Y}"
    )
    check_accessibility(page)


def _portal_session(page: Any, base_url: str, link_officer: User) -> None:
    """Sign the browser in as a link officer who has given their one-time code (the
    portal's own sign-in journey is tested with the portal)."""
    client = Client()
    client.force_login(link_officer)
    session = client.session
    session[VERIFIED_KEY] = link_officer.pk
    session.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base_url}]
    )


def test_a_link_officer_answers_an_enquiry(  # noqa: PLR0917 - fixtures
    page: Any,
    live_server: Any,
    team: Team,
    council: Organisation,
    assessor: User,
    investigator: User,
    council_user: User,
    check_accessibility: Any,
) -> None:
    case = _investigated_case(team, council, assessor, investigator)
    enquiry = investigation_services.enquiry_send(
        case=case,
        questions="Why did the assessment take so long?",
        documents_requested="The case notes.",
        actor=investigator,
    )
    _portal_session(page, live_server.url, council_user)
    page.goto(f"{live_server.url}/organisation/cases/{case.reference.replace(' ', '')}/enquiries/")
    expect(page.get_by_role("heading", name="Our enquiries")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Answer enquiry 1").click()
    expect(page.get_by_role("heading", name="Enquiry 1")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Documents (optional)").set_input_files(
        [
            {
                "name": "run-me.exe",
                "mimeType": "application/octet-stream",
                "buffer": b"MZ" + b"\0" * 64,
            }
        ]
    )
    page.get_by_role("button", name="Send answer").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("run-me.exe")
    check_accessibility(page)
    page.get_by_label("Your answer to our questions").fill("Staff shortages; notes attached.")
    page.get_by_label("Documents (optional)").set_input_files(
        [{"name": "notes.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("body")).to_contain_text("Your answer to enquiry 1 was sent.")
    check_accessibility(page)
    enquiry.refresh_from_db()
    assert enquiry.answered
    assert EvidenceItem.objects.filter(case=case, enquiry=enquiry).count() == 1
