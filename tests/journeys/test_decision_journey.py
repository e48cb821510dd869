"""An investigator takes a case from findings to a final decision in Chromium: records a
finding on each issue, writes and edits the draft, shares it, records and answers both
parties' comments, asks for a quality check that a manager gives, and issues the final
decision. Every page, and every error state, passes axe-core."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.casework.services import case_move
from redress.decisions import services
from redress.decisions.models import Decision, DraftComment
from redress.domain.stages import Outcome, Stage
from redress.investigation.models import ComplaintIssue
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.organisations.portal_access import VERIFIED_KEY
from redress.portal.session import EXPIRES_KEY, PERSON_KEY
from redress.testing.factories import make_case

from ..decisions.conftest import INJUSTICE, NO_FAULT, add_issues, to_investigation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Any, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def _sign_in(page: Page, base_url: str, user: User) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def _record_finding(page: Page, check: Any, issue: int, *, fault: str) -> None:
    page.get_by_role("link", name=re.compile(f"Record finding on issue {issue}")).click()
    expect(page.get_by_role("heading", name=f"Finding on issue {issue}")).to_be_visible()
    check(page)
    page.get_by_label("What happened", exact=True).fill("The council took four months to decide.")
    page.get_by_label("What should have happened", exact=True).fill(
        "Its policy says 33 working days."
    )
    page.get_by_label(fault, exact=True).check()
    if fault == "Yes, there was fault":
        page.get_by_label("Distress").check()
        page.get_by_label("The injustice and its effect on the person").fill(
            "She did not know where she would live."
        )
        page.get_by_label("The fault caused the injustice", exact=True).check()
    page.get_by_role("button", name="Save the finding").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Finding on issue {issue} saved."
    )
    check(page)


def test_an_investigator_takes_a_case_to_its_final_decision(
    page: Page,
    browser: Browser,
    live_server: Any,
    *,
    team: Team,
    investigator: User,
    manager: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    case = to_investigation(
        make_case(team=team, officer=investigator, organisation=council), manager
    )
    add_issues(case, investigator)
    base = live_server.url
    ref = case.reference.replace(" ", "")
    _sign_in(page, base, investigator)

    # From the case page to the decision page.
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Findings and decision").click()
    expect(page.get_by_role("heading", name="Findings and decision")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Record a finding on every issue")
    check_accessibility(page)

    # An empty finding first, to see the errors.
    page.get_by_role("link", name=re.compile("Record finding on issue 1")).click()
    page.get_by_role("button", name="Save the finding").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what happened")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("Back to case")).click()
    page.get_by_role("link", name="Findings and decision").click()

    _record_finding(page, check_accessibility, 1, fault="Yes, there was fault")
    _record_finding(page, check_accessibility, 2, fault="No fault")
    expect(page.locator("#outcome + dl")).to_contain_text("Upheld: fault causing injustice")

    # Write the draft from the findings, then edit it.
    page.get_by_role("button", name="Write the draft from the findings").click()
    expect(page.get_by_role("heading", name="Edit the draft decision")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Summary", exact=True).fill("I found fault which caused Ms X distress.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved.")
    check_accessibility(page)

    # Share it with both parties.
    page.get_by_role("link", name="Share the draft with both parties").click()
    expect(page.get_by_role("heading", name="Share the draft decision")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Share the draft with both parties").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("shared with both parties")
    check_accessibility(page)

    # Record a comment from each party, and answer each.
    for party, label in (
        ("complainant", "The complainant's side"),
        ("organisation", "The organisation"),
    ):
        page.get_by_role("link", name=re.compile("Record a comment received")).click()
        expect(page.get_by_role("heading", name="Record a comment on the draft")).to_be_visible()
        if party == "complainant":
            page.get_by_role("button", name="Record the comment").click()
            expect(page.locator(".govuk-error-summary")).to_be_visible()
            check_accessibility(page)
        page.get_by_label(label).check()
        page.get_by_label("What they said").fill(f"Comments from the {party}.")
        page.get_by_role("button", name="Record the comment").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Comment recorded.")
    check_accessibility(page)
    for _ in range(2):
        page.get_by_role("link", name=re.compile("^Respond")).first.click()
        expect(page.get_by_role("heading", name="Respond to a comment")).to_be_visible()
        check_accessibility(page)
        page.get_by_label("Our response to this comment").fill("We have corrected the date.")
        page.get_by_role("button", name="Save the response").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Response recorded.")

    # Ask for a quality check; the manager approves it in their own browser.
    page.get_by_role("button", name="Ask a manager to check it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("quality check")
    check_accessibility(page)
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        checker = context.new_page()
        _sign_in(checker, base, manager)
        checker.goto(f"{base}/cases/{ref}/decision/")
        checker.get_by_role("link", name="Check the decision").click()
        expect(checker.get_by_role("heading", name="Quality check")).to_be_visible()
        check_accessibility(checker)
        checker.get_by_label("Approved").check()
        checker.get_by_role("button", name="Record the check").click()
        expect(checker.locator(".govuk-notification-banner")).to_contain_text(
            "Quality check recorded."
        )
        check_accessibility(checker)
    finally:
        context.close()

    # Issue the final decision.
    page.reload()
    page.get_by_role("link", name="Issue the final decision").click()
    expect(page.get_by_role("heading", name="Issue the final decision")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Issue the final decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Final decision issued")
    check_accessibility(page)

    case = Case.objects.get(pk=case.pk)
    assert (case.stage, case.outcome) == ("decided", "upheld_fault_injustice")
    decision = Decision.objects.get(case=case)
    assert decision.final_document is not None
    assert (
        Letter.objects.filter(case=case, subject="Our final decision on the complaint").count() == 2
    )

    # A review request on the decided case, recorded from the case page.
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Record a review request").click()
    expect(page.get_by_role("heading", name=re.compile("Record a review request"))).to_be_visible()
    check_accessibility(page)


def _session_cookie(page: Page, base_url: str, client: Client) -> None:
    """Give the browser the session a test client set up (sign-ins tested elsewhere)."""
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def _shared(team: Team, investigator: User, manager: User, council: Organisation) -> Case:
    case = to_investigation(
        make_case(team=team, officer=investigator, organisation=council), manager
    )
    add_issues(case, investigator)
    for issue, facts in zip(
        ComplaintIssue.objects.filter(case=case).order_by("number"),
        (INJUSTICE, NO_FAULT),
        strict=True,
    ):
        services.finding_record(issue=issue, facts=facts, actor=investigator)
    decision = services.draft_assemble(case=case, actor=investigator)
    case.refresh_from_db()
    services.draft_share(
        decision=decision, expected_version=decision.version, case_version=case.version,
        actor=investigator,
    )  # fmt: skip
    return Case.objects.get(pk=case.pk)


def test_both_parties_comment_on_the_draft_in_their_portals(
    page: Page,
    live_server: Any,
    *,
    team: Team,
    investigator: User,
    manager: User,
    council: Organisation,
    council_user: User,
    check_accessibility: Any,
) -> None:
    case = _shared(team, investigator, manager, council)
    decision = Decision.objects.get(case=case)
    ref = case.reference.replace(" ", "")
    base = live_server.url

    officer = Client()
    officer.force_login(council_user)
    session = officer.session
    session[VERIFIED_KEY] = council_user.pk
    session.save()
    _session_cookie(page, base, officer)
    page.goto(f"{base}/organisation/cases/{ref}/draft/{decision.pk}/")
    expect(page.get_by_role("heading", name="Draft decision")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send your comments").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Your comments on the draft decision").fill(
        "The date in paragraph 2 is wrong."
    )
    page.get_by_role("button", name="Send your comments").click()
    expect(page.locator("body")).to_contain_text("Your comments have been sent.")
    check_accessibility(page)
    page.context.clear_cookies()

    person = Client()
    session = person.session
    session[PERSON_KEY] = case.complainant_id
    session[EXPIRES_KEY] = timezone.now().timestamp() + 3600
    session.save()
    _session_cookie(page, base, person)
    page.goto(f"{base}/your-complaint/cases/{ref}/draft/{decision.pk}/")
    expect(page.get_by_role("heading", name="Draft decision")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("paragraph 2 is wrong")
    check_accessibility(page)
    page.get_by_label("Your comments on the draft decision").fill("Thank you. It is right.")
    page.get_by_role("button", name="Send your comments").click()
    expect(page.locator("body")).to_contain_text("Your comments have been sent.")
    check_accessibility(page)
    assert sorted(DraftComment.objects.values_list("party", flat=True)) == [
        "complainant",
        "organisation",
    ]


def test_a_manager_overrides_returns_and_later_upholds_a_review(
    page: Page,
    live_server: Any,
    *,
    team: Team,
    investigator: User,
    manager: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    case = _shared(team, investigator, manager, council)
    ref = case.reference.replace(" ", "")
    base = live_server.url
    _sign_in(page, base, manager)

    # Back to investigation, then override the outcome with a reason.
    page.goto(f"{base}/cases/{ref}/decision/")
    page.get_by_role("link", name="Return the case to investigation").click()
    expect(page.get_by_role("heading", name="Return the case to investigation")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Why is the case going back to investigation?").fill("New evidence came.")
    page.get_by_role("button", name="Return to investigation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("back at investigation")
    page.get_by_role("link", name="Override the outcome").click()
    expect(page.get_by_role("heading", name="Override the outcome")).to_be_visible()
    page.get_by_role("button", name="Override the outcome").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Upheld: fault without injustice").check()
    page.get_by_label("Why are you overriding").fill("The injustice was remedied already.")
    page.get_by_role("button", name="Override the outcome").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Outcome overridden")
    expect(page.locator("body")).to_contain_text("The injustice was remedied already.")
    check_accessibility(page)

    # Later: the case is decided and closed, and a review request is upheld.
    case = Case.objects.get(pk=case.pk)
    for target, outcome in (
        (Stage.DRAFT_DECISION, None),
        (Stage.DECIDED, Outcome.UPHELD_FAULT_NO_INJUSTICE),
        (Stage.CLOSED, None),
    ):
        case = case_move(
            case=case, expected_version=case.version, target=target, reason="Moved on",
            outcome=outcome, actor=manager,
        )  # fmt: skip
    page.goto(f"{base}/cases/{ref}/")
    page.get_by_role("link", name="Record a review request").click()
    page.get_by_label("Post-decision review request").check()
    page.get_by_label("The complainant's side").check()
    page.get_by_label("What they are asking for, and why").fill("You missed my doctor's letter.")
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("recorded")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("^Decide")).click()
    expect(page.get_by_role("heading", name=re.compile("Decide"))).to_be_visible()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Upheld", exact=True).check()
    page.get_by_label("Investigation", exact=True).check()
    page.get_by_label("Reasons").fill("We did not consider the doctor's letter.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Decision recorded")
    check_accessibility(page)
    assert Case.objects.get(pk=case.pk).stage == Stage.INVESTIGATION
