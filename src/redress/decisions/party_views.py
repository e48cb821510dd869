"""The parties' pages for a shared draft: read it and send comments.

Organisation link officers come through the organisation portal (its sign-in, one-time
code and case scope); complainants and representatives through the complainant portal's
session. Each party sees the draft, and only their own comments with our responses; the
scheme's internal notes (quality checks, override reasons) are never shown here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from redress.accounts.models import User
from redress.casework.models import Person
from redress.domain.findings import CommentParty, DecisionStatus, takes_comments
from redress.domain.stages import Stage
from redress.organisations.portal_access import (
    organisation_case_or_404,
    organisation_user_required,
)
from redress.portal import selectors as portal_selectors
from redress.portal.services import portal_view_record
from redress.portal.session import portal_sign_in_required

from . import issuing, selectors, services
from .forms import CommentForm
from .models import Decision
from .pages import url_reference


def _comment(
    request: HttpRequest,
    *,
    decision: Decision,
    party: CommentParty,
    template: str,
    send: Callable[[str], object],
    success_url: str,
    extra: dict[str, object],
) -> HttpResponse:
    form = CommentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            send(form.cleaned_data["text"])
        except services.DecisionError as error:
            form.add_error("text" if "text" in error.problems else None, str(error))
        else:
            messages.success(request, "Your comments have been sent. Thank you.")
            return redirect(success_url)
    return render(
        request,
        template,
        {
            "decision": decision,
            "case": decision.case,
            "ref": url_reference(decision.case),
            "form": form,
            "own_comments": selectors.party_comments(decision=decision, party=party),
            "open": takes_comments(decision.status_enum, Stage(decision.case.stage)),
            "final": decision.status_enum == DecisionStatus.ISSUED,
            **extra,
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_user_required
def organisation_comment(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):
        raise Http404("No such case")
    case = organisation_case_or_404(user, reference)
    if case.sensitive:
        # Sensitive cases are handled with the organisation outside the portal.
        raise Http404("No such case")
    decision = selectors.shared_decision(case=case, pk=pk)
    if decision not in selectors.drafts_for_organisation(case=case, user=user):
        raise Http404("No such draft")
    url = request.path
    return _comment(
        request,
        decision=decision,
        party=CommentParty.ORGANISATION,
        template="decisions/organisation_comment.html",
        send=lambda text: issuing.comment_from_organisation(
            decision=decision, text=text, user=user
        ),
        success_url=url,
        extra={},
    )


@require_http_methods(["GET", "POST"])
@portal_sign_in_required
def complainant_comment(
    request: HttpRequest, person: Person, reference: str, pk: int
) -> HttpResponse:
    case = portal_selectors.case_for_person(person=person, reference=reference)
    decision = selectors.shared_decision(case=case, pk=pk)
    if decision not in selectors.drafts_for_person(case=case, person=person):
        raise Http404("No such draft")
    if request.method == "GET":
        portal_view_record(person=person, instance=decision, case=case)
    return _comment(
        request,
        decision=decision,
        party=CommentParty.COMPLAINANT,
        template="decisions/complainant_comment.html",
        send=lambda text: issuing.comment_from_complainant(
            decision=decision, text=text, person=person
        ),
        success_url=request.path,
        extra={"portal_signed_in": True},
    )
