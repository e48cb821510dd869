"""Junk sent to any organisation portal page gets a clear answer, never a server error."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.casework.models import Case

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

FULLWIDTH_DIGITS = "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18"
JUNK = [
    "",
    " ",
    "\x00",
    "a" * 5000,
    FULLWIDTH_DIGITS[:6],
    "12345",
    "1234567",
    "<script>",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("junk", JUNK)
def test_junk_at_sign_in(client: Client, enrolled: User, junk: str) -> None:
    for data in (
        {"username": junk, "password": junk},
        {"username": enrolled.username, "password": junk},
    ):
        response = client.post(reverse("organisation-portal:sign-in"), data)
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert "There is a problem" in response.content.decode()


@pytest.mark.parametrize("junk", JUNK)
def test_junk_codes(client: Client, enrolled: User, junk: str) -> None:
    client.post(
        reverse("organisation-portal:sign-in"),
        {"username": enrolled.username, "password": PASSWORD},
    )
    response = client.post(reverse("organisation-portal:code"), {"code": junk})
    if response.status_code == 200:
        assert "There is a problem" in response.content.decode()
    else:
        assert response["Location"] == reverse("organisation-portal:sign-in")


@pytest.mark.parametrize("junk", JUNK)
def test_junk_codes_at_set_up(client: Client, council_user: User, junk: str) -> None:
    client.post(
        reverse("organisation-portal:sign-in"),
        {"username": council_user.username, "password": PASSWORD},
    )
    response = client.post(reverse("organisation-portal:set-up"), {"code": junk})
    assert response.status_code in (200, 302)


def test_a_tampered_session_is_sent_back_to_sign_in(client: Client, enrolled: User) -> None:
    session = client.session
    session["organisation_sign_in_pending"] = {"user": "x", "password_ok": "yes", "at": "soon"}
    session.save()
    assert client.get(reverse("organisation-portal:code"))["Location"] == reverse(
        "organisation-portal:sign-in"
    )
    session = client.session
    session["organisation_sign_in_pending"] = {"user": "x", "password_ok": True, "at": 1e18}
    session.save()
    response = client.post(reverse("organisation-portal:code"), {"code": "123456"})
    assert response["Location"] == reverse("organisation-portal:sign-in")


@pytest.mark.parametrize(
    "reference", ["nonsense", "99999999", "26-000-001-1", "%00", FULLWIDTH_DIGITS, "a" * 300]
)
def test_junk_references_are_not_found(
    signed_in: Client, shared_case: Case, reference: str
) -> None:
    for name in ("organisation-portal:case", "organisation-portal:upload"):
        assert signed_in.get(reverse(name, args=[reference])).status_code == 404


def test_junk_page_numbers(signed_in: Client, shared_case: Case) -> None:
    for page in ["-1", "abc", "99999999999999999999", "\x00"]:
        response = signed_in.get(reverse("organisation-portal:cases"), {"page": page})
        assert response.status_code == 200


def test_a_junk_upload_field(signed_in: Client, shared_case: Case) -> None:
    url = reverse("organisation-portal:upload", args=[shared_case.reference.replace(" ", "")])
    response = signed_in.post(url, {"documents": "not a file", "description": "\x00"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
