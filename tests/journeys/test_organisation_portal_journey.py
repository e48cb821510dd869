"""A council's link officer signs in for the first time (setting up their authenticator
app), finds their case, reads our letter, sends us files, signs out, and signs in again
with a code; every page and error state passes axe-core."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from redress.accounts.models import User
from redress.casework.models import Case, CaseNote, Deadline, Document
from redress.domain.clocks import ClockKind
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def councils_case(council: Organisation, investigator: User, tmp_path: Path) -> Case:
    case = make_case(organisation=council, summary="The council lost my housing application.")
    Letter.objects.create(
        case=case, recipient_name=f"Complaints team, {council.name}", party="Organisation",
        email=council.complaints_email, channel="email", subject="Our enquiries",
        body="<p>Please send us the housing file.</p>", created_at=timezone.now(),
    )  # fmt: skip
    Deadline.objects.create(
        case=case, kind=ClockKind.ENQUIRY_REPLY, due_on=timezone.localdate() + dt.timedelta(days=20)
    )
    CaseNote.objects.create(
        case=case, author=investigator, text="Internal: chase the council", at=timezone.now()
    )
    return case


def _sign_in_page(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/organisation/")
    expect(page.get_by_role("heading", name="Sign in to the organisation portal")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()


def test_a_link_officer_sets_up_signs_in_and_sends_files(  # noqa: PLR0917 - fixtures
    page: Any,
    live_server: Any,
    council_user: User,
    councils_case: Case,
    check_accessibility: Any,
    tmp_path: Path,
) -> None:
    base = live_server.url
    main = page.locator("main")
    with override_settings(MEDIA_ROOT=tmp_path):
        # Signed out: the portal sends them to sign in. Nothing typed: the error summary.
        page.goto(f"{base}/organisation/")
        expect(
            page.get_by_role("heading", name="Sign in to the organisation portal")
        ).to_be_visible()
        check_accessibility(page)
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_title(re.compile("^Error: "))
        expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your username")
        check_accessibility(page)

        # First sign-in: set up the app from the key shown beside the QR code.
        _sign_in_page(page, base, council_user.username)
        expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
        expect(page.locator("main svg")).to_be_visible()
        check_accessibility(page)
        secret = page.locator("#setup-key").inner_text().replace(" ", "")
        app = pyotp.TOTP(secret)
        page.get_by_label("Code from your authenticator app").fill("12 34")
        page.get_by_role("button", name="Finish setting up and sign in").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the code as 6 numbers")
        check_accessibility(page)
        page.get_by_label("Code from your authenticator app").fill(app.now())
        page.get_by_role("button", name="Finish setting up and sign in").click()

        # Their cases, with what we wait for from them.
        expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
        expect(main).to_contain_text("Your reply to our enquiries")
        check_accessibility(page)

        page.get_by_role("link", name=councils_case.reference).click()
        expect(page.get_by_role("heading", name=f"Case {councils_case.reference}")).to_be_visible()
        expect(main).to_contain_text("The council lost my housing application.")
        expect(main).not_to_contain_text("Internal: chase the council")
        check_accessibility(page)

        page.get_by_role("link", name="Our enquiries").click()
        expect(main).to_contain_text("Please send us the housing file.")
        check_accessibility(page)
        page.get_by_role("link", name=f"Back to case {councils_case.reference}").click()

        # Files: a program renamed .pdf is refused by name; the good file is kept.
        page.get_by_role("button", name="Send us files").click()
        expect(page.get_by_role("heading", name="Send us files")).to_be_visible()
        check_accessibility(page)
        page.get_by_role("button", name="Send files").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one file")
        check_accessibility(page)
        page.get_by_label("Upload files").set_input_files(
            [
                {"name": "housing-file.pdf", "mimeType": "application/pdf", "buffer": PDF},
                {"name": "tool.pdf", "mimeType": "application/pdf", "buffer": b"MZ" + b"\0" * 99},
            ]
        )
        page.get_by_role("button", name="Send files").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("tool.pdf")
        expect(main).to_contain_text("We have received 1 file: housing-file.pdf")
        check_accessibility(page)
        page.get_by_label("Upload files").set_input_files(
            [{"name": "care-plan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.get_by_role("button", name="Send files").click()
        expect(page.get_by_role("heading", name=f"Case {councils_case.reference}")).to_be_visible()
        expect(main).to_contain_text("We have received 1 file: care-plan.pdf")
        expect(main).to_contain_text("housing-file.pdf")
        check_accessibility(page)
        names = set(
            Document.objects.filter(case=councils_case).values_list("original_name", flat=True)
        )
        assert names == {"housing-file.pdf", "care-plan.pdf"}

        # Sign out, then back in with a code (the next one: a code never works twice).
        page.get_by_role("button", name="Sign out").click()
        expect(main).to_contain_text("You have signed out.")
        check_accessibility(page)
        _sign_in_page(page, base, council_user.username)
        expect(
            page.get_by_role("heading", name="Enter the code from your authenticator app")
        ).to_be_visible()
        check_accessibility(page)
        page.get_by_label("Code from your authenticator app").fill(
            "000000" if app.now() != "000000" else "111111"
        )
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "The username, password or code is not right"
        )
        check_accessibility(page)
        _sign_in_page(page, base, council_user.username)
        page.get_by_label("Code from your authenticator app").fill(
            app.at(timezone.now() + dt.timedelta(seconds=30))
        )
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
