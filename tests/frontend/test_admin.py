"""The Django admin keeps Django's templates and works beside the Jinja2 pages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page",
    [
        reverse("admin:index"),
        reverse("admin:accounts_user_changelist"),
        reverse("admin:organisations_organisation_changelist"),
        reverse("admin:casework_officeclosure_changelist"),
        reverse("admin:casework_officeclosure_add"),
    ],
)
def test_admin_pages_render_for_an_administrator(administrator: User, page: str) -> None:
    administrator.is_staff = administrator.is_superuser = True
    administrator.save(update_fields=["is_staff", "is_superuser"])
    client = Client()
    client.force_login(administrator)
    response = client.get(page)
    assert response.status_code == 200
    assert b"Django" in response.content or b"administration" in response.content
