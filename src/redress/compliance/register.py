"""The public register of service improvements each organisation has agreed.

Published without identifying details (DOMAIN.md §7): no reference, no names, no case
details beyond the category and the month and year. Sensitive cases are left out. The
improvement's own wording is published with the complainant's and representative's
names replaced by "X", in case the wording named them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404

from redress.domain.categories import Category
from redress.domain.compliance import (
    Improvement,
    ItemStatus,
    fault_kind,
    repeated_improvements,
    without_names,
)
from redress.domain.remedies import RemedyKind
from redress.organisations.models import Organisation

from .models import ComplianceItem

PUBLIC_STATUS = {
    ItemStatus.DUE: "In progress",
    ItemStatus.EVIDENCE_RECEIVED: "In progress",
    ItemStatus.OVERDUE: "Overdue",
    ItemStatus.SATISFIED: "Done",
    ItemStatus.NOT_COMPLIED: "Not done",
}


@dataclass(frozen=True)
class PublishedImprovement:
    agreed: str  # month and year
    category: str
    improvement: str
    due: str  # month and year
    status: str
    repeated: bool


@dataclass(frozen=True)
class RegisterEntry:
    organisation: Organisation
    improvements: int


def _improvements() -> Q:
    return Q(kind=RemedyKind.SERVICE_IMPROVEMENT)


def register_index() -> list[RegisterEntry]:
    """Every organisation with a published service improvement, by name (two queries)."""
    counts = dict(
        ComplianceItem.objects.filter(_improvements(), case__sensitive=False)
        .values("case__organisation")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("case__organisation", "n")
    )
    return [
        RegisterEntry(organisation=o, improvements=counts[o.pk])
        for o in Organisation.objects.filter(pk__in=counts).order_by("name")
    ]


def register_organisation(pk: int) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        raise Http404("No such organisation")
    return organisation


def _month(day: dt.date) -> str:
    return f"{day:%B %Y}"


def published_improvements(organisation: Organisation) -> list[PublishedImprovement]:
    """The organisation's agreed service improvements, newest first, each flagged when it
    repeats one agreed for the same kind of fault on another case within three years."""
    items = list(
        ComplianceItem.objects.filter(_improvements(), case__organisation=organisation)
        .select_related("case", "case__complainant", "case__representative")
        .only(
            "action",
            "status",
            "due_on",
            "decided_on",
            "case__category",
            "case__subcategory",
            "case__sensitive",
            "case__complainant__first_name",
            "case__complainant__last_name",
            "case__representative__first_name",
            "case__representative__last_name",
        )
        .order_by("-decided_on", "-pk")
    )
    repeats = repeated_improvements(
        [
            Improvement(
                key=item.pk,
                organisation=organisation.pk,
                case=item.case_id,
                fault=fault_kind(item.case.category, item.case.subcategory),
                agreed_on=item.decided_on,
            )
            for item in items
        ]
    )
    return [
        PublishedImprovement(
            agreed=_month(item.decided_on),
            category=Category(item.case.category).label,
            improvement=without_names(item.action, _names(item)),
            due=_month(item.due_on),
            status=PUBLIC_STATUS[ItemStatus(item.status)],
            repeated=item.pk in repeats,
        )
        for item in items
        if not item.case.sensitive
    ]


def _names(item: ComplianceItem) -> list[str]:
    people = [item.case.complainant, item.case.representative]
    return [name for p in people if p is not None for name in (p.first_name, p.last_name)]


CSV_HEADER = (
    "organisation",
    "agreed",
    "category",
    "improvement",
    "due",
    "status",
    "repeat_of_earlier_improvement",
)


def register_rows(organisation: Organisation) -> list[tuple[str, ...]]:
    """The open-data rows, the same as the page shows."""
    return [
        (
            organisation.name,
            row.agreed,
            row.category,
            row.improvement,
            row.due,
            row.status,
            "yes" if row.repeated else "no",
        )
        for row in published_improvements(organisation)
    ]
