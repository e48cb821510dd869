"""The question pages of "Make a complaint": each one's errors, where it leads, and the check."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from redress.intake.models import ComplaintDraft
from redress.organisations.models import Organisation
from redress.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(step: str) -> str:
    return reverse("intake:step", args=[step])


def errors(response: Any) -> list[str]:
    """The messages in the page's error summary."""
    page = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.DOTALL)
    if summary is None:
        return []
    found = re.findall(r"<a [^>]*>(.*?)</a>", summary.group(0), re.DOTALL)
    return [html.unescape(" ".join(m.split())) for m in found]


def answers_for(org: Organisation, *, on_behalf: bool = False) -> list[tuple[str, dict[str, Any]]]:
    """What a person types on each page, in order, for a complete complaint."""
    pages: list[tuple[str, dict[str, Any]]] = [
        ("who", {"complainer": "on_behalf" if on_behalf else "myself"}),
    ]
    if on_behalf:
        pages.append(
            (
                "on-behalf",
                {
                    "first_name": "Edna",
                    "last_name": "Price",
                    "relationship": "Daughter",
                    "authority": "written_consent",
                },
            )
        )
    pages += [
        ("your-name", {"title": "Ms", "first_name": "Alice", "last_name": "Price"}),
        ("contact", {"contact_method": "email", "email": "alice@example.org"}),
        ("adjustments", {"needs_adjustments": "no"}),
        ("organisation", {"q": org.name, "organisation": str(org.pk)}),
        ("what-happened", {"summary": "The council did not assess my mother's care needs.",
                           "first_knew_on_day": "3", "first_knew_on_month": "2",
                           "first_knew_on_year": "2025"}),
        ("impact", {"injustice": "Months of worry and paying for care ourselves."}),
        ("outcome", {"outcome_sought": "An assessment and a refund."}),
        ("complained", {"complained": "final_response"}),
        ("final-response", {"final_response_on_day": "1", "final_response_on_month": "5",
                            "final_response_on_year": "2025"}),
        ("evidence", {}),
        ("about", {"category": "adult_care"}),
        ("consent", {"consent": "true"}),
    ]  # fmt: skip
    return pages


def walk(client: Client, org: Organisation, **kwargs: Any) -> None:
    for step, data in answers_for(org, **kwargs):
        response = client.post(url(step), {**data, "action": "continue"})
        assert response.status_code == 302, (step, errors(response))


@pytest.fixture
def org(db: None) -> Organisation:
    return OrganisationFactory(name="Wessex County Council", region="South West")


def test_the_start_page_leads_to_the_first_question(client: Client) -> None:
    response = client.get(reverse("intake:start"))
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{url("who")}"' in page
    assert "govuk-button--start" in page
    assert "20 working days" in page


def test_the_home_page_links_to_the_journey(client: Client) -> None:
    page = client.get(reverse("frontend:home")).content.decode()
    assert f'href="{reverse("intake:start")}"' in page
    assert f'href="{reverse("accounts:sign-in")}"' in page


def test_each_answer_leads_to_the_next_question_then_the_check(
    client: Client, org: Organisation
) -> None:
    pages = answers_for(org)
    for (step, data), following in zip(pages, [*pages[1:], None], strict=True):
        response = client.post(url(step), {**data, "action": "continue"})
        expected = url(following[0]) if following else reverse("intake:check")
        assert response["Location"] == expected, step
    check = client.get(reverse("intake:check"))
    page = check.content.decode()
    assert check.status_code == 200
    assert "Wessex County Council" in page
    assert "3 February 2025" in page
    assert f'href="{url("impact")}?change=1"' in page
    assert 'Change<span class="govuk-visually-hidden"> how it affected you</span>' in page


def test_someone_complaining_for_another_is_asked_about_them(
    client: Client, org: Organisation
) -> None:
    response = client.post(url("who"), {"complainer": "on_behalf"})
    assert response["Location"] == url("on-behalf")
    response = client.post(url("on-behalf"), {"authority": "other"})
    assert errors(response) == [
        "Enter the first name of the person you are complaining for",
        "Enter the last name of the person you are complaining for",
        "Enter your relationship to the person",
        "Tell us what allows you to act for the person",
    ]
    walk(client, org, on_behalf=True)
    page = client.get(reverse("intake:check")).content.decode()
    assert "Edna" in page
    assert "They have agreed in writing that I can act for them" in page
    assert "How it affected them" in page


def test_questions_that_do_not_apply_are_skipped(client: Client, org: Organisation) -> None:
    assert client.post(url("who"), {"complainer": "myself"})["Location"] == url("your-name")
    response = client.post(url("complained"), {"complained": "waiting"})
    assert response["Location"] == url("evidence")
    back = client.get(url("evidence")).content.decode()
    assert f'href="{url("complained")}" class="govuk-back-link"' in back


@pytest.mark.parametrize(
    ("step", "data", "expected"),
    [
        ("who", {}, ["Select whether you are complaining for yourself or someone else"]),
        ("your-name", {}, ["Enter your first name", "Enter your last name"]),
        ("contact", {}, ["Select how you would like us to contact you"]),
        ("contact", {"contact_method": "email"},
         ["Enter your email address, or choose another way for us to contact you"]),
        ("contact", {"contact_method": "email", "email": "not an email"},
         ["Enter an email address in the correct format, like name@example.com"]),
        ("contact", {"contact_method": "letter", "address": "1 High Street"},
         ["Enter your postcode"]),
        ("contact", {"contact_method": "phone", "phone": "01632 960 001"},
         ["Enter an email address or a postal address so we can send your reference"]),
        ("contact", {"contact_method": "phone", "phone": "call me maybe"},
         ["Enter a phone number, like 01632 960 001 or +44 808 157 0192"]),
        ("adjustments", {}, ["Select yes if you need us to change how we work with you"]),
        ("adjustments", {"needs_adjustments": "yes"}, ["Tell us what you need us to do"]),
        ("organisation", {}, ["Search for the organisation you are complaining about"]),
        ("organisation", {"q": "Nowhere at all"},
         ["No organisations match your search: try part of the name"]),
        ("organisation", {"q": "Wessex"}, ["Select the organisation you are complaining about"]),
        ("organisation", {"q": "Wessex", "organisation": "999999"},
         ["Select an organisation from the list"]),
        ("what-happened", {},
         ["Tell us what happened", "Enter the date you first knew about the problem"]),
        ("what-happened", {"summary": "x", "first_knew_on_day": "31", "first_knew_on_month": "4",
                           "first_knew_on_year": "2025"},
         ["The date you first knew about the problem must be a real date"]),
        ("what-happened", {"summary": "x", "first_knew_on_day": "1", "first_knew_on_month": "4"},
         ["The date you first knew about the problem must include a year"]),
        ("impact", {}, ["Tell us how this has affected you"]),
        ("outcome", {}, ["Tell us what you would like to happen"]),
        ("complained", {}, ["Select whether you have complained to the organisation"]),
        ("final-response", {}, ["Enter the date of the organisation's final response"]),
        ("about", {}, ["Select what your complaint is about, or 'I'm not sure'"]),
        ("consent", {}, ["Confirm you have read the privacy notice and agree to us sharing "
                         "your complaint"]),
    ],
)  # fmt: skip
def test_missing_or_wrong_answers_are_explained(
    client: Client, org: Organisation, step: str, data: dict[str, str], expected: list[str]
) -> None:
    response = client.post(url(step), {**data, "action": "continue"})
    assert response.status_code == 200
    assert errors(response) == expected
    assert response.content.decode().count("<title>Error: ") == 1


def test_a_date_in_the_future_is_refused(client: Client) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        url("what-happened"),
        {"summary": "It happened.", "first_knew_on_day": tomorrow.day,
         "first_knew_on_month": tomorrow.month, "first_knew_on_year": tomorrow.year},
    )  # fmt: skip
    assert errors(response) == [
        "The date you first knew about the problem must be today or in the past"
    ]
    # What was typed is on the page again, and kept with the draft.
    assert "It happened." in response.content.decode()
    draft = ComplaintDraft.objects.get()
    assert draft.answers["_partial"]["what-happened"] == {"summary": "It happened."}
    assert "It happened." in client.get(url("what-happened")).content.decode()


def test_searching_without_javascript_lists_matches_as_radios(
    client: Client, org: Organisation
) -> None:
    OrganisationFactory(name="Mercia District Council", region="Midlands")
    response = client.post(url("organisation"), {"q": "wessex", "action": "search"})
    page = response.content.decode()
    assert response.status_code == 200
    assert errors(response) == []
    assert f'value="{org.pk}"' in page
    assert "Mercia" not in page
    assert "1 organisation found" in page


def test_the_search_fragment_for_htmx(client: Client, org: Organisation) -> None:
    results = reverse("intake:organisation-results")
    response = client.get(results, {"q": "County"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert f'value="{org.pk}"' in response.content.decode()
    assert "<html" not in response.content.decode()
    # Without htmx, the same search on the page itself.
    plain = client.get(results, {"q": "County"})
    assert plain["Location"] == url("organisation") + "?q=County"
    assert f'value="{org.pk}"' in client.get(plain["Location"]).content.decode()


def test_changing_an_answer_returns_to_the_check(client: Client, org: Organisation) -> None:
    walk(client, org)
    page = client.get(url("impact") + "?change=1").content.decode()
    assert 'name="change" value="1"' in page
    assert f'href="{reverse("intake:check")}" class="govuk-back-link"' in page
    response = client.post(url("impact"), {"injustice": "Worse than I said.", "change": "1"})
    assert response["Location"] == reverse("intake:check")
    assert "Worse than I said." in client.get(reverse("intake:check")).content.decode()


def test_a_change_that_adds_a_question_asks_it_first(client: Client, org: Organisation) -> None:
    walk(client, org)
    response = client.post(url("who"), {"complainer": "on_behalf", "change": "1"})
    assert response["Location"] == url("on-behalf")


def test_the_check_page_sends_people_to_what_is_missing(client: Client, org: Organisation) -> None:
    assert client.get(reverse("intake:check"))["Location"] == reverse("intake:start")
    client.post(url("who"), {"complainer": "myself"})
    assert client.get(reverse("intake:check"))["Location"] == url("your-name")


def test_not_sure_what_it_is_about_is_worked_out_from_the_words(
    client: Client, org: Organisation
) -> None:
    walk(client, org)
    client.post(url("about"), {"category": "not_sure", "change": "1"})
    assert "Not sure" in client.get(reverse("intake:check")).content.decode()


def test_an_unknown_question_is_not_found(client: Client) -> None:
    assert client.get(url("no-such-step")).status_code == 404


def test_journey_pages_are_not_cached_and_keep_the_session_alive(
    client: Client, org: Organisation
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    response = client.get(url("your-name"))
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" in response.cookies  # renewed on every page


def test_every_page_says_how_long_a_session_lasts(client: Client, settings: Settings) -> None:
    settings.SESSION_COOKIE_AGE = 2 * 60 * 60
    page = client.get(url("who")).content.decode()
    assert "If you do nothing for 2 hours, your session will end" in page
    assert 'hx-trigger="load delay:6900s"' in page


@pytest.mark.parametrize("text", ["\x00", "Wessex\x00", "a" * 5000, "   "])
def test_odd_searches_find_nothing_or_the_right_thing(
    client: Client, org: Organisation, text: str
) -> None:
    response = client.post(url("organisation"), {"q": text, "action": "search"})
    assert response.status_code == 200
    assert (f'value="{org.pk}"' in response.content.decode()) == text.startswith("Wessex")
