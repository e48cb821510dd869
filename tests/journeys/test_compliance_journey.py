"""From a final decision with agreed actions to a satisfied action: the compliance officer
starts monitoring, the council's link officer signs in with a code and sends evidence, and
the officer accepts it and closes the case. Then the pages for an action not done, the
public report, the queue, the figures and the public register. axe-core on every page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.test import Client, override_settings
from django.utils import timezone
from playwright.sync_api import Page, expect

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.compliance.models import ComplianceItem
from redress.compliance.services import compliance_items_open
from redress.domain.remedies import RemedyKind
from redress.domain.smart import RecommendedAction
from redress.domain.stages import Stage
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def _decided_with_actions(
    team: Team, investigator: User, council: Organisation, *kinds: RemedyKind
) -> Case:
    """A case whose investigator issued the final decision with its agreed actions (which
    passes it to compliance)."""
    case = make_case(organisation=council, team=team, officer=investigator, stage=Stage.DECIDED)
    today = timezone.localdate()
    texts = {
        RemedyKind.APOLOGY: "Apologise in writing to Mrs X for the four-month delay",
        RemedyKind.SERVICE_IMPROVEMENT: "Train housing officers on the 56-day relief duty",
    }
    compliance_items_open(
        case=case,
        actions=[
            RecommendedAction(
                kind=kind,
                action=texts[kind],
                responsible="Head of Housing",
                evidence="A copy of the letter",
                due_on=today + dt.timedelta(days=28),
                decided_on=today,
            )
            for kind in kinds
        ],
        source="decision",
        actor=investigator,
    )
    # The final decision was sent to the council, which is what shows it in the portal.
    Letter.objects.create(
        case=case, recipient_name=f"Complaints team, {council.name}", party="Organisation",
        email=council.complaints_email, channel="email", subject="Our final decision",
        body="<p>Our final decision.</p>", created_at=timezone.now(),
    )  # fmt: skip
    return Case.objects.get(pk=case.pk)


def _staff_sign_in(page: Page, base: str, user: User) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def _portal_sign_in(page: Page, base: str, user: User) -> None:
    """First sign-in: set up the authenticator app from the key shown, then give a code."""
    page.goto(f"{base}/organisation/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    secret = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Finish setting up and sign in").click()
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()


def test_from_the_decision_to_a_satisfied_action(  # noqa: PLR0917 - fixtures
    page: Page,
    live_server: Any,
    team: Team,
    investigator: User,
    compliance_officer: User,
    council: Organisation,
    council_user: User,
    check_accessibility: Any,
    tmp_path: Path,
) -> None:
    case = _decided_with_actions(team, investigator, council, RemedyKind.APOLOGY)
    ref = case.reference.replace(" ", "")
    base = live_server.url
    main = page.locator("main")
    with override_settings(MEDIA_ROOT=tmp_path):
        # Issuing the decision passed the case to compliance; the officer finds its actions.
        assert Case.objects.get(pk=case.pk).stage == Stage.COMPLIANCE
        _staff_sign_in(page, base, compliance_officer)
        page.goto(f"{base}/cases/{ref}/")
        page.get_by_role("link", name="Open compliance").click()
        expect(page.get_by_role("heading", name="Compliance")).to_be_visible()
        expect(main).to_contain_text("Apologise in writing to Mrs X")
        check_accessibility(page)
        page.get_by_role("button", name="Sign out").click()

        # The council's link officer signs in with a code and sends evidence.
        _portal_sign_in(page, base, council_user)
        page.get_by_role("link", name=case.reference).click()
        expect(page.get_by_role("heading", name=f"Case {case.reference}")).to_be_visible()
        page.get_by_role("link", name=re.compile("See the agreed actions")).click()
        expect(page.get_by_role("heading", name="What you agreed to do")).to_be_visible()
        check_accessibility(page)
        page.get_by_role("link", name="Send evidence for action 1").click()
        expect(page.get_by_role("heading", name="Send evidence for action 1")).to_be_visible()
        check_accessibility(page)
        page.get_by_role("button", name="Send evidence").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what you have done")
        check_accessibility(page)
        page.get_by_label("What you have done").fill("We sent the apology on 3 March.")
        page.get_by_label("Evidence documents (optional)").set_input_files(
            [
                {"name": "apology.pdf", "mimeType": "application/pdf", "buffer": PDF},
                {"name": "tool.pdf", "mimeType": "application/pdf", "buffer": b"MZ" + b"\0" * 99},
            ]
        )
        page.get_by_role("button", name="Send evidence").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("tool.pdf")
        check_accessibility(page)
        page.get_by_label("Evidence documents (optional)").set_input_files(
            [{"name": "apology.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.get_by_role("button", name="Send evidence").click()
        expect(main).to_contain_text("Your evidence for action 1 was sent")
        expect(main).to_contain_text("Evidence received")
        check_accessibility(page)
        page.get_by_role("button", name="Sign out").click()

        # The officer reviews the evidence from the queue and accepts it.
        _staff_sign_in(page, base, compliance_officer)
        page.goto(f"{base}/compliance/")
        expect(page.get_by_role("heading", name="Evidence to review")).to_be_visible()
        check_accessibility(page)
        page.get_by_role("link", name=case.reference).click()
        page.get_by_role("link", name="Review evidence for action 1").click()
        expect(page.get_by_role("heading", name="Review evidence for action 1")).to_be_visible()
        expect(main).to_contain_text("We sent the apology on 3 March.")
        check_accessibility(page)
        page.get_by_role("button", name="Save the verdict").click()
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        check_accessibility(page)
        page.get_by_label("Satisfied: the action is done").check()
        page.get_by_role("button", name="Save the verdict").click()
        expect(main).to_contain_text("Action 1 is satisfied.")
        check_accessibility(page)
        assert ComplianceItem.objects.get(case=case).status == "satisfied"

        page.get_by_role("link", name=re.compile("Close the case")).click()
        expect(page.get_by_role("heading", name="Close the case")).to_be_visible()
        check_accessibility(page)
        page.get_by_role("button", name="Close the case").click()
        expect(page.get_by_role("heading", name=f"Case {case.reference}")).to_be_visible()
        assert Case.objects.get(pk=case.pk).stage == Stage.CLOSED


def _signed_in_as(page: Page, base: str, user: User) -> None:
    """Give the browser a session set up by a test client (sign-in is tested above)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )


def test_an_action_not_done_a_public_report_and_the_published_pages(  # noqa: PLR0917
    page: Page,
    live_server: Any,
    team: Team,
    investigator: User,
    compliance_officer: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    case = _decided_with_actions(
        team, investigator, council, RemedyKind.APOLOGY, RemedyKind.SERVICE_IMPROVEMENT
    )
    ref = case.reference.replace(" ", "")
    base = live_server.url
    main = page.locator("main")
    _signed_in_as(page, base, compliance_officer)

    page.goto(f"{base}/cases/{ref}/compliance/")
    page.get_by_role("link", name="Record not complied for action 1").click()
    expect(page.get_by_role("heading", name="Record action 1 as not complied")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Record as not complied").click()
    expect(main).to_contain_text("recorded as not complied")

    page.get_by_role("link", name="Start a public report").click()
    expect(page.get_by_role("heading", name="Start a public report")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter draft report")
    check_accessibility(page)
    page.get_by_label("Draft report").fill("The Council agreed to apologise and has not.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("heading", name="Public report")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send the report to the organisation").click()
    expect(main).to_contain_text("The report has been sent to the organisation.")
    check_accessibility(page)
    page.get_by_role("link", name="Record the organisation's response").click()
    expect(page.get_by_role("heading", name="Record the organisation's response")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Save the response").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    today = timezone.localdate()
    page.get_by_label("What the organisation said it will do").fill("It will apologise.")
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Save the response").click()
    expect(main).to_contain_text("The organisation's response is recorded.")
    check_accessibility(page)

    for view in ("overdue", "due_soon", "escalated", "not_started"):
        page.goto(f"{base}/compliance/?view={view}")
        expect(page.get_by_role("heading", level=1, name="Compliance")).to_be_visible()
        check_accessibility(page)
    page.get_by_role("link", name="Public reports awaiting a response").click()
    expect(main).to_contain_text("No report is waiting for a response.")
    check_accessibility(page)
    page.get_by_role("link", name="Figures by organisation").click()
    expect(page.get_by_role("heading", name="Compliance by organisation")).to_be_visible()
    expect(main).to_contain_text("0.0%")
    check_accessibility(page)

    # The public register, signed out.
    page.context.clear_cookies()
    page.goto(f"{base}/service-improvements/")
    expect(page.get_by_role("heading", name="Service improvements agreed")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name=council.name).click()
    expect(page.get_by_role("heading", name=council.name)).to_be_visible()
    expect(main).to_contain_text("Train housing officers on the 56-day relief duty")
    expect(main).not_to_contain_text(case.reference)
    check_accessibility(page)
