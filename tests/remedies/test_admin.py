"""Administrators keep the guidance in the admin; a used version is read-only there."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from redress.accounts.models import User
from redress.audit.models import AuditEvent
from redress.remedies.models import GuidanceVersion

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:remedies_guidanceversion_changelist"
FIGURE_FIELDS = (
    "area",
    "injustice",
    "situation",
    "unit",
    "low",
    "high",
    "exceptional_high",
    "conditions",
    "source",
    "status",
)


def _change_url(version: GuidanceVersion) -> str:
    return reverse("admin:remedies_guidanceversion_change", args=[version.pk])


def _form_data(version: GuidanceVersion, **version_fields: str) -> dict[str, Any]:
    """What the change page posts back when nothing is changed."""
    figures = list(version.figures.order_by("pk"))
    data: dict[str, Any] = {
        "effective_from": "",
        "published_note": version.published_note,
        "figures-TOTAL_FORMS": str(len(figures)),
        "figures-INITIAL_FORMS": str(len(figures)),
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "1000",
        "_save": "Save",
        **version_fields,
    }
    for index, figure in enumerate(figures):
        data[f"figures-{index}-id"] = str(figure.pk)
        data[f"figures-{index}-version"] = str(version.pk)
        for name in FIGURE_FIELDS:
            value = getattr(figure, name)
            data[f"figures-{index}-{name}"] = "" if value is None else str(value)
    return data


def _index_of(version: GuidanceVersion, situation: str) -> int:
    ids = list(version.figures.order_by("pk").values_list("situation", flat=True))
    return ids.index(situation)


def test_signed_out_people_are_sent_to_sign_in(client: Client, version_1: GuidanceVersion) -> None:
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["investigator", "manager"])
def test_other_staff_cannot_open_the_guidance_admin(
    client: Client, version_1: GuidanceVersion, persona: str, request: pytest.FixtureRequest
) -> None:
    user: User = request.getfixturevalue(persona)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client.force_login(user)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(_change_url(version_1)).status_code == 403
    response = client.post(
        _change_url(version_1), _form_data(version_1, effective_from="2025-03-01")
    )
    assert response.status_code == 403


def test_the_administrator_sees_the_versions(
    admin_client: Client, version_1: GuidanceVersion
) -> None:
    response = admin_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert "Copy the newest version into a new draft" in response.content.decode()


def test_the_administrator_copies_the_newest_version(
    admin_client: Client, version_1: GuidanceVersion
) -> None:
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "copy_newest", "_selected_action": [str(version_1.pk)]},
        follow=True,
    )
    assert "Made version 2, a draft copy of version 1" in response.content.decode()
    assert GuidanceVersion.objects.get(number=2).figures.count() == 8


def test_copying_needs_the_newest_version_selected(
    admin_client: Client, version_1: GuidanceVersion, draft: GuidanceVersion
) -> None:
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "copy_newest", "_selected_action": [str(version_1.pk)]},
        follow=True,
    )
    assert "Select only the newest version, 2, to copy it." in response.content.decode()
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "copy_newest", "_selected_action": [str(draft.pk)]},
        follow=True,
    )
    assert "Version 2 is still a draft" in response.content.decode()
    assert GuidanceVersion.objects.count() == 2


def test_the_administrator_edits_a_draft_and_puts_it_into_force(
    admin_client: Client, version_1: GuidanceVersion, draft: GuidanceVersion
) -> None:
    data = _form_data(draft, effective_from="2026-04-01", published_note="Figures for 2026")
    data[f"figures-{_index_of(draft, 'Distress')}-high"] = "350"

    response = admin_client.post(_change_url(draft), data)

    assert response.status_code == 302
    draft.refresh_from_db()
    version_1.refresh_from_db()
    assert str(draft.effective_from) == "2026-04-01"
    assert str(version_1.effective_to) == "2026-03-31"
    assert draft.figures.get(situation="Distress").high == 350
    assert version_1.figures.get(situation="Distress").high == 300
    assert AuditEvent.objects.filter(
        object_type="remedies.guidancefigure", changes__high=[300, 350]
    ).exists()


def test_the_administrator_removes_a_figure_from_a_draft(
    admin_client: Client, draft: GuidanceVersion
) -> None:
    data = _form_data(draft)
    data[f"figures-{_index_of(draft, 'Time and trouble')}-DELETE"] = "on"
    assert admin_client.post(_change_url(draft), data).status_code == 302
    assert not draft.figures.filter(situation="Time and trouble").exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("low", "900", "The highest amount must be at least the lowest amount"),
        ("low", "lots", "Enter a whole number."),
        ("area", "moon", "Select a valid choice."),
        ("exceptional_high", "200", "The exceptional ceiling must be at least the highest"),
    ],
)
def test_junk_in_a_figure_is_shown_and_nothing_is_saved(
    admin_client: Client, draft: GuidanceVersion, field: str, value: str, message: str
) -> None:
    data = _form_data(draft, published_note="Should not be saved")
    data[f"figures-{_index_of(draft, 'Distress')}-{field}"] = value

    response = admin_client.post(_change_url(draft), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.published_note == ""
    assert draft.figures.get(situation="Distress").low == 100


def test_a_start_date_before_the_previous_version_is_shown_as_an_error(
    admin_client: Client, draft: GuidanceVersion
) -> None:
    response = admin_client.post(_change_url(draft), _form_data(draft, effective_from="2025-01-01"))
    assert response.status_code == 200
    assert "The start date must be after 1 March 2025" in response.content.decode()
    draft.refresh_from_db()
    assert draft.effective_from is None


def test_a_used_version_is_read_only(admin_client: Client, used_version_1: GuidanceVersion) -> None:
    response = admin_client.get(_change_url(used_version_1))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="effective_from"' not in page
    assert 'name="figures-0-high"' not in page

    data = _form_data(used_version_1, effective_from="2025-03-01", published_note="Changed")
    response = admin_client.post(_change_url(used_version_1), data)
    assert response.status_code == 403
    used_version_1.refresh_from_db()
    assert used_version_1.published_note != "Changed"


def test_an_unused_version_in_force_is_editable(
    admin_client: Client, version_1: GuidanceVersion
) -> None:
    page = admin_client.get(_change_url(version_1)).content.decode()
    assert 'name="effective_from"' in page
    assert 'name="figures-0-high"' in page


def test_versions_are_never_added_or_deleted_in_the_admin(
    admin_client: Client, version_1: GuidanceVersion
) -> None:
    assert admin_client.get(reverse("admin:remedies_guidanceversion_add")).status_code == 403
    delete = reverse("admin:remedies_guidanceversion_delete", args=[version_1.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert GuidanceVersion.objects.filter(pk=version_1.pk).exists()
