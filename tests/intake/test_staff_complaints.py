"""Logging a complaint received by phone, letter or email on the person's behalf."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts.models import Team, User
from redress.casework.models import Case, Contact
from redress.domain.categories import Category, Channel
from redress.domain.complaints import Authority, ComplainedFirst, ComplaintAnswers, ContactMethod
from redress.intake.decisions import IntakeDecisionError
from redress.intake.models import ComplaintDetails
from redress.intake.staff_complaints import intake_log_complaint
from redress.notifications.models import Letter
from redress.organisations.models import Organisation

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _answers(organisation: Organisation, **changes: Any) -> ComplaintAnswers:
    base = ComplaintAnswers(
        on_behalf=False, title="Mr", first_name="Sam", last_name="Caller",
        contact_method=ContactMethod.EMAIL, email="sam@example.org", phone="", address="",
        postcode="", adjustments="Large print, please.", organisation_id=organisation.pk,
        summary="They lost my blue badge application.", first_knew_on=TODAY - dt.timedelta(days=40),
        injustice="I cannot park near the shops.", outcome_sought="A decision on my badge.",
        complained=ComplainedFirst.NOT_YET, final_response_on=None,
        category=Category.HIGHWAYS, category_chosen=True,
    )  # fmt: skip
    return ComplaintAnswers(**{**base.__dict__, **changes})


def test_logging_a_phoned_complaint_registers_it_for_the_team(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    received = TODAY - dt.timedelta(days=1)
    case = intake_log_complaint(
        complaint=_answers(council), channel=Channel.PHONE, received_on=received,
        subcategory="highways.blue_badges", actor=intake_officer, form_key=uuid.uuid4(),
    )  # fmt: skip
    assert (case.channel, case.received_on, case.team) == ("phone", received, team)
    assert case.subcategory == "highways.blue_badges"
    assert case.complainant.reasonable_adjustments == "Large print, please."
    details = ComplaintDetails.objects.get(case=case)
    assert details.complained_first == "not_yet"
    contact = Contact.objects.get(case=case, direction="in")
    assert (contact.channel, contact.handled_at is not None) == ("phone", True)
    assert Letter.objects.filter(case=case, email="sam@example.org").exists()


def test_logging_for_someone_else_records_the_representative(
    team: Team, assessor: User, council: Organisation
) -> None:
    answers = _answers(
        council, on_behalf=True, person_first_name="Pat", person_last_name="Affected",
        relationship="Son", authority=Authority.WRITTEN_CONSENT,
    )  # fmt: skip
    case = intake_log_complaint(
        complaint=answers,
        channel=Channel.LETTER,
        received_on=TODAY,
        actor=assessor,
        form_key=uuid.uuid4(),
    )
    assert case.complainant.full_name == "Pat Affected"
    assert case.representative is not None
    assert case.representative.email == "sam@example.org"
    assert case.representative_authority.startswith("Son: ")


def test_logging_needs_a_way_to_reach_them_and_an_intake_role(
    team: Team, intake_officer: User, investigator: User, council: Organisation
) -> None:
    with pytest.raises(IntakeDecisionError, match="email address"):
        intake_log_complaint(
            complaint=_answers(council, email=""), channel=Channel.EMAIL, received_on=TODAY,
            actor=intake_officer, form_key=uuid.uuid4(),
        )  # fmt: skip
    with pytest.raises(IntakeDecisionError, match="phone, letter or email"):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.ONLINE, received_on=TODAY,
            actor=intake_officer, form_key=uuid.uuid4(),
        )  # fmt: skip
    with pytest.raises(IntakeDecisionError, match="future"):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.EMAIL,
            received_on=TODAY + dt.timedelta(days=1), actor=intake_officer, form_key=uuid.uuid4(),
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        intake_log_complaint(
            complaint=_answers(council), channel=Channel.EMAIL, received_on=TODAY,
            actor=investigator, form_key=uuid.uuid4(),
        )  # fmt: skip
    assert not Case.objects.exists()


def test_sending_the_same_form_twice_logs_one_complaint(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    key = uuid.uuid4()
    first = intake_log_complaint(
        complaint=_answers(council), channel=Channel.PHONE, received_on=TODAY,
        actor=intake_officer, form_key=key,
    )  # fmt: skip
    again = intake_log_complaint(
        complaint=_answers(council), channel=Channel.PHONE, received_on=TODAY,
        actor=intake_officer, form_key=key,
    )  # fmt: skip
    assert again == first
    assert Case.objects.count() == 1
    assert Letter.objects.filter(case=first).count() == 1


def test_a_double_click_on_the_staff_form_logs_one_complaint(
    client: Client, intake_officer: User, council: Organisation
) -> None:
    client.force_login(intake_officer)
    page = client.get(reverse("intake-staff:log")).content.decode()
    key = page.split('name="form_key" value="', 1)[1].split('"', 1)[0]
    form = {
        "form_key": key, "channel": "phone", "received_on_day": str(TODAY.day),
        "received_on_month": str(TODAY.month), "received_on_year": str(TODAY.year),
        "on_behalf": "no", "title": "", "first_name": "Sam", "last_name": "Caller",
        "contact_method": "email", "email": "sam@example.org", "phone": "", "address": "",
        "postcode": "", "organisation": str(council.pk),
        "summary": "They lost my blue badge application.",
        "first_knew_on_day": "1", "first_knew_on_month": "1", "first_knew_on_year": "2026",
        "injustice": "I cannot park.", "outcome_sought": "A decision.",
        "complained": "not_yet", "category": "highways", "subcategory": "",
        "adjustments": "",
    }  # fmt: skip
    first = client.post(reverse("intake-staff:log"), form)
    second = client.post(reverse("intake-staff:log"), form)
    assert first.status_code == 302, first.content.decode()
    assert second["Location"] == first["Location"]
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_at_once_logs_one_complaint(
    team: Team, intake_officer: User, council: Organisation
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL; CI runs this there.")
    key, threads = uuid.uuid4(), 4
    start = threading.Barrier(threads)
    cases: list[Case] = []
    failures: list[BaseException] = []

    def send() -> None:
        try:
            start.wait()
            case = intake_log_complaint(
                complaint=_answers(council),
                channel=Channel.PHONE,
                received_on=TODAY,
                actor=intake_officer,
                form_key=key,
            )
            cases.append(case)
        except BaseException as error:  # report any failure from the worker thread
            failures.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=send) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert len({case.pk for case in cases}) == 1
    assert Case.objects.count() == 1
