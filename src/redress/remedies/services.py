"""Changing the remedy guidance: copying a version, putting it into force, editing its
figures, and recording that a decision used it. Each checks, writes and audits in one
transaction.

A version a decision has used never changes again (its figures, start date and note), so
every decision can always show the guidance it relied on. The one exception is its end
date, which is written when the next version comes into force.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from redress.audit.models import AuditAction
from redress.audit.services import audit_record, changes_between, snapshot
from redress.domain.remedies import figure_problems

from .models import GuidanceFigure, GuidanceVersion
from .permissions import may_edit_guidance

if TYPE_CHECKING:
    from redress.accounts.models import User

FIGURE_FIELDS = (
    "version",
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
VERSION_FIELDS = ("effective_from", "effective_to", "published_note")


class GuidanceError(ValueError):
    """A change the rules of the guidance refuse, with a message fit to show."""


class GuidanceFigureError(GuidanceError):
    """A figure as typed has problems, by field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def _require_editor(actor: User) -> None:
    if not may_edit_guidance(actor):
        raise PermissionDenied("Only administrators change the remedy guidance.")


def _lock(version: GuidanceVersion) -> GuidanceVersion:
    return GuidanceVersion.objects.select_for_update().get(pk=version.pk)


def _refuse_if_used(version: GuidanceVersion) -> None:
    if version.is_used:
        raise GuidanceError(
            f"Version {version.number} has been used in a decision, so it cannot change. "
            "Copy it into a new version and change that."
        )


def guidance_version_copy(*, actor: User) -> GuidanceVersion:
    """A new draft version holding a copy of the newest version's figures."""
    _require_editor(actor)
    with transaction.atomic():
        # Locking every version row serialises two administrators copying at once.
        versions = list(GuidanceVersion.objects.select_for_update().order_by("-number"))
        drafts = [version.number for version in versions if version.is_draft]
        if drafts:
            raise GuidanceError(
                f"Version {drafts[0]} is still a draft: change that one instead of making "
                "another copy."
            )
        newest = versions[0] if versions else None
        copy = GuidanceVersion.objects.create(
            number=(newest.number + 1) if newest else 1,
            published_note="",
            created_at=timezone.now(),
            created_by=actor,
        )
        figures = list(newest.figures.all()) if newest else []
        for figure in figures:
            figure.pk = None
            figure.version = copy
        GuidanceFigure.objects.bulk_create(figures)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=copy,
            changes={"number": [None, copy.number]},
            detail=(
                f"Copied {len(figures)} figures from version {newest.number}"
                if newest
                else "First version, with no figures"
            ),
        )
    return copy


def guidance_version_update(
    *,
    version: GuidanceVersion,
    effective_from: dt.date | None,
    published_note: str,
    actor: User,
) -> GuidanceVersion:
    """Change a version's start date and note. Giving the newest version a start date puts
    it into force from that day and ends the version before it the day before."""
    _require_editor(actor)
    with transaction.atomic():
        version = _lock(version)
        _refuse_if_used(version)
        before = snapshot(version, VERSION_FIELDS)
        previous = _previous_in_force(version)
        if previous is not None:
            previous = _lock(previous)
        problem = version_start_problem(version, effective_from)
        if problem:
            raise GuidanceError(problem)
        if effective_from != version.effective_from and previous is not None:
            _end_previous(previous, effective_from, actor)
        version.effective_from = effective_from
        version.published_note = published_note.strip()
        version.save(update_fields=["effective_from", "published_note"])
        changes = changes_between(before, snapshot(version, VERSION_FIELDS))
        if changes:
            audit_record(actor=actor, action=AuditAction.UPDATE, instance=version, changes=changes)
    return version


def _previous_in_force(version: GuidanceVersion) -> GuidanceVersion | None:
    return (
        GuidanceVersion.objects.filter(number__lt=version.number, effective_from__isnull=False)
        .order_by("-number")
        .first()
    )


def version_start_problem(version: GuidanceVersion, effective_from: dt.date | None) -> str | None:
    """Why a version may not take this start date, or None if it may.

    Only the newest version may change its start date (an older one is followed by
    another), and it must start after the version before it.
    """
    if version.is_used:
        return (
            f"Version {version.number} has been used in a decision, so it cannot change. "
            "Copy it into a new version and change that."
        )
    if effective_from == version.effective_from:
        return None
    newest = GuidanceVersion.objects.aggregate(newest=Max("number"))["newest"]
    if newest is not None and version.number != newest:
        return (
            f"Only the newest version can change its start date; version "
            f"{version.number} has been followed by version {newest}."
        )
    previous = _previous_in_force(version)
    if (
        effective_from is not None
        and previous is not None
        and previous.effective_from is not None
        and effective_from <= previous.effective_from
    ):
        return (
            f"The start date must be after {previous.effective_from.day} "
            f"{previous.effective_from:%B %Y}, when version {previous.number} came into force."
        )
    return None


def _end_previous(previous: GuidanceVersion, starts: dt.date | None, actor: User) -> None:
    ends = None if starts is None else starts - dt.timedelta(days=1)
    if previous.effective_to == ends:
        return
    before = snapshot(previous, ("effective_to",))
    previous.effective_to = ends
    previous.save(update_fields=["effective_to"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=previous,
        changes=changes_between(before, snapshot(previous, ("effective_to",))),
        detail="Ended by the next version coming into force",
    )


def guidance_figure_save(*, figure: GuidanceFigure, actor: User) -> GuidanceFigure:
    """Add a figure to a version, or save changes to one, while no decision has used it."""
    _require_editor(actor)
    problems = figure_problems(
        area=figure.area,
        situation=figure.situation,
        low=figure.low,
        high=figure.high,
        exceptional_high=figure.exceptional_high,
        source=figure.source,
    )
    if problems:
        raise GuidanceFigureError(problems)
    with transaction.atomic():
        version = _lock(figure.version)
        _refuse_if_used(version)
        if figure.pk is None:
            figure.save()
            audit_record(
                actor=actor,
                action=AuditAction.CREATE,
                instance=figure,
                changes=changes_between({}, snapshot(figure, FIGURE_FIELDS)),
            )
            return figure
        stored = GuidanceFigure.objects.select_for_update().get(pk=figure.pk)
        if stored.version_id != version.pk:
            raise GuidanceError("A figure cannot move to another version.")
        changes = changes_between(snapshot(stored, FIGURE_FIELDS), snapshot(figure, FIGURE_FIELDS))
        if changes:
            figure.save(update_fields=[name for name in FIGURE_FIELDS if name in changes])
            audit_record(actor=actor, action=AuditAction.UPDATE, instance=figure, changes=changes)
    return figure


def guidance_figure_delete(*, figure: GuidanceFigure, actor: User) -> None:
    """Remove a figure from a version no decision has used."""
    _require_editor(actor)
    with transaction.atomic():
        version = _lock(figure.version)
        _refuse_if_used(version)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=version,
            changes={"figures": [figure.situation, None]},
            detail=f"Removed figure {figure.pk}: {figure.situation}"[:200],
        )
        figure.delete()


def guidance_version_mark_used(*, version: GuidanceVersion, actor: User | None) -> None:
    """Record that a decision relied on this version, so it is never changed again.

    Called by the service that records a decision's remedies, inside its transaction.
    """
    with transaction.atomic():
        version = _lock(version)
        if version.is_draft:
            raise GuidanceError(
                f"Version {version.number} is a draft and not in force: a decision cannot use it."
            )
        if version.is_used:
            return
        version.first_used_at = timezone.now()
        version.save(update_fields=["first_used_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=version,
            changes={"first_used_at": [None, version.first_used_at.isoformat()]},
            detail="First used in a decision: no longer editable",
        )
