"""Portal personas: a complainant, a representative, and a stranger with a case of their own.

    pat        Pat Public, who complained about Wessex County Council (`pats_case`)
    rita       Rita Rep, an advocate who represents Pat on `pats_case`, and Ray on `rays_case`
    sam        Sam Stranger, who complained separately (`sams_case`)

`ask_for_link(client, email, reference)` asks for a sign-in link as the page does and runs
what waits for the commit (the task that emails the link); `link_in(message)` reads the
link from an email; `signed_in(person, case)` gives a client signed in to the portal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from redress.accounts.models import Team
from redress.casework.models import Case, Person
from redress.organisations.models import Organisation
from redress.testing.factories import PersonFactory, make_case

LINK = re.compile(r"https?://[^/\s]+(/your-complaint/sign-in/[^/\s]+/)")


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Path) -> Iterator[Path]:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


def _person(first: str, last: str, email: str) -> Person:
    person: Person = PersonFactory(title="", first_name=first, last_name=last, email=email)
    return person


@pytest.fixture
def pat(db: None) -> Person:
    return _person("Pat", "Public", "pat@example.org")


@pytest.fixture
def rita(db: None) -> Person:
    return _person("Rita", "Rep", "Rita.Rep@advice.example")


@pytest.fixture
def sam(db: None) -> Person:
    return _person("Sam", "Stranger", "sam@example.org")


@pytest.fixture
def pats_case(pat: Person, rita: Person, council: Organisation, team: Team) -> Case:
    return make_case(organisation=council, team=team, complainant=pat, representative=rita)


@pytest.fixture
def rays_case(rita: Person, other_council: Organisation, team: Team) -> Case:
    ray = _person("Ray", "Represented", "ray@example.org")
    return make_case(organisation=other_council, team=team, complainant=ray, representative=rita)


@pytest.fixture
def sams_case(sam: Person, other_council: Organisation, team: Team) -> Case:
    return make_case(
        organisation=other_council,
        team=team,
        complainant=sam,
        summary="Sam's private complaint about a parking fine.",
    )


def ref(case: Case) -> str:
    return case.reference.replace(" ", "")


def link_in(message: EmailMessage) -> str:
    match = LINK.search(str(message.body))
    assert match is not None, message.body
    return match.group(1)


AskForLink = Callable[..., HttpResponse]


@pytest.fixture
def ask_for_link(django_capture_on_commit_callbacks: Any) -> AskForLink:
    def ask(client: Client, email: str, reference: str, **extra: Any) -> HttpResponse:
        with django_capture_on_commit_callbacks(execute=True):
            response: HttpResponse = client.post(
                reverse("portal:start"), {"email": email, "reference": reference}, **extra
            )
        return response

    return ask


@pytest.fixture
def signed_in(ask_for_link: AskForLink) -> Callable[[Person, Case], Client]:
    def sign_in(person: Person, case: Case) -> Client:
        client = Client(raise_request_exception=False)
        mail.outbox.clear()
        ask_for_link(client, person.email, case.reference)
        [message] = mail.outbox
        response = client.post(link_in(message))
        assert response.status_code == 302, response.content[:300]
        return client

    return sign_in
