"""Remedy guidance fixtures.

version_1      the version seeded by the migration (in force from 1 March 2025)
used_version_1 version 1 after a decision has used it: read-only from then on
draft          version 2, a draft copy of version 1 made by an administrator
admin_client   a test client signed in as the administrator, with admin access
"""

from __future__ import annotations

import pytest
from django.test import Client

from redress.accounts.models import User
from redress.remedies.models import GuidanceVersion
from redress.remedies.services import guidance_version_copy, guidance_version_mark_used


@pytest.fixture
def version_1(db: None) -> GuidanceVersion:
    return GuidanceVersion.objects.get(number=1)


@pytest.fixture
def used_version_1(version_1: GuidanceVersion, investigator: User) -> GuidanceVersion:
    guidance_version_mark_used(version=version_1, actor=investigator)
    version_1.refresh_from_db()
    return version_1


@pytest.fixture
def draft(version_1: GuidanceVersion, administrator: User) -> GuidanceVersion:
    return guidance_version_copy(actor=administrator)


@pytest.fixture
def admin_client(administrator: User) -> Client:
    administrator.is_staff = True
    administrator.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(administrator)
    return client
