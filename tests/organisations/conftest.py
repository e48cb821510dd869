"""Organisation portal personas and cases.

    council_user         a link officer of Wessex County Council (tests/conftest.py)
    enrolled             council_user with their authenticator app set up (`SECRET`)
    mercia_officer       a link officer of Mercia District Council, app set up (`OTHER_SECRET`)
    shared_case          Wessex's case with a letter sent to Wessex
    mercia_case          Mercia's case with a letter sent to Mercia
    unshared_case        Wessex's case still being checked: nothing shared with Wessex yet

`code(secret)` is the code an app would show now; `sign_in(client, user, secret)` signs a
client in through the pages, as a person would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from redress.accounts import totp
from redress.accounts.models import Authenticator, User
from redress.casework.models import Case
from redress.domain.roles import Role
from redress.notifications.models import Letter
from redress.organisations.models import Organisation
from redress.testing.factories import UserFactory, make_case

PASSWORD = "correct horse battery staple"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
OTHER_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def code(secret: str, *, steps: int = 0) -> str:
    return totp.code_for_step(secret, totp.time_step(timezone.now()) + steps)


def enrol(user: User, secret: str) -> Authenticator:
    authenticator: Authenticator = Authenticator.objects.create(
        user=user, secret=secret, confirmed_at=timezone.now()
    )
    return authenticator


def sign_in(client: Client, user: User, secret: str) -> None:
    """The two steps of the sign-in, through the pages."""
    response = client.post(
        reverse("organisation-portal:sign-in"),
        {"username": user.username, "password": PASSWORD},
    )
    assert response.status_code == 302, response
    response = client.post(reverse("organisation-portal:code"), {"code": code(secret)})
    assert response["Location"] == reverse("organisation-portal:cases"), response


def letter_to(case: Case, organisation: Organisation, subject: str = "Our enquiries") -> Letter:
    letter: Letter = Letter.objects.create(
        case=case,
        recipient_name=f"Complaints team, {organisation.name}",
        party="Organisation",
        email=organisation.complaints_email,
        channel="email",
        subject=subject,
        body=f"<p>Dear {organisation.name},</p><p>Please answer our questions.</p>",
        created_at=timezone.now(),
    )
    return letter


@pytest.fixture(autouse=True)
def files_dir(tmp_path: Path) -> Iterator[Path]:
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.fixture
def enrolled(council_user: User) -> User:
    enrol(council_user, SECRET)
    return council_user


@pytest.fixture
def mercia_officer(other_council: Organisation) -> User:
    user = cast(
        User,
        UserFactory(
            username="mercia.officer", role=Role.ORGANISATION_USER, organisation=other_council
        ),
    )
    enrol(user, OTHER_SECRET)
    return user


@pytest.fixture
def shared_case(council: Organisation) -> Case:
    case = make_case(organisation=council, summary="The council lost my housing application.")
    letter_to(case, council)
    return case


@pytest.fixture
def mercia_case(other_council: Organisation) -> Case:
    case = make_case(organisation=other_council, summary="Mercia did not repair my roof.")
    letter_to(case, other_council, subject="Mercia enquiries")
    return case


@pytest.fixture
def unshared_case(council: Organisation) -> Case:
    return make_case(organisation=council, summary="Still being checked by us.")


@pytest.fixture
def signed_in(client: Client, enrolled: User) -> Client:
    sign_in(client, enrolled, SECRET)
    return client
