"""A complainant asks for a link, signs in, follows their case, writes to us, sends evidence
and signs out; every page and error state passes axe-core."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from redress.casework.models import Case, Deadline, Document, Person
from redress.frontend.dates import date_uk
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import PersonFactory, make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://[^/\s]+(/your-complaint/sign-in/[^/\s]+/)")
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def pat(db: None) -> Person:
    person: Person = PersonFactory(title="", first_name="Pat", last_name="Public",
                                   email="pat@example.org")  # fmt: skip
    return person


@pytest.fixture
def pats_case(pat: Person, council: Organisation) -> Case:
    case = make_case(organisation=council, complainant=pat)
    Letter.objects.create(
        case=case, recipient_name="Pat Public", party="Complainant", email=pat.email,
        channel="email", subject="We have received your complaint",
        body="<p>Dear Pat Public,</p><p>Thank you for your complaint.</p>",
        created_at=timezone.now(),
    )  # fmt: skip
    return case


def _ask_for_link(page: Any, base_url: str, email: str, reference: str) -> None:
    page.goto(f"{base_url}/your-complaint/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Case reference").fill(reference)
    page.get_by_role("button", name="Email me a link").click()


def _link(base_url: str) -> str:
    match = LINK.search(str(mail.outbox[-1].body))
    assert match is not None
    return f"{base_url}{match.group(1)}"


def test_a_complainant_follows_their_case_and_writes_to_us(
    page: Any, live_server: Any, pat: Person, pats_case: Case, check_accessibility: Any
) -> None:
    base = live_server.url
    page.goto(f"{base}/your-complaint/")
    expect(page.get_by_role("heading", name="See your complaint")).to_be_visible()
    check_accessibility(page)

    # Nothing typed: the error summary, accessible.
    page.get_by_role("button", name="Email me a link").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")
    check_accessibility(page)

    _ask_for_link(page, base, "Pat@Example.org", pats_case.reference.replace(" ", ""))
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    check_accessibility(page)
    link = _link(base)

    page.goto(link)
    expect(page.get_by_role("heading", name="Sign in to see your complaint")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your complaints")).to_be_visible()
    check_accessibility(page)

    # The case: its stage in plain English and when Pat should next hear from us.
    page.get_by_role("link", name=pats_case.reference).click()
    expect(page.get_by_role("heading", name=f"Complaint {pats_case.reference}")).to_be_visible()
    due = Deadline.objects.get(case=pats_case, kind="assessment").due_on
    main = page.locator("main")
    expect(main).to_contain_text("We are checking your complaint")
    expect(main).to_contain_text(f"You should next hear from us by {date_uk(due)}")
    check_accessibility(page)

    page.get_by_role("link", name="We have received your complaint").click()
    expect(main).to_contain_text("Thank you for your complaint.")
    check_accessibility(page)
    page.get_by_role("link", name=f"Back to complaint {pats_case.reference}").click()
    expect(page.get_by_role("heading", name=f"Complaint {pats_case.reference}")).to_be_visible()

    # A message, with an error first.
    page.get_by_role("link", name="Send us a message").click()
    expect(page.get_by_role("heading", name="Send us a message")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your message")
    check_accessibility(page)
    page.get_by_label("Your message").fill("The council has written to me again.")
    page.get_by_role("button", name="Send message").click()
    expect(main).to_contain_text("Your message has been sent.")
    expect(main).to_contain_text("We will reply to your message by")
    expect(main).to_contain_text("The council has written to me again.")
    check_accessibility(page)

    # Evidence: an executable renamed .pdf is refused; two real files go through.
    page.get_by_role("link", name="Send us evidence").click()
    expect(page.get_by_role("heading", name="Send us evidence")).to_be_visible()
    check_accessibility(page)
    files = page.get_by_label("Upload files")
    files.set_input_files(
        [{"name": "invoice.pdf", "mimeType": "application/pdf", "buffer": b"MZ" + b"\0" * 99}]
    )
    page.get_by_role("button", name="Send files").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "invoice.pdf is a program, not a document"
    )
    check_accessibility(page)
    files.set_input_files(
        [
            {"name": "reply.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {
                "name": "photo.png",
                "mimeType": "image/png",
                "buffer": b"\x89PNG\r\n\x1a\n" + b"0" * 64,
            },
        ]
    )
    page.get_by_role("button", name="Send files").click()
    expect(main).to_contain_text("2 files sent. Thank you.")
    expect(main).to_contain_text("reply.pdf")
    assert Document.objects.filter(case=pats_case, source="complainant").count() == 2

    # Signing out, then the used link is refused with a way to ask again.
    page.get_by_role("button", name="Sign out").click()
    expect(main).to_contain_text("You have signed out.")
    check_accessibility(page)
    page.goto(link)
    expect(page.get_by_role("heading", name="This link has already been used")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Ask for a new link").click()
    expect(page.get_by_role("heading", name="See your complaint")).to_be_visible()


def test_link_problems_and_limits_are_explained_and_accessible(
    page: Any, live_server: Any, pat: Person, pats_case: Case, check_accessibility: Any
) -> None:
    base = live_server.url
    page.goto(f"{base}/your-complaint/sign-in/not-a-real-link/")
    expect(page.get_by_role("heading", name="This link does not work")).to_be_visible()
    check_accessibility(page)

    page.goto(f"{base}/your-complaint/")
    page.get_by_label("Case reference").fill("not a reference")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter your case reference as 8 numbers"
    )
    check_accessibility(page)

    for _ in range(5):
        _ask_for_link(page, base, "someone@example.org", pats_case.reference)
        expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert mail.outbox == []
    _ask_for_link(page, base, "someone@example.org", pats_case.reference)
    expect(page.get_by_role("heading", name="You have asked for too many links")).to_be_visible()
    check_accessibility(page)

    page.goto(f"{base}/your-complaint/cases/")
    expect(page.get_by_role("heading", name="See your complaint")).to_be_visible()
