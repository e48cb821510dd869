"""The record of how intake decided, readable by anyone on the case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case
from redress.domain.categories import Category
from redress.domain.complaints import ComplainedFirst
from redress.intake.models import ComplaintDetails
from redress.testing.factories import make_case

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _decided_case(team: Team, intake_officer: User) -> Case:
    case = make_case(team=team, category=Category.HIGHWAYS)
    ComplaintDetails.objects.create(
        case=case,
        first_knew_on=TODAY - dt.timedelta(days=30),
        injustice="I cannot get to work.",
        complained_first=ComplainedFirst.WAITING,
    )
    response = _client(intake_officer).post(
        reverse("intake-staff:decide", args=[case.reference.replace(" ", "")]),
        {
            "version": case.version,
            "verdict_PREMATURE": "override",
            "override_PREMATURE": "They complained in January and had no reply.",
            "decision": "assessment",
            "explanation": "We will look at your complaint.",
        },
    )
    assert response.status_code == 302
    return Case.objects.get(pk=case.pk)


def _url(case: Case) -> str:
    return reverse("intake-staff:decision", args=[case.reference.replace(" ", "")])


def test_the_case_page_links_to_how_intake_decided(
    team: Team, intake_officer: User, investigator: User
) -> None:
    case = _decided_case(team, intake_officer)
    case_page = _client(investigator).get(reverse("casework:case", args=[case.reference]))
    assert _url(case) in case_page.content.decode()
    record = _client(investigator).get(_url(case))
    text = record.content.decode()
    assert record.status_code == 200
    assert "Passed to assessment" in text
    assert "Overridden" in text
    assert "They complained in January and had no reply." in text


def test_a_case_moved_on_without_a_decision_says_so(team: Team, investigator: User) -> None:
    case = make_case(team=team)
    text = _client(investigator).get(_url(case)).content.decode()
    assert "No intake decision was recorded on this case." in text


def test_only_staff_who_can_see_the_case_read_it(
    team: Team,
    intake_officer: User,
    outsider: User,
    complainant_user: User,
    council_user: User,
) -> None:
    case = _decided_case(team, intake_officer)
    assert _client(None).get(_url(case)).status_code == 302
    assert _client(outsider).get(_url(case)).status_code == 404
    assert _client(complainant_user).get(_url(case)).status_code == 403
    assert _client(council_user).get(_url(case)).status_code == 403
