"""An assessor works a case at assessment in Chromium: records the jurisdiction stage and
the four tests, then allocates the case to an investigator, whose caseload is shown. Every
page, and every error state, passes axe-core."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from redress.accounts.models import Team, User
from redress.assessment.models import Assessment
from redress.casework.models import Case
from redress.casework.services import case_move
from redress.domain.assessment import LEGAL_BARS
from redress.domain.stages import Stage
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


def test_an_assessor_records_the_assessment_and_allocates_the_case(
    page: Any,
    live_server: Any,
    *,
    team: Team,
    assessor: User,
    investigator: User,
    manager: User,
    council: Organisation,
    check_accessibility: Any,
) -> None:
    registered = make_case(team=team, organisation=council)
    case = case_move(
        case=registered,
        expected_version=registered.version,
        target=Stage.ASSESSMENT,
        reason="Passed to assessment",
        actor=manager,
    )
    make_case(team=team, officer=investigator, stage=Stage.INVESTIGATION.value)
    reference = case.reference.replace(" ", "")
    _sign_in(page, live_server.url, assessor)

    # From the case page to the workspace, with its clock.
    page.goto(f"{live_server.url}/cases/{reference}/")
    page.get_by_role("link", name="Open the assessment workspace").click()
    expect(page.get_by_role("heading", name="Assessment", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Assessment clock")).to_be_visible()
    expect(page.locator("body")).to_contain_text("working days left")
    check_accessibility(page)

    # The jurisdiction stage: nothing in the law stops us.
    for question in LEGAL_BARS:
        group = page.get_by_role("group", name=question.label)
        group.get_by_label("No", exact=True).check()
    page.get_by_label("Note on late").fill("They complained within three months.")
    # The four tests, each with the reasoning.
    for test, answer in (
        ("Public interest", "Yes: it raises wider issues, or others may be affected"),
        ("Injustice", "Yes: the injustice is significant"),
        ("Fault", "Yes: there is enough to suggest fault"),
        ("Remedy", "Yes: we could achieve a meaningful remedy"),
    ):
        page.get_by_role("group", name=test, exact=True).get_by_label(answer).check()
        page.get_by_label(f"Your reasoning on {test.lower()}").fill(f"My view on {test.lower()}.")
    page.get_by_label("Working notes").fill("Spoke to the council's link officer.")
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator("body")).to_contain_text("Assessment saved.")
    expect(page.locator("body")).to_contain_text(
        "Nothing in your saved answers points to closing the complaint."
    )
    expect(page.get_by_label("Your reasoning on fault")).to_have_value("My view on fault.")
    check_accessibility(page)

    # Allocation: the investigator's caseload, then an empty submission to see the errors.
    page.get_by_role("link", name="Allocate for investigation").click()
    expect(page.get_by_role("heading", name="Allocate for investigation")).to_be_visible()
    row = page.locator("tr", has_text=str(investigator))
    expect(row).to_contain_text("1")
    check_accessibility(page)
    page.get_by_role("button", name="Record the decision and send the letters").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an investigator")
    check_accessibility(page)

    page.get_by_label(f"{investigator} ({team}): 1 open investigation").check()
    page.get_by_label("What we tell the complainant").fill(
        "We will look into how long the council took to reply."
    )
    page.get_by_role("button", name="Preview the letters").click()
    expect(page.get_by_role("heading", name="The letters that will be sent")).to_be_visible()
    expect(page.locator("body")).to_contain_text("We have decided to investigate it.")
    check_accessibility(page)

    page.get_by_role("button", name="Record the decision and send the letters").click()
    expect(page.locator("body")).to_contain_text(
        f"Case {case.reference} allocated for investigation. Decision recorded."
    )
    expect(page.get_by_role("heading", name=re.compile(f"Case {case.reference}"))).to_be_visible()
    check_accessibility(page)

    # The workspace is now the record of the assessment.
    page.goto(f"{live_server.url}/cases/{reference}/assessment/")
    expect(page.get_by_role("heading", name="The decision")).to_be_visible()
    check_accessibility(page)

    moved = Case.objects.get(pk=case.pk)
    assert (moved.stage, moved.officer_id, moved.team_id) == (
        "investigation",
        investigator.pk,
        team.pk,
    )
    assert Assessment.objects.get(case=moved).decision == "allocate"
    [letter] = Letter.objects.filter(case=moved)
    assert letter.sent_at is not None
