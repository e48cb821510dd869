"""Signing in by emailed link: no enumeration, single use, expiry, rate limits, sessions."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.audit.models import AuditEvent
from redress.casework.models import Case, Person
from redress.domain.portal import LINK_REQUESTS_PER_ADDRESS, LINK_REQUESTS_PER_EMAIL
from redress.portal.models import LinkRequest, SignInLink
from redress.portal.session import PERSON_KEY

from .conftest import AskForLink, link_in, ref

pytestmark = pytest.mark.django_db

SignedIn = Callable[[Person, Case], Client]


def _ask_and_read(ask_for_link: AskForLink, email: str, reference: str) -> str:
    mail.outbox.clear()
    response = ask_for_link(Client(), email, reference)
    assert response.status_code == 302
    [message] = mail.outbox
    return link_in(message)


@pytest.mark.parametrize("spelling", ["{r}", "{c}", " {R} "], ids=["spaced", "compact", "caps"])
def test_matching_details_email_a_link_to_the_complainant(
    ask_for_link: AskForLink, pat: Person, pats_case: Case, spelling: str
) -> None:
    email = pat.email.upper() if "R" in spelling else pat.email
    reference = spelling.format(r=pats_case.reference, c=ref(pats_case), R=pats_case.reference)
    response = ask_for_link(Client(), email.strip(), reference)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:link-sent")
    [message] = mail.outbox
    assert message.to == [pat.email]
    assert pats_case.reference in message.subject
    assert "works once" in message.body


def test_the_representatives_email_gets_a_link_too(
    ask_for_link: AskForLink, rita: Person, pats_case: Case
) -> None:
    link = _ask_and_read(ask_for_link, "rita.rep@ADVICE.example", pats_case.reference)
    assert SignInLink.objects.get().person == rita
    assert link.startswith("/your-complaint/sign-in/")


@pytest.mark.parametrize(
    ("email", "reference"),
    [
        ("sam@example.org", "pats"),  # a real person, someone else's case
        ("nobody@example.org", "pats"),  # an unknown email, a real case
        ("pat@example.org", "99 999 999"),  # a real email, no such case
        ("pat@example.org", "sams"),  # a real email, another person's case
    ],
)
def test_details_that_do_not_match_get_the_same_page_and_no_email(
    ask_for_link: AskForLink, pats_case: Case, sams_case: Case, email: str, reference: str
) -> None:
    reference = {"pats": pats_case.reference, "sams": sams_case.reference}.get(reference, reference)
    client = Client()
    response = ask_for_link(client, email, reference)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:link-sent")
    assert mail.outbox == []
    assert not SignInLink.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "If the email address and case reference match a complaint" in page


def test_only_a_hash_of_the_token_is_stored(ask_for_link: AskForLink, pats_case: Case) -> None:
    link = _ask_and_read(ask_for_link, "pat@example.org", pats_case.reference)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    stored = SignInLink.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(SignInLink.objects.values()))
    assert not any(token in str(e.detail) + str(e.changes) for e in AuditEvent.objects.all())


def test_following_the_link_asks_before_spending_it(
    ask_for_link: AskForLink, pat: Person, pats_case: Case
) -> None:
    link = _ask_and_read(ask_for_link, pat.email, pats_case.reference)
    client = Client()
    # An email scanner opening the link does not use it up.
    assert client.get(link).status_code == 200
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:cases")
    assert client.session[PERSON_KEY] == pat.pk
    assert AuditEvent.objects.filter(action="sign_in", object_id=str(pat.pk)).exists()


def test_signing_in_cycles_the_session_key(
    ask_for_link: AskForLink, pat: Person, pats_case: Case
) -> None:
    client = Client()
    client.get(reverse("portal:start"))
    link = _ask_and_read(ask_for_link, pat.email, pats_case.reference)
    client.session.save()
    before = client.session.session_key
    client.post(link)
    assert client.session.session_key != before


def test_a_link_works_only_once(ask_for_link: AskForLink, pat: Person, pats_case: Case) -> None:
    link = _ask_and_read(ask_for_link, pat.email, pats_case.reference)
    assert Client().post(link).status_code == 302
    again = Client()
    response = again.post(link)
    assert response.status_code == 410
    assert "This link has already been used" in response.content.decode()
    assert "Ask for a new link" in response.content.decode()
    assert PERSON_KEY not in again.session
    assert again.get(reverse("portal:case", args=[ref(pats_case)])).status_code == 302
    assert AuditEvent.objects.filter(action="sign_in_failed").count() == 1


def test_a_link_expires_after_30_minutes(
    ask_for_link: AskForLink, pat: Person, pats_case: Case
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        link = _ask_and_read(ask_for_link, pat.email, pats_case.reference)
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        assert Client().get(link).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=30), tick=False):
        client = Client()
        assert client.get(link).status_code == 410
        response = client.post(link)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert client.get(reverse("portal:cases")).status_code == 302


@pytest.mark.parametrize("token", ["nonsense", "x" * 500, "%00", "AAAA" * 11])
def test_an_unknown_link_is_explained_not_an_error(pats_case: Case, token: str) -> None:
    client = Client(raise_request_exception=False)
    url = f"/your-complaint/sign-in/{token}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()


def test_a_link_stops_working_if_the_persons_email_changes(
    ask_for_link: AskForLink, pat: Person, pats_case: Case
) -> None:
    link = _ask_and_read(ask_for_link, pat.email, pats_case.reference)
    Person.objects.filter(pk=pat.pk).update(email="pat.new@example.org")
    assert Client().post(link).status_code == 410


def test_a_link_signs_in_only_the_person_it_was_sent_to(
    ask_for_link: AskForLink, pat: Person, sam: Person, pats_case: Case, sams_case: Case
) -> None:
    link = _ask_and_read(ask_for_link, sam.email, sams_case.reference)
    client = Client()
    client.post(link)
    assert client.session[PERSON_KEY] == sam.pk
    assert client.get(reverse("portal:case", args=[ref(pats_case)])).status_code == 404


def test_requests_per_email_are_limited(ask_for_link: AskForLink, pats_case: Case) -> None:
    for n in range(LINK_REQUESTS_PER_EMAIL):
        client = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert ask_for_link(client, "Pat@example.org", pats_case.reference).status_code == 302
    assert len(mail.outbox) == LINK_REQUESTS_PER_EMAIL
    refused = ask_for_link(Client(REMOTE_ADDR="10.0.1.1"), "pat@example.org ", "24000001")
    assert refused.status_code == 429
    assert "You have asked for too many links" in refused.content.decode()
    assert len(mail.outbox) == LINK_REQUESTS_PER_EMAIL
    # An hour later, the person can ask again.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=61)):
        assert ask_for_link(Client(), "pat@example.org", pats_case.reference).status_code == 302


def test_requests_per_address_are_limited(ask_for_link: AskForLink, pats_case: Case) -> None:
    client = Client(REMOTE_ADDR="192.0.2.7")
    for n in range(LINK_REQUESTS_PER_ADDRESS):
        assert ask_for_link(client, f"guess{n}@example.org", "24000001").status_code == 302
    assert ask_for_link(client, "pat@example.org", pats_case.reference).status_code == 429
    assert mail.outbox == []
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.8")
    assert ask_for_link(other, "pat@example.org", pats_case.reference).status_code == 302
    assert len(mail.outbox) == 1


def test_emails_are_not_kept_in_the_request_log(ask_for_link: AskForLink, pats_case: Case) -> None:
    ask_for_link(Client(), "someone.else@example.org", pats_case.reference)
    assert "someone.else" not in str(list(LinkRequest.objects.values()))


def test_signing_out_ends_the_portal_session(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    client = signed_in(pat, pats_case)
    assert client.get(reverse("portal:cases")).status_code == 200
    assert client.get(reverse("portal:sign-out")).status_code == 405
    response = client.post(reverse("portal:sign-out"))
    assert response["Location"] == reverse("portal:start")
    assert client.get(reverse("portal:cases")).status_code == 302


def test_the_session_ends_after_an_hour_without_use(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = signed_in(pat, pats_case)
    with time_machine.travel(start + dt.timedelta(minutes=50), tick=False):
        assert client.get(reverse("portal:cases")).status_code == 200
    # Each page opened extends the session by an hour.
    with time_machine.travel(start + dt.timedelta(minutes=100), tick=False):
        assert client.get(reverse("portal:cases")).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=161), tick=False):
        response = client.get(reverse("portal:cases"))
        assert response["Location"] == reverse("portal:start")
        page = client.get(response["Location"]).content.decode()
        assert "You were signed out because you had not used the service for 60 minutes" in page


def test_a_portal_session_is_not_a_staff_login(
    signed_in: SignedIn, pat: Person, pats_case: Case
) -> None:
    client = signed_in(pat, pats_case)
    assert "_auth_user_id" not in client.session
    response = client.get(reverse("casework:case", args=[ref(pats_case)]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
