"""Administrators manage link officers in the admin: their organisation, and a reset of
their authenticator app when a phone is lost."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest
from django.test import RequestFactory

from redress.accounts.admin import AuthenticatorInline, StaffAdmin
from redress.accounts.models import Authenticator, User
from redress.organisations.admin import LinkOfficerInline, OrganisationAdmin
from redress.organisations.models import Organisation

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def test_the_admin_shows_each_users_organisation_and_app_but_never_the_secret() -> None:
    user_admin = admin.site._registry[User]
    assert isinstance(user_admin, StaffAdmin)
    assert "organisation" in user_admin.list_display
    assert "organisation" in user_admin.list_filter
    assert "organisation" in [f for _, o in user_admin.add_fieldsets for f in o["fields"]]
    assert AuthenticatorInline in user_admin.inlines
    assert "secret" not in AuthenticatorInline.fields
    organisation_admin = admin.site._registry[Organisation]
    assert isinstance(organisation_admin, OrganisationAdmin)
    assert LinkOfficerInline in organisation_admin.inlines


def _request(user: User) -> HttpRequest:
    request = RequestFactory().post("/admin/accounts/user/")
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


def _user_admin() -> StaffAdmin:
    user_admin = admin.site._registry[User]
    assert isinstance(user_admin, StaffAdmin)
    return user_admin


def test_an_administrator_resets_an_authenticator(administrator: User, enrolled: User) -> None:
    _user_admin().reset_authenticator(_request(administrator), User.objects.filter(pk=enrolled.pk))

    authenticator = Authenticator.objects.get(user=enrolled)
    assert not authenticator.is_enrolled
    assert authenticator.secret != SECRET


def test_only_managers_and_administrators_reset(investigator: User, enrolled: User) -> None:
    _user_admin().reset_authenticator(_request(investigator), User.objects.filter(pk=enrolled.pk))
    assert Authenticator.objects.get(user=enrolled).is_enrolled
