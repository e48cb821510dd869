"""A member of the public makes a complaint, with JavaScript on and off, meeting every kind of
error on the way; every page and every error state passes axe-core, and exactly one case
with the right organisation is registered and acknowledged."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django import Settings

from redress.casework.models import Case, Document
from redress.intake.models import ComplaintDetails
from redress.organisations.models import Organisation
from redress.testing.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Check = Callable[[Page], None]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 15_000
TIMERS_AS_MICROTASKS = """() => {
    let last = 0;
    window.setTimeout = (run, _delay, ...args) => {
        Promise.resolve().then(() => run(...args));
        return ++last;
    };
    window.clearTimeout = () => {};
}"""
LINK = re.compile(r"https?://[^/\s]+(/complain/continue/[\w-]+/)")


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "files"
    return tmp_path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A real letter, a 30 MB scan (sparse on disk) and a program renamed .pdf."""
    letter = tmp_path / "council-letter.pdf"
    letter.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    huge = tmp_path / "scan-of-everything.pdf"
    with huge.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(30 * 1024 * 1024)
    program = tmp_path / "invoice.pdf"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120)
    return {"letter": letter, "huge": huge, "program": program}


@pytest.fixture
def no_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        java_script_enabled=False, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def check_without_js(check_accessibility: Check) -> Check:
    """axe-core on the page exactly as it renders with JavaScript off.

    The page's own scripts never run, but Playwright can still evaluate code in it; timers
    do not fire there, so axe's are run as microtasks instead.
    """

    def check(page: Page) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(TIMERS_AS_MICROTASKS)
            page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        check_accessibility(page)

    return check


@pytest.fixture
def wessex(db: None) -> Organisation:
    OrganisationFactory(name="Mercia District Council", region="Midlands")
    return OrganisationFactory(name="Wessex County Council", region="South West")


def _heading(page: Page, text: str) -> None:
    expect(page.locator("h1")).to_contain_text(text)


def _continue(page: Page) -> None:
    page.get_by_role("button", name="Continue", exact=True).click()


def _error(page: Page, check: Check, message: str) -> None:
    """The page shows `message` in its error summary, and is accessible like that."""
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text(message)
    check(page)


def _fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def _make_a_complaint(
    page: Page, base: str, check: Check, files: dict[str, Path], *, js: bool
) -> str:
    """Go through every page as a new user would, with every error; the reference."""
    page.goto(f"{base}/")
    check(page)
    page.get_by_role("button", name="Make a complaint").click()
    _heading(page, "Make a complaint to the")
    check(page)
    page.get_by_role("button", name="Start now").click()

    _heading(page, "Are you complaining for yourself or for someone else?")
    check(page)
    _continue(page)
    _error(page, check, "Select whether you are complaining for yourself or someone else")
    page.get_by_label("I am complaining for myself").check()
    _continue(page)

    _heading(page, "What is your name?")
    check(page)
    _continue(page)
    _error(page, check, "Enter your first name")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    _continue(page)

    _heading(page, "How we will contact you")
    check(page)
    page.get_by_label("Email", exact=True).check()
    _continue(page)
    _error(page, check, "Enter your email address, or choose another way")
    page.get_by_label("Email address").fill("priya@example.org")
    _continue(page)

    _heading(page, "Help with using our service")
    check(page)
    page.get_by_label("No", exact=True).check()
    _continue(page)

    _heading(page, "Which organisation are you complaining about?")
    check(page)
    _continue(page)
    _error(page, check, "Search for the organisation you are complaining about")
    search = page.get_by_label("Search for the organisation")
    if js:
        search.fill("wess")  # htmx fetches the matches as the person types
    else:
        search.fill("wess")
        page.get_by_role("button", name="Search").click()
    choice = page.get_by_label("Wessex County Council")
    expect(choice).to_be_visible()
    expect(page.get_by_label("Mercia District Council")).to_have_count(0)
    check(page)
    choice.check()
    _continue(page)

    _heading(page, "What happened")
    check(page)
    page.get_by_label("Tell us what happened").fill(
        "The council took eight months to decide my housing application."
    )
    _fill_date(page, "When did you first know about the problem?", _tomorrow())
    _continue(page)
    _error(page, check, "must be today or in the past")
    _fill_date(page, "When did you first know about the problem?", _months_ago(4))
    _continue(page)

    _heading(page, "How has this affected you?")
    check(page)
    page.get_by_label("How has this affected you?").fill("We lived in one damp room.")
    _continue(page)

    _heading(page, "What would you like to happen?")
    check(page)
    page.get_by_label("What would you like to happen?").fill("An apology and a decision.")
    _continue(page)

    _heading(page, "Have you complained to the organisation?")
    check(page)
    page.get_by_label("Yes, and I have had its final response").check()
    _continue(page)

    _heading(page, "The organisation's final response")
    check(page)
    _continue(page)
    _error(page, check, "Enter the date of the organisation's final response")
    _fill_date(page, "When did the organisation send its final response?", _months_ago(1))
    page.get_by_label("Upload the final response (optional)").set_input_files(files["program"])
    _continue(page)
    _error(page, check, "invoice.pdf is a program, not a document")
    page.get_by_label("Upload the final response (optional)").set_input_files(files["letter"])
    _continue(page)

    _heading(page, "Upload evidence")
    check(page)
    page.get_by_label("Choose files to upload").set_input_files(
        [files["letter"], files["huge"], files["program"]]
    )
    page.get_by_role("button", name="Upload files").click()
    _error(page, check, "scan-of-everything.pdf must be smaller than 20 MB.")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("invoice.pdf is a program, not a document")
    # The good file in the same upload was kept.
    expect(page.locator(".govuk-summary-list")).to_contain_text("council-letter.pdf")
    _continue(page)

    _heading(page, "What is your complaint about?")
    check(page)
    page.get_by_label("Housing", exact=True).check()
    _continue(page)

    _heading(page, "Privacy and consent")
    check(page)
    _continue(page)
    _error(page, check, "Confirm you have read the privacy notice")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    _continue(page)

    _heading(page, "Check your answers before sending your complaint")
    expect(page.locator("main")).to_contain_text("Wessex County Council")
    check(page)
    page.get_by_role("link", name="Change what you want to happen").click()
    _heading(page, "What would you like to happen?")
    page.get_by_label("What would you like to happen?").fill("An apology and a decision now.")
    _continue(page)
    _heading(page, "Check your answers before sending your complaint")
    expect(page.locator("main")).to_contain_text("An apology and a decision now.")
    page.get_by_role("button", name="Send complaint").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    check(page)
    reference = page.locator(".govuk-panel__body strong").inner_text()
    expect(page.locator("main")).to_contain_text("20 working days")
    return reference


def _tomorrow() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=1)


def _months_ago(months: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=30 * months)


def _assert_registered(reference: str, organisation: Organisation) -> None:
    case = Case.objects.get(reference=reference)
    assert case.organisation == organisation
    assert case.channel == "online"
    assert case.category == "housing"
    assert case.outcome_sought == "An apology and a decision now."
    assert ComplaintDetails.objects.get(case=case).complained_first == "final_response"
    names = sorted(Document.objects.filter(case=case).values_list("original_name", flat=True))
    assert names == ["council-letter.pdf", "council-letter.pdf"]  # final response, evidence
    [acknowledgement] = [m for m in mail.outbox if reference in m.subject]
    assert acknowledgement.to == ["priya@example.org"]


def test_a_complaint_with_javascript(
    page: Page, live_server: Any, wessex: Organisation, files: dict[str, Path],
    check_accessibility: Check,
) -> None:  # fmt: skip
    reference = _make_a_complaint(page, live_server.url, check_accessibility, files, js=True)
    _assert_registered(reference, wessex)
    # Going back and sending again changes nothing: still one case.
    page.go_back()
    page.reload()
    expect(page.locator(".govuk-panel__title")).to_have_text("Complaint sent")
    assert Case.objects.count() == 1


def test_a_complaint_without_javascript(
    no_js: Page, live_server: Any, wessex: Organisation, files: dict[str, Path],
    check_without_js: Check,
) -> None:  # fmt: skip
    reference = _make_a_complaint(no_js, live_server.url, check_without_js, files, js=False)
    _assert_registered(reference, wessex)
    assert Case.objects.count() == 1


def test_saving_and_coming_back_later_without_javascript(
    no_js: Page, live_server: Any, wessex: Organisation, browser: Browser,
    check_without_js: Check,
) -> None:  # fmt: skip
    check_accessibility = check_without_js
    base = live_server.url
    no_js.goto(f"{base}/complain/who/")
    no_js.get_by_label("I am complaining for someone else").check()
    _continue(no_js)
    _heading(no_js, "The person you are complaining for")
    check_accessibility(no_js)
    no_js.get_by_label("Their first name").fill("Ruth")
    no_js.get_by_role("button", name="Save and come back later").click()

    _heading(no_js, "Save your complaint and come back later")
    check_accessibility(no_js)
    no_js.get_by_role("button", name="Send me the link").click()
    _error(no_js, check_accessibility, "Enter your email address")
    no_js.get_by_label("Email address").fill("helper@example.org")
    no_js.get_by_role("button", name="Send me the link").click()
    expect(no_js.locator(".govuk-panel__title")).to_have_text("We have emailed you a link")
    check_accessibility(no_js)

    match = LINK.search(str(mail.outbox[-1].body))
    assert match is not None
    later = browser.new_context(java_script_enabled=False)
    try:
        elsewhere = later.new_page()
        elsewhere.goto(f"{base}{match.group(1)}")
        _heading(elsewhere, "The person you are complaining for")
        expect(elsewhere.get_by_label("Their first name")).to_have_value("Ruth")
    finally:
        later.close()


def test_a_warning_before_the_session_ends(
    page: Page, live_server: Any, settings: Settings, check_accessibility: Check
) -> None:
    settings.SESSION_COOKIE_AGE = 6
    settings.INTAKE_SESSION_WARNING_SECONDS = 3
    page.goto(f"{live_server.url}/complain/who/")
    page.get_by_label("I am complaining for myself").check()
    _continue(page)
    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("Your session will end in 3 seconds", timeout=10_000)
    check_accessibility(page)
    page.get_by_role("button", name="Keep working").click()
    expect(page.locator("#session-warning")).to_contain_text("You have another")
    check_accessibility(page)
