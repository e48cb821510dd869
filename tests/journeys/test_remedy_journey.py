"""An investigator builds the remedies for a finding in Chromium: reads what the guidance
suggests, adds an apology (after a vague first try), adds a payment above the usual range
of similar past decisions and gives the reason, records the organisation's earlier offer,
and writes the actions into the draft. Every page, and every error state, passes axe-core."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import Page, expect

from redress.accounts.models import Team, User
from redress.decisions import services as decision_services
from redress.decisions.models import Decision
from redress.investigation.models import ComplaintIssue
from redress.organisations.models import Organisation
from redress.remedies.models import GuidanceVersion, RemedyAction
from redress.testing.factories import make_case

from ..decisions.conftest import NO_FAULT, add_issues, to_investigation
from ..remedies.conftest import TEMPORARY_HOME, make_past_remedy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def guidance_seeded(db: None) -> None:
    """The guidance figures come from a data migration, which the flush between browser
    tests removes: seed them again as the migration does."""
    if not GuidanceVersion.objects.exists():
        migration = importlib.import_module("redress.remedies.migrations.0001_initial")
        migration.seed_version_1(django_apps, None)


PASSWORD = "correct horse battery staple"


def _sign_in(page: Page, base_url: str, user: User) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def test_an_investigator_builds_the_remedies_for_a_finding(
    page: Page,
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
    issues = list(ComplaintIssue.objects.filter(case=case).order_by("number"))
    decision_services.finding_record(issue=issues[0], facts=TEMPORARY_HOME, actor=investigator)
    decision_services.finding_record(issue=issues[1], facts=NO_FAULT, actor=investigator)
    for amount in (200, 250, 250, 300, 300, 350):
        make_past_remedy(amount, team=team, officer=investigator, organisation=council)
    base = live_server.url
    ref = case.reference.replace(" ", "")
    _sign_in(page, base, investigator)

    # From the decision page to the builder.
    page.goto(f"{base}/cases/{ref}/decision/")
    page.get_by_role("link", name="Build the remedies").click()
    expect(page.get_by_role("heading", name="Remedies", exact=True)).to_be_visible()
    expect(page.locator("body")).to_contain_text("Guidance for distress (any area): £100 to £300")
    check_accessibility(page)

    # An apology: first too vague, then SMART.
    page.get_by_role("link", name="Add apology for issue 1").click()
    expect(page.get_by_role("heading", name="Add an action: apology")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("What exactly will the organisation do?").fill("Consider apologising")
    page.get_by_label("Which organisation will do it?").fill("")
    page.get_by_role("button", name="Save the action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Remove “consider”")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Name the organisation that will do this"
    )
    check_accessibility(page)
    page.get_by_label("What exactly will the organisation do?").fill(
        "Apologise in writing to the family for the months in bed and breakfast."
    )
    page.get_by_label("Which organisation will do it?").fill("Wessex County Council")
    page.get_by_label("How will it show it has done it?").fill("A copy of the letter")
    page.get_by_role("button", name="Save the action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Action 1 saved")
    expect(page.locator("body")).to_contain_text("Within one month of the final decision")
    check_accessibility(page)

    # A payment above what similar past decisions recommended.
    page.get_by_role("link", name="Add symbolic payment for issue 1").click()
    expect(page.get_by_role("heading", name="Add an action: symbolic payment")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("distress (any area): £100 to £300, up to £1,000 exceptionally").check()
    page.get_by_label("The person is vulnerable").check()
    page.get_by_label("What exactly will the organisation do?").fill(
        "Pay the family £1,000 to acknowledge the distress caused."
    )
    page.get_by_label("Amount in pounds").fill("1000")
    page.get_by_label("Distress", exact=True).check()
    page.get_by_label("How will it show it has done it?").fill("Proof of payment")
    page.get_by_role("button", name="Work out the range and compare").click()
    expect(page.locator("aside").first).to_contain_text("£200 to £300")
    expect(page.locator(".govuk-warning-text")).to_contain_text("above the usual range")
    check_accessibility(page)
    page.get_by_role("button", name="Save the action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the reason for recommending an amount outside the usual range"
    )
    check_accessibility(page)
    page.get_by_label("Why is this amount outside the usual range?").fill(
        "Five months in one room with a newborn baby."
    )
    page.get_by_role("button", name="Save the action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Action 2 saved")
    expect(page.locator("body")).to_contain_text("Outside the usual range")
    check_accessibility(page)

    # The organisation's earlier offer.
    page.get_by_role("link", name="Record what the organisation offered").click()
    expect(
        page.get_by_role("heading", name="What the organisation already offered")
    ).to_be_visible()
    page.get_by_role("button", name="Record the offer").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("What did the organisation offer?").fill("£150 for the delay")
    page.get_by_label("Amount offered in pounds").fill("150")
    page.get_by_label("Replaces what the organisation offered").check()
    page.get_by_role("button", name="Record the offer").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("offer has been recorded")
    check_accessibility(page)

    # Into the draft.
    page.get_by_role("button", name="Write these actions into the draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("now lists these actions")
    check_accessibility(page)

    decision = Decision.objects.get(case=case)
    assert decision.guidance_version is not None
    assert "Our £1,000 replaces, not adds to, the £150" in decision.agreed_action
    payment = RemedyAction.objects.get(decision=decision, number=2)
    assert payment.consistency_outside
    assert payment.aggravating == ["vulnerability"]
