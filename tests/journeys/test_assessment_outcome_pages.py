"""Each assessment outcome page, blank and with its errors, passes axe-core in Chromium."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from redress.accounts.models import Team, User
from redress.casework.services import case_move
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("outcome", ["close", "remedy-provided", "early-resolution"])
def test_each_outcome_page_and_its_errors_are_accessible(  # noqa: PLR0917
    page: Page,
    live_server: Any,
    team: Team,
    assessor: User,
    manager: User,
    council: Organisation,
    check_accessibility: Any,
    outcome: str,
) -> None:
    registered = make_case(team=team, organisation=council)
    case = case_move(
        case=registered,
        expected_version=registered.version,
        target=Stage.ASSESSMENT,
        reason="Passed to assessment",
        actor=manager,
    )
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(assessor.username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile("/sign-in/"))

    page.goto(f"{live_server.url}/cases/{case.reference.replace(' ', '')}/assessment/{outcome}/")
    expect(
        page.get_by_role("button", name="Record the decision and send the letters")
    ).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Record the decision and send the letters").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
