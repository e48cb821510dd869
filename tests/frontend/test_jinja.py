"""The template engine: the helpers every template can use, and the page title."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import engines
from pytest_django import Settings

from redress.frontend.dates import date_uk, datetime_uk, time_uk

DASH = "\N{EN DASH}"  # between the page title and the scheme name

LONDON = ZoneInfo("Europe/London")


def render(source: str, **context: Any) -> str:
    return engines["jinja"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 3, 3), "3 March 2025"),
        (dt.date(2026, 11, 22), "22 November 2026"),
        # 23:30 UTC on 30 June is already 1 July in London.
        (dt.datetime(2025, 6, 30, 23, 30, tzinfo=dt.UTC), "1 July 2025"),
        (None, ""),
    ],
)
def test_date_uk(value: dt.date | None, expected: str) -> None:
    assert date_uk(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2025, 3, 3, 14, 5, tzinfo=LONDON), "3 March 2025 at 2:05pm"),
        (dt.datetime(2025, 3, 3, 10, 0, tzinfo=LONDON), "3 March 2025 at 10am"),
        (dt.datetime(2025, 3, 3, 12, 0, tzinfo=LONDON), "3 March 2025 at midday"),
        (dt.datetime(2025, 3, 3, 0, 0, tzinfo=LONDON), "3 March 2025 at midnight"),
        (dt.datetime(2025, 3, 3, 0, 30, tzinfo=LONDON), "3 March 2025 at 12:30am"),
        # In summer, UTC is an hour behind London.
        (dt.datetime(2025, 7, 1, 13, 5, tzinfo=dt.UTC), "1 July 2025 at 2:05pm"),
        (None, ""),
    ],
)
def test_datetime_uk(value: dt.datetime | None, expected: str) -> None:
    assert datetime_uk(value) == expected


def test_time_uk() -> None:
    assert time_uk(dt.time(9, 45)) == "9:45am"
    assert time_uk(dt.time(23, 0)) == "11pm"


def test_filters_and_globals_in_templates() -> None:
    html = render(
        "{{ day|date_uk }}|{{ moment|datetime_uk }}|{{ url('frontend:privacy') }}|"
        "{{ static('redress/app.css') }}|{{ scheme_name }}",
        day=dt.date(2025, 3, 3),
        moment=dt.datetime(2025, 3, 3, 14, 5, tzinfo=LONDON),
    )

    assert html == (
        "3 March 2025|3 March 2025 at 2:05pm|/privacy/|/static/redress/app.css|"
        "Local Services Ombudsman"
    )


def test_scheme_name_follows_the_setting(settings: Settings) -> None:
    settings.SCHEME_NAME = "Housing Ombudsman"

    assert render("{{ scheme_name }}") == "Housing Ombudsman"


def test_autoescape_is_on() -> None:
    assert render("{{ text }}", text="<script>") == "&lt;script&gt;"


def test_no_messages_without_a_request() -> None:
    assert render("{{ get_messages(none) | list | length }}") == "0"


class NameForm(forms.Form):
    name = forms.CharField(label="Name")


PAGE = '{% extends "base.html" %}{% block title %}Add a party{% endblock %}'


def page_title(html: str) -> str:
    return " ".join(html[html.index("<title>") + 7 : html.index("</title>")].split())


def test_the_title_names_the_page_then_the_scheme() -> None:
    assert (
        page_title(render(PAGE, form=NameForm())) == f"Add a party {DASH} Local Services Ombudsman"
    )


def test_the_title_starts_with_error_when_the_form_has_errors() -> None:
    form = NameForm({"name": ""})
    assert not form.is_valid()

    assert (
        page_title(render(PAGE, form=form)) == f"Error: Add a party {DASH} Local Services Ombudsman"
    )


def test_a_page_without_a_form_can_say_it_has_errors() -> None:
    html = render(PAGE, page_has_errors=True)

    assert page_title(html) == f"Error: Add a party {DASH} Local Services Ombudsman"
