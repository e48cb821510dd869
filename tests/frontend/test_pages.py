"""The start page, the accessibility statement and the privacy notice."""

from __future__ import annotations

import re
import types

import pytest
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.test import Client
from django.urls import include, path, reverse
from markupsafe import escape
from pytest_django import Settings

from redress.accounts.models import User
from redress.config import urls as project_urls

DASH = "\N{EN DASH}"  # between the page title and the scheme name

pytestmark = pytest.mark.django_db


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert match, "the page has no <h1>"
    return " ".join(match.group(1).split())


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert match
    return " ".join(match.group(1).split())


def test_start_page_explains_the_service_and_links_to_sign_in(client: Client) -> None:
    response = client.get(reverse("frontend:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Casework for the Local Services Ombudsman"
    assert title(html) == f"Casework {DASH} Local Services Ombudsman"
    assert f'href="{reverse("accounts:sign-in")}"' in html
    assert "govuk-button--start" in html
    assert "You need a staff account" in html


def test_signed_in_staff_go_straight_to_their_workqueue(client: Client, investigator: User) -> None:
    client.force_login(investigator)

    response = client.get(reverse("frontend:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:workqueue")


def test_a_signed_in_complainant_sees_the_start_page(
    client: Client, complainant_user: User
) -> None:
    client.force_login(complainant_user)

    response = client.get(reverse("frontend:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Signed in as" in html
    assert ">Workqueue<" not in html, "the workqueue is for staff"


def test_every_page_has_the_layout(client: Client) -> None:
    html = client.get(reverse("frontend:accessibility")).content.decode()

    assert '<html lang="en-GB"' in html
    assert 'href="/static/redress/app.css"' in html
    assert 'src="/static/vendor/htmx.min.js"' in html
    assert '<script type="module" src="/static/redress/app.js"></script>' in html
    assert "govuk-frontend-supported" in html
    assert 'class="govuk-generic-header"' in html
    assert "Local Services Ombudsman" in html
    assert "govuk-header__logotype" not in html, "no crown: the GOV.UK logo is for GOV.UK only"
    assert "Crown copyright" not in html
    assert "govuk-phase-banner" in html
    assert "Beta" in html
    assert f'href="{reverse("frontend:privacy")}"' in html
    assert 'id="main-content"' in html


def test_staff_see_the_workqueue_link_who_is_signed_in_and_sign_out(
    client: Client, investigator: User
) -> None:
    client.force_login(investigator)

    html = client.get(reverse("frontend:privacy")).content.decode()

    assert f'href="{reverse("casework:workqueue")}"' in html
    # Names such as O'Brien arrive escaped, as markupsafe escapes them.
    assert f"Signed in as {escape(str(investigator))}" in html
    sign_out = re.search(r'<form[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.DOTALL)
    assert sign_out
    assert 'method="post"' in sign_out.group(0)
    assert sign_out.group(1) == reverse("accounts:sign-out")
    assert 'name="csrfmiddlewaretoken"' in sign_out.group(2)
    assert "Sign out" in sign_out.group(2)


def test_accessibility_statement_says_what_was_tested_and_how_to_get_help(
    client: Client, settings: Settings
) -> None:
    settings.ACCESSIBILITY_CONTACT_EMAIL = "access@lso.example"

    response = client.get(reverse("frontend:accessibility"))

    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Accessibility statement for casework"
    assert title(html) == f"Accessibility statement {DASH} Local Services Ombudsman"
    for fact in (
        "Web Content Accessibility Guidelines version 2.2",
        "level AA",
        "axe-core",
        "Chromium",
        "using only a keyboard",
        "We know of no part of this service that is not accessible",
        'href="mailto:access@lso.example"',
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "prepared on 22 November 2026",
    ):
        assert fact in html, fact


def test_accessibility_contact_has_a_default(client: Client) -> None:
    html = client.get(reverse("frontend:accessibility")).content.decode()

    assert "accessibility@ombudsman.example" in html


def test_privacy_notice_covers_the_people_the_law_and_their_rights(client: Client) -> None:
    response = client.get(reverse("frontend:privacy"))

    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Privacy notice"
    for fact in (
        "Local Services Ombudsman is the controller",
        "If you make a complaint",
        "If you complain for someone else",
        "If you work for an organisation we look into",
        "Local Government Act 1974",
        "public interest (Article 6(1)(e))",
        "substantial public interest",
        "The organisation you complained about",
        "remove names",
        "6 years after we close the case",
        "records every time a member of staff views the personal information",
        "Information Commissioner",
        "ask us to correct information",
    ):
        assert fact in html, fact


def test_pages_refuse_posts(client: Client) -> None:
    assert client.post(reverse("frontend:privacy")).status_code == 405


def _saved(request: HttpRequest) -> HttpResponse:
    messages.success(request, "Case 24 015 110 moved to assessment")
    messages.success(request, "Note added")
    messages.warning(request, "The organisation has not replied")
    return render(request, "frontend/privacy.html")


messages_urls = types.ModuleType("messages_urls")
messages_urls.urlpatterns = [  # type: ignore[attr-defined]
    path("saved/", _saved),
    path("", include(project_urls.urlpatterns)),
]


@pytest.fixture
def site_with_messages(settings: Settings) -> None:
    settings.ROOT_URLCONF = messages_urls


@pytest.mark.usefixtures("site_with_messages")
def test_messages_show_as_notification_banners_once(client: Client) -> None:
    html = client.get("/saved/").content.decode()

    success = re.search(
        r'<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"'
        r".*?Success.*?Case 24 015 110 moved to assessment.*?Note added",
        html,
        re.DOTALL,
    )
    assert success, "success messages share one success banner"
    important = re.search(
        r'<div class="govuk-notification-banner" role="region"'
        r".*?Important.*?The organisation has not replied",
        html,
        re.DOTALL,
    )
    assert important, "other messages go in an 'Important' banner"
    assert "Note added" not in client.get(reverse("frontend:privacy")).content.decode()
