"""Staff pages for post-decision reviews and complaints about our service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from redress.casework.services import CaseConflictError
from redress.domain.categories import Channel
from redress.domain.findings import CommentParty
from redress.domain.reviews import ReviewError, ReviewKind, ReviewOutcome
from redress.domain.stages import TransitionError

from . import reviews, selectors
from .forms import ReviewDecisionForm, ReviewForm
from .pages import back_to_overview, form_page, staff_case
from .permissions import can_decide_review, can_record_review


@login_required
@require_http_methods(["GET", "POST"])
def review_record(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = staff_case(request, reference)
    if not can_record_review(user, case):
        raise PermissionDenied("You cannot record reviews on this case.")
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = reviews.review_record(
                case=case,
                new=reviews.NewReview(
                    kind=ReviewKind(data["kind"]),
                    received_on=data["received_on"],
                    party=CommentParty(data["party"]),
                    channel=Channel(data["channel"]),
                    summary=data["summary"],
                ),
                actor=user,
            )
        except ReviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"{row.kind_label} recorded. Decide it by {row.due_on:%d %B %Y}."
            )
            return back_to_overview(case)
    return form_page(request, "decisions/review_record.html", case, form)


@login_required
@require_http_methods(["GET", "POST"])
def review_decide(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = staff_case(request, reference)
    if not can_decide_review(user, case):
        raise PermissionDenied("Only a manager decides reviews and service complaints.")
    review = selectors.review_for_case(case=case, pk=pk)
    form = ReviewDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        outcome = ReviewOutcome(form.cleaned_data["outcome"])
        reopens = review.kind == ReviewKind.REVIEW and outcome == ReviewOutcome.UPHELD
        try:
            reviews.review_decide(
                review=review,
                outcome=outcome,
                reasons=form.cleaned_data["reasons"],
                reopen_at=form.reopen_stage() if reopens else None,
                actor=user,
            )
        except (ReviewError, TransitionError) as error:
            form.add_error("reopen_at" if "stage" in str(error) else None, str(error))
        except CaseConflictError:
            form.add_error(None, "The case changed while you were deciding. Please try again.")
        else:
            messages.success(request, "Decision recorded and the person who asked told.")
            return back_to_overview(case)
    return form_page(request, "decisions/review_decide.html", case, form, review=review)
