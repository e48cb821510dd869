"""Reads for a person signed in to the portal: only the cases they complained about or
represent, and of those only what was written for them.

`_cases_of` is the single definition of a person's scope. Anything outside it is a 404,
whether it exists or not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from redress.casework.models import (
    Case,
    Contact,
    Deadline,
    Direction,
    Document,
    DocumentSource,
    Person,
)
from redress.domain.categories import Channel
from redress.domain.clocks import ClockKind
from redress.domain.portal import Expectation, expectations, letter_is_for_complainant_side
from redress.domain.references import parse_reference
from redress.notifications.models import Letter

from .models import SignInLink


def person_signed_in(*, person_id: int) -> Person | None:
    return Person.objects.filter(pk=person_id).first()


def sign_in_link_by_hash(*, token_hash: str) -> SignInLink | None:
    return SignInLink.objects.select_related("person").filter(token_hash=token_hash).first()


def _cases_of(person: Person) -> QuerySet[Case]:
    return Case.objects.filter(Q(complainant=person) | Q(representative=person))


def cases_for_person(*, person: Person) -> QuerySet[Case]:
    """The person's complaints, newest first, with what the list page shows (one query)."""
    return (
        _cases_of(person)
        .select_related("organisation")
        .only("reference", "received_on", "stage", "organisation__name")
        .order_by("-received_on", "-id")
    )


def case_for_person(*, person: Person, reference: str) -> Case:
    """The case with `reference` if the person complained or represents; a 404 otherwise."""
    try:
        canonical = str(parse_reference(reference))
    except ValueError:
        raise Http404("No such case") from None
    case = (
        _cases_of(person)
        .select_related("organisation", "complainant", "representative")
        .filter(reference=canonical)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def case_expectations(*, case: Case, today: dt.date) -> list[Expectation]:
    """What we have promised the person on this case and by when, soonest first."""
    known = {kind.value: kind for kind in ClockKind}
    running = [
        (known[kind], due)
        for kind, due in Deadline.objects.filter(case=case, met_at__isnull=True).values_list(
            "kind", "due_on"
        )
        if kind in known
    ]
    return expectations(running, today=today)


def _letters_of(case: Case) -> list[Letter]:
    # Letters to the organisation are not the complainant's to read.
    letters = Letter.objects.filter(case=case).only(
        "case_id", "party", "subject", "channel", "pdf", "created_at", "recipient_name"
    )
    return [letter for letter in letters if letter_is_for_complainant_side(letter.party)]


def letters_for_case(*, case: Case) -> list[Letter]:
    """The letters and emails sent to the complainant or their representative, newest first."""
    return _letters_of(case)


def letter_for_case(*, case: Case, letter_id: int) -> Letter:
    letter = Letter.objects.filter(case=case, pk=letter_id).first()
    if letter is None or not letter_is_for_complainant_side(letter.party):
        raise Http404("No such letter")
    return letter


@dataclass(frozen=True)
class SentItem:
    at: dt.datetime
    text: str


def messages_sent(*, case: Case) -> list[SentItem]:
    """Messages sent through the portal on this case, newest first."""
    rows = Contact.objects.filter(
        case=case, direction=Direction.INBOUND, channel=Channel.PORTAL
    ).order_by("-received_at", "-id")
    return [SentItem(row.received_at, row.summary) for row in rows]


def evidence_sent(*, case: Case) -> list[SentItem]:
    """The names of files the complainant's side has sent, newest first."""
    rows = Document.objects.filter(case=case, source=DocumentSource.COMPLAINANT).order_by(
        "-received_at", "-id"
    )
    return [
        SentItem(row.received_at, row.original_name)
        for row in rows.only("received_at", "original_name")
    ]
