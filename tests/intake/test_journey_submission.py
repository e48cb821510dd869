"""Sending a complaint: exactly one case, acknowledged, robots and floods turned away."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from redress.casework.models import Case, Contact, Document
from redress.domain.complaints import SUBMISSIONS_PER_ADDRESS, Step
from redress.intake import services
from redress.intake.journey import drafts
from redress.intake.journey.session import DRAFT_KEY, client_address
from redress.intake.models import (
    ComplaintDetails,
    ComplaintDraft,
    DraftFilePurpose,
    SubmissionRecord,
)
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CHECK = reverse("intake:check")


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def org(db: None) -> Organisation:
    return OrganisationFactory(name="Wessex County Council")


def complete_answers(org: Organisation, **changes: dict[str, Any]) -> dict[str, dict[str, Any]]:
    answers: dict[str, dict[str, Any]] = {
        "who": {"complainer": "myself"},
        "your-name": {"title": "Mr", "first_name": "Sam", "last_name": "Okafor"},
        "contact": {"contact_method": "email", "email": "sam@example.org", "phone": "",
                    "address": "", "postcode": ""},
        "adjustments": {"needs_adjustments": "yes", "adjustments": "Large print, please."},
        "organisation": {"organisation": org.pk},
        "what-happened": {"summary": "The council lost my housing application.",
                          "first_knew_on": "2025-03-01"},
        "impact": {"injustice": "I stayed in unsuitable housing for a year."},
        "outcome": {"outcome_sought": "Backdate my application."},
        "complained": {"complained": "final_response"},
        "final-response": {"final_response_on": "2025-06-02"},
        "evidence": {},
        "about": {"category": "housing"},
        "consent": {"consent": True},
    }  # fmt: skip
    answers.update(changes)
    return answers


def ready_draft(client: Client, answers: dict[str, dict[str, Any]]) -> ComplaintDraft:
    """A complete draft held by this client's session."""
    draft = drafts.draft_create()
    for step, page in answers.items():
        drafts.draft_save_answers(draft=draft, step=Step(step), answers=page)
    session = client.session
    session[DRAFT_KEY] = draft.public_id
    session.save()
    return draft


def send(client: Client, draft: ComplaintDraft, **extra: str) -> Any:
    return client.post(CHECK, {"draft": draft.public_id, **extra})


def test_sending_registers_one_case_and_acknowledges_it(
    client: Client,
    org: Organisation,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    draft = ready_draft(client, complete_answers(org))
    for purpose, name in [(DraftFilePurpose.EVIDENCE, "letter.pdf"),
                          (DraftFilePurpose.FINAL_RESPONSE, "final.pdf")]:  # fmt: skip
        drafts.draft_file_add(draft=draft, purpose=purpose, name=name, content=PDF)
    assert client.get(CHECK).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, draft)

    assert response["Location"] == reverse("intake:confirmation")
    case = Case.objects.get()
    assert (case.organisation, case.category, case.channel) == (org, "housing", "online")
    assert case.complainant.full_name == "Mr Sam Okafor"
    assert case.complainant.reasonable_adjustments == "Large print, please."
    assert case.representative is None
    details = ComplaintDetails.objects.get(case=case)
    assert details.first_knew_on == dt.date(2025, 3, 1)
    assert details.final_response_on == dt.date(2025, 6, 2)
    assert details.complained_first == "final_response"
    documents = Document.objects.filter(case=case).order_by("original_name")
    assert [(d.original_name, d.description) for d in documents] == [
        ("final.pdf", "The organisation's final response"),
        ("letter.pdf", "Evidence"),
    ]
    assert not draft.files.exists()
    [message] = mail.outbox
    assert message.to == ["sam@example.org"]
    assert case.reference in message.subject
    assert "20 working days" in message.body
    assert "Large print, please." in message.body
    assert Contact.objects.filter(case=case, direction="in", channel="online").exists()
    draft.refresh_from_db()
    assert draft.case == case
    assert draft.answers == {}

    page = client.get(reverse("intake:confirmation")).content.decode()
    assert case.reference in page
    assert "20 working days" in page
    assert f"by {case.next_due_on.day} " in page


def test_sending_twice_gives_the_same_single_case(client: Client, org: Organisation) -> None:
    draft = ready_draft(client, complete_answers(org))
    first = send(client, draft)
    again = send(client, draft)  # a refresh, a double click or a retry
    assert first["Location"] == again["Location"] == reverse("intake:confirmation")
    assert Case.objects.count() == 1
    assert Letter.objects.count() == 1
    assert SubmissionRecord.objects.count() == 1
    assert client.get(CHECK)["Location"] == reverse("intake:confirmation")


@pytest.mark.django_db(transaction=True)
def test_concurrent_sends_make_one_case(org: Organisation) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL; CI runs this there.")
    draft = drafts.draft_create()
    for step, page in complete_answers(org).items():
        drafts.draft_save_answers(draft=draft, step=Step(step), answers=page)
    threads, start = 6, threading.Barrier(6)
    references: list[str] = []
    failures: list[BaseException] = []

    def submit() -> None:
        try:
            start.wait()
            case = services.complaint_submit(public_id=draft.public_id, address="192.0.2.1")
            references.append(case.reference)
        except BaseException as error:  # report any failure from the worker thread
            failures.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=submit) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert len(set(references)) == 1
    assert len(references) == threads
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_complaints_get_gapless_references(org: Organisation) -> None:
    """The reference is issued last in the send; concurrent sends still number in order."""
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL; CI runs this there.")
    threads = 8
    ready = []
    for _ in range(threads):
        draft = drafts.draft_create()
        for step, page in complete_answers(org).items():
            drafts.draft_save_answers(draft=draft, step=Step(step), answers=page)
        ready.append(draft.public_id)
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def submit(public_id: str, number: int) -> None:
        try:
            start.wait()
            services.complaint_submit(public_id=public_id, address=f"192.0.2.{number}")
        except BaseException as error:  # report any failure from the worker thread
            failures.append(error)
        finally:
            connections.close_all()

    workers = [
        threading.Thread(target=submit, args=(public_id, number))
        for number, public_id in enumerate(ready, start=1)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    references = sorted(Case.objects.values_list("reference", flat=True))
    year = f"{timezone.localdate():%y}"
    assert references == [f"{year} 000 {n:03d}" for n in range(1, threads + 1)]
    acknowledged = list(Letter.objects.values_list("case__reference", "body"))
    assert {reference for reference, _ in acknowledged} == set(references)
    assert all(reference in body and "~" not in body for reference, body in acknowledged)


def test_someone_complaining_for_another_becomes_their_representative(
    client: Client, org: Organisation
) -> None:
    answers = complete_answers(
        org,
        who={"complainer": "on_behalf"},
        **{"on-behalf": {"first_name": "Edna", "last_name": "Okafor", "relationship": "Son",
                         "authority": "attorney", "authority_detail": ""}},
    )  # fmt: skip
    send(client, ready_draft(client, answers))
    case = Case.objects.get()
    assert case.complainant.full_name == "Edna Okafor"
    assert case.representative is not None
    assert case.representative.email == "sam@example.org"
    assert case.representative_authority == (
        "Son: I have a lasting power of attorney or I am their deputy"
    )
    assert Letter.objects.get().party == "Representative"


def test_people_who_want_letters_also_get_one_by_post(
    client: Client, org: Organisation, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    contact = {"contact_method": "letter", "email": "sam@example.org", "phone": "",
               "address": "1 High Street\nAnytown", "postcode": "AB1 2CD"}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        send(client, ready_draft(client, complete_answers(org, contact=contact)))
    letters = {letter.channel: letter for letter in Letter.objects.all()}
    assert set(letters) == {"email", "post"}
    assert letters["post"].address == "1 High Street\nAnytown\nAB1 2CD"
    assert letters["post"].pdf.name
    assert "by post" in client.get(reverse("intake:confirmation")).content.decode()


def test_an_incomplete_draft_is_sent_back_to_what_is_missing(
    client: Client, org: Organisation
) -> None:
    answers = complete_answers(org)
    del answers["impact"]
    response = send(client, ready_draft(client, answers))
    assert response["Location"] == reverse("intake:step", args=["impact"])
    assert not Case.objects.exists()


def test_an_organisation_that_has_gone_is_asked_for_again(
    client: Client, org: Organisation
) -> None:
    draft = ready_draft(client, complete_answers(org))
    org.delete()
    assert send(client, draft)["Location"] == reverse("intake:step", args=["organisation"])


def test_only_the_sessions_own_draft_can_be_sent(client: Client, org: Organisation) -> None:
    someone_else = ready_draft(Client(), complete_answers(org))
    ready_draft(client, complete_answers(org))
    response = send(client, someone_else)
    assert response["Location"] == CHECK
    assert not Case.objects.exists()


def test_a_filled_honeypot_sends_nothing(client: Client, org: Organisation) -> None:
    draft = ready_draft(client, complete_answers(org))
    response = send(client, draft, website="https://spam.example")
    assert response.status_code == 200
    assert "We could not send your complaint" in response.content.decode()
    assert not Case.objects.exists()
    assert mail.outbox == []
    # On a question page too: nothing is kept.
    fresh = Client()
    page = fresh.post(
        reverse("intake:step", args=["who"]), {"complainer": "myself", "website": "x"}
    )
    assert "We could not send your complaint" in page.content.decode()
    assert ComplaintDraft.objects.count() == 1


def test_the_honeypot_is_hidden_from_people(client: Client, org: Organisation) -> None:
    ready_draft(client, complete_answers(org))
    page = client.get(CHECK).content.decode()
    assert '<div class="govuk-visually-hidden" aria-hidden="true">' in page
    assert 'name="website" value="" tabindex="-1" autocomplete="off"' in page


def test_too_many_complaints_from_one_address_are_held_back(
    client: Client, org: Organisation
) -> None:
    now = timezone.now()
    address = services.address_hash("127.0.0.1")
    for minutes in range(SUBMISSIONS_PER_ADDRESS):
        SubmissionRecord.objects.create(
            address_hash=address, at=now - dt.timedelta(minutes=50 - minutes)
        )
    draft = ready_draft(client, complete_answers(org))

    response = send(client, draft)

    assert response.status_code == 429
    page = response.content.decode()
    assert "You cannot send your complaint just now" in page
    assert "Your answers are saved" in page
    assert "0306 999 0123" in page
    assert not Case.objects.exists()
    # Someone on another connection is not affected.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert send(other, ready_draft(other, complete_answers(org))).status_code == 302
    # Eleven minutes later the oldest has left the hour, and the complaint goes through.
    with time_machine.travel(now + dt.timedelta(minutes=11)):
        assert send(client, draft)["Location"] == reverse("intake:confirmation")
    assert Case.objects.count() == 2


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1"),
    ],
)
def test_the_address_looks_past_the_schemes_own_proxies_only(
    settings: Settings, proxies: int, forwarded: str, expected: str
) -> None:
    settings.INTAKE_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_confirmation_needs_a_sent_complaint(client: Client) -> None:
    assert client.get(reverse("intake:confirmation"))["Location"] == reverse("intake:start")


def test_a_sent_draft_is_not_changed_afterwards(client: Client, org: Organisation) -> None:
    draft = ready_draft(client, complete_answers(org))
    send(client, draft)
    drafts.draft_save_answers(draft=draft, step=Step.IMPACT, answers={"injustice": "Later"})
    draft.refresh_from_db()
    assert draft.answers == {}
    # The next complaint from the same browser starts afresh.
    client.post(reverse("intake:step", args=["who"]), {"complainer": "myself"})
    assert ComplaintDraft.objects.count() == 2
