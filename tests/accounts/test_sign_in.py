"""Signing in and out, and the audit of both good and bad attempts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.accounts.services import account_ensure
from redress.audit.models import AuditEvent
from redress.domain.roles import Role

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_signing_in_takes_staff_to_the_workqueue_and_is_audited(investigator: User) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:sign-in"), {"username": investigator.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:workqueue")
    assert AuditEvent.objects.filter(actor=investigator, action="sign_in").count() == 1


def test_a_wrong_password_is_explained_and_audited(investigator: User) -> None:
    response = Client().post(
        reverse("accounts:sign-in"), {"username": investigator.username, "password": "nope"}
    )
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    event = AuditEvent.objects.get(action="sign_in_failed")
    assert event.object_id == str(investigator.pk)
    assert event.actor is None


def test_an_unknown_username_is_refused_the_same_way(db: None) -> None:
    response = Client().post(reverse("accounts:sign-in"), {"username": "nobody", "password": "x"})
    assert "Enter a correct username and password" in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_signing_out_needs_a_post(investigator: User) -> None:
    client = Client()
    client.force_login(investigator)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    response = client.post(reverse("accounts:sign-out"))
    assert response.status_code == 302
    assert client.get(reverse("casework:workqueue")).status_code == 302


def test_only_safe_next_urls_are_followed(investigator: User) -> None:
    response = Client().post(
        reverse("accounts:sign-in") + "?next=https://evil.example/",
        {"username": investigator.username, "password": PASSWORD,
         "next": "https://evil.example/"},
    )  # fmt: skip
    assert response["Location"] == reverse("casework:workqueue")


def test_staff_accounts_are_ensured_once(db: None) -> None:
    first, created = account_ensure(
        username="demo.intake", password=PASSWORD, role=Role.INTAKE_OFFICER,
        first_name="Ivy", last_name="Intake", team=None,
    )  # fmt: skip
    again, created_again = account_ensure(
        username="demo.intake", password="other", role=Role.INTAKE_OFFICER,
        first_name="Ivy", last_name="Intake", team=None,
    )  # fmt: skip
    assert created
    assert not created_again
    assert first.pk == again.pk
    assert again.check_password(PASSWORD)


def test_the_intake_link_shows_only_for_people_who_work_intake(
    intake_officer: User, investigator: User
) -> None:
    client = Client()
    client.force_login(intake_officer)
    assert 'href="/intake/"' in client.get(reverse("casework:workqueue")).content.decode()
    client.force_login(investigator)
    assert 'href="/intake/"' not in client.get(reverse("casework:workqueue")).content.decode()
