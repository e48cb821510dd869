"""The demo's council account can sign in to the organisation portal with the published
authenticator key that demo_setup prints."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from redress.accounts.models import Authenticator, User
from redress.demo.management.commands.demo_setup import (
    COUNCIL_USERNAME,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
)

from .conftest import code

pytestmark = pytest.mark.django_db


def test_the_demo_council_account_signs_in_with_the_printed_key(client: Client) -> None:
    out = StringIO()
    call_command("demo_setup", cases=0, stdout=out, stderr=StringIO())
    call_command("demo_setup", cases=0, stdout=StringIO(), stderr=StringIO())
    assert DEMO_TOTP_SECRET in out.getvalue()
    council = User.objects.get(username=COUNCIL_USERNAME)
    assert Authenticator.objects.get(user=council).is_enrolled

    client.post("/organisation/sign-in/", {"username": COUNCIL_USERNAME, "password": DEMO_PASSWORD})
    response = client.post("/organisation/sign-in/code/", {"code": code(DEMO_TOTP_SECRET)})
    assert response["Location"] == "/organisation/"
    assert client.get("/organisation/").status_code == 200
