"""The public register of service improvements: pages and open data."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import Team, User
from redress.casework.models import Case, Person
from redress.compliance.services import compliance_items_open
from redress.domain.categories import Category
from redress.domain.remedies import RemedyKind
from redress.domain.smart import RecommendedAction
from redress.domain.stages import Stage
from redress.organisations.models import Organisation
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db


def _improvement(
    organisation: Organisation,
    team: Team,
    actor: User,
    text: str,
    decided: dt.date,
    *,
    subcategory: str = "housing.homelessness",
    **case_fields: Any,
) -> Case:
    case = make_case(
        organisation=organisation,
        team=team,
        category=Category.HOUSING,
        subcategory=subcategory,
        stage=Stage.DECIDED,
        **case_fields,
    )
    compliance_items_open(
        case=case,
        actions=[
            RecommendedAction(
                kind=RemedyKind.SERVICE_IMPROVEMENT,
                action=text,
                responsible="Head of Housing",
                evidence="The revised procedure",
                due_on=decided + dt.timedelta(days=90),
                decided_on=decided,
            ),
            RecommendedAction(
                kind=RemedyKind.APOLOGY,
                action="Apologise to Mrs X",
                responsible="Director",
                evidence="The letter",
                due_on=decided + dt.timedelta(days=30),
                decided_on=decided,
            ),
        ],
        source="decision",
        actor=actor,
    )
    return case


@pytest.fixture
def register(council: Organisation, team: Team, compliance_officer: User) -> Organisation:
    first = _improvement(
        council,
        team,
        compliance_officer,
        "Train housing officers on the 56-day duty",
        dt.date(2025, 3, 10),
    )
    second = _improvement(
        council,
        team,
        compliance_officer,
        "=Review how Jane Doe-style cases are triaged",
        dt.date(2026, 5, 4),
    )
    Person.objects.filter(pk=second.complainant_id).update(first_name="Jane", last_name="Doe")
    _improvement(
        council,
        team,
        compliance_officer,
        "Secret improvement on a sensitive case",
        dt.date(2026, 6, 1),
        sensitive=True,
    )
    assert first.pk != second.pk
    return council


def test_the_index_lists_organisations_with_improvements(
    register: Organisation, other_council: Organisation
) -> None:
    page = Client().get(reverse("service-improvements:index")).content.decode()
    assert register.name in page
    assert "(2 improvements)" in page
    assert other_council.name not in page


def test_the_organisation_page_is_anonymised_and_flags_repeats(
    register: Organisation, django_assert_max_num_queries: Any
) -> None:
    client = Client()
    with django_assert_max_num_queries(4):
        response = client.get(reverse("service-improvements:organisation", args=[register.pk]))
    body = response.content.decode()
    assert "Train housing officers on the 56-day duty" in body
    assert "Review how X X-style cases are triaged" in body
    assert "Jane" not in body
    assert "Secret improvement" not in body
    assert "Apologise" not in body
    assert "May 2026" in body
    assert "Housing" in body
    assert body.count("Agreed again") == 2  # the tag and the explanation
    for case in Case.objects.all():
        assert case.reference not in body


def test_the_csv_matches_the_page(register: Organisation) -> None:
    response = Client().get(reverse("service-improvements:csv", args=[register.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "organisation",
        "agreed",
        "category",
        "improvement",
        "due",
        "status",
        "repeat_of_earlier_improvement",
    ]
    assert rows[1:] == [
        [
            register.name,
            "May 2026",
            "Housing",
            "'=Review how X X-style cases are triaged",
            "August 2026",
            "In progress",
            "yes",
        ],
        [
            register.name,
            "March 2025",
            "Housing",
            "Train housing officers on the 56-day duty",
            "June 2025",
            "In progress",
            "no",
        ],
    ]


@pytest.mark.parametrize("name", ["service-improvements:organisation", "service-improvements:csv"])
def test_an_unknown_organisation_is_404(name: str, db: None) -> None:
    assert Client().get(reverse(name, args=[999999])).status_code == 404


def test_posting_is_not_allowed(register: Organisation) -> None:
    url = reverse("service-improvements:organisation", args=[register.pk])
    assert Client().post(url).status_code == 405
