"""One complaint from intake to its final decision, in Chromium, through the staff pages
and the organisation portal: the intake officer passes it to assessment, the assessor
allocates it, the investigator scopes it and makes enquiries, the council's link officer
signs in with a one-time code and answers, the investigator records findings and shares
the draft, the link officer comments on it, and the investigator answers the comment and
issues the final decision. Every page passes axe-core."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from redress.accounts.authenticators import authenticator_enrol_with_secret
from redress.accounts.models import Team, User
from redress.casework.models import Case, StageTransition
from redress.decisions.models import Decision, DraftComment
from redress.domain.assessment import LEGAL_BARS
from redress.domain.complaints import ComplainedFirst
from redress.domain.stages import Stage
from redress.intake.models import ComplaintDetails
from redress.investigation.models import Enquiry
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
TOTP_SECRET = "JOURNEYWHOLECASELINKOFFICER2345"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def staff_browsers(browser: Browser) -> Iterator[list[BrowserContext]]:
    """Each member of staff works in a browser context of their own, closed at the end."""
    contexts: list[BrowserContext] = []
    yield contexts
    for context in contexts:
        context.close()


def _staff(contexts: list[BrowserContext], browser: Browser, base: str, user: User) -> Page:
    """A browser of their own for a member of staff, signed in."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    contexts.append(context)
    page = context.new_page()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))
    return page


def _banner(page: Page, text: str) -> None:
    expect(page.locator("body")).to_contain_text(text)


def _date(page: Page, name: str, day: dt.date) -> None:
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


def _new_complaint(team: Team, council: Organisation) -> Case:
    """A complaint as the online form registers it: after the council's final response."""
    today = timezone.localdate()
    case = make_case(
        team=team,
        organisation=council,
        summary="The council took four months to assess my son's care needs.",
    )
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=today - dt.timedelta(days=120),
        injustice="We went without support for months.",
        complained_first=ComplainedFirst.FINAL_RESPONSE,
        final_response_on=today - dt.timedelta(days=20),
    )
    return case


def _intake(page: Page, base: str, case: Case, check: Any) -> None:
    page.goto(f"{base}/intake/")
    row = page.locator("tr", has_text=case.reference)
    row.get_by_role("link", name=re.compile("Decide")).click()
    expect(page.get_by_role("heading", name="Intake decision")).to_be_visible()
    check(page)
    page.get_by_label("Pass it to assessment").check()
    page.get_by_label("What we tell the complainant").fill(
        "We will now look at whether we can investigate your complaint."
    )
    page.get_by_role("button", name="Record the decision and send the letter").click()
    _banner(page, f"Case {case.reference} passed to assessment. Decision recorded.")
    check(page)


def _assessment(page: Page, base: str, ref: str, investigator: User, check: Any) -> None:
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Open the assessment workspace").click()
    expect(page.get_by_role("heading", name="Assessment clock")).to_be_visible()
    for question in LEGAL_BARS:
        page.get_by_role("group", name=question.label).get_by_label("No", exact=True).check()
    for test, answer in (
        ("Public interest", "Yes: it raises wider issues, or others may be affected"),
        ("Injustice", "Yes: the injustice is significant"),
        ("Fault", "Yes: there is enough to suggest fault"),
        ("Remedy", "Yes: we could achieve a meaningful remedy"),
    ):
        page.get_by_role("group", name=test, exact=True).get_by_label(answer).check()
        page.get_by_label(f"Your reasoning on {test.lower()}").fill(f"My view on {test.lower()}.")
    page.get_by_role("button", name="Save progress").click()
    _banner(page, "Assessment saved.")
    check(page)
    page.get_by_role("link", name="Allocate for investigation").click()
    page.get_by_label(re.compile(re.escape(f"{investigator} ("))).check()
    page.get_by_label("What we tell the complainant").fill(
        "We will investigate how long the council took."
    )
    page.get_by_role("button", name="Record the decision and send the letters").click()
    _banner(page, "allocated for investigation. Decision recorded.")
    check(page)


def _investigation(page: Page, base: str, ref: str, check: Any) -> None:
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Open the investigation").click()
    expect(page.get_by_role("heading", name=re.compile("Investigation of case"))).to_be_visible()
    page.get_by_role("link", name="Write the statement of complaint").click()
    today = timezone.localdate()
    _date(page, "period_from", today - dt.timedelta(days=200))
    _date(page, "period_to", today - dt.timedelta(days=20))
    page.get_by_label("What we are not investigating, and why").fill(
        "The care provider's own service: the council commissioned it."
    )
    page.get_by_role("button", name="Save statement").click()
    _banner(page, "Statement of complaint saved.")
    page.get_by_role("link", name="Add an issue").click()
    page.get_by_label("The issue").fill("The council delayed the care needs assessment.")
    page.get_by_role("button", name="Save issue").click()
    _banner(page, "Issue added.")
    page.get_by_role("link", name="Make enquiries of the organisation").click()
    page.get_by_label("Questions for the organisation").fill("Why did the assessment take so long?")
    page.get_by_label("Documents we want to see").fill("The case notes.")
    page.get_by_role("button", name="Send enquiries").click()
    _banner(page, "Enquiry sent to the organisation.")
    check(page)


def _link_officer_answers(
    page: Page, base: str, case: Case, link_officer: User, check: Any
) -> None:
    page.goto(f"{base}/organisation/")
    page.get_by_label("Username").fill(link_officer.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(TOTP_SECRET).now())
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
    check(page)
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_role("heading", name=f"Case {case.reference}")).to_be_visible()
    check(page)
    page.get_by_role("link", name="Enquiry 1").click()
    page.get_by_label("Your answer to our questions").fill("A shortage of social workers.")
    page.get_by_label("Documents (optional)").set_input_files(
        [{"name": "case-notes.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Send answer").click()
    _banner(page, "Your answer to enquiry 1 was sent.")
    check(page)


def _findings_and_draft(page: Page, base: str, ref: str, check: Any) -> None:
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Findings and decision").click()
    page.get_by_role("link", name=re.compile("Record finding on issue 1")).click()
    page.get_by_label("What happened", exact=True).fill("The assessment took four months.")
    page.get_by_label("What should have happened", exact=True).fill(
        "The council's policy says 28 days."
    )
    page.get_by_label("Yes, there was fault", exact=True).check()
    page.get_by_label("Distress").check()
    page.get_by_label("The injustice and its effect on the person").fill(
        "The family went without support."
    )
    page.get_by_label("The fault caused the injustice", exact=True).check()
    page.get_by_role("button", name="Save the finding").click()
    _banner(page, "Finding on issue 1 saved.")
    expect(page.locator("#outcome + dl")).to_contain_text("Upheld: fault causing injustice")
    check(page)
    page.get_by_role("button", name="Write the draft from the findings").click()
    expect(page.get_by_role("heading", name="Edit the draft decision")).to_be_visible()
    page.get_by_role("button", name="Save the draft").click()
    _banner(page, "Draft saved.")
    page.get_by_role("link", name="Share the draft with both parties").click()
    page.get_by_role("button", name="Share the draft with both parties").click()
    _banner(page, "shared with both parties")
    check(page)


def _link_officer_comments(page: Page, base: str, case: Case, check: Any) -> None:
    page.goto(f"{base}/organisation/")
    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("link", name=re.compile("^Draft decision")).click()
    expect(page.get_by_role("heading", name="Draft decision")).to_be_visible()
    page.get_by_label("Your comments on the draft decision").fill(
        "We accept the finding and have recruited two social workers."
    )
    page.get_by_role("button", name="Send your comments").click()
    _banner(page, "Your comments have been sent.")
    check(page)


def _final_decision(page: Page, base: str, ref: str, check: Any) -> None:
    page.goto(f"{base}/cases/{ref}/decision/")
    # The complainant replied by email: the investigator records it.
    page.get_by_role("link", name=re.compile("Record a comment received")).click()
    page.get_by_label("The complainant's side").check()
    page.get_by_label("What they said").fill("I agree with the draft.")
    page.get_by_role("button", name="Record the comment").click()
    _banner(page, "Comment recorded.")
    for _ in range(2):
        page.get_by_role("link", name=re.compile("^Respond")).first.click()
        page.get_by_label("Our response to this comment").fill("Thank you: noted in the decision.")
        page.get_by_role("button", name="Save the response").click()
        _banner(page, "Response recorded.")
    page.get_by_role("link", name="Issue the final decision").click()
    expect(page.get_by_role("heading", name="Issue the final decision")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Issue the final decision").click()
    _banner(page, "Final decision issued")
    check(page)


def test_a_complaint_goes_from_intake_to_its_final_decision(  # noqa: PLR0917
    page: Page,
    browser: Browser,
    live_server: Any,
    team: Team,
    intake_officer: User,
    assessor: User,
    investigator: User,
    council: Organisation,
    council_user: User,
    check_accessibility: Any,
    tmp_path: Path,
    staff_browsers: list[BrowserContext],
) -> None:
    base = live_server.url
    case = _new_complaint(team, council)
    ref = case.reference.replace(" ", "")
    authenticator_enrol_with_secret(user=council_user, secret=TOTP_SECRET)
    with override_settings(MEDIA_ROOT=tmp_path):
        _intake(
            _staff(staff_browsers, browser, base, intake_officer), base, case, check_accessibility
        )
        _assessment(
            _staff(staff_browsers, browser, base, assessor),
            base,
            ref,
            investigator,
            check_accessibility,
        )
        investigating = _staff(staff_browsers, browser, base, investigator)
        _investigation(investigating, base, ref, check_accessibility)
        _link_officer_answers(page, base, case, council_user, check_accessibility)
        _findings_and_draft(investigating, base, ref, check_accessibility)
        _link_officer_comments(page, base, case, check_accessibility)
        _final_decision(investigating, base, ref, check_accessibility)

    case.refresh_from_db()
    assert (case.stage, case.outcome, case.officer) == (
        Stage.DECIDED,
        "upheld_fault_injustice",
        investigator,
    )
    assert list(StageTransition.objects.filter(case=case).values_list("to_stage", flat=True)) == [
        "intake",
        "assessment",
        "investigation",
        "draft_decision",
        "decided",
    ]
    assert Enquiry.objects.get(case=case).answered
    comments = DraftComment.objects.order_by("party").values_list("party", "response")
    assert list(comments) == [
        ("complainant", "Thank you: noted in the decision."),
        ("organisation", "Thank you: noted in the decision."),
    ]
    assert Decision.objects.get(case=case).final_document is not None
    assert (
        Letter.objects.filter(case=case, subject="Our final decision on the complaint").count() == 2
    )
