"""Staff pages for comments on a shared draft: recording one that came by letter, email or
phone, and recording the response to each."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from redress.domain.categories import Channel
from redress.domain.findings import CommentParty

from . import issuing, selectors, services
from .forms import ResponseForm, StaffCommentForm
from .pages import add_problems, back_to_overview, decision_or_404, form_page, writer_case


def _at(day: dt.date, now: dt.datetime) -> dt.datetime:
    """Today means now; an earlier day means the start of that working day."""
    if day == timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))


@login_required
@require_http_methods(["GET", "POST"])
def comment_record(request: HttpRequest, reference: str) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    form = StaffCommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issuing.comment_record(
                decision=decision,
                party=CommentParty(data["party"]),
                channel=Channel(data["channel"]),
                text=data["text"],
                received_at=_at(data["received_on"], timezone.now()),
                actor=user,
            )
        except services.DecisionError as error:
            add_problems(form, error)
        else:
            messages.success(request, "Comment recorded.")
            return back_to_overview(case)
    return form_page(request, "decisions/comment_record.html", case, form, decision=decision)


@login_required
@require_http_methods(["GET", "POST"])
def comment_respond(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user, case = writer_case(request, reference)
    decision = decision_or_404(case)
    comment = selectors.comment_for_decision(decision=decision, pk=pk)
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        initial={"response": comment.response},
    )
    if request.method == "POST" and form.is_valid():
        try:
            issuing.comment_respond(
                comment=comment, response=form.cleaned_data["response"], actor=user
            )
        except services.DecisionError as error:
            add_problems(form, error)
        else:
            messages.success(request, "Response recorded.")
            return back_to_overview(case)
    return form_page(request, "decisions/comment_respond.html", case, form, comment=comment)
