"""Changing the guidance: copies, start dates, figures, and the lock once a decision used it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from redress.accounts.models import User
from redress.audit.models import AuditAction, AuditEvent
from redress.remedies.models import GuidanceFigure, GuidanceVersion
from redress.remedies.selectors import guidance_in_force
from redress.remedies.services import (
    GuidanceError,
    GuidanceFigureError,
    guidance_figure_delete,
    guidance_figure_save,
    guidance_version_copy,
    guidance_version_mark_used,
    guidance_version_update,
)

pytestmark = pytest.mark.django_db

COMPARED = ("area", "injustice", "situation", "unit", "low", "high", "exceptional_high")


def _figures(version: GuidanceVersion) -> list[tuple]:
    return sorted(version.figures.values_list(*COMPARED))


def _audits(instance: object) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type=instance._meta.label_lower,  # type: ignore[attr-defined]
            object_id=str(instance.pk),  # type: ignore[attr-defined]
        ).order_by("id")
    )


def test_a_copy_is_a_draft_with_the_same_figures(
    version_1: GuidanceVersion, administrator: User
) -> None:
    copy = guidance_version_copy(actor=administrator)

    assert copy.number == 2
    assert copy.is_draft
    assert not copy.is_used
    assert copy.created_by == administrator
    assert _figures(copy) == _figures(version_1)
    (audit,) = _audits(copy)
    assert audit.action == AuditAction.CREATE
    assert audit.actor == administrator
    assert audit.detail == "Copied 8 figures from version 1"


def test_a_used_version_can_still_be_copied(
    used_version_1: GuidanceVersion, administrator: User
) -> None:
    assert guidance_version_copy(actor=administrator).figures.count() == 8


def test_only_one_draft_at_a_time(draft: GuidanceVersion, administrator: User) -> None:
    with pytest.raises(GuidanceError, match="Version 2 is still a draft"):
        guidance_version_copy(actor=administrator)
    assert GuidanceVersion.objects.count() == 2


@pytest.mark.parametrize("persona", ["investigator", "manager", "compliance_officer"])
def test_only_administrators_change_the_guidance(
    version_1: GuidanceVersion, persona: str, request: pytest.FixtureRequest
) -> None:
    actor = request.getfixturevalue(persona)
    figure = version_1.figures.first()
    assert figure is not None
    with pytest.raises(PermissionDenied):
        guidance_version_copy(actor=actor)
    with pytest.raises(PermissionDenied):
        guidance_version_update(
            version=version_1, effective_from=None, published_note="", actor=actor
        )
    with pytest.raises(PermissionDenied):
        guidance_figure_save(figure=figure, actor=actor)
    with pytest.raises(PermissionDenied):
        guidance_figure_delete(figure=figure, actor=actor)
    assert GuidanceVersion.objects.count() == 1


def test_an_inactive_administrator_cannot_change_it(
    version_1: GuidanceVersion, administrator: User
) -> None:
    administrator.is_active = False
    with pytest.raises(PermissionDenied):
        guidance_version_copy(actor=administrator)


def test_a_start_date_puts_the_draft_into_force_and_ends_the_previous_version(
    version_1: GuidanceVersion, draft: GuidanceVersion, administrator: User
) -> None:
    guidance_version_update(
        version=draft,
        effective_from=dt.date(2026, 4, 1),
        published_note=" Revised figures for 2026. ",
        actor=administrator,
    )

    draft.refresh_from_db()
    version_1.refresh_from_db()
    assert draft.effective_from == dt.date(2026, 4, 1)
    assert draft.published_note == "Revised figures for 2026."
    assert version_1.effective_to == dt.date(2026, 3, 31)
    assert guidance_in_force(dt.date(2026, 3, 31)) == version_1
    assert guidance_in_force(dt.date(2026, 4, 1)) == draft
    assert _audits(draft)[-1].changes["effective_from"] == [None, "2026-04-01"]
    assert _audits(version_1)[-1].changes == {"effective_to": [None, "2026-03-31"]}


def test_a_used_version_is_still_ended_by_the_next_one(
    used_version_1: GuidanceVersion, draft: GuidanceVersion, administrator: User
) -> None:
    guidance_version_update(
        version=draft, effective_from=dt.date(2026, 4, 1), published_note="", actor=administrator
    )
    used_version_1.refresh_from_db()
    assert used_version_1.effective_to == dt.date(2026, 3, 31)


def test_back_to_draft_reopens_the_previous_version(
    version_1: GuidanceVersion, draft: GuidanceVersion, administrator: User
) -> None:
    for start in (dt.date(2026, 4, 1), None):
        guidance_version_update(
            version=draft, effective_from=start, published_note="", actor=administrator
        )
    version_1.refresh_from_db()
    assert version_1.effective_to is None
    assert guidance_in_force(dt.date(2027, 1, 1)) == version_1


@pytest.mark.parametrize("start", [dt.date(2025, 3, 1), dt.date(2024, 1, 1)])
def test_a_version_must_start_after_the_one_before(
    version_1: GuidanceVersion, draft: GuidanceVersion, administrator: User, start: dt.date
) -> None:
    with pytest.raises(GuidanceError, match="must be after 1 March 2025, when version 1"):
        guidance_version_update(
            version=draft, effective_from=start, published_note="", actor=administrator
        )
    draft.refresh_from_db()
    assert draft.effective_from is None


def test_only_the_newest_version_changes_its_start_date(
    version_1: GuidanceVersion, draft: GuidanceVersion, administrator: User
) -> None:
    with pytest.raises(GuidanceError, match="followed by version 2"):
        guidance_version_update(
            version=version_1,
            effective_from=dt.date(2025, 4, 1),
            published_note="",
            actor=administrator,
        )
    # Its note may still change while no decision has used it.
    guidance_version_update(
        version=version_1,
        effective_from=version_1.effective_from,
        published_note="Corrected note",
        actor=administrator,
    )


def test_a_used_version_never_changes(used_version_1: GuidanceVersion, administrator: User) -> None:
    figure = used_version_1.figures.get(situation="Distress")
    figure.high = 400
    for attempt in (
        lambda: guidance_version_update(
            version=used_version_1,
            effective_from=used_version_1.effective_from,
            published_note="Changed",
            actor=administrator,
        ),
        lambda: guidance_figure_save(figure=figure, actor=administrator),
        lambda: guidance_figure_delete(figure=figure, actor=administrator),
        lambda: guidance_figure_save(
            figure=GuidanceFigure(
                version=used_version_1,
                area="any",
                injustice="outrage",
                situation="Outrage",
                unit="one_off",
                low=100,
                high=200,
                source="Test",
                status="unverified",
            ),
            actor=administrator,
        ),
    ):
        with pytest.raises(GuidanceError, match="has been used in a decision"):
            attempt()
    used_version_1.refresh_from_db()
    assert used_version_1.published_note != "Changed"
    assert used_version_1.figures.get(situation="Distress").high == 300
    assert used_version_1.figures.count() == 8


def test_changing_a_draft_figure_is_audited(draft: GuidanceVersion, administrator: User) -> None:
    figure = draft.figures.get(situation="Distress")
    figure.low, figure.high = 150, 350
    guidance_figure_save(figure=figure, actor=administrator)

    figure.refresh_from_db()
    assert (figure.low, figure.high) == (150, 350)
    assert _audits(figure)[-1].changes == {"low": [100, 150], "high": [300, 350]}
    assert GuidanceFigure.objects.get(version__number=1, situation="Distress").high == 300


def test_saving_an_unchanged_figure_writes_nothing(
    draft: GuidanceVersion, administrator: User
) -> None:
    figure = draft.figures.get(situation="Distress")
    guidance_figure_save(figure=figure, actor=administrator)
    assert _audits(figure) == []


def test_adding_and_removing_figures_in_a_draft(
    draft: GuidanceVersion, administrator: User
) -> None:
    added = guidance_figure_save(
        figure=GuidanceFigure(
            version=draft,
            area="planning",
            injustice="outrage",
            situation="Outrage at a flawed planning decision",
            unit="one_off",
            low=100,
            high=300,
            source="Guidance on remedies",
            status="unverified",
        ),
        actor=administrator,
    )
    assert _audits(added)[0].action == AuditAction.CREATE

    guidance_figure_delete(figure=added, actor=administrator)
    assert draft.figures.count() == 8
    assert "Outrage at a flawed planning decision" in _audits(draft)[-1].detail


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"low": 500, "high": 100}, "high"),
        ({"area": "moon"}, "area"),
        ({"exceptional_high": 50}, "exceptional_high"),
        ({"source": " "}, "source"),
    ],
)
def test_an_invalid_figure_is_refused_with_its_problems(
    draft: GuidanceVersion, administrator: User, changes: dict, field: str
) -> None:
    figure = draft.figures.get(situation="Distress")
    for name, value in changes.items():
        setattr(figure, name, value)
    with pytest.raises(GuidanceFigureError) as refused:
        guidance_figure_save(figure=figure, actor=administrator)
    assert field in refused.value.problems
    assert GuidanceFigure.objects.get(pk=figure.pk).high == 300


def test_marking_a_version_used_is_once_and_audited(
    version_1: GuidanceVersion, investigator: User
) -> None:
    guidance_version_mark_used(version=version_1, actor=investigator)
    version_1.refresh_from_db()
    first = version_1.first_used_at
    assert first is not None
    guidance_version_mark_used(version=version_1, actor=investigator)
    version_1.refresh_from_db()
    assert version_1.first_used_at == first
    assert [a.detail for a in _audits(version_1)] == [
        "First used in a decision: no longer editable"
    ]


def test_a_draft_cannot_be_used(draft: GuidanceVersion, investigator: User) -> None:
    with pytest.raises(GuidanceError, match="draft and not in force"):
        guidance_version_mark_used(version=draft, actor=investigator)
