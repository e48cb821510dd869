"""Reads for a link officer: only their organisation's cases, and of those only what has
been shared with the organisation (letters to it, its own uploads, and the enquiries and
draft decisions that the investigation and decisions apps share).

Nothing here reads internal notes, contacts, other parties' documents or the complainant's
contact details: those never leave the scheme's own pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from redress.accounts.models import User
from redress.casework.models import Case, Deadline, Document, DocumentSource, StageTransition
from redress.domain.clocks import ClockKind
from redress.domain.stages import Stage
from redress.notifications.models import Letter

from .models import Organisation
from .portal_access import organisation_cases

# The clocks that run while the scheme waits for the organisation, in its own words.
WAITING_FOR_ORGANISATION: dict[ClockKind, str] = {
    ClockKind.ENQUIRY_REPLY: "Your reply to our enquiries",
    ClockKind.DRAFT_COMMENTS: "Any comments on our draft decision",
}

STAGE_FOR_ORGANISATION: dict[Stage, str] = {
    Stage.INTAKE: "We are checking the complaint",
    Stage.ASSESSMENT: "We are deciding whether to investigate",
    Stage.INVESTIGATION: "We are investigating",
    Stage.DRAFT_DECISION: "We have shared our draft decision",
    Stage.DECIDED: "We have made our final decision",
    Stage.COMPLIANCE: "We are checking the agreed actions are done",
    Stage.CLOSED: "Closed",
}

ORGANISATION_PARTY = "organisation"


def stage_for_organisation(stage: str) -> str:
    return STAGE_FOR_ORGANISATION[Stage(stage)]


def _letters_to(organisation: Organisation) -> Q:
    """Letters recorded as sent to this organisation: the organisation party, addressed to
    it by name ("Wessex County Council" or "Complaints team, Wessex County Council").

    Not by email address: two organisations may share one (a shared complaints service),
    and a letter to one must never show to the other.
    """
    addressed = Q(recipient_name__iexact=organisation.name) | Q(
        recipient_name__iendswith=f", {organisation.name}"
    )
    return Q(party__iexact=ORGANISATION_PARTY) & addressed


def _uploads_of(organisation: Organisation) -> Q:
    return Q(source=DocumentSource.ORGANISATION, uploaded_by__organisation=organisation)


def _shared_with(organisation: Organisation) -> Q:
    """Something on the case is the organisation's to see: a letter to it, a file it sent,
    or an investigation (where enquiries and draft decisions are shared)."""
    case = OuterRef("pk")
    return (
        Q(Exists(Letter.objects.filter(_letters_to(organisation), case=case)))
        | Q(Exists(Document.objects.filter(_uploads_of(organisation), case=case)))
        | Q(Exists(StageTransition.objects.filter(case=case, to_stage=Stage.INVESTIGATION.value)))
    )


def cases_for_organisation(*, user: User) -> QuerySet[Case]:
    """The organisation's cases with something shared with it, newest first, each with the
    deadlines on which the scheme waits for the organisation (two queries a page)."""
    organisation = user.organisation
    if organisation is None:
        return Case.objects.none()
    waiting = Deadline.objects.filter(
        met_at__isnull=True, kind__in=[kind.value for kind in WAITING_FOR_ORGANISATION]
    ).order_by("due_on")
    return (
        Case.objects.filter(organisation_cases(user))
        .filter(_shared_with(organisation))
        .only("reference", "stage", "received_on", "category")
        .prefetch_related(Prefetch("deadlines", queryset=waiting, to_attr="waiting"))
        .order_by("-received_on", "-id")
    )


@dataclass(frozen=True)
class Waiting:
    what: str
    due_on: dt.date


def waiting_on(case: Case) -> list[Waiting]:
    """What the scheme waits for from the organisation on a case from
    `cases_for_organisation` (or any case, at the cost of a query)."""
    deadlines = getattr(case, "waiting", None)
    if deadlines is None:
        deadlines = Deadline.objects.filter(
            case=case,
            met_at__isnull=True,
            kind__in=[kind.value for kind in WAITING_FOR_ORGANISATION],
        ).order_by("due_on")
    return [
        Waiting(WAITING_FOR_ORGANISATION[ClockKind(deadline.kind)], deadline.due_on)
        for deadline in deadlines
    ]


def letters_to_organisation(*, case: Case, organisation: Organisation) -> list[Letter]:
    """The letters and emails on the case sent to this organisation, newest first."""
    return list(
        Letter.objects.filter(_letters_to(organisation), case=case).only(
            "case_id", "subject", "channel", "created_at", "sent_at", "recipient_name", "pdf"
        )
    )


def letter_to_organisation(*, case: Case, organisation: Organisation, letter_id: int) -> Letter:
    letter = Letter.objects.filter(_letters_to(organisation), case=case, pk=letter_id).first()
    if letter is None:
        raise Http404("No such letter")
    return letter


def documents_from_organisation(*, case: Case, organisation: Organisation) -> list[Document]:
    """The files this organisation's link officers sent on the case, newest first."""
    return list(
        Document.objects.filter(_uploads_of(organisation), case=case)
        .only("original_name", "received_at", "size", "description", "kind")
        .order_by("-received_at", "-id")
    )


def shared_case_or_404(*, user: User, case: Case) -> Case:
    """The case, if something on it has been shared with the user's organisation; a 404
    otherwise (a case still being checked is not the organisation's to see yet)."""
    organisation = user.organisation
    if organisation is None or not (
        Case.objects.filter(pk=case.pk).filter(_shared_with(organisation)).exists()
    ):
        raise Http404("No such case")
    return case
