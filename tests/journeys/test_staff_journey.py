"""A member of staff signs in, works a case through its stages, and every page is accessible."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def _sign_in(page: Any, base_url: str, user: User) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Signed in once the browser has left the sign-in page (and holds the session cookie).
    expect(page).not_to_have_url(re.compile("/sign-in/"))


def test_sign_in_errors_are_summarised_and_accessible(
    page: Any, live_server: Any, assessor: User, check_accessibility: Any
) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    check_accessibility(page)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    check_accessibility(page)
    page.get_by_label("Username").fill(assessor.username)
    page.get_by_label("Password", exact=True).fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    expect(summary).to_contain_text("Enter a correct username and password")


def test_an_assessor_takes_a_case_from_intake_to_investigation(
    page: Any, live_server: Any, team: Team, assessor: User, check_accessibility: Any
) -> None:
    case = make_case(team=team, officer=assessor)
    _sign_in(page, live_server.url, assessor)

    # The workqueue lists the case with its next due date.
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    check_accessibility(page)
    row = page.locator("tr", has_text=case.reference)
    assert "Assessment decision due" in row.inner_text()

    # Filtering by stage with no JavaScript-only controls.
    page.get_by_label("Stage").select_option("investigation")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("body")).to_contain_text("No cases match these filters.")
    check_accessibility(page)

    # The case page: summary, timeline and next actions.
    page.goto(f"{live_server.url}/cases/{case.reference.replace(' ', '')}/")
    expect(page.get_by_role("heading", name=re.compile(f"Case {case.reference}"))).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Note").fill("Spoke to the complainant; sent the council's final reply.")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("body")).to_contain_text("Note added.")
    expect(page.locator("body")).to_contain_text("Spoke to the complainant")

    # Log a contact, with an error first.
    page.get_by_role("link", name="Log a call, letter or email").click()
    check_accessibility(page)
    page.get_by_role("button", name="Log contact").click()
    expect(page).to_have_title(re.compile("^Error: "))
    check_accessibility(page)
    page.get_by_label("Received").check()
    page.get_by_label("How").select_option("letter")
    page.get_by_label("Who was it with?").fill("Complainant")
    page.get_by_label("Summary").fill("Letter with copies of the council's replies.")
    page.get_by_role("button", name="Log contact").click()
    expect(page.locator("body")).to_contain_text("Contact logged.")
    expect(page.locator("body")).to_contain_text("Reply to written contact")

    # Move the stage: an error first, then pass to assessment and allocate.
    page.get_by_role("link", name=re.compile("Change stage")).click()
    check_accessibility(page)
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator("body")).to_contain_text("There is a problem")
    check_accessibility(page)
    page.get_by_label("Pass to assessment").check()
    page.get_by_label("Reason for this change").fill("Complete and within time.")
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator("body")).to_contain_text("pass to assessment. Saved.")

    page.get_by_role("link", name=re.compile("Change stage")).click()
    page.get_by_label("Allocate for investigation").check()
    page.get_by_label("Reason for this change").fill("Likely fault causing injustice.")
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator("body")).to_contain_text("Investigation target (13 weeks)")
    expect(page.locator("body")).to_contain_text("Update both parties")
    case.refresh_from_db()
    assert case.stage == "investigation"

    # Edit details, accessible too.
    page.get_by_role("link", name="Change the case details").click()
    check_accessibility(page)
    page.get_by_label("Sensitive case").check()
    page.get_by_role("button", name="Save details").click()
    expect(page.locator("body")).to_contain_text("Case details saved.")
    assert Case.objects.get(pk=case.pk).sensitive


def test_the_refusal_page_for_non_staff_is_accessible(
    page: Any, live_server: Any, council_user: User, check_accessibility: Any
) -> None:
    _sign_in(page, live_server.url, council_user)
    response = page.goto(f"{live_server.url}/cases/")
    assert response is not None
    assert response.status == 403
    check_accessibility(page)
