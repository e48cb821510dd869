"""The pages anyone can open pass axe-core, load their styles and scripts, and work without
JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    ("/", 200, "Casework for the Local Services Ombudsman"),
    ("/accessibility/", 200, "Accessibility statement for casework"),
    ("/privacy/", 200, "Privacy notice"),
    ("/no-such-page/", 404, "Page not found"),
]


@pytest.mark.parametrize("target", PUBLIC_PAGES, ids=[path for path, _s, _h in PUBLIC_PAGES])
def test_public_page_is_accessible_and_fully_loaded(
    page: Page,
    live_server: Any,
    check_accessibility: Callable[[Page], None],
    target: tuple[str, int, str],
) -> None:
    path, status, heading = target
    script_errors: list[str] = []
    failed: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))

    def note_failure(response: Response) -> None:
        if response.status >= 400 and response.url != f"{live_server.url}{path}":
            failed.append(f"{response.status} {response.url}")

    page.on("response", note_failure)

    response = page.goto(f"{live_server.url}{path}", wait_until="networkidle")

    assert response is not None
    assert response.status == status
    assert page.locator("h1").inner_text() == heading
    check_accessibility(page)
    # The stylesheet loaded: GOV.UK Frontend set in Arial, never GDS Transport.
    for selector in ("body", "h1"):
        font = page.evaluate(
            "(selector) => getComputedStyle(document.querySelector(selector)).fontFamily",
            selector,
        )
        assert "arial" in font.lower(), selector
        assert "GDS Transport" not in font, selector
    # GOV.UK Frontend's JavaScript started, and htmx is there.
    assert page.evaluate("() => document.body.classList.contains('govuk-frontend-supported')")
    assert page.evaluate("() => typeof window.htmx === 'object'")
    assert (
        page.locator("[data-module='govuk-service-navigation']").get_attribute(
            "data-govuk-service-navigation-init"
        )
        == ""
    )
    assert not script_errors
    assert not failed, "every stylesheet, script and icon loads"


def test_the_first_tab_reaches_the_skip_link(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/privacy/")

    page.keyboard.press("Tab")

    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_the_start_page_works_without_javascript(browser: Browser, live_server: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/")
        assert "govuk-frontend-supported" not in (page.locator("body").get_attribute("class") or "")

        page.get_by_role("button", name="Sign in").click()

        expect(page).to_have_url(f"{live_server.url}/sign-in/")
        expect(page.locator("h1")).to_have_text("Sign in to casework")
    finally:
        context.close()
