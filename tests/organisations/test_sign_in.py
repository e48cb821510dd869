"""Signing in to the organisation portal: set-up, codes, replay, lockout, audit."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from redress.accounts import authenticators, totp
from redress.accounts.models import Authenticator, User
from redress.audit.models import AuditAction, AuditEvent
from redress.organisations.portal_access import VERIFIED_KEY
from redress.organisations.sign_in_views import REFUSED

from .conftest import PASSWORD, SECRET, code, sign_in

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("organisation-portal:sign-in")
CODE = reverse("organisation-portal:code")
SET_UP = reverse("organisation-portal:set-up")
CASES = reverse("organisation-portal:cases")


def _password(client: Client, username: str, password: str = PASSWORD) -> str:
    response = client.post(SIGN_IN, {"username": username, "password": password})
    assert response.status_code == 302
    return str(response["Location"])


def _refused_page(client: Client) -> str:
    response = client.get(SIGN_IN)
    assert response.status_code == 200
    return response.content.decode()


def test_first_sign_in_sets_up_the_app(client: Client, council_user: User) -> None:
    assert _password(client, council_user.username) == SET_UP
    page = client.get(SET_UP).content.decode()
    secret = Authenticator.objects.get(user=council_user).secret
    assert "<svg" in page
    assert totp.group_secret(secret) in page
    # The same secret is shown again until the person confirms it.
    assert totp.group_secret(secret) in client.get(SET_UP).content.decode()
    assert not Authenticator.objects.get(user=council_user).is_enrolled

    response = client.post(SET_UP, {"code": code(secret)})

    assert response["Location"] == CASES
    authenticator = Authenticator.objects.get(user=council_user)
    assert authenticator.is_enrolled
    assert authenticator.secret == secret
    assert client.session[VERIFIED_KEY] == council_user.pk
    assert client.get(CASES).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.SIGN_IN, object_id=str(council_user.pk)
    ).exists()


def test_a_wrong_code_at_set_up_does_not_complete_it(client: Client, council_user: User) -> None:
    _password(client, council_user.username)
    client.get(SET_UP)
    secret = Authenticator.objects.get(user=council_user).secret
    wrong = f"{(int(code(secret)) + 5) % 1_000_000:06d}"

    response = client.post(SET_UP, {"code": wrong})

    assert response["Location"] == SIGN_IN
    assert not Authenticator.objects.get(user=council_user).is_enrolled
    assert REFUSED in _refused_page(client)
    assert client.get(CASES)["Location"] == SIGN_IN


def test_an_enrolled_user_gives_a_code(client: Client, enrolled: User) -> None:
    assert _password(client, enrolled.username) == CODE
    assert client.get(SET_UP)["Location"] == CODE  # no second set-up, no secret shown
    response = client.post(CODE, {"code": code(SECRET, steps=-1)})  # a slow typist
    assert response["Location"] == CASES


def test_a_wrong_password_and_a_wrong_code_get_the_same_answer(
    client: Client, enrolled: User
) -> None:
    # A wrong password is not revealed until a code is given too.
    assert _password(client, enrolled.username, "wrong password") == CODE
    client.post(CODE, {"code": code(SECRET)})
    after_wrong_password = _refused_page(client)

    _password(client, enrolled.username)
    client.post(CODE, {"code": code(SECRET, steps=5)})
    after_wrong_code = _refused_page(client)

    assert REFUSED in after_wrong_password
    assert REFUSED in after_wrong_code
    assert client.get(CASES)["Location"] == SIGN_IN
    details = list(
        AuditEvent.objects.filter(action=AuditAction.SIGN_IN_FAILED)
        .order_by("id")
        .values_list("detail", flat=True)
    )
    assert details == ["Organisation portal: wrong password", "Organisation portal: wrong code"]


def test_an_unknown_username_is_refused_like_any_other(client: Client, db: None) -> None:
    assert _password(client, "nobody.at.all") == CODE
    client.post(CODE, {"code": "123456"})
    assert REFUSED in _refused_page(client)


def test_a_code_is_never_accepted_twice(enrolled: User) -> None:
    client, other = Client(), Client()
    used = code(SECRET)
    _password(client, enrolled.username)
    assert client.post(CODE, {"code": used})["Location"] == CASES

    _password(other, enrolled.username)
    assert other.post(CODE, {"code": used})["Location"] == SIGN_IN
    assert REFUSED in _refused_page(other)
    assert AuditEvent.objects.filter(detail="Organisation portal: code used before").exists()


def test_several_failures_lock_the_account_for_a_while(client: Client, enrolled: User) -> None:
    for _ in range(authenticators.MAX_FAILED_ATTEMPTS):
        _password(client, enrolled.username)
        client.post(CODE, {"code": code(SECRET, steps=9)})
    page = _refused_page(client)
    assert "too many wrong tries" in page

    # Even the right password and code are refused while the lock lasts...
    _password(client, enrolled.username)
    client.post(CODE, {"code": code(SECRET)})
    assert "too many wrong tries" in _refused_page(client)
    assert client.get(CASES)["Location"] == SIGN_IN
    assert AuditEvent.objects.filter(detail__contains="locked for 15 minutes").count() == 1

    # ...and work once it is over.
    later = timezone.now() + authenticators.LOCK_DURATION + dt.timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        _password(client, enrolled.username)
        assert client.post(CODE, {"code": code(SECRET)})["Location"] == CASES


def test_a_locked_account_shows_no_secret_at_set_up(client: Client, council_user: User) -> None:
    Authenticator.objects.create(
        user=council_user, secret=SECRET, locked_until=timezone.now() + dt.timedelta(minutes=5)
    )
    _password(client, council_user.username)
    response = client.get(SET_UP)
    assert response["Location"] == SIGN_IN
    assert "too many wrong tries" in _refused_page(client)


def test_a_successful_sign_in_clears_earlier_failures(client: Client, enrolled: User) -> None:
    for _ in range(authenticators.MAX_FAILED_ATTEMPTS - 1):
        _password(client, enrolled.username, "nope")
        client.post(CODE, {"code": code(SECRET)})
    sign_in(client, enrolled, SECRET)
    assert Authenticator.objects.get(user=enrolled).failed_attempts == 0


def test_the_code_step_expires(client: Client, enrolled: User) -> None:
    _password(client, enrolled.username)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=11), tick=False):
        assert client.post(CODE, {"code": code(SECRET)})["Location"] == SIGN_IN
        assert "took too long" in _refused_page(client)


def test_staff_cannot_sign_in_here(client: Client, investigator: User) -> None:
    Authenticator.objects.create(user=investigator, secret=SECRET, confirmed_at=timezone.now())
    assert _password(client, investigator.username) == CODE
    client.post(CODE, {"code": code(SECRET)})
    assert REFUSED in _refused_page(client)
    assert AuditEvent.objects.filter(
        detail="Organisation portal: not an organisation user"
    ).exists()


def test_an_inactive_link_officer_cannot_sign_in(client: Client, enrolled: User) -> None:
    enrolled.is_active = False
    enrolled.save(update_fields=["is_active"])
    _password(client, enrolled.username)
    client.post(CODE, {"code": code(SECRET)})
    assert REFUSED in _refused_page(client)


def test_code_page_without_a_password_goes_back_to_the_start(client: Client, db: None) -> None:
    assert client.get(CODE)["Location"] == SIGN_IN
    assert client.get(SET_UP)["Location"] == SIGN_IN


def test_sign_out(signed_in: Client) -> None:
    assert signed_in.get(reverse("organisation-portal:sign-out")).status_code == 405
    response = signed_in.post(reverse("organisation-portal:sign-out"))
    assert response["Location"] == SIGN_IN
    assert signed_in.get(CASES)["Location"] == SIGN_IN


def test_a_signed_in_link_officer_skips_the_sign_in_page(signed_in: Client) -> None:
    assert signed_in.get(SIGN_IN)["Location"] == CASES


def test_a_password_alone_never_opens_the_portal(client: Client, enrolled: User) -> None:
    """Signing in on the staff page gives a session, but the portal still wants the code."""
    client.post(reverse("accounts:sign-in"), {"username": enrolled.username, "password": PASSWORD})
    assert client.get(CASES)["Location"] == SIGN_IN


def test_reset_makes_the_user_set_up_again(
    client: Client, enrolled: User, administrator: User, investigator: User
) -> None:
    with pytest.raises(PermissionError):
        authenticators.authenticator_reset(user=enrolled, actor=investigator)
    authenticators.authenticator_reset(user=enrolled, actor=administrator)
    authenticator = Authenticator.objects.get(user=enrolled)
    assert not authenticator.is_enrolled
    assert authenticator.secret != SECRET
    assert _password(client, enrolled.username) == SET_UP
    assert AuditEvent.objects.filter(detail="Authenticator reset", actor=administrator).exists()
