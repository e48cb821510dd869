"""Reads for decisions and reviews. Staff reach a case through `case_for_user`
(`visible_to`); organisation users through the organisation portal's scope; complainants
through the portal's. Each read here starts from a case the caller already scoped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from redress.domain.findings import SEEN_BY_PARTIES, FindingError
from redress.domain.stages import Outcome
from redress.investigation.models import ComplaintIssue

from .models import Decision, DraftComment, ReviewRequest
from .services import derived_outcome, finding_of, open_decision

if TYPE_CHECKING:
    from redress.accounts.models import User
    from redress.casework.models import Case, Person

    from .models import Finding

_SHARED_STATUSES = sorted(status.value for status in SEEN_BY_PARTIES)


@dataclass(frozen=True)
class IssueRow:
    issue: ComplaintIssue
    finding: Finding | None


def issues_with_findings(*, case: Case) -> list[IssueRow]:
    """The case's numbered issues with their findings (one query)."""
    issues = ComplaintIssue.objects.filter(case=case).select_related("finding").order_by("number")
    return [IssueRow(issue, finding_of(issue)) for issue in issues]


def issue_for_case(*, case: Case, issue_id: int) -> ComplaintIssue:
    issue = ComplaintIssue.objects.filter(case=case, pk=issue_id).first()
    if issue is None:
        raise Http404("No such issue")
    return issue


def outcome_so_far(*, case: Case) -> tuple[Outcome | None, str]:
    """The outcome the findings give, or None with what is still missing."""
    try:
        return derived_outcome(case), ""
    except FindingError as error:
        return None, str(error)


def current_decision(*, case: Case) -> Decision | None:
    return open_decision(case)


def decisions_for_case(*, case: Case) -> QuerySet[Decision]:
    return Decision.objects.filter(case=case).select_related(
        "shared_by", "issued_by", "overridden_by", "draft_document", "final_document"
    )


def decision_for_case(*, case: Case, pk: int) -> Decision:
    decision = Decision.objects.filter(case=case, pk=pk).select_related("case").first()
    if decision is None:
        raise Http404("No such decision")
    return decision


def comments_on(*, decision: Decision) -> list[DraftComment]:
    return list(
        decision.comments.select_related("recorded_by", "responded_by", "from_person").order_by(
            "received_at", "id"
        )
    )


def comment_for_decision(*, decision: Decision, pk: int) -> DraftComment:
    comment = DraftComment.objects.filter(decision=decision, pk=pk).first()
    if comment is None:
        raise Http404("No such comment")
    return comment


def reviews_for_case(*, case: Case) -> list[ReviewRequest]:
    return list(
        ReviewRequest.objects.filter(case=case)
        .select_related("decided_by", "recorded_by")
        .order_by("-received_on", "-id")
    )


def review_for_case(*, case: Case, pk: int) -> ReviewRequest:
    review = ReviewRequest.objects.filter(case=case, pk=pk).select_related("case").first()
    if review is None:
        raise Http404("No such review")
    return review


def drafts_for_organisation(*, case: Case, user: User) -> list[Decision]:
    """Drafts shared with the user's organisation on a case about it, newest first.

    `case` must come from the organisation portal's own scope
    (`organisation_case_or_404`); a case about another organisation gives nothing.
    """
    if user.organisation_id is None or case.sensitive:
        # Sensitive cases stay out of the organisation portal (as in `visible_to`).
        return []
    about_them = (
        case.organisation_id == user.organisation_id
        or case.other_organisations.filter(pk=user.organisation_id).exists()
    )
    if not about_them:
        return []
    return list(
        Decision.objects.filter(case=case, status__in=_SHARED_STATUSES).order_by(
            "-shared_at", "-id"
        )
    )


def shared_decision(*, case: Case, pk: int) -> Decision:
    """A decision shared with the parties on `case` (already scoped to them); 404 otherwise."""
    decision = (
        Decision.objects.filter(case=case, pk=pk, status__in=_SHARED_STATUSES)
        .select_related("case", "case__organisation")
        .first()
    )
    if decision is None:
        raise Http404("No such draft")
    return decision


def party_comments(*, decision: Decision, party: str) -> list[DraftComment]:
    """One party's own comments and our responses (never the other party's)."""
    return list(decision.comments.filter(party=party).order_by("received_at", "id"))


def drafts_for_person(*, case: Case, person: Person) -> list[Decision]:
    if person.pk not in (case.complainant_id, case.representative_id):
        return []
    return list(
        Decision.objects.filter(case=case, status__in=_SHARED_STATUSES).order_by(
            "-shared_at", "-id"
        )
    )
