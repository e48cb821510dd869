"""Check your answers, send the complaint, and the confirmation with its reference.

Sending is safe to repeat: the form names its draft, and the service returns the case
already made for it. A refresh, a double click or a retry all end on the same reference.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from redress.domain.complaints import Step, first_unanswered

from .. import services
from ..selectors import draft_files, draft_sent, organisation_named
from .forms import SubmitForm
from .session import (
    DRAFT_KEY,
    SENT_KEY,
    client_address,
    current_draft,
    journey_page,
    remember_sent,
    scheme_phone,
    timeout_context,
)
from .steps import summary_sections
from .views import not_sent, step_url


@journey_page
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _send(request)
    draft = current_draft(request)
    if draft is None:
        if draft_sent(public_id=request.session.get(SENT_KEY)) is not None:
            return redirect("intake:confirmation")
        return redirect("intake:start")
    missing = first_unanswered(draft.answers)
    if missing is not None:
        return redirect(step_url(missing))
    organisation_id = draft.answers.get("organisation", {}).get("organisation")
    sections = summary_sections(
        draft.answers,
        organisation=organisation_named(organisation_id=organisation_id),
        files=list(draft_files(draft=draft)),
    )
    return render(
        request,
        "intake/journey/check.html",
        {
            "sections": [(title, [row.summary_row() for row in rows]) for title, rows in sections],
            "submit_form": SubmitForm(initial={"draft": draft.public_id}),
            "back_url": step_url(Step.CONSENT),
            **timeout_context(),
        },
    )


def _send(request: HttpRequest) -> HttpResponse:
    form = SubmitForm(request.POST)
    if str(request.POST.get("website", "")).strip():
        return not_sent(request)
    if not form.is_valid():
        return redirect("intake:check")
    public_id = form.cleaned_data["draft"]
    if public_id not in (request.session.get(DRAFT_KEY), request.session.get(SENT_KEY)):
        # Not this browser's draft (or the session ended): start from what it holds.
        messages.error(request, "Your session has ended. Check your answers and send again.")
        return redirect("intake:check")
    try:
        services.complaint_submit(public_id=public_id, address=client_address(request))
    except services.DraftIncompleteError as missing:
        messages.error(request, "Answer this question before you send your complaint.")
        return redirect(step_url(missing.step))
    except services.SubmissionRateLimitedError as limited:
        return render(
            request,
            "intake/journey/rate_limited.html",
            {
                "retry_at": timezone.localtime(limited.retry_at),
                "now_date": timezone.localdate(),
                "scheme_phone": scheme_phone(),
            },
            status=429,
        )
    remember_sent(request, public_id)
    return redirect("intake:confirmation")


@journey_page
def confirmation(request: HttpRequest) -> HttpResponse:
    draft = draft_sent(public_id=request.session.get(SENT_KEY))
    if draft is None or draft.case is None:
        return redirect("intake:start")
    case = draft.case
    person = case.representative or case.complainant
    return render(
        request,
        "intake/journey/confirmation.html",
        {
            "case": case,
            "email": person.email,
            "by_post": person.preferred_contact == "letter" or not person.email,
            "scheme_phone": scheme_phone(),
        },
    )
