"""Triage for cases at intake, and the reads behind the staff intake pages.

The rules are in `redress.domain.triage`; this module gathers each case's facts for them.
Likely duplicates come from one bounded query for a whole page of cases (same complainant
email, or same name and postcode, and the same organisation, within 90 days); their text
is compared in Python over a handful of candidates each. Moving that comparison into the
database (trigram or full-text similarity) is the step to take when it needs to scale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet

from redress.casework.models import Case, Contact, Direction, Person
from redress.domain.categories import WRITTEN_CHANNELS, Category, OrganisationType
from redress.domain.complaints import ComplainedFirst
from redress.domain.stages import Outcome, Stage
from redress.domain.triage import (
    DUPLICATE_WINDOW,
    Candidate,
    ComplaintFacts,
    Suggestion,
    suggest,
    text_similarity,
)

from .models import ComplaintDetails

if TYPE_CHECKING:
    from redress.accounts.models import User

# Earlier cases compared with each case; the nearest in time are kept.
CANDIDATES_PER_CASE = 5
_COMPLAINED = frozenset({ComplainedFirst.WAITING, ComplainedFirst.FINAL_RESPONSE})


def details_of(case: Case) -> ComplaintDetails | None:
    """What the complainant told us beyond the case's fields, if it was recorded."""
    try:
        return case.complaint_details
    except ComplaintDetails.DoesNotExist:
        return None


def complaint_text(case: Case, details: ComplaintDetails | None) -> str:
    parts = [case.summary, case.outcome_sought, details.injustice if details else ""]
    return "\n".join(part for part in parts if part)


def facts_of(case: Case, candidates: Sequence[Candidate] = ()) -> ComplaintFacts:
    details = details_of(case)
    complained = ComplainedFirst(details.complained_first) if details else None
    return ComplaintFacts(
        organisation_name=case.organisation.name,
        organisation_type=OrganisationType(case.organisation.org_type),
        category=Category(case.category),
        subcategory=case.subcategory,
        text=complaint_text(case, details),
        received_on=case.received_on,
        complained_to_organisation=None if complained is None else complained in _COMPLAINED,
        final_response_received=None
        if complained is None
        else complained == ComplainedFirst.FINAL_RESPONSE,
        final_response_on=details.final_response_on if details else None,
        first_knew_on=details.first_knew_on if details else None,
        candidates=tuple(candidates),
    )


def _same_person(a: Person, b: Person) -> bool:
    if a.email and a.email.casefold() == b.email.casefold():
        return True
    name = (a.first_name.casefold().strip(), a.last_name.casefold().strip())
    postcode = a.postcode.replace(" ", "").casefold()
    return bool(postcode) and (
        name == (b.first_name.casefold().strip(), b.last_name.casefold().strip())
        and postcode == b.postcode.replace(" ", "").casefold()
    )


def _could_be_same_complainant(case: Case) -> Q:
    person = case.complainant
    who = Q(pk__in=[])
    if person.email:
        who |= Q(complainant__email__iexact=person.email)
    compact = person.postcode.replace(" ", "")
    if compact:
        # Postcodes are typed with or without their space; look for both.
        spaced = f"{compact[:-3]} {compact[-3:]}"
        who |= Q(
            Q(complainant__postcode__iexact=compact) | Q(complainant__postcode__iexact=spaced),
            complainant__first_name__iexact=person.first_name.strip(),
            complainant__last_name__iexact=person.last_name.strip(),
        )
    since = case.received_on - DUPLICATE_WINDOW
    return who & Q(
        organisation_id=case.organisation_id, received_on__range=(since, case.received_on)
    )


def _earlier(candidate: Case, case: Case) -> bool:
    return (candidate.received_on, candidate.pk) < (case.received_on, case.pk)


def duplicate_candidates(*, cases: Sequence[Case], user: User) -> dict[int, list[Candidate]]:
    """Earlier cases each case might repeat, from one query over every case.

    A repeat sent to another team is still a repeat, so the search is not limited to what
    `user` can open; a second query says which of the candidates they can, and the domain
    words the others accordingly (never naming a restricted case).
    """
    conditions = [_could_be_same_complainant(case) for case in cases]
    if not conditions:
        return {}
    where = conditions[0]
    for condition in conditions[1:]:
        where |= condition
    limit = CANDIDATES_PER_CASE * len(cases) * 2
    rows = list(
        Case.objects.filter(where)
        .select_related("complainant")
        .only(
            "reference", "received_on", "organisation", "summary", "outcome_sought",
            "stage", "outcome", "complainant__email", "complainant__first_name",
            "complainant__last_name", "complainant__postcode", "sensitive",
        )
        .order_by("-received_on", "-id")[:limit]
    )  # fmt: skip
    visible = (
        set(
            Case.objects.visible_to(user)
            .filter(pk__in=[row.pk for row in rows])
            .values_list("pk", flat=True)
        )
        if rows
        else set()
    )
    found: dict[int, list[Candidate]] = {}
    for case in cases:
        mine = [
            row
            for row in rows
            if row.organisation_id == case.organisation_id
            and _earlier(row, case)
            and _same_person(case.complainant, row.complainant)
        ][:CANDIDATES_PER_CASE]
        text = complaint_text(case, details_of(case))
        found[case.pk] = [
            Candidate(
                reference=row.reference,
                received_on=row.received_on,
                same_person=True,
                same_organisation=True,
                similarity=text_similarity(text, f"{row.summary}\n{row.outcome_sought}"),
                stage=Stage(row.stage),
                outcome=Outcome(row.outcome) if row.outcome else None,
                visible=row.pk in visible,
                restricted=row.sensitive,
            )
            for row in mine
        ]
    return found


def suggestions_for(
    *, cases: Sequence[Case], user: User, today: dt.date
) -> dict[int, list[Suggestion]]:
    """Triage suggestions for each case (fetched with `with_triage_facts`), by case id."""
    candidates = duplicate_candidates(cases=cases, user=user)
    return {
        case.pk: suggest(facts_of(case, candidates.get(case.pk, ())), today=today) for case in cases
    }


def with_triage_facts(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("organisation", "complainant", "complaint_details")


def intake_queue(*, user: User) -> QuerySet[Case]:
    """The person's team's cases at intake, due first, then oldest first."""
    cases = Case.objects.queue_of(user, team=True).filter(stage=Stage.INTAKE)
    return with_triage_facts(cases).order_by(
        F("next_due_on").asc(nulls_last=True), "received_on", "id"
    )


def written_contacts_waiting(*, user: User) -> QuerySet[Contact]:
    """Letters, emails and messages received on the team's cases and not yet dealt with."""
    return (
        Contact.objects.filter(
            case__in=Case.objects.queue_of(user, team=True),
            direction=Direction.INBOUND,
            handled_at__isnull=True,
            channel__in=[channel.value for channel in WRITTEN_CHANNELS],
        )
        .select_related("case")
        .only("channel", "party", "summary", "received_at", "case__reference", "case__stage")
        .order_by("received_at", "id")
    )


def written_contact_for(*, user: User, contact_id: int) -> Contact | None:
    return (
        Contact.objects.filter(pk=contact_id, case__in=Case.objects.visible_to(user))
        .select_related("case")
        .first()
    )
