"""Nothing typed is lost: saving to come back by an emailed link, and the session warning."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from redress.domain.complaints import Step
from redress.intake.journey import drafts
from redress.intake.models import ComplaintDraft, DraftFile, DraftFilePurpose, ResumeLink
from redress.testing.factories import OrganisationFactory, make_case

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def files_dir(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(step: str) -> str:
    return reverse("intake:step", args=[step])


def saved_link(client: Client, capture: Callable[..., Any], email: str = "pat@example.org") -> str:
    """Save the client's draft for later; the link from the email."""
    with capture(execute=True):
        response = client.post(reverse("intake:save"), {"email": email})
    assert response["Location"] == reverse("intake:saved")
    match = re.search(r"http://testserver(/complain/continue/[\w-]+/)", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_saving_emails_a_link_that_brings_the_answers_back(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    client.post(url("your-name"), {"first_name": "Pat", "last_name": "Lee"})
    response = client.post(
        url("contact"),
        {"contact_method": "email", "email": "pat@example.org", "action": "save"},
    )
    assert response["Location"] == reverse("intake:save")
    form = client.get(reverse("intake:save")).content.decode()
    assert 'value="pat@example.org"' in form  # the address they gave, filled in

    link = saved_link(client, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["pat@example.org"]
    assert "continue where you left off" in message.subject
    expires = timezone.localdate() + dt.timedelta(days=28)
    assert f"The link works until {expires.day} {expires:%B %Y}" in message.body
    assert "20 working days" in message.body
    assert '"Send complaint"' in message.body  # plain text, not escaped for HTML
    page = client.get(reverse("intake:saved")).content.decode()
    assert "pat@example.org" in page
    # Only a hash of the token is kept.
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert ResumeLink.objects.get().token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not ResumeLink.objects.filter(token_hash=token).exists()

    # On another device, the link restores the draft at the next question.
    elsewhere = Client()
    resumed = elsewhere.get(link)
    assert resumed["Location"] == url("adjustments")
    assert "Pat" in elsewhere.get(url("your-name")).content.decode()
    # And it works again until it expires or the complaint is sent.
    assert Client().get(link)["Location"] == url("adjustments")


def test_what_was_half_typed_is_kept_when_saving(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    response = client.post(url("what-happened"), {"summary": "It began in May", "action": "save"})
    assert response["Location"] == reverse("intake:save")
    link = saved_link(client, django_capture_on_commit_callbacks)
    elsewhere = Client()
    elsewhere.get(link)
    page = elsewhere.get(url("what-happened")).content.decode()
    assert "It began in May" in page
    assert "There is a problem" not in page


def test_an_expired_link_says_so(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    link = saved_link(client, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + dt.timedelta(days=29)):
        response = Client().get(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_link_to_a_sent_complaint_says_so(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    link = saved_link(client, django_capture_on_commit_callbacks)
    draft = ComplaintDraft.objects.get()
    ComplaintDraft.objects.filter(pk=draft.pk).update(
        case=make_case(organisation=OrganisationFactory()), submitted_at=timezone.now()
    )
    response = Client().get(link)
    assert response.status_code == 410
    assert "You have already sent this complaint" in response.content.decode()


@pytest.mark.parametrize("token", ["not-a-real-token", "x" * 500])
def test_an_unknown_link_says_so(client: Client, token: str) -> None:
    response = client.get(reverse("intake:resume", args=[token]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_resuming_gives_a_new_session(
    client: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    client.post(url("who"), {"complainer": "myself"})
    link = saved_link(client, django_capture_on_commit_callbacks)
    other = Client()
    other.post(url("who"), {"complainer": "on_behalf"})  # a session someone could know
    before = other.cookies["sessionid"].value
    other.get(link)
    assert other.cookies["sessionid"].value != before
    assert other.get(url("your-name")).status_code == 200


def test_saving_needs_a_valid_email_and_a_draft(client: Client) -> None:
    assert client.get(reverse("intake:save"))["Location"] == reverse("intake:start")
    client.post(url("who"), {"complainer": "myself"})
    response = client.post(reverse("intake:save"), {"email": "nope"})
    assert "Enter an email address in the correct format" in response.content.decode()
    assert client.get(reverse("intake:saved"))["Location"] == reverse("intake:start")


def test_the_session_warning_and_keeping_the_session(client: Client, settings: Settings) -> None:
    settings.SESSION_COOKIE_AGE = 3600
    client.post(url("who"), {"complainer": "myself"})
    warning = client.get(reverse("intake:session-warning"), headers={"HX-Request": "true"})
    page = warning.content.decode()
    assert 'role="alert"' in page
    assert "Your session will end in 5 minutes if you do nothing." in page
    assert f'hx-post="{reverse("intake:keep-alive")}"' in page
    assert "sessionid" not in warning.cookies  # asking for the warning does not renew it

    kept = client.post(reverse("intake:keep-alive"), headers={"HX-Request": "true"})
    assert "You have another 1 hour before your session ends." in kept.content.decode()
    assert 'hx-trigger="load delay:3300s"' in kept.content.decode()
    assert kept.cookies["sessionid"]["max-age"] == 3600


def test_expired_drafts_and_their_files_are_deleted(files_dir: Path) -> None:
    old = drafts.draft_create()
    drafts.draft_file_add(draft=old, purpose=DraftFilePurpose.EVIDENCE, name="a.pdf", content=PDF)
    current = drafts.draft_create()
    with time_machine.travel(timezone.now() + dt.timedelta(days=29)):
        drafts.draft_save_answers(draft=current, step=Step.WHO, answers={"complainer": "myself"})
        assert drafts.drafts_purge_expired() == 1
    assert list(ComplaintDraft.objects.all()) == [current]
    assert not DraftFile.objects.exists()
