"""Reads for a user: every query starts from what that user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import F, QuerySet
from django.http import Http404

from redress.domain.references import parse_reference
from redress.domain.stages import Stage

from .models import Case, CaseNote, Contact, Deadline, StageTransition

if TYPE_CHECKING:
    from redress.accounts.models import User


class Scope:
    MINE = "mine"
    TEAM = "team"


class Sort:
    DUE = "due"
    RECEIVED_NEWEST = "received_newest"
    RECEIVED_OLDEST = "received_oldest"
    REFERENCE = "reference"


SORT_LABELS = {
    Sort.DUE: "Next due first",
    Sort.RECEIVED_NEWEST: "Received, newest first",
    Sort.RECEIVED_OLDEST: "Received, oldest first",
    Sort.REFERENCE: "Reference",
}


@dataclass(frozen=True)
class WorkqueueFilters:
    scope: str = Scope.MINE
    stage: Stage | None = None
    category: str = ""
    organisation_id: int | None = None
    overdue: bool = False
    include_closed: bool = False
    sort: str = Sort.DUE


def workqueue(*, user: User, filters: WorkqueueFilters, today: dt.date) -> QuerySet[Case]:
    cases = Case.objects.queue_of(user, team=filters.scope == Scope.TEAM)
    if filters.stage is not None:
        cases = cases.filter(stage=filters.stage)
    elif not filters.include_closed:
        cases = cases.exclude(stage=Stage.CLOSED)
    if filters.category:
        cases = cases.filter(category=filters.category)
    if filters.organisation_id is not None:
        cases = cases.filter(organisation_id=filters.organisation_id)
    if filters.overdue:
        cases = cases.filter(next_due_on__lt=today)
    ordering: list[Any]
    if filters.sort == Sort.RECEIVED_NEWEST:
        ordering = ["-received_on", "-id"]
    elif filters.sort == Sort.RECEIVED_OLDEST:
        ordering = ["received_on", "id"]
    elif filters.sort == Sort.REFERENCE:
        ordering = ["reference"]
    else:
        ordering = [F("next_due_on").asc(nulls_last=True), "id"]
    return (
        cases.select_related("organisation", "officer", "complainant")
        .only(
            "reference",
            "received_on",
            "stage",
            "category",
            "next_due_on",
            "next_due_kind",
            "sensitive",
            "organisation__name",
            "officer__first_name",
            "officer__last_name",
            "officer__username",
            "complainant__title",
            "complainant__first_name",
            "complainant__last_name",
        )
        .order_by(*ordering)
    )


def case_for_user(*, user: User, reference: str) -> Case:
    """The case with `reference` if `user` may see it; a 404 otherwise (no hint it exists)."""
    try:
        canonical = str(parse_reference(reference))
    except ValueError:
        raise Http404("No such case") from None
    case = (
        Case.objects.visible_to(user)
        .select_related("organisation", "complainant", "representative", "team", "officer")
        .filter(reference=canonical)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    kind: str  # "transition", "note" or "contact"
    item: Any


def case_timeline(*, case: Case) -> list[TimelineEntry]:
    """Stage changes, notes and contacts of one case, newest first (three queries)."""
    entries = [
        TimelineEntry(t.at, "transition", t)
        for t in StageTransition.objects.filter(case=case).select_related("actor")
    ]
    entries += [
        TimelineEntry(n.at, "note", n)
        for n in CaseNote.objects.filter(case=case).select_related("author")
    ]
    entries += [
        TimelineEntry(c.received_at, "contact", c)
        for c in Contact.objects.filter(case=case).select_related("recorded_by")
    ]
    entries.sort(key=lambda e: (e.at, e.kind), reverse=True)
    return entries


def case_open_deadlines(*, case: Case) -> list[Deadline]:
    return list(case.deadlines.filter(met_at__isnull=True).order_by("due_on", "kind"))


def contact_for_user(*, user: User, case: Case, contact_id: int) -> Contact:
    contact = Contact.objects.filter(case=case, pk=contact_id).first()
    if contact is None:
        raise Http404("No such contact")
    return contact
