"""The organisation's side: its link officers read our enquiries and answer them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from redress.accounts.models import User
from redress.domain.uploads import UploadRejected
from redress.organisations.portal_access import (
    organisation_case_or_404,
    organisation_user_required,
)

from . import selectors, services
from .forms import AnswerForm


def _link_officer(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # organisation_user_required lets only link officers in
        raise PermissionDenied("The organisation portal is for organisations' link officers.")
    return user


@organisation_user_required
def enquiry_list(request: HttpRequest, reference: str) -> HttpResponse:
    user = _link_officer(request)
    case = organisation_case_or_404(user, reference)
    enquiries = selectors.enquiries_for_organisation(case=case, user=user)
    return render(
        request,
        "investigation/organisation/enquiries.html",
        {"case": case, "url_reference": reference, "enquiries": list(enquiries)},
    )


@organisation_user_required
@require_http_methods(["GET", "POST"])
def enquiry_answer(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    user = _link_officer(request)
    case = organisation_case_or_404(user, reference)
    enquiry = selectors.enquiry_for_organisation(case=case, user=user, pk=pk)
    posted = request.method == "POST"
    form = AnswerForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and not enquiry.answered and form.is_valid():
        try:
            services.enquiry_answer(
                enquiry=enquiry,
                answer=form.cleaned_data["answer"],
                files=form.cleaned_data["documents"],
                actor=user,
            )
        except services.InvestigationError as error:
            form.add_error(None, str(error))
        except UploadRejected as rejected:
            form.add_error("documents", str(rejected))
        else:
            messages.success(
                request, f"Thank you. Your answer to enquiry {enquiry.number} was sent."
            )
            return redirect("investigation-org:list", reference=reference)
    return render(
        request,
        "investigation/organisation/answer.html",
        {"case": case, "url_reference": reference, "enquiry": enquiry, "form": form},
    )
